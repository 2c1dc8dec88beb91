#include "http/httptypes.h"

#include <algorithm>

#include <cctype>

namespace sbor::http {

std::string toLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string canonicalHeaderName(std::string_view lowerCaseName)
{
    std::string out(lowerCaseName);
    if (out == "traceparent" || out == "tracestate")
        return out;
    bool startOfWord = true;
    for (char& c : out) {
        if (startOfWord)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        startOfWord = c == '-';
    }
    return out;
}

namespace {

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `lowerCase` is a stored name; `name` is anyone's spelling of one.
bool sameName(const std::string& lowerCase, std::string_view name)
{
    if (lowerCase.size() != name.size())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (lowerCase[i] != lowerAscii(name[i]))
            return false;
    return true;
}

} // namespace

std::string* Headers::findStored(std::string_view name)
{
    for (auto& [stored, value] : m_values)
        if (sameName(stored, name))
            return &value;
    return nullptr;
}

void Headers::insertSorted(std::string lowerCaseName, std::string value)
{
    const auto at = std::lower_bound(m_values.begin(), m_values.end(), lowerCaseName,
                                     [](const auto& entry, const std::string& name) { return entry.first < name; });
    m_values.emplace(at, std::move(lowerCaseName), std::move(value));
}

void Headers::set(std::string name, std::string value)
{
    if (std::string* existing = findStored(name)) {
        *existing = std::move(value);
        return;
    }
    for (char& c : name)
        c = lowerAscii(c);
    insertSorted(std::move(name), std::move(value));
}

void Headers::add(std::string name, std::string value)
{
    if (std::string* existing = findStored(name)) {
        existing->append(", ").append(value);
        return;
    }
    for (char& c : name)
        c = lowerAscii(c);
    insertSorted(std::move(name), std::move(value));
}

const std::string* Headers::find(std::string_view name) const
{
    for (const auto& [stored, value] : m_values)
        if (sameName(stored, name))
            return &value;
    return nullptr;
}

std::string Headers::get(std::string_view name, std::string fallback) const
{
    const std::string* value = find(name);
    return value ? *value : fallback;
}

void Headers::remove(std::string_view name)
{
    m_values.erase(std::remove_if(m_values.begin(), m_values.end(),
                                  [&](const auto& entry) { return sameName(entry.first, name); }),
                   m_values.end());
}

std::string HttpRequest::pathParameter(const std::string& name) const
{
    const auto it = pathParameters.find(name);
    return it == pathParameters.end() ? std::string() : it->second;
}

std::string HttpRequest::queryValue(const std::string& name, std::string fallback) const
{
    const auto it = query.find(name);
    return it == query.end() ? fallback : it->second;
}

HttpResponse HttpResponse::json(int status, const nlohmann::json& body)
{
    HttpResponse response;
    response.status = status;
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
}

HttpResponse HttpResponse::text(int status, std::string body, std::string contentType)
{
    HttpResponse response;
    response.status = status;
    response.headers.set("Content-Type", std::move(contentType));
    response.body = std::move(body);
    return response;
}

HttpResponse HttpResponse::later(std::shared_ptr<DeferredResponse> deferred)
{
    HttpResponse response;
    response.deferred = std::move(deferred);
    return response;
}

void DeferredResponse::complete(Reply reply)
{
    std::function<void(Reply)> then;
    {
        std::lock_guard lock(m_mutex);
        if (m_reply || !m_then) {
            if (!m_reply)
                m_reply.emplace(std::move(reply));
            return;
        }
        then = std::move(m_then);
        m_then = nullptr;
    }
    then(std::move(reply));
}

void DeferredResponse::onComplete(std::function<void(Reply)> then)
{
    std::optional<Reply> ready;
    {
        std::lock_guard lock(m_mutex);
        if (!m_reply) {
            m_then = std::move(then);
            return;
        }
        ready.swap(m_reply);
    }
    then(std::move(*ready));
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

CallContext callContextOf(const HttpRequest& request)
{
    return {request.traceId, request.clientAddress, request.headers.get("user-agent")};
}

namespace {

constexpr std::size_t kLongestEchoedText = 120;
constexpr std::size_t kLongestMessage = 400;

// The longest prefix of `text` of at most `limit` bytes that does not end inside a UTF-8
// sequence, with an ellipsis when something was cut.
std::string shortened(const std::string& text, std::size_t limit)
{
    if (text.size() <= limit)
        return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end) + "…";
}

// Errors quote what the client sent (an id, a path, a field name) so the client sees what was
// wrong; quoting it whole would hand back megabytes for megabytes.
void shortenEchoes(nlohmann::json& value)
{
    if (value.is_string()) {
        if (value.get_ref<const std::string&>().size() > kLongestEchoedText)
            value = shortened(value.get_ref<const std::string&>(), kLongestEchoedText);
    } else if (value.is_structured()) {
        for (auto& item : value)
            shortenEchoes(item);
    }
}

} // namespace

HttpResponse errorResponse(const Error& error, const std::string& traceId)
{
    nlohmann::json body = error.toJson();
    if (body["message"].is_string())
        body["message"] = shortened(body["message"].get<std::string>(), kLongestMessage);
    shortenEchoes(body["details"]);
    if (!traceId.empty())
        body["trace_id"] = traceId;
    HttpResponse response = HttpResponse::json(httpStatusFor(error.code), {{"error", body}});
    if (const auto retry = error.details.find("retry_after_seconds");
        retry != error.details.end() && retry->is_number_integer())
        response.headers.set("Retry-After", std::to_string(std::max<std::int64_t>(1, retry->get<std::int64_t>())));
    if (httpStatusFor(error.code) == 401)
        response.headers.set("WWW-Authenticate", "Bearer realm=\"sbor\"");
    return response;
}

std::string percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::map<std::string, std::string> parseQuery(std::string_view rawQuery)
{
    std::map<std::string, std::string> out;
    size_t start = 0;
    while (start < rawQuery.size()) {
        size_t end = rawQuery.find('&', start);
        if (end == std::string_view::npos)
            end = rawQuery.size();
        const std::string_view pair = rawQuery.substr(start, end - start);
        if (!pair.empty()) {
            const size_t equals = pair.find('=');
            if (equals == std::string_view::npos)
                out[percentDecode(pair, true)] = "";
            else
                out[percentDecode(pair.substr(0, equals), true)] = percentDecode(pair.substr(equals + 1), true);
        }
        start = end + 1;
    }
    return out;
}

} // namespace sbor::http
