#include "doorscenario.h"

#include "authapi.h"
#include "clientawait.h"
#include "salesapi.h"

namespace sbor::test {

namespace {

template <typename T> bool succeeded(const client::ApiResult<T>& result, const char* what)
{
    if (!result.ok())
        qWarning("%s failed: %s", what, result.error().describe().c_str());
    return result.ok();
}

std::string at(double days) { return inDays(days).toStdString(); }

} // namespace

std::optional<DoorScenario> openDoor(client::SborApi& organizer, const DoorScenarioOptions& options)
{
    QStringList holders = options.holders;
    for (int i = 0; holders.isEmpty() && i < options.tickets; ++i)
        holders << QStringLiteral("Guest %1").arg(i + 1, 3, 10, QChar('0'));
    while (holders.size() < options.tickets)
        holders << QStringLiteral("Guest %1").arg(holders.size() + 1, 3, 10, QChar('0'));
    // Starting in about seven hours: codes are already valid (from a day before), sales still open.
    const auto event = await(organizer.createEvent(
        {options.title.toStdString(), "", "Hall A", at(0.3), at(0.5), "Europe/Moscow", 1, std::nullopt}));
    if (!succeeded(event, "createEvent"))
        return std::nullopt;
    DoorScenario door;
    door.eventId = QString::fromStdString(event->id);
    const auto type = await(organizer.createTicketType(
        door.eventId, {"Standing", 0, "RUB", int(holders.size()) + 100, at(-1), at(0.25), 1, 50, true}));
    if (!succeeded(type, "createTicketType") || !succeeded(await(organizer.publishEvent(door.eventId)), "publishEvent"))
        return std::nullopt;
    door.typeId = QString::fromStdString(type->id);
    const auto list = await(organizer.createCheckInList(
        door.eventId, {options.listName.toStdString(), {}, false, options.exitsAllowed, std::nullopt, std::nullopt}));
    if (!succeeded(list, "createCheckInList"))
        return std::nullopt;
    door.listId = QString::fromStdString(list->id);
    for (qsizetype first = 0; first < holders.size(); first += 50) {
        wire::OrderLine line{type->id, 0, {}};
        for (qsizetype i = first; i < std::min(holders.size(), first + 50); ++i)
            line.attendees.push_back({holders[i].toStdString(), uniqueEmail("guest").toStdString()});
        line.quantity = int(line.attendees.size());
        const auto placed = await(organizer.placeOrder({event->id, {line}}));
        if (!succeeded(placed, "placeOrder"))
            return std::nullopt;
        door.tickets.insert(door.tickets.end(), placed->tickets.begin(), placed->tickets.end());
    }
    return door;
}

std::optional<wire::Ticket> sellTicket(client::SborApi& organizer, const DoorScenario& door, const QString& holder)
{
    const auto placed = await(organizer.placeOrder(
        {door.eventId.toStdString(),
         {{door.typeId.toStdString(), 1, {{holder.toStdString(), uniqueEmail("late").toStdString()}}}}}));
    if (!succeeded(placed, "placeOrder"))
        return std::nullopt;
    return placed->tickets.at(0);
}

} // namespace sbor::test
