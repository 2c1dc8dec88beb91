#include "doorcounters.h"

namespace sbor::kiosk {

DoorCounters::DoorCounters(const DoorStore& store, QObject* parent) : QObject(parent), m_store(store) { refresh(); }

void DoorCounters::refresh()
{
    m_counts = m_store.counts();
    emit changed();
}

} // namespace sbor::kiosk
