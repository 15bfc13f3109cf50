// Flopscope app — "where it pays off" on screen: the core's map and chart (core/payoff.h, core/charts.h),
// with the point under the pointer evaluated by the core in a tooltip.
#include "app/chart_figure.h"
#include "app/widgets.h"

#include <cmath>

namespace flopscope::app {

void draw_payoff_chart(AppState& app, ImVec2 size) {
    const PayoffMap& m = app.caches.payoff.get(app.derived.generation, [&] {
        return chart_payoff_map(app.state, app.derived.results);
    });
    const Chart c = payoff_chart(m, screen_chart_style(), size.x, size.y, chart_pointer(size));
    if (!show_chart(app, ChartKind::Payoff, c) || std::isnan(c.hovered_value)) return;
    const Results& r = app.derived.results;
    const ScenarioResult at = evaluate_scenario(r.network, r.evaluation, app.state.counting,
                                                payoff_scenario(app.state.scenario, c.hovered_value, c.hovered_y));
    if (!at.ok()) return;
    ImGui::BeginTooltip();
    ImGui::Text("%s = %s, %s = %s", m.x_symbol, format_fraction_percent(c.hovered_value, 0).c_str(), m.y_symbol,
                format_fraction_percent(c.hovered_y, 0).c_str());
    ImGui::Separator();
    ImGui::Text("with caching  %s (%s of the baseline)", format_cost(at.total_flops, "FLOPs", false).c_str(),
                format_percent(at.percent_of_baseline, 1).c_str());
    ImGui::TextUnformatted(savings_sentence(at).c_str());
    ImGui::EndTooltip();
}

} // namespace flopscope::app
