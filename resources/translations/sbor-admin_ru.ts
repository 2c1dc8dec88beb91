<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>sbor::admin::AdminApp</name>
    <message>
        <source>This console is for the platform&apos;s admins and support agents. Organizers sign in to Sbor Organizer.</source>
        <translation>Эта консоль — для администраторов и агентов поддержки платформы. Организаторы входят в Sbor Organizer.</translation>
    </message>
    <message>
        <source>Sign in with your admin or support account to run the platform.</source>
        <translation>Войдите под учётной записью администратора или поддержки, чтобы управлять платформой.</translation>
    </message>
</context>
<context>
    <name>sbor::admin::AuditLogPage</name>
    <message>
        <source>Action, e.g. user.blocked</source>
        <translation>Действие, например user.blocked</translation>
    </message>
    <message>
        <source>Who: a user id</source>
        <translation>Кто: id пользователя</translation>
    </message>
    <message>
        <source>To whom: a user id</source>
        <translation>С кем: id пользователя</translation>
    </message>
    <message>
        <source>&amp;Live: show new entries as they come</source>
        <translation>&amp;Вживую: показывать новые записи сразу</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>С кем</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>по:</translation>
    </message>
    <message>
        <source>trace %1</source>
        <translation>трассировка %1</translation>
    </message>
</context>
<context>
    <name>sbor::admin::ConsoleWindow</name>
    <message>
        <source>Sbor Admin</source>
        <translation>Sbor Admin</translation>
    </message>
    <message>
        <source>Support queue</source>
        <translation>Очередь поддержки</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>User lookup</source>
        <translation>Поиск людей</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Вы вошли как %1 (%2)</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>support agent</source>
        <translation>агент поддержки</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>В&amp;ыйти</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Переход</translation>
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
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>The server cannot be reached. What is shown may be out of date; the console reconnects by itself.</source>
        <translation>Сервер недоступен. Показанное может быть устаревшим; консоль переподключится сама.</translation>
    </message>
    <message>
        <source>Platform: all is well</source>
        <translation>Платформа: всё в порядке</translation>
    </message>
    <message>
        <source>Platform: something grows</source>
        <translation>Платформа: что-то растёт</translation>
    </message>
    <message>
        <source>Platform: something is down</source>
        <translation>Платформа: что-то не работает</translation>
    </message>
    <message>
        <source>Platform: no report yet</source>
        <translation>Платформа: отчёта ещё нет</translation>
    </message>
    <message>
        <source>Disputes</source>
        <translation>Споры</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>Logs by trace</source>
        <translation>Логи по трассировке</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
