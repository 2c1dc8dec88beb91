// The notifications service's pure parts: templates, preferences, email composition, Standard
// Webhooks signatures and which webhook destinations are refused.

#include "notifications/emailmessage.h"
#include "notifications/messagetemplates.h"
#include "notifications/preferences.h"
#include "notifications/webhookdestination.h"
#include "notifications/webhooksigning.h"

#include "sbor/base64url.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace sbor::notifications;

class TestNotificationRules : public QObject {
    Q_OBJECT

private slots:
    void everyTemplateRendersInBothLanguagesWithoutLeftovers()
    {
        const MessageTemplates& templates = MessageTemplates::builtIn();
        const char* names[] = {
            "ticket",         "ticket.purchased",      "ticket.checkin",          "event.cancelled",
            "event.reminder", "order.updated.expired", "order.updated.cancelled", "order.updated.refunded",
            "refund.issued"};
        TemplateFields fields = {{"event_title", "Concert"}, {"holder_name", "Anna"},
                                 {"buyer_name", "Boris"},    {"starts_at", "2027-01-01 19:00"},
                                 {"venue", "Hall"},          {"ticket_type", "VIP"},
                                 {"ticket_id", "t-1"},       {"order_id", "o-1"},
                                 {"ticket_count", "2"},      {"total", "10.00 RUB"},
                                 {"amount", "10.00 RUB"},    {"reason", "Rain"},
                                 {"checked_in_at", "19:02"}};
        for (const char* name : names) {
            QVERIFY2(templates.has(name), name);
            for (const char* locale : {"en", "ru-RU"}) {
                const RenderedMessage message = templates.render(name, locale, fields);
                for (const std::string* text : {&message.subject, &message.body, &message.shortText}) {
                    QVERIFY2(!text->empty(), name);
                    QVERIFY2(text->find("{{") == std::string::npos, (std::string(name) + ": " + *text).c_str());
                }
                QVERIFY2(message.subject.find("Concert") != std::string::npos ||
                             message.subject.find("10.00 RUB") != std::string::npos,
                         name);
            }
        }
        QCOMPARE(templates.render("ticket", "ru", fields).subject, std::string("Ваш билет на «Concert»"));
        QCOMPARE(templates.render("ticket", "de", fields).subject, std::string("Your ticket for Concert"));
        QVERIFY_THROWS_EXCEPTION(std::exception, templates.render("no.such", "en", fields));
    }

