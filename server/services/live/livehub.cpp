#include "livehub.h"

#include "clientframe.h"
#include "maskcheckingsocket.h"

#include "log/logger.h"
#include "sbor/jsonvalue.h"
#include "sbor/error.h"
#include "service/contracts.h"

#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <chrono>
#include <unistd.h>
#include <future>

namespace sbor::live {
namespace {

constexpr qint64 kLargestClientFrame = 4096;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// With replacement: an echoed prefix of what a client sent may end inside a character.
std::string controlFrame(const nlohmann::json& frame)
{
    return frame.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Different in every run of the process: numbers from before a restart are recognised as such.
std::string processEpoch()
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()) + "-" +
        std::to_string(::getpid());
}

std::string errorFrame(const std::string& code, const std::string& message, const std::string& topic = {})
{
    nlohmann::json frame = {{"op", "error"}, {"code", code}, {"message", message}};
    if (!topic.empty())
        frame["topic"] = topic;
    return controlFrame(frame);
}

// The bearer token of the upgrade request: Authorization header, else ?access_token= (browsers
// cannot set headers on a WebSocket).
std::string tokenOf(const QWebSocket& socket)
{
    const QByteArray header = socket.request().rawHeader("Authorization");
    if (header.startsWith("Bearer "))
        return header.mid(7).trimmed().toStdString();
    return QUrlQuery(socket.requestUrl())
        .queryItemValue(QStringLiteral("access_token"), QUrl::FullyDecoded)
        .toStdString();
}

std::string frameText(const std::string& topic, std::uint64_t seq, const std::string& epoch, const std::string& type,
                      const nlohmann::json& data, const std::string& at)
{
    return nlohmann::json{{"topic", topic}, {"seq", seq}, {"epoch", epoch}, {"type", type}, {"data", data}, {"at", at}}
        .dump();
}

// A kept frame (made for those who see everything) as `audience` may see it; null when that
// audience does not get it. Only replays come here: live frames are shaped from their data.
std::optional<std::string> reshapedFrame(const std::string& kept, Audience audience)
{
    const auto frame = nlohmann::json::parse(kept, nullptr, false);
    if (!frame.is_object() || !frame.contains("data") || !frame.contains("type") || !frame["type"].is_string())
        return std::nullopt;
    const auto data = dataFor(audience, frame["type"].get<std::string>(), frame["data"]);
    if (!data)
        return std::nullopt;
    nlohmann::json shaped = frame;
    shaped["data"] = *data;
    return shaped.dump();
}

} // namespace

struct LiveHub::Client {
    QWebSocket* socket = nullptr;
    access::Principal principal;
    std::string token; // checked again on heartbeats: a revoked session or device is dropped
    std::unordered_set<std::string> topics;
    std::int64_t lastPongMs = 0;
    bool dropped = false;
};

LiveHub::LiveHub(LiveHubSettings settings, std::shared_ptr<access::Authenticator> authenticator,
                 std::shared_ptr<ServiceDirectory> directory)
    : m_settings(std::move(settings)),
      m_authenticator(std::move(authenticator)),
      m_directory(std::move(directory)),
      m_log(m_settings.resumeFramesPerTopic, m_settings.keptTopics, processEpoch())
{}

LiveHub::~LiveHub() { stop(); }

