// The only translation unit that includes Boost.Beast and Asio (heavy headers; the engine stays
// replaceable behind httpserver.h).
#include "http/httpserver.h"

#include "http/requestpipeline.h"
#include "log/logger.h"

// Beast's string_view as std::string_view (only this file includes Beast, so no other sees both).
#define BOOST_BEAST_USE_STD_STRING_VIEW
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <charconv>
#include <optional>
#include <shared_mutex>
#include <thread>
#include <vector>

namespace sbor::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
// Each I/O thread runs an io_context of its own and owns its connections outright: no strands, no
// locks between I/O threads, and the concrete executor type instead of a type-erased one (both
// measured: a strand and any_io_executor cost ~15 % of a small request).
using Executor = net::io_context::executor_type;
using Socket = net::basic_stream_socket<tcp, Executor>;
using Stream = beast::basic_stream<tcp, Executor, beast::unlimited_rate_policy>;

ParsedListenAddress parseListenAddress(const std::string& text)
{
    ParsedListenAddress parsed;
    std::string host, port;
    if (!text.empty() && text.front() == '[') {
        const size_t close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            parsed.problem = "expected [IPv6]:PORT";
            return parsed;
        }
        host = text.substr(0, close + 1);
        port = text.substr(close + 2);
    } else {
        const size_t colon = text.rfind(':');
        if (colon == std::string::npos) {
            parsed.problem = "expected HOST:PORT";
            return parsed;
        }
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    if (host.empty())
        host = "0.0.0.0";
    for (char c : host) {
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' ||
            c == ']';
        if (!ok) {
            parsed.problem = "host '" + host + "' is not a name or an address";
            return parsed;
        }
    }
    int number = 0;
    const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (ec != std::errc() || ptr != port.data() + port.size() || number < 1 || number > 65535) {
        parsed.problem = "port must be a number from 1 to 65535";
        return parsed;
    }
    parsed.ok = true;
    parsed.address = ListenAddress{host, number};
    return parsed;
}

