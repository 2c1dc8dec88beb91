// The hostile-input net (issue 13): every operation of /api/v1/openapi.json, as a stranger, as an
// organizer with data of their own and as an admin, gets malformed bodies, every documented field
// with wrong types, huge, NUL, lone surrogates, odd numbers (1e999, -1e400, 2^63, 1.5) and unknown
// fields, and odd path and query values (overlong and surrogate UTF-8, %00, ../, 64 KiB). Whatever
// comes back must be a client's answer: no 5xx, every error a JSON body with a code, no error in
// the server's log, and the server alive afterwards. The suite reads the document, so a route is
// covered the day it is documented.
#include "integrationsuite.h"
#include "salesapi.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QUuid>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace sbor::test;
using nlohmann::json;

namespace {

// A value spliced into the JSON text as it is: most of these cannot be written by a serialiser.
struct RawValue {
    std::string name;
    std::string text;
};

const std::vector<RawValue>& hostileValues()
{
    static const std::vector<RawValue> values = {
        {"number", "12345"},
        {"text", "\"text\""},
        {"true", "true"},
        {"null", "null"},
        {"array", "[1,\"a\",null]"},
        {"object", "{\"a\":{\"b\":[]}}"},
        {"huge text", "\"" + std::string(64 * 1024, 'A') + "\""},
        {"NUL", "\"a\\u0000b\""},
        {"only NUL", "\"\\u0000\""},
        {"control", "\"\\u001b[31m\\u0007\""},
        {"lone surrogate", "\"\\ud800\""},
        {"reversed surrogates", "\"\\udc00\\ud800\""},
        {"1e999", "1e999"},
        {"-1e400", "-1e400"},
        {"2^63", "9223372036854775808"},
        {"-2^63-1", "-9223372036854775809"},
        {"2^64", "18446744073709551616"},
        {"1.5", "1.5"},
        {"-1", "-1"},
        {"0", "0"},
        {"empty text", "\"\""},
        {"bidi and emoji", "\"\\u202e\\ud83c\\udf9f\\ufeff\""},
        {"SQL", "\"'; DROP TABLE events.events;--\""},
        {"array of huge", "[\"" + std::string(4096, 'B') + "\"]"},
    };
    return values;
}

// Bodies that are wrong as a whole.
const std::vector<std::pair<std::string, std::string>>& hostileBodies()
{
    static const std::vector<std::pair<std::string, std::string>> bodies = {
        {"empty", ""},
        {"truncated", "{\"a\":"},
        {"not JSON", "name=x&b=2"},
        {"array", "[]"},
        {"string", "\"x\""},
        {"number out of range", "[1e999]"},
        {"deep nesting", std::string(5000, '[') + std::string(5000, ']')},
        {"deep objects",
         [] {
             std::string text;
             for (int i = 0; i < 2000; ++i)
                 text += "{\"a\":";
             return text + "1" + std::string(2000, '}');
         }()},
        {"invalid UTF-8", "{\"a\":\"\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80\"}"},
        {"NUL byte", std::string("{\"a\":\"x\0y\"}", 11)},
        {"trailing garbage", "{} {}"},
        {"BOM", "\xEF\xBB\xBF{}"},
    };
    return bodies;
}

// Path and query values.
const std::vector<std::pair<std::string, QString>>& hostileTexts()
{
    static const std::vector<std::pair<std::string, QString>> texts = {
        {"overlong slash", "%C0%AF"},
        {"overlong 3 bytes", "%E0%80%AF"},
        {"high surrogate", "%ED%A0%80"},
        {"low surrogate", "%ED%B0%80"},
        {"above U+10FFFF", "%F4%90%80%80"},
        {"ff", "%ff"},
        {"NUL", "a%00b"},
        {"escape", "%1b%5b31m"},
        {"dot dot", "..%2F..%2Fetc%2Fpasswd"},
        {"dot dot plain", "..%5C..%5Cwin.ini"},
        {"64 KiB", QString(64 * 1024, QChar('a'))},
        {"minus one", "-1"},
        {"2^63", "9223372036854775808"},
        {"1e999", "1e999"},
        {"a uuid", "00000000-0000-4000-8000-000000000000"},
        {"uuid with tail", "00000000-0000-4000-8000-000000000000%20OR%201=1"},
        {"percent", "%"},
        {"plus and spaces", "a+b%20c"},
        {"quote", "%27%22"},
    };
    return texts;
}

struct Identity {
    std::string name;
    QString token; // empty: anonymous
};

struct Operation {
    QString method;
    QString path; // templated: /api/v1/events/{id}
    json parameters = json::array();
    json bodySchema; // null when the operation takes no JSON body
};

} // namespace