void LiveHub::start()
{
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("live-hub"));
    moveToThread(m_thread.get());
    m_thread->start();
    std::promise<std::string> listening; // "" or why not
    QMetaObject::invokeMethod(this, [this, &listening] {
        m_server = new QWebSocketServer(QStringLiteral("sbor-live"), QWebSocketServer::NonSecureMode, this);
        m_server->setMaxPendingConnections(1024);
        // Our listener accepts and checks the clients' frames; Qt's server only does the upgrade.
        m_listener = new MaskCheckingListener(
            *m_server, [this](MaskCheckingSocket* connection) { failUnmasked(connection); }, this);
        m_listener->setMaxPendingConnections(1024);
        if (!m_listener->listen(QHostAddress(QString::fromStdString(m_settings.host)), quint16(m_settings.port))) {
            listening.set_value(m_listener->errorString().toStdString());
            return;
        }
        connect(m_server, &QWebSocketServer::newConnection, this, [this] { acceptConnections(); });
        m_heartbeat = new QTimer(this);
        connect(m_heartbeat, &QTimer::timeout, this, [this] { heartbeat(); });
        m_heartbeat->start(m_settings.heartbeatIntervalMs);
        listening.set_value("");
    });
    auto answer = listening.get_future();
    const std::string problem = answer.wait_for(std::chrono::seconds(10)) == std::future_status::ready
        ? answer.get()
        : "its thread did not start an event loop";
    if (!problem.empty()) {
        stop();
        throw ErrorException(Error(ErrorCode::Internal,
                                   "cannot listen on " + m_settings.host + ":" + std::to_string(m_settings.port) +
                                       " for the live feed: " + problem,
                                   {{"live", m_settings.host + ":" + std::to_string(m_settings.port)}}));
    }
    log::info("live feed listening",
              {{"live", "ws://" + m_settings.host + ":" + std::to_string(m_settings.port) + "/api/v1/live"}});
}

// Only ever called on the hub thread (or after it ended): one owner for the thread object.
void LiveHub::finishTokenCheck()
{
    if (m_tokenCheck.joinable())
        m_tokenCheck.join();
}

void LiveHub::stop()
{
    if (!m_thread) {
        finishTokenCheck();
        return;
    }
    // Close everything on the hub's thread, where the sockets live, then end the thread.
    QMetaObject::invokeMethod(
        this,
        [this] {
            auto clients = std::move(m_clients);
            m_clients.clear();
            for (auto& [socket, client] : clients) {
                socket->disconnect(this);
                socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
                delete socket;
            }
            m_subscribers.clear();
            delete m_listener;
            m_listener = nullptr;
            delete m_server;
            m_server = nullptr;
            delete m_heartbeat;
            m_heartbeat = nullptr;
            finishTokenCheck(); // no new one can start now; what it queues is never run
            moveToThread(nullptr);
            QThread::currentThread()->quit();
        },
        Qt::BlockingQueuedConnection);
    m_thread->wait();
    m_thread.reset();
    m_clientCount = 0;
}

void LiveHub::publish(std::vector<LiveFrame> frames)
{
    if (frames.empty())
        return;
    QMetaObject::invokeMethod(this, [this, frames = std::move(frames)] { deliver(frames); });
}

void LiveHub::acceptConnections()
{
    while (QWebSocket* socket = m_server->nextPendingConnection())
        admit(socket);
}

void LiveHub::admit(QWebSocket* socket)
{
    socket->setParent(this);
    if (socket->requestUrl().path() != QStringLiteral("/api/v1/live")) {
        socket->sendTextMessage(QString::fromStdString(errorFrame("not_found", "the live feed is at /api/v1/live")));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not_found"));
        socket->deleteLater();
        return;
    }
    const std::string token = tokenOf(*socket);
    Result<access::Principal> principal = Error(ErrorCode::Unauthorized, "a bearer token is required");
    try {
        if (!token.empty() && m_authenticator)
            principal = m_authenticator->authenticate(token);
    } catch (const std::exception& e) {
        // The database behind sessions and devices is away: not the client's fault, try later.
        socket->sendTextMessage(
            QString::fromStdString(errorFrame("unavailable", "tokens cannot be checked right now; reconnect shortly")));
        socket->close(QWebSocketProtocol::CloseCode(1013) /* try again later */, QStringLiteral("unavailable"));
        socket->deleteLater();
        return;
    }
    if (!principal) {
        socket->sendTextMessage(QString::fromStdString(errorFrame("unauthorized", principal.error().message)));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
        socket->deleteLater();
        return;
    }
    auto client = std::make_unique<Client>();
    client->socket = socket;
    client->principal = std::move(principal).value();
    client->token = token;
    client->lastPongMs = nowMs();
    Client* raw = client.get();
    m_clients.emplace(socket, std::move(client));
    m_clientCount = m_clients.size();
    socket->setMaxAllowedIncomingMessageSize(kLargestClientFrame);
    connect(socket, &QWebSocket::textMessageReceived, this, [this, raw](const QString& text) { receive(*raw, text); });
    connect(socket, &QWebSocket::pong, this, [raw](quint64, const QByteArray&) { raw->lastPongMs = nowMs(); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        const auto found = m_clients.find(socket);
        if (found == m_clients.end())
            return;
        Client& gone = *found->second;
        gone.dropped = true;
        for (const auto& topic : gone.topics)
            if (auto subscribers = m_subscribers.find(topic); subscribers != m_subscribers.end())
                subscribers->second.erase(&gone);
        gone.topics.clear();
        // Forgotten once the current handler is done with it: this may run inside a send().
        QMetaObject::invokeMethod(
            this,
            [this, socket] {
                m_clients.erase(socket);
                m_clientCount = m_clients.size();
                socket->deleteLater();
            },
            Qt::QueuedConnection);
    });
    send(*raw,
         controlFrame({{"op", "welcome"},
                       {"user_id", raw->principal.userId},
                       {"device_id",
                        raw->principal.device ? nlohmann::json(raw->principal.device->deviceId) : nlohmann::json()}}));
}

