#pragma once
#include "service/servicecatalog.h"

namespace sbor {
// Every service compiled into sbor-server. New services add one entry here.
ServiceCatalog builtinServices();
// The core's configuration keys and every built-in service's: what sbor-server reads.
ConfigSchema builtinConfigSchema();
} // namespace sbor
