#include "config/config.h"

#include "cluster/clustersettings.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace sbor {
namespace {

std::string trim(std::string text)
{
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), notSpace));
    text.erase(std::find_if(text.rbegin(), text.rend(), notSpace).base(), text.end());
    return text;
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        const size_t end = comma == std::string::npos ? text.size() : comma;
        std::string item = trim(text.substr(start, end - start));
        if (!item.empty())
            items.push_back(std::move(item));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return items;
}

std::optional<bool> parseBoolean(const std::string& text)
{
    std::string lower;
    for (char c : text)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower == "true" || lower == "1" || lower == "yes" || lower == "on")
        return true;
    if (lower == "false" || lower == "0" || lower == "no" || lower == "off")
        return false;
    return std::nullopt;
}

std::optional<std::int64_t> parseInteger(const std::string& text)
{
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

Error configError(const std::string& message, const std::string& key)
{
    return Error(ErrorCode::ValidationFailed, message, {{"key", key}});
}

} // namespace

void ConfigSchema::add(ConfigKeySpec spec)
{
    if (find(spec.key))
        throw std::logic_error("configuration key declared twice: " + spec.key);
    m_keys.push_back(std::move(spec));
}

const ConfigKeySpec* ConfigSchema::find(const std::string& key) const
{
    for (const auto& spec : m_keys) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}