void LiveHub::receive(Client& client, const QString& text)
{
    if (client.dropped)
        return; // e.g. the rest of what a client sent after an unmasked frame
    // Nothing a client sends may end the hub's thread (and with it the process).
    try {
        const auto parsed = parseClientFrame(text.toStdString());
        if (const auto* problem = std::get_if<ClientFrameProblem>(&parsed)) {
            send(client, errorFrame(problem->code, problem->message, problem->topic));
            return;
        }
        const ClientFrame& request = std::get<ClientFrame>(parsed);
        switch (request.op) {
        case ClientFrame::Op::Subscribe:
            subscribe(client, request);
            break;
        case ClientFrame::Op::Unsubscribe:
            unsubscribe(client, request.topic);
            break;
        case ClientFrame::Op::Authenticate: {
            // A fresh access token before the old one expires: the connection and its topics stay.
            auto principal = request.token.empty() || !m_authenticator
                ? Result<access::Principal>(Error(ErrorCode::Unauthorized, "a token is required"))
                : m_authenticator->authenticate(request.token);
            if (!principal || principal->userId != client.principal.userId ||
                (principal->device ? principal->device->deviceId : "") !=
                    (client.principal.device ? client.principal.device->deviceId : "")) {
                send(client,
                     errorFrame("unauthorized", principal ? "the token is someone else's" : principal.error().message));
                return;
            }
            client.principal = std::move(principal).value();
            client.token = request.token;
            send(client, controlFrame({{"op", "authenticated"}}));
            break;
        }
        case ClientFrame::Op::Ping:
            send(client, controlFrame({{"op", "pong"}}));
            break;
        }
    } catch (const ErrorException& e) {
        send(client, errorFrame(std::string(errorCodeName(e.error().code)), e.error().message));
    } catch (const std::exception& e) {
        log::warn("a live request failed", {{"error", e.what()}, {"user_id", client.principal.userId}});
        send(client, errorFrame("unavailable", "that could not be done now; try again"));
    }
}

void LiveHub::subscribe(Client& client, const ClientFrame& request)
{
    if (client.dropped)
        return;
    const auto topic = parseTopic(request.topic);
    if (!topic) {
        send(client,
             errorFrame("bad_request", "topic must be event:<id>, user:<id>, system or support",
                        request.topic.substr(0, 120)));
        return;
    }
    const std::string name = topicText(*topic);
    if (!client.topics.count(name) && client.topics.size() >= m_settings.maxSubscriptions) {
        send(client,
             errorFrame("too_many_subscriptions",
                        "at most " + std::to_string(m_settings.maxSubscriptions) + " topics per connection", name));
        return;
    }
    const std::optional<EventFacts> event = topic->kind == TopicName::Kind::Event ? eventFacts(topic->id)
                                                                                  : std::nullopt;
    if (!mayWatch(client.principal, *topic, event)) {
        // An event that does not exist and one the caller may not see look the same.
        send(client, errorFrame("forbidden", "you may not watch " + name, name));
        return;
    }
    const Audience audience = audienceOf(client.principal, *topic, event);
    client.topics.insert(name);
    m_subscribers[name][&client] = audience;
    const std::string current = m_log.epoch(name);
    send(client,
         controlFrame({{"op", "subscribed"}, {"topic", name}, {"seq", m_log.lastSeq(name)}, {"epoch", current}}));
    if (request.since) {
        const auto missed = m_log.since(name, *request.since, request.epoch);
        if (!missed) {
            send(client,
                 controlFrame({{"op", "resync"}, {"topic", name}, {"seq", m_log.lastSeq(name)}, {"epoch", current}}));
            return;
        }
        for (const auto& frame : *missed) {
            if (audience == Audience::Everything) {
                send(client, frame);
            } else if (const auto shaped = reshapedFrame(frame, audience)) {
                send(client, *shaped);
            }
        }
    }
}

