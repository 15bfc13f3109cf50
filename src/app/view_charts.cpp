// Flopscope app — charts drawn with ImGui draw lists (no plotting library): stacked bars of the baseline vs
// each scenario (computed / student / lookup), cost-versus-parameter curves from the core's sweep() with
// the baseline and the break-even point marked, and per-layer cost bars. Hovering shows values.
//
// [SECTION] Plot frame and axes
// [SECTION] Baseline vs scenarios (stacked bars)
// [SECTION] Cost vs a parameter (sweep curves)
// [SECTION] Per-layer cost bars
// [SECTION] The Charts tab
#include "app/widgets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

namespace flopscope::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Plot frame and axes
//-----------------------------------------------------------------------------

struct Plot {
    ImVec2 min, max;  // the plotting area (inside the margins)
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    float x(double v) const { return min.x + static_cast<float>((v - x0) / (x1 - x0)) * (max.x - min.x); }
    float y(double v) const { return max.y - static_cast<float>((v - y0) / (y1 - y0)) * (max.y - min.y); }
    double value_x(float px) const { return x0 + (px - min.x) / (max.x - min.x) * (x1 - x0); }
};

ImU32 col(const ImVec4& c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

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

void dashed_hline(ImDrawList* dl, float x0, float x1, float y, ImU32 c, float thickness, float dash) {
    for (float x = x0; x < x1; x += dash * 2) dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + dash, x1), y), c, thickness);
}

void dashed_vline(ImDrawList* dl, float x, float y0, float y1, ImU32 c, float thickness, float dash) {
    for (float y = y0; y < y1; y += dash * 2) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + dash, y1)), c, thickness);
}

// Horizontal grid lines with value labels left of the plot, and the unit above them when given.
void y_axis(ImDrawList* dl, const Plot& p, const char* unit) {
    const Palette& pal = palette();
    const double step = nice_step(p.y1 - p.y0, 4);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (double v = p.y0; v <= p.y1 + step * 1e-9; v += step) {
        const float y = p.y(v);
        dl->AddLine(ImVec2(p.min.x, y), ImVec2(p.max.x, y), col(pal.grid), 1.0f);
        const std::string label = tick_label(v, step);
        const ImVec2 sz = ImGui::CalcTextSize(label.c_str());
        dl->AddText(ImVec2(p.min.x - sz.x - em(0.4f), y - sz.y * 0.5f), muted, label.c_str());
    }
    if (!unit) return;
    const ImVec2 usz = ImGui::CalcTextSize(unit);
    dl->AddText(ImVec2(p.min.x - usz.x - em(0.4f), p.min.y - usz.y - em(0.5f)), muted, unit);
}

