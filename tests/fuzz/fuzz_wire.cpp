// The wire DTO decoders (sbor/wire/): what the clients and the kiosk read from a server, which a
// hostile or broken server — or anything in the middle — may fill with anything. Decoding may
// fail only with DecodeError; any other exception, crash, UB or leak is a finding. What decodes
// must encode and decode again to the same JSON (the codec is one pair of functions per type).
//
// Also the kiosk's enrollment handshake parser (the text of any QR code held up to a kiosk).
//
// Input: the first byte picks the DTO type (wiretypes.h) and whether it is read alone, as a list
// or as a page; the rest is JSON text.

#include "fuzzchecks.h"

#include "wiretypes.h"

#include "sbor/error.h"

#include <array>
#include <cstdint>
#include <utility>

namespace {

using namespace sbor::wire;

template <typename T> void checkOneDecodes(const nlohmann::json& json)
{
    const T value = decode<T>(json);
    const nlohmann::json encoded = toJson(value);
    // The encoding of a decoded value is itself valid, and stable from then on.
    nlohmann::json again;
    try {
        again = toJson(decode<T>(encoded));
    } catch (const DecodeError&) {
        sbor::fuzz::require(false);
    }
    sbor::fuzz::require(again == encoded);
}

template <typename T> void checkDecoding(const nlohmann::json& json, sbor::fuzz::WireShape shape)
{
    try {
        switch (shape) {
        case sbor::fuzz::WireShape::One:
            checkOneDecodes<T>(json);
            break;
        case sbor::fuzz::WireShape::List:
            decodeList<T>(json, "items");
            break;
        case sbor::fuzz::WireShape::Page: {
            const Page<T> page = decodePage<T>(json);
            sbor::fuzz::require(decodePage<T>(toJson(page)).items.size() == page.items.size());
            break;
        }
        }
    } catch (const DecodeError&) {
        // The documented way to refuse a document.
    }
}

void checkError(const nlohmann::json& json)
{
    const auto error = sbor::errorFromJson(json);
    if (!error)
        return;
    const auto again = sbor::errorFromJson(error->toJson());
    sbor::fuzz::require(again && again->code == error->code && again->message == error->message &&
                        again->details == error->details);
}

// A kiosk reads this from any QR code held up to it.
void checkEnrollmentHandshake(std::string_view text)
{
    const auto handshake = parseEnrollmentHandshake(std::string(text));
    if (!handshake)
        return;
    // Accepted only as written: version 1 exactly, the members it reports.
    const auto json = nlohmann::json::parse(text, nullptr, false);
    sbor::fuzz::require(json.is_object() && json["v"] == 1 && json["type"] == "sbor.kiosk-enrollment");
    sbor::fuzz::require(json["server"] == handshake->server && json["code"] == handshake->code);
}

using Check = void (*)(const nlohmann::json&, sbor::fuzz::WireShape);

template <std::size_t... Index> constexpr std::array<Check, sizeof...(Index)> checksOf(std::index_sequence<Index...>)
{
    return {checkDecoding<std::tuple_element_t<Index, sbor::fuzz::WireTypes>>...};
}

constexpr auto kChecks = checksOf(std::make_index_sequence<sbor::fuzz::kWireTypeCount>());

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t choice = data[0] % sbor::fuzz::kWireChoices;
    const auto shape = static_cast<sbor::fuzz::WireShape>(data[0] / sbor::fuzz::kWireChoices % 3);
    if (choice == sbor::fuzz::kEnrollmentHandshakeChoice) {
        checkEnrollmentHandshake(sbor::fuzz::textOf(data + 1, size - 1));
        return 0;
    }
    // Not throwing: how the text is parsed is nlohmann's business, what it holds is ours.
    const nlohmann::json json = nlohmann::json::parse(data + 1, data + size, nullptr, false);
    if (json.is_discarded())
        return 0;
    // Every answer may be an error body instead of the DTO.
    checkError(json);
    if (json.is_object() && json.contains("error"))
        checkError(json["error"]);
    (void)isLiveControl(json);
    kChecks[choice](json, shape);
    return 0;
}
