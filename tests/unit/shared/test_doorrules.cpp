// judgeScan, one row per reason and per rule: the server and an offline kiosk decide with it, so
// its order of checks and its entry and exit rules are the door's behaviour (architecture §6).
#include "sbor/doorrules.h"

#include <QtTest>

#include <functional>
#include <string>
#include <vector>

using namespace sbor;

namespace {

constexpr std::int64_t kNow = 1'800'000'000'000'000; // unix microseconds

// A readable, signed, current ticket inside its window on a single-entry list that allows its
// type: admitted. Each row changes what it needs.
DoorFacts admissible()
{
    DoorFacts facts;
    facts.codeReadable = true;
    facts.sameEventPrefix = true;
    facts.signatureValid = true;
    facts.ticketFound = true;
    facts.codeCurrent = true;
    facts.now = kNow;
    facts.validFrom = kNow - 3'600'000'000;
    facts.validUntil = kNow + 3'600'000'000;
    facts.typeAllowed = true;
    facts.kind = ScanKind::Entry;
    facts.scannedBy = "kiosk-a";
    return facts;
}

Admission admission(ScanKind kind, std::string scanId, std::string scannedBy = "kiosk-a")
{
    Admission entry;
    entry.kind = kind;
    entry.at = kNow - 60'000'000;
    entry.listId = "list";
    entry.scannedBy = std::move(scannedBy);
    entry.scanId = std::move(scanId);
    return entry;
}

struct Row {
    const char* name;
    std::function<void(DoorFacts&)> change;
    const char* result;
    const char* previousScanId = nullptr; // already_redeemed names the first admission
};

const std::vector<Row>& rows()
{
    static const std::vector<Row> table = {
        {"admissible", [](DoorFacts&) {}, "ok"},
        // Each reason on its own.
        {"unreadable code", [](DoorFacts& f) { f.codeReadable = false; }, "unknown_ticket"},
        {"another event's code", [](DoorFacts& f) { f.sameEventPrefix = false; }, "wrong_event"},
        {"bad signature", [](DoorFacts& f) { f.signatureValid = false; }, "invalid_signature"},
        {"no such ticket", [](DoorFacts& f) { f.ticketFound = false; }, "unknown_ticket"},
        {"cancelled", [](DoorFacts& f) { f.cancelled = true; }, "cancelled"},
        {"on the revocation list", [](DoorFacts& f) { f.revoked = true; }, "revoked"},
        {"a replaced code", [](DoorFacts& f) { f.codeCurrent = false; }, "revoked"},
        {"blocked", [](DoorFacts& f) { f.blocked = true; }, "blocked"},
        {"before its window", [](DoorFacts& f) { f.now = f.validFrom - 1; }, "too_early"},
        {"after its window", [](DoorFacts& f) { f.now = f.validUntil + 1; }, "too_late"},
        {"type not on the list", [](DoorFacts& f) { f.typeAllowed = false; }, "not_allowed_on_list"},
        // The window's edges belong to it.
        {"at the window's first microsecond", [](DoorFacts& f) { f.now = f.validFrom; }, "ok"},
        {"at the window's last microsecond", [](DoorFacts& f) { f.now = f.validUntil; }, "ok"},
        // The order of the checks: the earlier reason wins.
        {"unreadable beats everything",
         [](DoorFacts& f) {
             f.codeReadable = false;
             f.sameEventPrefix = false;
             f.signatureValid = false;
             f.cancelled = true;
         },
         "unknown_ticket"},
        {"wrong event beats a bad signature",
         [](DoorFacts& f) {
             f.sameEventPrefix = false;
             f.signatureValid = false;
         },
         "wrong_event"},
        {"a bad signature beats a missing ticket",
         [](DoorFacts& f) {
             f.signatureValid = false;
             f.ticketFound = false;
         },
         "invalid_signature"},
        {"cancelled beats revoked",
         [](DoorFacts& f) {
             f.cancelled = true;
             f.revoked = true;
         },
         "cancelled"},
        {"revoked beats blocked",
         [](DoorFacts& f) {
             f.revoked = true;
             f.blocked = true;
         },
         "revoked"},
        {"blocked beats the window",
         [](DoorFacts& f) {
             f.blocked = true;
             f.now = f.validUntil + 1;
         },
         "blocked"},
        {"the window beats the list",
         [](DoorFacts& f) {
             f.now = f.validFrom - 1;
             f.typeAllowed = false;
         },
         "too_early"},
        {"the list beats an earlier admission",
         [](DoorFacts& f) {
             f.typeAllowed = false;
             f.admissions = {admission(ScanKind::Entry, "s1")};
         },
         "not_allowed_on_list"},
        // Single entry.
        {"second entry", [](DoorFacts& f) { f.admissions = {admission(ScanKind::Entry, "s1")}; }, "already_redeemed",
         "s1"},
        {"third entry names the first",
         [](DoorFacts& f) {
             f.admissions = {admission(ScanKind::Entry, "s1"), admission(ScanKind::Entry, "s2", "kiosk-b")};
         },
         "already_redeemed", "s1"},
        {"back in after leaving, exits allowed",
         [](DoorFacts& f) {
             f.exitsAllowed = true;
             f.admissions = {admission(ScanKind::Entry, "s1"), admission(ScanKind::Exit, "s2")};
         },
         "ok"},
        {"back in after leaving, exits not allowed",
         [](DoorFacts& f) {
             f.admissions = {admission(ScanKind::Entry, "s1"), admission(ScanKind::Exit, "s2")};
         },
         "already_redeemed", "s1"},
        {"only an exit before", [](DoorFacts& f) { f.admissions = {admission(ScanKind::Exit, "s1")}; }, "ok"},
        // Multi-entry lists let anyone in again.
        {"multi-entry, again",
         [](DoorFacts& f) {
             f.multiEntry = true;
             f.admissions = {admission(ScanKind::Entry, "s1")};
         },
         "ok"},
        // Exits.
        {"exit where exits are not allowed",
         [](DoorFacts& f) {
             f.kind = ScanKind::Exit;
             f.admissions = {admission(ScanKind::Entry, "s1")};
         },
         "not_allowed_on_list"},
        {"exit from a multi-entry list",
         [](DoorFacts& f) {
             f.kind = ScanKind::Exit;
             f.exitsAllowed = true;
             f.multiEntry = true;
         },
         "ok"},
        {"exit by someone never inside",
         [](DoorFacts& f) {
             f.kind = ScanKind::Exit;
             f.exitsAllowed = true;
         },
         "not_allowed_on_list"},
        {"exit twice",
         [](DoorFacts& f) {
             f.kind = ScanKind::Exit;
             f.exitsAllowed = true;
             f.admissions = {admission(ScanKind::Entry, "s1"), admission(ScanKind::Exit, "s2")};
         },
         "not_allowed_on_list"},
        {"exit by someone inside",
         [](DoorFacts& f) {
             f.kind = ScanKind::Exit;
             f.exitsAllowed = true;
             f.admissions = {admission(ScanKind::Entry, "s1")};
         },
         "ok"},
        {"offline exit after this scanner's entry",
         [](DoorFacts& f) {
             f.kind = ScanKind::Exit;
             f.exitsAllowed = true;
             f.offline = true;
             f.admissions = {admission(ScanKind::Entry, "s1", "kiosk-a")};
         },
         "ok"},
        {"offline exit after another scanner's entry",
         [](DoorFacts& f) {
             f.kind = ScanKind::Exit;
             f.exitsAllowed = true;
             f.offline = true;
             f.admissions = {admission(ScanKind::Entry, "s1", "kiosk-b")};
         },
         "not_allowed_on_list"},
        {"an exit is still checked for validity",
         [](DoorFacts& f) {
             f.kind = ScanKind::Exit;
             f.exitsAllowed = true;
             f.revoked = true;
             f.admissions = {admission(ScanKind::Entry, "s1")};
         },
         "revoked"},
    };
    return table;
}

} // namespace

class TestDoorRules : public QObject {
    Q_OBJECT
private slots:
    void judgeScanDecides_data()
    {
        QTest::addColumn<int>("row");
        for (int index = 0; index < static_cast<int>(rows().size()); ++index)
            QTest::newRow(rows()[index].name) << index;
    }

    void judgeScanDecides()
    {
        QFETCH(int, row);
        const Row& expected = rows()[static_cast<std::size_t>(row)];
        DoorFacts facts = admissible();
        expected.change(facts);
        const DoorVerdict verdict = judgeScan(facts);
        QCOMPARE(std::string(doorResultName(verdict.result)), std::string(expected.result));
        if (expected.previousScanId) {
            QVERIFY(verdict.previous.has_value());
            QCOMPARE(verdict.previous->scanId, std::string(expected.previousScanId));
        } else {
            QVERIFY(!verdict.previous.has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestDoorRules)
#include "test_doorrules.moc"
