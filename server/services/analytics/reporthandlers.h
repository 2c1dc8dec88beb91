#pragma once
// GET /api/v1/admin/reports/{sales,registrations,checkins,support}[.csv]: the platform reports as
// JSON, or as CSV when the path ends in .csv or the client accepts text/csv.

#include "platformreports.h"

#include "http/router.h"

namespace sbor::analytics {

class ReportHandlers {
public:
    explicit ReportHandlers(PlatformReports& reports) : m_reports(reports) {}
    void registerRoutes(http::Router& router, const std::string& service);

private:
    http::Reply answer(http::HttpRequest& request, ReportKind kind, bool csv);

    PlatformReports& m_reports;
};

// RFC 4180: a header line, then one line per row; text cells quoted when they need it, null
// cells empty. Lines end in CRLF.
std::string csvOf(const Report& report);

} // namespace sbor::analytics
