// The kiosk's offline copy and the decisions it makes from it without the network: the same door
// rules as the server (shared/sbor/doorrules), fed from SQLite — signature, revocation, blocking,
// cancellation, validity, the list's ticket types, entries counting this kiosk's queued scans,
// exits — and the queue kept across a reopen. The OfflineScanDecider on top of it: the verdict as
// staff read it, and the scan queued.

#include "doorstore.h"
#include "offlinescandecider.h"

#include "sbor/rfc3339.h"
#include "sbor/ticketcode.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sodium.h>

using namespace sbor;
using sbor::kiosk::DoorStore;
using sbor::kiosk::QueuedScan;

namespace {

const std::string kEvent = "6f1c2a9e-0b7d-4e55-9c1a-3d2f4b5a6c7d";
const std::string kOtherEvent = "7a1c2a9e-0b7d-4e55-9c1a-3d2f4b5a6c7d";
const std::string kList = "0c0c0c0c-0b7d-4e55-9c1a-3d2f4b5a6c7d";
const std::string kStanding = "a0b1c2d3-e4f5-4a6b-8c7d-8e9fa0b1c2d3";
const std::string kVip = "b0b1c2d3-e4f5-4a6b-8c7d-8e9fa0b1c2d3";
const std::string kDevice = "dddddddd-0b7d-4e55-9c1a-3d2f4b5a6c7d";

std::string ticketId(int n)
{
    return QStringLiteral("11111111-2222-4333-8444-%1").arg(n, 12, 10, QChar('0')).toStdString();
}

struct Keys {
    SigningPublicKey publicKey{};
    SigningSecretKey secretKey{};
    Keys() { crypto_sign_keypair(publicKey.data(), secretKey.data()); }
};

std::int64_t now() { return unixNowMicroseconds(); }

} // namespace

class TestDoorStore : public QObject {
    Q_OBJECT

public:
    TestDoorStore()
    {
        if (sodium_init() < 0)
            qFatal("libsodium did not start");
    }

private:
    Keys m_keys;

    std::string code(int ticket, const std::string& type = kStanding, const std::string& event = kEvent,
                     const Keys* keys = nullptr, std::int64_t fromOffsetSeconds = -3600,
                     std::int64_t untilOffsetSeconds = 3600)
    {
        TicketCodeFields fields;
        fields.keyId = 1;
        fields.ticketId = *uuidBytes(ticketId(ticket));
        fields.eventPrefix = idPrefix(*uuidBytes(event));
        fields.ticketTypePrefix = idPrefix(*uuidBytes(type));
        fields.issuedAt = static_cast<std::uint32_t>(unixNowSeconds() - 60);
        fields.validFrom = static_cast<std::uint32_t>(unixNowSeconds() + fromOffsetSeconds);
        fields.validUntil = static_cast<std::uint32_t>(unixNowSeconds() + untilOffsetSeconds);
        return signTicketCode(fields, *uuidBytes(event), (keys ? *keys : m_keys).secretKey);
    }

    wire::DoorSyncPage page(bool multiEntry = false, bool exitsAllowed = true, std::vector<std::string> types = {})
    {
        wire::DoorSyncPage page;
        page.eventId = kEvent;
        page.publicKeys = {{1, publicKeyHex(m_keys.publicKey)}};
        page.ticketTypes = {{kStanding, "Standing"}, {kVip, "VIP"}};
        page.list = wire::CheckInList{kList,        kEvent,       "Main entrance", std::move(types),      multiEntry,
                                      exitsAllowed, std::nullopt, std::nullopt,    "2026-01-01T00:00:00Z"};
        for (int n = 1; n <= 6; ++n)
            page.tickets.push_back({ticketId(n), n == 6 ? kVip : kStanding, "Guest " + std::to_string(n),
                                    n == 4 ? "cancelled" : "valid", n == 3});
        page.revocations = {{code(5), ticketId(5), "reissued"}};
        page.scans = {{"earlier-1", ticketId(2), kList, wire::ScanKind::Entry, formatRfc3339(now() - 600000000),
                       std::string("other-device"), false}};
        page.nextCursor = "cursor-1";
        return page;
    }

