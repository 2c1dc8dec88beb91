// Roles, permissions and the AccessControl middleware: the role table, and that a route's
// declared Access is enforced before its handler (401 without or with a bad token, 403 without
// the permission, the handler only when allowed).
#include "access/accesscontrol.h"

#include <QtTest>

using namespace sbor;
using namespace sbor::access;

namespace {

// Accepts "token-<role>" for a user with that one role; anything else is a bad token.
class RoleTokenAuthenticator : public Authenticator {
public:
    Result<Principal> authenticate(const std::string& token) override
    {
        ++calls;
        if (token.rfind("token-", 0) != 0)
            return Error(ErrorCode::Unauthorized, "bad token");
        const auto role = parseRole(token.substr(6));
        if (!role)
            return Error(ErrorCode::Unauthorized, "bad token");
        return Principal{"user-1", {*role}, "session-1", std::nullopt};
    }
    int calls = 0;
};

} // namespace

class TestAccess : public QObject {
    Q_OBJECT
private slots:
    void roleTable()
    {
        QVERIFY(roleGrants(Role::Admin, Permission::UsersAdminister));
        QVERIFY(roleGrants(Role::Admin, Permission::AuditRead));
        QVERIFY(roleGrants(Role::Support, Permission::UsersRead));
        QVERIFY(!roleGrants(Role::Support, Permission::UsersAdminister));
        QVERIFY(roleGrants(Role::Organizer, Permission::EventsWrite));
        QVERIFY(!roleGrants(Role::Organizer, Permission::EventsWriteAny));
        QVERIFY(roleGrants(Role::Staff, Permission::CheckInRedeem));
        QVERIFY(!roleGrants(Role::Staff, Permission::EventsWrite));
        // Platform settings are the admins' alone.
        QVERIFY(roleGrants(Role::Admin, Permission::PlatformConfigure));
        for (Role role : {Role::Support, Role::Organizer, Role::Staff, Role::Attendee})
            QVERIFY(!roleGrants(role, Permission::PlatformConfigure));
        for (auto permission : {Permission::UsersRead, Permission::UsersAdminister, Permission::AuditRead,
                                Permission::EventsWrite, Permission::EventsWriteAny, Permission::CheckInRedeem,
                                Permission::SupportHandle, Permission::PlatformConfigure})
            QVERIFY(!roleGrants(Role::Attendee, permission));
        for (Role role : allRoles())
            QCOMPARE(parseRole(roleName(role)), std::optional<Role>(role));
        QVERIFY(!parseRole("Admin")); // names are exact
        const Principal both{"u", {Role::Staff, Role::Support}, "s", std::nullopt};
        QVERIFY(both.has(Permission::CheckInRedeem) && both.has(Permission::UsersRead) &&
                !both.has(Permission::AuditRead));
    }

    void bearerHeaderShapes()
    {
        QCOMPARE(bearerToken("Bearer abc"), std::optional<std::string>("abc"));
        QCOMPARE(bearerToken("bearer   abc  "), std::optional<std::string>("abc"));
        QVERIFY(!bearerToken("Bearer"));
        QVERIFY(!bearerToken("Bearer "));
        QVERIFY(!bearerToken("Bearer a b"));
        QVERIFY(!bearerToken("Basic abc"));
        QVERIFY(!bearerToken("Bearerabc"));
    }

    void middlewareEnforcesTheDeclaredAccess_data()
    {
        QTest::addColumn<int>("access"); // 0 anyone, 1 signed in, 2 needs users.administer
        QTest::addColumn<QString>("authorization");
        QTest::addColumn<int>("status");
        QTest::newRow("public, no token") << 0 << "" << 200;
        QTest::newRow("public, bad token ignored") << 0 << "Bearer junk" << 200;
        QTest::newRow("signed in, no token") << 1 << "" << 401;
        QTest::newRow("signed in, bad token") << 1 << "Bearer junk" << 401;
        QTest::newRow("signed in, wrong scheme") << 1 << "Basic dTpw" << 401;
        QTest::newRow("signed in, attendee") << 1 << "Bearer token-attendee" << 200;
        QTest::newRow("admin route, no token") << 2 << "" << 401;
        QTest::newRow("admin route, organizer") << 2 << "Bearer token-organizer" << 403;
        QTest::newRow("admin route, support") << 2 << "Bearer token-support" << 403;
        QTest::newRow("admin route, admin") << 2 << "Bearer token-admin" << 200;
    }

    void middlewareEnforcesTheDeclaredAccess()
    {
        QFETCH(int, access);
        QFETCH(QString, authorization);
        QFETCH(int, status);
        const Access declared = access == 0 ? Access::anyone()
            : access == 1                   ? Access::signedIn()
                                            : Access::require(Permission::UsersAdminister);
        http::Router router;
        router.add("GET", "/thing", "test", declared,
                   [](http::HttpRequest&) -> http::Reply { return http::HttpResponse::noContent(); });
        auto authenticator = std::make_shared<RoleTokenAuthenticator>();
        AccessControl control(authenticator);

        http::HttpRequest request;
        request.method = "GET";
        request.path = "/thing";
        if (!authorization.isEmpty())
            request.headers.set("authorization", authorization.toStdString());
        request.match = std::make_shared<http::RouteMatch>(router.match("GET", "/thing"));
        bool handlerRan = false;
        const http::HttpResponse response = control.handle(request, [&](http::HttpRequest& inner) {
            handlerRan = true;
            if (access != 0) {
                [&] { QVERIFY(inner.principal.has_value()); }();
            }
            return http::HttpResponse::json(200, {{"ok", true}});
        });
        QCOMPARE(response.status, status);
        QCOMPARE(handlerRan, status == 200);
        if (access == 0)
            QCOMPARE(authenticator->calls, 0); // public routes never touch credentials
        if (status == 401)
            QVERIFY(response.headers.get("www-authenticate").rfind("Bearer", 0) == 0);
    }

    void withoutAnAuthenticatorProtectedRoutesAreUnavailable()
    {
        http::Router router;
        router.add("GET", "/thing", "test", Access::signedIn(),
                   [](http::HttpRequest&) -> http::Reply { return http::HttpResponse::noContent(); });
        AccessControl control(nullptr);
        http::HttpRequest request;
        request.method = "GET";
        request.path = "/thing";
        request.headers.set("authorization", "Bearer token-admin");
        request.match = std::make_shared<http::RouteMatch>(router.match("GET", "/thing"));
        const auto response = control.handle(request,
                                             [](http::HttpRequest&) { return http::HttpResponse::json(200, {}); });
        QCOMPARE(response.status, 503);
    }
};

QTEST_APPLESS_MAIN(TestAccess)
#include "test_access.moc"