</context>
<context>
    <name>sbor::admin::DisputeDeskPage</name>
    <message>
        <source>awaiting the organizer</source>
        <translation>ждёт организатора</translation>
    </message>
    <message>
        <source>to decide</source>
        <translation>ждёт решения</translation>
    </message>
    <message>
        <source>won by the organizer</source>
        <translation>в пользу организатора</translation>
    </message>
    <message>
        <source>lost: refunded</source>
        <translation>в пользу покупателя: возврат</translation>
    </message>
    <message>
        <source>not received</source>
        <translation>не получено</translation>
    </message>
    <message>
        <source>not as described</source>
        <translation>не соответствует описанию</translation>
    </message>
    <message>
        <source>charged twice</source>
        <translation>списано дважды</translation>
    </message>
    <message>
        <source>not made by the cardholder</source>
        <translation>платёж не владельца карты</translation>
    </message>
    <message>
        <source>refund not received</source>
        <translation>возврат не получен</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>Open (awaiting an answer or a decision)</source>
        <translation>Открытые (ждут ответа или решения)</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>Ждут решения</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Решённые</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Respond by</source>
        <translation>Ответить до</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Choose a dispute in the list.</source>
        <translation>Выберите спор в списке.</translation>
    </message>
    <message>
        <source>The buyer says</source>
        <translation>Покупатель пишет</translation>
    </message>
    <message>
        <source>The organizer answers</source>
        <translation>Организатор отвечает</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>&amp;Won: the organizer keeps the money</source>
        <translation>&amp;В пользу организатора: деньги остаются у него</translation>
    </message>
    <message>
        <source>&amp;Lost: refund the buyer</source>
        <translation>В пользу &amp;покупателя: вернуть деньги</translation>
    </message>
    <message>
        <source>Why: both sides read it</source>
        <translation>Почему: это прочтут обе стороны</translation>
    </message>
    <message>
        <source>&amp;Decide</source>
        <translation>&amp;Решить</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>Возврат:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Пояснение:</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; about order %2 (%3) · %4 · respond by %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; по заказу %2 (%3) · %4 · ответить до %5</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Открыт %1</translation>
    </message>
    <message>
        <source>Answered %1</source>
        <translation>Ответ %1</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>Ответа пока нет.</translation>
    </message>
    <message>
        <source>Choose who wins.</source>
        <translation>Выберите, в чью пользу решение.</translation>
    </message>
    <message>
        <source>Write the note: both sides read why.</source>
        <translation>Напишите пояснение: обе стороны прочтут, почему так.</translation>
    </message>
    <message>
        <source>Decided: %1 goes back to the buyer, and the tickets it paid for are cancelled.</source>
        <translation>Решено: %1 возвращается покупателю, оплаченные этой суммой билеты отменены.</translation>
    </message>
    <message>
        <source>Decided: the organizer keeps the money.</source>
        <translation>Решено: деньги остаются у организатора.</translation>
    </message>
</context>
<context>
    <name>sbor::admin::EraseDialog</name>
    <message>
        <source>Erase %1</source>
        <translation>Стереть %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This cannot be undone.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&apos;s name, email, phone and password are replaced by placeholders, every session ends and the personal details in the audit log are removed. Orders, payments, refunds and the audit entries themselves stay, so the books still balance.&lt;/p&gt;&lt;p&gt;Type &lt;b&gt;%2&lt;/b&gt; to confirm.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Это нельзя отменить.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Имя, почта, телефон и пароль (%1) заменяются заглушками, все сеансы завершаются, личные данные в журнале аудита удаляются. Заказы, платежи, возвраты и сами записи аудита остаются, так что учёт по-прежнему сходится.&lt;/p&gt;&lt;p&gt;Введите &lt;b&gt;%2&lt;/b&gt;, чтобы подтвердить.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>человек</translation>
    </message>
    <message>
        <source>&amp;Erase this person</source>
        <translation>&amp;Стереть этого человека</translation>
    </message>
</context>
<context>
    <name>sbor::admin::HealthDock</name>
    <message>
        <source>Health</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Отставание</translation>
    </message>
    <message>
        <source>Errors/min</source>
        <translation>Ошибок/мин</translation>
    </message>
    <message>
        <source>Asking every process…</source>
        <translation>Опрашиваем все процессы…</translation>
    </message>
    <message>
        <source>The server does not answer, so neither does its report.</source>
        <translation>Сервер не отвечает — отчёта о состоянии тоже нет.</translation>
    </message>
    <message>
        <source>All is well.</source>
        <translation>Всё в порядке.</translation>
    </message>
    <message>
        <source>Something grows.</source>
        <translation>Что-то растёт.</translation>
    </message>
    <message>
        <source>Something is down.</source>
        <translation>Что-то не работает.</translation>
    </message>
    <message>
        <source>%1 %2 of %3 processes answer; checked at %4.</source>
        <translation>%1 Отвечают процессов: %2 из %3; проверено в %4.</translation>
    </message>
    <message>
        <source>all services (one process)</source>
        <translation>все сервисы (один процесс)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>готов</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>не готов</translation>
    </message>
