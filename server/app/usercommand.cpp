#include "usercommand.h"

#include "builtinservices.h"
#include "commandline.h"
#include "configuration.h"

#include "auth/accounts.h"
#include "auth/authdependencies.h"
#include "auth/passwordhasher.h"
#include "auth/profilerules.h"
#include "auth/userjson.h"
#include "http/requestidentity.h"
#include "log/logger.h"

#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace sbor {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage = R"(Usage: sbor-server user create --email E --name N --role R [--role R2 ...]
                               [--data-dir DIR | --db-url URL] [--config FILE]

Creates an account with the given roles (attendee, organizer, staff, support, admin; repeat
--role or separate with commas). The password is read from standard input: asked twice without
echo on a terminal, or the first line of a pipe, e.g.
  printf '%s\n' "$ADMIN_PASSWORD" | sbor-server user create --email admin@example.org --name Admin --role admin
Prints the new account as JSON. Exit 0: created; 1: refused (e.g. the email exists); 2: bad usage.
)";

struct UserCreateRequest {
    std::string email;
    std::string name;
    std::vector<std::string> roles;
    std::vector<std::string> rest; // flags for the common command line (--data-dir, --db-url, ...)
    std::string problem;
};

UserCreateRequest parseUserCreate(const std::vector<std::string>& arguments)
{
    UserCreateRequest request;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        auto [argument, value, inlineValue] = splitFlagArgument(arguments[i]);
        std::string* target = argument == "--email" ? &request.email : argument == "--name" ? &request.name : nullptr;
        const bool isRole = argument == "--role";
        if (!target && !isRole) {
            request.rest.push_back(arguments[i]);
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= arguments.size()) {
                request.problem = argument + " needs a value";
                return request;
            }
            value = arguments[++i];
        }
        if (target) {
            *target = value;
            continue;
        }
        std::size_t start = 0;
        while (start <= value.size()) {
            const std::size_t comma = std::min(value.find(',', start), value.size());
            if (comma > start)
                request.roles.push_back(value.substr(start, comma - start));
            start = comma + 1;
        }
    }
    if (request.email.empty() || request.name.empty() || request.roles.empty())
        request.problem = "--email, --name and --role are required";
    return request;
}

std::string readLine(std::istream& in)
{
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

// On a terminal: prompt on stderr with echo off, twice. Otherwise: the first line of stdin.
std::optional<std::string> readPassword()
{
    if (!isatty(STDIN_FILENO)) {
        if (!std::cin)
            return std::nullopt;
        return readLine(std::cin);
    }
    termios original{};
    tcgetattr(STDIN_FILENO, &original);
    termios silent = original;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    std::cerr << "Password: " << std::flush;
    const std::string first = readLine(std::cin);
    std::cerr << "\nRepeat password: " << std::flush;
    const std::string second = readLine(std::cin);
    std::cerr << "\n";
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &original);
    if (first != second) {
        std::cerr << "sbor-server: the two passwords differ\n";
        return std::nullopt;
    }
    return first;
}

// The account the flags and the password describe; false after saying on stderr what is wrong.
bool describeRegistration(const UserCreateRequest& request, auth::Registration& registration)
{
    registration.email = request.email;
    registration.name = request.name;
    registration.roles.clear();
    std::vector<std::string> problems;
    for (const auto& name : request.roles) {
        const auto role = access::parseRole(name);
        if (!role)
            problems.push_back("--role '" + name + "' is not a role (attendee, organizer, staff, support, admin)");
        else if (std::find(registration.roles.begin(), registration.roles.end(), *role) == registration.roles.end())
            registration.roles.push_back(*role);
    }
    if (auto problem = auth::emailProblem(request.email))
        problems.push_back("--email " + *problem);
    if (auto problem = auth::nameProblem(request.name))
        problems.push_back("--name " + *problem);
    for (const auto& problem : problems)
        std::cerr << "sbor-server user create: " << problem << "\n";
    if (!problems.empty())
        return false;
    const auto password = readPassword();
    if (!password) {
        std::cerr << "sbor-server user create: no password on standard input\n";
        return false;
    }
    if (auto problem = auth::passwordProblem(*password)) {
        std::cerr << "sbor-server user create: the password " << *problem << "\n";
        return false;
    }
    registration.password = *password;
    return true;
}

// Against the running server's database (or the data dir's, started for the command), with the
// same migrations the server applies, so the command works on a never-started data dir.
int createAccount(const Config& config, const auth::Registration& registration)
{
    auto database = connectDatabase(config, nullptr, true);
    if (!database) {
        std::cerr << "sbor-server: " << database.error().message << "\n";
        return kExitFailure;
    }
    db::ConnectionPool pool(
        {database->url, 2, std::chrono::milliseconds(config.getInteger("database.acquire_timeout_ms")),
         std::chrono::milliseconds(config.getInteger("database.statement_timeout_ms")), "sbor-user-create"});
    const ServiceCatalog catalog = builtinServices();
    std::vector<std::unique_ptr<Service>> services;
    const auto everyService = catalog.resolveTargets({"all"});
    for (const auto& name : *everyService)
        services.push_back(catalog.find(name)->create());
    if (auto migrated = applyMigrations(pool, services, database->url); !migrated) {
        std::cerr << "sbor-server: " << migrated.error().message << "\n";
        return kExitFailure;
    }
    auto settings = auth::AuthSettings::fromConfig(config);
    if (!settings) {
        std::cerr << "sbor-server: " << settings.error().message << "\n";
        return kExitUsage;
    }
    settings->hashWorkers = 1;
    // This command issues no tokens: an ephemeral key keeps it from touching the real one.
    auth::AuthDependencies dependencies(pool, std::move(settings).value(), auth::SigningKey::generate("user-create"));
    auth::Accounts accounts(dependencies);
    try {
        auto created = accounts.create(registration, {http::randomHex(32), "", "sbor-server user create"});
        if (!created) {
            std::cerr << "sbor-server user create: " << created.error().message << "\n";
            return kExitFailure;
        }
        std::cout << nlohmann::json{{"user", auth::userJson(*created)}}.dump(2) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "sbor-server user create: " << e.what() << "\n";
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace

int runUserCommand(const std::vector<std::string>& arguments, char** environment)
{
    if (arguments.empty() || arguments.front() == "--help" || arguments.front() == "-h") {
        std::cout << kUsage;
        return arguments.empty() ? kExitUsage : kExitOk;
    }
    if (arguments.front() != "create") {
        std::cerr << "sbor-server: unknown user command '" << arguments.front() << "'; see sbor-server user --help\n";
        return kExitUsage;
    }
    const UserCreateRequest request = parseUserCreate({arguments.begin() + 1, arguments.end()});
    if (!request.problem.empty()) {
        std::cerr << "sbor-server user create: " << request.problem << "\n\n" << kUsage;
        return kExitUsage;
    }
    const CommandLine line = parseCommandLine(request.rest);
    if (!line.problem.empty()) {
        std::cerr << "sbor-server user create: " << line.problem << "\n";
        return kExitUsage;
    }
    auto loaded = loadConfiguration(line, environment);
    if (!loaded) {
        std::cerr << "sbor-server: " << loaded.error().message << "\n";
        return kExitUsage;
    }
    const Config& config = *loaded;
    // An operator command talks to its operator on stdout/stderr; only warnings go to the log.
    log::setMinimumLevel(line.settings.count("log.level") ? *log::parseLevel(config.getString("log.level"))
                                                          : log::Level::Warn);
    auth::Registration registration;
    if (!describeRegistration(request, registration))
        return kExitUsage;
    return createAccount(config, registration);
}

} // namespace sbor
