#pragma once
// The kiosk enrollment QR: the server's handshake text drawn as a QR code (ZXing-C++'s writer),
// with a quiet zone and modules big enough for a kiosk camera at arm's length.

#include <QImage>
#include <QString>

namespace sbor::organizer {

// Each module `moduleSize` pixels square, a quiet zone of four modules; black on white.
QImage enrollmentQr(const QString& handshakeText, int moduleSize = 10);

} // namespace sbor::organizer