</context>
<context>
    <name>sbor::admin::PersonPanel</name>
    <message>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <source>&amp;Save roles</source>
        <translation>&amp;Сохранить роли</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>Причина (сохраняется в журнале аудита)</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere</source>
        <translation>&amp;Выйти везде</translation>
    </message>
    <message>
        <source>Ends every session of this person; they sign in again with their password.</source>
        <translation>Завершает все сеансы этого человека; он снова войдёт по паролю.</translation>
    </message>
    <message>
        <source>Reset &amp;two-factor</source>
        <translation>Сбросить &amp;двухфакторный вход</translation>
    </message>
    <message>
        <source>For a person who lost their authenticator: they sign in with the password alone and set it up again.</source>
        <translation>Для потерявших приложение-аутентификатор: человек войдёт только по паролю и настроит вход заново.</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>С&amp;тереть…</translation>
    </message>
    <message>
        <source>Support agents look people up; admins change them.</source>
        <translation>Агенты поддержки находят людей; изменяют их администраторы.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Последняя активность</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Сеансы</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Недавние действия</translation>
    </message>
    <message>
        <source>Choose a person in the list.</source>
        <translation>Выберите человека в списке.</translation>
    </message>
    <message>
        <source>unknown (the service did not answer)</source>
        <translation>неизвестно (сервис не ответил)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;lt;%2&amp;gt;&lt;br&gt;Roles: %3&lt;br&gt;Status: %4&lt;br&gt;Two-factor sign-in: %5&lt;br&gt;Registered: %6&lt;br&gt;Orders placed: %7&lt;br&gt;Events organized: %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;lt;%2&amp;gt;&lt;br&gt;Роли: %3&lt;br&gt;Статус: %4&lt;br&gt;Двухфакторный вход: %5&lt;br&gt;Зарегистрирован: %6&lt;br&gt;Заказов: %7&lt;br&gt;Организовано событий: %8</translation>
    </message>
    <message>
        <source>on</source>
        <translation>включён</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выключен</translation>
    </message>
    <message>
        <source>Sessions (%1)</source>
        <translation>Сеансы (%1)</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>платформа</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>сам человек</translation>
    </message>
    <message>
        <source>Not changed: the password was not confirmed.</source>
        <translation>Не изменено: пароль не подтверждён.</translation>
    </message>
    <message>
        <source>%1 now has the roles: %2.</source>
        <translation>Роли %1 теперь: %2.</translation>
    </message>
    <message>
        <source>%1 is blocked and signed out everywhere.</source>
        <translation>%1 заблокирован(а), все сеансы завершены.</translation>
    </message>
    <message>
        <source>%1 may sign in again.</source>
        <translation>%1 снова может входить.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) of %1 ended.</source>
        <translation>
            <numerusform>%n сеанс %1 завершён.</numerusform>
            <numerusform>%n сеанса %1 завершены.</numerusform>
            <numerusform>%n сеансов %1 завершено.</numerusform>
        </translation>
    </message>
    <message>
        <source>Two-factor sign-in is off for %1: they sign in with the password and may set it up again.</source>
        <translation>Двухфакторный вход для %1 выключен: вход по паролю, настроить его можно заново.</translation>
    </message>
    <message>
        <source>%1 is erased: the personal data is gone, the orders and the audit log stay.</source>
        <translation>%1 стёрт(а): личных данных больше нет, заказы и журнал аудита остались.</translation>
    </message>
</context>
<context>
    <name>sbor::admin::ReauthenticateDialog</name>
    <message>
        <source>Confirm it is you</source>
        <translation>Подтвердите, что это вы</translation>
    </message>
    <message>
        <source>This change decides who may do what. Enter your password to confirm it; you will not be asked again for five minutes.</source>
        <translation>Это изменение решает, кто что может. Введите пароль для подтверждения; следующие пять минут спрашивать не будем.</translation>
    </message>
    <message>
        <source>6 digits from your app</source>
        <translation>6 цифр из приложения</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Two-factor &amp;code:</source>
        <translation>&amp;Код двухфакторной защиты:</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The server does not answer; try again in a moment.</source>
        <translation>Сервер не отвечает; попробуйте чуть позже.</translation>
    </message>
    <message>
        <source>That is not the password (or the code) of this account.</source>
        <translation>Это не пароль (или не код) этой учётной записи.</translation>
    </message>
