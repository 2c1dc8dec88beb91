#pragma once
// The JSON shapes of the events API — one codec per DTO.

#include "event.h"

#include <nlohmann/json.hpp>

namespace sbor::events {

nlohmann::json eventJson(const Event& event);
nlohmann::json scheduleItemJson(const ScheduleItem& item);
nlohmann::json categoryJson(const Category& category);

} // namespace sbor::events
