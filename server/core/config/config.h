#pragma once
// Configuration: defaults < sbor.yml (yaml-cpp) < environment SBOR_* < command-line flags.
// Every key is declared once in a ConfigSchema with its default, its kind and whether it is a
// secret; an unknown key in the file is an error naming it, and secrets are redacted whenever the
// configuration is printed or logged.

#include "sbor/error.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sbor {

enum class ConfigKind { String, Integer, Boolean, List };

struct ConfigKeySpec {
    std::string key; // dotted, e.g. "http.listen"
    ConfigKind kind = ConfigKind::String;
    std::string defaultValue; // lists: comma-separated
    std::string help;
    bool secret = false;
};

class ConfigSchema {
public:
    void add(ConfigKeySpec spec);
    const ConfigKeySpec* find(const std::string& key) const;
    const std::vector<ConfigKeySpec>& keys() const { return m_keys; }
    // SBOR_HTTP_LISTEN for "http.listen": upper case, dots and dashes become underscores.
    static std::string environmentName(const std::string& key);

private:
    std::vector<ConfigKeySpec> m_keys;
};

// The keys sbor-server's core understands (http, database, log, server).
ConfigSchema coreConfigSchema();

class Config {
public:
    explicit Config(ConfigSchema schema);

    // Each layer overrides the ones before it. Errors name the offending key and the layer.
    Result<bool> loadYamlFile(const std::string& path);
    Result<bool> loadYamlText(const std::string& text, const std::string& origin);
    Result<bool> loadEnvironment(char** environment);
    Result<bool> set(const std::string& key, const std::string& value, const std::string& origin);

    std::string getString(const std::string& key) const;
    std::int64_t getInteger(const std::string& key) const;
    bool getBoolean(const std::string& key) const;
    std::vector<std::string> getList(const std::string& key) const;

    // Where the effective value came from: "default", a file path, "environment SBOR_…", "flag --…".
    std::string originOf(const std::string& key) const;
    // Every key with its effective value; secrets redacted. Safe to log.
    std::map<std::string, std::string> redactedValues() const;
    // Environment variables starting with SBOR_ that match no key; callers warn about them.
    const std::vector<std::string>& unknownEnvironmentNames() const { return m_unknownEnvironment; }

private:
    struct Value {
        std::string text;
        std::string origin;
    };
    const Value& valueOf(const std::string& key) const;

    ConfigSchema m_schema;
    std::map<std::string, Value> m_values;
    std::vector<std::string> m_unknownEnvironment;
};

// A secret shown as "***"; a database URL keeps its host and database but loses its password.
std::string redactSecret(const std::string& key, const std::string& value);

} // namespace sbor