</context>
<context>
    <name>sbor::admin::ReportsPage</name>
    <message>
        <source>By day</source>
        <translation>По дням</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>По месяцам</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Регистрации</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Проходы</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Поддержка</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Выгрузить CSV…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>Комиссия</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <source>Publication fees</source>
        <translation>Плата за публикацию</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Организаторам</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Билеты</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Выгрузить отчёт</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Gross sales, %1</source>
        <translation>Выручка, %1</translation>
    </message>
    <message>
        <source>%1: gross %2, commission %3, refunds %4, publication fees %5, net %6</source>
        <translation>%1: выручка %2, комиссия %3, возвраты %4, плата за публикацию %5, организаторам %6</translation>
    </message>
    <message>
        <source>In the range: tickets %1, orders %2. %3</source>
        <translation>За период: билетов %1, заказов %2. %3</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Сохранено в %1.</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Проходы</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Выходы</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>С ответом</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>Медиана первого ответа</translation>
    </message>
    <message>
        <source>New accounts</source>
        <translation>Новые учётные записи</translation>
    </message>
    <message>
        <source>Admissions at the doors</source>
        <translation>Проходы на входе</translation>
    </message>
    <message>
        <source>Support requests opened</source>
        <translation>Открытые обращения в поддержку</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>In the range: %1.</source>
        <translation>За период: %1.</translation>
    </message>
</context>
<context>
    <name>sbor::admin::RolesEditor</name>
    <message>
        <source>A person keeps at least one role.</source>
        <translation>У человека остаётся хотя бы одна роль.</translation>
    </message>
    <message>
        <source>No change.</source>
        <translation>Без изменений.</translation>
    </message>
    <message>
        <source>On saving: %1</source>
        <translation>При сохранении: %1</translation>
    </message>
</context>
<context>
    <name>sbor::admin::SettingsPage</name>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Сохранить настройки</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Деньги</translation>
    </message>
    <message>
        <source>Platform &amp;commission:</source>
        <translation>&amp;Комиссия платформы:</translation>
    </message>
    <message>
        <source>&amp;Publication fee (minor units):</source>
        <translation>&amp;Плата за публикацию (в копейках):</translation>
    </message>
    <message>
        <source>People and support</source>
        <translation>Люди и поддержка</translation>
    </message>
    <message>
        <source>Default &amp;language:</source>
        <translation>&amp;Язык по умолчанию:</translation>
    </message>
    <message>
        <source>&amp;First answer within:</source>
        <translation>П&amp;ервый ответ в течение:</translation>
    </message>
    <message>
        <source>&amp;Resolved within:</source>
        <translation>&amp;Решить в течение:</translation>
    </message>
    <message>
        <source>Version %1, changed %2.</source>
        <translation>Версия %1, изменена %2.</translation>
    </message>
    <message>
        <source>Version %1: as configured, no admin changed them yet.</source>
        <translation>Версия %1: как в конфигурации, администраторы ещё не меняли.</translation>
    </message>
    <message>
        <source>Charged on every payment from the moment it is saved.</source>
        <translation>Удерживается с каждого платежа с момента сохранения.</translation>
    </message>
    <message>
        <source>Another admin saved the settings meanwhile; they are shown again. Make your change once more.</source>
        <translation>Другой администратор тем временем сохранил настройки; они показаны заново. Внесите изменение ещё раз.</translation>
    </message>
    <message>
        <source>Not saved: the password was not confirmed.</source>
        <translation>Не сохранено: пароль не подтверждён.</translation>
    </message>
    <message>
        <source>Saved: payments charge the new commission from the next one.</source>
        <translation>Сохранено: новая комиссия удерживается со следующего платежа.</translation>
    </message>
    <message>
        <source>%1: sales of %2, the commission at this rate %3.</source>
        <translation>%1: продажи на %2, комиссия по этой ставке %3.</translation>
    </message>
    <message>
        <source>%1: sales of %2 would have brought %3 instead of %4 (%5).</source>
        <translation>%1: с продаж на %2 платформа получила бы %3 вместо %4 (%5).</translation>
    </message>
    <message>
        <source>No sales last month; of a 1 000.00 payment the platform would keep %1 instead of %2.</source>
        <translation>В прошлом месяце продаж не было; с платежа 1 000,00 платформа удержит %1 вместо %2.</translation>
    </message>
