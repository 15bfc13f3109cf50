// The charts as the core builds them (core/charts.h): the numbers they draw, and the CLI's --chart.
#include "cli/args.h"
#include "core/charts.h"
#include "core/format.h"
#include "core/text_measure.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

using namespace flopscope;

namespace {

// Every text item of a figure, in drawing order.
std::vector<std::string> texts(const Figure& f) {
    std::vector<std::string> out;
    for (const Figure::Primitive& p : f.items)
        if (p.kind == Figure::Kind::Text) out.push_back(p.text);
    return out;
}

bool has_text(const Figure& f, const std::string& s) {
    const auto t = texts(f);
    return std::find(t.begin(), t.end(), s) != t.end();
}

} // namespace

TEST_CASE("text measure: the UI font's advances, snapped to pixels as ImGui does") {
    CHECK(ui_font_text_width("", 14) == 0);
    // Tabular digits: every digit is as wide as every other, and widths add up.
    const float zero = ui_font_text_width("0", 14);
    CHECK(zero > 0);
    CHECK(ui_font_text_width("1234567890", 14) == 10 * zero);
    CHECK(ui_font_text_width("00", 14) == 2 * zero);
    // A code point the font lacks measures as '?'; multi-byte UTF-8 reads as one code point ("×" is in it).
    CHECK(ui_font_text_width("\xE4\xB8\xAD", 14) == ui_font_text_width("?", 14));  // U+4E2D
    CHECK(ui_font_text_width("\xC3\x97", 14) < 2 * ui_font_text_width("?", 14));
}

TEST_CASE("charts: the cost chart of the seed's scenarios draws the notebook's percentages") {
    const State s = default_state();
    const Results r = compute(s);
    REQUIRE(r.ok());
    const std::vector<CostBar> bars = cost_bars(s, r, scenario_curves(s, r));
    REQUIRE(bars.size() == 1 + scenario_presets().size());
    CHECK(bars[0].name == "no caching");
    const Chart c = cost_chart(bars, print_chart_style(), 720, 400);
    // The seed: optimistic 130 %, realistic 150 %, full 50 % of the baseline (its student costs half).
    CHECK(has_text(c.figure, "100 %"));
    CHECK(has_text(c.figure, "130 %"));
    CHECK(has_text(c.figure, "150 %"));
    CHECK(has_text(c.figure, "50 %"));
    CHECK(has_text(c.figure, "Cost per inference"));
    CHECK(c.hovered == -1);
    // The pointer over the second slot hovers the second bar.
    const float slot = (c.plot_x1 - c.plot_x0) / static_cast<float>(bars.size());
    const Chart over = cost_chart(bars, print_chart_style(), 720, 400, ChartPointer{true, c.plot_x0 + slot * 1.5f, 200});
    CHECK(over.hovered == 1);
}

TEST_CASE("charts: the sweep over f reads the core's tile-rounded break-even (g = 32, sigma = 0.45: 50 %)") {
    State s = default_state();
    s.scenario.channel_granularity = 32;
    s.scenario.student_fraction = 0.45;
    s.scenario.name = "custom";
    const Results r = compute(s);
    REQUIRE(r.ok());
    const Chart c = build_chart(ChartKind::Fraction, s, r, print_chart_style(), 720, 400);
    REQUIRE(c.empty.empty());
    CHECK(has_text(c.figure, "break-even f = 50 %"));
    CHECK(has_text(c.figure, "pays off when f ≥ 50 %"));
}

TEST_CASE("charts: the layer chart has a row per counted layer, its height follows them") {
    const State s = default_state();
    const Results r = compute(s);
    const std::vector<LayerBar> bars = layer_bars(s, r);
    REQUIRE(!bars.empty());
    const ChartStyle st = print_chart_style();
    const Chart c = layer_chart(bars, st, 720);
    for (const LayerBar& b : bars) CHECK(has_text(c.figure, b.name));
    // Rows of 1.35 lines (1 more line each when names are stacked) under a 1.6-line legend.
    const bool stacked = c.figure.height > st.line_height * (1.35f * static_cast<float>(bars.size()) + 1.6f) + 0.01f;
    const float row = st.line_height * (stacked ? 2.35f : 1.35f);
    CHECK(c.figure.height == doctest::Approx(row * static_cast<float>(bars.size()) + st.line_height * 1.6f));
}

