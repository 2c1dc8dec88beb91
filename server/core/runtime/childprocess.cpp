#include "runtime/childprocess.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace sbor {

PrivilegeDrop postgresAccountForCurrentUser()
{
    PrivilegeDrop drop;
    if (geteuid() != 0)
        return drop;
    const passwd* account = getpwnam("postgres");
    if (!account) {
        drop.problem = "running as root needs the 'postgres' system account to run the embedded PostgreSQL "
                       "(apt-get install postgresql creates it), or run sbor-server as a normal user";
        return drop;
    }
    drop.user = RunAsUser{account->pw_uid, account->pw_gid, account->pw_name};
    return drop;
}

namespace {

// Only async-signal-safe calls between fork and exec.
[[noreturn]] void execChild(const SpawnOptions& options, const std::vector<char*>& argv, int outputFd, pid_t parent)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGPIPE, SIG_DFL);
    setpgid(0, 0);
    if (outputFd >= 0) {
        dup2(outputFd, STDOUT_FILENO);
        dup2(outputFd, STDERR_FILENO);
    }
    const int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0)
        dup2(devnull, STDIN_FILENO);
    if (options.runAs) {
        if (setgroups(0, nullptr) != 0 || setgid(options.runAs->gid) != 0 || setuid(options.runAs->uid) != 0)
            _exit(126);
    }
    // After setuid: a change of credentials clears the parent-death signal.
    if (options.dieWithParent) {
        prctl(PR_SET_PDEATHSIG, SIGINT);
        if (getppid() != parent) // the parent died before the signal was armed
            _exit(1);
    }
    execv(argv[0], argv.data());
    _exit(127);
}

} // namespace

pid_t spawnProcess(const SpawnOptions& options, std::string& problem)
{
    if (options.argv.empty()) {
        problem = "no program given";
        return -1;
    }
    std::vector<char*> argv;
    for (const auto& arg : options.argv)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    int outputFd = -1;
    if (!options.outputFile.empty()) {
        outputFd = open(options.outputFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
        if (outputFd < 0) {
            problem = "cannot open " + options.outputFile + ": " + std::strerror(errno);
            return -1;
        }
        if (options.runAs && fchown(outputFd, options.runAs->uid, options.runAs->gid) != 0) {
            // Not fatal: the child writes through the descriptor we opened.
        }
    }
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid == 0)
        execChild(options, argv, outputFd, parent);
    const int forkErrno = errno;
    if (outputFd >= 0)
        close(outputFd);
    if (pid < 0) {
        problem = std::string("fork failed: ") + std::strerror(forkErrno);
        return -1;
    }
    return pid;
}

int runProcess(const SpawnOptions& options, std::string& problem)
{
    const pid_t pid = spawnProcess(options, problem);
    if (pid < 0)
        return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            problem = std::string("waitpid failed: ") + std::strerror(errno);
            return -1;
        }
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

bool waitForExit(pid_t pid, int milliseconds, int* status)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
    for (;;) {
        int local = 0;
        const pid_t done = waitpid(pid, &local, WNOHANG);
        if (done == pid || (done < 0 && errno == ECHILD)) {
            if (status)
                *status = local;
            return true;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

bool userCanReach(const RunAsUser& user, const std::string& directory)
{
    const pid_t pid = fork();
    if (pid == 0) {
        if (setgroups(0, nullptr) != 0 || setgid(user.gid) != 0 || setuid(user.uid) != 0)
            _exit(2);
        _exit(access(directory.c_str(), X_OK) == 0 ? 0 : 1);
    }
    if (pid < 0)
        return false;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool changeOwner(const std::string& path, const RunAsUser& user)
{
    return chown(path.c_str(), user.uid, user.gid) == 0;
}

} // namespace sbor
