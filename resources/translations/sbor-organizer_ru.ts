<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Wording</name>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>В продаже</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>Ожидает оплаты</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачен</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращён</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истёк</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Действителен</translation>
    </message>
    <message>
        <source>Co-organizer</source>
        <translation>Соорганизатор</translation>
    </message>
    <message>
        <source>Door staff</source>
        <translation>Сотрудник входа</translation>
    </message>
    <message>
        <source>%1 (%2 your time)</source>
        <translation>%1 (%2 по вашему времени)</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::CopyEventDialog</name>
    <message>
        <source>Copy “%1”</source>
        <translation>Копирование «%1»</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <source>The copy is a draft with the same ticket types (nothing sold), gates, programme and team, every date moved with the start. Orders, attendees and kiosks are not copied.</source>
        <translation>Копия — черновик с теми же типами билетов (без продаж), входами, программой и командой; все даты сдвигаются вместе с началом. Заказы, участники и киоски не копируются.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Starts (%1):</source>
        <translation>Н&amp;ачало (%1):</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Окончание:</translation>
    </message>
    <message>
        <source>Create the copy</source>
        <translation>Создать копию</translation>
    </message>
    <message>
        <source>Give the copy a title.</source>
        <translation>Укажите название копии.</translation>
    </message>
    <message>
        <source>The server cannot be reached; nothing was copied. Try again in a moment.</source>
        <translation>Сервер недоступен; ничего не скопировано. Повторите попытку чуть позже.</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::DashboardPage</name>
    <message>
        <source>Ticket type</source>
        <translation>Тип билета</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Продано</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Вместимость</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Прошли</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>Внутри сейчас</translation>
    </message>
    <message>
        <source>Tickets sold per hour</source>
        <translation>Продажи билетов по часам</translation>
    </message>
    <message>
        <source>Admissions per minute, last hour</source>
        <translation>Проходы в минуту за последний час</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>The door</source>
        <translation>На входе</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Conflict: the ticket of %1 was admitted at %2 and again at %3.</source>
        <translation>Конфликт: билет участника %1 пропущен в %2 и повторно в %3.</translation>
    </message>
    <message>
        <source>Not loaded: %1</source>
        <translation>Не загружено: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>tickets sold</source>
        <translation>билетов продано</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>выручка</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>прошли</translation>
    </message>
    <message>
        <source>inside now</source>
        <translation>внутри сейчас</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Онлайн</translation>
    </message>
    <message>
        <source>○ Not live: reconnecting…</source>
        <translation>○ Не в сети: переподключение…</translation>
    </message>
    <message>
        <source>%1: %2 (%3) and %4 (%5)</source>
        <translation>%1: %2 (%3) и %4 (%5)</translation>
    </message>
    <message>
        <source>None: every ticket was admitted once.</source>
        <translation>Нет: каждый билет пропущен один раз.</translation>
    </message>
    <message>
        <source>no kiosks enrolled</source>
        <translation>киосков нет</translation>
    </message>
    <message>
        <source>Enrol kiosks on the Door tab.</source>
        <translation>Киоски подключаются на вкладке «Вход».</translation>
    </message>
    <message>
        <source>kiosks online</source>
        <translation>киосков на связи</translation>
    </message>
    <message>
        <source>%1: last contact %2</source>
        <translation>%1: последняя связь %2</translation>
    </message>
    <message>
        <source>%1: never in touch</source>
        <translation>%1: ещё ни разу не выходил на связь</translation>
    </message>
    <message>
        <source>Every kiosk was in touch within the last minute.</source>
        <translation>Все киоски выходили на связь за последнюю минуту.</translation>
    </message>
    <message>
        <source>Offline:</source>
        <translation>Не на связи:</translation>
    </message>
    <message>
        <source>The kiosks of this event could not be read.</source>
        <translation>Не удалось получить список киосков этого события.</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::DoorPage</name>
    <message>
        <source>Gate</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Ticket types</source>
        <translation>Типы билетов</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Проход</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Выходы</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Киоск</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Последняя связь</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>New gate, e.g. Main entrance</source>
        <translation>Новый вход, например «Главный вход»</translation>
    </message>
    <message>
        <source>Several entries</source>
        <translation>Многократный проход</translation>
    </message>
    <message>
        <source>Exits are scanned</source>
        <translation>Выходы сканируются</translation>
    </message>
    <message>
        <source>Add gate</source>
        <translation>Добавить вход</translation>
    </message>
    <message>
        <source>Kiosk name, e.g. Hall A, left</source>
        <translation>Название киоска, например «Зал A, слева»</translation>
    </message>
    <message>
        <source>Enrol a kiosk…</source>
        <translation>Подключить киоск…</translation>
    </message>
    <message>
        <source>Revoke kiosk</source>
        <translation>Отключить киоск</translation>
    </message>
    <message>
        <source>Gates (check-in lists)</source>
        <translation>Входы (списки регистрации)</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>Киоски</translation>
    </message>
    <message>
        <source>The gates could not be loaded: %1</source>
        <translation>Не удалось загрузить входы: %1</translation>
    </message>
    <message>
        <source>every type</source>
        <translation>все типы</translation>
    </message>
    <message>
        <source>several</source>
        <translation>многократно</translation>
    </message>
    <message>
        <source>once</source>
        <translation>однократно</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>сканируются</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Add a gate first: a kiosk works one gate.</source>
        <translation>Сначала добавьте вход: киоск обслуживает один вход.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>отключён</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>подключён</translation>
    </message>
    <message>
        <source>Name the gate first.</source>
        <translation>Сначала укажите название входа.</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>Киоск %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <source>until</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Scans count only</source>
        <translation>Сканирование действует только</translation>
    </message>
    <message>
        <source>always</source>
        <translation>всегда</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>с %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>до %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Every ticket type</source>
        <translation>Все типы билетов</translation>
    </message>
    <message>
        <source>The gate must close after it opens.</source>
        <translation>Вход должен закрываться позже, чем открывается.</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::EnrollmentDialog</name>
    <message>
        <source>Enrol a kiosk</source>
        <translation>Подключить киоск</translation>
    </message>
    <message>
        <source>On the kiosk, choose “Enrol” and hold its camera up to this code. It works once, for the gate “%1”, until %2.</source>
        <translation>На киоске выберите «Подключить» и наведите его камеру на этот код. Код действует один раз, для входа «%1», до %2.</translation>
    </message>
    <message>
        <source>Or type the code on the kiosk: %1</source>
        <translation>Или введите код на киоске: %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::EventEditor</name>
    <message>
        <source>Create draft</source>
        <translation>Создать черновик</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Опубликовать…</translation>
    </message>
    <message>
        <source>Cancel the event…</source>
        <translation>Отменить событие…</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Место:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Окончание:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Часовой &amp;пояс:</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>&amp;Категория:</translation>
    </message>
    <message>
        <source>Co&amp;ver image:</source>
        <translation>&amp;Обложка:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Опи&amp;сание:</translation>
    </message>
    <message>
        <source>Times are in %1, which is also your time zone.</source>
        <translation>Время указано в поясе %1 — он совпадает с вашим.</translation>
    </message>
    <message>
        <source>Times are in %1: the start is %2 your time.</source>
        <translation>Время указано в поясе %1: начало — %2 по вашему времени.</translation>
    </message>
    <message>
        <source>The event could not be loaded: %1</source>
        <translation>Не удалось загрузить событие: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Status: %1 · version %2</source>
        <translation>Статус: %1 · версия %2</translation>
    </message>
    <message>
        <source>The server cannot be reached; nothing was saved. What you typed stays here.</source>
        <translation>Сервер недоступен; ничего не сохранено. Введённые данные остаются здесь.</translation>
    </message>
    <message>
        <source>Someone changed this event since you opened it (now version %1). Reload their version to save over it: what you typed stays in the form.</source>
        <translation>Кто-то изменил это событие после того, как вы его открыли (теперь версия %1). Загрузите их версию, чтобы сохранить поверх неё: введённые вами данные останутся в форме.</translation>
    </message>
    <message>
        <source>Reload their version</source>
        <translation>Загрузить их версию</translation>
    </message>
    <message>
        <source>Their version is loaded underneath your changes; save to apply yours.</source>
        <translation>Их версия загружена под вашими изменениями; сохраните, чтобы применить свои.</translation>
    </message>
    <message>
        <source>Some fields need another look: see the notes under them.</source>
        <translation>Некоторые поля нужно проверить: см. примечания под ними.</translation>
    </message>
    <message>
        <source>The draft is saved. Add ticket types, then publish it.</source>
        <translation>Черновик сохранён. Добавьте типы билетов, затем опубликуйте его.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Not ready to publish yet. Still missing: %1.</source>
        <translation>Пока нельзя опубликовать. Не хватает: %1.</translation>
    </message>
    <message>
        <source>Published: tickets are on sale.</source>
        <translation>Опубликовано: билеты в продаже.</translation>
    </message>
    <message>
        <source>Cancel the event</source>
        <translation>Отменить событие</translation>
    </message>
    <message>
        <source>Cancelling cannot be undone. Every paid order is refunded in full, every ticket stops working, and each attendee is told by email with the reason below.

