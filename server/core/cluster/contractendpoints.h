#pragma once
// The provider end of internal calls: POST /internal/v1/<contract>/<method> for every contract a
// service of this process provides, so processes running other services can use it. Each call
// must carry the cluster token; the wire form is cluster/contractcodec.h.

#include "access/access.h"
#include "http/router.h"
#include "service/servicedirectory.h"

#include <memory>
#include <set>
#include <string>

namespace sbor::cluster {

// Registers the endpoints of the contracts whose provider is in `local` (never those served
// here by another process's client: no call is passed on twice).
void registerContractEndpoints(http::Router& router, const ServiceDirectory& directory,
                               std::shared_ptr<access::Authenticator> authenticator, const std::set<std::string>& local,
                               const std::string& token);

} // namespace sbor::cluster
