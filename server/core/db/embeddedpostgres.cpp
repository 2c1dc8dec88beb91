#include "db/embeddedpostgres.h"

#include "log/logger.h"
#include "runtime/childprocess.h"

#include <libpq-fe.h>
#include <pqxx/pqxx>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sbor::db {
namespace {

// A Unix socket path must fit in sockaddr_un (108 bytes) including ".s.PGSQL.5432".
constexpr std::size_t kMaxSocketDirLength = 90;

std::string tailOfFile(const std::string& path, std::size_t bytes = 2000)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return {};
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    return text.size() > bytes ? text.substr(text.size() - bytes) : text;
}

std::string quoteConnectionValue(const std::string& value)
{
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    return out + "'";
}

Error setupError(std::string message, nlohmann::json details = nlohmann::json::object())
{
    return Error(ErrorCode::Internal, std::move(message), std::move(details));
}

bool makeDirectory(const std::string& path, const std::optional<RunAsUser>& owner, fs::perms perms,
                   std::string& problem)
{
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) {
        problem = "cannot create " + path + ": " + ec.message();
        return false;
    }
    fs::permissions(path, perms, ec);
    if (owner && !changeOwner(path, *owner)) {
        problem = "cannot give " + path + " to user " + owner->name;
        return false;
    }
    return true;
}

} // namespace

std::string findPostgresBinDir()
{
    std::string best;
    int bestVersion = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const std::string name = entry.path().filename().string();
        const int version = std::atoi(name.c_str());
        const fs::path bin = entry.path() / "bin";
        if (version > bestVersion && fs::exists(bin / "postgres", ec) && fs::exists(bin / "initdb", ec)) {
            bestVersion = version;
            best = bin.string();
        }
    }
    return best;
}

std::string defaultDataDir()
{
    if (geteuid() == 0)
        return "/var/lib/sbor";
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::string(xdg) + "/sbor";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/share/sbor";
    return "./sbor-data";
}

// The socket folder of a postmaster running on `clusterDir` (line 5 of postmaster.pid), if any.
static std::optional<std::string> runningClusterSocketDir(const std::string& clusterDir)
{
    std::ifstream pidFile(clusterDir + "/postmaster.pid");
    std::string line;
    for (int number = 1; number <= 5 && std::getline(pidFile, line); ++number) {
        if (number == 5 && !line.empty())
            return line;
    }
    return std::nullopt;
}

