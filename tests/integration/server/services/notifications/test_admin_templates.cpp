// The notification templates admins edit (issue 17), over real HTTP with a real SMTP server: only
// admins read and change them, every bad text is refused naming its field and nothing is stored,
// a change needs a recent password proof and refuses a stale form, the next notification people
// get is the admin's text in that language only, the preview and the test send show it first, a
// reset brings the built-in text back, and each change is in the audit log with old and new text.
#include "integrationsuite.h"
#include "smtpsink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace sbor::test;

namespace {

constexpr const char* kTemplates = "/api/v1/admin/templates";
constexpr const char* kPurchased = "/api/v1/admin/templates/ticket.purchased";
constexpr const char* kPurchasedEnglish = "/api/v1/admin/templates/ticket.purchased/en";

QJsonObject languageOf(const QJsonObject& notificationTemplate, const QString& language)
{
    for (const auto& each : notificationTemplate.value("languages").toArray())
        if (each.toObject().value("language").toString() == language)
            return each.toObject();
    return {};
}

QJsonObject englishText(const QString& subject)
{
    return {{"subject", subject},
            {"short", "{{ticket_count}} for {{event_title}}"},
            {"body", "Dear {{buyer_name}},\n\nyour order {{order_id}} of {{total}} is confirmed."}};
}

} // namespace

class TestAdminTemplates : public IntegrationSuite {
    Q_OBJECT
    SmtpSink m_smtp;
    SignedInUser m_support;
    QString m_event;
    QString m_free;

    QJsonObject purchasedTemplate()
    {
        const auto read = m_api->get(kPurchased, m_admin.accessToken);
        return read.status == 200 ? read.json() : QJsonObject();
    }

    // The subjects of the emails to `recipient` so far.
    QStringList subjectsTo(const QString& recipient)
    {
        QStringList subjects;
        for (const auto& message : m_smtp.messages())
            if (message.value("rcpt_tos").toArray().contains(recipient))
                subjects << message.value("subject").toString();
        return subjects;
    }

