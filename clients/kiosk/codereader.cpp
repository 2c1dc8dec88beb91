#include "codereader.h"

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

namespace sbor::kiosk {

QString readCode(const QImage& image, ReadOptions options)
{
    if (image.isNull())
        return {};
    const QImage gray = image.format() == QImage::Format_Grayscale8 ? image
                                                                    : image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(options.thorough);
    hints.setTryRotate(options.thorough);
    hints.setTryDownscale(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

} // namespace sbor::kiosk
