// Flopscope core — the charts as Figures (see charts.h).
//
// [SECTION] What the charts draw from
// [SECTION] Names
// [SECTION] Plot frame and axes
// [SECTION] Cost per inference (stacked bars)
// [SECTION] Cost vs a parameter (sweep curves)
// [SECTION] Where it pays off (map)
// [SECTION] Per-layer cost bars
// [SECTION] Roofline (log–log)
// [SECTION] Any chart, for an export
#include "core/charts.h"

#include "core/compare_table.h"
#include "core/format.h"
#include "core/text.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] What the charts draw from
//-----------------------------------------------------------------------------

ScenarioCurves scenario_curves(const State& state, const Results& r) {
    ScenarioCurves c;
    if (!r.evaluation.ok() || r.network.layers.empty()) return c;
    const char* part_of = r.model && r.model->part_of ? r.model->part_of : "";
    for (const ScenarioPreset& p : scenario_presets())
        c.presets.push_back(evaluate_scenario(r.network, r.evaluation, state.counting, p.scenario, part_of));
    if (state.scenario_enabled && r.scenario.ok()) {
        c.sweep_fraction = sweep(r.network, r.evaluation, state.counting, state.scenario, SweepParameter::CachedFraction,
                                 kSweepPoints);
        c.sweep_rate = sweep(r.network, r.evaluation, state.counting, state.scenario, SweepParameter::Rate, kSweepPoints);
        if (const Device* device = chosen_device(state); device && r.caching_time.ok() && r.roofline.ok()) {
            c.sweep_time_rate = sweep_time(r.caching_time, state.scenario, SweepParameter::Rate, kSweepPoints);
            c.sweep_time_fraction = sweep_time_cached_fraction(r.network, r.evaluation, state.counting, state.scenario,
                                                               r.caching_time, *device, roofline_options(state),
                                                               r.roofline, kSweepPoints);
        }
    }
    return c;
}

PayoffMap chart_payoff_map(const State& state, const Results& r) {
    constexpr int kMapSamples = 41;     // per axis: every 2.5 %
    constexpr int kCurveSamples = 201;  // break-even curve: every 0.5 %
    PayoffMap none;
    if (!state.scenario_enabled || !r.scenario.ok()) none.error = "Turn the caching scenario on to see where it pays off.";
    else if (!r.evaluation.ok()) none.error = "The map needs a valid network.";
    if (!none.ok()) return none;
    return payoff_map(r.network, r.evaluation, state.counting, state.scenario, kMapSamples, kMapSamples, kCurveSamples);
}

//-----------------------------------------------------------------------------
// [SECTION] Names
//-----------------------------------------------------------------------------

namespace {

struct ChartNames {
    const char* name;
    const char* title;  // for a saved file
};
constexpr ChartNames kChartNames[] = {
    {"cost", "cost per inference"},      {"fraction", "FLOPs vs cached fraction"}, {"rate", "FLOPs vs rate"},
    {"payoff", "where it pays off"},     {"layers", "FLOPs per layer"},
    {"time-fraction", "time vs cached fraction"}, {"time-rate", "time vs rate"}, {"roofline", "roofline"},
};
static_assert(std::size(kChartNames) == static_cast<std::size_t>(ChartKind::Count_), "one name per chart");

} // namespace

const char* chart_name(ChartKind k) { return kChartNames[static_cast<std::size_t>(k)].name; }

std::optional<ChartKind> parse_chart_name(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kChartNames); ++i)
        if (name == kChartNames[i].name) return static_cast<ChartKind>(i);
    return std::nullopt;
}

std::string chart_names() {
    std::string s;
    for (const ChartNames& n : kChartNames) s += (s.empty() ? "" : ", ") + std::string(n.name);
    return s;
}

std::string chart_file_title(ChartKind k, const State& state) {
    return std::string("Flopscope: ") + kChartNames[static_cast<std::size_t>(k)].title + ", " + state.model;
}

//-----------------------------------------------------------------------------
// [SECTION] Plot frame and axes
//-----------------------------------------------------------------------------

