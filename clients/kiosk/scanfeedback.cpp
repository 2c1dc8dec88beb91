#include "scanfeedback.h"

#include <QDir>
#include <QFile>
#include <QUrl>
#include <QtEndian>

#include <cmath>

namespace sbor::kiosk {

namespace {

constexpr int kSampleRate = 22050;

void appendLittleEndian(QByteArray& out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xff));
}

QUrl writeOnce(const QString& directory, const QString& name, const QByteArray& wav)
{
    QDir().mkpath(directory);
    const QString path = QDir(directory).filePath(name);
    QFile file(path);
    if (!(file.exists() && file.size() == wav.size()) && file.open(QIODevice::WriteOnly))
        file.write(wav);
    return QUrl::fromLocalFile(path);
}

} // namespace

QByteArray toneWav(int hertz, int toneMs, int beeps, int gapMs)
{
    QByteArray samples;
    const int toneSamples = kSampleRate * toneMs / 1000;
    const int gapSamples = kSampleRate * gapMs / 1000;
    const int fade = kSampleRate / 200; // 5 ms: no clicks at the edges
    for (int beep = 0; beep < beeps; ++beep) {
        for (int i = 0; i < toneSamples; ++i) {
            const double envelope = std::min({1.0, double(i) / fade, double(toneSamples - i) / fade});
            const auto value = static_cast<qint16>(
                std::lround(12000 * envelope * std::sin(2 * M_PI * hertz * i / kSampleRate)));
            appendLittleEndian(samples, static_cast<quint16>(value), 2);
        }
        if (beep + 1 < beeps)
            samples.append(QByteArray(gapSamples * 2, '\0'));
    }
    QByteArray wav("RIFF");
    appendLittleEndian(wav, 36 + static_cast<quint32>(samples.size()), 4);
    wav.append("WAVEfmt ");
    appendLittleEndian(wav, 16, 4);
    appendLittleEndian(wav, 1, 2); // PCM
    appendLittleEndian(wav, 1, 2); // mono
    appendLittleEndian(wav, kSampleRate, 4);
    appendLittleEndian(wav, kSampleRate * 2, 4);
    appendLittleEndian(wav, 2, 2);
    appendLittleEndian(wav, 16, 2);
    wav.append("data");
    appendLittleEndian(wav, static_cast<quint32>(samples.size()), 4);
    return wav + samples;
}

ScanFeedback::ScanFeedback(const QString& cacheDir, QObject* parent) : QObject(parent)
{
    m_admitted.setSource(writeOnce(cacheDir, "admitted.wav", toneWav(880, 700, 1, 0)));
    m_refused.setSource(writeOnce(cacheDir, "refused.wav", toneWav(330, 140, 3, 90)));
}

void ScanFeedback::admitted()
{
    ++m_played;
    m_admitted.play();
}

void ScanFeedback::refused()
{
    ++m_played;
    m_refused.play();
}

} // namespace sbor::kiosk
