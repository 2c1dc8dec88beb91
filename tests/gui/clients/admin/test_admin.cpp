// The admins' console, rendered offscreen, against a real sbor-server: a buyer is refused at the
// sign-in; a support agent sees only the support queue and a read-only user lookup, answers a
// request with a reply and an internal note and escalates it; an admin sees every page and the
// health dock, blocks a person (the step-up sign-in asked only once the server wants it), works
// through a person's page (roles as a diff, sessions ended, two-factor reset, erasure), changes
// the commission and edits a template with its live preview. Every screen reached is saved under
// screenshots/admin/ of the build tree, in English and Russian, at the smallest (1024×640) and a
// large (1920×1080) size, to be looked at.

#include "app/adminapp.h"
#include "app/consolewindow.h"
#include "audit/auditlogpage.h"
#include "disputes/disputedeskpage.h"
#include "health/healthdock.h"
#include "logs/tracelogspage.h"
#include "reports/reportspage.h"
#include "settings/settingspage.h"
#include "settings/templatespage.h"
#include "support/supportqueuepage.h"
#include "users/personpanel.h"
#include "users/userspage.h"

#include "accountsession.h"
#include "integrationsuite.h"
#include "messagebar.h"
#include "salesapi.h"
#include "signindialog.h"

#include "auth/totp.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTableWidget>
#include <QTextBrowser>
#include <QtTest>

using namespace sbor::test;
using namespace sbor::admin;

class TestAdmin : public IntegrationSuite {
    Q_OBJECT

private:
    SignedInUser m_support;
    QString m_request;
    QString m_dispute;
    QStringList m_saved;

    QString screenshot(QWidget* window, const QString& name)
    {
        QTest::qWait(300); // layouts and fetched pages settle
        const QImage image = window->grab().toImage();
        const QString path = QDir(SBOR_SCREENSHOT_DIR).filePath(name + ".png");
        if (!image.save(path))
            qWarning("could not save %s", qPrintable(path));
        m_saved << path;
        return path;
    }

    template <typename T> T* find(QWidget* root, const char* name)
    {
        T* found = root->findChild<T*>(name);
        if (!found)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return found;
    }

