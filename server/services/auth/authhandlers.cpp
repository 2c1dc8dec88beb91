#include "authhandlers.h"

#include "sbor/rfc3339.h"

#include "passwordhasher.h"
#include "profilerules.h"
#include "userjson.h"

#include "http/jsonbody.h"
#include "paging/cursor.h"
#include "sbor/uuid.h"

namespace sbor::auth {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

constexpr std::size_t kMaxPasswordBytes = 1024; // 128 characters of up to 4 bytes, with room to say "too long"
constexpr std::size_t kMaxTextBytes = 1024;

// The body as a JSON object; an empty body counts as {} where every field is optional.
Result<nlohmann::json> bodyOf(const HttpRequest& request, bool emptyIsObject = false)
{
    if (emptyIsObject && request.body.empty())
        return nlohmann::json::object();
    return http::parseJsonBody(request);
}

bool isStringField(const nlohmann::json& body, const char* field)
{
    const auto it = body.find(field);
    return it != body.end() && it->is_string();
}

const access::Principal& caller(const HttpRequest& request) { return *request.principal; }

void checkRule(http::JsonFieldReader& reader, const std::string& field, const std::optional<std::string>& value,
               std::optional<std::string> (*rule)(const std::string&))
{
    if (value) {
        if (auto problem = rule(*value))
            reader.addProblem(field, *problem);
    }
}

void checkPassword(http::JsonFieldReader& reader, const std::string& field, const std::string& password)
{
    if (auto problem = passwordProblem(password))
        reader.addProblem(field, *problem);
}

// A body that is exactly {"password": "…"}: re-authentication for one sensitive step.
Result<std::string> passwordOnlyBody(const HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    std::string password = reader.requiredString("password", 1, kMaxPasswordBytes);
    if (auto problem = reader.finish())
        return *problem;
    return password;
}

} // namespace

void AuthHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    using access::Permission;
    const auto bind = [this](Reply (AuthHandlers::*method)(HttpRequest&)) {
        return [this, method](HttpRequest& request) { return (this->*method)(request); };
    };
    router.add("POST", "/api/v1/auth/register", service, Access::anyone(), bind(&AuthHandlers::registerAccount));
    router.add("POST", "/api/v1/auth/login", service, Access::anyone(), bind(&AuthHandlers::login));
    router.add("POST", "/api/v1/auth/refresh", service, Access::anyone(), bind(&AuthHandlers::refresh));
    router.add("POST", "/api/v1/auth/reauthenticate", service, Access::signedIn(), bind(&AuthHandlers::reauthenticate));
    router.add("POST", "/api/v1/auth/logout", service, Access::signedIn(), bind(&AuthHandlers::logout));
    router.add("GET", "/api/v1/auth/sessions", service, Access::signedIn(), bind(&AuthHandlers::listSessions));
    router.add("DELETE", "/api/v1/auth/sessions/{id}", service, Access::signedIn(), bind(&AuthHandlers::endSession));
    router.add("POST", "/api/v1/auth/2fa/setup", service, Access::signedIn(), bind(&AuthHandlers::setupTwoFactor));
    router.add("POST", "/api/v1/auth/2fa/enable", service, Access::signedIn(), bind(&AuthHandlers::enableTwoFactor));
    router.add("POST", "/api/v1/auth/2fa/disable", service, Access::signedIn(), bind(&AuthHandlers::disableTwoFactor));
    router.add("GET", "/api/v1/users/me", service, Access::signedIn(), bind(&AuthHandlers::readMe));
    router.add("PUT", "/api/v1/users/me", service, Access::signedIn(), bind(&AuthHandlers::updateMe));
    router.add("DELETE", "/api/v1/users/me", service, Access::signedIn(), bind(&AuthHandlers::deleteMe));
    router.add("POST", "/api/v1/users/me/password", service, Access::signedIn(), bind(&AuthHandlers::changePassword));
    router.add("POST", "/api/v1/users/me/become-organizer", service, Access::signedIn(),
               bind(&AuthHandlers::becomeOrganizer));
    router.add("GET", "/api/v1/users/{id}", service, Access::signedIn(), bind(&AuthHandlers::readUser));
    // Support agents look people up (read-only); changing them is the admins'.
    router.add("GET", "/api/v1/admin/users", service, Access::require(Permission::UsersRead),
               bind(&AuthHandlers::searchUsers));
    router.add("GET", "/api/v1/admin/users/{id}", service, Access::require(Permission::UsersRead),
               bind(&AuthHandlers::readUserDossier));
    router.add("POST", "/api/v1/admin/users/{id}/erase", service, Access::require(Permission::UsersAdminister),
               bind(&AuthHandlers::eraseUser));
    router.add("PUT", "/api/v1/admin/users/{id}/roles", service, Access::require(Permission::UsersAdminister),
               bind(&AuthHandlers::setRoles));
    router.add("POST", "/api/v1/admin/users/{id}/block", service, Access::require(Permission::UsersAdminister),
               bind(&AuthHandlers::blockUser));
    router.add("POST", "/api/v1/admin/users/{id}/unblock", service, Access::require(Permission::UsersAdminister),
               bind(&AuthHandlers::unblockUser));
    router.add("DELETE", "/api/v1/admin/users/{id}/sessions", service, Access::require(Permission::UsersAdminister),
               bind(&AuthHandlers::endUserSessions));
    router.add("POST", "/api/v1/admin/users/{id}/2fa/reset", service, Access::require(Permission::UsersAdminister),
               bind(&AuthHandlers::resetUserTwoFactor));
    router.add("GET", "/api/v1/admin/audit-log", service, Access::require(Permission::AuditRead),
               bind(&AuthHandlers::auditLog));
}

