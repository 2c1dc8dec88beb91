// The platform's settings over real HTTP (issue 17): only admins read and change them, a change
// needs a recent password proof and names every bad field, a stale form is refused, and what is
// stored is what payments charges by — the commission of the next payment and the fee booked in
// the ledger when an event is published — with each change in the audit log.
#include "integrationsuite.h"

#include <QJsonArray>
#include <QtTest>

using namespace sbor::test;

namespace {

constexpr const char* kSettings = "/api/v1/admin/settings";
constexpr int kConfiguredCommission = 700;

QJsonObject card() { return {{"card_number", "4242 4242 4242 4242"}}; }

} // namespace

class TestAdminSettings : public IntegrationSuite {
    Q_OBJECT
    SignedInUser m_support;
    QString m_ticketType;

    QJsonObject settings()
    {
        const auto read = m_api->get(kSettings, m_admin.accessToken);
        return read.status == 200 ? read.json() : QJsonObject();
    }

    // Waits until payments heard settings version `version` (platform.settings_changed).
    bool paymentsHeard(qint64 version)
    {
        const std::string sql = "FROM payments.platform_terms WHERE version >= " + std::to_string(version);
        for (int waited = 0; waited < 10000; waited += 50) {
            if (m_database.count(sql) == 1)
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    // A one-ticket order of the organizer's event at 100.00, paid by the buyer: its payment.
    QJsonObject paidPayment()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_ticketType, 1), m_buyer.accessToken);
        const QString payment = placed.json().value("order").toObject().value("payment_id").toString();
        const auto paid = m_api->post("/api/v1/payments/" + payment + "/confirm", card(), m_buyer.accessToken);
        return paid.status == 200 ? paid.json() : QJsonObject();
    }

    qint64 ledgerSum()
    {
        return std::stoll(m_database.query("SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries"));
    }

    QJsonObject balanceOf(const SignedInUser& organizer)
    {
        const auto items =
            m_api->get("/api/v1/payments/balance", organizer.accessToken).json().value("items").toArray();
        for (const auto& item : items) {
            if (item.toObject().value("currency").toString() == "RUB")
                return item.toObject();
        }
        return {};
    }

    QString m_event;

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({{"SBOR_PAYMENTS_COMMISSION_BASIS_POINTS", QString::number(kConfiguredCommission)}}),
                 problem());
        QVERIFY2(signInAdmin("settings-admin") && signUpOrganizer("settings-organizer") &&
                     signUpRival("settings-rival") && signUpBuyer("settings-buyer"),
                 problem());
        const QString email = uniqueEmail("settings-support");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "support").isEmpty());
        m_support = m_api->signIn(email);
        QVERIFY(!m_support.accessToken.isEmpty());
        QVERIFY2(publishEvent(m_event, "Settings night", 30,
                              {{m_ticketType, {{"name", "Stalls"}, {"price", 10000}, {"quota", 100}}}}),
                 problem());
    }

    void theFirstSettingsAreTheConfiguredOnes()
    {
        const QJsonObject first = settings();
        QCOMPARE(first.value("version").toInteger(), 1);
        QCOMPARE(first.value("commission_basis_points").toInt(), kConfiguredCommission);
        QCOMPARE(first.value("publication_fee").toInteger(), 0);
        QCOMPARE(first.value("publication_fee_currency").toString(), QStringLiteral("RUB"));
        QCOMPARE(first.value("default_language").toString(), QStringLiteral("ru"));
        QVERIFY(first.value("support_first_response_minutes").toInt() > 0);
        QVERIFY(first.value("support_resolution_minutes").toInt() >=
                first.value("support_first_response_minutes").toInt());
        QVERIFY(first.value("updated_by").isNull());
        // Before any admin changed them payments charges the configured commission.
        const QJsonObject payment = paidPayment();
        QCOMPARE(payment.value("commission").toInteger(), 10000 * kConfiguredCommission / 10000);
    }

    void onlyAdminsReadOrChangeThem()
    {
        SalesApi sales(*m_api, m_organizer.accessToken);
        const QString kiosk = sales.enrollKiosk(m_event, sales.addCheckInList(m_event, "Settings gate"));
        QVERIFY(!kiosk.isEmpty());
        const QJsonObject change{{"commission_basis_points", 1}};
        QCOMPARE(m_api->get(kSettings).status, 401);
        QCOMPARE(m_api->put(kSettings, change).status, 401);
        for (const SignedInUser* who : {&m_buyer, &m_organizer, &m_rival, &m_support}) {
            QCOMPARE(m_api->get(kSettings, who->accessToken).status, 403);
            QCOMPARE(m_api->put(kSettings, change, who->accessToken).status, 403);
        }
        const int byKiosk = m_api->put(kSettings, change, kiosk).status;
        QVERIFY2(byKiosk == 401 || byKiosk == 403, qPrintable(QString::number(byKiosk)));
        QCOMPARE(settings().value("commission_basis_points").toInt(), kConfiguredCommission);
        QCOMPARE(settings().value("version").toInteger(), 1);
    }

    void badInputIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("commission below 0")
            << QByteArray(R"({"commission_basis_points":-1})") << "commission_basis_points";
        QTest::newRow("commission above 100 %")
            << QByteArray(R"({"commission_basis_points":10001})") << "commission_basis_points";
        QTest::newRow("commission as text")
            << QByteArray(R"({"commission_basis_points":"500"})") << "commission_basis_points";
        QTest::newRow("commission fractional")
            << QByteArray(R"({"commission_basis_points":5.5})") << "commission_basis_points";
        QTest::newRow("negative fee") << QByteArray(R"({"publication_fee":-100})") << "publication_fee";
        QTest::newRow("unknown currency")
            << QByteArray(R"({"publication_fee_currency":"XYZ"})") << "publication_fee_currency";
        QTest::newRow("lower-case currency")
            << QByteArray(R"({"publication_fee_currency":"rub"})") << "publication_fee_currency";
        QTest::newRow("unknown language") << QByteArray(R"({"default_language":"de"})") << "default_language";
        QTest::newRow("zero target") << QByteArray(R"({"support_first_response_minutes":0})")
                                     << "support_first_response_minutes";
        QTest::newRow("resolution before first response")
            << QByteArray(R"({"support_first_response_minutes":600,"support_resolution_minutes":60})")
            << "support_resolution_minutes";
        QTest::newRow("version 0") << QByteArray(R"({"version":0})") << "version";
        QTest::newRow("unknown field") << QByteArray(R"({"commission":500})") << "commission";
    }

    void badInputIsRefusedNamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const auto refused = m_api->raw("PUT", kSettings, body, AuthApi::bearer(m_admin.accessToken));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), QStringLiteral("validation_failed"));
        const QStringList named = refused.problemFields();
        QVERIFY2(named.contains(field), qPrintable(named.join(',')));
        QCOMPARE(settings().value("version").toInteger(), 1);
    }

    void malformedBodiesAre400()
    {
        QCOMPARE(
            m_api->raw("PUT", kSettings, "{\"commission_basis_points\":", AuthApi::bearer(m_admin.accessToken)).status,
            400);
        QCOMPARE(m_api->raw("PUT", kSettings, "[1]", AuthApi::bearer(m_admin.accessToken)).status, 422);
        QCOMPARE(settings().value("version").toInteger(), 1);
    }

    void anOldSignInMustProveItsPasswordFirst()
    {
        ageSignIn(m_admin, 301);
        const auto refused = m_api->put(kSettings, {{"commission_basis_points", 100}}, m_admin.accessToken);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), QStringLiteral("reauthentication_required"));
        QCOMPARE(settings().value("commission_basis_points").toInt(), kConfiguredCommission);
        QCOMPARE(m_api->post("/api/v1/auth/reauthenticate", {{"password", kTestPassword}}, m_admin.accessToken).status,
                 200);
    }

    void aCommissionChangeAppliesFromTheNextCharge()
    {
        const auto changed = m_api->put(kSettings, {{"version", 1}, {"commission_basis_points", 1234}},
                                        m_admin.accessToken);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json().value("version").toInteger(), 2);
        QCOMPARE(changed.json().value("commission_basis_points").toInt(), 1234);
        QCOMPARE(changed.json().value("updated_by").toString(), m_admin.id);
        QCOMPARE(settings(), changed.json());
        QVERIFY(paymentsHeard(2));
        const QJsonObject payment = paidPayment();
        QCOMPARE(payment.value("commission").toInteger(), 1234); // 12.34 % of 100.00
        QCOMPARE(ledgerSum(), 0);
        // The earlier payment kept the commission it was charged.
        QCOMPARE(m_database.count("FROM payments.payments WHERE status = 'succeeded' AND commission = " +
                                  std::to_string(kConfiguredCommission)),
                 1);
    }

    void aStaleFormIsRefusedAndAnUnchangedOneChangesNothing()
    {
        const auto stale = m_api->put(kSettings, {{"version", 1}, {"commission_basis_points", 1}}, m_admin.accessToken);
        QCOMPARE(stale.status, 409);
        QCOMPARE(
            stale.json().value("error").toObject().value("details").toObject().value("current_version").toInteger(), 2);
        QCOMPARE(settings().value("commission_basis_points").toInt(), 1234);
        // A form sent back as read changes nothing: no new version, nothing announced.
        const int announced = m_database.count("FROM admin.outbox");
        const auto same = m_api->put(kSettings, settings(), m_admin.accessToken);
        QCOMPARE(same.status, 200);
        QCOMPARE(same.json().value("version").toInteger(), 2);
        QCOMPARE(m_database.count("FROM admin.outbox"), announced);
    }

    void publishingAnEventChargesTheFeeOnce()
    {
        const QJsonObject before = balanceOf(m_organizer);
        const QJsonObject rivalBefore = balanceOf(m_rival);
        const auto changed = m_api->put(kSettings, {{"publication_fee", 5000}, {"publication_fee_currency", "RUB"}},
                                        m_admin.accessToken);
        QCOMPARE(changed.status, 200);
        QVERIFY(paymentsHeard(changed.json().value("version").toInteger()));
        QString event, type;
        QVERIFY2(publishEvent(event, "Fee night", 40, {{type, {{"name", "Free"}, {"price", 0}, {"quota", 5}}}}),
                 problem());
        const std::string fees = "FROM payments.ledger_entries WHERE movement = 'publication_fee' AND event_id = '" +
            event.toStdString() + "'";
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count(fees), 2, 10000);
        QTRY_COMPARE(balanceOf(m_organizer).value("fees").toInteger(), before.value("fees").toInteger() + 5000);
        const QJsonObject after = balanceOf(m_organizer);
        QCOMPARE(after.value("balance").toInteger(), before.value("balance").toInteger() - 5000);
        QCOMPARE(after.value("gross").toInteger(), before.value("gross").toInteger());
        QCOMPARE(balanceOf(m_rival), rivalBefore);
        QCOMPARE(ledgerSum(), 0);
        QCOMPARE(m_database.count("FROM payments.outbox WHERE type = 'publication_fee.charged' AND aggregateid = '" +
                                  event.toStdString() + "'"),
                 1);
        // Cancelling does not give the fee back, and nothing is booked twice.
        QCOMPARE(
            m_api->post("/api/v1/events/" + event + "/cancel", {{"reason", "weather"}}, m_organizer.accessToken).status,
            200);
        QTest::qWait(300);
        QCOMPARE(m_database.count(fees), 2);

        // With the fee back at 0 publishing costs nothing.
        const auto free = m_api->put(kSettings, {{"publication_fee", 0}}, m_admin.accessToken);
        QCOMPARE(free.status, 200);
        QVERIFY(paymentsHeard(free.json().value("version").toInteger()));
        QString freeEvent, freeType;
        QVERIFY2(
            publishEvent(freeEvent, "Free night", 41, {{freeType, {{"name", "Free"}, {"price", 0}, {"quota", 5}}}}),
            problem());
        QTest::qWait(500);
        QCOMPARE(m_database.count("FROM payments.ledger_entries WHERE event_id = '" + freeEvent.toStdString() + "'"),
                 0);
    }

    void everyChangeIsInTheAuditLogWithOldAndNewValues()
    {
        QJsonObject entry;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto log = m_api->get("/api/v1/admin/audit-log?limit=100", m_admin.accessToken).json();
                for (const auto& item : log.value("items").toArray()) {
                    const QJsonObject candidate = item.toObject();
                    const QJsonObject changes = candidate.value("details").toObject().value("changes").toObject();
                    if (candidate.value("action").toString() == "platform.settings_changed" &&
                        changes.contains("commission_basis_points")) {
                        entry = candidate;
                        return true;
                    }
                }
                return false;
            }(),
            10000);
        QCOMPARE(entry.value("actor_id").toString(), m_admin.id);
        const QJsonObject commission =
            entry.value("details").toObject().value("changes").toObject().value("commission_basis_points").toObject();
        QCOMPARE(commission.value("old").toInt(), kConfiguredCommission);
        QCOMPARE(commission.value("new").toInt(), 1234);
        // Only what changed is listed.
        QCOMPARE(entry.value("details").toObject().value("changes").toObject().keys(),
                 QStringList{"commission_basis_points"});
        QCOMPARE(m_database.count("FROM auth.audit_log WHERE action = 'platform.settings_changed'"), 3);
    }
};

QTEST_GUILESS_MAIN(TestAdminSettings)
#include "test_admin_settings.moc"
