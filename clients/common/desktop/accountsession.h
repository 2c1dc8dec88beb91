#pragma once
// A desktop app's connection to one Sbor server (the organizer's app and the admins' console):
// the typed API (libsbor-client) with its token refresh and retries, the live feed, who is signed
// in, and "keep me signed in" through the keyring. Signing out ends the session on the server too.

#include "keyringstore.h"

#include "apiclient.h"
#include "livefeed.h"
#include "sborapi.h"

#include "sbor/wire/account.h"

#include <QFuture>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace sbor::desktop {

class AccountSession : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)
    Q_PROPERTY(bool liveConnected READ isLiveConnected NOTIFY liveConnectedChanged)

public:
    // `application` names the app to the server (User-Agent) and in the keyring: "sbor-organizer".
    explicit AccountSession(const QString& application, QObject* parent = nullptr);
    ~AccountSession() override;

    // The live feed's address when it is not the server's host one port up (/api/v1/live, the
    // embedded default): --live on the command line.
    void setLiveUrl(const QUrl& liveUrl) { m_liveUrlGiven = liveUrl; }
    void setServer(const QUrl& server);
    QUrl server() const { return m_server; }

    // Signs in; an answer of otp_required asks for the code (call again with it).
    QFuture<client::ApiResult<wire::TokenGrant>> signIn(const QString& email, const QString& password,
                                                        const QString& otp = {});
    // The kept refresh token of `email` on this server, exchanged for a session; false (with the
    // reason) when none is kept or the server no longer takes it.
    void resume(const QString& email, std::function<void(bool, QString)> done);
    // Keeps the current refresh token in the keyring (and every refreshed one after it).
    void keepSignedIn(std::function<void(bool, QString)> done);
    void signOut();

    bool isSignedIn() const { return m_user.has_value(); }
    const wire::User& user() const { return *m_user; }
    bool isOnline() const { return m_client->isOnline(); }
    bool isLiveConnected() const { return m_live && m_live->isConnected(); }

    client::SborApi& api() { return *m_api; }
    client::ApiClient& client() { return *m_client; }
    client::LiveFeed& live() { return *m_live; }
    KeyringStore& keyring() { return m_keyring; }

signals:
    void signedIn();
    void signedOut();
    void onlineChanged(bool online);
    void liveConnectedChanged(bool connected);

private:
    void started(const wire::User& user);
    void startLiveFeed();
    QString keyringAccount() const;

    QUrl m_server;
    QUrl m_liveUrl;
    QUrl m_liveUrlGiven;
    std::unique_ptr<client::ApiClient> m_client;
    std::unique_ptr<client::SborApi> m_api;
    std::unique_ptr<client::LiveFeed> m_live;
    std::optional<wire::User> m_user;
    KeyringStore m_keyring;
    bool m_keptInKeyring = false;
};

} // namespace sbor::desktop