std::string ConfigSchema::environmentName(const std::string& key)
{
    std::string name = "SBOR_";
    for (char c : key)
        name.push_back(c == '.' || c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    return name;
}

ConfigSchema coreConfigSchema()
{
    ConfigSchema schema;
    schema.add({"http.listen", ConfigKind::String, "127.0.0.1:8080",
                "REST API address (`HOST:PORT`, `[IPv6]:PORT`, `:PORT` for all interfaces)"});
    schema.add({"live.listen", ConfigKind::String, "127.0.0.1:8081",
                "the live feed's WebSocket address (`ws://HOST:PORT/api/v1/live`, docs/live.md)"});
    schema.add(
        {"http.body_limit_bytes", ConfigKind::Integer, "1048576",
         "larger bodies get 413 before routing; a too-large `Content-Length` is refused unread and the connection closed"});
    schema.add({"http.request_timeout_ms", ConfigKind::Integer, "30000",
                "a request still running (or still queued) after this gets 504 `request_timeout`"});
    schema.add(
        {"http.io_threads", ConfigKind::Integer, "2",
         "threads that accept connections and read and write them (Boost.Beast on Asio); handlers run on `http.workers`, only routes that never block answer here"});
    schema.add(
        {"http.chunked_body_limit_bytes", ConfigKind::Integer, "131072",
         "a body without `Content-Length` (chunked) is held until it ends, so its own, smaller limit: larger is 413 (at most `http.body_limit_bytes`); clients with more to send declare its length"});
    schema.add({"http.request_line_limit_bytes", ConfigKind::Integer, "8192",
                "longest request line (method, target, version): longer is 414 `uri_too_long`, read no further"});
    schema.add({"http.header_limit_bytes", ConfigKind::Integer, "32768",
                "largest total of a request's header lines: larger is 431 `headers_too_large`, read no further"});
    schema.add({"http.max_headers", ConfigKind::Integer, "100", "most header fields in one request: more is 431"});
    schema.add({"http.header_timeout_ms", ConfigKind::Integer, "10000",
                "from a request's first byte to the end of its headers; a slower client (slowloris) is disconnected"});
    schema.add(
        {"http.body_timeout_ms", ConfigKind::Integer, "15000",
         "the longest wait for more of a body, or for a client to take its answer; then the connection is closed"});
    schema.add({"http.idle_timeout_ms", ConfigKind::Integer, "60000",
                "a kept-alive connection without a request for this long is closed"});
    schema.add({"http.max_connections", ConfigKind::Integer, "20000",
                "open connections at most; beyond it a new one gets 503 `overloaded` at once and is closed"});
    schema.add(
        {"http.workers", ConfigKind::Integer, "16",
         "threads that run handlers and database work (never the I/O threads). More than `database.pool_size` mostly adds waiting: measured here, 32 workers on 16 connections tripled the p99 of authenticated requests"});
    schema.add({"http.max_queued_requests", ConfigKind::Integer, "8192",
                "requests waiting for a worker; beyond it 503 `overloaded` with `Retry-After`"});
    schema.add(
        {"http.shutdown_grace_ms", ConfigKind::Integer, "15000", "how long SIGTERM waits for in-flight requests"});
    schema.add({"http.cors_origins", ConfigKind::List, "", "origins allowed by CORS; `*` allows any"});
    schema.add(
        {"http.access_log", ConfigKind::Boolean, "true", "one `\"msg\":\"request\"` line per request at info level"});
    schema.add(
        {"http.trusted_proxies", ConfigKind::List, "",
         "proxies (IPs or CIDR ranges) whose `X-Forwarded-For` names the client; from anyone else the header is ignored"});
    schema.add(
        {"http.rate_limit_per_second", ConfigKind::Integer, "50",
         "requests per second per client address on `/api/` (token bucket; `0` turns it off); over it: 429 `rate_limited` with `Retry-After`"});
    schema.add({"http.rate_limit_burst", ConfigKind::Integer, "200",
                "requests a client may send at once before the per-second rate applies"});
    schema.add(
        {"database.url", ConfigKind::String, "",
         "PostgreSQL URL or libpq `key=value` string; empty starts the embedded cluster. Secret: its password is never logged",
         true});
    schema.add({"database.pool_size", ConfigKind::Integer, "16", "pooled connections"});
    schema.add({"database.acquire_timeout_ms", ConfigKind::Integer, "5000",
                "wait for a free connection before 503 `database_unavailable`"});
    schema.add({"database.statement_timeout_ms", ConfigKind::Integer, "30000",
                "PostgreSQL `statement_timeout` of every pooled connection"});
    schema.add({"database.embedded_bin_dir", ConfigKind::String, "", "PostgreSQL binaries for the embedded cluster"});
    schema.add({"database.embedded_unsafe_fast", ConfigKind::Boolean, "false",
                "`initdb --no-sync` and `fsync=off`: for tests only, loses data on a crash"});
    schema.add(
        {"data_dir", ConfigKind::String, "",
         "the embedded cluster (`postgresql/`), its socket (`run/`) and log (`postgresql.log`), the generated signing key (`auth-signing-key`)"});
    schema.add({"bus.relay_interval_ms", ConfigKind::Integer, "100",
                "how often each service's outbox is relayed onto the bus (docs/bus.md)"});
    schema.add({"kafka.brokers", ConfigKind::String, "",
                "Kafka bootstrap servers (`host:port,…`); empty: the in-process bus"});
    schema.add(
        {"logs.ship", ConfigKind::Boolean, "true",
         "also put every written log line on the bus's `logs` topic, for the logs service (docs/bus.md, \"Central logs\")"});
    schema.add({"log.level", ConfigKind::String, "info", "`debug`, `info`, `warn`, `error`"});
    schema.add(
        {"server.target", ConfigKind::List, "all",
         "services in this process; see `--list-targets`. Anything but `all` is the distributed mode (docs/distributed.md)"});
    schema.add(
        {"cluster.token", ConfigKind::String, "",
         "the secret every process of a distributed deployment sends on internal calls; required when a process runs only some services. Secret: never logged",
         true});
    schema.add(
        {"cluster.timeout_ms", ConfigKind::Integer, "10000",
         "how long a call to another Sbor process (the gateway to a service, a contract call) may take before 504 `upstream_timeout`"});
    for (const char* service : cluster::kAddressableServices)
        schema.add({cluster::serviceUrlKey(service), ConfigKind::String, "",
                    std::string("base URL (`http://host:port`) of the process running the ") + service +
                        " service, when it is not this one"});
    schema.add({"server.debug_routes", ConfigKind::Boolean, "false",
                "mounts `/api/v1/debug/*` (sleep, throw, echo) used by the test suite; never enable in production"});
    return schema;
}

Config::Config(ConfigSchema schema) : m_schema(std::move(schema))
{
    for (const auto& spec : m_schema.keys())
        m_values[spec.key] = Value{spec.defaultValue, "default"};
}

Result<bool> Config::set(const std::string& key, const std::string& value, const std::string& origin)
{
    const ConfigKeySpec* spec = m_schema.find(key);
    if (!spec)
        return configError("unknown configuration key '" + key + "' (" + origin + ")", key);
    switch (spec->kind) {
    case ConfigKind::Integer:
        if (!parseInteger(trim(value)))
            return configError("configuration key '" + key + "' (" + origin + ") must be an integer, got '" +
                                   (spec->secret ? "***" : value) + "'",
                               key);
        break;
    case ConfigKind::Boolean:
        if (!parseBoolean(trim(value)))
            return configError("configuration key '" + key + "' (" + origin + ") must be true or false", key);
        break;
    case ConfigKind::String:
    case ConfigKind::List:
        break;
    }
    m_values[key] = Value{value, origin};
    return true;
}

namespace {

// Flattens a YAML mapping into dotted keys. Sequences become comma-separated lists.
Result<bool> flattenYaml(const YAML::Node& node, const std::string& prefix, const std::string& origin,
                         const ConfigSchema& schema, std::vector<std::pair<std::string, std::string>>& out)
{
    if (node.IsMap()) {
        for (const auto& entry : node) {
            const std::string name = entry.first.as<std::string>();
            const std::string key = prefix.empty() ? name : prefix + "." + name;
            // A mapping whose key is itself a configuration key is a type error, not nesting.
            if (schema.find(key) && !entry.second.IsMap()) {
                const YAML::Node& value = entry.second;
                if (value.IsSequence()) {
                    std::string joined;
                    for (const auto& item : value) {
                        if (!item.IsScalar())
                            return configError(
                                "configuration key '" + key + "' in " + origin + " must be a list of scalars", key);
                        if (!joined.empty())
                            joined += ",";
                        joined += item.as<std::string>();
                    }
                    out.emplace_back(key, joined);
                } else if (value.IsNull()) {
                    out.emplace_back(key, "");
                } else {
                    out.emplace_back(key, value.as<std::string>());
                }
                continue;
            }
            bool isPrefix = false;
            for (const auto& spec : schema.keys()) {
                if (spec.key.rfind(key + ".", 0) == 0) {
                    isPrefix = true;
                    break;
                }
            }
            if (!isPrefix || !entry.second.IsMap())
                return configError("unknown configuration key '" + key + "' in " + origin, key);
            auto nested = flattenYaml(entry.second, key, origin, schema, out);
            if (!nested)
                return nested;
        }
        return true;
    }
    if (node.IsNull())
        return true; // an empty file
    return configError(origin + " must be a YAML mapping of configuration keys", prefix);
}

} // namespace

Result<bool> Config::loadYamlText(const std::string& text, const std::string& origin)
{
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        return Error(ErrorCode::ValidationFailed, origin + ": invalid YAML: " + e.what());
    }
    std::vector<std::pair<std::string, std::string>> entries;
    try {
        auto flattened = flattenYaml(root, "", origin, m_schema, entries);
        if (!flattened)
            return flattened;
    } catch (const YAML::Exception& e) {
        return Error(ErrorCode::ValidationFailed, origin + ": " + e.what());
    }
    for (const auto& [key, value] : entries) {
        auto applied = set(key, value, origin);
        if (!applied)
            return applied;
    }
    return true;
}

