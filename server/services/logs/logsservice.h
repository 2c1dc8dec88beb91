#pragma once
// The logs service (architecture.md §3, seed 002): consumes every process's log lines from the
// bus's `logs` topic, files them per service and day under `logs.dir`, deletes them after
// `logs.retention_days`, and answers admins' GET /api/v1/admin/logs to follow one trace across
// services.

#include "service/service.h"

#include <memory>

namespace sbor::logs {

class LogStore;

class LogsService : public Service {
public:
    LogsService();
    ~LogsService() override;
    std::string name() const override { return "logs"; }
    // Its configuration keys (docs/configuration.md), assembled with the others' by the catalog.
    static void declareSettings(ConfigSchema& schema);
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    std::vector<BusConsumer> busConsumers() override;
    std::vector<BackgroundJob> backgroundJobs() override;
    std::string_view apiDescription() const override;

private:
    std::unique_ptr<LogStore> m_store;
    int m_retentionDays = 1;
};

} // namespace sbor::logs