Reply AuthHandlers::registerAccount(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    Registration registration;
    registration.email = reader.requiredString("email", 0, kMaxEmailLength);
    registration.password = reader.requiredString("password", 0, kMaxPasswordBytes);
    registration.name = reader.requiredString("name", 0, kMaxTextBytes);
    registration.phone = reader.optionalString("phone", 64);
    registration.country = reader.optionalString("country", 8);
    registration.locale = reader.optionalString("locale", 64);
    if (isStringField(*body, "email"))
        checkRule(reader, "email", registration.email, emailProblem);
    if (isStringField(*body, "password"))
        checkPassword(reader, "password", registration.password);
    if (isStringField(*body, "name"))
        checkRule(reader, "name", registration.name, nameProblem);
    checkRule(reader, "phone", registration.phone, phoneProblem);
    checkRule(reader, "country", registration.country, countryProblem);
    checkRule(reader, "locale", registration.locale, localeProblem);
    if (auto problem = reader.finish())
        return *problem;
    auto created = m_accounts.create(registration, http::callContextOf(request));
    if (!created)
        return created.error();
    HttpResponse response = HttpResponse::json(201, {{"user", userJson(*created)}});
    response.headers.set("Location", "/api/v1/users/" + created->id);
    return response;
}

Reply AuthHandlers::login(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    LoginAttempt attempt;
    attempt.email = reader.requiredString("email", 1, kMaxEmailLength);
    attempt.password = reader.requiredString("password", 1, kMaxPasswordBytes);
    attempt.otp = reader.optionalString("otp", 64);
    if (auto problem = reader.finish())
        return *problem;
    auto granted = m_signIn.login(attempt, http::callContextOf(request));
    if (!granted)
        return granted.error();
    return HttpResponse::json(200, tokenGrantJson(*granted));
}

Reply AuthHandlers::refresh(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string token = reader.requiredString("refresh_token", 1, 256);
    if (auto problem = reader.finish())
        return *problem;
    auto granted = m_signIn.refresh(token, http::callContextOf(request));
    if (!granted)
        return granted.error();
    return HttpResponse::json(200, tokenGrantJson(*granted));
}

