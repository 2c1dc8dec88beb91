#include "builtinservices.h"

#include "system/systemservice.h"

namespace sbor {

ServiceCatalog builtinServices()
{
    ServiceCatalog catalog;
    catalog.add({"system", "health, readiness, metrics and version (part of every process)", {},
                 [] { return std::make_unique<SystemService>(); }});
    return catalog;
}

} // namespace sbor