</context>
<context>
    <name>sbor::admin::SupportQueuePage</name>
    <message>
        <source>waiting for the person</source>
        <translation>ждёт ответа человека</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>решён</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыт</translation>
    </message>
    <message>
        <source>order</source>
        <translation>заказ</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>оплата</translation>
    </message>
    <message>
        <source>event</source>
        <translation>мероприятие</translation>
    </message>
    <message>
        <source>account</source>
        <translation>учётная запись</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>Open and waiting</source>
        <translation>Открытые и ждущие</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <source>Waiting for the person</source>
        <translation>Ждут ответа человека</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решённые</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрытые</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Любая категория</translation>
    </message>
    <message>
        <source>Find by subject or number</source>
        <translation>Найти по теме или номеру</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Choose a request in the list.</source>
        <translation>Выберите обращение в списке.</translation>
    </message>
    <message>
        <source>Your answer to the person, or a note for the team</source>
        <translation>Ваш ответ человеку или заметка для команды</translation>
    </message>
    <message>
        <source>&amp;Internal note (only staff see it)</source>
        <translation>&amp;Внутренняя заметка (видят только сотрудники)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Сменить статус</translation>
    </message>
    <message>
        <source>Why admins must look at it</source>
        <translation>Почему нужны администраторы</translation>
    </message>
    <message>
        <source>&amp;Escalate</source>
        <translation>&amp;Эскалировать</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (просрочено)</translation>
    </message>
    <message>
        <source>⚑ %1</source>
        <translation>⚑ %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;#%1 %2&lt;/b&gt;&lt;br&gt;%3 · %4 · opened %5</source>
        <translation>&lt;b&gt;№%1 %2&lt;/b&gt;&lt;br&gt;%3 · %4 · открыто %5</translation>
    </message>
    <message>
        <source>Escalated: %1</source>
        <translation>Эскалировано: %1</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Внутренняя заметка</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Поддержка</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Write the answer first.</source>
        <translation>Сначала напишите ответ.</translation>
    </message>
    <message>
        <source>The note is in the thread; the person does not see it.</source>
        <translation>Заметка в переписке; человек её не видит.</translation>
    </message>
    <message>
        <source>Sent: the person is told in the app and by email.</source>
        <translation>Отправлено: человек получит уведомление в приложении и по почте.</translation>
    </message>
    <message>
        <source>The request is %1 now.</source>
        <translation>Обращение теперь: %1.</translation>
    </message>
    <message>
        <source>Say why admins must look at it.</source>
        <translation>Напишите, почему нужны администраторы.</translation>
    </message>
    <message>
        <source>Escalated: admins see it now.</source>
        <translation>Эскалировано: администраторы уже видят.</translation>
    </message>
