#pragma once
// The live feed's WebSocket server (architecture.md §5) on Qt WebSockets, in a thread of its own
// with its own event loop. Clients authenticate with the REST API's tokens (user JWT or device
// token) in the upgrade request's Authorization header or an access_token query parameter, then
// subscribe to topics they may watch; each topic numbers its frames, and a client resuming with
// `since` gets what it missed or is told to resync. The server pings every client; one that does
// not answer, or reads too slowly to keep its send buffer under the limit, is dropped so that it
// never slows the others.

#include "clientframe.h"
#include "livetopics.h"
#include "topiclog.h"

#include "access/access.h"
#include "service/servicedirectory.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class QThread;
class QTimer;
class QWebSocket;
class QTcpServer;
class QWebSocketServer;

namespace sbor::live {

class MaskCheckingSocket;

struct LiveHubSettings {
    std::string host = "127.0.0.1";
    int port = 8081;
    std::size_t resumeFramesPerTopic = 1000;
    std::size_t keptTopics = 10000;
    int heartbeatIntervalMs = 15000;    // ping every client this often
    int heartbeatTimeoutMs = 45000;     // no pong for this long: dropped
    qint64 maxBufferedBytes = 4 << 20;  // a client whose unsent data exceeds this is dropped
    std::size_t maxSubscriptions = 200; // per client
};

class LiveHub : public QObject {
public:
    LiveHub(LiveHubSettings settings, std::shared_ptr<access::Authenticator> authenticator,
            std::shared_ptr<ServiceDirectory> directory);
    ~LiveHub() override;

    // Listens in the hub's own thread; throws ErrorException when the address cannot be taken.
    void start();
    void stop();
    // From any thread: numbers the frames and sends them to their topics' subscribers.
    void publish(std::vector<LiveFrame> frames);

    std::size_t clientCount() const { return m_clientCount.load(); }

private:
    struct Client;
    void acceptConnections();
    void admit(QWebSocket* socket);
    void receive(Client& client, const QString& text);
    void subscribe(Client& client, const ClientFrame& request);
    void unsubscribe(Client& client, const std::string& topic);
    void deliver(const std::vector<LiveFrame>& frames);
    // A team change reaches feeds already open: someone removed stops watching the event at once,
    // someone whose role changed sees from now on what the new role sees.
    void reviewTeamMember(const std::string& topic, const nlohmann::json& change);
    void send(Client& client, const std::string& text);
    void send(Client& client, const QString& text);
    // Abort: the connection is cut (a client too slow or silent would not read a close frame);
    // PolicyClose: a close frame 1008 first (its session or device was ended); ProtocolClose: a
    // close frame 1002 (it broke the protocol).
    enum class Ending { Abort, PolicyClose, ProtocolClose };
    void drop(Client& client, const char* why, Ending ending = Ending::Abort);
    void heartbeat();
    // Checks the clients' distinct tokens on a thread of its own (each may be a call to another
    // process) and hands back those that no longer pass; a check still running skips the next.
    void recheckTokens();
    void dropRevoked(const std::unordered_set<std::string>& revokedTokens);
    void finishTokenCheck();
    // RFC 6455 §5.1: a client's unmasked frame fails its connection with 1002.
    void failUnmasked(MaskCheckingSocket* connection);
    std::optional<EventFacts> eventFacts(const std::string& eventId);

    LiveHubSettings m_settings;
    std::shared_ptr<access::Authenticator> m_authenticator;
    std::shared_ptr<ServiceDirectory> m_directory;
    std::unique_ptr<QThread> m_thread;
    // Owned by the hub thread: created and destroyed there.
    QWebSocketServer* m_server = nullptr; // upgrades what m_listener accepts
    QTcpServer* m_listener = nullptr;
    QTimer* m_heartbeat = nullptr;
    std::unordered_map<QWebSocket*, std::unique_ptr<Client>> m_clients;
    // By topic: each subscriber with what of the topic's frames it may see.
    std::unordered_map<std::string, std::unordered_map<Client*, Audience>> m_subscribers;
    TopicLog m_log;
    std::atomic<std::size_t> m_clientCount{0};
    std::thread m_tokenCheck;
    std::atomic<bool> m_tokenCheckRunning{false};
};

} // namespace sbor::live
