// What the door says: every redeem result in the staff member's words (the direction changes one
// of them; anything unknown is "could not check"), and where a ticket was first admitted, told
// apart by device and entrance.

#include "doorstore.h"
#include "doorwording.h"

#include <QTemporaryDir>
#include <QtTest>

using sbor::kiosk::DoorStore;
using sbor::kiosk::DoorWording;
using sbor::kiosk::Enrollment;
namespace wire = sbor::wire;

class TestDoorWording : public QObject {
    Q_OBJECT

private slots:
    void everyResultHasItsWords_data()
    {
        QTest::addColumn<QString>("result");
        QTest::addColumn<bool>("exit");
        QTest::addColumn<QString>("words");
        QTest::newRow("ok") << "ok" << false << "Welcome!";
        QTest::newRow("already_redeemed") << "already_redeemed" << false << "Already checked in";
        QTest::newRow("unknown_ticket") << "unknown_ticket" << false << "Unknown ticket";
        QTest::newRow("invalid_signature") << "invalid_signature" << false << "Forged or damaged code";
        QTest::newRow("revoked") << "revoked" << false << "This ticket was replaced by a newer one";
        QTest::newRow("blocked") << "blocked" << false << "Ticket blocked — send the guest to the info desk";
        QTest::newRow("cancelled") << "cancelled" << false << "Ticket cancelled";
        QTest::newRow("unpaid") << "unpaid" << false << "Order not paid";
        QTest::newRow("wrong_event") << "wrong_event" << false << "Ticket for another event";
        QTest::newRow("not_allowed_on_list, entry")
            << "not_allowed_on_list" << false << "This ticket is not valid at this entrance";
        QTest::newRow("not_allowed_on_list, exit")
            << "not_allowed_on_list" << true << "Exit not possible for this ticket here";
        QTest::newRow("too_early") << "too_early" << false << "Too early: this ticket is not valid yet";
        QTest::newRow("too_late") << "too_late" << false << "This ticket is no longer valid";
        QTest::newRow("unreadable") << "unreadable" << false << "No code found in the picture";
        QTest::newRow("anything else") << "error" << false << "Could not check the ticket";
    }

    void everyResultHasItsWords()
    {
        QFETCH(QString, result);
        QFETCH(bool, exit);
        QFETCH(QString, words);
        QTemporaryDir dir;
        const DoorStore store(dir.filePath("door.sqlite"));
        const Enrollment here;
        QCOMPARE(DoorWording(store, here).reason(result, exit), words);
    }

    void aVerdictSaysWhereTheTicketWasFirstAdmitted()
    {
        QTemporaryDir dir;
        const DoorStore store(dir.filePath("door.sqlite"));
        const Enrollment here{"http://door.test", {},     "token",  "device-1",
                              "event-1",          "Jazz", "list-1", "Main entrance"};
        const DoorWording wording(store, here);
        const auto previous = [&wording](std::optional<std::string> device, std::string list) {
            const wire::RedeemAnswer answer{
                "already_redeemed", wire::TicketSummary{"t1", "event-1", "type-1", "Olga Petrova"},
                wire::PreviousAdmission{"2026-01-01T10:15:00Z", list, device}, "scan-1", std::nullopt};
            return wording.verdictFor(answer, false, false);
        };
        const auto atThisKiosk = previous(std::string("device-1"), "list-1");
        QCOMPARE(atThisKiosk.tone, QStringLiteral("warning"));
        QCOMPARE(atThisKiosk.holderName, QStringLiteral("Olga Petrova"));
        QCOMPARE(atThisKiosk.previousWhere, QStringLiteral("at this kiosk"));
        QCOMPARE(atThisKiosk.detail, QStringLiteral("First admitted at %1 at this kiosk").arg(atThisKiosk.previousAt));
        QCOMPARE(previous(std::string("device-2"), "list-1").previousWhere,
                 QStringLiteral("at Main entrance, another kiosk"));
        QCOMPARE(previous(std::nullopt, "list-2").previousWhere, QStringLiteral("at another entrance"));
    }

    void anExitThatWorksSaysGoodbye()
    {
        QTemporaryDir dir;
        const DoorStore store(dir.filePath("door.sqlite"));
        const Enrollment here;
        const auto verdict =
            DoorWording(store, here).verdictFor({"ok", std::nullopt, std::nullopt, "scan-1", std::nullopt}, true, true);
        QCOMPARE(verdict.headline, QStringLiteral("Goodbye!"));
        QCOMPARE(verdict.tone, QStringLiteral("admitted"));
        QVERIFY(verdict.offline && verdict.exit);
        QCOMPARE(verdict.scanId, QStringLiteral("scan-1"));
    }
};

QTEST_MAIN(TestDoorWording)
#include "test_doorwording.moc"
