#include "accountsession.h"

namespace sbor::desktop {

AccountSession::AccountSession(const QString& application, QObject* parent) : QObject(parent), m_keyring(application)
{
    client::ApiClient::Settings settings;
    settings.userAgent = application.toUtf8() + "/0.1";
    m_client = std::make_unique<client::ApiClient>(settings);
    m_api = std::make_unique<client::SborApi>(*m_client);
    connect(m_client.get(), &client::ApiClient::onlineChanged, this, &AccountSession::onlineChanged);
    connect(m_client.get(), &client::ApiClient::signedOut, this, [this] {
        m_user.reset();
        if (m_live)
            m_live->stop();
        emit signedOut();
    });
    connect(m_client.get(), &client::ApiClient::tokensRefreshed, this,
            [this](const QString&, const QString& refreshToken) {
                if (m_keptInKeyring && m_user)
                    m_keyring.save(keyringAccount(), refreshToken, [](bool, QString) {});
            });
}

AccountSession::~AccountSession()
{
    if (m_live)
        m_live->stop();
}

void AccountSession::setServer(const QUrl& server)
{
    m_server = server;
    m_client->setBaseUrl(server);
    if (!m_liveUrlGiven.isEmpty()) {
        m_liveUrl = m_liveUrlGiven;
        return;
    }
    QUrl live;
    live.setScheme(server.scheme() == "https" ? "wss" : "ws");
    live.setHost(server.host());
    live.setPort(server.port(server.scheme() == "https" ? 443 : 80) + 1);
    live.setPath("/api/v1/live");
    m_liveUrl = live;
}

QString AccountSession::keyringAccount() const
{
    return KeyringStore::accountOf(m_server.toString(), m_user ? QString::fromStdString(m_user->email) : QString());
}

QFuture<client::ApiResult<wire::TokenGrant>> AccountSession::signIn(const QString& email, const QString& password,
                                                                    const QString& otp)
{
    return m_api->login(email, password, otp).then(this, [this](client::ApiResult<wire::TokenGrant> grant) {
        if (grant)
            started(grant->user);
        return grant;
    });
}

void AccountSession::resume(const QString& email, std::function<void(bool, QString)> done)
{
    const QString account = KeyringStore::accountOf(m_server.toString(), email);
    m_keyring.load(account, [this, done, account](bool ok, QString tokenOrProblem) {
        if (!ok) {
            done(false, tokenOrProblem);
            return;
        }
        // An access token already due: the first call refreshes it with the kept refresh token.
        m_client->setUserTokens(QStringLiteral("kept"), tokenOrProblem, 0);
        m_api->me().then(this, [this, done, account](client::ApiResult<wire::User> user) {
            if (!user) {
                m_client->clearCredentials();
                m_keyring.forget(account);
                done(false, tr("The kept sign-in is no longer valid; please sign in again."));
                return;
            }
            m_keptInKeyring = true;
            started(*user);
            // The refresh rotated the token: keep the new one.
            m_keyring.save(account, m_client->refreshToken(), [](bool, QString) {});
            done(true, {});
        });
    });
}

void AccountSession::keepSignedIn(std::function<void(bool, QString)> done)
{
    m_keyring.save(keyringAccount(), m_client->refreshToken(), [this, done](bool ok, QString problem) {
        m_keptInKeyring = ok;
        done(ok, problem);
    });
}

void AccountSession::started(const wire::User& user)
{
    m_user = user;
    startLiveFeed();
    emit signedIn();
}

void AccountSession::startLiveFeed()
{
    if (m_live)
        m_live->stop();
    client::LiveFeed::Settings settings;
    settings.url = m_liveUrl;
    m_live = std::make_unique<client::LiveFeed>(settings, [this] { return m_client->accessToken(); });
    connect(m_live.get(), &client::LiveFeed::connectedChanged, this, &AccountSession::liveConnectedChanged);
    m_live->start();
    m_live->subscribe("user:" + QString::fromStdString(m_user->id));
}

void AccountSession::signOut()
{
    if (m_keptInKeyring)
        m_keyring.forget(keyringAccount());
    m_keptInKeyring = false;
    if (m_live)
        m_live->stop();
    // Ends the session on the server; the local tokens are forgotten either way.
    m_api->logout();
    m_user.reset();
    emit signedOut();
}

} // namespace sbor::desktop
