#include "keyboardwedge.h"

#include <QKeyEvent>

namespace sbor::kiosk {

KeyboardWedge::KeyboardWedge(Settings settings, QObject* parent) : QObject(parent), m_settings(settings)
{
    m_pause.setSingleShot(true);
    connect(&m_pause, &QTimer::timeout, this, [this] { finish(); });
    m_clock.start();
}

void KeyboardWedge::feed(QChar character, qint64 atMs)
{
    if (m_lastKeyMs >= 0 && atMs - m_lastKeyMs > m_settings.maxGapMs) {
        // A slow gap: whatever came before was a person, and this key starts afresh.
        m_burst.clear();
    }
    m_burst.append(character);
    m_lastKeyMs = atMs;
    m_pause.start(m_settings.endPauseMs);
}

bool KeyboardWedge::finish()
{
    m_pause.stop();
    const bool machine = m_burst.size() >= m_settings.minLength;
    const QString text = m_burst;
    m_burst.clear();
    m_lastKeyMs = -1;
    if (machine)
        emit scanned(text);
    return machine;
}

bool KeyboardWedge::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    // Installed on the window: a key event reaches it once, before any item sees it.
    if (key->isAutoRepeat() || !watched->isWindowType())
        return QObject::eventFilter(watched, event);
    // When the key was typed, not when it is handled: a busy GUI thread (a verdict being drawn)
    // handles a person's keys in a bunch, and they must not look like a scanner's.
    const qint64 now = key->timestamp() != 0 ? static_cast<qint64>(key->timestamp()) : m_clock.elapsed();
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        const bool fresh = m_lastKeyMs >= 0 && now - m_lastKeyMs <= m_settings.maxGapMs * 4;
        return fresh && finish();
    }
    const QString text = key->text();
    if (text.size() == 1 && text.at(0).isPrint())
        feed(text.at(0), now);
    return QObject::eventFilter(watched, event);
}

} // namespace sbor::kiosk