    std::string judge(DoorStore& store, const std::string& text, wire::ScanKind kind = wire::ScanKind::Entry)
    {
        std::optional<wire::TicketSummary> ticket;
        return doorResultText(
            judgeScan(store.factsFor(canonicalTicketCode(text), kind, now(), kDevice, &ticket)).result);
    }

    void admit(DoorStore& store, int ticket, const std::string& scanId, wire::ScanKind kind = wire::ScanKind::Entry)
    {
        QVERIFY(store.enqueue(QueuedScan{
            {code(ticket), kList, scanId, formatRfc3339(now()), kind, std::nullopt}, ticketId(ticket), "ok"}));
    }

private slots:

    void theOfflineDeciderWordsItsVerdictAndQueuesTheScan()
    {
        QTemporaryDir dir;
        DoorStore store(dir.filePath("door.sqlite"));
        QVERIFY(store.apply(page()));
        const sbor::kiosk::Enrollment here{"http://door.test",
                                           {},
                                           "token",
                                           QString::fromStdString(kDevice),
                                           QString::fromStdString(kEvent),
                                           "Jazz",
                                           QString::fromStdString(kList),
                                           "Main entrance"};
        const sbor::kiosk::DoorWording wording(store, here);
        sbor::kiosk::OfflineScanDecider decider(store, here, wording);
        const auto decide = [&decider](const wire::ScanSubmission& scan) {
            std::optional<sbor::kiosk::Verdict> decided;
            decider.decide(scan, [&decided](std::optional<sbor::kiosk::Verdict> verdict) { decided = verdict; });
            return decided;
        };
        const auto first = decide(
            {code(1), kList, "scan-1", formatRfc3339(now()), wire::ScanKind::Entry, std::nullopt});
        QVERIFY(first); // at once: it never waits for anything
        QCOMPARE(first->result, QStringLiteral("ok"));
        QCOMPARE(first->tone, QStringLiteral("admitted"));
        QCOMPARE(first->headline, QStringLiteral("Welcome!"));
        QCOMPARE(first->holderName, QStringLiteral("Guest 1"));
        QCOMPARE(first->ticketType, QStringLiteral("Standing"));
        QCOMPARE(first->scanId, QStringLiteral("scan-1"));
        QVERIFY(first->offline && first->isShown());
        QCOMPARE(store.queueLength(), 1);

        // Picked by name, no code: the same ticket, now inside, admitted at this kiosk.
        const auto again = decide(
            {{}, kList, "scan-2", formatRfc3339(now()), wire::ScanKind::Entry, std::optional(ticketId(1))});
        QVERIFY(again);
        QCOMPARE(again->result, QStringLiteral("already_redeemed"));
        QCOMPARE(again->tone, QStringLiteral("warning"));
        QCOMPARE(again->previousWhere, QStringLiteral("at this kiosk"));
        QVERIFY(again->detail.startsWith("First admitted at "));
        QCOMPARE(store.queueLength(), 2); // refusals are queued too: the server hears of every scan

        const auto forged = decide(
            {"HELLO", kList, "scan-3", formatRfc3339(now()), wire::ScanKind::Exit, std::nullopt});
        QVERIFY(forged);
        QCOMPARE(forged->tone, QStringLiteral("refused"));
        QVERIFY(forged->exit);
    }