class TestHostileInput : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({{"SBOR_HTTP_RATE_LIMIT_PER_SECOND", "0"},
                              {"SBOR_AUTH_BCRYPT_COST", "4"},
                              {"SBOR_AUTH_LOGIN_FAILURES_PER_ACCOUNT", "1000000"},
                              {"SBOR_AUTH_LOGIN_FAILURES_PER_CLIENT", "1000000"},
                              {"SBOR_AUTH_HASH_MAX_QUEUED", "64"}}),
                 problem());
        QVERIFY2(signUpOrganizer("hostile-organizer") && signInAdmin("hostile-admin"), problem());
        makeTheOrganizersData();

        const auto document = m_client.get(m_server->url("/api/v1/openapi.json"));
        QCOMPARE(document.status, 200);
        const json openapi = json::parse(document.body.toStdString());
        for (const auto& [path, item] : openapi.at("paths").items()) {
            for (const auto& [method, operation] : item.items()) {
                static const std::set<std::string> methods = {"get", "put", "post", "delete", "patch"};
                if (!methods.count(method) || !operation.is_object())
                    continue;
                Operation op{QString::fromStdString(method).toUpper(), QString::fromStdString(path),
                             operation.value("parameters", json::array()), nullptr};
                if (const auto body = operation.find("requestBody"); body != operation.end() && body->is_object()) {
                    const json content = body->value("content", json::object());
                    if (content.contains("application/json") && content["application/json"].is_object())
                        op.bodySchema = content["application/json"].value("schema", json::object());
                    if (!op.bodySchema.is_object())
                        op.bodySchema = json::object();
                }
                if (!op.parameters.is_array())
                    op.parameters = json::array();
                m_operations.push_back(op);
            }
        }
        QVERIFY2(m_operations.size() >= 80, QByteArray::number(qsizetype(m_operations.size())).constData());
    }

    void everyDocumentedOperationSurvivesHostileInput()
    {
        QElapsedTimer clock;
        clock.start();
        const qsizetype logStart = m_server->logs().size();
        for (const Operation& operation : m_operations) {
            for (const Identity& who : identities()) {
                attackHeaders(operation, who);
                attackPath(operation, who);
                attackQuery(operation, who);
                if (!operation.bodySchema.is_null())
                    attackBody(operation, who);
            }
            // Alive after each operation's round, or the rest would prove nothing.
            const auto alive = m_client.get(m_server->url("/healthz"), {}, 5000);
            QVERIFY2(alive.status == 200, qPrintable("not answering after " + operation.method + " " + operation.path));
            ensureSignedIn();
            if (!m_failures.empty())
                break;
        }
        qInfo("%lld requests to %lld operations in %.1f s", static_cast<long long>(m_requests),
              static_cast<long long>(m_operations.size()), clock.elapsed() / 1000.0);
        QVERIFY2(m_failures.empty(), qPrintable(QString::fromStdString(report())));
        QTest::qWait(300);
        QStringList errors;
        for (const QString& line : m_server->logs().mid(logStart).split(u'\n'))
            if (line.contains(QStringLiteral("\"level\":\"error\"")))
                errors << line.left(400);
        QVERIFY2(errors.isEmpty(),
                 qPrintable(QString::number(errors.size()) + " error lines, first: " + errors.value(0)));
    }

    // Bearer tokens as an attacker makes them: each is a 401, never a 500 (a header "alg" that
    // was a number threw out of the verifier before issue 13's hardening).
    void hostileTokensAreRefused()
    {
        const auto part = [](const std::string& text) {
            return QByteArray::fromStdString(text).toBase64(QByteArray::Base64UrlEncoding |
                                                            QByteArray::OmitTrailingEquals);
        };
        const QByteArray payload = part(
            R"({"sub":"x","iss":"sbor","aud":"sbor-api","exp":99999999999,"iat":1,"nbf":1,"sid":"s","jti":"j","roles":["admin"]})");
        const QList<QByteArray> tokens = {
            part(R"({"alg":1,"typ":"at+jwt","kid":"k"})") + "." + payload + ".c2ln",
            part(R"({"alg":"EdDSA","typ":["at+jwt"],"kid":{"a":1}})") + "." + payload + ".c2ln",
            part(R"({"alg":"EdDSA","alg":"none","typ":"at+jwt"})") + "." + payload + ".",
            part(R"({"alg":"none","typ":"at+jwt"})") + "." + payload + ".",
            part(R"({"alg":"EdDSA","typ":"at+jwt","kid":"k","x":1e999})") + "." + payload + ".c2ln",
            part(std::string(64, '[')) + "." + payload + ".c2ln",
            part("\xC0\xAF") + "." + part("\xED\xA0\x80") + ".c2ln",
            "a.b.c",
            "...",
            "a..b",
            QByteArray(5000, 'A'),
            "sbr_" + QByteArray(60, 'x'),
            "dev_" + QByteArray(60, 'x'),
            QByteArray("\xff\xfe"),
            QByteArray("tok%00en"),
        };
        for (const QByteArray& token : tokens) {
            for (const char* path :
                 {"/api/v1/users/me", "/api/v1/checkin/search?list_id=00000000-0000-4000-8000-000000000000&q=a"}) {
                const auto answer = m_client.get(m_server->url(path), {{"Authorization", "Bearer " + token}});
                QVERIFY2(answer.status == 401,
                         (token.left(80) + " -> " + QByteArray::number(answer.status) + " " + answer.body.left(200))
                             .constData());
                QCOMPARE(answer.errorCode(), QStringLiteral("unauthorized"));
            }
        }
    }

