#pragma once
// Small pieces of SQL every repository needs the same way.

#include <string>

namespace sbor::db {

// A timestamptz column rendered as RFC 3339 UTC with microseconds ("…T18:30:00.250000Z").
// Microseconds, PostgreSQL's own precision: a timestamp is also a list's sort key, and a rounded
// one would repeat or skip rows at page boundaries.
inline std::string rfc3339Sql(const std::string& column)
{
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
}

// A LIKE/ILIKE pattern that finds `text` anywhere, with its own % _ and \ taken literally.
inline std::string containsPattern(const std::string& text)
{
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

// SHA-256 (hex) of an email column in lower case: how services find an erased person's address
// (user.deleted's email_sha256) without the address itself travelling on the bus. Every service
// computes it in PostgreSQL, so lower() folds letters the same way everywhere.
inline std::string emailDigestSql(const std::string& column)
{
    return "encode(sha256(convert_to(lower(" + column + "), 'UTF8')), 'hex')";
}

} // namespace sbor::db
