// The organizer's desktop app, rendered offscreen, against a real sbor-server: sign in (a wrong
// password first, then with two-factor authentication), my events, an event's workspace; a
// purchase made through the API appears on the dashboard and in orders and attendees without a
// reload; a kiosk is enrolled (its QR read back to the handshake); redeems through the API move
// "checked in" and "inside now"; a ticket admitted at two gates raises a conflict alert; the
// server stops (the banner) and comes back (the app recovers by itself). Widgets are found by
// objectName. Every screen reached is saved under screenshots/organizer/ of the build tree, in
// English and Russian, at 1366×768 and 1920×1080, to be looked at.

#include "app/mainwindow.h"
#include "app/organizerapp.h"
#include "accountsession.h"
#include "signindialog.h"
#include "app/eventworkspace.h"
#include "dashboard/dashboardfigures.h"
#include "dashboard/dashboardpage.h"
#include "door/doorpage.h"
#include "events/eventeditor.h"
#include "events/copyeventdialog.h"
#include "events/eventlistpage.h"
#include "events/schedulepage.h"
#include "events/teampage.h"
#include "events/tickettypesmodel.h"
#include "events/tickettypespage.h"
#include "sales/salestablepage.h"

#include "integrationsuite.h"
#include "messagebar.h"
#include "qrdecoding.h"
#include "salesapi.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QtTest>

#include "auth/totp.h"

#include <sodium.h>

using namespace sbor::test;
using namespace sbor::organizer;

