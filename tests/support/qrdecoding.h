#pragma once
// QR codes in tests: reading one back from a PNG with ZXing-C++'s reader, as a phone would, and
// drawing one for any text (a forged code, another system's barcode) with its writer.

#include <QByteArray>
#include <QImage>
#include <QString>

namespace sbor::test {

// The text of the QR code in `png`; empty when the image or the code does not read.
QString decodeQrPng(const QByteArray& png);

// A QR code of `text`, `moduleSize` pixels per module, with a quiet zone, black on white.
QImage renderQr(const QString& text, int moduleSize = 6);

} // namespace sbor::test