namespace {

// What every connection shares. Connections can outlive a request's handler (a reply still being
// written), so they hold this by shared_ptr; stop() detaches the pipeline before it is destroyed.
struct EngineState {
    EngineLimits limits;
    std::size_t bodyLimit = 0;
    std::shared_mutex mutex;             // shared: a dispatch in progress; unique: detaching
    RequestPipeline* pipeline = nullptr; // null once stopped
    std::atomic<int> inPipeline{0};      // requests handed to the pipeline and not yet answered
    std::atomic<std::size_t> connections{0};
};

// RFC 9110 §5.6.2: a method is a token; what came before the first space must be one.
bool startsLikeAMethod(std::string_view seen)
{
    const std::string_view method = seen.substr(0, seen.find(' '));
    return std::all_of(method.begin(), method.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
            std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

bool hasLineBreakOrNul(std::string_view text)
{
    return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

// A request's answer as the wire wants it. HEAD gets GET's headers, Content-Length included,
// and no body.
bhttp::response<bhttp::string_body> wireResponse(HttpResponse response, unsigned version, bool keepAlive, bool head)
{
    bhttp::response<bhttp::string_body> wire{static_cast<bhttp::status>(response.status), version};
    for (const auto& [name, value] : response.headers.all()) {
        if (name == "connection" || name == "content-length" || name == "transfer-encoding")
            continue;
        wire.set(canonicalHeaderName(name), value);
    }
    if (!response.body.empty() && !response.headers.contains("content-type"))
        wire.set(bhttp::field::content_type, "application/octet-stream");
    wire.body() = std::move(response.body);
    wire.keep_alive(keepAlive);
    wire.prepare_payload();
    if (head)
        wire.body().clear(); // Content-Length stays the GET's
    return wire;
}

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(Socket socket, std::shared_ptr<EngineState> state)
        : m_stream(std::move(socket)),
          m_state(std::move(state)),
          m_buffer(m_state->limits.requestLineBytes + m_state->limits.headerBytes + 64 * 1024)
    {
        ++m_state->connections;
        beast::error_code ignored;
        const auto peer = m_stream.socket().remote_endpoint(ignored);
        m_remote = ignored ? std::string() : peer.address().to_string();
    }
    ~Connection() { --m_state->connections; }

    void start() { waitForRequest(); }

private:
    // Between requests the connection may idle (keep-alive); once a request's first byte is in,
    // its headers must follow within the header deadline.
    void waitForRequest()
    {
        if (m_buffer.size() > 0) {
            startRequest(); // pipelined: the next request is already here
            return;
        }
        // An idle connection keeps little: the last request's parser goes, and a buffer that a
        // large request grew goes back to the small one every request can reuse.
        m_parser.reset();
        if (m_buffer.capacity() > kIdleBufferBytes)
            m_buffer.shrink_to_fit();
        m_stream.expires_after(m_state->limits.idleTimeout);
        m_stream.async_read_some(m_buffer.prepare(1024),
                                 [self = shared_from_this()](beast::error_code error, std::size_t read) {
                                     if (error)
                                         return self->close();
                                     self->m_buffer.commit(read);
                                     self->startRequest();
                                 });
    }

    // The request's first byte is here: from now on its headers have the header deadline (one
    // deadline for every read until the headers end).
    void startRequest()
    {
        m_stream.expires_after(m_state->limits.headerTimeout);
        readRequestLine();
    }

    // The request line is read on its own so that its limit (414) is its own: Beast counts it
    // with the headers.
    void readRequestLine()
    {
        const auto data = m_buffer.cdata();
        const std::string_view seen(static_cast<const char*>(data.data()), data.size());
        const std::size_t lineEnd = seen.find('\n');
        if (lineEnd != std::string_view::npos && lineEnd <= m_state->limits.requestLineBytes + 1)
            return readHeader(lineEnd + 1);
        if (lineEnd != std::string_view::npos || seen.size() > m_state->limits.requestLineBytes + 1)
            return refuse(Error(ErrorCode::UriTooLong,
                                "the request line is longer than " + std::to_string(m_state->limits.requestLineBytes) +
                                    " bytes"));
        if (!startsLikeAMethod(seen)) // TLS to a plain port, say: no point waiting for a line end
            return refuse(Error(ErrorCode::BadRequest, "the request is not HTTP/1.1"));
        m_stream.async_read_some(m_buffer.prepare(4096),
                                 [self = shared_from_this()](beast::error_code error, std::size_t read) {
                                     if (error)
                                         return self->close();
                                     self->m_buffer.commit(read);
                                     self->readRequestLine();
                                 });
    }

    void readHeader(std::size_t requestLineLength)
    {
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(requestLineLength + m_state->limits.headerBytes));
        m_parser->body_limit(m_state->bodyLimit);
        bhttp::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = shared_from_this()](beast::error_code error, std::size_t) { self->onHeader(error); });
    }

    void onHeader(beast::error_code error)
    {
        if (error == bhttp::error::header_limit)
            return refuse(Error(ErrorCode::HeadersTooLarge,
                                "the request's headers are larger than " + std::to_string(m_state->limits.headerBytes) +
                                    " bytes"));
        if (error == bhttp::error::body_limit)
            return dispatch(Body::TooLarge);
        if (error == beast::error::timeout || error == bhttp::error::end_of_stream || error == net::error::eof ||
            error == net::error::connection_reset || error == net::error::operation_aborted)
            return close(); // slow, gone or stopped: nobody to answer
        if (error)
            return refuse(Error(ErrorCode::BadRequest, "the request is not valid HTTP/1.1: " + error.message()));
        if (auto problem = headerProblem())
            return refuse(*problem);
        const auto& message = m_parser->get();
        if (m_parser->is_done())
            return dispatch(Body::Complete);
        if (const auto declared = m_parser->content_length(); declared && *declared > m_state->bodyLimit)
            return dispatch(Body::TooLarge); // refused unread
        if (m_parser->chunked())
            m_parser->body_limit(std::min(m_state->bodyLimit, m_state->limits.chunkedBodyBytes));
        if (beast::iequals(message[bhttp::field::expect], "100-continue")) {
            m_continue.emplace(bhttp::status::continue_, message.version());
            bhttp::async_write(m_stream, *m_continue,
                               [self = shared_from_this()](beast::error_code failed, std::size_t) {
                                   if (failed)
                                       return self->close();
                                   self->readBody();
                               });
            return;
        }
        readBody();
    }