namespace {

QByteArray pngOf(const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace

class TestOrganizer : public IntegrationSuite {
    Q_OBJECT

private:
    QString screenshot(QWidget* window, const QString& name)
    {
        QTest::qWait(200); // layouts, charts and fetched pages settle
        const QImage image = window->grab().toImage();
        const QString path = QDir(SBOR_SCREENSHOT_DIR).filePath(name + ".png");
        if (!image.save(path))
            qWarning("could not save %s", qPrintable(path));
        return path;
    }

    template <typename T> T* find(QWidget* root, const char* name)
    {
        T* found = root->findChild<T*>(name);
        if (!found)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return found;
    }

    QString redeem(const QString& token, const QString& code, const QString& list, const QString& scanId)
    {
        return m_api->post("/api/v1/checkin/redeem", {{"code", code}, {"list_id", list}, {"scan_id", scanId}}, token)
            .json()
            .value("result")
            .toString();
    }

    std::unique_ptr<OrganizerApp> openApp(const QString& language)
    {
        OrganizerApp::Options options;
        options.server = m_server->url("");
        options.liveUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(m_server->livePort()));
        options.language = language;
        options.tryKeptSignIn = false;
        auto app = std::make_unique<OrganizerApp>(options);
        app->start();
        return app;
    }

    bool signIn(OrganizerApp& app, const QString& email, const QString& password)
    {
        sbor::desktop::SignInDialog* dialog = app.signInDialog();
        find<QLineEdit>(dialog, "emailField")->setText(email);
        find<QLineEdit>(dialog, "passwordField")->setText(password);
        find<QCheckBox>(dialog, "keepSignedIn")->setChecked(false);
        QTest::mouseClick(find<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        return QTest::qWaitFor([&] { return app.mainWindow() != nullptr; }, 15000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings of this run only
        QDir().mkpath(SBOR_SCREENSHOT_DIR);
        QVERIFY(sodium_init() >= 0);
        QVERIFY2(startServer(), problem());
        QVERIFY2(signUpOrganizer() && signUpBuyer(), problem());
        // Starts in 12 hours: codes are valid from a day before, so the door works now.
        QVERIFY2(
            publishEvent(m_event, "Open-air festival", 0.5,
                         {{m_general,
                           {{"name", "General admission"},
                            {"price", 0},
                            {"quota", 400},
                            {"max_per_order", 20},
                            {"sales_end", inDays(0.4)}}},
                          {m_vip, {{"name", "VIP"}, {"price", 450000}, {"quota", 40}, {"sales_end", inDays(0.4)}}}}),
            problem());
        m_main = m_api
                     ->post("/api/v1/events/" + m_event + "/checkin-lists",
                            {{"name", "Main gate"}, {"exits_allowed", true}}, m_organizer.accessToken)
                     .json()
                     .value("id")
                     .toString();
        m_side = m_api
                     ->post("/api/v1/events/" + m_event + "/checkin-lists", {{"name", "Side gate"}},
                            m_organizer.accessToken)
                     .json()
                     .value("id")
                     .toString();
        QVERIFY(!m_main.isEmpty() && !m_side.isEmpty());
        // A second event, so "my events" is a list.
        QString other, otherType;
        QVERIFY2(publishEvent(other, "Jazz evening", 40,
                              {{otherType, {{"name", "Seat"}, {"price", 150000}, {"quota", 120}}}}),
                 problem());
        m_sales->createEvent("Winter market (draft)", 60);
    }

    void signInRefusesAWrongPasswordInline()
    {
        auto app = openApp("en");
        sbor::desktop::SignInDialog* dialog = app->signInDialog();
        QVERIFY(dialog);
        dialog->resize(460, 320);
        screenshot(dialog, "01-sign-in");
        find<QLineEdit>(dialog, "emailField")->setText(m_organizer.email);
        find<QLineEdit>(dialog, "passwordField")->setText("not the password");
        QTest::mouseClick(find<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        auto* message = find<sbor::widgets::MessageBar>(dialog, "signInMessage");
        QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), 10000);
        QVERIFY2(message->text().contains("wrong"), qPrintable(message->text()));
        QVERIFY(!app->mainWindow());
        screenshot(dialog, "02-sign-in-wrong-password");
    }

    void signInAsksForTheTwoFactorCode()
    {
        const SignedInUser guarded = m_api->signUpOrganizer("gui-2fa");
        QVERIFY(!guarded.id.isEmpty());
        const auto setup = m_api->post("/api/v1/auth/2fa/setup", {{"password", kTestPassword}}, guarded.accessToken);
        QCOMPARE(setup.status, 200);
        const auto secret = sbor::auth::base32Decode(setup.json().value("secret").toString().toStdString());
        QVERIFY(secret);
        const auto code = [&secret](qint64 offset) {
            return QString::fromStdString(sbor::auth::totpAt(*secret, QDateTime::currentSecsSinceEpoch() + offset));
        };
        QCOMPARE(m_api->post("/api/v1/auth/2fa/enable", {{"code", code(0)}}, guarded.accessToken).status, 200);

        auto app = openApp("en");
        sbor::desktop::SignInDialog* dialog = app->signInDialog();
        dialog->resize(460, 360);
        find<QLineEdit>(dialog, "emailField")->setText(guarded.email);
        find<QLineEdit>(dialog, "passwordField")->setText(kTestPassword);
        QTest::mouseClick(find<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        auto* otp = find<QLineEdit>(dialog, "otpField");
        QTRY_VERIFY_WITH_TIMEOUT(otp->isVisible(), 10000);
        QVERIFY(!app->mainWindow());
        screenshot(dialog, "02b-sign-in-two-factor");
        otp->setText(code(30)); // the next step's: the one just used to enable may not serve again
        QTest::mouseClick(find<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow() != nullptr, 10000);
        QCOMPARE(QString::fromStdString(app->session().user().email), guarded.email);
        // Signing out ends the session on the server too.
        const QString refresh = app->session().client().refreshToken();
        app->session().signOut();
        QTRY_VERIFY_WITH_TIMEOUT(m_api->post("/api/v1/auth/refresh", {{"refresh_token", refresh}}).status == 401,
                                 10000);
    }

    void theWholeDayOfAnOrganizer()
    {
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_organizer.email, kTestPassword));
        MainWindow* window = app->mainWindow();
        window->resize(1366, 768);
        QTRY_VERIFY_WITH_TIMEOUT(window->eventList()->rowCount() == 3, 10000);
        screenshot(window, "03-my-events-1366");

        EventWorkspace* workspace = window->openEvent(m_event, "Open-air festival", "Europe/Moscow");
        DashboardFigures& figures = workspace->dashboard()->figures();
        QTRY_VERIFY_WITH_TIMEOUT(figures.isLoaded(), 10000);
        QCOMPARE(figures.sold(), 0);
        QCOMPARE(figures.capacity(), 440);
        QTRY_VERIFY_WITH_TIMEOUT(app->session().isLiveConnected(), 10000);
        QTest::qWait(300); // the event's topic is subscribed

        // Sold through the API: the dashboard moves without a reload.
        const auto bought = m_api->post("/api/v1/orders", orderBody(m_event, m_general, 12), m_buyer.accessToken);
        QCOMPARE(bought.status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(figures.sold(), 12, 10000);
        const auto vip = m_api->post("/api/v1/orders", orderBody(m_event, m_vip, 2), m_buyer.accessToken);
        QCOMPARE(vip.status, 201);
        QCOMPARE(m_api
                     ->post("/api/v1/payments/" + vip.json().value("order").toObject().value("payment_id").toString() +
                                "/confirm",
                            {{"card_number", "4242 4242 4242 4242"}}, m_buyer.accessToken)
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(figures.sold(), 14, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(figures.revenue(), 900000, 10000);

        // The door: admissions and inside-now move as the API redeems.
        const QJsonArray tickets = bought.json().value("tickets").toArray();
        for (int i = 0; i < 6; ++i)
            QCOMPARE(redeem(m_organizer.accessToken, tickets.at(i).toObject().value("code").toString(), m_main,
                            "gui-" + QString::number(i)),
                     QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(figures.checkedIn(), 6, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(figures.insideNow(), 6, 10000);
        QCOMPARE(m_api
                     ->post("/api/v1/checkin/redeem",
                            {{"code", tickets.at(0).toObject().value("code").toString()},
                             {"list_id", m_main},
                             {"scan_id", "gui-exit"},
                             {"type", "exit"}},
                            m_organizer.accessToken)
                     .json()
                     .value("result")
                     .toString(),
                 QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(figures.insideNow(), 5, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            figures.admissionsPerMinute().values.empty() || figures.admissionsPerMinute().values.back() >= 6, 10000);

        // A conflict: the same ticket admitted again moments later by someone else at the side gate.
        const SignedInUser door = m_api->signUp("gui-door");
        QVERIFY2(addToTeam(m_event, door, "door"), problem());
        QCOMPARE(redeem(door.accessToken, tickets.at(1).toObject().value("code").toString(), m_side, "gui-second"),
                 QStringLiteral("already_redeemed"));
        QTRY_COMPARE_WITH_TIMEOUT(int(figures.conflicts().size()), 1, 10000);
        auto* alert = find<sbor::widgets::MessageBar>(workspace->dashboard(), "conflictAlert");
        QVERIFY2(alert->text().contains("Side gate"), qPrintable(alert->text()));
        screenshot(window, "04-dashboard-1366");
        window->resize(1920, 1080);
        screenshot(window, "05-dashboard-1920");
        window->resize(1366, 768);

        // Orders and attendees, as the API made them.
        workspace->setCurrentWidget(workspace->orders());
        QTRY_COMPARE_WITH_TIMEOUT(workspace->orders()->rowCount(), 2, 10000);
        screenshot(window, "06-orders");
        workspace->setCurrentWidget(workspace->attendees());
        QTRY_COMPARE_WITH_TIMEOUT(workspace->attendees()->rowCount(), 14, 10000);
        auto* search = find<QLineEdit>(workspace->attendees(), "attendeeSearch");
        search->setText("Гость 1"); // server-side, debounced
        QTRY_VERIFY_WITH_TIMEOUT(workspace->attendees()->rowCount() >= 1 && workspace->attendees()->rowCount() < 14,
                                 10000);
        screenshot(window, "07-attendees-search");
        search->clear();

        // A kiosk: enrolled with a QR the kiosk's camera reads back to the handshake.
        workspace->setCurrentWidget(workspace->door());
        QTRY_COMPARE_WITH_TIMEOUT(workspace->door()->listCount(), 2, 10000);
        find<QLineEdit>(workspace->door(), "newKioskName")->setText("Hall A, left");
        QTest::mouseClick(find<QPushButton>(workspace->door(), "enrollKioskButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(workspace->door()->lastEnrollment() != nullptr, 10000);
        EnrollmentDialog* enrollment = workspace->door()->lastEnrollment();
        QTRY_VERIFY_WITH_TIMEOUT(enrollment->isVisible(), 5000);
        const QString decoded = decodeQrPng(pngOf(enrollment->qrImage()));
        QCOMPARE(decoded, enrollment->handshakeText());
        QVERIFY(decoded.contains("sbor.kiosk-enrollment"));
        screenshot(enrollment, "08-enrol-kiosk");
        // The kiosk takes it: it shows in the list.
        const QJsonObject handshake = QJsonDocument::fromJson(decoded.toUtf8()).object();
        const auto enrolled = m_api->post("/api/v1/devices/enroll", {{"code", handshake.value("code").toString()}});
        QCOMPARE(enrolled.status, 201);
        enrollment->accept();
        QTRY_COMPARE_WITH_TIMEOUT(workspace->door()->deviceCount(), 1, 10000);
        // It scans: the dashboard counts it online (it was enrolled after the dashboard loaded).
        QCOMPARE(figures.kiosksOnline(QDateTime::currentDateTimeUtc()), 0);
        QCOMPARE(redeem(enrolled.json().value("device_token").toString(),
                        tickets.at(6).toObject().value("code").toString(),
                        enrolled.json().value("list").toObject().value("id").toString(), "kiosk-first"),
                 QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(figures.kiosksOnline(QDateTime::currentDateTimeUtc()), 1, 10000);
        QCOMPARE(int(figures.kiosks().size()), 1);
        QCOMPARE(figures.kiosks().front().name, QStringLiteral("Hall A, left"));
        // A minute of silence later it no longer counts.
        QCOMPARE(
            figures.kiosksOnline(QDateTime::currentDateTimeUtc().addSecs(DashboardFigures::kOnlineWithinSeconds + 5)),
            0);
        screenshot(window, "09-door");

        // Settings: a server refusal appears next to its field.
        workspace->setCurrentWidget(workspace->editor());
        auto* title = find<QLineEdit>(workspace->editor(), "titleField");
        QTRY_VERIFY_WITH_TIMEOUT(title->text() == "Open-air festival", 10000);
        title->setText("   ");
        QTest::mouseClick(find<QPushButton>(workspace->editor(), "saveEventButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!workspace->editor()->fieldProblem("title").isEmpty(), 10000);
        screenshot(window, "10-settings-inline-problem");
        title->setText("Open-air festival");

        // The server goes away: the banner; what is shown stays. It comes back: the app recovers.
        const quint16 httpPort = m_server->port();
        const quint16 livePort = m_server->livePort();
        QCOMPARE(m_server->stop(), 0);
        workspace->setCurrentWidget(workspace->dashboard());
        QAction* reload = window->findChild<QAction*>("reloadAction");
        QVERIFY(reload);
        QCOMPARE(reload->shortcut(), QKeySequence(QKeySequence::Refresh));
        reload->trigger();
        auto* banner = window->connectionBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
        QCOMPARE(figures.sold(), 14); // still what it was
        screenshot(window, "11-server-unreachable");
        TestServer::Options options;
        options.arguments = QStringList{"--db-url", m_database.url(), "--live",
                                        QStringLiteral("127.0.0.1:%1").arg(livePort)};
        options.httpPort = httpPort;
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->logs()));
        reload->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(app->session().isLiveConnected(), 30000);
        m_api = std::make_unique<AuthApi>(*m_server, m_client);
        const SignedInUser buyer = m_api->signIn(m_buyer.email);
        m_organizer = m_api->signIn(m_organizer.email); // the tests after this one call the API as the organizer
        QCOMPARE(m_api->post("/api/v1/orders", orderBody(m_event, m_general, 1), buyer.accessToken).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(figures.sold(), 15, 15000);
        screenshot(window, "12-recovered");
    }

    void anEventMadeInTheApp()
    {
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_organizer.email, kTestPassword));
        MainWindow* window = app->mainWindow();
        window->resize(1366, 768);

        // A new draft from the settings form.
        QAction* create = window->findChild<QAction*>("newEventAction");
        QCOMPARE(create->shortcut(), QKeySequence(QKeySequence::New));
        create->trigger();
        auto* editor = qobject_cast<EventEditor*>(window->tabs()->currentWidget());
        QVERIFY(editor);
        QTRY_VERIFY_WITH_TIMEOUT(find<QComboBox>(editor, "categoryField")->count() > 0, 10000);
        find<QLineEdit>(editor, "titleField")->setText("Spring lecture series");
        find<QLineEdit>(editor, "venueField")->setText("Main hall, 12 Lenina St.");
        find<QPlainTextEdit>(editor, "descriptionField")->setPlainText("Four evenings of talks.");
        QTest::mouseClick(find<QPushButton>(editor, "saveEventButton"), Qt::LeftButton);
        // Qt 6.4's QVERIFY2 reads its message on success too, after the saved draft's editor made
        // way for the workspace (and was deleted): only a guarded pointer may be read there.
        const QPointer<EventEditor> draft(editor);
        const auto draftProblems = [&draft] {
            QString problems;
            for (const char* field : {"starts_at", "ends_at", "category_id", "title", "timezone", "venue"})
                problems += draft ? draft->fieldProblem(field) : QString();
            return problems;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(qobject_cast<EventWorkspace*>(window->tabs()->currentWidget()) != nullptr,
                                  qPrintable(draftProblems()), 10000);
        auto* workspace = qobject_cast<EventWorkspace*>(window->tabs()->currentWidget());
        const QString eventId = workspace->eventId();
        TicketTypesPage* types = workspace->ticketTypes();
        QCOMPARE(workspace->currentWidget(), types); // a new draft goes on to its ticket types

        // Publishing now says what is missing.
        workspace->setCurrentWidget(workspace->editor());
        QTest::mouseClick(find<QPushButton>(workspace->editor(), "publishEventButton"), Qt::LeftButton);
        auto* editorMessage = find<sbor::widgets::MessageBar>(workspace->editor(), "eventEditorMessage");
        QTRY_VERIFY_WITH_TIMEOUT(editorMessage->text().contains("missing"), 10000);

        // Two ticket types, the first name typed into the cell as an organizer would.
        workspace->setCurrentWidget(types);
        QTRY_VERIFY_WITH_TIMEOUT(types->model()->rowCount() == 0 && types->isVisible(), 10000);
        QTest::mouseClick(find<QPushButton>(types, "addTicketTypeButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            QApplication::focusWidget() && types->table()->isAncestorOf(QApplication::focusWidget()), 5000);
        QTest::keyClicks(QApplication::focusWidget(), "Standard");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        TicketTypesModel* model = types->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, TicketTypesModel::Name).data(Qt::EditRole).toString(),
                                  QStringLiteral("Standard"), 5000);
        QVERIFY(model->setData(model->index(0, TicketTypesModel::Price), 1200.0, Qt::EditRole));
        QVERIFY(model->setData(model->index(0, TicketTypesModel::Quota), 300, Qt::EditRole));
        types->addTicketType();
        QVERIFY(model->setData(model->index(1, TicketTypesModel::Name), "Student", Qt::EditRole));
        QVERIFY(model->setData(model->index(1, TicketTypesModel::Price), 400.0, Qt::EditRole));
        QVERIFY(model->setData(model->index(1, TicketTypesModel::Quota), 60, Qt::EditRole));
        QVERIFY(model->setData(model->index(1, TicketTypesModel::MaxPerOrder), 2, Qt::EditRole));
        types->table()->setFocus();
        screenshot(window, "19-ticket-types-new");
        QTest::mouseClick(find<QPushButton>(types, "saveTicketTypesButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!model->hasUnsavedWork(), 10000);
        QVERIFY(!model->idOf(0).isEmpty() && !model->idOf(1).isEmpty());
        const QJsonArray stored = m_api->get("/api/v1/events/" + eventId + "/ticket-types", m_organizer.accessToken)
                                      .json()
                                      .value("items")
                                      .toArray();
        QCOMPARE(stored.size(), 2);
        QMap<QString, QJsonObject> byName;
        for (const auto& type : stored)
            byName.insert(type.toObject().value("name").toString(), type.toObject());
        QCOMPARE(byName.value("Standard").value("price").toInt(), 120000);
        QCOMPARE(byName.value("Standard").value("quota").toInt(), 300);
        QCOMPARE(byName.value("Student").value("max_per_order").toInt(), 2);

        // A programme item; then publish.
        workspace->setCurrentWidget(workspace->schedule());
        SchedulePage* schedule = workspace->schedule();
        QTest::mouseClick(find<QPushButton>(schedule, "addScheduleItemButton"), Qt::LeftButton);
        schedule->table()->item(0, SchedulePage::Title)->setText("Opening talk");
        schedule->table()->item(0, SchedulePage::Speaker)->setText("Anna Smirnova");
        QTest::mouseClick(find<QPushButton>(schedule, "saveScheduleButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!schedule->hasUnsavedWork(), 10000);
        QCOMPARE(m_api->get("/api/v1/events/" + eventId + "/schedule", m_organizer.accessToken)
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 1);
        screenshot(window, "20-programme");
        workspace->setCurrentWidget(workspace->editor());
        QTest::mouseClick(find<QPushButton>(workspace->editor(), "publishEventButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api->get("/api/v1/events/" + eventId, m_organizer.accessToken).json().value("status").toString(),
            QStringLiteral("published"), 10000);

        // The team: door staff by email, seen, and one removed again.
        const SignedInUser door = m_api->signUp("gui-team-door");
        const SignedInUser helper = m_api->signUp("gui-team-co");
        workspace->setCurrentWidget(workspace->team());
        TeamPage* team = workspace->team();
        find<QLineEdit>(team, "teamEmailField")->setText("nobody-" + door.email);
        QTest::mouseClick(find<QPushButton>(team, "addTeamMemberButton"), Qt::LeftButton);
        auto* teamMessage = find<sbor::widgets::MessageBar>(team, "teamMessage");
        QTRY_VERIFY_WITH_TIMEOUT(teamMessage->text().contains("No Sbor account"), 10000);
        QCOMPARE(team->memberCount(), 0);
        find<QLineEdit>(team, "teamEmailField")->setText(door.email);
        QTest::mouseClick(find<QPushButton>(team, "addTeamMemberButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(team->memberCount(), 1, 10000);
        find<QLineEdit>(team, "teamEmailField")->setText(helper.email);
        auto* role = find<QComboBox>(team, "teamRoleField");
        role->setCurrentIndex(role->findData("co_organizer"));
        QTest::mouseClick(find<QPushButton>(team, "addTeamMemberButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(team->memberCount(), 2, 10000);
        const QJsonArray members =
            m_api->get("/api/v1/events/" + eventId + "/team", m_organizer.accessToken).json().value("items").toArray();
        QCOMPARE(members.size(), 2);
        screenshot(window, "21-team");
        auto* teamTable = find<QTableWidget>(team, "teamTable");
        const int doorRow = teamTable->findItems(door.email, Qt::MatchExactly).value(0)->row();
        teamTable->selectRow(doorRow);
        team->removeSelected(true);
        QTRY_COMPARE_WITH_TIMEOUT(team->memberCount(), 1, 10000);
        QCOMPARE(m_api->get("/api/v1/events/" + eventId + "/team", m_organizer.accessToken)
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 1);

        // A gate for students only, open in a window.
        workspace->setCurrentWidget(workspace->door());
        DoorPage* doorPage = workspace->door();
        find<QLineEdit>(doorPage, "newListName")->setText("Students' entrance");
        auto* typeButton = find<QToolButton>(doorPage, "newListTypes");
        QTRY_VERIFY_WITH_TIMEOUT(typeButton->menu()->actions().size() == 2, 10000);
        for (QAction* action : typeButton->menu()->actions())
            action->setChecked(action->text() == "Student");
        find<QCheckBox>(doorPage, "newListHasValidFrom")->setChecked(true);
        QTest::mouseClick(find<QPushButton>(doorPage, "addListButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(doorPage->listCount(), 1, 10000);
        const QJsonObject gate = m_api->get("/api/v1/events/" + eventId + "/checkin-lists", m_organizer.accessToken)
                                     .json()
                                     .value("items")
                                     .toArray()
                                     .at(0)
                                     .toObject();
        QCOMPARE(gate.value("ticket_type_ids").toArray().size(), 1);
        QCOMPARE(gate.value("ticket_type_ids").toArray().at(0).toString(), model->idOf(1));
        QVERIFY(!gate.value("valid_from").toString().isEmpty());
        QVERIFY(gate.value("valid_until").isNull() || gate.value("valid_until").isUndefined());
        screenshot(window, "22-door-gate-window");

        // My events shows sold / capacity; the event is copied into a new draft.
        window->tabs()->setCurrentWidget(window->eventList());
        window->eventList()->reload();
        auto* eventTable = find<QTableView>(window->eventList(), "eventTable");
        QTRY_VERIFY_WITH_TIMEOUT(window->eventList()->rowCount() >= 4, 10000);
        int row = -1;
        for (int i = 0; i < eventTable->model()->rowCount(); ++i)
            if (eventTable->model()->index(i, 0).data().toString() == "Spring lecture series")
                row = i;
        QVERIFY(row >= 0);
        QCOMPARE(eventTable->model()->index(row, 4).data().toString(), QStringLiteral("0 / 360"));
        screenshot(window, "23-my-events-sold");
        eventTable->selectRow(row);
        window->findChild<QAction*>("copyEventAction")->trigger();
        CopyEventDialog* copy = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((copy = window->findChild<CopyEventDialog*>()) && copy->isVisible(), 5000);
        screenshot(copy, "24-copy-event");
        QTest::mouseClick(find<QPushButton>(copy, "copyEventButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<EventWorkspace*>(window->tabs()->currentWidget()) &&
                                     qobject_cast<EventWorkspace*>(window->tabs()->currentWidget())->eventId() !=
                                         eventId,
                                 10000);
        const QString copyId = qobject_cast<EventWorkspace*>(window->tabs()->currentWidget())->eventId();
        const QJsonObject copied = m_api->get("/api/v1/events/" + copyId, m_organizer.accessToken).json();
        QCOMPARE(copied.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(copied.value("title").toString(), QStringLiteral("Spring lecture series (copy)"));
        QCOMPARE(m_api->get("/api/v1/events/" + copyId + "/ticket-types", m_organizer.accessToken)
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 2);
        m_eventsMade += 2;
    }

    void aQuotaBelowWhatIsSoldIsRefusedInTheTable()
    {
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_organizer.email, kTestPassword));
        MainWindow* window = app->mainWindow();
        window->resize(1366, 768);
        EventWorkspace* workspace = window->openEvent(m_event, "Open-air festival", "Europe/Moscow");
        workspace->showTicketTypes();
        TicketTypesPage* types = workspace->ticketTypes();
        TicketTypesModel* model = types->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
        int general = -1;
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->idOf(row) == m_general)
                general = row;
        QVERIFY(general >= 0);
        const int sold = model->index(general, TicketTypesModel::Sold).data().toInt();
        QVERIFY(sold >= 12);
        types->table()->setCurrentIndex(model->index(general, TicketTypesModel::Quota));
        QVERIFY(model->setData(model->index(general, TicketTypesModel::Quota), sold - 2, Qt::EditRole));
        QTest::mouseClick(find<QPushButton>(types, "saveTicketTypesButton"), Qt::LeftButton);
        auto* message = find<sbor::widgets::MessageBar>(types, "ticketTypesMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains("Already sold"), 5000);
        QCOMPARE(types->table()->currentIndex(), model->index(general, TicketTypesModel::Quota));
        screenshot(window, "25-ticket-types-quota-refused");
        // Nothing went to the server.
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/ticket-types", m_organizer.accessToken)
                     .json()
                     .value("items")
                     .toArray()
                     .at(general)
                     .toObject()
                     .value("quota")
                     .toInt(),
                 400);
        window->resize(1920, 1080);
        screenshot(window, "26-ticket-types-1920");
    }

    void inRussian()
    {
        auto app = openApp("ru");
        app->signInDialog()->resize(460, 320);
        screenshot(app->signInDialog(), "13-sign-in-ru");
        QVERIFY(signIn(*app, m_organizer.email, kTestPassword));
        MainWindow* window = app->mainWindow();
        window->resize(1366, 768);
        QTRY_VERIFY_WITH_TIMEOUT(window->eventList()->rowCount() == 3 + m_eventsMade, 10000);
        screenshot(window, "14-my-events-ru");
        EventWorkspace* workspace = window->openEvent(m_event, "Open-air festival", "Europe/Moscow");
        QTRY_VERIFY_WITH_TIMEOUT(workspace->dashboard()->figures().isLoaded(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(workspace->dashboard()->figures().sold() >= 15, 10000);
        screenshot(window, "15-dashboard-ru-1366");
        window->resize(1920, 1080);
        screenshot(window, "16-dashboard-ru-1920");
        workspace->setCurrentWidget(workspace->attendees());
        QTRY_VERIFY_WITH_TIMEOUT(workspace->attendees()->rowCount() >= 15, 10000);
        screenshot(window, "17-attendees-ru");
        workspace->setCurrentWidget(workspace->editor());
        QTest::qWait(500);
        screenshot(window, "18-settings-ru");
        workspace->showTicketTypes();
        QTRY_COMPARE_WITH_TIMEOUT(workspace->ticketTypes()->model()->rowCount(), 2, 10000);
        screenshot(window, "27-ticket-types-ru");
        workspace->setCurrentWidget(workspace->team());
        QTRY_VERIFY_WITH_TIMEOUT(workspace->team()->memberCount() >= 1, 10000);
        screenshot(window, "28-team-ru");
        workspace->setCurrentWidget(workspace->door());
        QTest::qWait(300);
        screenshot(window, "29-door-ru");
        workspace->setCurrentWidget(workspace->schedule());
        QTest::qWait(300);
        screenshot(window, "30-programme-ru");
    }

private:
    QString m_event, m_general, m_vip, m_main, m_side;
    int m_eventsMade = 0; // by the app, on top of the three made here
};

QTEST_MAIN(TestOrganizer)
#include "test_organizer.moc"
