#pragma once
// Reads a ticket's QR code from a picture — a camera frame, a file — with ZXing-C++.

#include <QImage>
#include <QString>

namespace sbor::kiosk {

struct ReadOptions {
    // Camera frames come 15–30 a second: a fast look is better than a thorough one, the next frame
    // is another chance. Files and tests get the thorough look.
    bool thorough = true;
};

// The text of the first QR code in `image`; empty when none reads.
QString readCode(const QImage& image, ReadOptions options = {});

} // namespace sbor::kiosk
