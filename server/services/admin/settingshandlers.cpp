#include "settingshandlers.h"

#include "http/jsonbody.h"
#include "sbor/currency.h"

namespace sbor::admin {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

// A year: a target longer than that is a typo.
constexpr std::int64_t kMaxTargetMinutes = 525600;
// 10 000 000.00 in any currency's minor units: a fee above it is a typo.
constexpr std::int64_t kMaxPublicationFee = 1000000000;

} // namespace

void SettingsHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    using access::Permission;
    router.add("GET", "/api/v1/admin/settings", service, Access::require(Permission::PlatformConfigure),
               [this](HttpRequest& request) { return readSettings(request); });
    router.add("PUT", "/api/v1/admin/settings", service, Access::require(Permission::PlatformConfigure),
               [this](HttpRequest& request) { return changeSettings(request); });
}

Reply SettingsHandlers::readSettings(HttpRequest&) { return HttpResponse::json(200, wire::toJson(m_settings.read())); }

Reply SettingsHandlers::changeSettings(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    PlatformSettingsChanges changes;
    changes.version = reader.optionalInteger("version", 1);
    changes.commissionBasisPoints = reader.optionalInteger("commission_basis_points", 0, 10000);
    changes.publicationFee = reader.optionalInteger("publication_fee", 0, kMaxPublicationFee);
    changes.publicationFeeCurrency = reader.optionalString("publication_fee_currency", 16);
    if (changes.publicationFeeCurrency && !isKnownCurrency(*changes.publicationFeeCurrency))
        reader.addProblem("publication_fee_currency", "must be an ISO 4217 currency code the platform sells in");
    changes.defaultLanguage = reader.optionalChoice("default_language", {"ru", "en"});
    changes.supportFirstResponseMinutes = reader.optionalInteger("support_first_response_minutes", 1,
                                                                 kMaxTargetMinutes);
    changes.supportResolutionMinutes = reader.optionalInteger("support_resolution_minutes", 1, kMaxTargetMinutes);
    // Stamps the server keeps are read back by consoles and may come back in a PUT unchanged.
    reader.acceptField("updated_by");
    reader.acceptField("updated_at");
    if (auto problem = reader.finish())
        return *problem;
    auto changed = m_settings.change(*request.principal, changes, http::callContextOf(request));
    if (!changed)
        return changed.error();
    return HttpResponse::json(200, wire::toJson(*changed));
}

} // namespace sbor::admin