TEST_CASE("charts: names, and what a chart that cannot be drawn says") {
    for (int i = 0; i < static_cast<int>(ChartKind::Count_); ++i) {
        const auto k = static_cast<ChartKind>(i);
        CHECK(parse_chart_name(chart_name(k)) == k);
    }
    CHECK_FALSE(parse_chart_name("pie"));
    State s = default_state();
    s.scenario.mode = ScenarioMode::Cascade;
    const Results r = compute(s);
    const Chart c = build_chart(ChartKind::Fraction, s, r, print_chart_style(), 720, 400);
    CHECK(c.figure.items.empty());
    CHECK(c.empty == "The cached fraction f does not apply to this mode (Cascade: student answers first).");
    s = default_state();
    s.scenario_enabled = false;
    const Chart off = build_chart(ChartKind::Payoff, s, compute(s), print_chart_style(), 720, 400);
    CHECK(off.empty == "Turn the caching scenario on to see where it pays off.");
}

TEST_CASE("cli: --chart NAME [--format svg] [--chart-size WxH]") {
    using cli::parse_args;
    const cli::Args a = parse_args({"--chart", "payoff"});
    REQUIRE(a.ok());
    CHECK(a.format == "svg");
    CHECK(a.chart == ChartKind::Payoff);
    CHECK(parse_args({"--chart", "layers", "--format", "svg", "--chart-size", "1000x300"}).chart_width == 1000);
    CHECK(parse_args({"--chart", "pie"}).error == "--chart: unknown chart \"pie\" (cost, fraction, rate, payoff, layers, time-fraction, time-rate, roofline)");
    CHECK(parse_args({"--chart", "cost", "--format", "json"}).error == "--chart writes SVG: use --format svg (not json)");
    CHECK(parse_args({"--format", "svg"}).error == "--format svg needs --chart NAME (cost, fraction, rate, payoff, layers, time-fraction, time-rate, roofline)");
    CHECK(parse_args({"--chart", "cost", "--chart-size", "10x10"}).error ==
          "--chart-size: \"10x10\" is not WxH with W from 200 to 8000 and H from 150 to 8000 pixels");
    CHECK_FALSE(parse_args({"--chart", "cost", "--chart-size", "-5x300"}).ok());
    CHECK_FALSE(parse_args({"--chart", "cost", "--chart-size", "720"}).ok());
}

TEST_CASE("figure SVG: a margin of 0.6 em, tabular digits, measured text lengths, crisp tiles") {
    Figure f;
    f.width = 100;
    f.height = 50;
    f.background = Rgba{1, 1, 1, 1};
    f.filled_rect(0, 0, 10, 10, Rgba{0, 0, 0, 0.5f});
    f.text(50, 20, "1 < 2", Rgba{1, 0, 0, 1}, 10, 24, Figure::Anchor::Middle);
    // margin: round(0.6 × 10) = 6; the text's baseline 0.8 × 10 below its top; its CSS size is ImGui's
    // 10 px scaled from Inter's ascent-to-descent height (2728 + 680 units) to its em (2816 units):
    // 10 × 2816 / 3408 = 8.26.
    CHECK(figure_svg(f, "T") ==
          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"112\" height=\"62\" viewBox=\"-6 -6 112 62\" "
          "font-family=\"Inter, sans-serif\" style=\"font-variant-numeric: tabular-nums; font-kerning: none\">\n"
          "<title>T</title>\n"
          "<rect x=\"-6\" y=\"-6\" width=\"112\" height=\"62\" fill=\"#ffffff\"/>\n"
          "<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" shape-rendering=\"crispEdges\" fill=\"#000000\" fill-opacity=\"0.5\"/>\n"
          "<text x=\"50\" y=\"28\" font-size=\"8.26\" text-anchor=\"middle\" textLength=\"24\" fill=\"#ff0000\">1 &lt; 2</text>\n"
          "</svg>\n");
}

