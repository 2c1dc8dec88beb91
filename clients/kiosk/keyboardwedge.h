#pragma once
// USB keyboard-wedge scanners type what they read as keystrokes. A machine types four or more
// keys with gaps of a few milliseconds; a person never does. This filter watches every key of
// the application, and when a burst that fast ends — with Enter, or with a short pause, since
// some scanners send no Enter — it hands the burst over as a scan. Keys typed at human speed pass
// through untouched, so the search field and the PIN pad keep working; the Enter that ends a
// burst is swallowed, so it does not also submit a form.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace sbor::kiosk {

class KeyboardWedge : public QObject {
    Q_OBJECT

public:
    struct Settings {
        int maxGapMs = 20;   // keys closer than this come from a machine
        int minLength = 4;   // …when there are at least this many of them
        int endPauseMs = 80; // no key for this long ends a burst without Enter
    };

    explicit KeyboardWedge(Settings settings, QObject* parent = nullptr);
    const Settings& settings() const { return m_settings; }

    // Feeds one typed character (tests, and the event filter), at `atMs` on a steady clock.
    void feed(QChar character, qint64 atMs);
    // Enter: ends the burst. True when it ended a scan (so the key is swallowed).
    bool finish();

signals:
    void scanned(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void flush();

    Settings m_settings;
    QString m_burst;
    qint64 m_lastKeyMs = -1;
    QTimer m_pause;
    QElapsedTimer m_clock;
};

} // namespace sbor::kiosk
