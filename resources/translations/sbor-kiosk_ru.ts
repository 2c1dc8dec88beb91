<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>EnrollPage</name>
    <message>
        <source>Set up this kiosk</source>
        <translation>Настройка киоска</translation>
    </message>
    <message>
        <source>Enter the server address and the enrollment code from the organizer&apos;s app, or scan its QR code with the scanner.</source>
        <translation>Введите адрес сервера и код подключения из приложения организатора или отсканируйте его QR-код сканером.</translation>
    </message>
    <message>
        <source>Server address, e.g. https://tickets.example.org</source>
        <translation>Адрес сервера, например https://tickets.example.org</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Код подключения</translation>
    </message>
    <message>
        <source>Staff PIN for settings and exit (optional)</source>
        <translation>PIN персонала для настроек и выхода (необязательно)</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Подключить</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Sbor check-in</source>
        <translation>Сбор — вход</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Wrong PIN</source>
        <translation>Неверный PIN</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN персонала</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>%1 · exit</source>
        <translation>%1 · выход</translation>
    </message>
    <message>
        <source>%1 · entry</source>
        <translation>%1 · вход</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <source>Offline — this kiosk decides on its own until the server answers again.</source>
        <translation>Нет связи — киоск решает сам, пока сервер снова не ответит.</translation>
    </message>
    <message>
        <source>Scan to let a guest out</source>
        <translation>Сканируйте, чтобы выпустить гостя</translation>
    </message>
    <message>
        <source>Scan a ticket</source>
        <translation>Сканируйте билет</translation>
    </message>
    <message>
        <source>Hold the QR code in front of the camera</source>
        <translation>Поднесите QR-код к камере</translation>
    </message>
    <message>
        <source>Hold the QR code under the scanner, or search by name</source>
        <translation>Поднесите QR-код к сканеру или найдите гостя по имени</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Прошли</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>Сейчас внутри</translation>
    </message>
    <message>
        <source>Conflict · %1</source>
        <translation>Конфликт · %1</translation>
    </message>
    <message>
        <source>Unknown guest</source>
        <translation>Неизвестный гость</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Синхронизировано в %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Mode: exit</source>
        <translation>Режим: выход</translation>
    </message>
    <message>
        <source>Mode: entry</source>
        <translation>Режим: вход</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Scan a ticket from an image</source>
        <translation>Сканировать билет с изображения</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>Offline — this kiosk decides on its own. Scans waiting to upload: %1</source>
        <translation>Нет связи — киоск решает сам. Ждут отправки: %1</translation>
    </message>
    <message>
        <source>Uploading the scans made offline: %1</source>
        <translation>Отправляются сканы, сделанные без связи: %1</translation>
    </message>
    <message>
        <source>Undo admission</source>
        <translation>Отменить проход</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Из файла…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Find a guest</source>
        <translation>Найти гостя</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Name, email or order number</source>
        <translation>Имя, email или номер заказа</translation>
    </message>
    <message>
        <source>Offline: searching this kiosk&apos;s copy by name</source>
        <translation>Нет связи: поиск по имени в копии на киоске</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокирован</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Прошли</translation>
    </message>
    <message>
        <source>Not checked in yet</source>
        <translation>Ещё не проходил</translation>
    </message>
    <message>
        <source>Let out</source>
        <translation>Выпустить</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Впустить</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>Никого не нашлось</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>Ждут отправки</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Выйти из киоска</translation>
    </message>
    <message>
        <source>Unenroll (upload the waiting scans first)</source>
        <translation>Отключить (сначала отправьте ожидающие сканы)</translation>
    </message>
    <message>
        <source>Unenroll this device</source>
        <translation>Отключить это устройство</translation>
    </message>
</context>
<context>
    <name>VerdictOverlay</name>
    <message>
        <source>Decided offline on this kiosk</source>
        <translation>Решено на киоске без связи</translation>
    </message>
    <message>
        <source>Tap to continue</source>
        <translation>Коснитесь, чтобы продолжить</translation>
    </message>