</context>
<context>
    <name>sbor::admin::TemplatesPage</name>
    <message>
        <source>The ticket (to each attendee)</source>
        <translation>Билет (каждому участнику)</translation>
    </message>
    <message>
        <source>Order confirmed</source>
        <translation>Заказ подтверждён</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Вход отмечен</translation>
    </message>
    <message>
        <source>Event cancelled</source>
        <translation>Мероприятие отменено</translation>
    </message>
    <message>
        <source>Event reminder</source>
        <translation>Напоминание о мероприятии</translation>
    </message>
    <message>
        <source>Order expired unpaid</source>
        <translation>Заказ не оплачен вовремя</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>Заказ отменён</translation>
    </message>
    <message>
        <source>Order refunded</source>
        <translation>Заказ возвращён</translation>
    </message>
    <message>
        <source>Refund issued</source>
        <translation>Возврат оформлен</translation>
    </message>
    <message>
        <source>Added as co-organizer</source>
        <translation>Добавлен соорганизатором</translation>
    </message>
    <message>
        <source>Added to the door team</source>
        <translation>Добавлен в команду входа</translation>
    </message>
    <message>
        <source>Support: request received</source>
        <translation>Поддержка: обращение получено</translation>
    </message>
    <message>
        <source>Support: answered</source>
        <translation>Поддержка: ответ</translation>
    </message>
    <message>
        <source>Support: waiting for the person</source>
        <translation>Поддержка: ждём ответа</translation>
    </message>
    <message>
        <source>Support: resolved</source>
        <translation>Поддержка: решено</translation>
    </message>
    <message>
        <source>Support: closed</source>
        <translation>Поддержка: закрыто</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Built-in text</source>
        <translation>Встроенный текст</translation>
    </message>
    <message>
        <source>Go back to the text Sbor ships with</source>
        <translation>Вернуть текст, с которым поставляется Sbor</translation>
    </message>
    <message>
        <source>Send me a test</source>
        <translation>Прислать мне тест</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>In-app text:</source>
        <translation>Текст в приложении:</translation>
    </message>
    <message>
        <source>Preview with sample data:</source>
        <translation>Предпросмотр на примере:</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2). It may use: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2). Можно использовать: %3</translation>
    </message>
    <message>
        <source>Changed by an admin (version %1).</source>
        <translation>Изменён администратором (версия %1).</translation>
    </message>
    <message>
        <source>The built-in text.</source>
        <translation>Встроенный текст.</translation>
    </message>
    <message>
        <source>Another admin changed this text meanwhile; it is shown again.</source>
        <translation>Другой администратор тем временем изменил текст; он показан заново.</translation>
    </message>
    <message>
        <source>Saved: the next notifications in this language use it.</source>
        <translation>Сохранено: следующие уведомления на этом языке используют его.</translation>
    </message>
    <message>
        <source>The built-in text is sent again.</source>
        <translation>Снова отправляется встроенный текст.</translation>
    </message>
    <message>
        <source>A test is on its way to %1.</source>
        <translation>Тестовое письмо отправлено на %1.</translation>
    </message>
</context>
<context>
    <name>sbor::admin::TraceLogsPage</name>
    <message>
        <source>Paste a trace id from an error message</source>
        <translation>Вставьте id трассировки из сообщения об ошибке</translation>
    </message>
    <message>
        <source>&amp;Show its lines</source>
        <translation>&amp;Показать строки</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>A trace id is 32 hexadecimal digits, as in “trace 4bf92f3577b34da6a3ce929d0e0e4736”.</source>
        <translation>Id трассировки — 32 шестнадцатеричные цифры, как в «trace 4bf92f3577b34da6a3ce929d0e0e4736».</translation>
    </message>
    <message>
        <source>No lines of this trace in the last 7 days.</source>
        <translation>За последние 7 дней строк этой трассировки нет.</translation>
    </message>
</context>
<context>
    <name>sbor::admin::UsersPage</name>
    <message>
        <source>admin</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>support</source>
        <translation>поддержка</translation>
    </message>
    <message>
        <source>organizer</source>
        <translation>организатор</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>сотрудник</translation>
    </message>
    <message>
        <source>attendee</source>
        <translation>участник</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>заблокирован</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>стёрт</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <source>Find by email or name</source>
        <translation>Найти по почте или имени</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>Любая роль</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зарегистрирован</translation>
    </message>
</context>
</TS>
