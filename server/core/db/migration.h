#pragma once
// Versioned SQL migrations, one sequence per service schema. Files are named
// NNNN_description.sql under server/services/<name>/migrations/ and compiled into the binary
// (cmake/SborEmbed.cmake), so a deployed server never depends on files beside it.

#include <string>
#include <vector>

namespace sbor::db {

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;
};

} // namespace sbor::db