namespace {

using Anchor = Figure::Anchor;

// A figure being drawn with a style: text is measured as it is placed.
struct Canvas {
    Figure& f;
    const ChartStyle& st;
    const ChartPalette& col = st.colors;
    float line = st.line_height;
    float em(float k) const { return st.em(k); }
    float width(const std::string& s) const { return st.width(s); }
    void text(float x, float y, const std::string& s, Rgba c, Anchor a = Anchor::Start) {
        f.text(x, y, s, c, st.font_size, width(s), a);
    }
    void dashed_hline(float x0, float x1, float y, Rgba c, float thickness, float dash) {
        for (float x = x0; x < x1; x += dash * 2) f.line(x, y, std::min(x + dash, x1), y, c, thickness);
    }
    void dashed_vline(float x, float y0, float y1, Rgba c, float thickness, float dash) {
        for (float y = y0; y < y1; y += dash * 2) f.line(x, y, x, std::min(y + dash, y1), c, thickness);
    }
};

Canvas begin(Chart& c, const ChartStyle& st, float width, float height) {
    c.figure.width = c.overlay.width = width;
    c.figure.height = c.overlay.height = height;
    c.figure.background = st.colors.background;
    return Canvas{c.figure, st};
}

struct Plot {
    float min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // the plotting area, in figure pixels
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;             // the values at its edges
    float x(double v) const { return min_x + static_cast<float>((v - x0) / (x1 - x0)) * (max_x - min_x); }
    float y(double v) const { return max_y - static_cast<float>((v - y0) / (y1 - y0)) * (max_y - min_y); }
    double value_x(float px) const { return x0 + (px - min_x) / (max_x - min_x) * (x1 - x0); }
    void store(Chart& c) const {
        c.plot_x0 = min_x;
        c.plot_y0 = min_y;
        c.plot_x1 = max_x;
        c.plot_y1 = max_y;
    }
};

double nice_step(double span, int ticks) {
    if (span <= 0) return 1;
    const double raw = span / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

std::string tick_label(double v, double step) {
    // One decimal when the step is not a whole number of the prefix unit.
    const double scale = scale_prefix(std::max(std::fabs(v), step)).scale;  // the prefix v or the step gets
    const int decimals = std::fmod(step / scale, 1.0) > 1e-9 ? 1 : 0;
    return format_cost(v, "", false, decimals);
}

// Horizontal grid lines with value labels left of the plot, and the unit above them when given.
// `seconds`: the values are times (format_seconds), else FLOPs.
void y_axis(Canvas& cv, const Plot& p, const char* unit, bool seconds = false) {
    const double step = nice_step(p.y1 - p.y0, 4);
    for (double v = p.y0; v <= p.y1 + step * 1e-9; v += step) {
        const float y = p.y(v);
        cv.f.line(p.min_x, y, p.max_x, y, cv.col.grid, 1.0f);
        cv.text(p.min_x - cv.em(0.4f), y - cv.line * 0.5f, seconds ? format_seconds(v) : tick_label(v, step), cv.col.muted,
                Anchor::End);
    }
    if (unit) cv.text(p.min_x - cv.em(0.4f), p.min_y - cv.line - cv.em(0.5f), unit, cv.col.muted, Anchor::End);
}

using LegendItems = std::vector<std::pair<const char*, Rgba>>;

float legend_width(const Canvas& cv, const LegendItems& items) {
    float total = -cv.em(1.0f);
    for (const auto& it : items) total += cv.em(0.7f) + cv.em(0.4f) + cv.width(it.first) + cv.em(1.0f);
    return total;
}

// Colour swatches and names, ending at `right` on the line at `top`.
void legend(Canvas& cv, float right, float top, const LegendItems& items) {
    const float sw = cv.em(0.7f), gap = cv.em(0.4f), sep = cv.em(1.0f);
    float x = right - legend_width(cv, items);
    for (const auto& it : items) {
        cv.f.filled_rect(x, top + (cv.line - sw) * 0.5f, x + sw, top + (cv.line + sw) * 0.5f, it.second, cv.em(0.15f));
        x += sw + gap;
        cv.text(x, top, it.first, cv.col.text);
        x += cv.width(it.first) + sep;
    }
}

// 0, 25, 50, 75, 100 % under a plot of 0..1; on a narrow plot only 0, 50 and 100 %, so the labels
// don't run together.
int percent_tick_step(const Canvas& cv, float plot_width) {
    return plot_width / 4 < cv.width("100 %") * 1.6f ? 2 : 1;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Cost per inference (stacked bars)
//-----------------------------------------------------------------------------

std::vector<CostBar> cost_bars(const State& state, const Results& r, const ScenarioCurves& curves) {
    std::vector<CostBar> bars;
    if (curves.presets.empty()) return bars;
    bars.push_back({"no caching", curves.presets.front().baseline_flops, 0, 0, 100, false});
    // The Compare view's columns (compare_table.h), one bar each.
    for (const CompareColumn& c : compare_columns(state, r, curves)) {
        const ScenarioResult& s = *c.result;
        bars.push_back({c.title, s.computed_flops, s.student_flops, s.lookup_flops, s.percent_of_baseline, c.current});
    }
    return bars;
}

Chart cost_chart(const std::vector<CostBar>& bars, const ChartStyle& st, float width, float height, ChartPointer ptr) {
    Chart c;
    if (bars.empty() || width < st.em(10) || height < st.em(8)) return c;
    Canvas cv = begin(c, st, width, height);
    const ChartPalette& pal = cv.col;
    const float line = cv.line;

    cv.text(0, 0, "Cost per inference", pal.text);
    legend(cv, width, line * 1.3f, {{"computed", pal.computed}, {"student", pal.student}, {"lookup", pal.lookup}});

    double top = 0;
    for (const CostBar& b : bars) top = std::max(top, b.total());
    Plot p;
    p.min_x = cv.em(3.6f);
    p.min_y = line * 4.0f;
    // Names wider than their slot alternate between two lines, so neighbours never run together.
    const float slot = (width - cv.em(0.5f) - p.min_x) / static_cast<float>(bars.size());
    bool stagger = false;
    for (const CostBar& b : bars) stagger |= cv.width(b.name) > slot - cv.em(0.5f);
    p.max_x = width - cv.em(0.5f);
    p.max_y = height - line * (stagger ? 2.6f : 1.6f);
    p.y1 = std::max(top, 1.0) * 1.08;
    p.store(c);
    y_axis(cv, p, "FLOPs");

    const double baseline = bars.front().total();
    const float bw = std::min(slot * 0.58f, cv.em(5));
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const CostBar& b = bars[i];
        const float cx = p.min_x + slot * (static_cast<float>(i) + 0.5f);
        const float x0 = cx - bw * 0.5f, x1 = cx + bw * 0.5f;
        const bool hovered = ptr.inside && ptr.x >= p.min_x + slot * static_cast<float>(i) &&
                             ptr.x < p.min_x + slot * static_cast<float>(i + 1);
        if (hovered) c.hovered = static_cast<int>(i);
        double y = 0;
        const std::pair<double, Rgba> parts[] = {{b.computed, pal.computed}, {b.student, pal.student}, {b.lookup, pal.lookup}};
        for (const auto& part : parts) {
            if (part.first <= 0) continue;
            cv.f.filled_rect(x0, p.y(y + part.first), x1, p.y(y), with_alpha(part.second, 0.88f));
            if (hovered) c.overlay.filled_rect(x0, p.y(y + part.first), x1, p.y(y), part.second);  // full colour
            y += part.first;
        }
        if (b.current) cv.f.rect(x0 - 2, p.y(y) - 2, x1 + 2, p.y(0) + 1, pal.accent, 2.0f);
        // Percent of the baseline above, name below.
        if (baseline > 0) {
            const Rgba pc = b.total() > baseline * (1 + 1e-12) ? pal.warn : b.total() < baseline * (1 - 1e-12) ? pal.good : pal.text;
            cv.text(cx, p.y(y) - line - cv.em(0.2f), format_percent(b.percent, 0), pc, Anchor::Middle);
        }
        const float name_x = std::clamp(cx - cv.width(b.name) * 0.5f, p.min_x, width - cv.width(b.name));
        cv.text(name_x, p.max_y + cv.em(0.3f) + (stagger && i % 2 == 1 ? line : 0.0f), b.name, b.current ? pal.text : pal.muted);
    }
    cv.dashed_hline(p.min_x, p.max_x, p.y(baseline), with_alpha(pal.baseline, 0.8f), 1.5f, cv.em(0.35f));
    cv.f.line(p.min_x, p.max_y, p.max_x, p.max_y, with_alpha(pal.baseline, 0.6f), 1.0f);
    return c;
}

//-----------------------------------------------------------------------------
// [SECTION] Cost vs a parameter (sweep curves)
//-----------------------------------------------------------------------------

namespace {

// The curve's value at t in 0..1, linear between samples.
double sample(const std::vector<double>& v, double t) {
    if (v.empty()) return 0;
    if (v.size() == 1) return v.front();
    const double pos = std::clamp(t, 0.0, 1.0) * static_cast<double>(v.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(pos), v.size() - 2);
    const double frac = pos - static_cast<double>(i);
    return v[i] + (v[i + 1] - v[i]) * frac;
}

// One sweep chart's data: the curve, what is swept (the cached fraction or the mode's rate) and the
// core's break-even of it.
struct Sweep {
    const std::vector<double>* data = nullptr;
    const char* symbol = "";
    std::string title;
    double current = 0;                // the parameter's value now
    double baseline = 0;
    std::optional<double> break_even;  // the core's, for this parameter
    bool at_step = false;              // the break-even is a tile step that already pays off
    bool seconds = false;              // time per inference on the chosen device, not FLOPs
    bool summary = true;               // the core has this curve's break-even to sum it up (not time over f)
    std::string value(double v, int decimals) const {
        return seconds ? format_seconds(v) : format_cost(v, "", false, decimals);
    }
};

Sweep sweep_of(const State& state, const Results& r, const ScenarioCurves& curves, SweepParameter parameter, bool seconds) {
    const Scenario& sc = state.scenario;
    const ModeInfo& mode = mode_info(sc.mode);
    Sweep s;
    s.baseline = r.scenario.baseline_flops;
    s.break_even = break_even(r.scenario, parameter);
    if (parameter == SweepParameter::CachedFraction) {
        s.data = &curves.sweep_fraction;
        s.symbol = "f";
        s.title = "FLOPs vs cached fraction f";
        s.current = sc.cached_fraction;
        s.at_step = r.scenario.break_even_cached_fraction_is_step;
    } else {
        s.data = &curves.sweep_rate;
        s.symbol = mode.rate_symbol;
        s.title = std::string("FLOPs vs ") + mode.rate_name + " " + mode.rate_symbol;
        s.current = mode_rate(sc);
    }
    if (seconds) {  // the same curve in seconds: the core's time sweep, its break-even rate in time (none over f)
        const CachingTime& ct = r.caching_time;
        s.seconds = true;
        s.baseline = ct.baseline_time_s;
        s.at_step = false;
        s.title.replace(0, 5, "Time");
        if (parameter == SweepParameter::CachedFraction) {
            s.data = &curves.sweep_time_fraction;
            s.break_even.reset();
            s.summary = false;
        } else {
            s.data = &curves.sweep_time_rate;
            s.break_even = ct.break_even_rate;
        }
    }
    return s;
}

struct LabelBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(float x, float y, float w, float h) const {
        return x1 > x0 && x < x1 && x + w > x0 && y < y1 && y + h > y0;
    }
};

// The region where caching saves, the value grid and both axes' labels, and the dashed baseline.
void sweep_axes(Canvas& cv, const Plot& p, double baseline, bool seconds) {
    cv.f.filled_rect(p.min_x, p.y(baseline), p.max_x, p.max_y, with_alpha(cv.col.good, 0.07f));
    y_axis(cv, p, nullptr, seconds);
    const int step = percent_tick_step(cv, p.max_x - p.min_x);
    for (int i = 0; i <= 4; i += step) {
        const double t = i / 4.0;
        const std::string label = format_fraction_percent(t, 0);
        const float w = cv.width(label);
        // "0 %" starts at the axis, clear of the y axis's "0".
        cv.text(std::clamp(p.x(t) - w * 0.5f, p.min_x, p.max_x - w), p.max_y + cv.em(0.3f), label, cv.col.muted);
    }
    cv.f.line(p.min_x, p.max_y, p.max_x, p.max_y, with_alpha(cv.col.baseline, 0.6f), 1.0f);
    cv.dashed_hline(p.min_x, p.max_x, p.y(baseline), with_alpha(cv.col.baseline, 0.9f), 1.5f, cv.em(0.35f));
}

// The curve, green where it saves and orange where it costs more.
void sweep_curve(Canvas& cv, const Plot& p, const std::vector<double>& data, double baseline) {
    const float thick = std::max(2.0f, cv.em(0.14f));
    for (std::size_t i = 0; i + 1 < data.size(); ++i) {
        const double t0 = static_cast<double>(i) / static_cast<double>(data.size() - 1);
        const double t1 = static_cast<double>(i + 1) / static_cast<double>(data.size() - 1);
        const bool saves = (data[i] + data[i + 1]) * 0.5 < baseline;
        cv.f.line(p.x(t0), p.y(data[i]), p.x(t1), p.y(data[i + 1]), saves ? cv.col.good : cv.col.warn, thick);
    }
}

// Whether the curve (drawn as segments between its samples) passes through the box x0..x1 × y0..y1, in
// figure pixels. Each segment is straight, so over the part of it inside x0..x1 its extremes are at the
// ends of that part.
bool curve_crosses(const Plot& p, const std::vector<double>& data, float x0, float x1, float y0, float y1) {
    const double n = static_cast<double>(data.size() - 1);
    for (std::size_t i = 0; i + 1 < data.size(); ++i) {
        const float ax = p.x(static_cast<double>(i) / n), bx = p.x(static_cast<double>(i + 1) / n);
        const float ay = p.y(data[i]), by = p.y(data[i + 1]);
        const float lo = std::max(ax, x0), hi = std::min(bx, x1);
        if (lo > hi || bx <= ax) continue;
        const auto at = [&](float x) { return ay + (by - ay) * (x - ax) / (bx - ax); };
        const float ya = at(lo), yb = at(hi);
        if (std::max(ya, yb) >= y0 && std::min(ya, yb) <= y1) return true;
    }
    return false;
}

// The break-even point (when there is one) and the current value; returns their labels' boxes.
std::array<LabelBox, 2> sweep_markers(Canvas& cv, const Plot& p, const Sweep& s) {
    std::array<LabelBox, 2> boxes{};
    if (s.break_even) {
        const double be = *s.break_even;
        const float px = p.x(be), py = p.y(s.baseline);
        cv.dashed_vline(px, py, p.max_y, with_alpha(cv.col.baseline, 0.7f), 1.0f, cv.em(0.25f));
        cv.f.filled_circle(px, py, cv.em(0.32f), cv.col.accent);
        cv.f.circle(px, py, cv.em(0.32f), cv.col.background, 2.0f);
        const std::string label = std::string("break-even ") + s.symbol + " = " + format_fraction_percent(be, 1);
        // Above the point, centred, else beside it on the side the curve leaves free, else below it, lower
        // and lower: the first place inside the plot that the curve does not cross (a steep curve passes
        // through the centre; at an edge of the plot the sides are taken). Where the curve leaves no room,
        // no label: the line under the title gives the same value.
        const float w = cv.width(label), h = cv.line, gap = cv.em(0.5f), pad = cv.em(0.2f);
        const float centre = std::clamp(px - w * 0.5f, p.min_x, p.max_x - w);
        const float right = std::clamp(px + gap, p.min_x, p.max_x - w), left = std::clamp(px - gap - w, p.min_x, p.max_x - w);
        std::vector<std::pair<float, float>> candidates = {{centre, py - h - gap}, {right, py - h - gap}, {left, py - h - gap}};
        for (int below = 0; below < 4; ++below)
            for (float x : {centre, right, left}) candidates.emplace_back(x, py + cv.em(0.4f) + static_cast<float>(below) * h);
        for (const auto& [x, y] : candidates) {
            const bool inside = y - cv.em(0.1f) > p.min_y && y + h <= p.max_y;
            if (!inside || curve_crosses(p, *s.data, x - pad, x + w + pad, y, y + h)) continue;
            cv.text(x, y, label, cv.col.accent);
            boxes[0] = {x, y, x + w, y + h};
            break;
        }
    }
    const float px = p.x(s.current), py = p.y(sample(*s.data, s.current));
    cv.f.line(px, p.min_y, px, p.max_y, with_alpha(cv.col.baseline, 0.35f), 1.0f);
    cv.f.filled_circle(px, py, cv.em(0.28f), cv.col.baseline);
    const std::string label = std::string("now ") + format_fraction_percent(s.current, 1);
    const float w = cv.width(label);
    const float x = std::clamp(px + cv.em(0.4f), p.min_x, p.max_x - w);
    cv.text(x, p.min_y - cv.line * 0.2f, label, cv.col.muted);
    boxes[1] = {x, p.min_y - cv.line * 0.2f, x + w, p.min_y + cv.line * 0.8f};
    return boxes;
}

// The line under the title: which side of the core's break-even saves, or that no value does.
void sweep_summary(Canvas& cv, float y, const Sweep& s) {
    std::string text;
    Rgba color = cv.col.accent;
    if (s.break_even && *s.break_even >= 1.0) {  // a tile step at the very end: only everything cached pays
        text = std::string("pays off only at ") + s.symbol + " = " + format_fraction_percent(1.0, 0);
    } else if (s.break_even) {
        // f and the rate only lower the cost, so caching pays above the break-even.
        text = std::string("pays off when ") + s.symbol + (s.at_step ? " ≥ " : " > ") +
               format_fraction_percent(*s.break_even, 1);
    } else if (s.data->front() >= s.baseline) {
        text = std::string("never pays off for any ") + s.symbol;
        color = cv.col.warn;
    } else {
        text = std::string("saves for every ") + s.symbol;
        color = cv.col.good;
    }
    cv.text(0, y, text, color);
}

// The baseline's label: at the right above the line, else the first place that overlaps neither the
// labels above (narrow charts, or a baseline near the top where the "now" label is) nor the curve (a
// phone-width chart whose curve runs along the baseline); else the first place clear of the labels.
void baseline_label(Canvas& cv, const Plot& p, const Sweep& s, const std::array<LabelBox, 2>& taken) {
    const std::string label = "baseline " + s.value(s.baseline, 2);
    const float w = cv.width(label), h = cv.line;
    const float yb = p.y(s.baseline), gap = cv.em(0.15f), pad = cv.em(0.2f);
    const float mid = (p.min_x + p.max_x - w) * 0.5f;
    const std::pair<float, float> candidates[] = {{p.max_x - w, yb - h - gap}, {p.max_x - w, yb + gap},
                                                  {p.min_x + cv.em(0.3f), yb - h - gap}, {p.min_x + cv.em(0.3f), yb + gap},
                                                  {mid, yb - h - gap}, {mid, yb + gap}};
    const std::pair<float, float>* at = nullptr;
    const std::pair<float, float>* clear_of_labels = nullptr;
    for (const auto& c : candidates) {
        const auto [x, y] = c;
        bool clear = y >= p.min_y - h && y + h <= p.max_y;
        for (const LabelBox& box : taken) clear = clear && !box.overlaps(x, y, w, h);
        if (!clear) continue;
        if (clear_of_labels == nullptr) clear_of_labels = &c;
        if (!curve_crosses(p, *s.data, x - pad, x + w + pad, y, y + h)) {
            at = &c;
            break;
        }
    }
    if (at == nullptr) at = clear_of_labels != nullptr ? clear_of_labels : &candidates[0];
    cv.text(at->first, at->second, label, cv.col.muted);
}

Chart any_sweep_chart(const State& state, const Results& r, const ScenarioCurves& curves, SweepParameter parameter,
                      bool seconds, const ChartStyle& st, float width, float height, ChartPointer ptr) {
    Chart c;
    const ModeInfo& mode = mode_info(state.scenario.mode);
    if (parameter == SweepParameter::CachedFraction && !mode.caches_channels) {
        c.empty = std::string("The cached fraction f does not apply to this mode (") + mode.label + ").";
        return c;
    }
    const Sweep s = sweep_of(state, r, curves, parameter, seconds);
    if (s.data->size() < 2 || !r.scenario.ok() || width < st.em(10) || height < st.em(8)) {
        c.empty = seconds ? "Choose a device and turn the caching scenario on to see its time."
                          : "Turn the caching scenario on to see how its cost responds.";
        return c;
    }
    Canvas cv = begin(c, st, width, height);
    cv.text(0, 0, s.title, cv.col.text);

    double top = s.baseline;
    for (double v : *s.data) top = std::max(top, v);
    Plot p;
    p.min_x = cv.em(3.6f);
    p.min_y = cv.line * 3.0f;
    p.max_x = width - cv.em(0.8f);
    p.max_y = height - cv.line * 1.7f;
    p.y1 = (top > 0 ? top : 1.0) * 1.08;  // seconds are far below 1
    p.store(c);
    sweep_axes(cv, p, s.baseline, s.seconds);
    sweep_curve(cv, p, *s.data, s.baseline);
    const std::array<LabelBox, 2> labels = sweep_markers(cv, p, s);
    sweep_summary(cv, cv.line * 1.15f, s);
    baseline_label(cv, p, s, labels);
    // Hover: a cursor line and a dot at the value under it.
    if (ptr.inside && ptr.x >= p.min_x && ptr.x <= p.max_x) {
        const double t = std::clamp(p.value_x(ptr.x), 0.0, 1.0);
        const double y = sample(*s.data, t);
        c.overlay.line(p.x(t), p.min_y, p.x(t), p.max_y, with_alpha(cv.col.accent, 0.5f), 1.0f);
        c.overlay.filled_circle(p.x(t), p.y(y), cv.em(0.22f), cv.col.accent);
        c.hovered_value = t;
        c.hovered_y = y;
    }
    return c;
}

} // namespace

Chart sweep_chart(const State& state, const Results& r, const ScenarioCurves& curves, SweepParameter parameter,
                  const ChartStyle& st, float width, float height, ChartPointer ptr) {
    return any_sweep_chart(state, r, curves, parameter, false, st, width, height, ptr);
}

Chart time_sweep_chart(const State& state, const Results& r, const ScenarioCurves& curves, SweepParameter parameter,
                       const ChartStyle& st, float width, float height, ChartPointer ptr) {
    return any_sweep_chart(state, r, curves, parameter, true, st, width, height, ptr);
}

//-----------------------------------------------------------------------------
// [SECTION] Where it pays off (map)
//-----------------------------------------------------------------------------

Chart payoff_chart(const PayoffMap& m, const ChartStyle& st, float width, float height, ChartPointer ptr) {
    Chart c;
    if (!m.ok()) {
        c.empty = m.error;
        return c;
    }
    if (width < st.em(12) || height < st.em(12)) return c;
    Canvas cv = begin(c, st, width, height);
    const ChartPalette& pal = cv.col;
    const float line = cv.line;
    cv.text(0, 0, std::string("Where it pays off: ") + m.x_symbol + " × " + m.y_symbol, pal.text);
    cv.text(0, line * 1.15f, "green: saves · red: costs more · line: break-even", pal.muted);
    Plot p;
    p.min_x = cv.width("100 %") + cv.em(0.6f);
    p.min_y = line * 4.3f;
    p.max_x = width - cv.em(0.8f);
    p.max_y = height - line * 2.6f;
    p.store(c);

    // Cells, centred on the samples, shaded by the saving relative to the largest either way.
    double most_saved = 1e-12, most_lost = 1e-12;
    for (int j = 0; j < m.ny; ++j)
        for (int i = 0; i < m.nx; ++i) {
            const double s = m.saved_fraction(i, j);
            most_saved = std::max(most_saved, s);
            most_lost = std::max(most_lost, -s);
        }
    const float cw = (p.max_x - p.min_x) / static_cast<float>(m.nx - 1), ch = (p.max_y - p.min_y) / static_cast<float>(m.ny - 1);
    for (int j = 0; j < m.ny; ++j) {
        for (int i = 0; i < m.nx; ++i) {
            const double s = m.saved_fraction(i, j);
            const float cx = p.x(static_cast<double>(i) / (m.nx - 1)), cy = p.y(static_cast<double>(j) / (m.ny - 1));
            const float alpha = 0.12f + 0.68f * static_cast<float>(s >= 0 ? s / most_saved : -s / most_lost);
            cv.f.filled_rect(std::max(p.min_x, cx - cw * 0.5f), std::max(p.min_y, cy - ch * 0.5f),
                             std::min(p.max_x, cx + cw * 0.5f), std::min(p.max_y, cy + ch * 0.5f),
                             with_alpha(s >= 0 ? pal.good : pal.warn, alpha));
        }
    }
    cv.f.rect(p.min_x, p.min_y, p.max_x, p.max_y, with_alpha(pal.baseline, 0.6f), 1.0f);

    // Axes: 0, 25, 50, 75, 100 % (0, 50, 100 % when narrow).
    const int step = percent_tick_step(cv, p.max_x - p.min_x);
    for (int k = 0; k <= 4; k += step) {
        const double t = k / 4.0;
        const std::string label = format_fraction_percent(t, 0);
        const Anchor xa = k == 0 ? Anchor::Start : k == 4 ? Anchor::End : Anchor::Middle;
        cv.text(p.x(t), p.max_y + cv.em(0.3f), label, pal.muted, xa);
        cv.text(p.min_x - cv.em(0.4f), std::clamp(p.y(t) - line * 0.5f, p.min_y - line * 0.5f, p.max_y - line), label,
                pal.muted, Anchor::End);
    }
    cv.text((p.min_x + p.max_x) * 0.5f, p.max_y + cv.em(0.3f) + line, m.x_name, pal.muted, Anchor::Middle);
    cv.text(p.min_x, p.min_y - line * 1.2f, m.y_name, pal.muted);  // the y axis names itself above the plot

    // The break-even curve, exactly the core's h*(f) (or p*(σ)) at each sample.
    std::vector<float> curve;
    for (const PayoffPoint& q : m.break_even) {
        curve.push_back(p.x(q.x));
        curve.push_back(p.y(q.y));
    }
    if (curve.size() >= 4) cv.f.polyline(std::move(curve), pal.accent, std::max(2.0f, cv.em(0.14f)));

    // The current scenario.
    const float r = cv.em(0.32f);
    const float px = p.x(std::clamp(m.current.x, 0.0, 1.0)), py = p.y(std::clamp(m.current.y, 0.0, 1.0));
    cv.f.filled_circle(px, py, r, pal.accent);
    cv.f.circle(px, py, r, pal.background, 2.0f);
    // The point under the pointer, to the percent.
    if (ptr.inside && ptr.x >= p.min_x && ptr.x <= p.max_x && ptr.y >= p.min_y && ptr.y <= p.max_y) {
        c.hovered_value = std::round((ptr.x - p.min_x) / (p.max_x - p.min_x) * 100.0) / 100.0;
        c.hovered_y = std::round((p.max_y - ptr.y) / (p.max_y - p.min_y) * 100.0) / 100.0;
    }
    return c;
}

//-----------------------------------------------------------------------------
// [SECTION] Per-layer cost bars
//-----------------------------------------------------------------------------

std::vector<LayerBar> layer_bars(const State& state, const Results& r) {
    std::vector<LayerBar> bars;
    const bool scenario = r.scenario.ok() && state.scenario_enabled && r.scenario.layers.size() == r.network.layers.size();
    for (std::size_t i = 0; i < r.evaluation.layers.size() && i < r.network.layers.size(); ++i) {
        const double cost = static_cast<double>(counted_flops(r.evaluation.layers[i], state.counting).value);
        if (cost <= 0) continue;
        const LayerScenario* ls = scenario ? &r.scenario.layers[i] : nullptr;
        bars.push_back({r.network.layers[i].name, cost, ls ? ls->cost_after : cost, ls && ls->eligible ? ls->effective_fraction : -1});
    }
    return bars;
}

Chart layer_chart(const std::vector<LayerBar>& bars, const ChartStyle& st, float width, ChartPointer ptr) {
    Chart c;
    if (bars.empty()) {
        c.empty = "No layer has a counted cost.";
        return c;
    }
    const float line = st.line_height;
    double top = 0;
    for (const LayerBar& b : bars) top = std::max(top, b.before);
    // Names that don't fit beside the bars go on a line of their own above them.
    const float value_w = st.em(5.5f);
    float name_w = std::min(st.em(9), width * 0.3f);
    bool stacked = false;
    for (const LayerBar& b : bars) stacked |= st.width(b.name) > name_w;
    const float name_h = stacked ? line : 0.0f;
    if (stacked) name_w = -st.em(0.5f);
    const float row_h = line * 1.35f + name_h;
    Canvas cv = begin(c, st, width, row_h * static_cast<float>(bars.size()) + line * 1.6f);
    const ChartPalette& pal = cv.col;
    // The legend at the left: the top right is the save menu's on screen.
    const LegendItems items = {{"without caching", pal.grid}, {"with caching", pal.computed}};
    legend(cv, legend_width(cv, items), 0, items);
    const float bars_x0 = name_w + cv.em(0.5f), bars_x1 = width - value_w;
    const float y_start = line * 1.6f;
    c.plot_x0 = bars_x0;
    c.plot_y0 = y_start;
    c.plot_x1 = bars_x1;
    c.plot_y1 = c.figure.height;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const LayerBar& b = bars[i];
        float y = y_start + row_h * static_cast<float>(i);
        if (ptr.inside && ptr.y >= y && ptr.y < y + row_h) {
            c.hovered = static_cast<int>(i);
            c.overlay.filled_rect(0, y, width, y + row_h, pal.accent_soft);
        }
        cv.text(0, stacked ? y : y + (row_h - line) * 0.5f, b.name, pal.text);
        y += name_h;
        const float bar_h = row_h - name_h;
        const float w = bars_x1 - bars_x0;
        const float b0 = bars_x0 + static_cast<float>(b.before / top) * w;
        const float b1 = bars_x0 + static_cast<float>(b.after / top) * w;
        cv.f.filled_rect(bars_x0, y + bar_h * 0.15f, b0, y + bar_h * 0.85f, pal.grid, cv.em(0.1f));
        cv.f.filled_rect(bars_x0, y + bar_h * 0.3f, std::max(b1, bars_x0 + 1), y + bar_h * 0.7f, pal.computed, cv.em(0.1f));
        cv.text(bars_x1 + cv.em(0.4f), y + (bar_h - line) * 0.5f, format_cost(b.before, "", false, 2), pal.muted);
    }
    return c;
}

