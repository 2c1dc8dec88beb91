// The live feed's check that client frames are masked (RFC 6455 §5.1): it reads every byte a
// WebSocket client sends, from the upgrade request on, before anything is authenticated. No
// crash or UB on any stream; and the verdict must not depend on how TCP cut the stream into
// pieces: fed whole or in pieces, the first unmasked frame is found at the same place.
//
// Input: the first bytes say where to cut (FuzzedDataProvider takes them from the end); the rest
// is the stream.

#include "fuzzchecks.h"

#include "live/framemaskcheck.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider input(data, size);
    std::vector<std::size_t> cuts;
    for (int pieces = input.ConsumeIntegralInRange(0, 8); pieces > 0; --pieces)
        cuts.push_back(input.ConsumeIntegralInRange<std::size_t>(0, 4096));
    const std::vector<std::uint8_t> stream = input.ConsumeRemainingBytes<std::uint8_t>();

    sbor::live::FrameMaskCheck whole;
    const std::optional<std::size_t> frameStart = whole.feed(stream.data(), stream.size());
    sbor::fuzz::require(whole.refused() == frameStart.has_value());
    sbor::fuzz::require(!frameStart || *frameStart < stream.size());

    sbor::live::FrameMaskCheck pieces;
    std::size_t at = 0;
    std::optional<std::size_t> found; // where the pieces' check put the refusal, from the stream's start
    std::size_t piece = 0;
    while (at < stream.size()) {
        const std::size_t length = std::min(
            stream.size() - at, piece < cuts.size() ? std::max<std::size_t>(cuts[piece], 1) : stream.size());
        ++piece;
        const auto offset = pieces.feed(stream.data() + at, length);
        if (found) {
            sbor::fuzz::require(offset == std::size_t(0)); // refused once, refused for good
        } else if (offset) {
            sbor::fuzz::require(*offset < length);
            found = at + *offset;
            // Refused where the frame's length byte came: at its first byte when that is in this
            // piece, else at the piece's start (its first byte went by in an earlier piece).
            sbor::fuzz::require(frameStart && *frameStart + 1 >= at && *frameStart + 1 < at + length);
            sbor::fuzz::require(*found == std::max(*frameStart, at));
        }
        at += length;
    }
    sbor::fuzz::require(found.has_value() == frameStart.has_value());
    sbor::fuzz::require(pieces.refused() == whole.refused());
    return 0;
}
