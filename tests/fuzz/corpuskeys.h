#pragma once
// The fixed keys and moment behind the seed corpus: the generator (seedgenerator.cpp) signs
// tokens and ticket codes with them, and the targets verify with them, so seeds whose signatures
// check lead the fuzzer straight past the signature into what comes after it. Test keys only.

#include "sbor/uuid.h"

#include <array>
#include <cstdint>

namespace sbor::fuzz {

inline constexpr const char* kAccessTokenKeyId = "fuzz-key-1";
inline constexpr std::array<std::uint8_t, 32> kAccessTokenSeed = {1, 2, 3, 4, 5, 6, 7, 8};
// "Now" for verifying the corpus's tokens: 2027-01-15T08:00:00Z.
inline constexpr std::int64_t kCorpusNow = 1800000000;

inline constexpr std::array<std::uint8_t, 32> kTicketEventSeed = {9, 8, 7, 6, 5, 4, 3, 2, 1};
inline constexpr UuidBytes kTicketEventId = {0x3f, 0x25, 0x04, 0xe0, 0x4f, 0x89, 0x11, 0xd3,
                                             0x9a, 0x0c, 0x03, 0x05, 0xe8, 0x2c, 0x33, 0x01};

} // namespace sbor::fuzz
