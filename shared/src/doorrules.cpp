#include "sbor/doorrules.h"

namespace sbor {

DoorVerdict judgeScan(const DoorFacts& facts)
{
    if (!facts.codeReadable)
        return {DoorResult::UnknownTicket, std::nullopt};
    if (!facts.sameEventPrefix)
        return {DoorResult::WrongEvent, std::nullopt};
    if (!facts.signatureValid)
        return {DoorResult::InvalidSignature, std::nullopt};
    if (!facts.ticketFound)
        return {DoorResult::UnknownTicket, std::nullopt};
    if (facts.cancelled)
        return {DoorResult::Cancelled, std::nullopt};
    if (facts.revoked || !facts.codeCurrent)
        return {DoorResult::Revoked, std::nullopt};
    if (facts.blocked)
        return {DoorResult::Blocked, std::nullopt};
    if (facts.now < facts.validFrom)
        return {DoorResult::TooEarly, std::nullopt};
    if (facts.now > facts.validUntil)
        return {DoorResult::TooLate, std::nullopt};
    if (!facts.typeAllowed)
        return {DoorResult::NotAllowedOnList, std::nullopt};
    if (facts.kind == ScanKind::Exit) {
        if (!facts.exitsAllowed)
            return {DoorResult::NotAllowedOnList, std::nullopt};
        if (facts.multiEntry)
            return {DoorResult::Ok, std::nullopt};
        // Only someone inside can leave: a stray exit would let a second copy of the code in. An
        // exit from an offline queue must follow that scanner's own admission (its entry may
        // have been refused meanwhile because someone else got in first).
        const bool inside = !facts.admissions.empty() && facts.admissions.back().kind == ScanKind::Entry;
        if (!inside || (facts.offline && facts.admissions.back().scannedBy != facts.scannedBy))
            return {DoorResult::NotAllowedOnList, std::nullopt};
        return {DoorResult::Ok, std::nullopt};
    }
    if (facts.multiEntry || facts.admissions.empty())
        return {DoorResult::Ok, std::nullopt};
    // Single entry: once in, in — unless this list lets people out and back in and they left.
    const Admission& last = facts.admissions.back();
    if (facts.exitsAllowed && last.kind == ScanKind::Exit)
        return {DoorResult::Ok, std::nullopt};
    for (const auto& admission : facts.admissions) {
        if (admission.kind == ScanKind::Entry)
            return {DoorResult::AlreadyRedeemed, admission};
    }
    return {DoorResult::Ok, std::nullopt};
}

CodeCheck checkTicketCode(std::string_view code, const std::string& eventId, const std::vector<VerifyingKey>& keys)
{
    CodeCheck check;
    const auto read = readTicketCode(code);
    const auto event = uuidBytes(eventId);
    if (!read || !event)
        return check;
    check.readable = true;
    check.sameEventPrefix = read->fields.eventPrefix == idPrefix(*event);
    if (!check.sameEventPrefix)
        return check;
    for (const auto& key : keys) {
        if (key.keyId == read->fields.keyId && ticketCodeSignedBy(*read, *event, key.publicKey)) {
            check.signatureValid = true;
            check.ticketId = uuidText(read->fields.ticketId.data());
            break;
        }
    }
    return check;
}

std::optional<VerifyingKey> verifyingKeyOf(const wire::DoorPublicKey& key)
{
    const std::string& hex = key.publicKeyHex;
    if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        return std::nullopt;
    VerifyingKey verifying{key.keyId, {}};
    for (std::size_t i = 0; i < verifying.publicKey.size(); ++i)
        verifying.publicKey[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    return verifying;
}

} // namespace sbor
