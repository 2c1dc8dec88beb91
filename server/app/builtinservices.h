#pragma once
#include "service/servicecatalog.h"

namespace sbor {
// Every service compiled into sbor-server. New services add one entry here.
ServiceCatalog builtinServices();
} // namespace sbor