    void aTemplateMissingALanguageIsRefused()
    {
        const std::string sample = "  sample:\n    en: {a: x}\n    ru: {a: y}\n";
        const std::string english = "  en:\n    subject: s {{a}}\n    body: b\n    short: c\n";
        const std::string russian = "  ru:\n    subject: s\n    body: b\n    short: c\n";
        QVERIFY(MessageTemplates::parse("x:\n" + sample + english + russian).has("x"));
        QVERIFY_THROWS_EXCEPTION(std::exception, MessageTemplates::parse("x:\n" + sample + english));
        // Without a sample the placeholders are unknown; with samples naming different ones, too.
        QVERIFY_THROWS_EXCEPTION(std::exception, MessageTemplates::parse("x:\n" + english + russian));
        QVERIFY_THROWS_EXCEPTION(
            std::exception,
            MessageTemplates::parse("x:\n  sample:\n    en: {a: x}\n    ru: {b: y}\n" + english + russian));
        // A text using a placeholder its sample does not name is a broken build.
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 MessageTemplates::parse("x:\n" + sample + english +
                                                         "  ru:\n    subject: s\n    body: {{b}}\n    short: c\n"));
    }

    void everyBuiltInTemplateHasASampleForEachPlaceholderInBothLanguages()
    {
        for (const auto& [name, definition] : MessageTemplates::builtIn().all()) {
            const std::set<std::string> placeholders = definition.placeholders();
            QVERIFY2(!placeholders.empty(), name.c_str());
            for (const std::string& language : templateLanguages()) {
                const RenderedMessage filled = fillTemplate(definition.texts.at(language),
                                                            definition.sample.at(language));
                QVERIFY2(filled.body.find("{{") == std::string::npos, name.c_str());
                for (const auto& [field, value] : definition.sample.at(language))
                    QVERIFY2(!value.empty(), (name + " " + language + " " + field).c_str());
            }
        }
    }

    void placeholderProblemsNameThePlaceholder()
    {
        const std::set<std::string> allowed = {"event_title", "holder_name"};
        QCOMPARE(placeholderProblem("Hello {{holder_name}}, see {{event_title}}", allowed), std::string());
        QCOMPARE(placeholderProblem("no placeholders at all", allowed), std::string());
        const std::string unknown = placeholderProblem("Hello {{holder}}", allowed);
        QVERIFY2(unknown.find("{{holder}}") != std::string::npos, unknown.c_str());
        QVERIFY2(unknown.find("event_title, holder_name") != std::string::npos, unknown.c_str());
        QVERIFY(!placeholderProblem("Hello {{holder_name", allowed).empty());
        QVERIFY(!placeholderProblem("Hello {{ holder_name }}", allowed).empty()); // spaces are not trimmed
    }

    void anAdminsTextReplacesOnlyItsLanguage()
    {
        const MessageTemplates& templates = MessageTemplates::builtIn();
        const TemplateFields fields = {{"event_title", "Concert"}, {"holder_name", "Anna"}};
        TemplateReplacements replacements;
        replacements["ticket"]["ru"] = {"Билет: {{event_title}}", "Тело {{holder_name}}", "Коротко"};
        QCOMPARE(templates.render("ticket", "ru-RU", fields, replacements).subject, std::string("Билет: Concert"));
        QCOMPARE(templates.render("ticket", "ru-RU", fields, replacements).body, std::string("Тело Anna"));
        QCOMPARE(templates.render("ticket", "en", fields, replacements).subject,
                 templates.render("ticket", "en", fields).subject);
        QCOMPARE(templates.render("ticket", "en", fields).subject, std::string("Your ticket for Concert"));
    }

    void preferencesDefaultChangeAndRefuseNonsense()
    {
        Preferences preferences;
        QVERIFY(preferences.wants("email", "ticket.purchased"));
        QVERIFY(!preferences.wants("email", "ticket.checkin"));
        QVERIFY(preferences.wants("in_app", "ticket.checkin"));
        QVERIFY(preferences
                    .apply(nlohmann::json::parse("{\"email\": {\"order.updated\": false, \"ticket.checkin\": true}}"))
                    .ok());
        QVERIFY(!preferences.wants("email", "order.updated"));
        QVERIFY(preferences.wants("email", "ticket.checkin"));
        // Every refusal leaves the preferences as they were.
        for (const char* bad : {"{\"sms\": {}}", "{\"email\": {\"order.shipped\": true}}",
                                "{\"email\": {\"order.updated\": \"yes\"}}", "{\"email\": true}", "[1]"}) {
            const auto result = preferences.apply(nlohmann::json::parse(bad));
            QVERIFY2(!result.ok(), bad);
            QCOMPARE(result.error().code, sbor::ErrorCode::ValidationFailed);
        }
        QVERIFY(!preferences.wants("email", "order.updated"));
        const nlohmann::json matrix = preferences.toJson();
        QCOMPARE(matrix["email"].size(), notificationTypes().size());
        QCOMPARE(matrix["in_app"]["refund.issued"].get<bool>(), true);
        // What was stored round-trips, and damaged stored values fall back to defaults.
        QVERIFY(Preferences::fromStored(preferences.stored()).toJson() == matrix);
        QVERIFY(Preferences::fromStored(nlohmann::json::parse("{\"email\": 3}")).wants("email", "refund.issued"));
    }

    void emailsAreMimeWithEncodedSubjectsAndAttachments()
    {
        EmailMessage message{"Sbor <no-reply@example.org>",
                             "anna@example.org",
                             "Ваш билет на «Весенний концерт» — 2 шт.",
                             "Здравствуйте!\nСтрока два",
                             {{"ticket.png", "image/png", std::string("\x89PNG\r\n\x1a\n", 8)}},
                             "id-1@sbor"};
        const std::string text = composeEmail(message);
        QVERIFY(text.find("\r\nSubject: =?UTF-8?B?") != std::string::npos);
        QVERIFY(text.find("Content-Type: multipart/mixed; boundary=") != std::string::npos);
        QVERIFY(text.find("filename=\"ticket.png\"") != std::string::npos);
        QVERIFY(text.find(sbor::base64Encode(std::string("\x89PNG\r\n\x1a\n", 8))) != std::string::npos);
        // Bare LF never reaches SMTP; no line is over 78 characters.
        std::size_t lineStart = 0;
        for (std::size_t at = 0; at < text.size(); ++at) {
            if (text[at] == '\n') {
                QVERIFY2(at > 0 && text[at - 1] == '\r', "bare LF");
                QVERIFY2(at - lineStart <= 79, text.substr(lineStart, at - lineStart).c_str());
                lineStart = at + 1;
            }
        }
        // Each encoded word holds whole UTF-8 characters and decodes back to the subject.
        const std::string words = encodeHeaderWord(message.subject);
        std::string decoded;
        for (std::size_t at = 0; (at = words.find("=?UTF-8?B?", at)) != std::string::npos;) {
            const std::size_t end = words.find("?=", at + 10);
            QVERIFY(end - at + 2 <= 75);
            const auto piece = sbor::base64Decode(words.substr(at + 10, end - at - 10));
            QVERIFY(piece.has_value());
            QVERIFY(QString::fromUtf8(piece->data(), int(piece->size())).toUtf8() == QByteArray::fromStdString(*piece));
            decoded += *piece;
            at = end;
        }
        QCOMPARE(decoded, message.subject);
        QCOMPARE(encodeHeaderWord("Plain subject"), std::string("Plain subject"));
    }

    void webhookSignaturesMatchTheStandardWebhooksTestVector()
    {
        // The specification's published vector: libraries in every language verify exactly this.
        QCOMPARE(signWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                             "{\"test\": 2432232314}"),
                 std::string("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        // And Qt's HMAC agrees for a fresh secret.
        const std::string secret = newWebhookSecret();
        QVERIFY(secret.rfind("whsec_", 0) == 0);
        const auto key = webhookSecretKey(secret);
        QVERIFY(key && key->size() >= 24);
        const QByteArray expected = "v1," +
            QMessageAuthenticationCode::hash("id.5.{}", QByteArray::fromStdString(*key), QCryptographicHash::Sha256)
                .toBase64();
        QCOMPARE(QByteArray::fromStdString(signWebhook(secret, "id", 5, "{}")), expected);
        const std::string header = webhookSignatureHeader({secret, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}, "id", 5,
                                                          "{}");
        QCOMPARE(QByteArray::fromStdString(header).split(' ').size(), 2);
        QVERIFY(newWebhookSecret() != secret);
    }

    void webhookUrlsMustBeHttpWithoutCredentials()
    {
        QVERIFY(parseWebhookUrl("https://hooks.example.org/sbor?x=1").ok());
        QCOMPARE(parseWebhookUrl("https://hooks.example.org/a").value().port, 443);
        QCOMPARE(parseWebhookUrl("http://[2001:db8::1]:8080/a").value().host, std::string("2001:db8::1"));
        for (const char* bad :
             {"ftp://example.org/", "file:///etc/passwd", "gopher://x/", "https://user:pw@example.org/", "not a url",
              "https:///nohost", "", "javascript:alert(1)"})
            QVERIFY2(!parseWebhookUrl(bad).ok(), bad);
    }

    void privateAndLoopbackAddressesAreRefused()
    {
        for (const char* address : {"127.0.0.1",
                                    "10.1.2.3",
                                    "172.16.0.1",
                                    "172.31.255.255",
                                    "192.168.1.1",
                                    "169.254.169.254",
                                    "100.64.0.1",
                                    "0.0.0.0",
                                    "224.0.0.1",
                                    "255.255.255.255",
                                    "::1",
                                    "::",
                                    "fc00::1",
                                    "fd12::1",
                                    "fe80::1",
                                    "ff02::1",
                                    "::ffff:127.0.0.1",
                                    "::ffff:10.0.0.1",
                                    "64:ff9b::a9fe:a9fe",
                                    "2001:db8::1",
                                    "nonsense"})
            QVERIFY2(isNonPublicAddress(address), address);
        for (const char* address :
             {"8.8.8.8", "1.1.1.1", "172.32.0.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
            QVERIFY2(!isNonPublicAddress(address), address);
        // Names that lead to a private address are refused as well, unless allowed.
        const auto localhost = reachableAddresses(parseWebhookUrl("http://localhost:9/").value(), false);
        QVERIFY(!localhost.ok());
        QVERIFY(localhost.error().details.value("non_public", false));
        QVERIFY(reachableAddresses(parseWebhookUrl("http://localhost:9/").value(), true).ok());
        QVERIFY(!reachableAddresses(parseWebhookUrl("http://127.0.0.1:9/").value(), false).ok());
    }

    // Issue 13, defect 10: a trailing dot and IDNA digits mapped these to loopback past the check.
    void hostsAreJudgedAsTheResolverWillSeeThem()
    {
        const std::pair<const char*, const char*> cases[] = {
            {"http://127.0.0.1./", "127.0.0.1"},
            {"http://127.0.0.1../", nullptr},
            {"http://\u2460\u2461\u2466.0.0.1/", "127.0.0.1"}, // ①②⑦.0.0.1
            {"http://127.1/", "127.0.0.1"},
            {"http://0x7f.0.0.1/", "127.0.0.1"},
            {"http://2130706433/", "127.0.0.1"},
            {"http://017700000001/", "127.0.0.1"},
            {"http://LOCALHOST./", "localhost"},
            {"http://Hooks.Example.ORG./x", "hooks.example.org"},
            // Found by fuzz_webhookurl: IDNA maps U+FE0E to nothing, and the empty host was read past.
            {"http://\uFE0E/", nullptr},
            {"http://\uFE0E./", nullptr},
            {"http://example.org:0/", nullptr},
        };
        QVERIFY(!parseWebhookUrl(std::string("https://example.org/\0http://127.0.0.1/", 38))
                     .ok()); // libcurl stops at a NUL
        for (const auto& [url, host] : cases) {
            const auto parsed = parseWebhookUrl(url);
            if (!host) {
                QVERIFY2(!parsed.ok(), url);
                continue;
            }
            QVERIFY2(parsed.ok(), url);
            QCOMPARE(parsed->host, std::string(host));
            QVERIFY2(parsed->text.find(host) != std::string::npos,
                     parsed->text.c_str()); // delivered to the same host as judged
            if (std::string(host) == "127.0.0.1" || std::string(host) == "localhost") {
                const auto reachable = reachableAddresses(*parsed, false);
                QVERIFY2(!reachable.ok(), url);
                QVERIFY(reachable.error().details.value("non_public", false));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestNotificationRules)
#include "test_notificationrules.moc"
