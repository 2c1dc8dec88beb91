#pragma once
// A pooled libpqxx connection under a name of our own, so connectionpool.h can declare it
// without bringing libpqxx to every file that takes a pool. Only server/core/db includes this.

#include <pqxx/pqxx>

namespace sbor::db {

class Connection : public pqxx::connection {
public:
    using pqxx::connection::connection;
};

} // namespace sbor::db
