// Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/<target>/): bodies of our own
// API, DTOs as our encoders write them, access tokens and ticket codes signed by our own signers
// with the corpus keys (corpuskeys.h), and the odd forms each parser must refuse. Seeds are small
// on purpose: libFuzzer grows the corpus, the repository keeps only the starting points.
//
// Run it again when a target's input format changes (the output is committed):
//   cmake --build --preset fuzz --target sbor-fuzz-seeds && build-fuzz/bin/sbor-fuzz-seeds tests/fuzz/corpus

#include "corpuskeys.h"
#include "wiretypes.h"

#include "auth/accesstoken.h"
#include "sbor/base32.h"
#include "sbor/base64url.h"
#include "sbor/rfc3339.h"
#include "sbor/ticketcode.h"

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

namespace {

namespace fs = std::filesystem;
using namespace sbor;
using fuzz::WireShape;

fs::path g_root;

void seed(const std::string& target, const std::string& name, std::string_view bytes)
{
    const fs::path directory = g_root / target;
    fs::create_directories(directory);
    std::ofstream(directory / name, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A target whose first byte chooses something, followed by the text.
void seed(const std::string& target, const std::string& name, unsigned char choice, std::string_view text)
{
    seed(target, name, std::string(1, static_cast<char>(choice)) + std::string(text));
}

void jsonBodySeeds()
{
    constexpr unsigned char json = 1; // fuzz_jsonbody's index of "application/json"
    const std::pair<const char*, const char*> bodies[] = {
        {"register",
         R"({"email":"ana@example.org","password":"correct horse battery","name":"Ana Petrova","locale":"ru"})"},
        {"login", R"({"email":"ana@example.org","password":"correct horse battery","otp":"123456"})"},
        {"refresh", R"({"refresh_token":"c2Jvci1yZWZyZXNoLXRva2Vu"})"},
        {"event",
         R"({"title":"Конференция","description":"Два дня","venue":"Москва","starts_at":"2026-05-01T18:30:00Z","ends_at":"2026-05-02T18:00:00+03:00","timezone":"Europe/Moscow","category_id":3})"},
        {"event-patch", R"({"title":"Renamed","cover_url":"","version":2})"},
        {"schedule",
         R"({"items":[{"starts_at":"2026-05-01T18:30:00Z","ends_at":"2026-05-01T19:00:00Z","title":"Opening","speaker":null,"room":"A"}]})"},
        {"ticket-type",
         R"({"name":"Standard","price":150000,"currency":"RUB","quota":500,"sales_start":"2026-03-01T00:00:00Z","sales_end":"2026-05-01T18:00:00Z","min_per_order":1,"max_per_order":10,"active":true})"},
        {"order",
         R"({"event_id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","items":[{"ticket_type_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","quantity":2,"attendees":[{"name":"Ana","email":"ana@example.org"},{"name":"Ivan","email":"ivan@example.org"}]}]})"},
        {"preferences",
         R"({"in_app":{"ticket.purchased":true,"event.reminder":false},"email":{"event.cancelled":true}})"},
        {"webhook",
         R"({"url":"https://hooks.example.org/sbor","description":"CRM","event_types":["order.updated","ticket.checkin"],"active":true})"},
        {"redeem",
         R"({"code":"AEAA","list_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","scan_id":"k1-000042","scanned_at":"2026-05-01T18:31:02.250Z","type":"entry"})"},
        {"roles", R"({"roles":["organizer","staff"]})"},
        {"escapes", R"({"name":"A\u0000B","description":"\ud83c\udf89 \" \\ \/ \b\f\n\r\t"})"},
        {"numbers",
         R"({"quantity":-0,"price":9223372036854775807,"quota":18446744073709551615,"category_id":1.5,"a":1e308,"b":-1e-400})"},
        {"out-of-range", R"({"email":"a@example.org","password":"x","zz":[1e999,-1e400]})"},
        {"duplicate-keys", R"({"email":"a@example.org","email":"b@example.org"})"},
        {"not-an-object", R"([{"email":"a@example.org"}])"},
        {"nested", R"({"a":{"b":{"c":[{"d":[[[[]]]]}]}}})"},
    };
    for (const auto& [name, body] : bodies)
        seed("jsonbody", name, json, body);
    seed("jsonbody", "wrong-media-type", 5, R"({"email":"a@example.org"})");
    seed("jsonbody", "truncated", json, R"({"email":"a@exa)");
}

template <typename T> T example() { return T{}; }

template <> wire::User example<wire::User>()
{
    wire::User user;
    user.id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    user.email = "ana@example.org";
    user.name = "Ana";
    user.locale = "ru";
    user.roles = {"attendee", "organizer"};
    user.status = "active";
    user.createdAt = user.updatedAt = "2026-05-01T18:30:00.000000Z";
    return user;
}

template <> wire::Event example<wire::Event>()
{
    wire::Event event;
    event.id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    event.organizerId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    event.title = "Конференция";
    event.startsAt = "2026-05-01T18:30:00.000000Z";
    event.endsAt = "2026-05-02T18:00:00.000000Z";
    event.timezone = "Europe/Moscow";
    event.categoryId = 3;
    event.status = "published";
    event.publishedAt = "2026-04-01T10:00:00.000000Z";
    return event;
}

template <> wire::RedeemAnswer example<wire::RedeemAnswer>()
{
    wire::RedeemAnswer answer;
    answer.result = "already_redeemed";
    answer.scanId = "k1-000042";
    answer.ticket = wire::TicketSummary{"a", "b", "c", "Ana"};
    answer.previous = wire::PreviousAdmission{"2026-05-01T18:31:02.250000Z", "l", std::string("d")};
    return answer;
}

template <> wire::DoorSyncPage example<wire::DoorSyncPage>()
{
    wire::DoorSyncPage page;
    page.eventId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    page.publicKeys = {{1, std::string(64, 'a')}};
    page.ticketTypes = {{"t", "Standing"}};
    page.list = wire::CheckInList{};
    page.tickets = {{"i", "t", "Ana", "valid", false}};
    page.revocations = {{"CODE", "i", "reissued"}};
    page.scans = {{"s", "i", "l", wire::ScanKind::Exit, "2026-05-01T18:31:02.250000Z", std::nullopt, true}};
    page.nextCursor = "eyJzIjo0Mn0";
    page.hasMore = true;
    return page;
}

template <> wire::IssuedEnrollment example<wire::IssuedEnrollment>()
{
    wire::IssuedEnrollment enrollment;
    enrollment.code = "ABCD-EFGH";
    enrollment.server = "http://127.0.0.1:8080";
    return enrollment;
}

template <> wire::LiveFrame example<wire::LiveFrame>()
{
    wire::LiveFrame frame;
    frame.topic = "event:3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    frame.seq = 42;
    frame.epoch = "e1";
    frame.type = "ticket.checkin";
    frame.data = {{"ticket_id", "i"}, {"list_id", "l"}, {"inside", 17}};
    frame.at = "2026-05-01T18:31:02.250000Z";
    return frame;
}

template <> wire::LiveControl example<wire::LiveControl>()
{
    return wire::LiveControl{"resync", "event:1", 42, "e2", "", ""};
}

template <> wire::NotificationPreferences example<wire::NotificationPreferences>()
{
    wire::NotificationPreferences preferences;
    preferences.wants["in_app"]["ticket.purchased"] = true;
    preferences.wants["email"]["event.reminder"] = false;
    return preferences;
}

template <> wire::PlacedOrder example<wire::PlacedOrder>()
{
    wire::PlacedOrder placed;
    placed.order.id = "o";
    placed.order.status = "paid";
    placed.order.total = 300000;
    placed.order.currency = "RUB";
    placed.order.items = {{"t", 2, 150000}};
    placed.tickets = {wire::Ticket{}};
    return placed;
}

template <> wire::EventStatistics example<wire::EventStatistics>()
{
    wire::EventStatistics statistics;
    statistics.eventId = "e";
    statistics.sales = {{"t", "Standard", 500, 120, 3}};
    statistics.revenue = {{"RUB", 18000000}};
    statistics.lists = {{"l", "Main door", 100, 110, 10}};
    statistics.scanners = {{"d", true, 60}};
    statistics.lastHour = {{"2026-05-01T18:31:00.000000Z", 4}};
    return statistics;
}

template <std::size_t Index> void wireSeed()
{
    using T = std::tuple_element_t<Index, fuzz::WireTypes>;
    const nlohmann::json one = wire::toJson(example<T>());
    const std::string name = std::to_string(Index);
    seed("wire", name + "-one", fuzz::wireSelector(Index, WireShape::One), one.dump());
    // Lists and pages only for a few types: each shape's code is shared by all of them.
    if (Index % 5 == 0) {
        seed("wire", name + "-list", fuzz::wireSelector(Index, WireShape::List),
             nlohmann::json::array({one, one}).dump());
        seed("wire", name + "-page", fuzz::wireSelector(Index, WireShape::Page),
             nlohmann::json{{"items", {one}}, {"next_cursor", "eyJzIjo0Mn0"}}.dump());
    }
}

template <std::size_t... Index> void wireSeeds(std::index_sequence<Index...>) { (wireSeed<Index>(), ...); }

void wireSeeds()
{
    wireSeeds(std::make_index_sequence<fuzz::kWireTypeCount>());
    seed(
        "wire", "error", fuzz::wireSelector(0, WireShape::One),
        R"({"error":{"code":"validation_failed","message":"field 'name' is required","details":{"fields":[{"field":"name","problem":"is required"}]},"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"}})");
    seed("wire", "handshake", fuzz::wireSelector(fuzz::kEnrollmentHandshakeChoice, WireShape::One),
         R"({"v":1,"type":"sbor.kiosk-enrollment","server":"http://127.0.0.1:8080","code":"ABCD-EFGH"})");
    // Regressions found by fuzz_wire: a "type" that is not a string threw nlohmann's type_error out
    // of parseEnrollmentHandshake, and a version of 2^32 + 1 was narrowed to int and passed as 1.
    seed("wire", "regression-handshake-type-number",
         fuzz::wireSelector(fuzz::kEnrollmentHandshakeChoice, WireShape::One), R"({"type":1})");
    seed("wire", "regression-handshake-version-wraps",
         fuzz::wireSelector(fuzz::kEnrollmentHandshakeChoice, WireShape::One),
         R"({"v":4294967297,"type":"sbor.kiosk-enrollment","server":"s","code":"c"})");
}

void querySeeds()
{
    constexpr unsigned char plusIsSpace = 1;
    seed("query", "search", plusIsSpace,
         "q=caf%C3%A9+%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0&limit=20&cursor=eyJzIjo0Mn0");
    seed("query", "times", plusIsSpace, "starts_after=2026-05-01T18%3A30%3A00Z&status=published&category_id=3");
    seed("query", "repeated", plusIsSpace, "a=1&a=2&&=x&b&c=&%3D=%26");
    seed("query", "invalid-utf8", plusIsSpace, "q=%ED%A0%80&r=%C0%AF&s=%E0%80%AF&t=%F4%90%80%80&u=%ff&v=%00");
    seed("query", "truncated-escapes", plusIsSpace, "q=%&r=%4&s=%zz&t=%%41");
    seed("query", "path", 0, "/api/v1/events/3f2504e0-4f89-11d3-9a0c-0305e82c3301/tickets%2F..%2F+x");
}

void accessTokenSeeds()
{
    constexpr unsigned char verifyText = 1, signAndVerify = 0;
    const auth::SigningKey key = auth::SigningKey::fromSeed(fuzz::kAccessTokenKeyId, fuzz::kAccessTokenSeed);
    auth::AccessTokenClaims claims;
    claims.subject = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    claims.roles = {"attendee", "organizer"};
    claims.sessionId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    claims.tokenId = "9b2d1c3e";
    claims.issuedAt = fuzz::kCorpusNow - 60;
    claims.expiresAt = fuzz::kCorpusNow + 840;
    seed("accesstoken", "valid", verifyText, auth::signAccessToken(claims, key, {}));
    auth::AccessTokenClaims expired = claims;
    expired.issuedAt -= 3600;
    expired.expiresAt -= 3600;
    seed("accesstoken", "expired", verifyText, auth::signAccessToken(expired, key, {}));
    seed("accesstoken", "other-audience", verifyText, auth::signAccessToken(claims, key, {"sbor", "sbor-kiosk", 30}));
    const auth::SigningKey other = auth::SigningKey::fromSeed("fuzz-key-2", {42});
    seed("accesstoken", "unknown-key", verifyText, auth::signAccessToken(claims, other, {}));
    auto part = [](std::string_view json) { return base64UrlEncode(json); };
    seed("accesstoken", "alg-none", verifyText,
         part(R"({"alg":"none","typ":"at+jwt","kid":"fuzz-key-1"})") + "." + part(R"({"sub":"x"})") + ".");
    // Found by fuzz_accesstoken (fixed in 564aa7d): an "alg" (or "typ", "kid") that is not a
    // string made verify() throw nlohmann's type_error instead of refusing the token.
    seed("accesstoken", "regression-alg-not-a-string", verifyText, part(R"({"alg":1})") + "." + part("{}") + ".AA");
    seed("accesstoken", "refresh-typed", verifyText,
         part(R"({"alg":"EdDSA","typ":"JWT","kid":"fuzz-key-1"})") + "." + part("{}") + ".AAAA");
    // The other half: bytes that FuzzedDataProvider turns into claims, times and a key.
    std::string claimBytes = "3f2504e0\x08organizer\x05staff\x02"
                             "sid-1\x03jti\x04sbor\x08sbor-api";
    claimBytes.append(48, '\x11');
    seed("accesstoken", "claims", signAndVerify, claimBytes);
}

void ticketCodeSeeds()
{
    constexpr unsigned char readText = 1, signAndRead = 0;
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
    SigningPublicKey publicKey{};
    SigningSecretKey secretKey{};
    crypto_sign_seed_keypair(publicKey.data(), secretKey.data(), fuzz::kTicketEventSeed.data());
    TicketCodeFields fields;
    fields.keyId = 1;
    fields.ticketId = *uuidBytes("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    fields.eventPrefix = idPrefix(fuzz::kTicketEventId);
    fields.ticketTypePrefix = {0x9b, 0x2d, 0x1c, 0x3e};
    fields.issuedAt = 1777650000;
    fields.validFrom = 1777660000;
    fields.validUntil = 1777750000;
    const std::string code = signTicketCode(fields, fuzz::kTicketEventId, secretKey);
    seed("ticketcode", "signed", readText, code);
    std::string lower = code;
    for (char& c : lower)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    seed("ticketcode", "signed-lower-case", readText, lower);
    TicketCodeFields open = fields;
    open.validFrom = open.validUntil = 0;
    open.keyId = 2;
    seed("ticketcode", "no-validity", readText, signTicketCode(open, fuzz::kTicketEventId, secretKey));
    std::string forged = code;
    forged[100] = forged[100] == 'A' ? 'B' : 'A';
    seed("ticketcode", "forged", readText, forged);
    seed("ticketcode", "short", readText, code.substr(0, 163));
    std::string fieldBytes(1, '\x01');
    fieldBytes.append(reinterpret_cast<const char*>(fields.ticketId.data()), fields.ticketId.size());
    fieldBytes.append(reinterpret_cast<const char*>(fuzz::kTicketEventId.data()), fuzz::kTicketEventId.size());
    fieldBytes.append(24, '\x5a');
    fieldBytes.append(32, '\x07');
    seed("ticketcode", "fields", signAndRead, fieldBytes);
}

void encodingSeeds()
{
    seed("base32", "code-prefix", "AEAAAAAAAAAAAAAAAAAA");
    seed("base32", "lower-case", "mzxw6ytboi");
    seed("base32", "stray-bits", "MZXW6YTBOJ");
    seed("base32", "bytes", std::string("\x00\xff\x10\x80 ticket", 11));
    seed("base64", "jwt-header", base64UrlEncode(R"({"alg":"EdDSA","typ":"at+jwt","kid":"fuzz-key-1"})"));
    seed("base64", "padded", base64Encode("webhook secret!"));
    seed("base64", "one-padding", "YWI=");
    seed("base64", "both-alphabets", "a-b_c+d/");
    seed("base64", "bytes", std::string("\x00\xfb\xff\x3e", 4));
}

void rfc3339Seeds()
{
    const char* times[] = {
        "2026-05-01T18:30:00Z",        "2026-05-01T18:30:00.250+03:00", "1970-01-01T00:00:00Z",
        "8999-12-31T23:59:59.999999Z", "2024-02-29t12:00:00-15:59",     "2026-05-01T18:30:00.1234567Z",
        "2023-02-29T00:00:00Z",        "2026-05-01 18:30:00Z",          "1969-12-31T23:59:59Z"};
    int index = 0;
    for (const char* time : times)
        seed("rfc3339", "time-" + std::to_string(index++), time);
    seed("rfc3339", "formatted", formatRfc3339(1777660000123456));
}

void webhookUrlSeeds()
{
    constexpr unsigned char url = 0, address = 1;
    seed("webhookurl", "https", url, "https://hooks.example.org/sbor?source=events");
    seed("webhookurl", "port", url, "http://hooks.example.org:8443/a/b/../c");
    seed("webhookurl", "loopback-dot", url, "http://127.0.0.1./");
    seed("webhookurl", "ipv6", url, "http://[::ffff:127.0.0.1]:8080/");
    seed("webhookurl", "credentials", url, "https://user:secret@example.org/");
    seed("webhookurl", "idna", url, "http://\xe2\x91\xa0\xe2\x91\xa1\xe2\x91\xa6.0.0.1/");
    seed("webhookurl", "fragment", url, "https://example.org/#x");
    // Found by fuzz_webhookurl: a host that IDNA maps to nothing (U+FE0E, a variation selector)
    // reached host.back() on an empty string in resolverHost.
    seed("webhookurl", "finding-host-maps-to-nothing", url, "http://\xef\xb8\x8e/");
    seed("webhookurl", "address-v4", address, "169.254.169.254");
    seed("webhookurl", "address-v6", address, "2002:7f00:1::1");
    seed("webhookurl", "address-nat64", address, "64:ff9b::a00:1");
}

void liveSeeds()
{
    const char* frames[] = {
        R"({"op":"subscribe","topic":"event:3f2504e0-4f89-11d3-9a0c-0305e82c3301","since":42,"epoch":"1777660000123-4242"})",
        R"({"op":"subscribe","topic":"user:7c9e6679-7425-40de-944b-e07fc1f90ae7"})",
        R"({"op":"unsubscribe","topic":"system"})",
        R"({"op":"authenticate","token":"eyJhbGciOiJFZERTQSJ9.e30.AAAA"})",
        R"({"op":"ping"})",
        R"({"op":"subscribe","topic":"system","since":-1})",
        R"({"op":"subscribe","since":1.5e300,"topic":7})",
        R"({"op":"ping","op":"subscribe"})",
        R"({"op":"dance"})",
        R"(["op","ping"])",
    };
    int index = 0;
    for (const char* frame : frames)
        seed("clientframe", "frame-" + std::to_string(index++), frame);
    // Found by fuzz_clientframe: the "unknown op" message cuts the op at 64 bytes, inside a
    // character; the hub's error frame could not be written as JSON until it used replacement.
    std::string accents;
    for (int i = 0; i < 40; ++i)
        accents += "\xc3\xa9"; // é
    seed("clientframe", "regression-op-cut-inside-character", R"({"op":"a)" + accents + R"("})");

    // The mask check reads the upgrade request, then frames: 0x81 = FIN + text, then the mask bit
    // and length, the 4-byte mask key, the payload.
    const std::string upgrade =
        "GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1:8081\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    const std::string masked("\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58", 11);
    const std::string unmasked("\x81\x05hello", 7);
    const std::string medium = std::string("\x82\xfe\x00\x80\x01\x02\x03\x04", 8) + std::string(128, '\x5a');
    const std::string large = std::string("\x82\xff\x00\x00\x00\x00\x00\x00\x01\x00\x01\x02\x03\x04", 14) +
        std::string(64, '\x5a');
    const std::string ping("\x89\x80\x01\x02\x03\x04", 6);
    seed("framemaskcheck", "masked", upgrade + masked + ping);
    seed("framemaskcheck", "unmasked", upgrade + masked + unmasked);
    seed("framemaskcheck", "extended-lengths", upgrade + medium + large);
    seed("framemaskcheck", "no-request-end", "GET / HTTP/1.1\r\n\r" + unmasked);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: sbor-fuzz-seeds <corpus directory>\n";
        return 2;
    }
    g_root = argv[1];
    jsonBodySeeds();
    wireSeeds();
    querySeeds();
    accessTokenSeeds();
    ticketCodeSeeds();
    encodingSeeds();
    rfc3339Seeds();
    webhookUrlSeeds();
    liveSeeds();
    return 0;
}
