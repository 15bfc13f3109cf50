// Flopscope app — the charts on screen: the core builds each as a Figure (core/charts.h), this file shows
// it with the pointer over it and the tooltips that name what is under the pointer.
//
// [SECTION] Cost per inference
// [SECTION] Cost vs a parameter
// [SECTION] Per-layer cost
// [SECTION] The Charts tab
#include "app/chart_figure.h"
#include "app/widgets.h"

#include <algorithm>
#include <cmath>

namespace flopscope::app {

//-----------------------------------------------------------------------------
// [SECTION] Cost per inference
//-----------------------------------------------------------------------------

void draw_overview_chart(AppState& app, ImVec2 size) {
    const Derived& d = app.derived;
    const std::vector<CostBar> bars = cost_bars(app.state, d.results, d.curves);
    const Chart c = cost_chart(bars, screen_chart_style(), size.x, size.y, chart_pointer(size));
    if (!show_chart(app, ChartKind::Cost, c) || c.hovered < 0) return;
    const CostBar& b = bars[static_cast<std::size_t>(c.hovered)];
    const double baseline = bars.front().total();
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(b.name.c_str());
    ImGui::Separator();
    ImGui::Text("computed  %s", format_cost(b.computed, "FLOPs", false).c_str());
    ImGui::Text("student   %s", format_cost(b.student, "FLOPs", false).c_str());
    ImGui::Text("lookup    %s", format_cost(b.lookup, "FLOPs", false).c_str());
    ImGui::Text("total     %s (%s of the baseline)", format_cost(b.total(), "FLOPs", false).c_str(),
                baseline > 0 ? format_percent(b.percent).c_str() : "n/a");
    ImGui::EndTooltip();
}

//-----------------------------------------------------------------------------
// [SECTION] Cost vs a parameter
//-----------------------------------------------------------------------------

namespace {

// FLOPs (or, `seconds`, the time on the chosen device) over f or the rate, with the value under the pointer.
void draw_any_sweep_chart(AppState& app, SweepParameter parameter, bool seconds, ImVec2 size) {
    const Derived& d = app.derived;
    const bool fraction = parameter == SweepParameter::CachedFraction;
    const ChartKind kind = seconds ? (fraction ? ChartKind::TimeFraction : ChartKind::TimeRate)
                                   : (fraction ? ChartKind::Fraction : ChartKind::Rate);
    const Chart c = (seconds ? time_sweep_chart : sweep_chart)(app.state, d.results, d.curves, parameter,
                                                               screen_chart_style(), size.x, size.y, chart_pointer(size));
    if (!show_chart(app, kind, c) || std::isnan(c.hovered_value)) return;
    const double baseline = seconds ? d.results.caching_time.baseline_time_s : d.results.scenario.baseline_flops;
    const char* symbol = fraction ? "f" : mode_info(app.state.scenario.mode).rate_symbol;
    ImGui::BeginTooltip();
    ImGui::Text("%s = %s", symbol, format_fraction_percent(c.hovered_value, 1).c_str());
    ImGui::Text("%s with caching", (seconds ? format_seconds(c.hovered_y) : format_cost(c.hovered_y, "FLOPs", false)).c_str());
    ImGui::Text("%s of the baseline", baseline > 0 ? format_percent(c.hovered_y / baseline * 100.0, 1).c_str() : "n/a");
    ImGui::EndTooltip();
}

} // namespace

void draw_sweep_chart(AppState& app, SweepParameter parameter, ImVec2 size) {
    draw_any_sweep_chart(app, parameter, false, size);
}

//-----------------------------------------------------------------------------
// [SECTION] Per-layer cost
//-----------------------------------------------------------------------------

void draw_layer_chart(AppState& app, ImVec2 size) {
    const std::vector<LayerBar> bars = layer_bars(app.state, app.derived.results);
    const Chart c = layer_chart(bars, screen_chart_style(), size.x, chart_pointer(ImVec2(size.x, 0)));
    if (!show_chart(app, ChartKind::Layers, c) || c.hovered < 0) return;
    const LayerBar& b = bars[static_cast<std::size_t>(c.hovered)];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(b.name.c_str());
    ImGui::Separator();
    ImGui::Text("without caching  %s", format_cost(b.before, "FLOPs", false).c_str());
    ImGui::Text("with caching     %s", format_cost(b.after, "FLOPs", false).c_str());
    if (b.fraction >= 0) ImGui::Text("cached fraction  %s", format_fraction_percent(b.fraction, 1).c_str());
    else ImGui::TextDisabled("not cache-eligible");
    ImGui::EndTooltip();
}

//-----------------------------------------------------------------------------
// [SECTION] The Charts tab
//-----------------------------------------------------------------------------

void draw_charts(AppState& app) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const ScenarioMode mode = app.state.scenario.mode;
    const float h = em(16);
    const Results& res = app.derived.results;
    const bool time = res.has_device && res.roofline.ok();
    const bool channels = mode_info(mode).caches_channels;
    // Two charts a row when wide: f and the rate, or (with a device) each FLOP curve and its time curve.
    const bool beside = avail > em(50) && (channels || time);
    const float w = beside ? (avail - ImGui::GetStyle().ItemSpacing.x * 2) * 0.5f : avail;
    int drawn = 0;
    for (SweepParameter parameter : {SweepParameter::CachedFraction, SweepParameter::Rate}) {
        if (parameter == SweepParameter::CachedFraction && !channels) continue;
        for (bool seconds : {false, true}) {
            if (seconds && !time) continue;
            if (beside && drawn++ % 2 == 1) ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
            draw_any_sweep_chart(app, parameter, seconds, ImVec2(w, h));
        }
    }
    if (time) {
        ImGui::Spacing();
        section("Roofline");
        draw_roofline_chart(app, ImVec2(avail, std::min(em(22), std::max(avail * 0.7f, em(14)))));
    }
    ImGui::Spacing();
    draw_payoff_chart(app, ImVec2(ImGui::GetContentRegionAvail().x, std::min(em(22), ImGui::GetContentRegionAvail().x * 0.9f)));
    ImGui::Spacing();
    section("FLOPs per layer");
    draw_layer_chart(app, ImVec2(ImGui::GetContentRegionAvail().x, 0));
}

} // namespace flopscope::app