TEST_CASE("charts: with a device, the time sweeps and the roofline are built in the core") {
    State s = default_state();
    s.device.name = "t4";
    s.scenario.precision = Precision::FP16;
    const Results r = compute(s);
    REQUIRE(r.roofline.ok());
    const ChartStyle st = print_chart_style();
    // The roofline: its title, the ridge and the peak as the core computed them, one dot per layer.
    const Chart roof = build_chart(ChartKind::Roofline, s, r, st, 720, 400);
    REQUIRE(roof.empty.empty());
    CHECK(has_text(roof.figure, "Roofline on NVIDIA T4 · FP16"));
    CHECK(has_text(roof.figure, "ridge " + format_cost(r.roofline.ridge, "FLOP/B", false, 1)));
    CHECK(has_text(roof.figure, "peak " + format_cost(roofline_options(s).compute_efficiency * r.roofline.peak_flops,
                                                      "FLOP/s", false, 1)));
    REQUIRE(roof.points.size() == r.roofline.layers.size() * 2);
    for (float v : roof.points) CHECK_FALSE(std::isnan(v));  // the seed's 13 layers all have FLOPs
    // A dot is hovered when the pointer is on it.
    const Chart over = roofline_chart(s, r, 0, st, 720, 400, {true, roof.points[0], roof.points[1]});
    CHECK(over.hovered == 0);
    // Time over f: no break-even in time over f, the baseline in seconds (the core's format_seconds).
    const Chart tf = build_chart(ChartKind::TimeFraction, s, r, st, 720, 400);
    REQUIRE(tf.empty.empty());
    CHECK(has_text(tf.figure, "Time vs cached fraction f"));
    CHECK(has_text(tf.figure, "baseline " + format_seconds(r.caching_time.baseline_time_s)));
    const Chart tr = build_chart(ChartKind::TimeRate, s, r, st, 720, 400);
    CHECK(has_text(tr.figure, "Time vs hit rate h"));
    // Without a device: why there is nothing to draw.
    const State none = default_state();
    const Results rn = compute(none);
    CHECK(build_chart(ChartKind::Roofline, none, rn, st, 720, 400).empty ==
          "Choose a device (in the Device panel) to see each layer on its roofline.");
    CHECK(build_chart(ChartKind::TimeRate, none, rn, st, 720, 400).empty ==
          "Choose a device and turn the caching scenario on to see its time.");
}

namespace {

// Whether segment (ax, ay)-(bx, by) meets the box x0..x1 × y0..y1: sampled every half pixel, which is
// finer than any label's size, so it is written independently of the chart code's own clipping.
bool segment_meets_box(float ax, float ay, float bx, float by, float x0, float y0, float x1, float y1) {
    const float len = std::max(std::abs(bx - ax), std::abs(by - ay));
    const int steps = std::max(1, static_cast<int>(len * 2));
    for (int i = 0; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        const float x = ax + (bx - ax) * t, y = ay + (by - ay) * t;
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1) return true;
    }
    return false;
}

// How many of the sweep curve's segments the label of `f` that starts with `prefix` ("baseline ",
// "break-even ") overlaps; -1 when there is no such label. The curve is the lines drawn in the palette's
// good or warn colour at the curve's thickness.
int label_on_curve(const Figure& f, const ChartStyle& st, const std::string& prefix) {
    const Figure::Primitive* label = nullptr;
    for (const Figure::Primitive& p : f.items)
        if (p.kind == Figure::Kind::Text && p.text.rfind(prefix, 0) == 0) label = &p;
    if (label == nullptr) return -1;
    const float x0 = label->points[0], y0 = label->points[1], x1 = x0 + label->text_width, y1 = y0 + st.line_height;
    const float thick = std::max(2.0f, st.em(0.14f));
    int hits = 0;
    for (const Figure::Primitive& p : f.items) {
        const auto same = [](Rgba a, Rgba b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; };
        const bool curve = p.kind == Figure::Kind::Line && p.thickness == thick &&
                           (same(p.color, st.colors.good) || same(p.color, st.colors.warn));
        if (curve && segment_meets_box(p.points[0], p.points[1], p.points[2], p.points[3], x0, y0, x1, y1)) ++hits;
    }
    return hits;
}

} // namespace

TEST_CASE("charts: the sweep's baseline and break-even labels stay off the curve on phone-width charts") {
    // mobilenet_v2 in cascade mode at 360 px: the cost over p runs along the baseline at the right, where
    // the label went first. resnet18 at 390 px: the cost over f falls steeply through its break-even
    // point, and the label centred above the point sat on the curve.
    const ChartStyle st = print_chart_style(14);
    int charts = 0, break_evens = 0;
    for (const char* model : {"mobilenet_v2", "resnet18", "resnet152"})
        for (const ScenarioMode mode : {ScenarioMode::PartialReuse, ScenarioMode::Cascade, ScenarioMode::ResultCache})
            for (const float width : {320.0f, 360.0f, 390.0f, 430.0f})
                for (const SweepParameter param : {SweepParameter::CachedFraction, SweepParameter::Rate}) {
                    State s = default_state();
                    s.model = model;
                    s.scenario.mode = mode;
                    const Results r = compute(s);
                    REQUIRE(r.ok());
                    const Chart c = sweep_chart(s, r, scenario_curves(s, r), param, st, width, 260);
                    if (!c.empty.empty()) continue;
                    const std::string name = model;
                    CAPTURE(name);
                    CAPTURE(static_cast<int>(mode));
                    CAPTURE(width);
                    CHECK(label_on_curve(c.figure, st, "baseline ") == 0);
                    const int break_even = label_on_curve(c.figure, st, "break-even ");
                    CHECK(break_even <= 0);
                    break_evens += break_even == 0;
                    ++charts;
                }
    CHECK(charts > 40);
    CHECK(break_evens > 10);
}
