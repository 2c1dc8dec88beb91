#pragma once
// The live service (architecture.md §3, §5): the WebSocket hub on `live.listen`, fed by the bus.
// Every process that runs it hears every message (a consumer group of its own), since each has
// its own clients.

#include "service/service.h"

#include <memory>

namespace sbor::live {

class LiveHub;

class LiveService : public Service {
public:
    LiveService();
    ~LiveService() override;
    std::string name() const override { return "live"; }
    // Its configuration keys (docs/configuration.md), assembled with the others' by the catalog.
    static void declareSettings(ConfigSchema& schema);
    void init(ServiceContext& context) override;
    void start() override;
    void stop() override;
    std::vector<BusConsumer> busConsumers() override;

private:
    std::unique_ptr<LiveHub> m_hub;
};

} // namespace sbor::live
