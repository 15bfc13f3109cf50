// Flopscope core — a chart as a list of drawing primitives (rectangles, lines, circles, text) in pixels,
// so the same geometry is drawn on screen (the app replays it into ImGui's draw list) and written as an
// SVG file (vector: the same colours, the labels as text in a font named by family).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flopscope {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;  // 0..1
};

struct Figure {
    enum class Kind { FilledRect, Rect, Line, Polyline, FilledCircle, Circle, Text };
    enum class Anchor { Start, Middle, End };  // text: x is its left edge, centre or right edge
    struct Primitive {
        Kind kind = Kind::Line;
        std::vector<float> points;  // x0, y0, x1, y1, ... (a circle: centre; text: top-left of the anchor)
        Rgba color;
        float thickness = 1;  // lines and outlines; a circle's radius; a filled rectangle's corner rounding
        std::string text;
        float text_size = 0;
        Anchor anchor = Anchor::Start;
        float text_width = 0;  // as measured for the screen (the SVG anchors by it, not by it)
    };
    float width = 0, height = 0;
    std::string font_family = "Inter";
    Rgba background{1, 1, 1, 1};
    std::vector<Primitive> items;

    // Out of line (figure.cpp): charts call these many times, and each inlined copy would ship.
    // A filled rectangle with corners rounded by `rounding` pixels (kept in `thickness`).
    void filled_rect(float x0, float y0, float x1, float y1, Rgba c, float rounding = 0);
    void rect(float x0, float y0, float x1, float y1, Rgba c, float t);
    void line(float x0, float y0, float x1, float y1, Rgba c, float t);
    void polyline(std::vector<float> xy, Rgba c, float t);
    void filled_circle(float x, float y, float radius, Rgba c);
    void circle(float x, float y, float radius, Rgba c, float t);
    // `x, y`: the top of the text, at its left edge (Start), centre or right edge; `width` as measured.
    void text(float x, float y, std::string s, Rgba c, float size, float width, Anchor anchor = Anchor::Start);
    Primitive& add(Kind k, std::vector<float> points, Rgba c, float thickness = 1);
};

// The figure as a standalone SVG document (`title` in its <title>).
std::string figure_svg(const Figure& f, const std::string& title);

// The figure as bytes, every float exact (this build's byte order): how the page hands the chart it drew
// to its export module (core/documents.h), which writes the SVG. figure_unpack reads them back; false
// when the bytes are not one whole packed figure whose primitives have the points they need.
std::string figure_pack(const Figure& f);
bool figure_unpack(std::string_view bytes, Figure& out);

} // namespace flopscope
