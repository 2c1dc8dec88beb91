<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>sbor::desktop::AccountSession</name>
    <message>
        <source>The kept sign-in is no longer valid; please sign in again.</source>
        <translation>Сохранённый вход больше не действителен; войдите снова.</translation>
    </message>
</context>
<context>
    <name>sbor::desktop::KeyringStore</name>
    <message>
        <source>This desktop has no keyring (such as GNOME Keyring or KWallet), so the sign-in cannot be kept: you will be asked for your password next time.</source>
        <translation>В этой среде рабочего стола нет связки ключей (например, GNOME Keyring или KWallet), поэтому вход нельзя сохранить: в следующий раз потребуется ввести пароль.</translation>
    </message>
    <message>
        <source>The keyring refused access, so the sign-in is not kept.</source>
        <translation>Связка ключей отказала в доступе, поэтому вход не сохранён.</translation>
    </message>
    <message>
        <source>No sign-in is kept for this account.</source>
        <translation>Для этой учётной записи вход не сохранён.</translation>
    </message>
    <message>
        <source>The keyring could not keep the sign-in (%1).</source>
        <translation>Не удалось сохранить вход в связке ключей (%1).</translation>
    </message>
</context>
<context>
    <name>sbor::desktop::SignInDialog</name>
    <message>
        <source>The server does not answer. Check the address and the network, then try again.</source>
        <translation>Сервер не отвечает. Проверьте адрес и сеть, затем повторите попытку.</translation>
    </message>
    <message>
        <source>The email or the password is wrong.</source>
        <translation>Неверная эл. почта или пароль.</translation>
    </message>
    <message>
        <source>Too many attempts: wait a minute, then try again.</source>
        <translation>Слишком много попыток: подождите минуту и повторите попытку.</translation>
    </message>
    <message>
        <source>This account is blocked. Ask the platform&apos;s support.</source>
        <translation>Эта учётная запись заблокирована. Обратитесь в поддержку платформы.</translation>
    </message>
    <message>
        <source>Sign in to Sbor</source>
        <translation>Вход в Sbor</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Two-factor &amp;code:</source>
        <translation>&amp;Код 2FA:</translation>
    </message>
    <message>
        <source>6 digits from your app, or a recovery code</source>
        <translation>6 цифр из приложения или код восстановления</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in on this computer</source>
        <translation>&amp;Оставаться в системе на этом компьютере</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <source>This account has two-factor authentication: enter the code from your app.</source>
        <translation>Для этой учётной записи включена двухфакторная аутентификация: введите код из приложения.</translation>
    </message>
    <message>
        <source>The server&apos;s address must look like http://sbor.example.org:8080.</source>
        <translation>Адрес сервера должен иметь вид http://sbor.example.org:8080.</translation>
    </message>
    <message>
        <source>Enter your email and your password.</source>
        <translation>Введите эл. почту и пароль.</translation>
    </message>
    <message>
        <source>The two-factor code is wrong or too old; enter the current one.</source>
        <translation>Код двухфакторной аутентификации неверен или устарел; введите текущий.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
</TS>
