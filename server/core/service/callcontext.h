#pragma once
// Facts about the HTTP call that domain logic records (audit entries, sessions, outbox rows)
// without seeing HTTP itself.

#include <string>

namespace sbor {

struct CallContext {
    std::string traceId;
    std::string clientAddress;
    std::string userAgent;
};

} // namespace sbor
