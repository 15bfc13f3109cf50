// Flopscope core — how a chart looks, for the screen and for exported figures alike: the palette (light and
// dark; the app's theme reads its chart colours from here), the font size, and how wide a text is. The app
// measures text with ImGui's font; the CLI with the embedded font's advance widths (core/text_measure.h),
// so one chart builder (core/charts.h) lays a chart out the same way for both.
#pragma once

#include "core/figure.h"

#include <string>

namespace flopscope {

struct ChartPalette {
    Rgba text, muted, background;                     // labels, secondary labels, the chart's ground
    Rgba accent, accent_soft, warn, good;             // the current value, hover, costs more, saves
    Rgba computed, student, lookup, baseline, grid;   // the series, the no-caching reference, grid lines
};
// The theme's colours: `dark` for the dark theme.
ChartPalette chart_palette(bool dark);
// A colour from 0xRRGGBB and an alpha.
Rgba rgb_hex(unsigned hex, float alpha = 1.0f);
// `c` with its alpha multiplied by `alpha`.
Rgba with_alpha(Rgba c, float alpha);

struct ChartStyle {
    ChartPalette colors = chart_palette(false);
    float font_size = 14;     // pixels
    float line_height = 14;   // a text line's height (ImGui: the font size)
    float (*text_width)(const std::string& text, float font_size) = nullptr;  // pixels
    float em(float k) const { return font_size * k; }
    float width(const std::string& s) const { return text_width ? text_width(s, font_size) : 0.0f; }
};

// The style of an exported figure without a screen (the CLI): the light theme, `font_size` pixels, text
// measured with the embedded UI font's advance widths.
ChartStyle print_chart_style(float font_size = 14);

} // namespace flopscope
