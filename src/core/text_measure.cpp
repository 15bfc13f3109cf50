// Flopscope core — text widths from the UI font's advance table (see text_measure.h).
#include "core/text_measure.h"

#include "ui_font_metrics.inc"  // generated at configure time (cmake/UiFont.cmake)

#include <algorithm>
#include <cmath>
#include <iterator>

namespace flopscope {

namespace {

int advance_units(unsigned cp) {
    const auto* end = std::end(kUiFontAdvances);
    const auto* it = std::lower_bound(std::begin(kUiFontAdvances), end, cp,
                                      [](const unsigned short (&row)[2], unsigned c) { return row[0] < c; });
    if (it != end && (*it)[0] == cp) return (*it)[1];
    return cp == '?' ? 0 : advance_units('?');
}

// The next code point of `s` from `i` (UTF-8; a malformed byte reads as itself, as ImGui does).
unsigned next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned c = byte(i);
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra == 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
        ++i;
        return c;
    }
    unsigned cp = c & (0x3Fu >> extra);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (byte(i + static_cast<std::size_t>(k)) & 0x3Fu);
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

} // namespace

float ui_font_text_width(std::string_view utf8, float size_px) {
    const float scale = size_px / static_cast<float>(kUiFontHeightUnits);
    float width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned cp = next_code_point(utf8, i);
        width += std::round(static_cast<float>(advance_units(cp)) * scale);  // ImGui's PixelSnapH
    }
    return width;
}

float ui_font_css_size(float size_px) {
    return size_px * static_cast<float>(kUiFontUnitsPerEm) / static_cast<float>(kUiFontHeightUnits);
}

} // namespace flopscope
