#pragma once
// HTTP for the auth service: each handler reads and checks its JSON, calls the domain, and
// writes the answer. No business rule lives here.

#include "accounts.h"
#include "signin.h"
#include "twofactor.h"
#include "useradministration.h"

#include "http/router.h"

namespace sbor::auth {

class AuthHandlers {
public:
    AuthHandlers(AuthDependencies& dependencies, std::shared_ptr<ServiceDirectory> directory)
        : m_accounts(dependencies),
          m_signIn(dependencies),
          m_twoFactor(dependencies),
          m_administration(dependencies, std::move(directory))
    {}

    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply registerAccount(http::HttpRequest& request);
    http::Reply login(http::HttpRequest& request);
    http::Reply refresh(http::HttpRequest& request);
    http::Reply reauthenticate(http::HttpRequest& request);
    http::Reply logout(http::HttpRequest& request);
    http::Reply listSessions(http::HttpRequest& request);
    http::Reply endSession(http::HttpRequest& request);
    http::Reply setupTwoFactor(http::HttpRequest& request);
    http::Reply enableTwoFactor(http::HttpRequest& request);
    http::Reply disableTwoFactor(http::HttpRequest& request);
    http::Reply readMe(http::HttpRequest& request);
    http::Reply updateMe(http::HttpRequest& request);
    http::Reply changePassword(http::HttpRequest& request);
    http::Reply becomeOrganizer(http::HttpRequest& request);
    http::Reply deleteMe(http::HttpRequest& request);
    http::Reply readUser(http::HttpRequest& request);
    http::Reply searchUsers(http::HttpRequest& request);
    http::Reply readUserDossier(http::HttpRequest& request);
    http::Reply eraseUser(http::HttpRequest& request);
    http::Reply setRoles(http::HttpRequest& request);
    http::Reply endUserSessions(http::HttpRequest& request);
    http::Reply resetUserTwoFactor(http::HttpRequest& request);
    http::Reply blockUser(http::HttpRequest& request);
    http::Reply unblockUser(http::HttpRequest& request);
    http::Reply auditLog(http::HttpRequest& request);

private:
    Accounts m_accounts;
    SignIn m_signIn;
    TwoFactor m_twoFactor;
    UserAdministration m_administration;
};

} // namespace sbor::auth
