// Flopscope core — chart palette and the print style (see chart_style.h).
#include "core/chart_style.h"

#include "core/text_measure.h"

namespace flopscope {

Rgba rgb_hex(unsigned hex, float alpha) {
    return Rgba{static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha};
}

Rgba with_alpha(Rgba c, float alpha) {
    c.a *= alpha;
    return c;
}

ChartPalette chart_palette(bool dark) {
    if (dark)
        return ChartPalette{rgb_hex(0xE7E9EC), rgb_hex(0x8D949E), rgb_hex(0x15171C),
                            rgb_hex(0x6E9BF5), rgb_hex(0x6E9BF5, 0.16f), rgb_hex(0xF59E5B), rgb_hex(0x5FD08A),
                            rgb_hex(0x6E9BF5), rgb_hex(0xF2A65A), rgb_hex(0xC48FD1), rgb_hex(0xC9CDD3), rgb_hex(0x2E333C)};
    return ChartPalette{rgb_hex(0x1D2329), rgb_hex(0x66707B), rgb_hex(0xF5F6F8),
                        rgb_hex(0x2563EB), rgb_hex(0x2563EB, 0.10f), rgb_hex(0xC2410C), rgb_hex(0x15803D),
                        rgb_hex(0x4C78A8), rgb_hex(0xF58518), rgb_hex(0x9D6BB5), rgb_hex(0x39414A), rgb_hex(0xE4E7EB)};
}

ChartStyle print_chart_style(float font_size) {
    ChartStyle s;
    s.colors = chart_palette(false);
    s.font_size = font_size;
    s.line_height = font_size;
    s.text_width = [](const std::string& t, float size) { return ui_font_text_width(t, size); };
    return s;
}

} // namespace flopscope