    bool buyOneFreeTicket()
    {
        return m_api->post("/api/v1/orders", orderBody(m_event, m_free, 1), m_buyer.accessToken).status == 201;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_smtp.start());
        QVERIFY2(startServer({{"SBOR_NOTIFICATIONS_SMTP_HOST", "127.0.0.1"},
                              {"SBOR_NOTIFICATIONS_SMTP_PORT", QString::number(m_smtp.port())},
                              {"SBOR_NOTIFICATIONS_JOB_INTERVAL_MS", "100"}}),
                 problem());
        QVERIFY2(signInAdmin("templates-admin") && signUpOrganizer("templates-organizer") &&
                     signUpRival("templates-rival") && signUpBuyer("templates-buyer"),
                 problem());
        const QString email = uniqueEmail("templates-support");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "support").isEmpty());
        m_support = m_api->signIn(email);
        QVERIFY(!m_support.accessToken.isEmpty());
        QVERIFY2(publishEvent(m_event, "Template night", 30,
                              {{m_free, {{"name", "Free entry"}, {"price", 0}, {"quota", 100}}}}),
                 problem());
    }

    void everyTemplateIsListedInBothLanguagesWithItsPlaceholders()
    {
        const auto listed = m_api->get(kTemplates, m_admin.accessToken);
        QCOMPARE(listed.status, 200);
        const QJsonArray items = listed.json().value("items").toArray();
        QVERIFY2(items.size() >= 16, qPrintable(QString::number(items.size())));
        QStringList names;
        for (const auto& item : items) {
            const QJsonObject each = item.toObject();
            names << each.value("name").toString();
            QVERIFY(!each.value("placeholders").toArray().isEmpty());
            for (const char* language : {"en", "ru"}) {
                const QJsonObject texts = languageOf(each, language);
                QVERIFY2(!texts.value("subject").toString().isEmpty(), qPrintable(names.last()));
                QCOMPARE(texts.value("replaced").toBool(), false);
                QCOMPARE(texts.value("version").toInteger(), 0);
                QCOMPARE(texts.value("built_in").toObject().value("subject"), texts.value("subject"));
                // The sample names every placeholder, each with a value.
                const QJsonObject sample = texts.value("sample").toObject();
                for (const auto& placeholder : each.value("placeholders").toArray())
                    QVERIFY2(!sample.value(placeholder.toString()).toString().isEmpty(),
                             qPrintable(names.last() + " " + placeholder.toString()));
            }
        }
        QVERIFY(names.contains("ticket.purchased"));
        QVERIFY(names.contains("order.updated.refunded"));
        QVERIFY(names.contains("support.request_updated.answered"));
        const QJsonArray placeholders = purchasedTemplate().value("placeholders").toArray();
        QVERIFY(placeholders.contains("total") && placeholders.contains("ticket_count"));
        QVERIFY(!placeholders.contains("holder_name"));
    }

    void onlyAdminsReadOrChangeThem()
    {
        SalesApi sales(*m_api, m_organizer.accessToken);
        const QString kiosk = sales.enrollKiosk(m_event, sales.addCheckInList(m_event, "Templates gate"));
        QVERIFY(!kiosk.isEmpty());
        const QJsonObject change = englishText("Hijacked {{event_title}}");
        const QString preview = QString(kPurchasedEnglish) + "/preview";
        const QString test = QString(kPurchasedEnglish) + "/test";
        QCOMPARE(m_api->get(kTemplates).status, 401);
        QCOMPARE(m_api->put(kPurchasedEnglish, change).status, 401);
        for (const SignedInUser* who : {&m_buyer, &m_organizer, &m_rival, &m_support}) {
            QCOMPARE(m_api->get(kTemplates, who->accessToken).status, 403);
            QCOMPARE(m_api->get(kPurchased, who->accessToken).status, 403);
            QCOMPARE(m_api->put(kPurchasedEnglish, change, who->accessToken).status, 403);
            QCOMPARE(m_api->remove(kPurchasedEnglish, {}, who->accessToken).status, 403);
            QCOMPARE(m_api->post(preview, change, who->accessToken).status, 403);
            QCOMPARE(m_api->post(test, change, who->accessToken).status, 403);
        }
        for (const int byKiosk :
             {m_api->get(kTemplates, kiosk).status, m_api->put(kPurchasedEnglish, change, kiosk).status})
            QVERIFY2(byKiosk == 401 || byKiosk == 403, qPrintable(QString::number(byKiosk)));
        QCOMPARE(languageOf(purchasedTemplate(), "en").value("version").toInteger(), 0);
        QVERIFY(subjectsTo(m_buyer.email).isEmpty() || !subjectsTo(m_buyer.email).join(',').contains("Hijacked"));
    }

    void badTextsAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QString english = kPurchasedEnglish;
        const auto text = [](QJsonObject fields) {
            for (const char* part : {"subject", "short", "body"})
                if (!fields.contains(part))
                    fields[part] = "fine";
            return QJsonDocument(fields).toJson(QJsonDocument::Compact);
        };
        QTest::newRow("unknown placeholder")
            << english << text({{"subject", "Hi {{holder_name}}"}}) << 422 << "subject";
        QTest::newRow("unknown placeholder in the body")
            << english << text({{"body", "{{password}}"}}) << 422 << "body";
        QTest::newRow("unclosed placeholder") << english << text({{"short", "{{total"}}) << 422 << "short";
        QTest::newRow("empty subject") << english << text({{"subject", ""}}) << 422 << "subject";
        QTest::newRow("blank body") << english << text({{"body", "  \n "}}) << 422 << "body";
        QTest::newRow("two-line subject")
            << english << text({{"subject", "a\nBcc: x@example.com"}}) << 422 << "subject";
        QTest::newRow("missing short") << english
                                       << QJsonDocument(QJsonObject{{"subject", "s"}, {"body", "b"}}).toJson() << 422
                                       << "short";
        QTest::newRow("subject as a number") << english << text({{"subject", 5}}) << 422 << "subject";
        QTest::newRow("too long subject") << english << text({{"subject", QString(201, 'x')}}) << 422 << "subject";
        QTest::newRow("unknown field") << english << text({{"html", "<b>"}}) << 422 << "html";
        QTest::newRow("negative version") << english << text({{"version", -1}}) << 422 << "version";
        QTest::newRow("unknown language")
            << QString("/api/v1/admin/templates/ticket.purchased/de") << text({}) << 422 << "language";
        QTest::newRow("unknown template")
            << QString("/api/v1/admin/templates/ticket.stolen/en") << text({}) << 404 << "";
    }

    void badTextsAreRefusedNamingTheField()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const auto refused = m_api->raw("PUT", path, body, AuthApi::bearer(m_admin.accessToken));
        QCOMPARE(refused.status, status);
        if (!field.isEmpty()) {
            QCOMPARE(refused.errorCode(), QStringLiteral("validation_failed"));
            const QStringList named = refused.problemFields();
            QVERIFY2(named.contains(field), qPrintable(named.join(',')));
        }
        // The preview checks a draft the same way.
        const auto previewed = m_api->raw("POST", path + "/preview", body, AuthApi::bearer(m_admin.accessToken));
        if (field != "short" && field != "version")
            QCOMPARE(previewed.status, status);
        QCOMPARE(m_database.count("FROM notifications.template_texts"), 0);
    }

    void anUnknownPlaceholderIsNamedInTheProblem()
    {
        const auto refused = m_api->put(kPurchasedEnglish, englishText("Hello {{holder_name}}"), m_admin.accessToken);
        QCOMPARE(refused.status, 422);
        const QString message = QString::fromUtf8(refused.body);
        QVERIFY2(message.contains("{{holder_name}}") && message.contains("ticket_count"), qPrintable(message));
        QCOMPARE(m_api->raw("PUT", kPurchasedEnglish, "{\"subject\":", AuthApi::bearer(m_admin.accessToken)).status,
                 400);
        QCOMPARE(m_api->raw("PUT", kPurchasedEnglish, "[1]", AuthApi::bearer(m_admin.accessToken)).status, 422);
        QCOMPARE(
            m_api->raw("DELETE", QString(kPurchasedEnglish) + "?version=x", {}, AuthApi::bearer(m_admin.accessToken))
                .status,
            422);
    }

    void thePreviewRendersADraftWithTheSample()
    {
        const auto previewed = m_api->post(QString(kPurchasedEnglish) + "/preview",
                                           englishText("Yours: {{event_title}} for {{total}}"), m_admin.accessToken);
        QCOMPARE(previewed.status, 200);
        const QJsonObject english = languageOf(purchasedTemplate(), "en");
        const QJsonObject sample = english.value("sample").toObject();
        QCOMPARE(previewed.json().value("subject").toString(),
                 "Yours: " + sample.value("event_title").toString() + " for " + sample.value("total").toString());
        QVERIFY(previewed.json().value("body").toString().contains(sample.value("buyer_name").toString()));
        // Without a draft: the current texts; in Russian with the Russian sample.
        const auto russian = m_api->post("/api/v1/admin/templates/ticket.purchased/ru/preview", {},
                                         m_admin.accessToken);
        QCOMPARE(russian.status, 200);
        const QJsonObject ru = languageOf(purchasedTemplate(), "ru");
        QVERIFY2(russian.json().value("subject").toString().contains(
                     ru.value("sample").toObject().value("event_title").toString()),
                 qPrintable(russian.json().value("subject").toString()));
        QVERIFY(!russian.json().value("subject").toString().contains("{{"));
        QCOMPARE(m_database.count("FROM notifications.template_texts"), 0);
    }

    void anOldSignInMustProveItsPasswordFirst()
    {
        ageSignIn(m_admin, 301);
        const auto refused = m_api->put(kPurchasedEnglish, englishText("Late {{event_title}}"), m_admin.accessToken);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), QStringLiteral("reauthentication_required"));
        QCOMPARE(m_api->remove(kPurchasedEnglish, {}, m_admin.accessToken).status, 401);
        QCOMPARE(m_database.count("FROM notifications.template_texts"), 0);
        // Previewing stores nothing and needs no step-up.
        QCOMPARE(m_api->post(QString(kPurchasedEnglish) + "/preview", {}, m_admin.accessToken).status, 200);
        QCOMPARE(m_api->post("/api/v1/auth/reauthenticate", {{"password", kTestPassword}}, m_admin.accessToken).status,
                 200);
    }

    void theNextNotificationIsTheAdminsTextInThatLanguageOnly()
    {
        const QJsonObject before = purchasedTemplate();
        QJsonObject body = englishText("Booked: {{event_title}} ({{ticket_count}})");
        body["version"] = 0;
        const auto changed = m_api->put(kPurchasedEnglish, body, m_admin.accessToken);
        QCOMPARE(changed.status, 200);
        const QJsonObject english = languageOf(changed.json(), "en");
        QCOMPARE(english.value("replaced").toBool(), true);
        QCOMPARE(english.value("version").toInteger(), 1);
        QCOMPARE(english.value("updated_by").toString(), m_admin.id);
        QCOMPARE(english.value("subject").toString(), body.value("subject").toString());
        QCOMPARE(languageOf(changed.json(), "ru"), languageOf(before, "ru"));
        QCOMPARE(purchasedTemplate(), changed.json());

        // The same form again: refused as stale.
        const auto stale = m_api->put(kPurchasedEnglish, body, m_admin.accessToken);
        QCOMPARE(stale.status, 409);
        QCOMPARE(
            stale.json().value("error").toObject().value("details").toObject().value("current_version").toInteger(), 1);

        // The buyer (English) gets the new text, in the email and in the inbox.
        QVERIFY(buyOneFreeTicket());
        QList<QJsonObject> mail;
        QTRY_VERIFY_WITH_TIMEOUT(!(mail = m_smtp.waitForMessagesTo(m_buyer.email, 1, 100)).isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(subjectsTo(m_buyer.email).contains("Booked: Template night (1)"), 20000);
        const auto inbox = m_api->get("/api/v1/notifications", m_buyer.accessToken).json().value("items").toArray();
        QVERIFY(!inbox.isEmpty());
        QCOMPARE(inbox.first().toObject().value("title").toString(), QStringLiteral("Booked: Template night (1)"));
        QCOMPARE(inbox.first().toObject().value("body").toString(), QStringLiteral("1 for Template night"));
    }

    void theChangeIsAuditedWithOldAndNewText()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count("FROM auth.audit_log WHERE action = 'platform.template_changed'"), 1,
                                  10000);
        const auto log = m_api->get("/api/v1/admin/audit-log?action=platform.template_changed", m_admin.accessToken);
        QCOMPARE(log.status, 200);
        const QJsonArray items = log.json().value("items").toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject entry = items.first().toObject();
        QCOMPARE(entry.value("actor_id").toString(), m_admin.id);
        const QJsonObject details = entry.value("details").toObject();
        QCOMPARE(details.value("name").toString(), QStringLiteral("ticket.purchased"));
        QCOMPARE(details.value("language").toString(), QStringLiteral("en"));
        QCOMPARE(details.value("new").toObject().value("subject").toString(),
                 QStringLiteral("Booked: {{event_title}} ({{ticket_count}})"));
        QCOMPARE(details.value("old").toObject().value("subject").toString(),
                 languageOf(purchasedTemplate(), "en").value("built_in").toObject().value("subject").toString());
    }

    void theTestSendGoesToTheAdminOnly()
    {
        const int buyerMails = subjectsTo(m_buyer.email).size();
        const auto sent = m_api->post("/api/v1/admin/templates/ticket.purchased/ru/test",
                                      {{"subject", "Проверка: {{event_title}}"}}, m_admin.accessToken);
        QCOMPARE(sent.status, 202);
        QCOMPARE(sent.json().value("sent_to").toString(), m_admin.email);
        const QString sample =
            languageOf(purchasedTemplate(), "ru").value("sample").toObject().value("event_title").toString();
        const auto mail = m_smtp.waitForMessagesTo(m_admin.email, 1);
        QCOMPARE(mail.size(), 1);
        QCOMPARE(mail.first().value("subject").toString(), "[Тест] Проверка: " + sample);
        QVERIFY(mail.first().value("text").toString().contains(
            languageOf(purchasedTemplate(), "ru").value("sample").toObject().value("buyer_name").toString()));
        // A draft is only a draft: the stored Russian text is still the built-in one.
        QCOMPARE(languageOf(purchasedTemplate(), "ru").value("replaced").toBool(), false);
        QCOMPARE(subjectsTo(m_buyer.email).size(), buyerMails);
        const auto broken = m_api->post("/api/v1/admin/templates/ticket.purchased/ru/test", {{"body", "{{card}}"}},
                                        m_admin.accessToken);
        QCOMPARE(broken.status, 422);
        QVERIFY(broken.problemFields().contains("body"));
    }

    void aResetBringsTheBuiltInTextBack()
    {
        const QJsonObject english = languageOf(purchasedTemplate(), "en");
        QCOMPARE(m_api->remove(QString(kPurchasedEnglish) + "?version=0", {}, m_admin.accessToken).status, 409);
        const auto reset = m_api->remove(QString(kPurchasedEnglish) + "?version=1", {}, m_admin.accessToken);
        QCOMPARE(reset.status, 200);
        const QJsonObject after = languageOf(reset.json(), "en");
        QCOMPARE(after.value("replaced").toBool(), false);
        QCOMPARE(after.value("version").toInteger(), 2);
        QCOMPARE(after.value("subject"), english.value("built_in").toObject().value("subject"));
        // Resetting what is built in already, or saving the built-in text, changes nothing more.
        QCOMPARE(m_api->remove(kPurchasedEnglish, {}, m_admin.accessToken).status, 200);
        QCOMPARE(m_api->put(kPurchasedEnglish, english.value("built_in").toObject(), m_admin.accessToken).status, 200);
        QCOMPARE(languageOf(purchasedTemplate(), "en").value("version").toInteger(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count("FROM auth.audit_log WHERE action = 'platform.template_changed'"), 2,
                                  10000);

        const int before = subjectsTo(m_buyer.email).size();
        QVERIFY(buyOneFreeTicket());
        QTRY_VERIFY_WITH_TIMEOUT(subjectsTo(m_buyer.email).size() > before, 20000);
        QTest::qWait(500);
        const QStringList subjects = subjectsTo(m_buyer.email).mid(before);
        QVERIFY2(subjects.contains("Order confirmed: Template night"), qPrintable(subjects.join(" | ")));
        QVERIFY(!subjects.join(" | ").contains("Booked:"));
    }
};

QTEST_GUILESS_MAIN(TestAdminTemplates)
#include "test_admin_templates.moc"
