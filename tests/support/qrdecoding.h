#pragma once
// Reading a QR code back from a PNG with ZXing-C++'s reader, as a phone or kiosk would.

#include <QByteArray>
#include <QString>

namespace sbor::test {

// The text of the QR code in `png`; empty when the image or the code does not read.
QString decodeQrPng(const QByteArray& png);

} // namespace sbor::test
