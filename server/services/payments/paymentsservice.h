#pragma once
// The payments service (architecture.md §3): the simulated card provider, the ledger with the
// platform's commission, refunds, publication fees, and the job that finishes captures left
// unsettled. The commission and the fee are the admin service's settings as heard on the bus.

#include "idempotency/idempotencystore.h"
#include "service/service.h"

#include <chrono>
#include <memory>

namespace sbor::payments {

class PaymentProcessing;
class PaymentHandlers;
class PlatformTermsIntake;

class PaymentsService : public Service {
public:
    PaymentsService();
    ~PaymentsService() override;
    std::string name() const override { return "payments"; }
    // Its configuration keys (docs/configuration.md), assembled with the others' by the catalog.
    static void declareSettings(ConfigSchema& schema);
    std::vector<db::Migration> migrations() const override;
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    std::vector<BusConsumer> busConsumers() override;
    std::vector<BackgroundJob> backgroundJobs() override;
    std::string_view apiDescription() const override;
    bool hasOutbox() const override { return true; }

private:
    std::unique_ptr<PaymentProcessing> m_processing;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<PaymentHandlers> m_handlers;
    std::unique_ptr<PlatformTermsIntake> m_termsIntake;
    std::chrono::milliseconds m_jobInterval{0};
};

} // namespace sbor::payments
