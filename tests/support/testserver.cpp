#include "testserver.h"

#include "httpclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>

#include <csignal>

namespace sbor::test {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QString embeddedDataDir(QTemporaryDir& holder)
{
    QFile::setPermissions(holder.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                              QFileDevice::ExeGroup | QFileDevice::ExeOther);
    return holder.path() + "/data";
}

QString TestServer::binary() { return QStringLiteral(SBOR_SERVER_BINARY); }

TestServer::TestServer(Options options) : m_options(std::move(options)) {}

TestServer::~TestServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool TestServer::start(int timeoutMs)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (!launch())
            return false;
        if (waitUntilReady(timeoutMs))
            return true;
        if (!logs().contains("cannot listen on"))
            return false;
        m_process.waitForFinished(10000);
    }
    return false;
}

bool TestServer::launch()
{
    m_port = m_options.httpPort ? m_options.httpPort : freeLoopbackPort();
    QStringList arguments = m_options.arguments;
    arguments << "--http" << QStringLiteral("127.0.0.1:%1").arg(m_port);
    QProcessEnvironment environment = m_options.environment;
    // Servers of parallel tests must not meet on the default live port either.
    if (const int given = arguments.indexOf("--live"); given >= 0)
        m_livePort = quint16(arguments.value(given + 1).section(':', -1).toUInt());
    else if (environment.contains("SBOR_LIVE_LISTEN"))
        m_livePort = quint16(environment.value("SBOR_LIVE_LISTEN").section(':', -1).toUInt());
    else
        arguments << "--live" << QStringLiteral("127.0.0.1:%1").arg(m_livePort = freeLoopbackPort());
    if (m_options.debugRoutes && !environment.contains("SBOR_SERVER_DEBUG_ROUTES"))
        environment.insert("SBOR_SERVER_DEBUG_ROUTES", "true");
    applyTestDefaults(environment);
    if (!arguments.contains("--data-dir") && !environment.contains("SBOR_DATA_DIR"))
        arguments << "--data-dir" << m_logDir.filePath("data"); // the signing key, not /var/lib/sbor
    m_process.setProcessEnvironment(environment);
    m_process.setStandardErrorFile(m_logDir.filePath("stderr.log"), QIODevice::Append);
    m_process.setStandardOutputFile(m_logDir.filePath("stdout.log"), QIODevice::Append);
    m_process.start(binary(), arguments);
    return m_process.waitForStarted(10000);
}

bool TestServer::waitUntilReady(int timeoutMs)
{
    HttpClient client;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (m_process.state() == QProcess::NotRunning)
            return false;
        // "listening" is printed only after the bind succeeded, so a 200 is from this server.
        QFile out(m_logDir.filePath("stdout.log"));
        if (out.open(QIODevice::ReadOnly) && out.readAll().contains("listening on")) {
            const HttpResult health = client.get(url("/healthz"), {}, 1000);
            if (health.status == 200)
                return true;
        }
        // Also lets QProcess notice an exit (msleep would not run its notifier).
        if (m_process.waitForFinished(50))
            return false;
    }
    return false;
}

int TestServer::stop(int signal, int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(static_cast<pid_t>(m_process.processId()), signal);
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(10000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void TestServer::kill()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
}

void TestServer::applyTestDefaults(QProcessEnvironment& environment)
{
    if (!environment.contains("SBOR_AUTH_BCRYPT_COST"))
        environment.insert("SBOR_AUTH_BCRYPT_COST", "4");
    if (!environment.contains("SBOR_HTTP_RATE_LIMIT_PER_SECOND"))
        environment.insert("SBOR_HTTP_RATE_LIMIT_PER_SECOND", "0");
}

int TestServer::runToCompletion(const QStringList& arguments, QString* output, const QProcessEnvironment& environment,
                                int timeoutMs, const QByteArray& standardInput)
{
    QProcess process;
    QProcessEnvironment withDefaults = environment;
    applyTestDefaults(withDefaults);
    process.setProcessEnvironment(withDefaults);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary(), arguments);
    if (process.waitForStarted(10000)) {
        process.write(standardInput);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

std::unique_ptr<TestServer> TestServer::startOn(const QString& databaseUrl, const QMap<QString, QString>& settings)
{
    Options options;
    options.arguments = {"--db-url", databaseUrl};
    for (auto it = settings.begin(); it != settings.end(); ++it)
        options.environment.insert(it.key(), it.value());
    auto server = std::make_unique<TestServer>(options);
    if (!server->start()) {
        qWarning("sbor-server did not start:\n%s", qPrintable(server->logs()));
        return nullptr;
    }
    return server;
}

QUrl TestServer::url(const QString& pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

QString TestServer::logs()
{
    QFile file(m_logDir.filePath("stderr.log"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString TestServer::errorLogLines()
{
    QStringList errors;
    for (const QString& line : logs().split(u'\n')) {
        if (line.contains(QStringLiteral("\"level\":\"error\"")))
            errors.append(line);
    }
    return errors.join(u'\n');
}

} // namespace sbor::test
