#pragma once
// sbor::Error: an expected failure as a value. It carries a stable code (errorcodes.def), a message
// a client may read, and optional structured details (e.g. which field was wrong). The mapping to
// an HTTP status lives in errorcodes.def and nowhere else.

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sbor {

enum class ErrorCode {
#define SBOR_ERROR(name, wire, status) name,
#include "sbor/errorcodes.def"
#undef SBOR_ERROR
};

// How many codes the table has (for iterating over all of them).
inline constexpr int kErrorCodeCount = 0
#define SBOR_ERROR(name, wire, status) +1
#include "sbor/errorcodes.def"
#undef SBOR_ERROR
    ;

// The wire name ("sold_out") of a code.
std::string_view errorCodeName(ErrorCode code);
// The code for a wire name; nullopt for a name this build does not know.
std::optional<ErrorCode> errorCodeFromName(std::string_view name);
// The HTTP status a code is answered with.
int httpStatusFor(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    nlohmann::json details = nlohmann::json::object();

    Error() = default;
    Error(ErrorCode c, std::string m, nlohmann::json d = nlohmann::json::object())
        : code(c), message(std::move(m)), details(std::move(d))
    {}

    // {"code","message","details"} — the body of {"error": …} without the trace id.
    nlohmann::json toJson() const;
};

// The inverse of Error::toJson: nullopt unless `object` has a code this build knows.
std::optional<Error> errorFromJson(const nlohmann::json& object);

// A 422 validation_failed about one field, with details in the shape JsonFieldReader gives for
// many: {"fields": [{"field", "problem"}]}. The message defaults to "field '<field>' <problem>".
Error invalidField(const std::string& field, const std::string& problem, std::string message = {});
// The same for a query parameter ("query parameter 'limit' must be …").
Error invalidQueryParameter(const std::string& name, const std::string& problem);
// A 404 not_found "no such <thing>" with {"id": id}: what every look-up answers for a missing
// (or someone else's) record.
Error noSuch(const std::string& thing, const std::string& id);
// The event in particular: several services answer it.
inline Error noSuchEvent(const std::string& id) { return noSuch("event", id); }

// An Error carried by an exception, for the few places that cannot return one as a value
// (infrastructure deep below a handler, e.g. the database pool when PostgreSQL is down). The HTTP
// exception guard answers it with the error's own code and status.
class ErrorException : public std::runtime_error {
public:
    explicit ErrorException(Error error) : std::runtime_error(error.message), m_error(std::move(error)) {}
    const Error& error() const { return m_error; }

private:
    Error m_error;
};

// A value or an error (an Error unless said otherwise: the clients' ApiError adds what the
// transport knows). std::expected arrives only with C++23; this is the small subset we need.
template <typename T, typename E = Error> class Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(E error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const E& error() const { return std::get<E>(m_state); }

private:
    std::variant<T, E> m_state;
};

} // namespace sbor
