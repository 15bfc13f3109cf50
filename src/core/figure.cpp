// Flopscope core — figures and their SVG form (see figure.h).
#include "core/figure.h"

#include "core/text_measure.h"

#include <cmath>
#include <cstdio>

namespace flopscope {

Figure::Primitive& Figure::add(Kind k, std::vector<float> points, Rgba c, float thickness) {
    Primitive& p = items.emplace_back();
    p.kind = k;
    p.points = std::move(points);
    p.color = c;
    p.thickness = thickness;
    return p;
}

void Figure::filled_rect(float x0, float y0, float x1, float y1, Rgba c, float rounding) {
    add(Kind::FilledRect, {x0, y0, x1, y1}, c, rounding);
}
void Figure::rect(float x0, float y0, float x1, float y1, Rgba c, float t) { add(Kind::Rect, {x0, y0, x1, y1}, c, t); }
void Figure::line(float x0, float y0, float x1, float y1, Rgba c, float t) { add(Kind::Line, {x0, y0, x1, y1}, c, t); }
void Figure::polyline(std::vector<float> xy, Rgba c, float t) { add(Kind::Polyline, std::move(xy), c, t); }
void Figure::filled_circle(float x, float y, float radius, Rgba c) { add(Kind::FilledCircle, {x, y}, c, radius); }

void Figure::circle(float x, float y, float radius, Rgba c, float t) {
    add(Kind::Circle, {x, y}, c, radius).text_size = t;  // the outline's thickness
}

void Figure::text(float x, float y, std::string s, Rgba c, float size, float w, Anchor anchor) {
    Primitive& p = add(Kind::Text, {x, y}, c);
    p.text = std::move(s);
    p.text_size = size;
    p.anchor = anchor;
    p.text_width = w;
}

namespace {

std::string svg_number(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(v));
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string color(const Rgba& c) {
    auto byte = [](float v) { return static_cast<int>(std::lround(std::fmin(std::fmax(v, 0.0f), 1.0f) * 255.0f)); };
    char buf[24];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    return buf;
}

std::string opacity(const char* attr, const Rgba& c) {
    return c.a >= 1.0f ? std::string() : std::string(" ") + attr + "=\"" + svg_number(c.a) + "\"";
}

std::string escape(const std::string& s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

} // namespace

std::string figure_svg(const Figure& f, const std::string& title) {
    // A margin of 0.6 of the largest text around the figure: on screen the window's padding gives it room.
    float text = 0;
    for (const Figure::Primitive& p : f.items)
        if (p.kind == Figure::Kind::Text) text = std::fmax(text, p.text_size);
    const float m = std::round(text * 0.6f);
    // Digits tabular and no kerning, as the screen's rasterizer draws them; each text is also given its
    // measured length, so a renderer whose font metrics differ keeps the layout (nothing overlaps).
    std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + svg_number(f.width + 2 * m) + "\" height=\"" +
                    svg_number(f.height + 2 * m) + "\" viewBox=\"" + svg_number(-m) + " " + svg_number(-m) + " " + svg_number(f.width + 2 * m) + " " +
                    svg_number(f.height + 2 * m) + "\" font-family=\"" + escape(f.font_family) +
                    ", sans-serif\" style=\"font-variant-numeric: tabular-nums; font-kerning: none\">\n<title>" + escape(title) +
                    "</title>\n";
    o += "<rect x=\"" + svg_number(-m) + "\" y=\"" + svg_number(-m) + "\" width=\"" + svg_number(f.width + 2 * m) + "\" height=\"" +
         svg_number(f.height + 2 * m) + "\" fill=\"" + color(f.background) + "\"" + opacity("fill-opacity", f.background) + "/>\n";
    for (const Figure::Primitive& p : f.items) {
        const auto& v = p.points;
        switch (p.kind) {
        case Figure::Kind::FilledRect:
            o += "<rect x=\"" + svg_number(v[0]) + "\" y=\"" + svg_number(v[1]) + "\" width=\"" + svg_number(v[2] - v[0]) + "\" height=\"" +
                 svg_number(v[3] - v[1]) + "\"" +
                 // Sharp edges for tiles that touch (a map's cells), rounded corners where asked.
                 (p.thickness > 0 ? " rx=\"" + svg_number(p.thickness) + "\"" : std::string(" shape-rendering=\"crispEdges\"")) +
                 " fill=\"" + color(p.color) + "\"" + opacity("fill-opacity", p.color) + "/>\n";
            break;
        case Figure::Kind::Rect:
            o += "<rect x=\"" + svg_number(v[0]) + "\" y=\"" + svg_number(v[1]) + "\" width=\"" + svg_number(v[2] - v[0]) + "\" height=\"" +
                 svg_number(v[3] - v[1]) + "\" fill=\"none\" stroke=\"" + color(p.color) + "\"" + opacity("stroke-opacity", p.color) +
                 " stroke-width=\"" + svg_number(p.thickness) + "\"/>\n";
            break;
        case Figure::Kind::Line:
        case Figure::Kind::Polyline: {
            std::string pts;
            for (std::size_t i = 0; i + 1 < v.size(); i += 2) pts += (i ? " " : "") + svg_number(v[i]) + "," + svg_number(v[i + 1]);
            o += "<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"" + color(p.color) + "\"" +
                 opacity("stroke-opacity", p.color) + " stroke-width=\"" + svg_number(p.thickness) + "\"/>\n";
            break;
        }
        case Figure::Kind::FilledCircle:
            o += "<circle cx=\"" + svg_number(v[0]) + "\" cy=\"" + svg_number(v[1]) + "\" r=\"" + svg_number(p.thickness) + "\" fill=\"" +
                 color(p.color) + "\"" + opacity("fill-opacity", p.color) + "/>\n";
            break;
        case Figure::Kind::Circle:
            o += "<circle cx=\"" + svg_number(v[0]) + "\" cy=\"" + svg_number(v[1]) + "\" r=\"" + svg_number(p.thickness) + "\" fill=\"none\" stroke=\"" +
                 color(p.color) + "\"" + opacity("stroke-opacity", p.color) + " stroke-width=\"" + svg_number(p.text_size) + "\"/>\n";
            break;
        case Figure::Kind::Text: {
            const char* anchor = p.anchor == Figure::Anchor::Start ? "start" : p.anchor == Figure::Anchor::Middle ? "middle" : "end";
            // ImGui places text by its top; SVG by its baseline (the font's ascent, ~0.8 em for Inter).
            o += "<text x=\"" + svg_number(v[0]) + "\" y=\"" + svg_number(v[1] + p.text_size * 0.8f) + "\" font-size=\"" + svg_number(ui_font_css_size(p.text_size)) +
                 "\" text-anchor=\"" + anchor + "\"" +
                 (p.text_width > 0 ? " textLength=\"" + svg_number(p.text_width) + "\"" : std::string()) + " fill=\"" + color(p.color) + "\"" + opacity("fill-opacity", p.color) + ">" +
                 escape(p.text) + "</text>\n";
            break;
        }
        }
    }
    return o + "</svg>\n";
}

} // namespace flopscope
