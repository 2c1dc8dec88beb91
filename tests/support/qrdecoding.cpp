#include "qrdecoding.h"

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include <QImage>

namespace sbor::test {

QString decodeQrPng(const QByteArray& png)
{
    const QImage image = QImage::fromData(png, "PNG").convertToFormat(QImage::Format_Grayscale8);
    if (image.isNull())
        return {};
    const ZXing::ImageView view(image.constBits(), image.width(), image.height(), ZXing::ImageFormat::Lum, image.bytesPerLine());
    const ZXing::Result result = ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

} // namespace sbor::test
