#include "webhookhealth.h"

#include "webhookrepository.h"

namespace sbor::notifications {

wire::WebhookHealth WebhookHealthReport::webhookHealth()
{
    return m_database.read([](db::Transaction& tx) { return WebhookRepository(tx).health(); });
}

} // namespace sbor::notifications
