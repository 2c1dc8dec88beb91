#pragma once
// Passwords: bcrypt (libxcrypt's "$2b$"), as the seeds ask. The cost is configurable (12 by
// default; tests lower it). Hashing is slow on purpose — callers run it on the auth service's
// own worker pool, never on HTTP threads.

#include "sbor/error.h"
#include "validation/textrules.h"

#include <optional>
#include <string>
#include <string_view>

namespace sbor::auth {

class PasswordHasher {
public:
    explicit PasswordHasher(int cost = 12);

    // "$2b$<cost>$<salt+hash>"; throws std::runtime_error when the system has no bcrypt.
    std::string hash(std::string_view password) const;
    // Constant-time comparison of the recomputed hash; false for a malformed stored hash.
    bool verify(std::string_view password, const std::string& storedHash) const;
    // A hash of a random password at this cost: verified against when an account does not exist,
    // so a failed login takes as long whether or not the email is known.
    const std::string& decoyHash() const { return m_decoyHash; }
    int cost() const { return m_cost; }

private:
    int m_cost;
    std::string m_decoyHash;
};

// The password rules: 10–128 characters counted as typed (Unicode code points, no
// normalisation), no composition rules, not one of the most common passwords. nullopt when
// acceptable; otherwise the problem in words, for a 422 naming the field.
std::optional<std::string> passwordProblem(std::string_view password);

// Code points of valid UTF-8 (validation/textrules.h), for callers of the password rules.
using validation::utf8Length;

} // namespace sbor::auth
