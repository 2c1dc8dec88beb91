#pragma once
// A real sbor-server process for integration tests: started on a free loopback port, awaited
// until /healthz answers, stopped with a signal. Its stderr (JSON logs) is kept for assertions.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>
#include <QStringList>
#include <QMap>
#include <QUrl>

#include <memory>

namespace sbor::test {

class TestServer {
public:
    struct Options {
        QStringList arguments; // besides --http, which TestServer sets
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        bool debugRoutes = true;
        quint16 httpPort = 0; // 0: a free one; else this one (processes that must know each other's address)
    };

    explicit TestServer(Options options);
    ~TestServer(); // kills the process if a test left it running

    // Starts and waits until GET /healthz answers 200. False (with logs()) if it exited or timed out.
    // A port taken between choosing and binding it (tests run in parallel) is retried.
    bool start(int timeoutMs = 60000);
    // The two halves of start(), for tests that start several servers at the same moment.
    bool launch();
    bool waitUntilReady(int timeoutMs = 60000);
    // Sends `signal` and waits; returns the exit code, or -1 if it had to be killed.
    int stop(int signal = 15, int timeoutMs = 40000);
    // SIGKILL, as a crash: nothing of the server's own shutdown runs.
    void kill();
    // Runs sbor-server with `arguments` to completion (for usage errors, --help, `user create` …),
    // writing `standardInput` to it.
    static int runToCompletion(const QStringList& arguments, QString* output, const QProcessEnvironment& environment,
                               int timeoutMs = 60000, const QByteArray& standardInput = {});
    // What every test server gets unless the test's environment says otherwise: bcrypt cost 4
    // (the issue allows tests to lower it; 12 would make each sign-in ~0.25 s) and no general
    // per-client rate limit (tests send bursts from one address; the limit has its own test).
    static void applyTestDefaults(QProcessEnvironment& environment);

    // A started server on the database `databaseUrl` with these SBOR_* settings; null (and the
    // server's logs as a warning) when it did not come up.
    static std::unique_ptr<TestServer> startOn(const QString& databaseUrl, const QMap<QString, QString>& settings = {});

    QUrl url(const QString& pathAndQuery) const;
    quint16 port() const { return m_port; }
    // The live WebSocket port (ws://127.0.0.1:livePort()/api/v1/live).
    quint16 livePort() const { return m_livePort; }
    qint64 pid() const { return m_process.processId(); }
    QString logs();
    // Only the error-level lines of logs(), to explain an unexpected answer in a failure message.
    QString errorLogLines();
    QProcess& process() { return m_process; }

    static QString binary();

private:
    Options m_options;
    QProcess m_process;
    quint16 m_port = 0;
    quint16 m_livePort = 0;
    // stderr goes to a file, not a pipe: a busy server must never block on a full pipe that
    // the test is not reading at that moment.
    QTemporaryDir m_logDir;
};

// Data dirs for the embedded PostgreSQL live under /tmp: the `postgres` account must be able to
// reach them when the suite runs as root (a mode-700 home would not do).
inline constexpr const char* kEmbeddedDataDirTemplate = "/tmp/sbor-embedded-XXXXXX";
// Makes `holder` (created from kEmbeddedDataDirTemplate) traversable; returns the data dir inside it.
QString embeddedDataDir(QTemporaryDir& holder);

// A TCP port nobody listens on right now (bound and released).
quint16 freeLoopbackPort();

} // namespace sbor::test
