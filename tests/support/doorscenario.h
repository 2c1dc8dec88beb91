#pragma once
// A door ready for kiosks, made through libsbor-client the way an organizer's app would: an event
// starting in a few hours with a free ticket type on sale, published, one check-in list, and
// sold tickets with named holders. The kiosk's GUI test and its benchmark start from it.

#include "sborapi.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sbor::test {

struct DoorScenario {
    QString eventId;
    QString typeId;
    QString listId;
    std::vector<wire::Ticket> tickets; // in the order of the holders asked for
};

struct DoorScenarioOptions {
    QString title = "Door night";
    QString listName = "Main entrance";
    bool exitsAllowed = false;
    QStringList holders; // one ticket per name; when empty, `tickets` tickets named "Guest 001" …
    int tickets = 0;
};

// The scenario, or nullopt with a warning naming the call that failed.
std::optional<DoorScenario> openDoor(client::SborApi& organizer, const DoorScenarioOptions& options);

// Sells one more ticket of the scenario's type to `holder`; nullopt (and a warning) on failure.
std::optional<wire::Ticket> sellTicket(client::SborApi& organizer, const DoorScenario& door, const QString& holder);

} // namespace sbor::test
