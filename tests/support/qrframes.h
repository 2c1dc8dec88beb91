#pragma once
// Camera-like frames with a QR code in them, for the kiosk's decoding tests and its benchmark:
// the code at a size, turned, blurred and noisy, somewhere on a grey 1280×720 frame. The same
// conditions always give the same pixels (a seeded generator), so runs compare.

#include <QImage>
#include <QString>

#include <vector>

namespace sbor::test {

struct FrameConditions {
    int moduleSize = 4;  // pixels per QR module
    double rotation = 0; // degrees
    double blur = 0;     // box blur radius in pixels (0: sharp)
    double noise = 0;    // standard deviation of added grey noise (0–255 scale)
    QSize frame{1280, 720};
    unsigned seed = 1;

    QString label() const;
};

QImage cameraFrame(const QString& text, const FrameConditions& conditions);

// Every combination of module sizes {2,3,4,6}, rotations {0,10,30,45,90}, blur {0,1,2} and noise
// {0,12,30}: 180 conditions.
std::vector<FrameConditions> standardConditions();

} // namespace sbor::test
