#include "qrframes.h"

#include "qrdecoding.h"

#include <QPainter>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <random>

namespace sbor::test {

QString FrameConditions::label() const
{
    return QStringLiteral("module %1px, %2°, blur %3, noise %4").arg(moduleSize).arg(rotation).arg(blur).arg(noise);
}

namespace {

// A separable box blur of radius r, twice (close to a Gaussian).
void boxBlur(QImage& image, int radius)
{
    if (radius <= 0)
        return;
    const int width = image.width(), height = image.height();
    std::vector<int> line(static_cast<std::size_t>(std::max(width, height)));
    for (int pass = 0; pass < 2; ++pass) {
        for (int y = 0; y < height; ++y) {
            uchar* row = image.scanLine(y);
            for (int x = 0; x < width; ++x)
                line[x] = row[x];
            for (int x = 0; x < width; ++x) {
                int sum = 0, count = 0;
                for (int k = std::max(0, x - radius); k <= std::min(width - 1, x + radius); ++k, ++count)
                    sum += line[k];
                row[x] = static_cast<uchar>(sum / count);
            }
        }
        for (int x = 0; x < width; ++x) {
            for (int y = 0; y < height; ++y)
                line[y] = image.scanLine(y)[x];
            for (int y = 0; y < height; ++y) {
                int sum = 0, count = 0;
                for (int k = std::max(0, y - radius); k <= std::min(height - 1, y + radius); ++k, ++count)
                    sum += line[k];
                image.scanLine(y)[x] = static_cast<uchar>(sum / count);
            }
        }
    }
}

} // namespace

QImage cameraFrame(const QString& text, const FrameConditions& conditions)
{
    std::mt19937 random(conditions.seed * 7919u +
                        static_cast<unsigned>(conditions.moduleSize * 31 + conditions.rotation * 3));
    // A printed ticket under a camera: not pure black on pure white.
    QImage code = renderQr(text, conditions.moduleSize);
    QImage frame(conditions.frame, QImage::Format_Grayscale8);
    frame.fill(128);
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    const int maxX = std::max(1, frame.width() - code.width() - 40);
    const int maxY = std::max(1, frame.height() - code.height() - 40);
    const QPointF centre(20 + code.width() / 2.0 + static_cast<int>(random() % static_cast<unsigned>(maxX)),
                         20 + code.height() / 2.0 + static_cast<int>(random() % static_cast<unsigned>(maxY)));
    painter.translate(centre);
    painter.rotate(conditions.rotation);
    painter.setOpacity(0.92);
    painter.drawImage(QPointF(-code.width() / 2.0, -code.height() / 2.0), code);
    painter.end();
    boxBlur(frame, static_cast<int>(std::lround(conditions.blur)));
    if (conditions.noise > 0) {
        std::normal_distribution<double> noise(0, conditions.noise);
        for (int y = 0; y < frame.height(); ++y) {
            uchar* row = frame.scanLine(y);
            for (int x = 0; x < frame.width(); ++x)
                row[x] = static_cast<uchar>(std::clamp(row[x] + noise(random), 0.0, 255.0));
        }
    }
    return frame;
}

std::vector<FrameConditions> standardConditions()
{
    std::vector<FrameConditions> all;
    unsigned seed = 1;
    for (int module : {2, 3, 4, 6})
        for (double rotation : {0.0, 10.0, 30.0, 45.0, 90.0})
            for (double blur : {0.0, 1.0, 2.0})
                for (double noise : {0.0, 12.0, 30.0})
                    all.push_back({module, rotation, blur, noise, {1280, 720}, seed++});
    return all;
}

} // namespace sbor::test
