#pragma once
// sbor-server's command line. Flags are the last configuration layer; each one maps to a key.

#include <map>
#include <string>
#include <vector>

namespace sbor {

struct CommandLine {
    bool help = false;
    bool version = false;
    bool listTargets = false;
    std::string configFile;
    std::map<std::string, std::string> settings; // configuration key → value
    std::map<std::string, std::string> origins;  // configuration key → "flag --x"
    std::string problem;                         // non-empty: the line was not understood
};

CommandLine parseCommandLine(const std::vector<std::string>& arguments);

// "--name=value" → {"--name", "value", true}; anything else → {argument, "", false}.
struct FlagArgument {
    std::string name;
    std::string value;
    bool hasValue = false;
};
FlagArgument splitFlagArgument(const std::string& argument);
std::string usageText();

} // namespace sbor
