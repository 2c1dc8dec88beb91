#include "paymentsservice.h"

#include "paymenthandlers.h"
#include "paymentprocessing.h"
#include "paymentrepository.h"
#include "platformtermsintake.h"

#include "bus/inbox.h"
#include "config/config.h"
#include "log/logger.h"
#include "db/connectionpool.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/refundcontracts.h"

std::vector<sbor::db::Migration> sbor_migrations_payments();
std::string_view sbor_openapi_payments();

namespace sbor::payments {

void PaymentsService::declareSettings(ConfigSchema& schema)
{
    schema.add(
        {"payments.commission_basis_points", ConfigKind::Integer, "500",
         "the platform's commission on each payment in hundredths of a percent (500 = 5 %; 0–10000) until an admin sets one (PUT /api/v1/admin/settings)"});
    schema.add({"payments.job_interval_ms", ConfigKind::Integer, "10000",
                "how often captures left unsettled (a crash mid-payment) are finished or refunded"});
}

namespace {
// A capture younger than this may still be settling in the request that made it.
constexpr int kCaptureGraceSeconds = 30;

class PaymentRefundsByProcessing : public PaymentRefunds {
public:
    explicit PaymentRefundsByProcessing(PaymentProcessing& processing) : m_processing(processing) {}
    Result<bool> refundPayment(const std::string& paymentId, const std::string& reason,
                               const std::string& traceId) override
    {
        return m_processing.refund(paymentId, reason, traceId);
    }

private:
    PaymentProcessing& m_processing;
};

class PartialRefundsByProcessing : public PartialRefunds {
public:
    explicit PartialRefundsByProcessing(PaymentProcessing& processing) : m_processing(processing) {}
    Result<bool> refundAmount(const std::string& paymentId, std::int64_t amount, const std::string& refundKey,
                              const std::string& reason, const std::string& traceId) override
    {
        return m_processing.refundAmount(paymentId, amount, refundKey, reason, traceId);
    }

private:
    PaymentProcessing& m_processing;
};

class PaymentRecordsFromDatabase : public PaymentRecords {
public:
    explicit PaymentRecordsFromDatabase(db::ConnectionPool& database) : m_database(database) {}
    std::vector<PaymentFact> paymentsOfEvent(const std::string& eventId) override
    {
        if (!isUuid(eventId))
            return {};
        return m_database.read([&](db::Transaction& tx) { return PaymentRepository(tx).factsOfEvent(eventId); });
    }

private:
    db::ConnectionPool& m_database;
};
} // namespace

PaymentsService::PaymentsService() = default;
PaymentsService::~PaymentsService() = default;

std::vector<db::Migration> PaymentsService::migrations() const
{
    auto migrations = sbor_migrations_payments();
    // Bus messages the platform terms took (PlatformTermsIntake).
    migrations.push_back(db::Migration{3, "inbox", bus::createInboxSql("payments")});
    return migrations;
}
std::string_view PaymentsService::apiDescription() const { return sbor_openapi_payments(); }

void PaymentsService::init(ServiceContext& context)
{
    m_jobInterval = std::chrono::milliseconds(context.config.getInteger("payments.job_interval_ms"));
    const std::int64_t commission = context.config.getInteger("payments.commission_basis_points");
    if (commission < 0 || commission > 10000)
        throw ErrorException(Error(ErrorCode::ValidationFailed,
                                   "payments.commission_basis_points must be 0 to 10000 (" +
                                       context.config.originOf("payments.commission_basis_points") + ")"));
    m_processing = std::make_unique<PaymentProcessing>(context.database, context.directory, commission);
    m_idempotency = std::make_unique<IdempotencyStore>(context.database, "payments");
    m_termsIntake = std::make_unique<PlatformTermsIntake>(context.database);
    m_handlers = std::make_unique<PaymentHandlers>(*m_processing, *m_idempotency);
    context.directory->provide<PaymentRefunds>(std::make_shared<PaymentRefundsByProcessing>(*m_processing));
    context.directory->provide<PartialRefunds>(std::make_shared<PartialRefundsByProcessing>(*m_processing));
    context.directory->provide<PaymentRecords>(std::make_shared<PaymentRecordsFromDatabase>(context.database));
}

void PaymentsService::registerRoutes(http::Router& router) { m_handlers->registerRoutes(router, name()); }

std::vector<BusConsumer> PaymentsService::busConsumers()
{
    PlatformTermsIntake* intake = m_termsIntake.get();
    return {{"payments-terms", platformTermsTopics(),
             [intake](const bus::Message& message) { return intake->take(message); }}};
}

std::vector<BackgroundJob> PaymentsService::backgroundJobs()
{
    PaymentProcessing* processing = m_processing.get();
    IdempotencyStore* idempotency = m_idempotency.get();
    return {{"payment-reconciliation", m_jobInterval,
             [processing] {
                 if (const int finished = processing->finishStaleCaptures(kCaptureGraceSeconds); finished > 0)
                     log::info("unsettled captures finished", {{"payments", finished}});
             }},
            {"idempotency-key-purge", std::chrono::hours(1), [idempotency] { idempotency->purgeExpired(); }}};
}

} // namespace sbor::payments