    // What Beast lets through and HTTP/1.1 or our limits do not.
    std::optional<Error> headerProblem() const
    {
        const auto& message = m_parser->get();
        if (message.target().size() > m_state->limits.requestLineBytes)
            return Error(ErrorCode::UriTooLong,
                         "the request line is longer than " + std::to_string(m_state->limits.requestLineBytes) +
                             " bytes");
        std::size_t fields = 0;
        std::size_t contentLengths = 0;
        for (const auto& field : message) {
            ++fields;
            if (field.name() == bhttp::field::content_length)
                ++contentLengths;
            if (hasLineBreakOrNul(field.name_string()) || hasLineBreakOrNul(field.value()))
                return Error(ErrorCode::BadRequest, "a header holds a line break or a NUL");
        }
        if (fields > m_state->limits.headerCount)
            return Error(ErrorCode::HeadersTooLarge,
                         "the request has more than " + std::to_string(m_state->limits.headerCount) + " headers");
        if (hasLineBreakOrNul(message.target()) || hasLineBreakOrNul(message.method_string()))
            return Error(ErrorCode::BadRequest, "the request line holds a line break or a NUL");
        // Request smuggling: a proxy and we must not disagree on where this request ends.
        if (message.count(bhttp::field::transfer_encoding) > 0 && contentLengths > 0)
            return Error(ErrorCode::BadRequest, "a request may not have both Transfer-Encoding and Content-Length");
        if (contentLengths > 1)
            return Error(ErrorCode::BadRequest, "a request may have one Content-Length");
        if (message.version() != 11 && message.version() != 10)
            return Error(ErrorCode::BadRequest, "only HTTP/1.0 and HTTP/1.1 are spoken here");
        return std::nullopt;
    }

    // The body, a piece at a time: each piece must come within the body deadline (a client that
    // stops sending is dropped), and the whole within the limit.
    void readBody()
    {
        m_stream.expires_after(m_state->limits.bodyTimeout);
        bhttp::async_read_some(m_stream, m_buffer, *m_parser,
                               [self = shared_from_this()](beast::error_code error, std::size_t) {
                                   if (error == bhttp::error::body_limit)
                                       return self->dispatch(Body::TooLarge);
                                   if (error == beast::error::timeout || error == net::error::operation_aborted)
                                       return self->close();
                                   if (error)
                                       return self->dispatch(Body::Unreadable);
                                   if (self->m_parser->is_done())
                                       return self->dispatch(Body::Complete);
                                   self->readBody();
                               });
    }

    enum class Body { Complete, TooLarge, Unreadable };

    HttpRequest toRequest(Body body)
    {
        auto& message = m_parser->get();
        HttpRequest request;
        request.method = std::string(message.method_string());
        const std::string_view target = message.target();
        const std::size_t question = target.find('?');
        request.rawPath = std::string(target.substr(0, question));
        request.rawQuery = question == std::string_view::npos ? std::string()
                                                              : std::string(target.substr(question + 1));
        if (request.rawPath.empty())
            request.rawPath = "/";
        request.path = percentDecode(request.rawPath, false);
        request.query = parseQuery(request.rawQuery);
        for (const auto& field : message)
            request.headers.add(std::string(field.name_string()), std::string(field.value()));
        request.remoteAddress = m_remote;
        if (body == Body::Complete)
            request.body = std::move(message.body());
        request.bodyUnreadable = body == Body::Unreadable;
        request.bodyTooLarge = body == Body::TooLarge;
        return request;
    }

