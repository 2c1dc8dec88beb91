#include "sbor/ticketcode.h"

#include "sbor/base32.h"

#include <sodium.h>

#include <algorithm>

namespace sbor {
namespace {

void putU32(std::string& out, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

std::uint32_t getU32(const std::string& in, std::size_t at)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<std::uint8_t>(in[at + i]);
    return value;
}

template <std::size_t N> void putBytes(std::string& out, const std::array<std::uint8_t, N>& bytes)
{
    out.append(reinterpret_cast<const char*>(bytes.data()), N);
}

template <std::size_t N> std::array<std::uint8_t, N> getBytes(const std::string& in, std::size_t at)
{
    std::array<std::uint8_t, N> bytes{};
    std::copy_n(reinterpret_cast<const std::uint8_t*>(in.data() + at), N, bytes.begin());
    return bytes;
}

void prepareSodium()
{
    static const bool ready = sodium_init() >= 0; // thread-safe once; later calls are no-ops
    (void)ready;
}

std::string signedMessage(const std::string& payload, const UuidBytes& eventId)
{
    std::string message = payload;
    putBytes(message, eventId);
    return message;
}

} // namespace

IdPrefix idPrefix(const UuidBytes& id) { return {id[0], id[1], id[2], id[3]}; }

std::string signTicketCode(const TicketCodeFields& fields, const UuidBytes& eventId, const SigningSecretKey& secretKey)
{
    prepareSodium();
    std::string payload;
    payload.reserve(kTicketCodePayloadSize + kTicketCodeSignatureSize);
    payload.push_back(static_cast<char>(kTicketCodeVersion));
    payload.push_back(static_cast<char>(fields.keyId));
    putBytes(payload, fields.ticketId);
    putBytes(payload, fields.eventPrefix);
    putBytes(payload, fields.ticketTypePrefix);
    putU32(payload, fields.issuedAt);
    putU32(payload, fields.validFrom);
    putU32(payload, fields.validUntil);
    const std::string message = signedMessage(payload, eventId);
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), secretKey.data());
    payload.append(reinterpret_cast<const char*>(signature.data()), signature.size());
    return base32Encode(payload);
}

std::string canonicalTicketCode(std::string_view text)
{
    std::string canonical(text);
    for (char& c : canonical) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return canonical;
}

std::optional<ReadTicketCode> readTicketCode(std::string_view text)
{
    if (text.size() != kTicketCodeLength)
        return std::nullopt;
    const auto bytes = base32Decode(text);
    if (!bytes || bytes->size() != kTicketCodePayloadSize + kTicketCodeSignatureSize ||
        static_cast<std::uint8_t>((*bytes)[0]) != kTicketCodeVersion)
        return std::nullopt;
    ReadTicketCode code;
    code.fields.keyId = static_cast<std::uint8_t>((*bytes)[1]);
    code.fields.ticketId = getBytes<16>(*bytes, 2);
    code.fields.eventPrefix = getBytes<4>(*bytes, 18);
    code.fields.ticketTypePrefix = getBytes<4>(*bytes, 22);
    code.fields.issuedAt = getU32(*bytes, 26);
    code.fields.validFrom = getU32(*bytes, 30);
    code.fields.validUntil = getU32(*bytes, 34);
    code.signedBytes = bytes->substr(0, kTicketCodePayloadSize);
    code.signature = bytes->substr(kTicketCodePayloadSize);
    return code;
}

std::string publicKeyHex(const SigningPublicKey& publicKey)
{
    std::string hex(publicKey.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), publicKey.data(), publicKey.size());
    hex.pop_back();
    return hex;
}

bool ticketCodeSignedBy(const ReadTicketCode& code, const UuidBytes& eventId, const SigningPublicKey& publicKey)
{
    prepareSodium();
    const std::string message = signedMessage(code.signedBytes, eventId);
    return code.signature.size() == crypto_sign_BYTES &&
        crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(code.signature.data()),
                                    reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                    publicKey.data()) == 0;
}

} // namespace sbor
