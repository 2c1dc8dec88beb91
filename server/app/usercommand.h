#pragma once
// `sbor-server user create --email E --name N --role R [--role R2 …] [--data-dir DIR | --db-url URL]`
// creates an account with any roles — how a fresh install gets its first admin. The password is
// read from standard input (asked twice without echo on a terminal, or one line from a pipe).
// Works on a data dir where the server never ran (it initialises it, migrations included) and
// beside a running server (it uses that server's embedded PostgreSQL).

#include <string>
#include <vector>

namespace sbor {

int runUserCommand(const std::vector<std::string>& arguments, char** environment);

} // namespace sbor
