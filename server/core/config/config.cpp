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
    for (char c : text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower == "true" || lower == "1" || lower == "yes" || lower == "on") return true;
    if (lower == "false" || lower == "0" || lower == "no" || lower == "off") return false;
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
    schema.add({"http.listen", ConfigKind::String, "127.0.0.1:8080", "REST API address HOST:PORT"});
    schema.add({"live.listen", ConfigKind::String, "127.0.0.1:8081", "live WebSocket address HOST:PORT"});
    schema.add({"live.resume_frames", ConfigKind::Integer, "1000", "frames kept per live topic for clients that reconnect (older: told to resync)"});
    schema.add({"live.heartbeat_interval_ms", ConfigKind::Integer, "15000", "how often live clients are pinged (three unanswered: dropped)"});
    schema.add({"live.max_buffered_bytes", ConfigKind::Integer, "4194304", "a live client whose unsent frames pass this is dropped (too slow)"});
    schema.add({"http.body_limit_bytes", ConfigKind::Integer, "1048576", "largest request body accepted (413 above)"});
    schema.add({"http.request_timeout_ms", ConfigKind::Integer, "30000", "a request still running after this gets 504"});
    schema.add({"http.io_threads", ConfigKind::Integer, "2", "threads that accept, read and write connections (handlers run on http.workers)"});
    schema.add({"http.chunked_body_limit_bytes", ConfigKind::Integer, "131072", "largest chunked request body (no Content-Length) accepted; larger is 413"});
    schema.add({"http.request_line_limit_bytes", ConfigKind::Integer, "8192", "longest request line (method, target, version); longer is 414"});
    schema.add({"http.header_limit_bytes", ConfigKind::Integer, "32768", "largest total of a request's header lines; larger is 431"});
    schema.add({"http.max_headers", ConfigKind::Integer, "100", "most header fields in one request; more is 431"});
    schema.add({"http.header_timeout_ms", ConfigKind::Integer, "10000", "from a request's first byte to its last header line; slower connections are closed"});
    schema.add({"http.body_timeout_ms", ConfigKind::Integer, "15000", "longest wait for more of a body, or for a client to take its answer; then closed"});
    schema.add({"http.idle_timeout_ms", ConfigKind::Integer, "60000", "a kept-alive connection with no request for this long is closed"});
    schema.add({"http.max_connections", ConfigKind::Integer, "20000", "open connections at most; beyond it new ones get 503 at once and are closed"});
    schema.add({"http.workers", ConfigKind::Integer, "16", "threads that run handlers and database work (more than database.pool_size mostly adds waiting: measured 32 on 16 connections tripled the p99)"});
    schema.add({"http.max_queued_requests", ConfigKind::Integer, "8192", "requests waiting for a worker before 503 overloaded"});
    schema.add({"http.shutdown_grace_ms", ConfigKind::Integer, "15000", "how long shutdown waits for in-flight requests"});
    schema.add({"http.cors_origins", ConfigKind::List, "", "origins allowed by CORS (comma-separated; * for any)"});
    schema.add({"http.access_log", ConfigKind::Boolean, "true", "log one line per request at info level"});
    schema.add({"http.trusted_proxies", ConfigKind::List, "", "proxies (IPs or CIDR ranges) whose X-Forwarded-For names the client"});
    schema.add({"http.rate_limit_per_second", ConfigKind::Integer, "50", "requests per second per client address on /api/ (0 turns the limit off)"});
    schema.add({"http.rate_limit_burst", ConfigKind::Integer, "200", "requests a client may send at once before the per-second rate applies"});
    schema.add({"database.url", ConfigKind::String, "", "PostgreSQL URL; empty starts the private embedded cluster", true});
    schema.add({"database.pool_size", ConfigKind::Integer, "16", "connections in the pool"});
    schema.add({"database.acquire_timeout_ms", ConfigKind::Integer, "5000", "wait for a free connection before 503"});
    schema.add({"database.statement_timeout_ms", ConfigKind::Integer, "30000", "PostgreSQL statement_timeout per connection"});
    schema.add({"database.embedded_bin_dir", ConfigKind::String, "", "PostgreSQL binaries for the embedded cluster (default: newest /usr/lib/postgresql/*/bin)"});
    schema.add({"database.embedded_unsafe_fast", ConfigKind::Boolean, "false", "initdb --no-sync and fsync=off for the embedded cluster (tests only: loses data on a crash)"});
    schema.add({"data_dir", ConfigKind::String, "", "where the embedded cluster and keys live (default: /var/lib/sbor as root, else $XDG_DATA_HOME/sbor)"});
    schema.add({"auth.bcrypt_cost", ConfigKind::Integer, "12", "bcrypt cost for new password hashes (4-31; each step doubles the work)"});
    schema.add({"auth.hash_workers", ConfigKind::Integer, "0", "threads that hash passwords (0: half the CPU cores; more raises sign-in throughput and slows other requests during a login storm)"});
    schema.add({"auth.hash_max_queued", ConfigKind::Integer, "4", "password checks waiting for a hashing thread before 503 overloaded"});
    schema.add({"auth.signing_key", ConfigKind::String, "", "Ed25519 seed (base64url, 32 bytes) that signs access tokens; empty: generated and kept in <data_dir>/auth-signing-key", true});
    schema.add({"auth.access_token_ttl_seconds", ConfigKind::Integer, "900", "lifetime of an access token"});
    schema.add({"auth.session_idle_timeout_seconds", ConfigKind::Integer, "1209600", "a session unused this long ends (default 14 days)"});
    schema.add({"auth.session_lifetime_seconds", ConfigKind::Integer, "2592000", "a session ends this long after sign-in, used or not (default 30 days)"});
    schema.add({"auth.refresh_reuse_grace_seconds", ConfigKind::Integer, "10", "a just-rotated refresh token still works this long (concurrent refreshes); later reuse revokes the session"});
    schema.add({"auth.session_cache_ms", ConfigKind::Integer, "2000", "how long a checked session is trusted before the database is asked again (revocation across processes takes at most this)"});
    schema.add({"auth.login_failures_per_account", ConfigKind::Integer, "10", "failed logins per account within the window before 429"});
    schema.add({"auth.login_failures_per_client", ConfigKind::Integer, "50", "failed logins per client address within the window before 429"});
    schema.add({"auth.login_failure_window_seconds", ConfigKind::Integer, "900", "the window failed logins are counted in"});
    schema.add({"events.reminder_lead_seconds", ConfigKind::Integer, "86400", "how long before an event's start its event.reminder goes out"});
    schema.add({"events.job_interval_ms", ConfigKind::Integer, "60000", "how often the reminder and completion jobs run"});
    schema.add({"tickets.order_hold_seconds", ConfigKind::Integer, "900", "how long an unpaid order holds its seats"});
    schema.add({"tickets.job_interval_ms", ConfigKind::Integer, "10000", "how often unpaid orders past their hold are expired"});
    schema.add({"bus.relay_interval_ms", ConfigKind::Integer, "100", "how often each service's outbox is relayed onto the bus"});
    schema.add({"kafka.brokers", ConfigKind::String, "", "Kafka bootstrap servers (host:port,…); empty: the in-process bus"});
    schema.add({"payments.commission_basis_points", ConfigKind::Integer, "500",
                "the platform's commission on each payment in hundredths of a percent (500 = 5 %, 0 to 10000)"});
    schema.add({"payments.job_interval_ms", ConfigKind::Integer, "10000", "how often captures left unsettled (a crash mid-payment) are finished"});
    schema.add({"notifications.smtp.host", ConfigKind::String, "", "SMTP server for emails; empty: emails wait in the queue unsent"});
    schema.add({"notifications.smtp.port", ConfigKind::Integer, "25", "SMTP port (STARTTLS is used when the server offers it)"});
    schema.add({"notifications.smtp.from", ConfigKind::String, "Sbor <no-reply@localhost>", "sender of notification emails"});
    schema.add({"notifications.job_interval_ms", ConfigKind::Integer, "500", "how often due emails and webhook deliveries are sent"});
    schema.add({"webhooks.allow_private_addresses", ConfigKind::Boolean, "false",
                "let webhooks reach loopback and private addresses (local receivers, tests); off, they go to public addresses only"});
    schema.add({"webhooks.retry_delays_seconds", ConfigKind::List, "5,300,1800,7200,18000,36000,50400,72000,86400",
                "pause after each failed webhook attempt (Standard Webhooks' schedule, ±10 % jitter); then the delivery fails"});
    schema.add({"webhooks.timeout_ms", ConfigKind::Integer, "10000", "a webhook receiver must answer within this"});
    schema.add({"logs.ship", ConfigKind::Boolean, "true", "also put every written log line on the bus's logs topic (the logs service files them)"});
    schema.add({"logs.dir", ConfigKind::String, "", "where the logs service keeps its files (default: <data_dir>/logs)"});
    schema.add({"logs.retention_days", ConfigKind::Integer, "14", "log files older than this many days are deleted"});
    schema.add({"log.level", ConfigKind::String, "info", "debug, info, warn or error"});
    schema.add({"server.target", ConfigKind::List, "all", "services to run in this process"});
    schema.add({"cluster.token", ConfigKind::String, "",
                "shared secret every process of a distributed deployment sends on internal calls (required when a process runs only some services)", true});
    schema.add({"cluster.timeout_ms", ConfigKind::Integer, "10000", "how long a call to another Sbor process (gateway to service, contract calls) may take before 504"});
    for (const char* service : cluster::kAddressableServices)
        schema.add({cluster::serviceUrlKey(service), ConfigKind::String, "",
                    std::string("base URL (http://host:port) of the process running the ") + service + " service, when it is not this one"});
    schema.add({"server.debug_routes", ConfigKind::Boolean, "false", "enable /api/v1/debug/* (tests only)"});
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
                                   (spec->secret ? "***" : value) + "'", key);
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
                            return configError("configuration key '" + key + "' in " + origin + " must be a list of scalars", key);
                        if (!joined.empty()) joined += ",";
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
                if (spec.key.rfind(key + ".", 0) == 0) { isPrefix = true; break; }
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

bool Config::getBoolean(const std::string& key) const
{
    return parseBoolean(trim(valueOf(key).text)).value_or(false);
}

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
