// The check-in kiosk, rendered offscreen, against a real sbor-server: enrollment with a code,
// a generated QR image scanned (green), again (amber), a forged one (red); the server stopped,
// two tickets scanned (offline banner, queue of 2), the kiosk restarted (the queue kept), the
// server back (the queue drains, the server has both check-ins); search and check-in, undo, the
// keyboard wedge, both languages and both screen sizes. Every screen reached is saved as a PNG
// in screenshots/kiosk/ of the build tree, to be looked at.

#include "apiclient.h"
#include "authapi.h"
#include "clientawait.h"
#include "doorscenario.h"
#include "kioskapp.h"
#include "qrdecoding.h"
#include "sborapi.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QDir>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace sbor::test;
using sbor::client::ApiClient;
using sbor::client::SborApi;
using sbor::kiosk::DoorController;
using sbor::kiosk::KioskApp;
using sbor::kiosk::KioskOptions;
namespace wire = sbor::wire;

namespace {

// Types `text` into the window key by key, `delayMs` apart. (QTest::keyClicks is for widgets, and
// Qt 6.4's keyClick on a window takes its delay argument as a repeat count, so we wait ourselves.)
void typeInto(QWindow* window, const QString& text, int delayMs)
{
    for (const QChar character : text) {
        if (delayMs > 0)
            QTest::qWait(delayMs);
        QTest::keyClick(window, character.toLatin1());
    }
}

DoorController::Settings fastDoor()
{
    DoorController::Settings settings;
    settings.onlineTimeoutMs = 1500;
    settings.probeIntervalMs = 500;
    settings.syncIntervalMs = 2000;
    settings.verdictMs = 60000;       // the test dismisses verdicts itself
    settings.duplicateWindowMs = 800; // the real 3 s, shortened; its own step checks it
    return settings;
}

} // namespace

class TestKiosk : public QObject {
    Q_OBJECT

private:
    QString screenshot(KioskApp& app, const QString& name)
    {
        QQuickWindow* window = app.window();
        QTest::qWait(150); // let animations and bindings settle
        const QImage image = window->grabWindow();
        const QString path = QDir(SBOR_SCREENSHOT_DIR).filePath(name + ".png");
        if (!image.save(path))
            qWarning("could not save %s", qPrintable(path));
        return path;
    }

    std::unique_ptr<KioskApp> openKiosk(const QString& dataDir, QSize size = {1024, 600},
                                        const QString& language = "en")
    {
        KioskOptions options;
        options.dataDir = dataDir;
        options.windowed = true;
        options.size = size;
        options.language = language;
        options.liveUrl = QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(m_livePort);
        auto app = std::make_unique<KioskApp>(options, fastDoor());
        if (!app->start())
            return nullptr;
        return app;
    }

    QString ticketImage(const wire::Ticket& ticket)
    {
        // The server's own QR image of the ticket, as the attendee's email carries it.
        const auto png = await(m_organizerApi->ticketQrPng(QString::fromStdString(ticket.id), 8));
        if (!png.ok())
            return {};
        const QString path = m_files.filePath(QString::fromStdString(ticket.id) + ".png");
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(*png);
        return path;
    }

    QString issueEnrollmentCode(const QString& name)
    {
        const auto issued = await(m_organizerApi->createEnrollment(m_eventId, m_listId, name));
        return issued.ok() ? QString::fromStdString(issued->code) : QString();
    }

    void awaitVerdict(KioskApp& app, const QString& tone, const QString& result)
    {
        QTRY_VERIFY_WITH_TIMEOUT(app.door().verdict().isShown(), 10000);
        QCOMPARE(app.door().verdict().result, result);
        QCOMPARE(app.door().verdict().tone, tone);
    }