Result<std::unique_ptr<EmbeddedPostgres>> EmbeddedPostgres::start(const EmbeddedPostgresOptions& options)
{
    const std::string binDir = options.binDir.empty() ? findPostgresBinDir() : options.binDir;
    std::error_code ec;
    if (binDir.empty() || !fs::exists(fs::path(binDir) / "postgres", ec) ||
        !fs::exists(fs::path(binDir) / "initdb", ec))
        return setupError("PostgreSQL server binaries not found" + (binDir.empty() ? std::string() : " in " + binDir) +
                          "; install them with: apt-get install postgresql (or pass --db-url to use another server)");

    const PrivilegeDrop account = postgresAccountForCurrentUser();
    if (!account.problem.empty())
        return setupError(account.problem);

    const std::string dataDir = fs::absolute(options.dataDir, ec).lexically_normal().string();
    const std::string clusterDir = dataDir + "/postgresql";
    const std::string logFile = dataDir + "/postgresql.log";
    std::string problem;
    if (!makeDirectory(dataDir, std::nullopt, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec,
                       problem))
        return setupError(problem);
    if (account.user && !userCanReach(*account.user, dataDir)) {
        return setupError(
            "the '" + account.user->name + "' account cannot reach " + dataDir +
                " (a parent folder is not traversable, e.g. a mode-700 home); choose a --data-dir elsewhere, such as /var/lib/sbor",
            {{"data_dir", dataDir}});
    }

    auto server = std::unique_ptr<EmbeddedPostgres>(new EmbeddedPostgres());

    if (options.attachToRunning) {
        if (const auto running = runningClusterSocketDir(clusterDir)) {
            const std::string base = "host=" + quoteConnectionValue(*running) + " user=postgres";
            if (PQping((base + " dbname=postgres connect_timeout=2").c_str()) == PQPING_OK) {
                server->m_connectionString = base + " dbname=" + quoteConnectionValue(options.databaseName);
                log::info("using the embedded PostgreSQL that is already running",
                          {{"socket_dir", *running}, {"cluster", clusterDir}});
                return server; // not ours: stop() leaves it running
            }
        }
    }

    std::string socketDir = dataDir + "/run";
    if (socketDir.size() > kMaxSocketDirLength) {
        char pattern[] = "/tmp/sbor-pg-XXXXXX";
        if (!mkdtemp(pattern))
            return setupError("cannot create a socket folder in /tmp");
        socketDir = pattern;
        server->m_temporarySocketDir = socketDir;
    }
    if (!makeDirectory(socketDir, account.user, fs::perms::owner_all, problem))
        return setupError(problem);

    const bool initialised = fs::exists(clusterDir + "/PG_VERSION", ec);
    if (ec)
        return setupError("cannot look into " + clusterDir + ": " + ec.message() +
                          " (was it created by another user? the data dir belongs to whoever ran sbor-server first)");
    if (!initialised) {
        // initdb into a side folder and rename, so an interrupted first run leaves no half cluster.
        const std::string staging = clusterDir + ".initdb";
        fs::remove_all(staging, ec);
        if (!makeDirectory(staging, account.user, fs::perms::owner_all, problem))
            return setupError(problem);
        std::vector<std::string> argv = {
            binDir + "/initdb", "-D", staging, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"};
        if (options.fastUnsafe)
            argv.push_back("--no-sync");
        log::info("initialising the embedded PostgreSQL cluster", {{"dir", clusterDir}});
        const int status = runProcess(SpawnOptions{argv, account.user, logFile, true}, problem);
        if (status != 0)
            return setupError("initdb failed (exit " + std::to_string(status) + ") " + problem + "; see " + logFile +
                              ":\n" + tailOfFile(logFile));
        fs::rename(staging, clusterDir, ec);
        if (ec)
            return setupError("cannot move the new cluster into place: " + ec.message());
    }

    std::vector<std::string> argv = {
        binDir + "/postgres",           "-D", clusterDir,           "-k", socketDir, "-c", "listen_addresses=", "-c",
        "unix_socket_permissions=0700", "-c", "max_connections=200"};
    if (options.fastUnsafe) {
        argv.insert(argv.end(), {"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"});
    }
    server->m_pid = spawnProcess(SpawnOptions{argv, account.user, logFile, true}, problem);
    if (server->m_pid < 0)
        return setupError("cannot start postgres: " + problem);

    const std::string base = "host=" + quoteConnectionValue(socketDir) + " user=postgres";
    const std::string probe = base + " dbname=postgres connect_timeout=2";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
        if (PQping(probe.c_str()) == PQPING_OK)
            break;
        int status = 0;
        if (waitForExit(server->m_pid, 0, &status)) {
            server->m_pid = -1;
            return setupError("the embedded PostgreSQL exited during start; see " + logFile + ":\n" +
                              tailOfFile(logFile));
        }
        if (std::chrono::steady_clock::now() > deadline) {
            server->stop();
            return setupError("the embedded PostgreSQL did not accept connections within 60 s; see " + logFile);
        }
        if (options.stopRequested && options.stopRequested()) {
            server->stop();
            return Error(ErrorCode::ShuttingDown, "stop requested while the embedded PostgreSQL was starting");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }

    try {
        pqxx::connection admin(probe);
        pqxx::nontransaction tx(admin);
        if (tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", options.databaseName).empty())
            tx.exec("CREATE DATABASE " + tx.quote_name(options.databaseName));
    } catch (const std::exception& e) {
        server->stop();
        return setupError(std::string("cannot create the application database: ") + e.what());
    }
    server->m_connectionString = base + " dbname=" + quoteConnectionValue(options.databaseName);
    log::info("embedded PostgreSQL is running",
              {{"pid", server->m_pid}, {"socket_dir", socketDir}, {"cluster", clusterDir}});
    return server;
}

EmbeddedPostgres::~EmbeddedPostgres() { stop(); }

bool EmbeddedPostgres::hasExited()
{
    if (m_pid <= 0)
        return false;
    int status = 0;
    if (!waitForExit(m_pid, 0, &status))
        return false;
    log::error("the embedded PostgreSQL exited on its own; see postgresql.log in the data dir",
               {{"pid", m_pid}, {"status", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)}});
    m_pid = -1;
    return true;
}

void EmbeddedPostgres::stop()
{
    if (m_pid > 0) {
        kill(m_pid, SIGINT); // fast shutdown: roll back open transactions, checkpoint, exit
        if (!waitForExit(m_pid, 30000)) {
            log::warn("embedded PostgreSQL did not stop in 30 s; forcing it", {{"pid", m_pid}});
            kill(m_pid, SIGQUIT);
            if (!waitForExit(m_pid, 5000)) {
                kill(m_pid, SIGKILL);
                waitForExit(m_pid, 5000);
            }
        }
        log::info("embedded PostgreSQL stopped", {{"pid", m_pid}});
        m_pid = -1;
    }
    if (!m_temporarySocketDir.empty()) {
        std::error_code ec;
        fs::remove_all(m_temporarySocketDir, ec);
        m_temporarySocketDir.clear();
    }
}

} // namespace sbor::db