The reason:</source>
        <translation>Отмена необратима. Все оплаченные заказы будут полностью возвращены, все билеты перестанут действовать, а каждый участник получит письмо с указанной ниже причиной.

Причина:</translation>
    </message>
    <message>
        <source>The event is cancelled; refunds and emails are on their way.</source>
        <translation>Событие отменено; возвраты и письма уже отправляются.</translation>
    </message>
    <message>
        <source>The categories are still loading; save again in a moment.</source>
        <translation>Категории ещё загружаются; сохраните ещё раз чуть позже.</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::EventListPage</name>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>Не удалось загрузить список: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>My events</source>
        <translation>Мои события</translation>
    </message>
    <message>
        <source>Search by title or venue (Ctrl+F)</source>
        <translation>Поиск по названию или месту (Ctrl+F)</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Новое событие…</translation>
    </message>
    <message>
        <source>No events here yet. Create your first with “New event…” (Ctrl+N).</source>
        <translation>Событий пока нет. Создайте первое командой «Новое событие…» (Ctrl+N).</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Продано</translation>
    </message>
    <message>
        <source>Copy event…</source>
        <translation>Копировать событие…</translation>
    </message>
    <message>
        <source>A new draft with the selected event&apos;s ticket types, gates, programme and team (Ctrl+Shift+D)</source>
        <translation>Новый черновик с типами билетов, входами, программой и командой выбранного события (Ctrl+Shift+D)</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::EventWorkspace</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Панель</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Заказы</translation>
    </message>
    <message>
        <source>&amp;Attendees</source>
        <translation>&amp;Участники</translation>
    </message>
    <message>
        <source>Doo&amp;r</source>
        <translation>В&amp;ход</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Tickets</source>
        <translation>&amp;Билеты</translation>
    </message>
    <message>
        <source>Tea&amp;m</source>
        <translation>&amp;Команда</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>П&amp;рограмма</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::InboxPage</name>
    <message>
        <source>Nothing new. Purchases, refunds and team changes will show here.</source>
        <translation>Ничего нового. Здесь будут появляться покупки, возвраты и изменения в команде.</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Отметить все как прочитанные</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::MainWindow</name>
    <message>
        <source>Sbor Organizer</source>
        <translation>Sbor Organizer</translation>
    </message>
    <message>
        <source>My events</source>
        <translation>Мои события</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>Вход выполнен: %1 на %2</translation>
    </message>
    <message>
        <source>● live</source>
        <translation>● онлайн</translation>
    </message>
    <message>
        <source>○ live feed reconnecting</source>
        <translation>○ поток данных: переподключение</translation>
    </message>
    <message>
        <source>○ live feed connecting</source>
        <translation>○ поток данных: подключение</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Новое событие…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Выйти из учётной записи</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Закрыть вкладку</translation>
    </message>
    <message>
        <source>Ne&amp;xt tab</source>
        <translation>&amp;Следующая вкладка</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Новое событие</translation>
    </message>
    <message>
        <source>The server cannot be reached. What you see is from %1 and may be out of date; nothing you typed is lost, and the app reconnects by itself.</source>
        <translation>Сервер недоступен. Показаны данные на %1, они могут быть устаревшими; введённое вами не потеряно, а приложение переподключится само.</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Повторить сейчас</translation>
    </message>
    <message>
        <source>Inbox (%1)</source>
        <translation>Уведомления (%1)</translation>
    </message>
    <message>
        <source>&amp;Copy event…</source>
        <translation>&amp;Копировать событие…</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::OrganizerApp</name>
    <message>
        <source>Sign in with your organizer account to plan events, sell tickets and run the door.</source>
        <translation>Войдите с учётной записью организатора, чтобы планировать события, продавать билеты и управлять входом.</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::SalesTablePage</name>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Оформлен</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Билеты</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Отмечен</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ещё нет</translation>
    </message>
    <message>
        <source>Search by buyer, email, order number or attendee (Ctrl+F)</source>
        <translation>Поиск по покупателю, почте, номеру заказа или участнику (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search by name, email or order number (Ctrl+F)</source>
        <translation>Поиск по имени, почте или номеру заказа (Ctrl+F)</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Checked in or not</source>
        <translation>Отмеченные и неотмеченные</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Не отмеченные</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Reissue code</source>
        <translation>Перевыпустить код</translation>
    </message>
    <message>
        <source>Change holder…</source>
        <translation>Сменить владельца…</translation>
    </message>
    <message>
        <source>%1 shown, more below</source>
        <translation>Показано: %1, ниже есть ещё</translation>
    </message>
    <message>
        <source>Not loaded: %1. What was shown before stays.</source>
        <translation>Не загружено: %1. Ранее показанные данные сохранены.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Билет</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>заблокирован</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Проход</translation>
    </message>
    <message>
        <source>A new code was issued; the old one no longer admits anyone.</source>
        <translation>Выпущен новый код; по старому больше никого не пропустят.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <source>Change the holder</source>
        <translation>Смена владельца</translation>
    </message>
    <message>
        <source>The holder&apos;s name:</source>
        <translation>Имя владельца:</translation>
    </message>
    <message>
        <source>The holder&apos;s email:</source>
        <translation>Эл. почта владельца:</translation>
    </message>
    <message>
        <source>Rows: %1</source>
        <translation>Строк: %1</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::SchedulePage</name>
    <message>
        <source>Starts</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Докладчик</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>The programme guests see on the event&apos;s page. Times are the event&apos;s own (%1) and lie within the event.</source>
        <translation>Программа, которую гости видят на странице события. Время указано в поясе события (%1) и не выходит за рамки события.</translation>
    </message>
    <message>
        <source>Add &amp;item</source>
        <translation>&amp;Добавить пункт</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Удалить пункт</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Save programme</source>
        <translation>Сохранить программу</translation>
    </message>
    <message>
        <source>You have changes that are not saved. Reloading would drop them.</source>
        <translation>Есть несохранённые изменения. При обновлении они будут потеряны.</translation>
    </message>
    <message>
        <source>Reload anyway</source>
        <translation>Всё равно обновить</translation>
    </message>
    <message>
        <source>The programme could not be loaded: %1</source>
        <translation>Не удалось загрузить программу: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>No programme yet. It is optional: add items if guests should see one.</source>
        <translation>Программы пока нет. Она необязательна: добавьте пункты, если гости должны её видеть.</translation>
    </message>
    <message>
        <source>An item needs a title.</source>
        <translation>У пункта должно быть название.</translation>
    </message>
    <message>
        <source>An item must end after it starts.</source>
        <translation>Пункт должен заканчиваться позже, чем начинается.</translation>
    </message>
    <message>
        <source>Before the event starts (%1).</source>
        <translation>Раньше начала события (%1).</translation>
    </message>
    <message>
        <source>After the event ends (%1).</source>
        <translation>Позже окончания события (%1).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <source>Programme saved.</source>
        <translation>Программа сохранена.</translation>
    </message>
    <message>
        <source>The server cannot be reached; nothing was saved. What you typed stays here.</source>
        <translation>Сервер недоступен; ничего не сохранено. Введённые данные остаются здесь.</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::TeamPage</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <source>Their account&apos;s email, e.g. anna@example.org</source>
        <translation>Эл. почта учётной записи, например anna@example.org</translation>
    </message>
    <message>
        <source>Add to the team</source>
        <translation>Добавить в команду</translation>
    </message>
    <message>
        <source>Remove from the team…</source>
        <translation>Удалить из команды…</translation>
    </message>
    <message>
        <source>Door staff check guests in at this event&apos;s gates and see its live counters, but not its money. Co-organizers have your rights on this event only: they edit it, see its orders and attendees, and work its door. Only you change the team.</source>
        <translation>Сотрудники входа пропускают гостей на входах этого события и видят счётчики в реальном времени, но не финансы. У соорганизаторов ваши права, но только на это событие: они редактируют его, видят заказы и участников и работают на входе. Менять команду можете только вы.</translation>
    </message>
    <message>
        <source>Add someone</source>
        <translation>Добавить человека</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>The team could not be loaded: %1</source>
        <translation>Не удалось загрузить команду: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <source>Nobody else works on this event yet. Add door staff before the doors open.</source>
        <translation>Над этим событием пока больше никто не работает. Добавьте сотрудников входа до открытия дверей.</translation>
    </message>
    <message>
        <source>Type the email of their Sbor account.</source>
        <translation>Введите эл. почту учётной записи Sbor этого человека.</translation>
    </message>
    <message>
        <source>The server cannot be reached; try again in a moment.</source>
        <translation>Сервер недоступен; повторите попытку чуть позже.</translation>
    </message>
    <message>
        <source>No Sbor account has this email. Ask them to sign up first, then add them.</source>
        <translation>Учётной записи Sbor с такой эл. почтой нет. Попросите человека сначала зарегистрироваться, затем добавьте его.</translation>
    </message>
    <message>
        <source>That is the event&apos;s organizer, who has every right already.</source>
        <translation>Это организатор события — у него уже есть все права.</translation>
    </message>
    <message>
        <source>This email %1.</source>
        <translation>Не удалось добавить этот адрес: %1.</translation>
    </message>
    <message>
        <source>%1 is now on the team as %2; they were told in the app and by email.</source>
        <translation>%1 теперь в команде (роль: %2); уведомление отправлено в приложении и по эл. почте.</translation>
    </message>
    <message>
        <source>Remove from the team</source>
        <translation>Удаление из команды</translation>
    </message>
    <message>
        <source>Remove %1 from this event&apos;s team? They lose its door and its numbers at once; kiosks they enrolled keep working.</source>
        <translation>Удалить %1 из команды этого события? Доступ к входу и показателям события сразу пропадёт; подключённые этим человеком киоски продолжат работать.</translation>
    </message>
    <message>
        <source>%1 is no longer on the team.</source>
        <translation>%1 больше не в команде.</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::TicketTypesModel</name>
    <message>
        <source>A ticket type needs a name.</source>
        <translation>У типа билета должно быть название.</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>Цена не может быть отрицательной.</translation>
    </message>
    <message>
        <source>A currency is three capital letters, such as RUB or EUR.</source>
        <translation>Валюта — это три заглавные латинские буквы, например RUB или EUR.</translation>
    </message>
    <message>
        <source>Already sold: %1. The quota cannot be lower.</source>
        <translation>Уже продано: %1. Квота не может быть меньше.</translation>
    </message>
    <message>
        <source>A quota cannot be negative.</source>
        <translation>Квота не может быть отрицательной.</translation>
    </message>
    <message>
        <source>Sales must end after they start.</source>
        <translation>Конец продаж должен быть позже начала.</translation>
    </message>
    <message>
        <source>Between 1 and 1000.</source>
        <translation>От 1 до 1000.</translation>
    </message>
    <message>
        <source>At least the minimum per order (%1).</source>
        <translation>Не меньше минимума на заказ (%1).</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Бесплатно</translation>
    </message>
    <message>
        <source>on sale</source>
        <translation>в продаже</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>приостановлен</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>изменён</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Квота</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Продано</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Доступно</translation>
    </message>
    <message>
        <source>Sales start</source>
        <translation>Начало продаж</translation>
    </message>
    <message>
        <source>Sales end</source>
        <translation>Конец продаж</translation>
    </message>
    <message>
        <source>Min / order</source>
        <translation>Мин. / заказ</translation>
    </message>
    <message>
        <source>Max / order</source>
        <translation>Макс. / заказ</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>В продаже</translation>
    </message>
</context>
<context>
    <name>sbor::organizer::TicketTypesPage</name>
    <message>
        <source>Type over a cell to change it (F2 or Enter edits, Tab moves on); changes are sent when you save. Times are the event&apos;s own (%1).</source>
        <translation>Чтобы изменить ячейку, просто начните ввод (F2 или Enter — правка, Tab — переход дальше); изменения отправляются при сохранении. Время указано в поясе события (%1).</translation>
    </message>
    <message>
        <source>&amp;Add ticket type</source>
        <translation>&amp;Добавить тип билета</translation>
    </message>
    <message>
        <source>Remove new row</source>
        <translation>Удалить новую строку</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Save ticket types</source>
        <translation>Сохранить типы билетов</translation>
    </message>
    <message>
        <source>You have changes that are not saved. Reloading would drop them.</source>
        <translation>Есть несохранённые изменения. При обновлении они будут потеряны.</translation>
    </message>
    <message>
        <source>Reload anyway</source>
        <translation>Всё равно обновить</translation>
    </message>
    <message>
        <source>The ticket types could not be loaded: %1</source>
        <translation>Не удалось загрузить типы билетов: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>No ticket types yet: an event needs at least one before it is published.</source>
        <translation>Типов билетов пока нет: перед публикацией у события должен быть хотя бы один.</translation>
    </message>
    <message>
        <source>Add one</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <source>Ticket types saved.</source>
        <translation>Типы билетов сохранены.</translation>
    </message>
    <message>
        <source>The server cannot be reached; rows not saved: %1. What you typed stays here.</source>
        <translation>Сервер недоступен; не сохранены строки: %1. Введённые данные остаются здесь.</translation>
    </message>
</context>
</TS>
