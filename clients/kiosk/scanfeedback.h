#pragma once
// The sounds of the door, distinct enough to tell apart in a noisy hall without looking: one
// long tone for admitted, three short ones for refused. The tones are written as WAV files into
// the app's cache at start (no sound files to ship or lose) and played with QSoundEffect.

#include <QObject>
#include <QSoundEffect>

namespace sbor::kiosk {

class ScanFeedback : public QObject {
    Q_OBJECT
public:
    ScanFeedback(const QString& cacheDir, QObject* parent = nullptr);
    Q_INVOKABLE void admitted();
    Q_INVOKABLE void refused();
    int played() const { return m_played; }

private:
    QSoundEffect m_admitted;
    QSoundEffect m_refused;
    int m_played = 0;
};

// A WAV (16-bit mono PCM) of `beeps` tones of `toneMs` at `hertz`, `gapMs` apart.
QByteArray toneWav(int hertz, int toneMs, int beeps, int gapMs);

} // namespace sbor::kiosk