    std::unique_ptr<AdminApp> openApp(const QString& language)
    {
        AdminApp::Options options;
        options.server = m_server->url("");
        options.liveUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(m_server->livePort()));
        options.language = language;
        options.tryKeptSignIn = false;
        options.healthIntervalMs = 500;
        auto app = std::make_unique<AdminApp>(options);
        app->start();
        return app;
    }

    bool signIn(AdminApp& app, const QString& email)
    {
        sbor::desktop::SignInDialog* dialog = app.signInDialog();
        find<QLineEdit>(dialog, "emailField")->setText(email);
        find<QLineEdit>(dialog, "passwordField")->setText(kTestPassword);
        find<QCheckBox>(dialog, "keepSignedIn")->setChecked(false);
        QTest::mouseClick(find<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        return QTest::qWaitFor([&] { return app.mainWindow() != nullptr; }, 15000);
    }

    // Every page at both sizes, named <prefix>-<page>-<size>.
    void screenshotEveryPage(ConsoleWindow* window, const QString& prefix)
    {
        for (int row = 0; row < window->navigation()->count(); ++row) {
            window->navigation()->setCurrentRow(row);
            const QString page = window->findChild<QStackedWidget*>()->currentWidget()->objectName();
            for (const QSize& size : {QSize(1024, 640), QSize(1920, 1080)}) {
                window->resize(size);
                if (window->healthDock()) // open where there is room, as on a first run at that size
                    window->healthDock()->setVisible(size.width() >= 1600);
                QTest::qWait(400);
                screenshot(window,
                           QStringLiteral("%1-%2-%3x%4").arg(prefix, page).arg(size.width()).arg(size.height()));
            }
        }
        window->resize(1366, 768);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings of this run only
        QDir().mkpath(SBOR_SCREENSHOT_DIR);
        QVERIFY2(startServer(), problem());
        QVERIFY2(signInAdmin("console-admin") && signUpOrganizer("console-organizer") && signUpBuyer("console-buyer"),
                 problem());
        const QString email = uniqueEmail("console-support");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "support").isEmpty());
        m_support = m_api->signIn(email);
        QVERIFY(!m_support.accessToken.isEmpty());
        const auto opened = m_api->post("/api/v1/support/requests",
                                        {{"subject", "My tickets did not arrive"},
                                         {"body", "I paid yesterday evening and no email came. Order 4f2a."},
                                         {"category", "order"}},
                                        m_buyer.accessToken);
        QCOMPARE(opened.status, 201);
        m_request = opened.json().value("id").toString();
        QCOMPARE(m_api
                     ->post("/api/v1/support/requests",
                            {{"subject", "How do I change my email?"}, {"body", "Thanks!"}, {"category", "account"}},
                            m_organizer.accessToken)
                     .status,
                 201);
        // A paid order of 100.00 the buyer disputes and the organizer answers.
        QString event, seat;
        QVERIFY2(
            publishEvent(event, "Chamber concert", 30, {{seat, {{"name", "Seat"}, {"price", 10000}, {"quota", 20}}}}),
            problem());
        const auto placed = m_api->post("/api/v1/orders", orderBody(event, seat, 1), m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QJsonObject order = placed.json().value("order").toObject();
        QCOMPARE(m_api
                     ->post("/api/v1/payments/" + order.value("payment_id").toString() + "/confirm",
                            {{"card_number", "4242 4242 4242 4242"}}, m_buyer.accessToken)
                     .status,
                 200);
        const auto disputed = m_api->post(
            "/api/v1/orders/" + order.value("id").toString() + "/disputes",
            {{"reason", "not_as_described"},
             {"details", "The seat was behind a pillar; the page promised a clear view."}},
            m_buyer.accessToken);
        QCOMPARE(disputed.status, 201);
        m_dispute = disputed.json().value("id").toString();
        QCOMPARE(m_api
                     ->post("/api/v1/disputes/" + m_dispute + "/response",
                            {{"evidence", "The seating plan on the page marks row 12 as restricted view."}},
                            m_organizer.accessToken)
                     .status,
                 200);
    }

    void aBuyerIsRefusedAtTheSignIn()
    {
        auto app = openApp("en");
        sbor::desktop::SignInDialog* dialog = app->signInDialog();
        dialog->resize(480, 340);
        screenshot(dialog, "01-sign-in-en");
        find<QLineEdit>(dialog, "emailField")->setText(m_buyer.email);
        find<QLineEdit>(dialog, "passwordField")->setText(kTestPassword);
        find<QCheckBox>(dialog, "keepSignedIn")->setChecked(false);
        QTest::mouseClick(find<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        auto* message = find<sbor::widgets::MessageBar>(dialog, "signInMessage");
        QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), 15000);
        QVERIFY2(message->text().contains("admins and support agents"), qPrintable(message->text()));
        QVERIFY(!app->mainWindow());
        QVERIFY(!app->session().isSignedIn());
        screenshot(dialog, "02-sign-in-refused-en");
    }

    void aSupportAgentAnswersAndEscalates()
    {
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_support.email));
        ConsoleWindow* window = app->mainWindow();
        QCOMPARE(window->navigation()->count(), 3); // the queue, disputes, the lookup
        QVERIFY(!window->page("settingsPage") && !window->page("templatesPage"));
        QVERIFY(!window->healthDock());
        auto* queue = static_cast<SupportQueuePage*>(window->page("supportPage"));
        window->showPage("supportPage");
        QTRY_COMPARE_WITH_TIMEOUT(queue->requestCount(), 2, 10000);
        QSignalSpy shown(queue, &SupportQueuePage::threadShown);
        queue->openRequest(m_request);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 10000);
        find<QPlainTextEdit>(queue, "supportReply")
            ->setPlainText("We have sent the tickets again; please check spam too.");
        QTest::mouseClick(find<QPushButton>(queue, "supportSend"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(find<QTextBrowser>(queue, "supportThread")->toPlainText().contains("check spam"),
                                 10000);
        find<QPlainTextEdit>(queue, "supportReply")->setPlainText("The payment provider shows it paid twice.");
        find<QCheckBox>(queue, "supportInternal")->setChecked(true);
        QTest::mouseClick(find<QPushButton>(queue, "supportSend"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(find<QTextBrowser>(queue, "supportThread")->toPlainText().contains("paid twice"),
                                 10000);
        // The buyer sees the answer, never the note.
        const auto seen = m_api->get("/api/v1/support/requests/" + m_request, m_buyer.accessToken).json();
        const QString asSeen = QJsonDocument(seen).toJson();
        QVERIFY(asSeen.contains("check spam") && !asSeen.contains("paid twice"));
        find<QLineEdit>(queue, "escalationReason")->setText("Charged twice: needs a refund decision");
        QTest::mouseClick(find<QPushButton>(queue, "supportEscalate"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_api->get("/api/v1/support/requests/" + m_request, m_admin.accessToken)
                                      .json()
                                      .value("escalated_at")
                                      .isNull(),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(queue, "supportHeader")->text().contains("Escalated"), 10000);
        screenshotEveryPage(window, "10-support-en");
        // Read-only lookup: no block button for support agents.
        auto* users = static_cast<UsersPage*>(window->page("usersPage"));
        QVERIFY(!find<QPushButton>(users, "blockButton")->isVisible());
    }

    void anAdminBlocksAPersonWithTheStepUp()
    {
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_admin.email));
        ConsoleWindow* window = app->mainWindow();
        QCOMPARE(window->navigation()->count(), 8);
        QVERIFY(window->healthDock());
        QTRY_COMPARE_WITH_TIMEOUT(window->healthDock()->status(), QStringLiteral("ok"), 15000);
        window->showPage("usersPage");
        auto* users = static_cast<UsersPage*>(window->page("usersPage"));
        QTest::keyClicks(find<QLineEdit>(users, "userSearch"), "console-buyer");
        QTRY_COMPARE_WITH_TIMEOUT(users->resultCount(), 1, 10000);
        users->selectUser(m_buyer.id);
        // The console's own session last proved its password over five minutes ago.
        m_database.query("UPDATE auth.sessions SET signed_in_at = now() - interval '10 minutes' WHERE user_id = '" +
                         m_admin.id.toStdString() + "' RETURNING 1");
        QTest::qWait(2100); // the session cache
        find<QLineEdit>(users, "blockReason")->setText("Chargeback fraud");
        QTest::mouseClick(find<QPushButton>(users, "blockButton"), Qt::LeftButton);
        QDialog* stepUp = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((stepUp = window->findChild<QDialog*>("reauthenticateDialog")) != nullptr, 10000);
        QTRY_VERIFY(stepUp->isVisible());
        screenshot(stepUp, "20-step-up-en");
        find<QLineEdit>(stepUp, "reauthenticatePassword")->setText(kTestPassword);
        QTest::mouseClick(find<QPushButton>(stepUp, "reauthenticateConfirm"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(m_database.query("SELECT status FROM auth.users WHERE id = '" +
                                                                          m_buyer.id.toStdString() + "'")),
                                  QStringLiteral("blocked"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(find<sbor::widgets::MessageBar>(users, "usersMessage")->text().contains("blocked"),
                                 10000);
        screenshot(window, "21-user-blocked-en");
        // Unblocked again, now without being asked: the proof is fresh.
        QTRY_VERIFY_WITH_TIMEOUT(find<QPushButton>(users, "unblockButton")->isEnabled(), 10000);
        QTest::mouseClick(find<QPushButton>(users, "unblockButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(m_database.query("SELECT status FROM auth.users WHERE id = '" +
                                                                          m_buyer.id.toStdString() + "'")),
                                  QStringLiteral("active"), 10000);
        QCOMPARE(window->findChildren<QDialog*>("reauthenticateDialog").size(), 0);
    }

    void anAdminWorksThroughAPersonsPage()
    {
        // A person with two-factor sign-in on, as someone who then lost their phone.
        const SignedInUser person = m_api->signUp("console-person");
        QVERIFY(!person.id.isEmpty());
        const auto setup = m_api->post("/api/v1/auth/2fa/setup", {{"password", kTestPassword}}, person.accessToken);
        QCOMPARE(setup.status, 200);
        const auto secret = sbor::auth::base32Decode(setup.json().value("secret").toString().toStdString());
        QVERIFY(secret);
        const QString code = QString::fromStdString(sbor::auth::totpAt(*secret, QDateTime::currentSecsSinceEpoch()));
        QCOMPARE(m_api->post("/api/v1/auth/2fa/enable", {{"code", code}}, person.accessToken).status, 200);
        const auto stored = [this, &person](const std::string& column) {
            return QString::fromStdString(
                m_database.query("SELECT " + column + " FROM auth.users WHERE id = '" + person.id.toStdString() + "'"));
        };

        auto app = openApp("en");
        QVERIFY(signIn(*app, m_admin.email));
        ConsoleWindow* window = app->mainWindow();
        window->resize(1366, 768);
        window->showPage("usersPage");
        auto* users = static_cast<UsersPage*>(window->page("usersPage"));
        PersonPanel* panel = users->personPanel();
        QSignalSpy shown(panel, &PersonPanel::dossierShown);
        QTest::keyClicks(find<QLineEdit>(users, "userSearch"), person.email);
        QTRY_COMPARE_WITH_TIMEOUT(users->resultCount(), 1, 10000);
        users->selectUser(person.id);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 10000);
        QVERIFY(panel->sessionCount() >= 1);
        QVERIFY(panel->activityCount() >= 1); // turning two-factor on is audited
        QVERIFY(find<QLabel>(panel, "userDetails")->text().contains("Orders placed: 0"));

        // Roles: the change reads as a diff before it is saved.
        auto* save = find<QPushButton>(panel, "saveRolesButton");
        QVERIFY(!save->isEnabled());
        find<QCheckBox>(panel, "role_organizer")->setChecked(true);
        QVERIFY(find<QLabel>(panel, "rolesChange")->text().contains("+ organizer"));
        QVERIFY(save->isEnabled());
        screenshot(window, "22-person-roles-diff-en");
        find<QCheckBox>(panel, "role_attendee")->setChecked(false);
        find<QCheckBox>(panel, "role_organizer")->setChecked(false);
        QVERIFY(!save->isEnabled()); // no role at all is not a choice
        QVERIFY(find<QLabel>(panel, "rolesChange")->text().contains("at least one role"));
        find<QCheckBox>(panel, "role_attendee")->setChecked(true);
        find<QCheckBox>(panel, "role_organizer")->setChecked(true);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_api->get("/api/v1/admin/users/" + person.id, m_admin.accessToken)
                                     .json()
                                     .value("user")
                                     .toObject()
                                     .value("roles")
                                     .toArray()
                                     .contains(QStringLiteral("organizer")),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(panel, "rolesChange")->text().contains("No change"), 10000);

        // Signed out everywhere: the person's token stops working.
        QTRY_VERIFY_WITH_TIMEOUT(find<QPushButton>(panel, "endSessionsButton")->isEnabled(), 10000);
        QTest::mouseClick(find<QPushButton>(panel, "endSessionsButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->sessionCount(), 0, 10000);
        QCOMPARE(m_api->get("/api/v1/users/me", person.accessToken).status, 401);

        // Two-factor reset, offered only while it is on.
        auto* reset = find<QPushButton>(panel, "resetTwoFactorButton");
        QTRY_VERIFY_WITH_TIMEOUT(reset->isEnabled(), 10000);
        QTest::mouseClick(reset, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stored("totp_secret IS NULL"), QStringLiteral("t"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!reset->isEnabled(), 10000);
        screenshot(window, "23-person-page-en");

        // Erasure: the button wakes only for the person's address, typed.
        QTRY_VERIFY_WITH_TIMEOUT(find<QPushButton>(panel, "erasePersonButton")->isEnabled(), 10000);
        QTest::mouseClick(find<QPushButton>(panel, "erasePersonButton"), Qt::LeftButton);
        QDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<QDialog*>("eraseDialog")) != nullptr, 10000);
        auto* typed = find<QLineEdit>(dialog, "eraseConfirmEmail");
        auto* confirm = find<QPushButton>(dialog, "eraseConfirmButton");
        QTest::keyClicks(typed, "someone@else.example");
        QVERIFY(!confirm->isEnabled());
        screenshot(dialog, "24-erase-confirmation-en");
        typed->setText(person.email.toUpper());
        QVERIFY(confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stored("status"), QStringLiteral("deleted"), 10000);
        QVERIFY(stored("email") != person.email);
        QTRY_VERIFY_WITH_TIMEOUT(find<sbor::widgets::MessageBar>(users, "usersMessage")->text().contains("erased"),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!find<QPushButton>(panel, "erasePersonButton")->isEnabled(), 10000);
        screenshot(window, "25-person-erased-en");
    }

    void anAdminChangesTheCommissionAndATemplate()
    {
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_admin.email));
        ConsoleWindow* window = app->mainWindow();
        window->showPage("settingsPage");
        auto* settings = static_cast<SettingsPage*>(window->page("settingsPage"));
        auto* commission = find<QDoubleSpinBox>(settings, "commissionField");
        QTRY_VERIFY_WITH_TIMEOUT(commission->value() > 0, 10000);
        commission->setValue(7.5);
        QVERIFY(find<QLabel>(settings, "commissionPreview")->text().contains("75.00"));
        QTest::mouseClick(find<QPushButton>(settings, "saveSettings"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api->get("/api/v1/admin/settings", m_admin.accessToken).json().value("commission_basis_points").toInt(),
            750, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(find<sbor::widgets::MessageBar>(settings, "settingsMessage")->text().contains("Saved"),
                                 10000);
        screenshot(window, "30-settings-saved-en");

        window->showPage("templatesPage");
        auto* templates = static_cast<TemplatesPage*>(window->page("templatesPage"));
        QTRY_VERIFY_WITH_TIMEOUT(!templates->openTemplateName().isEmpty(), 10000);
        templates->openTemplate("ticket.purchased");
        QSignalSpy previews(templates, &TemplatesPage::previewShown);
        templates->subjectField("en")->setText("Booked: {{event_title}}");
        QTest::keyClick(templates->subjectField("en"), Qt::Key_Space); // typing starts the live preview
        QTRY_VERIFY_WITH_TIMEOUT(templates->previewOf("en")->toPlainText().contains("Booked: Jazz on the Roof"), 10000);
        // A placeholder it does not have: the preview says so and saving is off.
        templates->subjectField("en")->setText("Booked {{password}}");
        QTest::keyClick(templates->subjectField("en"), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(templates->previewOf("en")->toPlainText().contains("{{password}}"), 10000);
        QVERIFY(!find<QPushButton>(templates, "templateSave_en")->isEnabled());
        screenshot(window, "31-template-refused-en");
        templates->subjectField("en")->setText("Booked: {{event_title}}");
        QTest::keyClick(templates->subjectField("en"), Qt::Key_Backspace);
        QTest::keyClicks(templates->subjectField("en"), "}");
        QTRY_VERIFY_WITH_TIMEOUT(find<QPushButton>(templates, "templateSave_en")->isEnabled(), 10000);
        QSignalSpy saved(templates, &TemplatesPage::saved);
        QTest::mouseClick(find<QPushButton>(templates, "templateSave_en"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        const auto stored = m_api->get("/api/v1/admin/templates/ticket.purchased", m_admin.accessToken).json();
        bool replaced = false;
        for (const auto& language : stored.value("languages").toArray())
            if (language.toObject().value("language").toString() == "en")
                replaced = language.toObject().value("subject").toString() == "Booked: {{event_title}}";
        QVERIFY(replaced);
        screenshot(window, "32-template-saved-en");
    }

    void anAdminDecidesADisputeWithAPartialRefund()
    {
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_admin.email));
        ConsoleWindow* window = app->mainWindow();
        window->showPage("disputesPage");
        auto* desk = static_cast<DisputeDeskPage*>(window->page("disputesPage"));
        QTRY_COMPARE_WITH_TIMEOUT(desk->disputeCount(), 1, 10000);
        QSignalSpy shown(desk, &DisputeDeskPage::disputeShown);
        desk->openDispute(m_dispute);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 10000);
        QVERIFY(find<QTextBrowser>(desk, "disputeClaim")->toPlainText().contains("behind a pillar"));
        QVERIFY(find<QTextBrowser>(desk, "disputeEvidence")->toPlainText().contains("restricted view"));
        // A decision needs its note.
        find<QRadioButton>(desk, "disputeLost")->setChecked(true);
        QTest::mouseClick(find<QPushButton>(desk, "disputeDecide"), Qt::LeftButton);
        QTRY_VERIFY(find<sbor::widgets::MessageBar>(desk, "disputesMessage")->text().contains("note"));
        find<QDoubleSpinBox>(desk, "disputeRefund")->setValue(40.0);
        find<QPlainTextEdit>(desk, "disputeNote")->setPlainText("The view was restricted as marked; 40 % back.");
        screenshot(window, "50-dispute-before-decision-en");
        QSignalSpy decided(desk, &DisputeDeskPage::disputeDecided);
        QTest::mouseClick(find<QPushButton>(desk, "disputeDecide"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(decided.count(), 1, 15000);
        const QJsonObject stored = m_api->get("/api/v1/disputes/" + m_dispute, m_admin.accessToken).json();
        QCOMPARE(stored.value("status").toString(), QStringLiteral("lost"));
        QCOMPARE(stored.value("refund_amount").toInteger(), 4000);
        QVERIFY(stored.value("refunded").toBool());
        QCOMPARE(m_database.query("SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries"), std::string("0"));
        QVERIFY(!find<QPushButton>(desk, "disputeDecide")->isEnabled());
        screenshot(window, "51-dispute-decided-en");
    }

    void theAuditLogFiltersAndTailsLive()
    {
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_admin.email));
        ConsoleWindow* window = app->mainWindow();
        window->showPage("auditPage");
        auto* audit = static_cast<AuditLogPage*>(window->page("auditPage"));
        auto* table = find<QTableWidget>(audit, "auditTable");
        QTRY_VERIFY_WITH_TIMEOUT(audit->entryCount() > 0, 10000);
        // Filtered by action: only blockings (the one made above).
        find<QLineEdit>(audit, "auditAction")->setText("user.blocked");
        QTest::keyClick(find<QLineEdit>(audit, "auditAction"), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(audit->entryCount(), 1, 10000);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("user.blocked"));
        QVERIFY(table->item(0, 4)->text().contains("Chargeback fraud"));
        // No filter, and a change made elsewhere appears at the top without a reload.
        find<QLineEdit>(audit, "auditAction")->clear();
        QTest::keyClick(find<QLineEdit>(audit, "auditAction"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(audit->entryCount() > 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(app->session().isLiveConnected(), 10000);
        QTest::qWait(500); // the subscription is in place
        QSignalSpy shown(audit, &AuditLogPage::entriesShown);
        QCOMPARE(m_api->post("/api/v1/auth/reauthenticate", {{"password", kTestPassword}}, m_admin.accessToken).status,
                 200);
        QCOMPARE(
            m_api->put("/api/v1/admin/settings", {{"support_resolution_minutes", 5000}}, m_admin.accessToken).status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() > 0 && table->item(0, 2)->text() == "platform.settings_changed",
                                 15000);
        QVERIFY(shown.count() >= 1);
        screenshot(window, "60-audit-live-en");
    }

    void aTraceIdFromAnErrorShowsItsLines()
    {
        // A request that fails, with the trace id a person would copy from the error.
        const QByteArray trace = "4bf92f3577b34da6a3ce929d0e0e" +
            QByteArray::number(QRandomGenerator::global()->bounded(4096, 65535), 16);
        const auto refused = m_api->raw("GET", "/api/v1/orders/00000000-0000-4000-8000-000000000000", {},
                                        {{"Authorization", "Bearer " + m_organizer.accessToken.toUtf8()},
                                         {"traceparent", "00-" + trace + "-b7ad6b7169203331-01"}});
        QCOMPARE(refused.status, 404);
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_admin.email));
        ConsoleWindow* window = app->mainWindow();
        window->showPage("logsPage");
        auto* logs = static_cast<TraceLogsPage*>(window->page("logsPage"));
        find<QLineEdit>(logs, "traceField")->setText("not a trace");
        QTest::mouseClick(find<QPushButton>(logs, "traceFind"), Qt::LeftButton);
        QVERIFY(find<sbor::widgets::MessageBar>(logs, "logsMessage")->text().contains("32 hexadecimal"));
        // Pasted with the words around it, as error messages show it; the log files fill within seconds.
        QTRY_VERIFY_WITH_TIMEOUT(
            (find<QLineEdit>(logs, "traceField")->setText("(trace " + QString::fromLatin1(trace) + ")"),
             QTest::mouseClick(find<QPushButton>(logs, "traceFind"), Qt::LeftButton), QTest::qWait(300),
             logs->lineCount() > 0),
            20000);
        auto* table = find<QTableWidget>(logs, "logsTable");
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("tickets"));
        QVERIFY(table->item(0, 4)->text().contains("404"));
        QCOMPARE(find<QLineEdit>(logs, "traceField")->text(), QString::fromLatin1(trace));
        screenshot(window, "70-logs-by-trace-en");
    }

    void reportsShowTheSalesAndExportCsv()
    {
        auto app = openApp("en");
        QVERIFY(signIn(*app, m_admin.email));
        ConsoleWindow* window = app->mainWindow();
        window->showPage("reportsPage");
        auto* reports = static_cast<ReportsPage*>(window->page("reportsPage"));
        // The disputed order: 100.00 paid, 40.00 of it refunded.
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(reports, "reportTotals")->text().contains("gross 100.00"), 15000);
        QVERIFY2(find<QLabel>(reports, "reportTotals")->text().contains("refunds 40.00"),
                 qPrintable(find<QLabel>(reports, "reportTotals")->text()));
        QVERIFY(reports->rowCount() >= 30); // a row per day of the range
        screenshot(window, "80-reports-en");
        QTemporaryDir directory;
        const QString path = directory.filePath("sales.csv");
        QSignalSpy exported(reports, &ReportsPage::exported);
        reports->exportCsvTo(path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 10000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.startsWith("period_start,currency,gross"), csv.left(80).constData());
        QVERIFY(csv.contains(",RUB,10000,"));

        // The reports of counts, each with the server's own totals for the same days.
        auto* kind = find<QComboBox>(reports, "reportKind");
        const auto totalOf = [this](const QString& report, const QString& column) {
            return m_api->get("/api/v1/admin/reports/" + report, m_admin.accessToken)
                .json()
                .value("totals")
                .toObject()
                .value(column)
                .toInteger(-1);
        };
        QSignalSpy shown(reports, &ReportsPage::reportShown);
        kind->setCurrentIndex(kind->findData("registrations"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            shown.count() >= 1, qPrintable(find<sbor::widgets::MessageBar>(reports, "reportsMessage")->text()), 10000);
        const qint64 registrations = totalOf("registrations", "registrations");
        QVERIFY(registrations >= 4); // the accounts this suite registered today
        QVERIFY2(find<QLabel>(reports, "reportTotals")
                     ->text()
                     .contains(QStringLiteral("registrations %1").arg(registrations)),
                 qPrintable(find<QLabel>(reports, "reportTotals")->text()));
        QCOMPARE(find<QTableWidget>(reports, "reportTable")->columnCount(), 2);
        QVERIFY(reports->rowCount() >= 30);
        shown.clear();
        kind->setCurrentIndex(kind->findData("support"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            shown.count() >= 1, qPrintable(find<sbor::widgets::MessageBar>(reports, "reportsMessage")->text()), 10000);
        QCOMPARE(totalOf("support", "opened"), 2);
        QVERIFY2(find<QLabel>(reports, "reportTotals")->text().contains("opened 2"),
                 qPrintable(find<QLabel>(reports, "reportTotals")->text()));
        QCOMPARE(find<QTableWidget>(reports, "reportTable")->columnCount(), 5);
        window->resize(1024, 640);
        screenshot(window, "81-reports-support-en");
        // Export follows the report shown.
        shown.clear();
        kind->setCurrentIndex(kind->findData("checkins"));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 10000);
        const QString checkins = directory.filePath("checkins.csv");
        reports->exportCsvTo(checkins);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, 10000);
        QFile checkinsFile(checkins);
        QVERIFY(checkinsFile.open(QIODevice::ReadOnly));
        QVERIFY(checkinsFile.readAll().startsWith("period_start,admissions,exits"));
    }

    void everyAdminPageInBothLanguages()
    {
        for (const QString language : {"en", "ru"}) {
            auto app = openApp(language);
            if (language == "ru") {
                app->signInDialog()->resize(480, 340);
                screenshot(app->signInDialog(), "03-sign-in-ru");
            }
            QVERIFY(signIn(*app, m_admin.email));
            ConsoleWindow* window = app->mainWindow();
            QTRY_COMPARE_WITH_TIMEOUT(window->healthDock()->status(), QStringLiteral("ok"), 15000);
            // The users page with a person chosen, so their page is on the screenshot.
            auto* users = static_cast<UsersPage*>(window->page("usersPage"));
            QSignalSpy shown(users->personPanel(), &PersonPanel::dossierShown);
            find<QLineEdit>(users, "userSearch")->setText(m_buyer.email);
            QTRY_COMPARE_WITH_TIMEOUT(users->resultCount(), 1, 10000);
            users->selectUser(m_buyer.id);
            QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 10000);
            // The reports page on the support report: its words and durations in both languages.
            auto* kind = find<QComboBox>(window->page("reportsPage"), "reportKind");
            kind->setCurrentIndex(kind->findData("support"));
            screenshotEveryPage(window, "40-admin-" + language);
        }
        QVERIFY2(m_saved.size() >= 12, qPrintable(QString::number(m_saved.size())));
    }
};

QTEST_MAIN(TestAdmin)
#include "test_admin.moc"
