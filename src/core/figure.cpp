// Flopscope core — figures and their SVG form (see figure.h).
#include "core/figure.h"

#include "core/text_measure.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

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

//-----------------------------------------------------------------------------
// [SECTION] Packed figures
//-----------------------------------------------------------------------------

namespace {

template <typename T>
void put(std::string& out, const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void put_text(std::string& out, const std::string& s) {
    put(out, static_cast<std::uint32_t>(s.size()));
    out += s;
}

struct Unpacker {
    std::string_view in;
    bool ok = true;
    // `n` bytes into `dst`, or none (and !ok) when fewer are left.
    void get(void* dst, std::size_t n) {
        if (!ok || in.size() < n) {
            ok = false;
            return;
        }
        if (n == 0) return;
        std::memcpy(dst, in.data(), n);
        in.remove_prefix(n);
    }
    template <typename T>
    T get() {
        T v{};
        get(&v, sizeof v);
        return v;
    }
    std::string text() {
        const std::uint32_t n = get<std::uint32_t>();
        if (!ok || in.size() < n) {
            ok = false;
            return std::string();
        }
        std::string s(in.substr(0, n));
        in.remove_prefix(n);
        return s;
    }
};

// The points a primitive of `kind` reads (figure_svg and the screen index them without checks).
std::size_t points_needed(Figure::Kind kind) {
    switch (kind) {
    case Figure::Kind::FilledRect:
    case Figure::Kind::Rect: return 4;
    case Figure::Kind::Line:
    case Figure::Kind::Polyline: return 0;  // pairs, read while two are left
    case Figure::Kind::FilledCircle:
    case Figure::Kind::Circle:
    case Figure::Kind::Text: return 2;
    }
    return 0;
}

} // namespace

std::string figure_pack(const Figure& f) {
    std::string out;
    put(out, f.width);
    put(out, f.height);
    put(out, f.background);
    put_text(out, f.font_family);
    put(out, static_cast<std::uint32_t>(f.items.size()));
    for (const Figure::Primitive& p : f.items) {
        put(out, static_cast<std::uint8_t>(p.kind));
        put(out, static_cast<std::uint8_t>(p.anchor));
        put(out, p.color);
        put(out, p.thickness);
        put(out, p.text_size);
        put(out, p.text_width);
        put(out, static_cast<std::uint32_t>(p.points.size()));
        out.append(reinterpret_cast<const char*>(p.points.data()), p.points.size() * sizeof(float));
        put_text(out, p.text);
    }
    return out;
}

bool figure_unpack(std::string_view bytes, Figure& out) {
    Unpacker in{bytes};
    Figure f;
    f.width = in.get<float>();
    f.height = in.get<float>();
    f.background = in.get<Rgba>();
    f.font_family = in.text();
    const std::uint32_t items = in.get<std::uint32_t>();
    for (std::uint32_t i = 0; in.ok && i < items; ++i) {
        Figure::Primitive p;
        const auto kind = in.get<std::uint8_t>();
        const auto anchor = in.get<std::uint8_t>();
        if (kind > static_cast<std::uint8_t>(Figure::Kind::Text) || anchor > static_cast<std::uint8_t>(Figure::Anchor::End)) return false;
        p.kind = static_cast<Figure::Kind>(kind);
        p.anchor = static_cast<Figure::Anchor>(anchor);
        p.color = in.get<Rgba>();
        p.thickness = in.get<float>();
        p.text_size = in.get<float>();
        p.text_width = in.get<float>();
        const std::uint32_t points = in.get<std::uint32_t>();
        if (!in.ok || points < points_needed(p.kind) || in.in.size() / sizeof(float) < points) return false;
        p.points.resize(points);
        in.get(p.points.data(), points * sizeof(float));
        p.text = in.text();
        f.items.push_back(std::move(p));
    }
    if (!in.ok || !in.in.empty()) return false;
    out = std::move(f);
    return true;
}

} // namespace flopscope