    void dispatch(Body body)
    {
        m_stream.expires_never(); // the pipeline has its own deadline
        // One request at a time per connection: how to answer it waits here, so that the
        // callback below holds only `self` and fits std::function's inline storage.
        m_pending = {body != Body::Complete || !m_parser->keep_alive(), m_parser->get().method() == bhttp::verb::head,
                     m_parser->get().version()};
        HttpRequest request = toRequest(body);
        std::shared_lock lock(m_state->mutex);
        if (!m_state->pipeline)
            return close();
        ++m_state->inPipeline;
        m_state->pipeline->dispatch(std::move(request), [self = shared_from_this()](HttpResponse response) {
            // From any thread: the connection's own strand writes (at once when this is already it: a probe answered on the I/O thread).
            net::dispatch(self->m_stream.get_executor(), [self, response = std::move(response)]() mutable {
                --self->m_state->inPipeline;
                self->write(std::move(response), self->m_pending.version, self->m_pending.closeAfter,
                            self->m_pending.head);
            });
        });
    }

    // Answers without the pipeline what never became a request, and closes.
    void refuse(const Error& error)
    {
        HttpResponse response = errorResponse(error, "");
        write(std::move(response), 11, true, false);
    }

    void write(HttpResponse response, unsigned version, bool closeAfter, bool head)
    {
        const bool keepAlive = !closeAfter && toLower(response.headers.get("connection")) != "close";
        m_response.emplace(wireResponse(std::move(response), version, keepAlive, head));
        m_stream.expires_after(m_state->limits.bodyTimeout); // a client that does not read its answer is dropped
        bhttp::async_write(m_stream, *m_response,
                           [self = shared_from_this(), keepAlive](beast::error_code error, std::size_t) {
                               self->m_response.reset();
                               if (error)
                                   return self->close();
                               if (!keepAlive)
                                   return self->lingerAndClose();
                               self->waitForRequest();
                           });
    }

    // Closing with unread input (a refused upload, say) makes the kernel reset the connection,
    // and the client may lose the answer it has not read yet. So, as nginx does: stop sending,
    // then read and discard — into one small buffer, never kept — until the client closes too or
    // the lingering time ends.
    void lingerAndClose()
    {
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        m_lingerUntil = std::chrono::steady_clock::now() + kLingering;
        discardUntilClosed();
    }

    void discardUntilClosed()
    {
        const auto left = m_lingerUntil - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero())
            return close();
        m_stream.expires_after(std::min<std::chrono::steady_clock::duration>(left, std::chrono::seconds(1)));
        m_stream.async_read_some(net::buffer(m_discard),
                                 [self = shared_from_this()](beast::error_code error, std::size_t) {
                                     if (error)
                                         return self->close();
                                     self->discardUntilClosed();
                                 });
    }

    static constexpr std::chrono::seconds kLingering{5};
    static constexpr std::size_t kIdleBufferBytes = 2048;

    void close()
    {
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        m_stream.close();
    }

    struct PendingAnswer {
        bool closeAfter = false;
        bool head = false;
        unsigned version = 11;
    } m_pending;
    Stream m_stream;
    std::shared_ptr<EngineState> m_state;
    beast::flat_buffer m_buffer;
    std::optional<bhttp::request_parser<bhttp::string_body>> m_parser;
    std::optional<bhttp::response<bhttp::empty_body>> m_continue;
    std::optional<bhttp::response<bhttp::string_body>> m_response;
    std::string m_remote;
    std::array<char, 4096> m_discard{};
    std::chrono::steady_clock::time_point m_lingerUntil{};
};

class BeastHttpServer final : public HttpServer {
public:
    BeastHttpServer(const ListenAddress& address, RequestPipeline& pipeline, const EngineLimits& limits)
        : m_address(address), m_state(std::make_shared<EngineState>())
    {
        m_state->limits = limits;
        m_state->bodyLimit = pipeline.bodyLimitBytes();
        m_state->pipeline = &pipeline;
        for (int i = 0; i < std::max(1, limits.ioThreads); ++i)
            m_contexts.push_back(std::make_unique<net::io_context>(1));
        m_acceptor.emplace(*m_contexts.front());
    }

    ~BeastHttpServer() override { stop(); }

