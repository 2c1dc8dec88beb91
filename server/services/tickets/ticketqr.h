#pragma once
// A ticket code as a QR image (ZXing-C++'s writer). The code is upper-case base32, so the QR uses
// alphanumeric mode; error correction M and a 4-module quiet zone suit phone screens and paper.

#include <string>

namespace sbor::tickets {

// PNG, 8-bit grey, `moduleSize` pixels per module (1..20).
std::string qrPng(const std::string& code, int moduleSize);
// SVG with one path of unit squares: scales to any size without blur.
std::string qrSvg(const std::string& code);

} // namespace sbor::tickets
