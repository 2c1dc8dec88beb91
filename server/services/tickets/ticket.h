#pragma once
// Issued tickets as plain values.

#include "sbor/wire/sales.h"

#include <string>

namespace sbor::tickets {

// The wire ticket, plus what only the server needs: who bought it and which key signed its code.
struct Ticket : wire::Ticket {
    std::string buyerId;
    int keyId = 0;
};

} // namespace sbor::tickets
