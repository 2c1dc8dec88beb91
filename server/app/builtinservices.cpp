#include "builtinservices.h"

#include "admin/adminservice.h"
#include "analytics/analyticsservice.h"
#include "auth/authservice.h"
#include "events/eventsservice.h"
#include "gateway/gatewayservice.h"
#include "live/liveservice.h"
#include "logs/logsservice.h"
#include "notifications/notificationsservice.h"
#include "payments/paymentsservice.h"
#include "support/supportservice.h"
#include "tickets/ticketsservice.h"
#include "system/systemservice.h"

namespace sbor {

namespace {

// The gateway forwards to every other service, so it is made from their entries.
ServiceEntry gatewayEntry(std::vector<ServiceEntry> upstreams)
{
    ServiceEntry gateway{
        "gateway",
        "the public front in distributed mode: routes /api/v1 to the processes of the services (cluster.services.*)",
        {},
        nullptr,
        false};
    gateway.create = [upstreams = std::move(upstreams)] {
        std::vector<gateway::UpstreamApi> apis;
        for (const auto& entry : upstreams) {
            if (entry.name == kSystemService)
                continue; // every process, the gateway's included, answers health and metrics itself
            const auto service = entry.create();
            if (const std::string_view description = service->apiDescription(); !description.empty())
                apis.push_back({entry.name, std::string(description)});
        }
        return std::make_unique<gateway::GatewayService>(std::move(apis));
    };
    return gateway;
}

} // namespace

ServiceCatalog builtinServices()
{
    ServiceCatalog catalog;
    catalog.add({"system", "health, readiness, metrics and version (part of every process)", {}, [] {
                     return std::make_unique<SystemService>();
                 }});
    catalog.add({"auth",
                 "accounts, sign-in, sessions, roles, 2FA, audit log; checks access tokens for the gateway",
                 {},
                 [] { return std::make_unique<auth::AuthService>(); },
                 true,
                 {"events", "tickets"}, // kiosk enrollment
                 &auth::AuthService::declareSettings});
    catalog.add({"events",
                 "events from draft to published, schedules, categories, reminders",
                 {},
                 [] { return std::make_unique<events::EventsService>(); },
                 true,
                 {"auth", "tickets"}, // publishing, cancelling
                 &events::EventsService::declareSettings});
    catalog.add(
        {"tickets",
         "ticket types and quotas, orders, tickets with signed codes and QR, check-in lists, redeem and kiosk sync",
         {"events"},
         [] { return std::make_unique<tickets::TicketsService>(); },
         true,
         {"auth", "payments"}, // refunds
         &tickets::TicketsService::declareSettings});
    catalog.add({"payments",
                 "simulated card payments, the ledger with the platform's commission, refunds",
                 {"tickets", "events"},
                 [] { return std::make_unique<payments::PaymentsService>(); },
                 true,
                 {"auth"},
                 &payments::PaymentsService::declareSettings});
    catalog.add(
        {"notifications",
         "in-app notifications and preferences, email from templates, signed webhooks with retries (consumes the bus)",
         {"tickets", "events", "auth"},
         [] { return std::make_unique<notifications::NotificationsService>(); },
         true,
         {},
         &notifications::NotificationsService::declareSettings});
    catalog.add({"live",
                 "the live feed: WebSocket topics for events, people and admins, fed by the bus",
                 {"auth", "events"},
                 [] { return std::make_unique<live::LiveService>(); },
                 true,
                 {},
                 &live::LiveService::declareSettings});
    catalog.add({"analytics",
                 "per-minute totals of sales, money and check-ins from the bus; the dashboard's series (rebuilt "
                 "from tickets and payments on request)",
                 {"tickets", "payments", "events"},
                 [] { return std::make_unique<analytics::AnalyticsService>(); },
                 true,
                 {"auth"}});
    catalog.add({"logs",
                 "the central log files: every process's log lines from the bus, searchable by trace (admins)",
                 {},
                 [] { return std::make_unique<logs::LogsService>(); },
                 true,
                 {"auth"},
                 &logs::LogsService::declareSettings});
    catalog.add({"admin",
                 "the platform's settings: commission, publication fee, default language, support targets "
                 "(announced on the bus), and the health of every process",
                 {},
                 [] { return std::make_unique<admin::AdminService>(); },
                 true,
                 {"auth", "notifications"}}); // the health report asks notifications about webhooks
    catalog.add(
        {"support",
         "support requests (threads with internal notes, assignment, deadlines, escalation to admins) and disputes "
         "about orders, decided with refunds",
         {},
         [] { return std::make_unique<support::SupportService>(); },
         true,
         {"auth", "events", "tickets"}, // who may be assigned; disputes: the order, its event, its refund
         &support::SupportService::declareSettings});
    catalog.add(gatewayEntry(catalog.entries()));
    return catalog;
}

ConfigSchema builtinConfigSchema() { return builtinServices().configSchema(coreConfigSchema()); }

} // namespace sbor