Reply AuthHandlers::reauthenticate(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    Reauthentication proof;
    proof.password = reader.requiredString("password", 1, kMaxPasswordBytes);
    proof.otp = reader.optionalString("otp", 64);
    if (auto problem = reader.finish())
        return *problem;
    auto signedInAt = m_signIn.reauthenticate(caller(request), proof, http::callContextOf(request));
    if (!signedInAt)
        return signedInAt.error();
    return HttpResponse::json(200,
                              {{"signed_in_at", formatRfc3339(*signedInAt * 1000000)},
                               {"step_up_until", formatRfc3339((*signedInAt + access::kStepUpSeconds) * 1000000)}});
}

Reply AuthHandlers::logout(HttpRequest& request)
{
    m_signIn.logout(caller(request));
    return HttpResponse::noContent();
}

Reply AuthHandlers::listSessions(HttpRequest& request)
{
    const SessionListing listing = m_signIn.sessions(caller(request));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& session : listing.sessions)
        items.push_back(sessionJson(session, session.id == listing.currentSessionId));
    return HttpResponse::json(200, {{"items", items}, {"next_cursor", nullptr}});
}

Reply AuthHandlers::endSession(HttpRequest& request)
{
    auto ended = m_signIn.endSession(caller(request), request.pathParameter("id"));
    if (!ended)
        return ended.error();
    return HttpResponse::noContent();
}

Reply AuthHandlers::setupTwoFactor(HttpRequest& request)
{
    const auto password = passwordOnlyBody(request);
    if (!password)
        return password.error();
    auto setup = m_twoFactor.setup(caller(request), *password, http::callContextOf(request));
    if (!setup)
        return setup.error();
    return HttpResponse::json(200, wire::toJson(wire::TwoFactorSetup{setup->secret, setup->otpauthUri}));
}

Reply AuthHandlers::enableTwoFactor(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string code = reader.requiredString("code", 1, 64);
    const bool endOthers = reader.optionalBoolean("end_other_sessions").value_or(false);
    if (auto problem = reader.finish())
        return *problem;
    auto enabled = m_twoFactor.enable(caller(request), code, endOthers, http::callContextOf(request));
    if (!enabled)
        return enabled.error();
    return HttpResponse::json(200,
                              wire::toJson(wire::TwoFactorState{true, enabled->recoveryCodes, enabled->endedSessions}));
}

Reply AuthHandlers::disableTwoFactor(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string password = reader.requiredString("password", 1, kMaxPasswordBytes);
    const std::string code = reader.requiredString("code", 1, 64);
    const bool endOthers = reader.optionalBoolean("end_other_sessions").value_or(false);
    if (auto problem = reader.finish())
        return *problem;
    auto ended = m_twoFactor.disable(caller(request), password, code, endOthers, http::callContextOf(request));
    if (!ended)
        return ended.error();
    return HttpResponse::json(200, wire::toJson(wire::TwoFactorState{false, {}, *ended}));
}

Reply AuthHandlers::readMe(HttpRequest& request)
{
    auto user = m_accounts.profile(caller(request));
    if (!user)
        return user.error();
    return HttpResponse::json(200, userJson(*user));
}

Reply AuthHandlers::updateMe(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    ProfileChanges changes;
    changes.name = reader.optionalString("name", kMaxTextBytes);
    changes.phone = reader.optionalString("phone", 64);
    changes.country = reader.optionalString("country", 8);
    changes.locale = reader.optionalString("locale", 64);
    changes.email = reader.optionalString("email", kMaxEmailLength);
    const auto password = reader.optionalString("password", kMaxPasswordBytes);
    checkRule(reader, "name", changes.name, nameProblem);
    checkRule(reader, "phone", changes.phone, phoneProblem);
    checkRule(reader, "country", changes.country, countryProblem);
    checkRule(reader, "locale", changes.locale, localeProblem);
    checkRule(reader, "email", changes.email, emailProblem);
    if (!changes.name && !changes.phone && !changes.country && !changes.locale && !changes.email)
        reader.addProblem("body", "names nothing to change (name, phone, country, locale or email)");
    if (auto problem = reader.finish())
        return *problem;
    auto updated = m_accounts.updateProfile(caller(request), changes, password, http::callContextOf(request));
    if (!updated)
        return updated.error();
    return HttpResponse::json(200, userJson(*updated));
}

