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

void draw_sweep_chart(AppState& app, SweepParameter parameter, ImVec2 size) {
    const Derived& d = app.derived;
    const ChartKind kind = parameter == SweepParameter::CachedFraction ? ChartKind::Fraction : ChartKind::Rate;
    const Chart c = sweep_chart(app.state, d.results, d.curves, parameter, screen_chart_style(), size.x, size.y,
                                chart_pointer(size));
    if (!show_chart(app, kind, c) || std::isnan(c.hovered_value)) return;
    const double baseline = d.results.scenario.baseline_flops;
    const char* symbol = kind == ChartKind::Fraction ? "f" : mode_info(app.state.scenario.mode).rate_symbol;
    ImGui::BeginTooltip();
    ImGui::Text("%s = %s", symbol, format_fraction_percent(c.hovered_value, 1).c_str());
    ImGui::Text("%s with caching", format_cost(c.hovered_y, "FLOPs", false).c_str());
    ImGui::Text("%s of the baseline", baseline > 0 ? format_percent(c.hovered_y / baseline * 100.0, 1).c_str() : "n/a");
    ImGui::EndTooltip();
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