//-----------------------------------------------------------------------------
// [SECTION] Roofline (log–log)
//-----------------------------------------------------------------------------

namespace {

// Log–log axes over whole decades.
struct LogPlot {
    Plot p;  // its x0..x1, y0..y1 are log10 of the ranges
    float x(double v) const { return p.x(std::log10(v)); }
    float y(double v) const { return p.y(std::log10(v)); }
};

void log_axes(Canvas& cv, const LogPlot& lp) {
    const Plot& p = lp.p;
    for (int k = static_cast<int>(p.x0); k <= static_cast<int>(p.x1); ++k) {
        const double v = std::pow(10.0, k);
        const float x = lp.x(v);
        cv.f.line(x, p.min_y, x, p.max_y, cv.col.grid, 1.0f);
        const std::string label = shortest_decimal(v);
        const float w = cv.width(label);
        cv.text(std::clamp(x - w * 0.5f, p.min_x, p.max_x - w), p.max_y + cv.em(0.3f), label, cv.col.muted);
    }
    for (int k = static_cast<int>(p.y0); k <= static_cast<int>(p.y1); ++k) {
        const double v = std::pow(10.0, k);
        const float y = lp.y(v);
        cv.f.line(p.min_x, y, p.max_x, y, cv.col.grid, 1.0f);
        cv.text(p.min_x - cv.em(0.4f), y - cv.line * 0.5f, format_cost(v, "", false, 0), cv.col.muted, Anchor::End);
    }
}

Rgba bound_rgba(const ChartPalette& pal, Bound b) {
    return b == Bound::Compute ? pal.computed : b == Bound::Memory ? pal.warn : pal.muted;
}

bool plotted(const LayerRoofline& l) { return l.flops > 0 && std::isfinite(l.intensity) && l.time_s > 0; }

} // namespace