</context>
<context>
    <name>sbor::kiosk::DeviceEnrollment</name>
    <message>
        <source>Enter the server address and the code from the organizer&apos;s screen.</source>
        <translation>Введите адрес сервера и код с экрана организатора.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check the address and the network.</source>
        <translation>Нет связи с %1. Проверьте адрес и сеть.</translation>
    </message>
    <message>
        <source>This code is not valid (any more). Ask the organizer for a new one.</source>
        <translation>Этот код недействителен (уже). Попросите у организатора новый.</translation>
    </message>
</context>
<context>
    <name>sbor::kiosk::DoorController</name>
    <message>
        <source>Admission taken back</source>
        <translation>Проход отменён</translation>
    </message>
    <message>
        <source>Could not take the admission back</source>
        <translation>Не удалось отменить проход</translation>
    </message>
</context>
<context>
    <name>sbor::kiosk::DoorWording</name>
    <message>
        <source>Welcome!</source>
        <translation>Добро пожаловать!</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Уже прошёл</translation>
    </message>
    <message>
        <source>Unknown ticket</source>
        <translation>Неизвестный билет</translation>
    </message>
    <message>
        <source>Forged or damaged code</source>
        <translation>Поддельный или повреждённый код</translation>
    </message>
    <message>
        <source>This ticket was replaced by a newer one</source>
        <translation>Этот билет заменён новым</translation>
    </message>
    <message>
        <source>Ticket blocked — send the guest to the info desk</source>
        <translation>Билет заблокирован — направьте гостя на стойку информации</translation>
    </message>
    <message>
        <source>Ticket cancelled</source>
        <translation>Билет отменён</translation>
    </message>
    <message>
        <source>Order not paid</source>
        <translation>Заказ не оплачен</translation>
    </message>
    <message>
        <source>Ticket for another event</source>
        <translation>Билет на другое мероприятие</translation>
    </message>
    <message>
        <source>Exit not possible for this ticket here</source>
        <translation>Выход по этому билету здесь невозможен</translation>
    </message>
    <message>
        <source>This ticket is not valid at this entrance</source>
        <translation>Этот билет не действует на этом входе</translation>
    </message>
    <message>
        <source>Too early: this ticket is not valid yet</source>
        <translation>Слишком рано: билет ещё не действует</translation>
    </message>
    <message>
        <source>This ticket is no longer valid</source>
        <translation>Билет больше не действует</translation>
    </message>
    <message>
        <source>No code found in the picture</source>
        <translation>На изображении нет кода</translation>
    </message>
    <message>
        <source>Could not check the ticket</source>
        <translation>Не удалось проверить билет</translation>
    </message>
    <message>
        <source>at this kiosk</source>
        <translation>на этом киоске</translation>
    </message>
    <message>
        <source>at %1, another kiosk</source>
        <translation>на входе «%1», другой киоск</translation>
    </message>
    <message>
        <source>at another entrance</source>
        <translation>на другом входе</translation>
    </message>
    <message>
        <source>First admitted at %1 %2</source>
        <translation>Первый проход в %1 %2</translation>
    </message>
    <message>
        <source>Goodbye!</source>
        <translation>До свидания!</translation>
    </message>
    <message>
        <source>Admitted here offline, but already admitted at %1 %2</source>
        <translation>Пропущен здесь без связи, но уже проходил в %1 %2</translation>
    </message>
    <message>
        <source>at another kiosk</source>
        <translation>на другом киоске</translation>
    </message>
    <message>
        <source>The server did not take this offline scan: %1</source>
        <translation>Сервер не принял этот офлайн-скан: %1</translation>
    </message>
    <message>
        <source>Admitted at two entrances: check the ticket</source>
        <translation>Прошёл через два входа: проверьте билет</translation>
    </message>
</context>
</TS>
