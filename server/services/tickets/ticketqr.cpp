#include "ticketqr.h"

#define ZX_USE_UTF8
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <zlib.h>

#include <cstdint>

namespace sbor::tickets {
namespace {

constexpr int kQuietZoneModules = 4;

// The bare QR matrix (no margin); the quiet zone is added when drawing.
ZXing::BitMatrix qrMatrix(const std::string& code)
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(0);
    writer.setEccLevel(4); // ZXing's 0..8 scale: 4 is level M
    return writer.encode(code, 0, 0);
}

void putU32(std::string& out, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

void appendChunk(std::string& png, const char* type, const std::string& data)
{
    putU32(png, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type, 4) + data;
    png += typed;
    putU32(png,
           static_cast<std::uint32_t>(
               crc32(0, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size()))));
}

} // namespace

std::string qrPng(const std::string& code, int moduleSize)
{
    const ZXing::BitMatrix matrix = qrMatrix(code);
    const int modules = matrix.width() + 2 * kQuietZoneModules;
    const int side = modules * moduleSize;
    // Scanlines: a filter byte (0: none), then one grey byte per pixel.
    std::string raw;
    raw.reserve(static_cast<std::size_t>(side) * (side + 1));
    for (int y = 0; y < side; ++y) {
        raw.push_back('\0');
        const int row = y / moduleSize - kQuietZoneModules;
        for (int x = 0; x < side; ++x) {
            const int column = x / moduleSize - kQuietZoneModules;
            const bool dark = row >= 0 && row < matrix.height() && column >= 0 && column < matrix.width() &&
                matrix.get(column, row);
            raw.push_back(dark ? '\0' : '\xFF');
        }
    }
    uLongf compressedSize = compressBound(static_cast<uLong>(raw.size()));
    std::string compressed(compressedSize, '\0');
    compress2(reinterpret_cast<Bytef*>(compressed.data()), &compressedSize, reinterpret_cast<const Bytef*>(raw.data()),
              static_cast<uLong>(raw.size()), 6);
    compressed.resize(compressedSize);

    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    putU32(header, static_cast<std::uint32_t>(side));
    putU32(header, static_cast<std::uint32_t>(side));
    header += std::string("\x08\x00\x00\x00\x00", 5); // 8-bit, greyscale, deflate, no filter, no interlace
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", compressed);
    appendChunk(png, "IEND", {});
    return png;
}

std::string qrSvg(const std::string& code)
{
    const ZXing::BitMatrix matrix = qrMatrix(code);
    const int modules = matrix.width() + 2 * kQuietZoneModules;
    std::string path;
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x) {
            if (matrix.get(x, y))
                path += "M" + std::to_string(x + kQuietZoneModules) + " " + std::to_string(y + kQuietZoneModules) +
                    "h1v1h-1z";
        }
    }
    const std::string size = std::to_string(modules);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
        size + " " + size + "\" width=\"" + std::to_string(modules * 8) + "\" height=\"" + std::to_string(modules * 8) +
        "\" shape-rendering=\"crispEdges\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"" +
        path + "\"/>\n</svg>\n";
}

} // namespace sbor::tickets
