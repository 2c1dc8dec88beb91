#pragma once
// A ticket's code (architecture.md §6): a compact binary payload signed with the event's Ed25519
// key, written in base32 so it is upper-case letters and digits only (164 characters). The server
// issues codes; kiosks check them offline with the event's public keys.
//
// Layout, big-endian, 38 bytes, then the 64-byte signature:
//   version (1) | key id (1) | ticket id (16) | event id, first 4 bytes | ticket type id, first 4
//   bytes | issued at (u32, unix s) | valid from (u32) | valid until (u32)
// The signature covers the 38 bytes followed by the full 16-byte event id, so a code binds to its
// event although it carries only a prefix of the id (the prefix tells "wrong event" apart from
// "forged" before any key is tried).

#include "sbor/uuid.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sbor {

inline constexpr std::uint8_t kTicketCodeVersion = 1;
inline constexpr std::size_t kTicketCodePayloadSize = 38;
inline constexpr std::size_t kTicketCodeSignatureSize = 64;
inline constexpr std::size_t kTicketCodeLength = 164; // base32 characters
using IdPrefix = std::array<std::uint8_t, 4>;
using SigningSecretKey = std::array<std::uint8_t, 64>; // libsodium's Ed25519 secret key (seed + public key)
using SigningPublicKey = std::array<std::uint8_t, 32>;

struct TicketCodeFields {
    std::uint8_t keyId = 0;
    UuidBytes ticketId{};
    IdPrefix eventPrefix{};
    IdPrefix ticketTypePrefix{};
    std::uint32_t issuedAt = 0;
    std::uint32_t validFrom = 0;
    std::uint32_t validUntil = 0;
};

// The first 4 bytes of an id, as a code carries them.
IdPrefix idPrefix(const UuidBytes& id);

// The code's text for `fields`, signed by the event's secret key.
std::string signTicketCode(const TicketCodeFields& fields, const UuidBytes& eventId, const SigningSecretKey& secretKey);

// A code taken apart, signature not yet checked.
struct ReadTicketCode {
    TicketCodeFields fields;
    std::string signedBytes; // the 38 payload bytes
    std::string signature;
};

// The one spelling of a code: upper case (a scanner behind Caps Lock types lower case). Codes are
// stored, compared and revoked in this form.
std::string canonicalTicketCode(std::string_view text);

// Structure only: nullopt for text that is not base32, the wrong length or an unknown version.
std::optional<ReadTicketCode> readTicketCode(std::string_view text);

// A public key as devices receive it: 64 lower-case hex digits.
std::string publicKeyHex(const SigningPublicKey& publicKey);

// Whether `code` was signed by the secret half of `publicKey` for the event `eventId`.
bool ticketCodeSignedBy(const ReadTicketCode& code, const UuidBytes& eventId, const SigningPublicKey& publicKey);

} // namespace sbor
