#include "commandline.h"

namespace sbor {
namespace {

struct FlagSpec {
    const char* flag;
    const char* key;
};

constexpr FlagSpec kFlags[] = {
    {"--data-dir", "data_dir"}, {"--db-url", "database.url"},  {"--http", "http.listen"},
    {"--live", "live.listen"},  {"--target", "server.target"}, {"--log-level", "log.level"},
};

} // namespace

FlagArgument splitFlagArgument(const std::string& argument)
{
    if (const size_t equals = argument.find('='); argument.rfind("--", 0) == 0 && equals != std::string::npos)
        return {argument.substr(0, equals), argument.substr(equals + 1), true};
    return {argument, {}, false};
}

CommandLine parseCommandLine(const std::vector<std::string>& arguments)
{
    CommandLine line;
    for (size_t i = 0; i < arguments.size(); ++i) {
        auto [argument, value, hasValue] = splitFlagArgument(arguments[i]);
        const auto takeValue = [&]() -> bool {
            if (hasValue)
                return true;
            if (i + 1 >= arguments.size()) {
                line.problem = argument + " needs a value";
                return false;
            }
            value = arguments[++i];
            return true;
        };
        if (argument == "--help" || argument == "-h") {
            line.help = true;
        } else if (argument == "--version") {
            line.version = true;
        } else if (argument == "--list-targets") {
            line.listTargets = true;
        } else if (argument == "--config") {
            if (!takeValue())
                return line;
            line.configFile = value;
        } else {
            bool known = false;
            for (const auto& spec : kFlags) {
                if (argument == spec.flag) {
                    if (!takeValue())
                        return line;
                    line.settings[spec.key] = value;
                    line.origins[spec.key] = std::string("flag ") + spec.flag;
                    known = true;
                    break;
                }
            }
            if (!known) {
                line.problem = "unknown argument '" + argument + "'; see sbor-server --help";
                return line;
            }
        }
    }
    return line;
}

std::string usageText()
{
    return R"(Usage: sbor-server [--config FILE] [--data-dir DIR] [--db-url URL] [--http HOST:PORT]
                   [--live HOST:PORT] [--target LIST] [--list-targets] [--log-level L]

Runs the Sbor backend. With no flags: the embedded default — every service in one process, a
private PostgreSQL started under the data dir (initdb on first run, Unix socket only), REST on
127.0.0.1:8080, the live WebSocket on 127.0.0.1:8081.

  --config FILE      YAML configuration (sbor.yml); also SBOR_CONFIG. Unknown keys are an error.
  --data-dir DIR     where the embedded PostgreSQL and keys live
                     (default: /var/lib/sbor as root, else $XDG_DATA_HOME/sbor or ~/.local/share/sbor)
  --db-url URL       use this PostgreSQL (postgresql://user:pass@host:5432/db or libpq key=value)
                     instead of the embedded one
  --http HOST:PORT   REST API address (default 127.0.0.1:8080)
  --live HOST:PORT   live WebSocket address (default 127.0.0.1:8081)
  --target LIST      services to run, comma-separated (default: all); see --list-targets.
                     Anything but all is the distributed mode: the others are reached at
                     cluster.services.<name>, with cluster.token (docs/distributed.md)
  --list-targets     print the services that can be targets, then exit
  --log-level L      debug, info, warn or error (default info)
  --version          print the version, then exit
  --help             this text

Operator commands:
  sbor-server user create --email E --name N --role R [--data-dir DIR | --db-url URL]
                     create an account with any role (the first admin); password on stdin

Precedence: defaults < sbor.yml < environment SBOR_* (e.g. SBOR_HTTP_LISTEN, SBOR_DATABASE_URL)
< flags. Logs are JSON lines on stderr. SIGTERM or SIGINT: stop accepting, finish in-flight
requests, stop the private PostgreSQL, exit 0.
)";
}

} // namespace sbor
