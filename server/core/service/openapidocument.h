#pragma once
// The OpenAPI 3 document at /api/v1/openapi.json: each running service contributes the "paths"
// of its routes (Service::apiDescription()); the shared parts — the error body, common
// responses — are defined here once.

#include "sbor/error.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace sbor {

class Service;

// Throws std::runtime_error when a service's description is not valid JSON or two services
// describe the same path and method: both are programming errors caught by the test suite.
nlohmann::json buildOpenApiDocument(const std::vector<std::unique_ptr<Service>>& services, const std::string& version);

} // namespace sbor