Chart roofline_chart(const State& state, const Results& res, int selected, const ChartStyle& st, float width,
                     float height, ChartPointer ptr) {
    Chart c;
    if (!res.has_device || !res.roofline.ok()) {
        c.empty = "Choose a device (in the Device panel) to see each layer on its roofline.";
        return c;
    }
    if (width < st.em(12) || height < st.em(10)) return c;
    const RooflineResult& r = res.roofline;
    const RooflineOptions o = roofline_options(state);
    const double compute_roof = o.compute_efficiency * r.peak_flops;  // FLOP/s
    const double memory_slope = o.memory_efficiency * r.bandwidth;    // FLOP/s per FLOP/B

    // Ranges: every plotted layer, the ridge and the compute roof, out to whole decades.
    double xmin = r.ridge, xmax = r.ridge, ymin = compute_roof, ymax = compute_roof;
    int unplotted = 0;
    for (const LayerRoofline& l : r.layers) {
        if (!plotted(l)) {
            ++unplotted;
            continue;
        }
        xmin = std::min(xmin, l.intensity);
        xmax = std::max(xmax, l.intensity);
        ymin = std::min(ymin, l.flops / l.time_s);
    }
    Canvas cv = begin(c, st, width, height);
    const ChartPalette& pal = cv.col;
    const float line = cv.line;
    cv.text(0, 0, "Roofline on " + r.device_label + " · " + precision_label(r.precision), pal.text);
    LogPlot lp;
    Plot& p = lp.p;
    p.min_x = cv.em(3.6f);
    p.min_y = line * 3.0f;  // the top tick's label (half a line above) clears the unit on the line above it
    p.max_x = width - cv.em(0.8f);
    p.max_y = height - line * 2.8f;
    p.x0 = std::floor(std::log10(xmin));
    p.x1 = std::ceil(std::log10(xmax) + 1e-9);
    p.y0 = std::floor(std::log10(ymin));
    p.y1 = std::ceil(std::log10(ymax) + 1e-9);
    if (p.x1 <= p.x0) p.x1 = p.x0 + 1;
    if (p.y1 <= p.y0) p.y1 = p.y0 + 1;
    p.store(c);
    log_axes(cv, lp);
    cv.text(p.max_x, p.max_y + line * 1.3f, "FLOP/B", pal.muted, Anchor::End);
    cv.text(0, line * 1.3f, "FLOP/s", pal.muted);

    // The roofs: bandwidth × intensity up to the ridge, the peak after it.
    const float thick = std::max(2.0f, cv.em(0.14f));
    const double x_enter = std::max(std::pow(10.0, p.x0), std::pow(10.0, p.y0) / memory_slope);  // the memory roof enters
    const float rx = lp.x(r.ridge), ry = lp.y(compute_roof);
    cv.f.line(lp.x(x_enter), lp.y(memory_slope * x_enter), rx, ry, pal.baseline, thick);
    cv.f.line(rx, ry, p.max_x, ry, pal.baseline, thick);
    cv.f.filled_circle(rx, ry, cv.em(0.3f), pal.accent);
    const std::string ridge_label = "ridge " + format_cost(r.ridge, "FLOP/B", false, 1);
    const float rw = cv.width(ridge_label);
    cv.text(std::clamp(rx - rw * 0.5f, p.min_x, p.max_x - rw), ry - line * 1.2f, ridge_label, pal.accent);
    cv.text(p.min_x + cv.em(0.3f), ry - line * 1.1f, "peak " + format_cost(compute_roof, "FLOP/s", false, 1), pal.muted);

    // The layers, the selected one ringed, and the one nearest the pointer.
    float best = cv.em(0.7f);
    c.points.assign(r.layers.size() * 2, NAN);
    for (std::size_t i = 0; i < r.layers.size(); ++i) {
        const LayerRoofline& l = r.layers[i];
        if (!plotted(l)) continue;
        const float x = lp.x(l.intensity), y = lp.y(l.flops / l.time_s);
        c.points[i * 2] = x;
        c.points[i * 2 + 1] = y;
        const bool is_selected = selected == static_cast<int>(i);
        cv.f.filled_circle(x, y, cv.em(is_selected ? 0.38f : 0.28f), with_alpha(bound_rgba(pal, l.bound), 0.9f));
        if (is_selected) cv.f.circle(x, y, cv.em(0.5f), pal.accent, 2.0f);
        const float d = std::hypot(ptr.x - x, ptr.y - y);
        if (ptr.inside && d < best) {
            best = d;
            c.hovered = static_cast<int>(i);
        }
    }
    // Legend: what the colours mean, and the layers a log axis cannot show.
    float lx = p.min_x;
    const float ly = p.max_y + line * 1.3f;
    for (Bound b : {Bound::Compute, Bound::Memory, Bound::Overhead}) {
        cv.f.filled_circle(lx + cv.em(0.3f), ly + line * 0.5f, cv.em(0.28f), bound_rgba(pal, b));
        const std::string label = std::string(bound_name(b)) + "-bound";
        cv.text(lx + cv.em(0.8f), ly, label, pal.muted);
        lx += cv.em(1.4f) + cv.width(label);
    }
    if (unplotted > 0) cv.text(lx, ly, "· " + std::to_string(unplotted) + " layers without FLOPs not shown", pal.muted);
    return c;
}

