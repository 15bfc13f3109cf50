// Flopscope core — figures and their SVG form (see figure.h).
#include "core/figure.h"

#include <cmath>
#include <cstdio>

namespace flopscope {

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

std::string num(float v) {
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
    return c.a >= 1.0f ? std::string() : std::string(" ") + attr + "=\"" + num(c.a) + "\"";
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
    std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(f.width) + "\" height=\"" + num(f.height) +
                    "\" viewBox=\"0 0 " + num(f.width) + " " + num(f.height) + "\" font-family=\"" + escape(f.font_family) +
                    ", sans-serif\">\n<title>" + escape(title) + "</title>\n";
    o += "<rect width=\"100%\" height=\"100%\" fill=\"" + color(f.background) + "\"" + opacity("fill-opacity", f.background) + "/>\n";
    for (const Figure::Primitive& p : f.items) {
        const auto& v = p.points;
        switch (p.kind) {
        case Figure::Kind::FilledRect:
            o += "<rect x=\"" + num(v[0]) + "\" y=\"" + num(v[1]) + "\" width=\"" + num(v[2] - v[0]) + "\" height=\"" +
                 num(v[3] - v[1]) + "\" fill=\"" + color(p.color) + "\"" + opacity("fill-opacity", p.color) + "/>\n";
            break;
        case Figure::Kind::Rect:
            o += "<rect x=\"" + num(v[0]) + "\" y=\"" + num(v[1]) + "\" width=\"" + num(v[2] - v[0]) + "\" height=\"" +
                 num(v[3] - v[1]) + "\" fill=\"none\" stroke=\"" + color(p.color) + "\"" + opacity("stroke-opacity", p.color) +
                 " stroke-width=\"" + num(p.thickness) + "\"/>\n";
            break;
        case Figure::Kind::Line:
        case Figure::Kind::Polyline: {
            std::string pts;
            for (std::size_t i = 0; i + 1 < v.size(); i += 2) pts += (i ? " " : "") + num(v[i]) + "," + num(v[i + 1]);
            o += "<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"" + color(p.color) + "\"" +
                 opacity("stroke-opacity", p.color) + " stroke-width=\"" + num(p.thickness) + "\"/>\n";
            break;
        }
        case Figure::Kind::FilledCircle:
            o += "<circle cx=\"" + num(v[0]) + "\" cy=\"" + num(v[1]) + "\" r=\"" + num(p.thickness) + "\" fill=\"" +
                 color(p.color) + "\"" + opacity("fill-opacity", p.color) + "/>\n";
            break;
        case Figure::Kind::Circle:
            o += "<circle cx=\"" + num(v[0]) + "\" cy=\"" + num(v[1]) + "\" r=\"" + num(p.thickness) + "\" fill=\"none\" stroke=\"" +
                 color(p.color) + "\"" + opacity("stroke-opacity", p.color) + " stroke-width=\"" + num(p.text_size) + "\"/>\n";
            break;
        case Figure::Kind::Text: {
            const char* anchor = p.anchor == Figure::Anchor::Start ? "start" : p.anchor == Figure::Anchor::Middle ? "middle" : "end";
            // ImGui places text by its top; SVG by its baseline (the font's ascent, ~0.8 em for Inter).
            o += "<text x=\"" + num(v[0]) + "\" y=\"" + num(v[1] + p.text_size * 0.8f) + "\" font-size=\"" + num(p.text_size) +
                 "\" text-anchor=\"" + anchor + "\" fill=\"" + color(p.color) + "\"" + opacity("fill-opacity", p.color) + ">" +
                 escape(p.text) + "</text>\n";
            break;
        }
        }
    }
    return o + "</svg>\n";
}

} // namespace flopscope
