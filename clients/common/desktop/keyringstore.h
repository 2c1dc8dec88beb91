#pragma once
// "Keep me signed in": the refresh token in the desktop's keyring (QtKeychain: the Secret Service
// of GNOME and KDE, KWallet), under the server and the email, never in a file. Where the desktop
// has no keyring the store says so plainly, and the app simply asks for the password next time.

#include <QObject>
#include <QString>

#include <functional>

namespace sbor::desktop {

class KeyringStore : public QObject {
    Q_OBJECT
public:
    explicit KeyringStore(QString service, QObject* parent = nullptr);

    // Each answers through its callback once the keyring has: ok, and the token or why not.
    void save(const QString& account, const QString& refreshToken, std::function<void(bool, QString)> done);
    void load(const QString& account, std::function<void(bool, QString)> done);
    void forget(const QString& account);

    // The key of a sign-in: server and email, so two servers keep two sign-ins.
    static QString accountOf(const QString& server, const QString& email);

private:
    QString m_service;
};

} // namespace sbor::desktop
