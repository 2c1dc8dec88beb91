#include "qrdecoding.h"

#define ZX_USE_UTF8
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <QImage>

namespace sbor::test {

QString decodeQrPng(const QByteArray& png)
{
    const QImage image = QImage::fromData(png, "PNG").convertToFormat(QImage::Format_Grayscale8);
    if (image.isNull())
        return {};
    const ZXing::ImageView view(image.constBits(), image.width(), image.height(), ZXing::ImageFormat::Lum,
                                image.bytesPerLine());
    const ZXing::Result result = ZXing::ReadBarcode(view,
                                                    ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

QImage renderQr(const QString& text, int moduleSize)
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(0);
    const ZXing::BitMatrix matrix = writer.encode(text.toStdString(), 0, 0);
    const int quiet = 4;
    QImage image((matrix.width() + 2 * quiet) * moduleSize, (matrix.height() + 2 * quiet) * moduleSize,
                 QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            if (matrix.get(x, y))
                for (int dy = 0; dy < moduleSize; ++dy)
                    std::fill_n(image.scanLine((y + quiet) * moduleSize + dy) + (x + quiet) * moduleSize, moduleSize,
                                uchar(0));
    return image;
}

} // namespace sbor::test
