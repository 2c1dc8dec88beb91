#pragma once
// sbor-server from start to exit: configuration, logging, the database (embedded or external),
// migrations, services, the HTTP server, background jobs, and an orderly shutdown on
// SIGTERM/SIGINT. Infrastructure starts first and stops last.

#include <string>
#include <vector>

namespace sbor {

// Returns the process exit code: 0 after a clean shutdown, 1 on a start-up failure, 2 on bad usage.
int runServer(const std::vector<std::string>& arguments, char** environment);

} // namespace sbor
