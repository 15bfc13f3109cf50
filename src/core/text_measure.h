// Flopscope core — the width of a text in the embedded UI font (Inter, subset and with tabular digits
// as tools/embed_font.py embeds it), without a rasterizer: what ImGui's CalcTextSize gives for that font
// (stb_truetype's scale, advances snapped to whole pixels, no kerning), for laying out exported charts
// where there is no screen (the CLI).
#pragma once

#include <string_view>

namespace flopscope {

// Pixels at a font size of `size_px`; a code point the font lacks measures as '?' (ImGui's fallback).
float ui_font_text_width(std::string_view utf8, float size_px);
// The CSS font-size (an em) that draws the font as large as ImGui draws it at `size_px`: ImGui's size is
// the font's ascent-to-descent height, CSS's is its em, which for Inter is smaller (0.83 of it).
float ui_font_css_size(float size_px);

} // namespace flopscope