Reply AuthHandlers::changePassword(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string current = reader.requiredString("current_password", 1, kMaxPasswordBytes);
    const std::string replacement = reader.requiredString("new_password", 0, kMaxPasswordBytes);
    const bool endOthers = reader.optionalBoolean("end_other_sessions").value_or(true);
    if (isStringField(*body, "new_password"))
        checkPassword(reader, "new_password", replacement);
    if (auto problem = reader.finish())
        return *problem;
    auto ended = m_accounts.changePassword(caller(request), current, replacement, endOthers,
                                           http::callContextOf(request));
    if (!ended)
        return ended.error();
    return HttpResponse::json(200, wire::toJson(wire::PasswordChange{*ended}));
}

Reply AuthHandlers::becomeOrganizer(HttpRequest& request)
{
    auto user = m_accounts.becomeOrganizer(caller(request), http::callContextOf(request));
    if (!user)
        return user.error();
    return HttpResponse::json(200, userJson(*user));
}

Reply AuthHandlers::deleteMe(HttpRequest& request)
{
    const auto password = passwordOnlyBody(request);
    if (!password)
        return password.error();
    auto deleted = m_accounts.deleteAccount(caller(request), *password, http::callContextOf(request));
    if (!deleted)
        return deleted.error();
    return HttpResponse::noContent();
}

Reply AuthHandlers::readUser(HttpRequest& request)
{
    auto visible = m_accounts.read(caller(request), request.pathParameter("id"));
    if (!visible)
        return visible.error();
    return HttpResponse::json(200, userJson(visible->user, visible->view));
}

Reply AuthHandlers::searchUsers(HttpRequest& request)
{
    UserSearch search;
    search.text = request.queryValue("q");
    if (search.text.size() > 254)
        return invalidQueryParameter("q", "must be at most 254 characters long");
    if (const std::string role = request.queryValue("role"); !role.empty()) {
        search.role = access::parseRole(role);
        if (!search.role)
            return invalidQueryParameter("role", "must be attendee, organizer, staff, support or admin");
    }
    if (const std::string status = request.queryValue("status"); !status.empty()) {
        if (status != "active" && status != "blocked" && status != "deleted")
            return invalidQueryParameter("status", "must be active, blocked or deleted");
        search.status = status;
    }
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 50, 100);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 100");
    search.limit = *limit;
    search.cursor = request.queryValue("cursor");
    for (const auto& [parameter, bound] :
         {std::pair{"created_from", &search.createdFrom}, std::pair{"created_to", &search.createdTo}}) {
        *bound = request.queryValue(parameter);
        if (!bound->empty() && !parseRfc3339(*bound))
            return invalidQueryParameter(parameter, http::kTimeProblem);
    }
    auto page = m_administration.search(search);
    if (!page)
        return page.error();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& user : page->items)
        items.push_back(userJson(user, user.status == "deleted" ? UserView::Tombstone : UserView::Private));
    return HttpResponse::json(
        200, {{"items", items}, {"next_cursor", page->nextCursor ? nlohmann::json(*page->nextCursor) : nullptr}});
}

Reply AuthHandlers::setRoles(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::vector<std::string> names = reader.optionalStringArray("roles", 10);
    if (!body->contains("roles"))
        reader.addProblem("roles", "is required");
    else if (names.empty() && (*body)["roles"].is_array())
        reader.addProblem("roles", "must name at least one role");
    std::vector<access::Role> roles;
    for (const auto& name : names) {
        const auto role = access::parseRole(name);
        if (!role)
            reader.addProblem("roles", "'" + name + "' is not a role (attendee, organizer, staff, support, admin)");
        else if (std::find(roles.begin(), roles.end(), *role) == roles.end())
            roles.push_back(*role);
    }
    if (auto problem = reader.finish())
        return *problem;
    auto updated = m_administration.setRoles(caller(request), request.pathParameter("id"), roles,
                                             http::callContextOf(request));
    if (!updated)
        return updated.error();
    return HttpResponse::json(200, userJson(*updated));
}