    void decidesAsTheServerWouldFromTheCopy()
    {
        QTemporaryDir dir;
        DoorStore store(dir.filePath("door.sqlite"));
        QVERIFY2(store.isOpen(), qPrintable(store.error()));
        QCOMPARE(judge(store, code(1)), std::string("unknown_ticket")); // nothing synced: nothing to judge with
        QVERIFY(store.apply(page()));
        QCOMPARE(store.cursor(), QStringLiteral("cursor-1"));
        QCOMPARE(store.ticketTypeName(kVip), std::string("VIP"));

        QCOMPARE(judge(store, code(1)), std::string("ok"));
        QCOMPARE(judge(store, QString::fromStdString(code(1)).toLower().toStdString()), std::string("ok")); // Caps Lock
        QCOMPARE(judge(store, code(2)), std::string("already_redeemed")); // in, elsewhere
        QCOMPARE(judge(store, code(3)), std::string("blocked"));
        QCOMPARE(judge(store, code(4)), std::string("cancelled"));
        QCOMPARE(judge(store, code(5)), std::string("revoked"));
        QCOMPARE(judge(store, code(1, kStanding, kOtherEvent)), std::string("wrong_event"));
        const Keys stranger;
        QCOMPARE(judge(store, code(1, kStanding, kEvent, &stranger)), std::string("invalid_signature"));
        std::string damaged = code(1);
        damaged[10] = damaged[10] == 'A' ? 'B' : 'A';
        QCOMPARE(judge(store, damaged), std::string("invalid_signature"));
        QCOMPARE(judge(store, "HELLO"), std::string("unknown_ticket"));
        QCOMPARE(judge(store, code(1, kStanding, kEvent, nullptr, 3600, 7200)), std::string("too_early"));
        QCOMPARE(judge(store, code(1, kStanding, kEvent, nullptr, -7200, -3600)), std::string("too_late"));
        // Sold while the kiosk was offline: not in the copy, but signed by the event — let in.
        QCOMPARE(judge(store, code(42)), std::string("ok"));
    }

    void entriesCountThisKiosksQueuedScansAndSurviveAReopen()
    {
        QTemporaryDir dir;
        {
            DoorStore store(dir.filePath("door.sqlite"));
            QVERIFY(store.apply(page()));
            admit(store, 1, "q-1");
            QCOMPARE(judge(store, code(1)), std::string("already_redeemed"));
            // Out and back in: the list lets people leave.
            QCOMPARE(judge(store, code(1), wire::ScanKind::Exit), std::string("ok"));
            admit(store, 1, "q-2", wire::ScanKind::Exit);
            QCOMPARE(judge(store, code(1)), std::string("ok"));
            // Nobody leaves who did not come in.
            QCOMPARE(judge(store, code(6), wire::ScanKind::Exit), std::string("not_allowed_on_list"));
            QCOMPARE(store.queueLength(), 2);
            const auto counts = store.counts();
            QCOMPARE(counts.expected, 5);  // valid tickets: not the cancelled one
            QCOMPARE(counts.checkedIn, 2); // ticket 2 (synced) and ticket 1 (queued)
            QCOMPARE(counts.inside, 1);    // 2 entries, 1 exit
        }
        DoorStore reopened(dir.filePath("door.sqlite"));
        QCOMPARE(reopened.queueLength(), 2);
        const auto queued = reopened.queued();
        QCOMPARE(queued.at(0).scan.scanId, std::string("q-1"));
        QCOMPARE(queued.at(1).scan.kind, wire::ScanKind::Exit);
        QVERIFY(reopened.annulQueued("q-2"));
        QCOMPARE(reopened.queueLength(), 1);
        QCOMPARE(reopened.annulledQueued(), std::vector<std::string>{"q-2"}); // the server is told once online
        // The upload of q-1 is answered: it leaves the queue and becomes an admission of the copy.
        QVERIFY(reopened.acceptUploaded({{queued.at(0), "ok"}}, kDevice));
        QCOMPARE(reopened.queueLength(), 0);
        QCOMPARE(judge(reopened, code(1)), std::string("already_redeemed"));
        QVERIFY(reopened.forgetQueued("q-2"));
        QVERIFY(reopened.annulledQueued().empty());
        QVERIFY(reopened.annulSynced("q-1"));
        QCOMPARE(judge(reopened, code(1)), std::string("ok")); // taken back: it no longer counts

        // Scans the server refuses as a whole are set aside, not sent again.
        admit(reopened, 6, "q-3");
        QVERIFY(reopened.markRejected({"q-3"}, "scanned_at must lie within the last 72 hours"));
        QCOMPARE(reopened.queueLength(), 0);
        QCOMPARE(reopened.rejectedCount(), 1);
        QVERIFY(reopened.queued().empty());
    }

