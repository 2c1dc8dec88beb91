#pragma once
// The wire DTO types that have a decoder, in the order fuzz_wire's first input byte picks them
// (the seed generator writes its seeds in the same order). A type that gains a fromJson belongs
// here; appending keeps the existing seeds meaningful.

#include "sbor/wire/account.h"
#include "sbor/wire/door.h"
#include "sbor/wire/event.h"
#include "sbor/wire/live.h"
#include "sbor/wire/notification.h"
#include "sbor/wire/sales.h"
#include "sbor/wire/statistics.h"

#include <cstddef>
#include <tuple>

namespace sbor::fuzz {

using WireTypes = std::tuple<wire::User, wire::TokenGrant, wire::Session, wire::TwoFactorSetup, wire::TwoFactorState,
                             wire::PasswordChange, wire::CheckInList, wire::RedeemAnswer, wire::AnnulAnswer,
                             wire::DoorSearchHit, wire::DoorPublicKey, wire::DoorSyncPage, wire::IssuedEnrollment,
                             wire::EnrolledDevice, wire::Device, wire::Event, wire::ScheduleItem, wire::Category,
                             wire::LiveFrame, wire::LiveControl, wire::Notification, wire::NotificationPreferences,
                             wire::TicketType, wire::Ticket, wire::Order, wire::PlacedOrder, wire::EventStatistics>;

inline constexpr std::size_t kWireTypeCount = std::tuple_size_v<WireTypes>;
// After the types, one more choice: the text is a kiosk enrollment handshake (a QR's text).
inline constexpr std::size_t kEnrollmentHandshakeChoice = kWireTypeCount;
inline constexpr std::size_t kWireChoices = kWireTypeCount + 1;

// How a document is read: alone, as a bare list, or as a page {"items", "next_cursor"}.
enum class WireShape { One = 0, List = 1, Page = 2 };

// The first input byte for a type (or the handshake) and a shape.
constexpr unsigned char wireSelector(std::size_t choice, WireShape shape)
{
    return static_cast<unsigned char>(choice + kWireChoices * static_cast<std::size_t>(shape));
}

} // namespace sbor::fuzz