Reply AuthHandlers::blockUser(HttpRequest& request)
{
    auto body = bodyOf(request, true);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string reason = reader.optionalString("reason", 500).value_or("");
    if (auto problem = reader.finish())
        return *problem;
    auto blocked = m_administration.block(caller(request), request.pathParameter("id"), reason,
                                          http::callContextOf(request));
    if (!blocked)
        return blocked.error();
    return HttpResponse::json(200, userJson(*blocked));
}

Reply AuthHandlers::endUserSessions(HttpRequest& request)
{
    auto ended = m_administration.endAllSessions(caller(request), request.pathParameter("id"),
                                                 http::callContextOf(request));
    if (!ended)
        return ended.error();
    return HttpResponse::json(200, {{"ended_sessions", *ended}});
}

Reply AuthHandlers::resetUserTwoFactor(HttpRequest& request)
{
    auto reset = m_administration.resetTwoFactor(caller(request), request.pathParameter("id"),
                                                 http::callContextOf(request));
    if (!reset)
        return reset.error();
    return HttpResponse::json(200, userJson(*reset));
}

Reply AuthHandlers::unblockUser(HttpRequest& request)
{
    auto unblocked = m_administration.unblock(caller(request), request.pathParameter("id"),
                                              http::callContextOf(request));
    if (!unblocked)
        return unblocked.error();
    return HttpResponse::json(200, userJson(*unblocked));
}

Reply AuthHandlers::auditLog(HttpRequest& request)
{
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 50, 200);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 200");
    AuditQuery query;
    query.limit = *limit;
    for (const auto& [parameter, id] : {std::pair{"actor", &query.actorId}, std::pair{"target", &query.targetId}}) {
        *id = request.queryValue(parameter);
        if (!id->empty() && !isUuid(*id))
            return invalidQueryParameter(parameter, "must be a user id");
    }
    query.action = request.queryValue("action");
    if (query.action.size() > 100)
        return invalidQueryParameter("action", "must be at most 100 characters long");
    for (const auto& [parameter, bound] : {std::pair{"from", &query.from}, std::pair{"to", &query.to}}) {
        *bound = request.queryValue(parameter);
        if (!bound->empty() && !parseRfc3339(*bound))
            return invalidQueryParameter(parameter, http::kTimeProblem);
    }
    auto page = m_administration.auditLog(query, request.queryValue("cursor"));
    if (!page)
        return page.error();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& entry : page->items)
        items.push_back(auditEntryJson(entry));
    return HttpResponse::json(
        200, {{"items", items}, {"next_cursor", page->nextCursor ? nlohmann::json(*page->nextCursor) : nullptr}});
}

Reply AuthHandlers::readUserDossier(HttpRequest& request)
{
    auto dossier = m_administration.dossier(request.pathParameter("id"));
    if (!dossier)
        return dossier.error();
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& session : dossier->sessions)
        sessions.push_back(sessionJson(session, false));
    // The audit log is the admins' (AuditRead): a support agent's lookup shows the person, not
    // what admins did.
    nlohmann::json audit = nlohmann::json::array();
    if (request.principal->has(access::Permission::AuditRead))
        for (const auto& entry : dossier->recentAudit)
            audit.push_back(auditEntryJson(entry));
    const auto count = [](const std::optional<int>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json();
    };
    const UserView view = dossier->user.status == "deleted" ? UserView::Tombstone : UserView::Private;
    return HttpResponse::json(200,
                              {{"user", userJson(dossier->user, view)},
                               {"sessions", sessions},
                               {"recent_audit", audit},
                               {"orders_count", count(dossier->ordersCount)},
                               {"events_count", count(dossier->eventsCount)}});
}

Reply AuthHandlers::eraseUser(HttpRequest& request)
{
    auto body = bodyOf(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string confirmEmail = reader.requiredString("confirm_email", 1, kMaxEmailLength);
    if (auto problem = reader.finish())
        return *problem;
    auto erased = m_administration.erase(caller(request), request.pathParameter("id"), confirmEmail,
                                         http::callContextOf(request));
    if (!erased)
        return erased.error();
    return HttpResponse::json(200, {{"id", canonicalUuid(request.pathParameter("id"))}, {"status", "deleted"}});
}

} // namespace sbor::auth