    void listRulesApply()
    {
        QTemporaryDir dir;
        DoorStore store(dir.filePath("door.sqlite"));
        QVERIFY(store.apply(page(false, false, {kVip})));
        QCOMPARE(judge(store, code(1)), std::string("not_allowed_on_list"));
        QCOMPARE(judge(store, code(6, kVip)), std::string("ok"));
        // A ticket the copy does not know yet is judged by the type its code names.
        QCOMPARE(judge(store, code(43, kVip)), std::string("ok"));
        QCOMPARE(judge(store, code(44, kStanding)), std::string("not_allowed_on_list"));
        QCOMPARE(judge(store, code(6, kVip), wire::ScanKind::Exit),
                 std::string("not_allowed_on_list")); // no exits here
        QCOMPARE(store.counts().expected, 1);

        QVERIFY(store.apply(page(true, false)));
        admit(store, 1, "m-1");
        QCOMPARE(judge(store, code(1)), std::string("ok")); // multi-entry: again and again
    }

    void aTicketPickedFromTheCopyIsJudgedWithoutACode()
    {
        QTemporaryDir dir;
        DoorStore store(dir.filePath("door.sqlite"));
        QVERIFY(store.apply(page()));
        std::optional<wire::TicketSummary> ticket;
        QCOMPARE(
            doorResultText(
                judgeScan(store.factsForTicket(ticketId(1), wire::ScanKind::Entry, now(), kDevice, &ticket)).result),
            std::string("ok"));
        QCOMPARE(ticket->holderName, std::string("Guest 1"));
        QCOMPARE(
            doorResultText(
                judgeScan(store.factsForTicket(ticketId(2), wire::ScanKind::Entry, now(), kDevice, &ticket)).result),
            std::string("already_redeemed"));
        QCOMPARE(
            doorResultText(
                judgeScan(store.factsForTicket(ticketId(3), wire::ScanKind::Entry, now(), kDevice, &ticket)).result),
            std::string("blocked"));
        QCOMPARE(
            doorResultText(
                judgeScan(store.factsForTicket(ticketId(99), wire::ScanKind::Entry, now(), kDevice, &ticket)).result),
            std::string("unknown_ticket"));
        // A queued pick carries the ticket id, not a code, through a reopen.
        QVERIFY(store.enqueue(QueuedScan{
            {"", kList, "pick-1", formatRfc3339(now()), wire::ScanKind::Entry, ticketId(1)}, ticketId(1), "ok"}));
        const auto queued = store.queued();
        QCOMPARE(queued.at(0).scan.ticketId.value_or(""), ticketId(1));
        QCOMPARE(wire::toJson(queued.at(0).scan).value("ticket_id", ""), ticketId(1));
        QVERIFY(!wire::toJson(queued.at(0).scan).contains("code"));
    }

    void searchFoldsCaseAndCyrillic()
    {
        QTemporaryDir dir;
        DoorStore store(dir.filePath("door.sqlite"));
        auto synced = page();
        synced.tickets.push_back({ticketId(7), kStanding, "Анна Каренина", "valid", false});
        QVERIFY(store.apply(synced));
        QCOMPARE(int(store.searchByName("анна", 10).size()), 1);
        QCOMPARE(int(store.searchByName("GUEST", 10).size()), 6);
        QCOMPARE(int(store.searchByName("guest", 2).size()), 2);
        QVERIFY(store.searchByName("guest 2", 10).at(0).checkedIn);
        QVERIFY(store.searchByName("nobody", 10).empty());
        QVERIFY(store.reset());
        QCOMPARE(store.ticketCount(), 0);
        QVERIFY(!store.list());
    }
};

QTEST_GUILESS_MAIN(TestDoorStore)
#include "test_doorstore.moc"