void LiveHub::unsubscribe(Client& client, const std::string& topic)
{
    client.topics.erase(topic);
    if (auto found = m_subscribers.find(topic); found != m_subscribers.end()) {
        found->second.erase(&client);
        if (found->second.empty())
            m_subscribers.erase(found);
    }
    send(client, controlFrame({{"op", "unsubscribed"}, {"topic", topic}}));
}

void LiveHub::deliver(const std::vector<LiveFrame>& frames)
{
    for (const LiveFrame& frame : frames) {
        std::string text;
        std::uint64_t seq = 0;
        std::string epoch;
        m_log.append(frame.topic, [&](std::uint64_t number, const std::string& epochOfTopic) {
            seq = number;
            epoch = epochOfTopic;
            text = frameText(frame.topic, seq, epoch, frame.type, frame.data, frame.at);
            return text;
        });
        const auto subscribers = m_subscribers.find(frame.topic);
        if (subscribers == m_subscribers.end())
            continue;
        // drop() may change the map: send to a copy. Each audience's text is made once.
        const std::vector<std::pair<Client*, Audience>> targets(subscribers->second.begin(), subscribers->second.end());
        std::optional<QString> texts[3];
        for (const auto& [client, audience] : targets) {
            auto& shaped = texts[static_cast<int>(audience)];
            if (!shaped) {
                if (audience == Audience::Everything) {
                    shaped = QString::fromStdString(text);
                } else {
                    const auto data = dataFor(audience, frame.type, frame.data);
                    shaped = data
                        ? QString::fromStdString(frameText(frame.topic, seq, epoch, frame.type, *data, frame.at))
                        : QString();
                }
            }
            if (!shaped->isEmpty())
                send(*client, *shaped);
        }
        if (frame.type == "event.team_member_removed" || frame.type == "event.team_member_added")
            reviewTeamMember(frame.topic, frame.data);
    }
}

void LiveHub::reviewTeamMember(const std::string& topic, const nlohmann::json& change)
{
    const auto parsed = parseTopic(topic);
    const auto subscribers = m_subscribers.find(topic);
    if (!parsed || parsed->kind != TopicName::Kind::Event || subscribers == m_subscribers.end())
        return;
    const std::string userId = stringField(change, "user_id");
    std::vector<Client*> theirs;
    for (const auto& [client, audience] : subscribers->second)
        if (!client->principal.device && !userId.empty() && client->principal.userId == userId)
            theirs.push_back(client);
    if (theirs.empty())
        return;
    std::optional<EventFacts> event;
    try {
        event = eventFacts(parsed->id);
    } catch (const std::exception& e) {
        // Not knowing the team now, the feed fails closed: a person still on it subscribes again.
        log::warn("a team change could not be checked; its member's subscription ends",
                  {{"error", e.what()}, {"topic", topic}, {"user_id", userId}});
    }
    for (Client* client : theirs) {
        if (event && mayWatch(client->principal, *parsed, event)) {
            m_subscribers[topic][client] = audienceOf(client->principal, *parsed, event);
            continue;
        }
        send(*client, errorFrame("forbidden", "you are no longer on this event's team", topic));
        unsubscribe(*client, topic);
    }
}

