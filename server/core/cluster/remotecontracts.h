#pragma once
// Contracts whose provider runs in another process, served over HTTP (architecture.md §3: "one
// place decides it from 'is that service active here?'"). Callers find these in the
// ServiceDirectory exactly where they would find the in-process ones.

#include "access/access.h"
#include "cluster/clustersettings.h"
#include "service/servicedirectory.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sbor::cluster {

struct RemoteWiring {
    std::shared_ptr<access::Authenticator> authenticator; // null when auth runs here or has no address
    std::vector<std::string> missingAddresses;            // services that `needed` names without a URL
};

// Puts into `directory` an HTTP client for every contract whose provider is not in `local` and
// whose address is configured. `needed` are the services the local ones call; each must be
// local or have an address, else it is listed in missingAddresses.
RemoteWiring provideRemoteContracts(ServiceDirectory& directory, const ClusterSettings& settings,
                                    const std::set<std::string>& local, const std::set<std::string>& needed);

} // namespace sbor::cluster