    int serverCheckIns(const wire::Ticket& ticket)
    {
        return m_database.count("FROM tickets.scans WHERE ticket_id = '" + ticket.id +
                                "' AND result = 'ok' AND kind = 'entry' AND annulled_at IS NULL");
    }

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle("Material");
        QDir().mkpath(SBOR_SCREENSHOT_DIR);
        QVERIFY2(m_database.valid(), m_database.problem().c_str());
        QVERIFY(m_files.isValid() && m_kioskData.isValid());
        // Fixed ports: the server is stopped and started again where the kiosk knows it.
        TestServer::Options options;
        options.httpPort = freeLoopbackPort();
        m_livePort = freeLoopbackPort();
        options.arguments = {"--db-url", m_database.url(), "--live", QStringLiteral("127.0.0.1:%1").arg(m_livePort)};
        TestServer::applyTestDefaults(options.environment);
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->logs()));

        AuthApi auth(*m_server, m_http);
        const SignedInUser organizer = auth.signUpOrganizer("door-organizer");
        QVERIFY(!organizer.id.isEmpty());
        m_organizerClient = std::make_unique<ApiClient>(ApiClient::Settings{m_server->url("/"), 10000, 3, 50});
        m_organizerApi = std::make_unique<SborApi>(*m_organizerClient);
        SBOR_REQUIRE_OK(await(m_organizerApi->login(organizer.email, kTestPassword)));
        const auto door = openDoor(
            *m_organizerApi,
            {"Jazz at the Old Mill",
             "Main entrance",
             true,
             {"Мария Иванова", "Alexei Smirnov", "Olga Petrova", "Dmitri Volkov", "Anna Kuznetsova"}});
        QVERIFY(door);
        m_door = *door;
        m_eventId = door->eventId;
        m_listId = door->listId;
        m_tickets = door->tickets;
        QCOMPARE(int(m_tickets.size()), 5);
        for (const auto& ticket : m_tickets) {
            m_images << ticketImage(ticket);
            QVERIFY(!m_images.last().isEmpty());
        }
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->process().state() == QProcess::Running)
            QCOMPARE(m_server->stop(), 0);
    }

    void enrollThenScanGreenAmberRed()
    {
        auto app = openKiosk(m_kioskData.filePath("door"));
        QVERIFY(app);
        QVERIFY(!app->door().isEnrolled());
        screenshot(*app, "01-enroll");

        // A wrong code is refused in plain words, and nothing is stored.
        app->door().enrollment()->enroll(m_server->url("/").toString(), "NOT-A-CODE", "2468");
        QTRY_VERIFY_WITH_TIMEOUT(!app->door().enrollment()->error().isEmpty(), 10000);
        QVERIFY(!app->door().isEnrolled());
        screenshot(*app, "02-enroll-refused");

        const QString code = issueEnrollmentCode("Gate A");
        QVERIFY(!code.isEmpty());
        app->door().enrollment()->enroll(m_server->url("/").toString(), code, "2468");
        QTRY_VERIFY_WITH_TIMEOUT(app->door().isEnrolled(), 10000);
        QCOMPARE(app->door().eventTitle(), QStringLiteral("Jazz at the Old Mill"));
        QCOMPARE(app->door().listName(), QStringLiteral("Main entrance"));
        QTRY_COMPARE_WITH_TIMEOUT(app->door().counters()->expected(), 5, 10000); // the copy is synced
        QVERIFY(app->door().pinSet());
        QVERIFY(app->door().checkPin("2468"));
        QVERIFY(!app->door().checkPin("1111"));
        screenshot(*app, "03-ready");

        QSignalSpy shown(&app->door(), &DoorController::verdictShown);
        const QString first = m_images[0];
        QVERIFY(app->door().scanImageFile(first));
        awaitVerdict(*app, "admitted", "ok");
        QCOMPARE(app->door().verdict().holderName, QStringLiteral("Мария Иванова"));
        QCOMPARE(app->door().verdict().ticketType, QStringLiteral("Standing"));
        QCOMPARE(app->door().verdict().offline, false);
        QCOMPARE(serverCheckIns(m_tickets[0]), 1);
        screenshot(*app, "04-admitted");

        // The same code again at once is the same scan (a scanner's double read): ignored.
        QSignalSpy ignored(&app->door(), &DoorController::scanIgnored);
        app->door().dismissVerdict();
        QVERIFY(app->door().scanImageFile(first));
        QCOMPARE(ignored.count(), 1);
        QCOMPARE(ignored.at(0).at(0).toString(), QStringLiteral("repeat"));
        QVERIFY(!app->door().verdict().isShown());

        // After the window: already checked in — amber, with when and where.
        QTest::qWait(900);
        QVERIFY(app->door().scanImageFile(first));
        awaitVerdict(*app, "warning", "already_redeemed");
        QVERIFY(app->door().verdict().detail.contains("this kiosk"));
        QCOMPARE(serverCheckIns(m_tickets[0]), 1);
        screenshot(*app, "05-already-checked-in");

        // A forged code: right shape, wrong signature — red.
        app->door().dismissVerdict();
        std::string forged = m_tickets[1].code;
        forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
        const QString forgedPath = m_files.filePath("forged.png");
        QVERIFY(renderQr(QString::fromStdString(forged)).save(forgedPath));
        QVERIFY(app->door().scanImageFile(forgedPath));
        awaitVerdict(*app, "refused", "invalid_signature");
        screenshot(*app, "06-forged");

        // Another system's barcode is not sent anywhere: refused on the spot.
        app->door().dismissVerdict();
        const QString alien = m_files.filePath("alien.png");
        QVERIFY(renderQr("https://example.org/not-a-ticket").save(alien));
        QVERIFY(app->door().scanImageFile(alien));
        awaitVerdict(*app, "refused", "unknown_ticket");
        QCOMPARE(ignored.last().at(0).toString(), QStringLiteral("not_a_ticket_code"));
        QVERIFY(shown.count() >= 4);
        QCOMPARE(app->feedback().played(), int(shown.count()));
        app->door().dismissVerdict();
        QTRY_COMPARE_WITH_TIMEOUT(app->door().counters()->checkedIn(), 1, 10000);
    }

    void offlineScansQueueAndDrain()
    {
        auto app = openKiosk(m_kioskData.filePath("door"));
        QVERIFY(app);
        QVERIFY(app->door().isEnrolled()); // the enrollment survived the restart
        QTRY_VERIFY_WITH_TIMEOUT(app->door().sync()->isOnline(), 10000);

        QCOMPARE(m_server->stop(), 0);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(app->door().scanImageFile(m_images[1]));
        awaitVerdict(*app, "admitted", "ok");
        QVERIFY2(clock.elapsed() < 3000, "the guest waited for the network");
        QVERIFY(app->door().verdict().offline);
        QCOMPARE(app->door().verdict().holderName, QStringLiteral("Alexei Smirnov"));
        QVERIFY(!app->door().sync()->isOnline());
        app->door().dismissVerdict();
        QVERIFY(app->door().scanImageFile(m_images[2]));
        awaitVerdict(*app, "admitted", "ok");
        screenshot(*app, "07-offline-admitted");
        app->door().dismissVerdict();
        QCOMPARE(app->door().sync()->queueLength(), 2);
        // Offline, the copy still knows who is in: the first ticket again is amber.
        QTest::qWait(900);
        QVERIFY(app->door().scanImageFile(m_images[0]));
        awaitVerdict(*app, "warning", "already_redeemed");
        app->door().dismissVerdict();
        QCOMPARE(app->door().sync()->queueLength(), 3);
        QQuickItem* banner = app->window()->findChild<QQuickItem*>("offlineBanner");
        QVERIFY(banner && banner->isVisible());
        QCOMPARE(app->door().counters()->checkedIn(), 3);
        screenshot(*app, "08-offline-queue");

        // The kiosk restarts while offline: the queue is still there.
        app.reset();
        app = openKiosk(m_kioskData.filePath("door"));
        QVERIFY(app);
        QCOMPARE(app->door().sync()->queueLength(), 3);

        // The server comes back: the kiosk notices by itself, uploads, and is online again.
        QVERIFY2(m_server->start(), qPrintable(m_server->logs()));
        QTRY_VERIFY_WITH_TIMEOUT(app->door().sync()->isOnline(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(app->door().sync()->queueLength(), 0, 15000);
        QCOMPARE(serverCheckIns(m_tickets[1]), 1);
        QCOMPARE(serverCheckIns(m_tickets[2]), 1);
        QCOMPARE(serverCheckIns(m_tickets[0]), 1); // the amber scan admitted nobody
        QCOMPARE(app->door().conflicts()->rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(app->door().counters()->checkedIn(), 3, 10000);
        screenshot(*app, "09-back-online");
    }

    void anOfflineAdmissionTheServerRefusesIsShownAsAConflict()
    {
        auto app = openKiosk(m_kioskData.filePath("door"));
        QVERIFY(app);
        QTRY_VERIFY_WITH_TIMEOUT(app->door().sync()->isOnline(), 10000);
        QCOMPARE(m_server->stop(), 0);
        // Offline, this kiosk admits ticket 4 …
        QVERIFY(app->door().scanImageFile(m_images[3]));
        awaitVerdict(*app, "admitted", "ok");
        app->door().dismissVerdict();
        // … while another entrance admitted it online.
        QVERIFY2(m_server->start(), qPrintable(m_server->logs()));
        const QString code = issueEnrollmentCode("Gate B");
        auto otherClient = std::make_unique<ApiClient>(ApiClient::Settings{m_server->url("/"), 10000, 3, 50});
        SborApi other(*otherClient);
        SBOR_REQUIRE_OK(await(other.enrollDevice(code)));
        const auto elsewhere = await(other.redeem({m_tickets[3].code, m_listId.toStdString(), "gate-b-1", std::nullopt,
                                                   wire::ScanKind::Entry, std::nullopt}));
        SBOR_REQUIRE_OK(elsewhere);
        // Depending on who reaches the server first, the conflict is the upload's or the other gate's.
        QTRY_COMPARE_WITH_TIMEOUT(app->door().sync()->queueLength(), 0, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(app->door().conflicts()->rowCount() > 0, 15000);
        QCOMPARE(app->door().conflicts()->at(0).holderName, QStringLiteral("Dmitri Volkov"));
        screenshot(*app, "10-conflict");
    }

    void searchCheckInAndUndo()
    {
        auto app = openKiosk(m_kioskData.filePath("door"));
        QVERIFY(app);
        QTRY_VERIFY_WITH_TIMEOUT(app->door().sync()->isOnline(), 10000);
        const int before = app->door().counters()->checkedIn();
        // Staff open the search and type a name, as at the door.
        QMetaObject::invokeMethod(app->window()->findChild<QObject*>("searchButton"), "clicked");
        QObject* panel = app->window()->findChild<QObject*>("searchPanel");
        QVERIFY(panel);
        QTRY_VERIFY(panel->property("opened").toBool());
        QObject* field = app->window()->findChild<QObject*>("searchField");
        QVERIFY(field);
        field->setProperty("text", "Anna");
        QTRY_COMPARE_WITH_TIMEOUT(app->door().guestSearch()->results()->rowCount(), 1, 10000);
        const sbor::kiosk::SearchResult hit = app->door().guestSearch()->results()->at(0);
        QCOMPARE(hit.holderName, QStringLiteral("Anna Kuznetsova"));
        QCOMPARE(hit.checkedIn, false);
        screenshot(*app, "11-search");
        app->door().checkInTicket(hit.ticketId);
        awaitVerdict(*app, "admitted", "ok");
        QCOMPARE(app->door().verdict().holderName, QStringLiteral("Anna Kuznetsova"));
        QCOMPARE(serverCheckIns(m_tickets[4]), 1);
        app->door().dismissVerdict();

        // A mistaken admission is taken back.
        QVERIFY(app->door().canUndo());
        app->door().undoLastAdmission();
        QTRY_COMPARE_WITH_TIMEOUT(app->door().verdict().result, QStringLiteral("annulled"), 10000);
        QCOMPARE(serverCheckIns(m_tickets[4]), 0);
        QVERIFY(!app->door().canUndo());
        QTRY_COMPARE_WITH_TIMEOUT(app->door().counters()->checkedIn(), before, 10000);
        app->door().dismissVerdict();

        // Offline, the search looks in the copy.
        QCOMPARE(m_server->stop(), 0);
        app->door().sync()->now();
        QTRY_VERIFY_WITH_TIMEOUT(!app->door().sync()->isOnline(), 10000);
        app->door().guestSearch()->find("олга"); // case-folded, Cyrillic: no hit, but no crash either
        app->door().guestSearch()->find("olga");
        QTRY_COMPARE_WITH_TIMEOUT(app->door().guestSearch()->results()->rowCount(), 1, 5000);
        QVERIFY(app->door().guestSearch()->results()->at(0).offline);
        QVERIFY2(m_server->start(), qPrintable(m_server->logs()));
        QTRY_VERIFY_WITH_TIMEOUT(app->door().sync()->isOnline(), 15000);
    }

    void theKeyboardWedgeTellsScannersFromPeople()
    {
        auto app = openKiosk(m_kioskData.filePath("door"));
        QVERIFY(app);
        QTRY_VERIFY_WITH_TIMEOUT(app->door().sync()->isOnline(), 10000);
        QSignalSpy scans(&app->wedge(), &sbor::kiosk::KeyboardWedge::scanned);
        QQuickWindow* window = app->window();
        window->requestActivate();
        // A person typing: slow keys, nothing happens.
        typeInto(window, "ABCDEF", 120);
        QTest::keyClick(window, Qt::Key_Return);
        QVERIFY2(scans.isEmpty(), scans.isEmpty() ? "" : qPrintable(scans.at(0).at(0).toString()));
        // A scanner: the whole code within milliseconds, then Enter — lower case too (Caps Lock).
        // No wait between the keys: a wait lets the event loop run, and on a loaded machine one
        // slow turn of it splits the burst, so the test would judge the machine, not the filter.
        const QString code = QString::fromStdString(m_tickets[4].code).toLower();
        typeInto(window, code, 0);
        QTest::keyClick(window, Qt::Key_Return);
        QCOMPARE(scans.count(), 1);
        QCOMPARE(scans.at(0).at(0).toString(), code);
        awaitVerdict(*app, "admitted", "ok");
        app->door().dismissVerdict();
        // A scanner that sends no Enter: the pause ends it.
        QTest::qWait(900);
        typeInto(window, code, 0);
        QTRY_COMPARE_WITH_TIMEOUT(scans.count(), 2, 2000);
        QCOMPARE(scans.at(1).at(0).toString(), code);
        awaitVerdict(*app, "warning", "already_redeemed");
    }

    void enrollingByScanningTheOrganizersQr()
    {
        // The organizer's app shows the handshake as a QR; the kiosk reads it with the scanner.
        QTemporaryDir fresh;
        auto app = openKiosk(fresh.path());
        QVERIFY(app);
        const auto issued = await(m_organizerApi->createEnrollment(m_eventId, m_listId, "Gate C"));
        SBOR_REQUIRE_OK(issued);
        const QString path = m_files.filePath("handshake.png");
        QVERIFY(renderQr(QString::fromStdString(issued->handshakeText)).save(path));
        QVERIFY(app->door().scanImageFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(app->door().isEnrolled(), 10000);
        QCOMPARE(app->door().serverUrl(), QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
        QVERIFY(!app->door().pinSet());
    }

    void countersFollowTheLiveFeed()
    {
        // A kiosk that would not sync on its own for ten minutes still sees another gate's
        // admission within seconds: the live feed tells it.
        KioskOptions options;
        options.dataDir = m_kioskData.filePath("door");
        options.windowed = true;
        options.liveUrl = QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(m_livePort);
        DoorController::Settings slow = fastDoor();
        slow.syncIntervalMs = 600000;
        KioskApp app(options, slow);
        QVERIFY(app.start());
        QTRY_VERIFY_WITH_TIMEOUT(app.door().sync()->isOnline() && !app.door().sync()->lastSync().isEmpty(), 10000);
        const int before = app.door().counters()->checkedIn();
        QTest::qWait(500); // the live subscription is in place
        auto otherClient = std::make_unique<ApiClient>(ApiClient::Settings{m_server->url("/"), 10000, 3, 50});
        SborApi other(*otherClient);
        SBOR_REQUIRE_OK(await(other.enrollDevice(issueEnrollmentCode("Gate D"))));
        // A ticket sold now, admitted at the other gate: both the expected and the admitted count move.
        const int expected = app.door().counters()->expected();
        const auto sold = sellTicket(*m_organizerApi, m_door, "Late Guest");
        QVERIFY(sold);
        QTRY_COMPARE_WITH_TIMEOUT(app.door().counters()->expected(), expected + 1, 5000);
        const auto admitted = await(other.redeem(
            {sold->code, m_listId.toStdString(), "gate-d-1", std::nullopt, wire::ScanKind::Entry, std::nullopt}));
        SBOR_REQUIRE_OK(admitted);
        QCOMPARE(admitted->result, std::string("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(app.door().counters()->checkedIn(), before + 1, 5000);
    }

    void aConflictFromTheLiveFeedIsShownAtOnce()
    {
        // A staff member's phone (a person: no device) admits a guest; moments later the same code
        // — a shared screenshot — comes to this kiosk. Amber here, and the server reports a
        // conflict on the live feed whose first scan has no device id: shown at once, and the
        // kiosk keeps running.
        auto app = openKiosk(m_kioskData.filePath("door"));
        QVERIFY(app);
        QTRY_VERIFY_WITH_TIMEOUT(app->door().sync()->isOnline() && !app->door().sync()->lastSync().isEmpty(), 10000);
        QTest::qWait(500); // the live subscription is in place
        const auto sold = sellTicket(*m_organizerApi, m_door, "Copied Code");
        QVERIFY(sold);
        const auto first = await(m_organizerApi->redeem(
            {sold->code, m_listId.toStdString(), "phone-1", std::nullopt, wire::ScanKind::Entry, std::nullopt}));
        SBOR_REQUIRE_OK(first);
        QCOMPARE(first->result, std::string("ok"));
        const QString image = m_files.filePath("copied.png");
        QVERIFY(renderQr(QString::fromStdString(sold->code)).save(image));
        QVERIFY(app->door().scanImageFile(image));
        awaitVerdict(*app, "warning", "already_redeemed");
        QVERIFY(app->door().verdict().detail.contains("another entrance") ||
                app->door().verdict().detail.contains("another kiosk"));
        QTRY_VERIFY_WITH_TIMEOUT(app->door().conflicts()->rowCount() > 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(app->door().conflicts()->at(0).holderName, QStringLiteral("Copied Code"), 5000);
        app->door().dismissVerdict();
    }

    void settingsAreBehindThePin()
    {
        auto app = openKiosk(m_kioskData.filePath("door"));
        QVERIFY(app);
        QQuickWindow* window = app->window();
        QMetaObject::invokeMethod(window->findChild<QObject*>("settingsButton"), "clicked");
        QObject* pad = window->findChild<QObject*>("pinPad");
        QObject* settings = window->findChild<QObject*>("settingsPanel");
        QVERIFY(pad && settings);
        QTRY_VERIFY(pad->property("opened").toBool());
        const auto press = [pad](const QString& key) { QMetaObject::invokeMethod(pad, "press", Q_ARG(QVariant, key)); };
        for (const QString key : {"1", "1", "1", "1", "OK"})
            press(key);
        QVERIFY(pad->property("wrong").toBool());
        QVERIFY(!settings->property("opened").toBool());
        screenshot(*app, "16-pin-wrong");
        for (const QString key : {"2", "4", "6", "8", "OK"})
            press(key);
        QTRY_VERIFY(settings->property("opened").toBool());
        screenshot(*app, "17-settings");
    }

    void russianAndFullHd()
    {
        auto app = openKiosk(m_kioskData.filePath("door"), {1920, 1080}, "ru");
        QVERIFY(app);
        QTRY_VERIFY_WITH_TIMEOUT(app->door().sync()->isOnline(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app->door().counters()->checkedIn() > 0, 10000);
        screenshot(*app, "12-ready-ru-1920x1080");
        QVERIFY(app->door().scanImageFile(m_images[1]));
        awaitVerdict(*app, "warning", "already_redeemed");
        QCOMPARE(app->door().verdict().headline, QStringLiteral("Уже прошёл"));
        screenshot(*app, "13-already-ru-1920x1080");
        app->door().dismissVerdict();
        app->setLanguage("en");
        screenshot(*app, "14-ready-en-1920x1080");

        // A fresh kiosk in Russian, on the small screen.
        QTemporaryDir fresh;
        auto blank = openKiosk(fresh.path(), {1024, 600}, "ru");
        QVERIFY(blank);
        screenshot(*blank, "15-enroll-ru");
    }

    void theMainScreensInBothLanguagesAndSizes()
    {
        // For looking at, and for comparing before and after a change to the QML: the screens
        // staff see most, in both languages, at the smallest and the largest supported size.
        for (const QSize size : {QSize(1024, 600), QSize(1920, 1080)}) {
            for (const QString language : {"en", "ru"}) {
                const QString suffix = QStringLiteral("-%1-%2x%3").arg(language).arg(size.width()).arg(size.height());
                QTemporaryDir fresh;
                auto blank = openKiosk(fresh.path(), size, language);
                QVERIFY(blank);
                screenshot(*blank, "20-enroll" + suffix);
                blank.reset();

                auto app = openKiosk(m_kioskData.filePath("door"), size, language);
                QVERIFY(app);
                QTRY_VERIFY_WITH_TIMEOUT(app->door().sync()->isOnline() && !app->door().sync()->lastSync().isEmpty(),
                                         10000);
                screenshot(*app, "21-ready" + suffix);
                QVERIFY(app->door().scanImageFile(m_images[1]));
                awaitVerdict(*app, "warning", "already_redeemed");
                screenshot(*app, "22-verdict" + suffix);
                app->door().dismissVerdict();

                QQuickWindow* window = app->window();
                QMetaObject::invokeMethod(window->findChild<QObject*>("searchButton"), "clicked");
                QObject* search = window->findChild<QObject*>("searchPanel");
                QVERIFY(search);
                QTRY_VERIFY(search->property("opened").toBool());
                window->findChild<QObject*>("searchField")->setProperty("text", "Olga");
                QTRY_COMPARE_WITH_TIMEOUT(app->door().guestSearch()->results()->rowCount(), 1, 10000);
                screenshot(*app, "23-search" + suffix);
                QMetaObject::invokeMethod(search, "close");
                QTRY_VERIFY(!search->property("visible").toBool());

                QMetaObject::invokeMethod(window->findChild<QObject*>("settingsButton"), "clicked");
                QObject* pad = window->findChild<QObject*>("pinPad");
                QObject* settings = window->findChild<QObject*>("settingsPanel");
                QVERIFY(pad && settings);
                QTRY_VERIFY(pad->property("opened").toBool());
                for (const QString key : {"2", "4", "6", "8", "OK"})
                    QMetaObject::invokeMethod(pad, "press", Q_ARG(QVariant, key));
                QTRY_VERIFY(settings->property("opened").toBool());
                screenshot(*app, "24-settings" + suffix);
            }
        }
    }

private:
    TestDatabase m_database;
    std::unique_ptr<TestServer> m_server;
    quint16 m_livePort = 0;
    HttpClient m_http;
    std::unique_ptr<ApiClient> m_organizerClient;
    std::unique_ptr<SborApi> m_organizerApi;
    DoorScenario m_door;
    QString m_eventId;
    QString m_listId;
    std::vector<wire::Ticket> m_tickets;
    QStringList m_images; // the server's QR image of each ticket
    QTemporaryDir m_files;
    QTemporaryDir m_kioskData;
};

QTEST_MAIN(TestKiosk)
#include "test_kiosk.moc"