void LiveHub::send(Client& client, const std::string& text) { send(client, QString::fromStdString(text)); }

void LiveHub::send(Client& client, const QString& text)
{
    if (client.dropped)
        return;
    client.socket->sendTextMessage(text);
    // Handed to the kernel now, so what stays behind is what the client has not taken: only
    // that counts against it (a big batch alone must not look like a slow reader).
    client.socket->flush();
    if (client.socket->bytesToWrite() > m_settings.maxBufferedBytes)
        drop(client, "too slow: its unsent frames passed the limit");
}

void LiveHub::drop(Client& client, const char* why, Ending ending)
{
    client.dropped = true;
    log::info("live client dropped",
              {{"reason", why}, {"user_id", client.principal.userId}, {"topics", client.topics.size()}});
    for (const auto& topic : client.topics)
        if (auto found = m_subscribers.find(topic); found != m_subscribers.end())
            found->second.erase(&client);
    client.topics.clear();
    if (ending == Ending::PolicyClose) {
        client.socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
        return;
    }
    if (ending == Ending::ProtocolClose) {
        client.socket->close(QWebSocketProtocol::CloseCodeProtocolError,
                             QStringLiteral("client frames must be masked"));
        return;
    }
    // abort(), not close(): a client that cannot keep up would not take the close frame either.
    client.socket->abort();
}

void LiveHub::heartbeat()
{
    const std::int64_t now = nowMs();
    std::vector<Client*> silent;
    for (auto& [socket, client] : m_clients) {
        if (client->dropped)
            continue;
        if (now - client->lastPongMs > m_settings.heartbeatTimeoutMs) {
            silent.push_back(client.get());
            continue;
        }
        socket->ping();
    }
    for (Client* client : silent)
        drop(*client, "no answer to pings");
    recheckTokens();
}

void LiveHub::recheckTokens()
{
    if (!m_authenticator || m_tokenCheckRunning.exchange(true))
        return;
    finishTokenCheck(); // the previous one has ended: only its thread is left to join
    std::unordered_set<std::string> tokens;
    for (const auto& [socket, client] : m_clients)
        if (!client->dropped)
            tokens.insert(client->token); // many screens of one person: one check
    m_tokenCheck = std::thread([this, tokens = std::move(tokens)] {
        std::unordered_set<std::string> revoked;
        for (const auto& token : tokens) {
            try {
                if (!m_authenticator->authenticate(token))
                    revoked.insert(token);
            } catch (const std::exception&) {
                // Auth or its database is unreachable: no verdict, the client stays.
            }
        }
        if (!revoked.empty())
            QMetaObject::invokeMethod(this, [this, revoked = std::move(revoked)] { dropRevoked(revoked); });
        m_tokenCheckRunning = false;
    });
}

void LiveHub::dropRevoked(const std::unordered_set<std::string>& revokedTokens)
{
    std::vector<Client*> revoked;
    for (const auto& [socket, client] : m_clients)
        if (!client->dropped && revokedTokens.count(client->token)) // a client that sent a fresh token since is not
            revoked.push_back(client.get());
    for (Client* client : revoked) {
        send(*client, errorFrame("unauthorized", "the session or device was ended"));
        // A close frame with 1008, as docs/live.md promises: the client learns it was signed out,
        // not that the network failed.
        drop(*client, "its token no longer passes", Ending::PolicyClose);
    }
}

void LiveHub::failUnmasked(MaskCheckingSocket* connection)
{
    for (auto& [socket, client] : m_clients) {
        if (socket->peerPort() == connection->peerPort() && socket->peerAddress() == connection->peerAddress()) {
            if (!client->dropped)
                drop(*client, "it sent an unmasked frame", Ending::ProtocolClose);
            // Its closing frame would never be read now: end the connection once ours is sent.
            connection->disconnectFromHost();
            return;
        }
    }
    connection->abort(); // still in the upgrade: there is no WebSocket to close yet
}

std::optional<EventFacts> LiveHub::eventFacts(const std::string& eventId)
{
    const auto events = m_directory->find<EventDirectory>();
    return events ? events->eventFacts(eventId) : std::nullopt;
}

} // namespace sbor::live
