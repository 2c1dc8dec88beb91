#pragma once
// Starting helper programs (initdb, postgres) as child processes, optionally as another user
// (PostgreSQL refuses to run as root). The child gets a clean signal mask — the server blocks
// SIGTERM/SIGINT in its own threads to receive them with sigwait — and its own process group,
// so a Ctrl-C in the terminal reaches the server, which then stops the child in order.

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace sbor {

struct RunAsUser {
    uid_t uid = 0;
    gid_t gid = 0;
    std::string name;
};

// The account to run PostgreSQL as: none when we are not root, "postgres" when we are.
// nullopt with `problem` set when we are root and that account does not exist.
struct PrivilegeDrop {
    std::optional<RunAsUser> user;
    std::string problem;
};
PrivilegeDrop postgresAccountForCurrentUser();

struct SpawnOptions {
    std::vector<std::string> argv;
    std::optional<RunAsUser> runAs;
    std::string outputFile;     // stdout+stderr appended here; empty: inherit
    bool dieWithParent = false; // PR_SET_PDEATHSIG: the child is told to stop if we die
};

// Returns the child's pid, or -1 with errno-based text in `problem`.
pid_t spawnProcess(const SpawnOptions& options, std::string& problem);
// Runs to completion; returns the exit status (128+signal when killed), -1 when it could not start.
int runProcess(const SpawnOptions& options, std::string& problem);
// Waits up to `milliseconds` for the child to exit; returns true when it has (and reaps it).
bool waitForExit(pid_t pid, int milliseconds, int* status = nullptr);
// Whether `user` may enter `directory` (and so every folder above it).
bool userCanReach(const RunAsUser& user, const std::string& directory);
// Changes owner of `path` (not recursive).
bool changeOwner(const std::string& path, const RunAsUser& user);

} // namespace sbor
