#include "reporthandlers.h"

#include "http/jsonbody.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"

namespace sbor::analytics {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

std::string csvCell(const nlohmann::json& cell)
{
    if (cell.is_null())
        return {};
    if (!cell.is_string())
        return cell.dump();
    const std::string& text = cell.get_ref<const std::string&>();
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

std::string csvOf(const Report& report)
{
    std::string csv;
    for (std::size_t i = 0; i < report.columns.size(); ++i)
        csv += (i ? "," : "") + csvCell(report.columns[i]);
    csv += "\r\n";
    for (const auto& row : report.rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            csv += (i ? "," : "") + csvCell(row[i]);
        csv += "\r\n";
    }
    return csv;
}

void ReportHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    // The platform's figures are the admins' (the same permission as its settings).
    for (const ReportKind kind :
         {ReportKind::Sales, ReportKind::Registrations, ReportKind::Checkins, ReportKind::Support}) {
        const std::string path = "/api/v1/admin/reports/" + std::string(reportName(kind));
        router.add("GET", path, service, Access::require(access::Permission::PlatformConfigure),
                   [this, kind](HttpRequest& request) { return answer(request, kind, false); });
        router.add("GET", path + ".csv", service, Access::require(access::Permission::PlatformConfigure),
                   [this, kind](HttpRequest& request) { return answer(request, kind, true); });
    }
}

Reply ReportHandlers::answer(HttpRequest& request, ReportKind kind, bool csv)
{
    ReportRequest asked;
    asked.kind = kind;
    asked.interval = request.queryValue("interval", "day");
    if (asked.interval != "day" && asked.interval != "week" && asked.interval != "month")
        return invalidQueryParameter("interval", "must be day, week or month");
    asked.timezone = request.queryValue("timezone", "UTC");
    if (asked.timezone.empty() || asked.timezone.size() > 64)
        return invalidQueryParameter("timezone", "must be an IANA time zone such as Europe/Moscow or UTC");
    for (const auto& [name, bound] : {std::pair{"from", &asked.from}, std::pair{"to", &asked.to}}) {
        const std::string value = request.queryValue(name);
        if (value.empty())
            continue;
        *bound = parseRfc3339(value);
        if (!*bound)
            return invalidQueryParameter(name, http::kTimeProblem);
    }
    if (const std::string organizer = request.queryValue("organizer_id"); !organizer.empty()) {
        if (kind == ReportKind::Registrations || kind == ReportKind::Support)
            return invalidQueryParameter("organizer_id", "goes with the sales and checkins reports only");
        if (!isUuid(organizer))
            return invalidQueryParameter("organizer_id", "must be a user id");
        asked.organizerId = canonicalUuid(organizer);
    }
    auto report = m_reports.report(asked);
    if (!report)
        return report.error();
    if (csv || request.headers.get("accept").find("text/csv") != std::string::npos) {
        HttpResponse response = HttpResponse::text(200, csvOf(*report), "text/csv; charset=utf-8");
        response.headers.add("content-disposition",
                             "attachment; filename=\"sbor-" + std::string(reportName(kind)) + "-" + asked.interval +
                                 ".csv\"");
        return response;
    }
    return HttpResponse::json(200, report->document);
}

} // namespace sbor::analytics
