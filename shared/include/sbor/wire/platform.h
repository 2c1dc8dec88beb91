#pragma once
// The admin API's platform settings (GET/PUT /api/v1/admin/settings) and their one JSON codec,
// shared by the server, the bus message platform.settings_changed and the console.

#include "sbor/wire/decoding.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sbor::wire {

struct PlatformSettings {
    std::int64_t version = 0;                 // counts the changes; PUT may send it to refuse a stale form
    std::int64_t commissionBasisPoints = 500; // the platform's share of each payment, 1/100 %
    std::int64_t publicationFee = 0;          // charged to the organizer when an event is published
    std::string publicationFeeCurrency = "RUB";
    std::string defaultLanguage = "ru"; // ru | en: emails and screens of people who chose none
    std::int64_t supportFirstResponseMinutes = 240;
    std::int64_t supportResolutionMinutes = 4320;
    std::optional<std::string> updatedBy; // null until a person changed them
    std::string updatedAt;
};

// PUT /admin/settings: each field set is changed, the others kept.
struct PlatformSettingsChanges {
    std::optional<std::int64_t> version; // the version the form was read at
    std::optional<std::int64_t> commissionBasisPoints;
    std::optional<std::int64_t> publicationFee;
    std::optional<std::string> publicationFeeCurrency;
    std::optional<std::string> defaultLanguage;
    std::optional<std::int64_t> supportFirstResponseMinutes;
    std::optional<std::int64_t> supportResolutionMinutes;
};

nlohmann::json toJson(const PlatformSettings& settings);
nlohmann::json toJson(const PlatformSettingsChanges& changes);
void fromJson(const FieldReader& reader, PlatformSettings& settings);

} // namespace sbor::wire