//-----------------------------------------------------------------------------
// [SECTION] Any chart, for an export
//-----------------------------------------------------------------------------

Chart build_chart(ChartKind kind, const State& state, const Results& r, const ChartStyle& st, float width, float height) {
    switch (kind) {
    case ChartKind::Cost: return cost_chart(cost_bars(state, r, scenario_curves(state, r)), st, width, height);
    case ChartKind::Fraction:
    case ChartKind::Rate:
        return sweep_chart(state, r, scenario_curves(state, r),
                           kind == ChartKind::Fraction ? SweepParameter::CachedFraction : SweepParameter::Rate, st, width,
                           height);
    case ChartKind::Payoff: {
        return payoff_chart(chart_payoff_map(state, r), st, width, height);
    }
    case ChartKind::Layers: return layer_chart(layer_bars(state, r), st, width);
    case ChartKind::TimeFraction:
    case ChartKind::TimeRate:
        return time_sweep_chart(state, r, scenario_curves(state, r),
                                kind == ChartKind::TimeFraction ? SweepParameter::CachedFraction : SweepParameter::Rate,
                                st, width, height);
    case ChartKind::Roofline: return roofline_chart(state, r, -1, st, width, height);
    case ChartKind::Count_: break;
    }
    return Chart{};
}

} // namespace flopscope