Result<bool> Config::loadYamlFile(const std::string& path)
{
    std::string text;
    {
        FILE* file = std::fopen(path.c_str(), "rb");
        if (!file)
            return Error(ErrorCode::ValidationFailed, "cannot read configuration file " + path, {{"path", path}});
        char buffer[4096];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
            text.append(buffer, n);
        std::fclose(file);
    }
    return loadYamlText(text, path);
}

Result<bool> Config::loadEnvironment(char** environment)
{
    m_unknownEnvironment.clear();
    std::map<std::string, const ConfigKeySpec*> byName;
    for (const auto& spec : m_schema.keys())
        byName[ConfigSchema::environmentName(spec.key)] = &spec;
    for (char** entry = environment; entry && *entry; ++entry) {
        const std::string text = *entry;
        if (text.rfind("SBOR_", 0) != 0)
            continue;
        const size_t equals = text.find('=');
        const std::string name = text.substr(0, equals);
        const std::string value = equals == std::string::npos ? "" : text.substr(equals + 1);
        const auto it = byName.find(name);
        if (it == byName.end()) {
            m_unknownEnvironment.push_back(name);
            continue;
        }
        auto applied = set(it->second->key, value, "environment " + name);
        if (!applied)
            return applied;
    }
    return true;
}

const Config::Value& Config::valueOf(const std::string& key) const
{
    const auto it = m_values.find(key);
    if (it == m_values.end())
        throw std::logic_error("configuration key read but never declared: " + key);
    return it->second;
}

std::string Config::getString(const std::string& key) const { return trim(valueOf(key).text); }

std::int64_t Config::getInteger(const std::string& key) const
{
    return parseInteger(trim(valueOf(key).text)).value_or(0);
}

bool Config::getBoolean(const std::string& key) const { return parseBoolean(trim(valueOf(key).text)).value_or(false); }

std::vector<std::string> Config::getList(const std::string& key) const { return splitList(valueOf(key).text); }

std::string Config::originOf(const std::string& key) const { return valueOf(key).origin; }

std::map<std::string, std::string> Config::redactedValues() const
{
    std::map<std::string, std::string> out;
    for (const auto& spec : m_schema.keys()) {
        const std::string& text = valueOf(spec.key).text;
        out[spec.key] = spec.secret ? redactSecret(spec.key, text) : text;
    }
    return out;
}

std::string redactSecret(const std::string& key, const std::string& value)
{
    if (value.empty())
        return value;
    // postgresql://user:password@host/db → postgresql://user:***@host/db; query passwords too.
    const size_t scheme = value.find("://");
    if (scheme != std::string::npos) {
        std::string out = value;
        const size_t authorityStart = scheme + 3;
        const size_t at = out.find('@', authorityStart);
        const size_t slash = out.find('/', authorityStart);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            const size_t colon = out.find(':', authorityStart);
            if (colon != std::string::npos && colon < at)
                out.replace(colon + 1, at - colon - 1, "***");
        }
        const size_t password = out.find("password=");
        if (password != std::string::npos) {
            const size_t end = out.find('&', password);
            out.replace(password + 9, (end == std::string::npos ? out.size() : end) - password - 9, "***");
        }
        return out;
    }
    return "***";
}

} // namespace sbor
