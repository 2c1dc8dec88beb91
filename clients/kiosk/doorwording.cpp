#include "doorwording.h"

#include "doorstore.h"

#include "sbor/doorresult.h"
#include "sbor/rfc3339.h"

#include <QDateTime>

namespace sbor::kiosk {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

// What the staff member sees, by the result's weight: come in, look closer, stop.
QString toneOf(const std::string& result)
{
    const auto known = doorResultFromName(result);
    if (known == DoorResult::Ok)
        return "admitted";
    if (known == DoorResult::AlreadyRedeemed)
        return "warning";
    return "refused";
}

// The words of each door verdict but not_allowed_on_list, whose words depend on the direction.
struct Reason {
    DoorResult result;
    const char* words;
};
constexpr Reason kReasons[] = {
    {DoorResult::Ok, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "Welcome!")},
    {DoorResult::AlreadyRedeemed, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "Already checked in")},
    {DoorResult::UnknownTicket, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "Unknown ticket")},
    {DoorResult::InvalidSignature, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "Forged or damaged code")},
    {DoorResult::Revoked, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "This ticket was replaced by a newer one")},
    {DoorResult::Blocked,
     QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "Ticket blocked — send the guest to the info desk")},
    {DoorResult::Cancelled, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "Ticket cancelled")},
    {DoorResult::Unpaid, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "Order not paid")},
    {DoorResult::WrongEvent, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "Ticket for another event")},
    {DoorResult::TooEarly, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "Too early: this ticket is not valid yet")},
    {DoorResult::TooLate, QT_TRANSLATE_NOOP("sbor::kiosk::DoorWording", "This ticket is no longer valid")},
};

// The kiosk's own verdict, before any rule: the camera saw no code.
constexpr const char* kUnreadable = "unreadable";

} // namespace

QString localTime(const std::string& rfc3339)
{
    const auto micros = parseRfc3339(rfc3339);
    if (!micros)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*micros / 1000).toLocalTime().toString("HH:mm");
}

DoorWording::DoorWording(const DoorStore& store, const Enrollment& enrollment)
    : m_store(store), m_enrollment(enrollment)
{}

QString DoorWording::holderOf(const std::string& ticketId) const
{
    const auto ticket = m_store.ticket(ticketId);
    return ticket ? q(ticket->holderName) : QString();
}

QString DoorWording::reason(const QString& result, bool exit) const
{
    const auto known = doorResultFromName(result.toStdString());
    if (known == DoorResult::NotAllowedOnList)
        return exit ? tr("Exit not possible for this ticket here") : tr("This ticket is not valid at this entrance");
    for (const Reason& reason : kReasons)
        if (known == reason.result)
            return tr(reason.words);
    if (result == QLatin1String(kUnreadable))
        return tr("No code found in the picture");
    return tr("Could not check the ticket");
}

Verdict DoorWording::verdictFor(const wire::RedeemAnswer& answer, bool offline, bool exit) const
{
    Verdict verdict;
    verdict.result = q(answer.result);
    verdict.tone = toneOf(answer.result);
    verdict.headline = reason(verdict.result, exit);
    verdict.offline = offline;
    verdict.exit = exit;
    verdict.scanId = q(answer.scanId);
    if (answer.ticket) {
        verdict.holderName = q(answer.ticket->holderName);
        if (verdict.holderName.isEmpty())
            verdict.holderName = holderOf(answer.ticket->id);
        verdict.ticketType = q(m_store.ticketTypeName(answer.ticket->ticketTypeId));
    }
    if (answer.previous) {
        const bool here = answer.previous->deviceId && q(*answer.previous->deviceId) == m_enrollment.deviceId;
        const bool thisList = q(answer.previous->listId) == m_enrollment.listId;
        verdict.previousAt = localTime(answer.previous->at);
        verdict.previousWhere = here ? tr("at this kiosk")
            : thisList               ? tr("at %1, another kiosk").arg(m_enrollment.listName)
                                     : tr("at another entrance");
        verdict.detail = tr("First admitted at %1 %2").arg(verdict.previousAt, verdict.previousWhere);
    } else if (answer.error) {
        verdict.detail = q(answer.error->message);
    } else if (doorResultFromName(answer.result) == DoorResult::Ok && exit) {
        verdict.headline = tr("Goodbye!");
    }
    verdict.shownAt = QDateTime::currentDateTime().toString("HH:mm:ss");
    return verdict;
}

QString DoorWording::refusedOnUpload(const wire::RedeemAnswer& answer, bool exit) const
{
    if (!answer.previous)
        return reason(q(answer.result), exit);
    const bool here = answer.previous->deviceId && q(*answer.previous->deviceId) == m_enrollment.deviceId;
    return tr("Admitted here offline, but already admitted at %1 %2")
        .arg(localTime(answer.previous->at), here ? tr("at this kiosk") : tr("at another kiosk"));
}

QString DoorWording::notTaken(const QString& problem) const
{
    return tr("The server did not take this offline scan: %1").arg(problem);
}

QString DoorWording::admittedTwice() const { return tr("Admitted at two entrances: check the ticket"); }

} // namespace sbor::kiosk
