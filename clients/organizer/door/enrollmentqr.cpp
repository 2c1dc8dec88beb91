#include "enrollmentqr.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QPainter>

namespace sbor::organizer {

QImage enrollmentQr(const QString& handshakeText, int moduleSize)
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setEncoding(ZXing::CharacterSet::UTF8);
    writer.setEccLevel(4); // level M: survives a glare on a laptop screen
    writer.setMargin(0);
    const ZXing::BitMatrix matrix = writer.encode(handshakeText.toStdString(), 0, 0);
    constexpr int kQuietModules = 4;
    const int side = (matrix.width() + 2 * kQuietModules) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            if (matrix.get(x, y))
                painter.drawRect((x + kQuietModules) * moduleSize, (y + kQuietModules) * moduleSize, moduleSize,
                                 moduleSize);
    return image;
}

} // namespace sbor::organizer