void legend(ImDrawList* dl, ImVec2 right_top, const std::vector<std::pair<const char*, ImVec4>>& items) {
    const float sw = em(0.7f), gap = em(0.4f), sep = em(1.0f);
    float total = 0;
    for (const auto& it : items) total += sw + gap + ImGui::CalcTextSize(it.first).x + sep;
    float x = right_top.x - total + sep;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float line = ImGui::GetTextLineHeight();
    for (const auto& it : items) {
        dl->AddRectFilled(ImVec2(x, right_top.y + (line - sw) * 0.5f), ImVec2(x + sw, right_top.y + (line + sw) * 0.5f),
                          col(it.second), em(0.15f));
        x += sw + gap;
        dl->AddText(ImVec2(x, right_top.y), text, it.first);
        x += ImGui::CalcTextSize(it.first).x + sep;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Baseline vs scenarios (stacked bars)
//-----------------------------------------------------------------------------

struct Bar {
    std::string name;
    double computed = 0, student = 0, lookup = 0;
    bool current = false;
    double total() const { return computed + student + lookup; }
};

std::vector<Bar> overview_bars(const AppImpl& app) {
    const Derived& d = app.derived;
    std::vector<Bar> bars;
    if (d.presets.empty()) return bars;
    bars.push_back({"no caching", d.presets.front().baseline_flops, 0, 0, false});
    const auto& presets = scenario_presets();
    const bool on = app.state.scenario_enabled && d.results.scenario.ok();
    const ScenarioPreset* current_preset = matching_preset(app.state.scenario);
    bool current_is_preset = false;
    for (std::size_t i = 0; i < presets.size() && i < d.presets.size(); ++i) {
        const ScenarioResult& r = d.presets[i];
        const bool current = on && current_preset == &presets[i];
        current_is_preset |= current;
        bars.push_back({presets[i].name, r.computed_flops, r.student_flops, r.lookup_flops, current});
    }
    if (on && !current_is_preset) {
        const ScenarioResult& r = d.results.scenario;
        bars.push_back({"custom", r.computed_flops, r.student_flops, r.lookup_flops, true});
    }
    return bars;
}

} // namespace

void draw_overview_chart(AppImpl& app, ImVec2 size) {
    const std::vector<Bar> bars = overview_bars(app);
    if (bars.empty() || size.x < em(10) || size.y < em(8)) return;
    const Palette& pal = palette();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("overview_chart", size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();

    dl->AddText(origin, ImGui::GetColorU32(ImGuiCol_Text), "Cost per inference");
    legend(dl, ImVec2(origin.x + size.x, origin.y + line * 1.3f),
           {{"computed", pal.computed}, {"student", pal.student}, {"lookup", pal.lookup}});

    double top = 0;
    for (const Bar& b : bars) top = std::max(top, b.total());
    Plot p;
    p.min = ImVec2(origin.x + em(3.6f), origin.y + line * 4.0f);
    // Names wider than their slot alternate between two lines, so neighbours never run together.
    const float slot = (origin.x + size.x - em(0.5f) - p.min.x) / static_cast<float>(bars.size());
    bool stagger = false;
    for (const Bar& b : bars) stagger |= ImGui::CalcTextSize(b.name.c_str()).x > slot - em(0.5f);
    p.max = ImVec2(origin.x + size.x - em(0.5f), origin.y + size.y - line * (stagger ? 2.6f : 1.6f));
    p.y1 = std::max(top, 1.0) * 1.08;
    y_axis(dl, p, "FLOPs");

    const double baseline = bars.front().total();
    const float bw = std::min(slot * 0.58f, em(5));
    int hover_bar = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const float cx = p.min.x + slot * (static_cast<float>(i) + 0.5f);
        const float x0 = cx - bw * 0.5f, x1 = cx + bw * 0.5f;
        if (hovered && mouse.x >= p.min.x + slot * static_cast<float>(i) && mouse.x < p.min.x + slot * static_cast<float>(i + 1))
            hover_bar = static_cast<int>(i);
        const float alpha = hover_bar == static_cast<int>(i) ? 1.0f : 0.88f;
        double y = 0;
        const std::pair<double, ImVec4> parts[] = {{b.computed, pal.computed}, {b.student, pal.student}, {b.lookup, pal.lookup}};
        for (const auto& part : parts) {
            if (part.first <= 0) continue;
            dl->AddRectFilled(ImVec2(x0, p.y(y + part.first)), ImVec2(x1, p.y(y)), col(part.second, alpha));
            y += part.first;
        }
        if (b.current) dl->AddRect(ImVec2(x0 - 2, p.y(y) - 2), ImVec2(x1 + 2, p.y(0) + 1), col(pal.accent), 0, 0, 2.0f);
        // Percent of the baseline above, name below.
        const std::string pct = baseline > 0 ? format_percent(b.total() / baseline * 100.0, 0) : "";
        const ImVec2 psz = ImGui::CalcTextSize(pct.c_str());
        const ImVec4 pc = b.total() > baseline * (1 + 1e-12) ? pal.warn : (b.total() < baseline * (1 - 1e-12) ? pal.good : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        dl->AddText(ImVec2(cx - psz.x * 0.5f, p.y(y) - psz.y - em(0.2f)), col(pc), pct.c_str());
        const ImVec2 nsz = ImGui::CalcTextSize(b.name.c_str());
        const float name_x = std::clamp(cx - nsz.x * 0.5f, p.min.x, origin.x + size.x - nsz.x);
        dl->AddText(ImVec2(name_x, p.max.y + em(0.3f) + (stagger && i % 2 == 1 ? line : 0.0f)),
                    ImGui::GetColorU32(b.current ? ImGuiCol_Text : ImGuiCol_TextDisabled), b.name.c_str());
    }
    dashed_hline(dl, p.min.x, p.max.x, p.y(baseline), col(pal.baseline, 0.8f), 1.5f, em(0.35f));
    dl->AddLine(ImVec2(p.min.x, p.max.y), ImVec2(p.max.x, p.max.y), col(pal.baseline, 0.6f));

    if (hover_bar >= 0) {
        const Bar& b = bars[static_cast<std::size_t>(hover_bar)];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(b.name.c_str());
        ImGui::Separator();
        ImGui::Text("computed  %s", format_cost(b.computed, "FLOPs", false).c_str());
        ImGui::Text("student   %s", format_cost(b.student, "FLOPs", false).c_str());
        ImGui::Text("lookup    %s", format_cost(b.lookup, "FLOPs", false).c_str());
        ImGui::Text("total     %s (%s of the baseline)", format_cost(b.total(), "FLOPs", false).c_str(),
                    baseline > 0 ? format_percent(b.total() / baseline * 100.0).c_str() : "n/a");
        ImGui::EndTooltip();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Cost vs a parameter (sweep curves)
//-----------------------------------------------------------------------------

namespace {

double sample(const std::vector<double>& v, double t) {
    if (v.empty()) return 0;
    const double pos = std::clamp(t, 0.0, 1.0) * static_cast<double>(v.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(pos), v.size() - 2);
    const double frac = pos - static_cast<double>(i);
    return v[i] + (v[i + 1] - v[i]) * frac;
}

// Chart text goes to the draw list and, while ImGui logs a frame's text (copying it, the UI tests), to
// the log too, so a chart's numbers can be read like any other text.
void chart_text(ImDrawList* dl, ImVec2 at, ImU32 color, const char* text) {
    dl->AddText(at, color, text);
    ImGui::LogText("%s\n", text);
}

// One sweep chart's data: the curve, what is swept (the cached fraction or the mode's rate) and the
// core's break-even of it.
struct SweepChart {
    const std::vector<double>* data = nullptr;
    const char* symbol = "";
    std::string title;
    double current = 0;                 // the parameter's value now
    double baseline = 0;
    std::optional<double> break_even;   // the core's, for this parameter
    bool at_step = false;               // the break-even is a tile step that already pays off
};

SweepChart sweep_chart(const AppImpl& app, SweepParameter parameter) {
    const Derived& d = app.derived;
    const Scenario& sc = app.state.scenario;
    const ModeInfo& mode = mode_info(sc.mode);
    SweepChart c;
    c.baseline = d.results.scenario.baseline_flops;
    c.break_even = break_even(d.results.scenario, parameter);
    if (parameter == SweepParameter::CachedFraction) {
        c.data = &d.sweep_fraction;
        c.symbol = "f";
        c.title = "FLOPs vs cached fraction f";
        c.current = sc.cached_fraction;
        c.at_step = d.results.scenario.break_even_cached_fraction_is_step;
    } else {
        c.data = &d.sweep_rate;
        c.symbol = mode.rate_symbol;
        c.title = std::string("FLOPs vs ") + mode.rate_name + " " + mode.rate_symbol;
        c.current = mode_rate(sc);
    }
    return c;
}

// The region where caching saves, the value grid and both axes' labels, and the dashed baseline.
void sweep_axes(ImDrawList* dl, const Plot& p, double baseline) {
    const Palette& pal = palette();
    dl->AddRectFilled(ImVec2(p.min.x, p.y(baseline)), p.max, col(pal.good, 0.07f));
    y_axis(dl, p, nullptr);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    // 0, 25, 50, 75, 100 %; on a narrow chart only 0, 50 and 100 %, so the labels don't run together.
    const int tick_step = (p.max.x - p.min.x) / 4 < ImGui::CalcTextSize("100 %").x * 1.6f ? 2 : 1;
    for (int i = 0; i <= 4; i += tick_step) {
        const double t = i / 4.0;
        const std::string label = format_fraction_percent(t, 0);
        const ImVec2 sz = ImGui::CalcTextSize(label.c_str());
        float x = p.x(t) - sz.x * 0.5f;
        x = std::clamp(x, p.min.x, p.max.x - sz.x);  // "0 %" starts at the axis, clear of the y axis's "0"
        dl->AddText(ImVec2(x, p.max.y + em(0.3f)), muted, label.c_str());
    }
    dl->AddLine(ImVec2(p.min.x, p.max.y), ImVec2(p.max.x, p.max.y), col(pal.baseline, 0.6f));
    dashed_hline(dl, p.min.x, p.max.x, p.y(baseline), col(pal.baseline, 0.9f), 1.5f, em(0.35f));
}

// The curve, green where it saves and orange where it costs more.
void sweep_curve(ImDrawList* dl, const Plot& p, const std::vector<double>& data, double baseline) {
    const Palette& pal = palette();
    const float thick = std::max(2.0f, em(0.14f));
    for (std::size_t i = 0; i + 1 < data.size(); ++i) {
        const double t0 = static_cast<double>(i) / static_cast<double>(data.size() - 1);
        const double t1 = static_cast<double>(i + 1) / static_cast<double>(data.size() - 1);
        const bool saves = (data[i] + data[i + 1]) * 0.5 < baseline;
        dl->AddLine(ImVec2(p.x(t0), p.y(data[i])), ImVec2(p.x(t1), p.y(data[i + 1])), col(saves ? pal.good : pal.warn), thick);
    }
}

struct LabelBox {
    ImVec2 min, max;
    bool overlaps(ImVec2 at, ImVec2 size) const {
        return max.x > min.x && at.x < max.x && at.x + size.x > min.x && at.y < max.y && at.y + size.y > min.y;
    }
};

// The break-even point (when there is one) and the current value; returns their labels' boxes.
std::array<LabelBox, 2> sweep_markers(ImDrawList* dl, const Plot& p, const SweepChart& c) {
    const Palette& pal = palette();
    std::array<LabelBox, 2> boxes{};
    if (c.break_even) {
        const double be = *c.break_even;
        const ImVec2 pt(p.x(be), p.y(c.baseline));
        dashed_vline(dl, pt.x, pt.y, p.max.y, col(pal.baseline, 0.7f), 1.0f, em(0.25f));
        dl->AddCircleFilled(pt, em(0.32f), col(pal.accent));
        dl->AddCircle(pt, em(0.32f), ImGui::GetColorU32(ImGuiCol_WindowBg), 0, 2.0f);
        const std::string label = std::string("break-even ") + c.symbol + " = " + format_fraction_percent(be, 1);
        const ImVec2 sz = ImGui::CalcTextSize(label.c_str());
        const float x = std::clamp(pt.x - sz.x * 0.5f, p.min.x, p.max.x - sz.x);
        const bool above = pt.y - sz.y - em(0.6f) > p.min.y;
        const ImVec2 at(x, above ? pt.y - sz.y - em(0.5f) : pt.y + em(0.4f));
        chart_text(dl, at, col(pal.accent), label.c_str());
        boxes[0] = {at, ImVec2(at.x + sz.x, at.y + sz.y)};
    }
    const double y = sample(*c.data, c.current);
    const ImVec2 pt(p.x(c.current), p.y(y));
    dl->AddLine(ImVec2(pt.x, p.min.y), ImVec2(pt.x, p.max.y), col(pal.baseline, 0.35f), 1.0f);
    dl->AddCircleFilled(pt, em(0.28f), col(pal.baseline));
    const std::string label = std::string("now ") + format_fraction_percent(c.current, 1);
    const ImVec2 sz = ImGui::CalcTextSize(label.c_str());
    const float x = std::clamp(pt.x + em(0.4f), p.min.x, p.max.x - sz.x);
    chart_text(dl, ImVec2(x, p.min.y - sz.y * 0.2f), ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
    boxes[1] = {ImVec2(x, p.min.y - sz.y * 0.2f), ImVec2(x + sz.x, p.min.y + sz.y * 0.8f)};
    return boxes;
}

// The line under the title: which side of the core's break-even saves, or that no value does.
void sweep_summary(ImDrawList* dl, ImVec2 at, const SweepChart& c) {
    const Palette& pal = palette();
    std::string text;
    ImVec4 color = pal.accent;
    if (c.break_even && *c.break_even >= 1.0) {  // a tile step at the very end: only everything cached pays
        text = std::string("pays off only at ") + c.symbol + " = " + format_fraction_percent(1.0, 0);
    } else if (c.break_even) {
        // f and the rate only lower the cost, so caching pays above the break-even.
        text = std::string("pays off when ") + c.symbol + (c.at_step ? " ≥ " : " > ") +
               format_fraction_percent(*c.break_even, 1);
    } else if (c.data->front() >= c.baseline) {
        text = std::string("never pays off for any ") + c.symbol;
        color = pal.warn;
    } else {
        text = std::string("saves for every ") + c.symbol;
        color = pal.good;
    }
    chart_text(dl, at, col(color), text.c_str());
}

// The baseline's label: at the right above the line, else where it overlaps neither label above
// (narrow charts, or a baseline near the top where the "now" label is).
void baseline_label(ImDrawList* dl, const Plot& p, double baseline, const std::array<LabelBox, 2>& taken) {
    const std::string label = "baseline " + format_cost(baseline, "", false, 2);
    const ImVec2 sz = ImGui::CalcTextSize(label.c_str());
    const float yb = p.y(baseline), gap = em(0.15f);
    const ImVec2 candidates[] = {{p.max.x - sz.x, yb - sz.y - gap}, {p.max.x - sz.x, yb + gap},
                                 {p.min.x + em(0.3f), yb - sz.y - gap}, {p.min.x + em(0.3f), yb + gap}};
    ImVec2 at = candidates[0];
    for (const ImVec2& c : candidates) {
        bool clear = c.y >= p.min.y - sz.y && c.y + sz.y <= p.max.y;
        for (const LabelBox& box : taken) clear = clear && !box.overlaps(c, sz);
        if (clear) {
            at = c;
            break;
        }
    }
    chart_text(dl, at, ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
}

// Hover: a cursor line and the value under it.
void sweep_hover(ImDrawList* dl, const Plot& p, const SweepChart& c) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (mouse.x < p.min.x || mouse.x > p.max.x) return;
    const Palette& pal = palette();
    const double t = std::clamp(p.value_x(mouse.x), 0.0, 1.0);
    const double y = sample(*c.data, t);
    dl->AddLine(ImVec2(p.x(t), p.min.y), ImVec2(p.x(t), p.max.y), col(pal.accent, 0.5f), 1.0f);
    dl->AddCircleFilled(ImVec2(p.x(t), p.y(y)), em(0.22f), col(pal.accent));
    ImGui::BeginTooltip();
    ImGui::Text("%s = %s", c.symbol, format_fraction_percent(t, 1).c_str());
    ImGui::Text("%s with caching", format_cost(y, "FLOPs", false).c_str());
    ImGui::Text("%s of the baseline", c.baseline > 0 ? format_percent(y / c.baseline * 100.0, 1).c_str() : "n/a");
    ImGui::EndTooltip();
}

} // namespace

void draw_sweep_chart(AppImpl& app, SweepParameter parameter, ImVec2 size) {
    const SweepChart c = sweep_chart(app, parameter);
    if (c.data->size() < 2 || !app.derived.results.scenario.ok() || size.x < em(10) || size.y < em(8)) {
        text_muted("Turn the caching scenario on to see how its cost responds.");
        return;
    }
    ImGui::PushID(c.title.c_str());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("sweep", size);
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    chart_text(dl, origin, ImGui::GetColorU32(ImGuiCol_Text), c.title.c_str());

    double top = c.baseline;
    for (double v : *c.data) top = std::max(top, v);
    Plot p;
    p.min = ImVec2(origin.x + em(3.6f), origin.y + line * 3.0f);
    p.max = ImVec2(origin.x + size.x - em(0.8f), origin.y + size.y - line * 1.7f);
    p.y1 = std::max(top, 1.0) * 1.08;
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    sweep_axes(dl, p, c.baseline);
    sweep_curve(dl, p, *c.data, c.baseline);
    const std::array<LabelBox, 2> labels = sweep_markers(dl, p, c);
    sweep_summary(dl, ImVec2(origin.x, origin.y + line * 1.15f), c);
    baseline_label(dl, p, c.baseline, labels);
    if (hovered) sweep_hover(dl, p, c);
    dl->PopClipRect();
}

//-----------------------------------------------------------------------------
// [SECTION] Per-layer cost bars
//-----------------------------------------------------------------------------

void draw_layer_chart(AppImpl& app, ImVec2 size) {
    const Derived& d = app.derived;
    const Results& r = d.results;
    const Palette& pal = palette();
    struct Item {
        const char* name;
        double before, after, fraction;
    };
    std::vector<Item> items;
    const bool scenario = r.scenario.ok() && app.state.scenario_enabled && r.scenario.layers.size() == r.network.layers.size();
    for (std::size_t i = 0; i < r.evaluation.layers.size() && i < r.network.layers.size(); ++i) {
        const double cost = static_cast<double>(counted_flops(r.evaluation.layers[i], app.state.counting).value);
        if (cost <= 0) continue;
        const LayerScenario* ls = scenario ? &r.scenario.layers[i] : nullptr;
        items.push_back({r.network.layers[i].name.c_str(), cost, ls ? ls->cost_after : cost,
                         ls && ls->eligible ? ls->effective_fraction : -1});
    }
    if (items.empty()) {
        text_muted("No layer has a counted cost.");
        return;
    }
    double top = 0;
    for (const Item& it : items) top = std::max(top, it.before);
    // Names that don't fit beside the bars go on a line of their own above them.
    const float value_w = em(5.5f);
    float name_w = std::min(em(9), size.x * 0.3f);
    bool stacked = false;
    for (const Item& it : items) stacked |= ImGui::CalcTextSize(it.name).x > name_w;
    const float name_h = stacked ? ImGui::GetTextLineHeight() : 0.0f;
    if (stacked) name_w = -em(0.5f);
    const float row_h = ImGui::GetTextLineHeight() * 1.35f + name_h;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = row_h * static_cast<float>(items.size()) + ImGui::GetTextLineHeight() * 1.6f;
    ImGui::InvisibleButton("layer_chart", ImVec2(size.x, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    legend(dl, ImVec2(origin.x + size.x, origin.y), {{"without caching", pal.grid}, {"with caching", pal.computed}});
    const float bars_x0 = origin.x + name_w + em(0.5f), bars_x1 = origin.x + size.x - value_w;
    const float y_start = origin.y + ImGui::GetTextLineHeight() * 1.6f;
    int hover = -1;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        float y = y_start + row_h * static_cast<float>(i);
        if (hovered && ImGui::GetIO().MousePos.y >= y && ImGui::GetIO().MousePos.y < y + row_h) hover = static_cast<int>(i);
        if (hover == static_cast<int>(i)) dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + size.x, y + row_h), col(pal.accent_soft));
        dl->AddText(ImVec2(origin.x, stacked ? y : y + (row_h - ImGui::GetTextLineHeight()) * 0.5f), text, it.name);
        y += name_h;
        const float bar_h = row_h - name_h;
        const float w = bars_x1 - bars_x0;
        const float b0 = bars_x0 + static_cast<float>(it.before / top) * w;
        const float b1 = bars_x0 + static_cast<float>(it.after / top) * w;
        dl->AddRectFilled(ImVec2(bars_x0, y + bar_h * 0.15f), ImVec2(b0, y + bar_h * 0.85f), col(pal.grid), em(0.1f));
        dl->AddRectFilled(ImVec2(bars_x0, y + bar_h * 0.3f), ImVec2(std::max(b1, bars_x0 + 1), y + bar_h * 0.7f), col(pal.computed), em(0.1f));
        const std::string v = format_cost(it.before, "", false, 2);
        dl->AddText(ImVec2(bars_x1 + em(0.4f), y + (bar_h - ImGui::GetTextLineHeight()) * 0.5f), muted, v.c_str());
    }
    if (hover >= 0) {
        const Item& it = items[static_cast<std::size_t>(hover)];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(it.name);
        ImGui::Separator();
        ImGui::Text("without caching  %s", format_cost(it.before, "FLOPs", false).c_str());
        ImGui::Text("with caching     %s", format_cost(it.after, "FLOPs", false).c_str());
        if (it.fraction >= 0) ImGui::Text("cached fraction  %s", format_fraction_percent(it.fraction, 1).c_str());
        else ImGui::TextDisabled("not cache-eligible");
        ImGui::EndTooltip();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] The Charts tab
//-----------------------------------------------------------------------------

void draw_charts(AppImpl& app) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const ScenarioMode mode = app.state.scenario.mode;
    const float h = em(16);
    if (mode_info(mode).caches_channels) {
        if (avail > em(50)) {
            const float w = (avail - ImGui::GetStyle().ItemSpacing.x * 2) * 0.5f;
            draw_sweep_chart(app, SweepParameter::CachedFraction, ImVec2(w, h));
            ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
            draw_sweep_chart(app, SweepParameter::Rate, ImVec2(w, h));
        } else {
            draw_sweep_chart(app, SweepParameter::CachedFraction, ImVec2(avail, h));
            draw_sweep_chart(app, SweepParameter::Rate, ImVec2(avail, h));
        }
    } else {
        draw_sweep_chart(app, SweepParameter::Rate, ImVec2(avail, h));
    }
    ImGui::Spacing();
    draw_payoff_chart(app, ImVec2(ImGui::GetContentRegionAvail().x, std::min(em(22), ImGui::GetContentRegionAvail().x * 0.9f)));
    ImGui::Spacing();
    section("FLOPs per layer");
    draw_layer_chart(app, ImVec2(ImGui::GetContentRegionAvail().x, 0));
}

} // namespace flopscope::app
