// Ticket codes: what a scanner types into a kiosk and a door route reads, from anyone holding a
// printout. Two halves, picked by the first byte:
//  - arbitrary text is read and checked against a known event key: never a crash; a code that
//    reads has exactly one spelling (its canonical form re-encodes to itself), and reads the same
//    in lower case;
//  - fuzzed fields are signed and read again: the fields come back, the signature holds for its
//    event and key only.

#include "corpuskeys.h"
#include "fuzzchecks.h"

#include "sbor/base32.h"
#include "sbor/ticketcode.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <string>

namespace {

using namespace sbor;

struct EventKey {
    UuidBytes eventId{};
    SigningSecretKey secretKey{};
    SigningPublicKey publicKey{};
};

EventKey eventKeyFromSeed(const std::array<std::uint8_t, 32>& seed, const UuidBytes& eventId)
{
    EventKey key;
    key.eventId = eventId;
    crypto_sign_seed_keypair(key.publicKey.data(), key.secretKey.data(), seed.data());
    return key;
}

// The event whose codes the seed corpus holds (tests/fuzz/corpus/ticketcode/).
const EventKey& corpusEvent()
{
    static const EventKey key = [] {
        if (sodium_init() < 0)
            __builtin_trap();
        return eventKeyFromSeed(fuzz::kTicketEventSeed, fuzz::kTicketEventId);
    }();
    return key;
}

bool sameFields(const TicketCodeFields& a, const TicketCodeFields& b)
{
    return a.keyId == b.keyId && a.ticketId == b.ticketId && a.eventPrefix == b.eventPrefix &&
        a.ticketTypePrefix == b.ticketTypePrefix && a.issuedAt == b.issuedAt && a.validFrom == b.validFrom &&
        a.validUntil == b.validUntil;
}

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return text;
}

void readArbitraryText(std::string_view text)
{
    const std::string canonical = canonicalTicketCode(text);
    fuzz::require(canonical.size() == text.size() && canonicalTicketCode(canonical) == canonical);
    const auto code = readTicketCode(text);
    const auto canonicalCode = readTicketCode(canonical);
    fuzz::require(code.has_value() == canonicalCode.has_value());
    if (!code)
        return;
    fuzz::require(sameFields(code->fields, canonicalCode->fields));
    fuzz::require(code->signedBytes.size() == kTicketCodePayloadSize &&
                  code->signature.size() == kTicketCodeSignatureSize);
    fuzz::require(base32Encode(code->signedBytes + code->signature) == canonical);
    const auto lower = readTicketCode(lowerCase(canonical));
    fuzz::require(lower && sameFields(lower->fields, code->fields));
    const bool signedByEvent = ticketCodeSignedBy(*code, corpusEvent().eventId, corpusEvent().publicKey);
    fuzz::require(signedByEvent == ticketCodeSignedBy(*canonicalCode, corpusEvent().eventId, corpusEvent().publicKey));
}

void signAndRead(FuzzedDataProvider& input)
{
    TicketCodeFields fields;
    fields.keyId = input.ConsumeIntegral<std::uint8_t>();
    const auto ticketId = input.ConsumeBytes<std::uint8_t>(16);
    std::copy(ticketId.begin(), ticketId.end(), fields.ticketId.begin());
    UuidBytes eventId{};
    const auto eventBytes = input.ConsumeBytes<std::uint8_t>(16);
    std::copy(eventBytes.begin(), eventBytes.end(), eventId.begin());
    fields.eventPrefix = idPrefix(eventId);
    const auto typePrefix = input.ConsumeBytes<std::uint8_t>(4);
    std::copy(typePrefix.begin(), typePrefix.end(), fields.ticketTypePrefix.begin());
    fields.issuedAt = input.ConsumeIntegral<std::uint32_t>();
    fields.validFrom = input.ConsumeIntegral<std::uint32_t>();
    fields.validUntil = input.ConsumeIntegral<std::uint32_t>();
    std::array<std::uint8_t, 32> seed{};
    const auto seedBytes = input.ConsumeBytes<std::uint8_t>(seed.size());
    std::copy(seedBytes.begin(), seedBytes.end(), seed.begin());
    const EventKey key = eventKeyFromSeed(seed, eventId);

    const std::string text = signTicketCode(fields, eventId, key.secretKey);
    fuzz::require(text.size() == kTicketCodeLength && canonicalTicketCode(text) == text);
    const auto code = readTicketCode(text);
    fuzz::require(code && sameFields(code->fields, fields));
    fuzz::require(ticketCodeSignedBy(*code, eventId, key.publicKey));

    // Bound to its event: the same code for another event id does not verify.
    UuidBytes otherEvent = eventId;
    otherEvent[15 - input.ConsumeIntegralInRange<std::size_t>(0, 15)] ^= 1;
    fuzz::require(!ticketCodeSignedBy(*code, otherEvent, key.publicKey));
    if (key.publicKey != corpusEvent().publicKey)
        fuzz::require(!ticketCodeSignedBy(*code, eventId, corpusEvent().publicKey));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] % 4 != 0) {
        readArbitraryText(fuzz::textOf(data + 1, size - 1));
        return 0;
    }
    FuzzedDataProvider input(data + 1, size - 1);
    signAndRead(input);
    return 0;
}