private:
    std::vector<Identity> identities() const
    {
        return {{"anonymous", {}}, {"organizer", m_organizer.accessToken}, {"admin", m_admin.accessToken}};
    }

    // Real ids of the organizer's own things, so that requests get past "no such" to the parsers.
    void makeTheOrganizersData()
    {
        SalesApi sales(*m_api, m_organizer.accessToken);
        m_ids["events"] = sales.createEvent("Hostile night");
        m_ids["ticket-types"] = sales.addType(m_ids["events"], {{"name", "Free"}, {"price", 0}, {"quota", 1000}});
        QVERIFY(sales.publish(m_ids["events"]));
        const auto list = m_api->post("/api/v1/events/" + m_ids["events"] + "/checkin-lists", {{"name", "Gate"}},
                                      m_organizer.accessToken);
        m_ids["checkin-lists"] = list.json().value("id").toString();
        const auto order = m_api->post(
            "/api/v1/orders", orderForAttendees(m_ids["events"], m_ids["ticket-types"], {uniqueEmail("guest")}),
            m_organizer.accessToken);
        QCOMPARE(order.status, 201);
        m_ids["orders"] = order.json().value("order").toObject().value("id").toString();
        const QJsonObject ticket = order.json().value("tickets").toArray()[0].toObject();
        m_ids["tickets"] = ticket.value("id").toString();
        m_code = ticket.value("code").toString();
        const auto hook = m_api->post("/api/v1/webhooks",
                                      {{"url", "https://hooks.example.org/sbor"}, {"event_types", QJsonArray{"*"}}},
                                      m_organizer.accessToken);
        m_ids["webhooks"] = hook.json().value("id").toString();
        // Admin routes act on a bystander: blocking or re-roling the organizer would end the run's reach.
        m_ids["users"] = m_api->signUp("hostile-bystander").id;
        for (const auto& [kind, id] : m_ids)
            QVERIFY2(!id.isEmpty(), kind.toUtf8().constData());
    }

    // A plausible value for a path parameter: the real id of what the segment before it names.
    QString plausiblePathValue(const QString& path, const QString& parameter) const
    {
        if (parameter == "code")
            return m_code;
        const QStringList segments = path.split('/');
        const qsizetype at = segments.indexOf("{" + parameter + "}");
        if (at > 0) {
            const auto found = m_ids.find(segments[at - 1]);
            if (found != m_ids.end())
                return found->second;
        }
        return QStringLiteral("00000000-0000-4000-8000-000000000001");
    }

    QString pathWith(const Operation& operation, const QString& parameter, const QString& value) const
    {
        QString path = operation.path;
        for (const auto& item : operation.parameters) {
            if (item.value("in", "") != "path")
                continue;
            const QString name = QString::fromStdString(item.value("name", ""));
            path.replace("{" + name + "}", name == parameter ? value : plausiblePathValue(operation.path, name));
        }
        return path;
    }

    // A body the schema would accept, as well as this suite can guess, with real ids.
    json plausibleBody(const json& schema) const
    {
        json body = json::object();
        const json properties = schema.is_object() ? schema.value("properties", json::object()) : json::object();
        for (const auto& [field, property] : properties.items())
            body[field] = property.is_object() ? plausibleValue(field, property) : json("plausible");
        return body;
    }

    json plausibleValue(const std::string& field, const json& property) const
    {
        if (property.contains("enum") && !property["enum"].empty())
            return property["enum"][0];
        const std::string type = property.contains("type") && property["type"].is_string()
            ? property["type"].get<std::string>()
            : "string";
        const std::string format = property.contains("format") && property["format"].is_string()
            ? property["format"].get<std::string>()
            : "";
        if (type == "integer" || type == "number")
            return 1;
        if (type == "boolean")
            return true;
        if (type == "array") {
            const json items = property.value("items", json::object());
            return json::array({items.is_object() ? plausibleValue(field, items) : json("plausible")});
        }
        if (type == "object")
            return property.contains("properties") ? plausibleBody(property) : json::object();
        if (format == "date-time")
            return inDays(5).toStdString();
        if (format == "email" || field.find("email") != std::string::npos)
            return uniqueEmail("hostile").toStdString();
        if (field == "event_id")
            return m_ids.at("events").toStdString();
        if (field == "list_id")
            return m_ids.at("checkin-lists").toStdString();
        if (field == "ticket_type_id")
            return m_ids.at("ticket-types").toStdString();
        if (field == "code")
            return m_code.toStdString();
        if (format == "uuid" || field.size() > 3 && field.compare(field.size() - 3, 3, "_id") == 0)
            return "00000000-0000-4000-8000-000000000002";
        if (field == "url" || field == "cover_url")
            return "https://hooks.example.org/x";
        return "plausible";
    }

    void attackPath(const Operation& operation, const Identity& who)
    {
        const std::string body = operation.bodySchema.is_null() ? std::string()
                                                                : plausibleBody(operation.bodySchema).dump();
        for (const auto& item : operation.parameters) {
            if (item.value("in", "") != "path")
                continue;
            const QString name = QString::fromStdString(item.value("name", ""));
            for (const auto& [label, value] : hostileTexts())
                send(operation, who, pathWith(operation, name, value), body,
                     "path " + name.toStdString() + " = " + label);
        }
    }

    // Documented headers (If-Match, Idempotency-Key) with raw bytes no decoder has vetted.
    void attackHeaders(const Operation& operation, const Identity& who)
    {
        const std::string body = operation.bodySchema.is_null() ? std::string()
                                                                : plausibleBody(operation.bodySchema).dump();
        const QString path = pathWith(operation, {}, {});
        static const std::vector<std::pair<std::string, QByteArray>> values = {{"overlong", "\xC0\xAF"},
                                                                               {"surrogate", "\xED\xA0\x80"},
                                                                               {"above U+10FFFF", "\xF4\x90\x80\x80"},
                                                                               {"ff", "\xff\xfe"},
                                                                               {"control", "a\x01b"},
                                                                               {"8 KiB", QByteArray(8192, 'k')},
                                                                               {"empty", ""},
                                                                               {"spaces", "  "},
                                                                               {"number", "-9223372036854775809"},
                                                                               {"quoted", "\"1\""},
                                                                               {"weak", "W/\"1\""},
                                                                               {"list", "1, 2"}};
        for (const auto& item : operation.parameters) {
            if (item.value("in", "") != "header")
                continue;
            const QByteArray name = QByteArray::fromStdString(item.value("name", ""));
            for (const auto& [label, value] : values)
                send(operation, who, path, body, "header " + name.toStdString() + " = " + label, {{name, value}});
        }
    }

    void attackQuery(const Operation& operation, const Identity& who)
    {
        const QString path = pathWith(operation, {}, {});
        for (const auto& item : operation.parameters) {
            if (item.value("in", "") != "query")
                continue;
            const QString name = QString::fromStdString(item.value("name", ""));
            for (const auto& [label, value] : hostileTexts())
                send(operation, who, path + "?" + name + "=" + value, {},
                     "query " + name.toStdString() + " = " + label);
            send(operation, who, path + "?" + name + "=1&" + name + "=2", {}, "query " + name.toStdString() + " twice");
        }
        send(operation, who, path + "?zz_unknown=%ED%A0%80", {}, "unknown query parameter");
    }

    void attackBody(const Operation& operation, const Identity& who)
    {
        const QString path = pathWith(operation, {}, {});
        for (const auto& [label, body] : hostileBodies())
            send(operation, who, path, body, "body " + label);
        const json plausible = plausibleBody(operation.bodySchema);
        send(operation, who, path, plausible.dump(), "plausible body");
        json withUnknown = plausible;
        withUnknown["zz_unknown"] = 1;
        send(operation, who, path, withUnknown.dump(), "unknown field");
        for (const auto& [field, property] : plausible.items()) {
            for (const RawValue& value : hostileValues()) {
                json mutated = plausible;
                mutated[field] = "__HOSTILE__";
                std::string text = mutated.dump();
                text.replace(text.find("\"__HOSTILE__\""), 13, value.text);
                send(operation, who, path, text, "field " + field + " = " + value.name);
            }
            // The same key twice: which one would win is exactly what must not be guessed.
            std::string twice = plausible.dump();
            twice.insert(twice.size() - 1, ",\"" + field + "\":" + plausible[field].dump());
            send(operation, who, path, twice, "field " + field + " twice");
            // Nested objects and lists get the same treatment one level down.
            if (property.is_array() && !property.empty() && property[0].is_object()) {
                for (const auto& [inner, innerValue] : property[0].items()) {
                    for (const RawValue& value : hostileValues()) {
                        json mutated = plausible;
                        mutated[field][0][inner] = "__HOSTILE__";
                        std::string text = mutated.dump();
                        text.replace(text.find("\"__HOSTILE__\""), 13, value.text);
                        send(operation, who, path, text, "field " + field + "[0]." + inner + " = " + value.name);
                    }
                }
            }
        }
    }

    void send(const Operation& operation, const Identity& who, const QString& path, const std::string& body,
              const std::string& what, const HttpClient::Headers& extraHeaders = {})
    {
        HttpClient::Headers headers;
        if (!who.token.isEmpty())
            headers.insert("Authorization", "Bearer " + who.token.toUtf8());
        if (!body.empty() || !operation.bodySchema.is_null())
            headers.insert("Content-Type", "application/json");
        if (operation.method == "POST" && (operation.path == "/api/v1/orders" || operation.path.contains("/confirm")))
            headers.insert("Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        for (auto header = extraHeaders.begin(); header != extraHeaders.end(); ++header)
            headers.insert(header.key(), header.value());
        const QUrl url(m_server->url("/").toString().chopped(1) + path, QUrl::TolerantMode);
        const HttpResult result = m_client.send(operation.method.toUtf8(), url, QByteArray::fromStdString(body),
                                                headers, 20000);
        ++m_requests;
        std::string problem;
        if (result.status == 0)
            problem = "no answer (" + result.networkError.toStdString() + ")";
        else if (result.status >= 500)
            problem = "answered " + std::to_string(result.status) + ": " + result.body.left(300).toStdString();
        else if (result.status >= 400 && result.errorCode().isEmpty())
            problem = "answered " + std::to_string(result.status) +
                " without a JSON error code: " + result.body.left(300).toStdString();
        if (!problem.empty() && m_failures.size() < 40)
            m_failures.push_back(operation.method.toStdString() + " " + operation.path.toStdString() + " as " +
                                 who.name + ", " + what + ": " + problem);
    }

    // A hostile request may have been a valid logout or password change: sign in again.
    void ensureSignedIn()
    {
        for (SignedInUser* user : {&m_organizer, &m_admin}) {
            if (m_api->get("/api/v1/users/me", user->accessToken).status == 200)
                continue;
            const QString id = user->id;
            *user = m_api->signIn(user->email);
            user->id = id.isEmpty() ? user->id : id;
        }
    }

    std::string report() const
    {
        std::string text = std::to_string(m_failures.size()) +
            " hostile requests were not answered as a client's mistake:";
        for (const auto& failure : m_failures)
            text += "\n  " + failure;
        return text;
    }

    std::map<QString, QString> m_ids; // by the path segment that names them: "events", "tickets", …
    QString m_code;
    std::vector<Operation> m_operations;
    std::vector<std::string> m_failures;
    long long m_requests = 0;
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "test_hostile_input.moc"