    void start() override
    {
        try {
            std::string host = m_address.host;
            if (host.size() > 1 && host.front() == '[')
                host = host.substr(1, host.size() - 2);
            tcp::resolver resolver(*m_contexts.front());
            const auto endpoints = resolver.resolve(host, std::to_string(m_address.port), tcp::resolver::passive);
            const tcp::endpoint endpoint = endpoints.begin()->endpoint();
            m_acceptor->open(endpoint.protocol());
            m_acceptor->set_option(net::socket_base::reuse_address(true));
            m_acceptor->bind(endpoint);
            m_acceptor->listen(net::socket_base::max_listen_connections);
        } catch (const std::exception& e) {
            throw std::runtime_error("cannot listen on " + m_address.text() + ": " + e.what());
        }
        for (auto& context : m_contexts)
            m_guards.push_back(std::make_unique<Guard>(context->get_executor()));
        accept();
        for (auto& context : m_contexts)
            m_threads.emplace_back([&context] { context->run(); });
        m_running = true;
    }

    void stop() override
    {
        if (!m_running)
            return;
        m_running = false;
        net::post(*m_contexts.front(), [this] {
            beast::error_code ignored;
            m_acceptor->close(ignored);
        });
        // Let requests already in the pipeline be answered (bounded), then detach it: late
        // answers must not reach a destroyed pipeline.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (m_state->inPipeline.load() > 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        {
            std::unique_lock lock(m_state->mutex);
            m_state->pipeline = nullptr;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20)); // the last answers' writes
        m_guards.clear();
        for (auto& context : m_contexts)
            context->stop();
        for (auto& thread : m_threads)
            thread.join();
        m_threads.clear();
    }

private:
    using Guard = net::executor_work_guard<Executor>;

    // Connections go to the I/O threads in turn.
    void accept()
    {
        net::io_context& next = *m_contexts[m_nextContext++ % m_contexts.size()];
        m_pending.emplace(next);
        m_acceptor->async_accept(*m_pending, [this](beast::error_code error) {
            if (error == net::error::operation_aborted || !m_acceptor->is_open())
                return;
            Socket socket = std::move(*m_pending);
            m_pending.reset();
            if (!error) {
                if (m_state->connections.load() >= m_state->limits.maxConnections) {
                    refuseConnection(socket);
                } else {
                    beast::error_code ignored;
                    socket.set_option(tcp::no_delay(true), ignored);
                    // Started on its own thread: from here on only that thread touches it.
                    net::post(socket.get_executor(),
                              [connection = std::make_shared<Connection>(std::move(socket), m_state)] {
                                  connection->start();
                              });
                }
            } else if (error == net::error::no_descriptors) {
                log::warn("out of file descriptors: a connection waits", {{"error", error.message()}});
            }
            accept();
        });
    }

    // Beyond the cap a connection is answered at once and closed: what it costs is one write.
    static void refuseConnection(Socket& socket)
    {
        static const std::string answer =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
            "Connection: close\r\nContent-Length: 90\r\n\r\n"
            "{\"error\":{\"code\":\"overloaded\",\"message\":\"too many connections; retry later\",\"details\":{}}}";
        beast::error_code ignored;
        socket.non_blocking(true, ignored);
        socket.write_some(net::buffer(answer), ignored);
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
    }

    ListenAddress m_address;
    std::shared_ptr<EngineState> m_state;
    std::vector<std::unique_ptr<net::io_context>> m_contexts; // one per I/O thread
    std::vector<std::unique_ptr<Guard>> m_guards;
    std::optional<net::basic_socket_acceptor<tcp, Executor>> m_acceptor; // on the first context
    std::optional<Socket> m_pending;                                     // the next connection, being accepted
    std::size_t m_nextContext = 0;
    std::vector<std::thread> m_threads;
    bool m_running = false;
};

} // namespace

std::unique_ptr<HttpServer> makeHttpServer(const ListenAddress& address, RequestPipeline& pipeline,
                                           const EngineLimits& limits)
{
    return std::make_unique<BeastHttpServer>(address, pipeline, limits);
}

} // namespace sbor::http
