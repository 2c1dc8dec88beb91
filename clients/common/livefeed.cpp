#include "livefeed.h"

#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

namespace sbor::client {

LiveFeed::LiveFeed(Settings settings, TokenSource token, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)), m_token(std::move(token))
{
    qRegisterMetaType<wire::LiveFrame>();
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LiveFeed::open);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (!m_socket)
            return;
        if (m_awaitingPong) { // silent for a whole interval: the connection is gone
            m_socket->abort();
            return;
        }
        m_awaitingPong = true;
        m_socket->ping();
    });
}

LiveFeed::~LiveFeed() { stop(); }

void LiveFeed::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    open();
}

void LiveFeed::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    if (m_socket) {
        QWebSocket* socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    setConnected(false);
}

void LiveFeed::open()
{
    if (!m_running)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QWebSocket::connected, this, &LiveFeed::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &LiveFeed::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &LiveFeed::onText);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
    QNetworkRequest request(m_settings.url);
    if (const QString token = m_token ? m_token() : QString(); !token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    m_socket->open(request);
}

void LiveFeed::onConnected()
{
    m_failures = 0;
    m_awaitingPong = false;
    m_pingTimer.start(m_settings.pingIntervalMs);
    setConnected(true);
    for (auto it = m_topics.cbegin(); it != m_topics.cend(); ++it)
        sendSubscribe(it.key());
}

void LiveFeed::onDisconnected()
{
    m_pingTimer.stop();
    setConnected(false);
    if (m_running)
        scheduleReconnect();
}

void LiveFeed::scheduleReconnect()
{
    if (m_reconnectTimer.isActive())
        return;
    const int base = std::min(m_settings.reconnectMaxMs, m_settings.reconnectMinMs << std::min(m_failures, 10));
    ++m_failures;
    ++m_reconnects;
    // Jitter, so a hall of kiosks does not knock on a restarted server at the same millisecond.
    const int delay = base / 2 + static_cast<int>(QRandomGenerator::global()->bounded(base / 2 + 1));
    m_reconnectTimer.start(delay);
}

void LiveFeed::subscribe(const QString& topic, std::optional<qint64> since)
{
    TopicState& state = m_topics[topic];
    if (since) {
        state.lastSeq = *since;
        state.known = true;
    }
    if (m_connected)
        sendSubscribe(topic);
}

void LiveFeed::unsubscribe(const QString& topic)
{
    if (!m_topics.remove(topic))
        return;
    if (m_connected)
        m_socket->sendTextMessage(QString::fromStdString(
            wire::toJson(wire::LiveRequest{"unsubscribe", topic.toStdString(), std::nullopt, {}}).dump()));
}

qint64 LiveFeed::lastSeq(const QString& topic) const { return m_topics.value(topic).lastSeq; }

void LiveFeed::sendSubscribe(const QString& topic)
{
    const TopicState state = m_topics.value(topic);
    const wire::LiveRequest request{"subscribe", topic.toStdString(),
                                    state.known ? std::optional<std::int64_t>(state.lastSeq) : std::nullopt,
                                    state.known ? state.epoch : std::string()};
    m_socket->sendTextMessage(QString::fromStdString(wire::toJson(request).dump()));
}

void LiveFeed::onText(const QString& text)
{
    const auto json = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (!json.is_object())
        return;
    try {
        if (wire::isLiveControl(json)) {
            const auto control = wire::decode<wire::LiveControl>(json);
            const QString topic = QString::fromStdString(control.topic);
            if (control.op == "subscribed" && m_topics.contains(topic)) {
                TopicState& state = m_topics[topic];
                if (!state.known) { // a first subscription starts from now
                    state.lastSeq = control.seq;
                    state.known = true;
                }
                state.epoch = control.epoch;
                emit subscribed(topic);
            } else if (control.op == "resync" && m_topics.contains(topic)) {
                TopicState& state = m_topics[topic];
                state.lastSeq = control.seq;
                state.epoch = control.epoch;
                state.known = true;
                emit resyncRequired(topic);
            } else if (control.op == "error") {
                emit refused(QString::fromStdString(control.code), QString::fromStdString(control.message), topic);
            }
            return;
        }
        const auto frame = wire::decode<wire::LiveFrame>(json);
        const QString topic = QString::fromStdString(frame.topic);
        auto found = m_topics.find(topic);
        if (found == m_topics.end())
            return; // unsubscribed meanwhile
        if (found->known && frame.seq <= found->lastSeq && frame.epoch == found->epoch)
            return; // seen before the reconnect
        found->lastSeq = frame.seq;
        found->epoch = frame.epoch;
        found->known = true;
        emit frameReceived(frame);
    } catch (const std::exception&) {
        // A frame this version does not understand is skipped, not fatal — and nothing a
        // handler throws may leave the event loop.
    }
}

void LiveFeed::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    emit connectedChanged(connected);
}

} // namespace sbor::client
