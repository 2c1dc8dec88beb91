#pragma once
// The live feed (docs/live.md) for clients: one WebSocket that stays up. It reconnects with
// backoff after any drop, resubscribes every topic with `since` = the last number it saw so
// nothing is missed, drops repeats, and says when the hub cannot resume a topic (resync: reload
// the state over REST). A connection that goes silent — a dropped network that TCP does not
// notice — is found by its own pings and reopened.

#include "sbor/wire/live.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QWebSocket;

namespace sbor::client {

class LiveFeed : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool connected READ isConnected NOTIFY connectedChanged)

public:
    struct Settings {
        QUrl url;                 // ws://host:8081/api/v1/live
        int reconnectMinMs = 250; // first pause after a drop; doubles up to the maximum
        int reconnectMaxMs = 10000;
        int pingIntervalMs = 10000; // our own pings; no pong within one interval: reconnect
    };
    // Called at each (re)connection, so a refreshed access token is used.
    using TokenSource = std::function<QString()>;

    LiveFeed(Settings settings, TokenSource token, QObject* parent = nullptr);
    ~LiveFeed() override;

    void start();
    void stop();
    bool isConnected() const { return m_connected; }

    // Follows `topic` ("event:<id>", "user:<id>", "system"), from frame `since` + 1 when given.
    void subscribe(const QString& topic, std::optional<qint64> since = std::nullopt);
    void unsubscribe(const QString& topic);
    // The last frame number seen on `topic` (0: none yet).
    qint64 lastSeq(const QString& topic) const;
    int reconnectCount() const { return m_reconnects; }

signals:
    void frameReceived(const sbor::wire::LiveFrame& frame);
    // The hub could not replay what was missed: reload `topic`'s state over REST.
    void resyncRequired(const QString& topic);
    void subscribed(const QString& topic);
    void connectedChanged(bool connected);
    // The hub refused: unauthorized (token ended), forbidden (topic), too_many_subscriptions …
    void refused(const QString& code, const QString& message, const QString& topic);

private:
    struct TopicState {
        qint64 lastSeq = 0;
        std::string epoch;
        bool known = false; // lastSeq is a position to resume from
    };

    void open();
    void onConnected();
    void onDisconnected();
    void onText(const QString& text);
    void sendSubscribe(const QString& topic);
    void scheduleReconnect();
    void setConnected(bool connected);

    Settings m_settings;
    TokenSource m_token;
    QWebSocket* m_socket = nullptr;
    QHash<QString, TopicState> m_topics;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    bool m_running = false;
    bool m_connected = false;
    bool m_awaitingPong = false;
    int m_failures = 0;
    int m_reconnects = 0;
};

} // namespace sbor::client

Q_DECLARE_METATYPE(sbor::wire::LiveFrame)
