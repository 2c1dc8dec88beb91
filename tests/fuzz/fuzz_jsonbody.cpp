// The JSON body reader: every request body a stranger sends goes through parseJsonBody, and the
// object it gives back through JsonFieldReader. Neither may let an exception out (the pipeline
// would answer 500 and log an error line per request), crash, or leak; every Error they make must
// become a response body the way the pipeline turns it into one.
//
// Input: the first byte picks the Content-Type, the rest is the body.

#include "fuzzchecks.h"

#include "http/jsonbody.h"

#include <array>
#include <cstdint>
#include <string>

namespace {

using sbor::http::JsonFieldReader;

// Every reader method in turn, chosen by the field's name so the fuzzer steers it through the body.
void readField(JsonFieldReader& reader, const std::string& field)
{
    switch (field.size() % 7) {
    case 0:
        reader.requiredString(field, 1, 64);
        break;
    case 1:
        reader.optionalString(field, 16);
        break;
    case 2:
        reader.requiredInteger(field, -1000, 1000);
        break;
    case 3:
        reader.optionalInteger(field);
        break;
    case 4:
        reader.optionalBoolean(field);
        break;
    case 5:
        reader.optionalStringArray(field, 4);
        break;
    default:
        reader.acceptField(field);
        break;
    }
}

void readObject(const nlohmann::json& object, const std::string& prefix, int depth)
{
    JsonFieldReader reader(object, prefix);
    int fields = 0;
    for (auto it = object.begin(); it != object.end() && fields < 32; ++it, ++fields) {
        readField(reader, it.key());
        // A nested object is read the way handlers read lists of items: a reader with a path prefix.
        const std::string path = prefix.empty() ? it.key() : prefix + "." + it.key();
        if (it->is_object() && depth < 3)
            readObject(*it, path, depth + 1);
        else if (it->is_array() && !it->empty() && it->front().is_object() && depth < 3)
            readObject(it->front(), path + "[0]", depth + 1);
    }
    reader.requiredString("name"); // a required field that is usually absent
    reader.addProblem("ends_at", "must be after starts_at");
    if (const auto problem = reader.finish())
        sbor::http::errorResponse(*problem, "fuzz");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const std::array<const char*, 6> contentTypes = {"",
                                                            "application/json",
                                                            "application/json; charset=utf-8",
                                                            "application/merge-patch+json",
                                                            "APPLICATION/JSON",
                                                            "text/plain"};
    sbor::http::HttpRequest request;
    request.method = "POST";
    if (const char* type = contentTypes[data[0] % contentTypes.size()]; *type)
        request.headers.set("Content-Type", type);
    request.body.assign(sbor::fuzz::textOf(data + 1, size - 1));

    // Any exception out of here is a finding: libFuzzer reports it as a crash.
    const auto parsed = sbor::http::parseJsonBody(request);
    if (!parsed) {
        const auto response = sbor::http::errorResponse(parsed.error(), "fuzz");
        sbor::fuzz::require(response.status >= 400 && response.status < 500);
        return 0;
    }
    sbor::fuzz::require(parsed->is_object());
    readObject(*parsed, {}, 0);
    return 0;
}
