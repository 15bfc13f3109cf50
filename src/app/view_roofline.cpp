// Flopscope app — time and energy on the chosen device, all from the core's RooflineResult and
// CachingTime (Results::roofline, Results::caching_time): the results in seconds, joules and inferences
// per second beside the FLOPs, the sentence when FLOPs are saved but time is not, the layer table's
// time / energy / bound / fetch-or-recompute cells, and the roofline chart (log–log: the memory and
// compute roofs, the ridge point, one dot per layer coloured by its bound; hover names the layer and its
// time, a click selects it in the layer table; the chart itself is built in core/charts).
//
// [SECTION] Results
// [SECTION] Layer table cells
// [SECTION] Roofline chart
#include "app/chart_figure.h"
#include "app/widgets.h"

#include "core/report.h"
#include "core/roofline.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>

namespace flopscope::app {

const ImVec4& bound_color(Bound b) {
    const Palette& pal = palette();
    return b == Bound::Compute ? pal.computed : b == Bound::Memory ? pal.warn : pal.muted;
}

//-----------------------------------------------------------------------------
// [SECTION] Results
//-----------------------------------------------------------------------------

void draw_time_results(AppState& app) {
    const Results& res = app.derived.results;
    if (!res.has_device) return;
    const RooflineResult& r = res.roofline;
    const Palette& pal = palette();
    if (!r.ok()) {
        text_wrapped_colored(pal.warn, ("No time or energy: " + r.error).c_str());
        return;
    }
    const CachingTime& ct = res.caching_time;
    const bool caching = app.state.scenario_enabled && res.scenario.ok() && ct.ok();
    const std::string on = r.device_label + " · " + precision_label(r.precision);
    // One line per figure, like the FLOP cards above: baseline, with caching, saving.
    const std::string baseline = "Time " + format_seconds(r.totals.time_s) + " · " + format_joules(r.totals.energy_j) +
                                 " · " + format_amount(r.totals.inferences_per_s, false) + " inferences/s";
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(baseline.c_str());
    item_help(("Roofline time and energy per inference without caching on " + on + ": Σ max(FLOPs/P, bytes/B) per "
               "layer; energy = MACs·E_MAC + bytes·E_DRAM.\nMostly " + bound_name(r.totals.bound) + "-bound: " +
               std::to_string(r.totals.compute_bound_layers) + " compute-, " +
               std::to_string(r.totals.memory_bound_layers) + " memory-, " +
               std::to_string(r.totals.overhead_bound_layers) + " overhead-bound layers.").c_str());
    const std::string where = "on " + on;
    same_line_if_fits(ImGui::CalcTextSize(where.c_str()).x);  // below the time on a phone
    text_muted(where.c_str());
    if (!caching) return;
    const bool slower = ct.saved_time_s < 0;
    const std::string with = "With caching " + format_seconds(ct.total_time_s) + " (" +
                             format_percent(ct.percent_of_baseline_time) + ") · " + format_joules(ct.total_energy_j) +
                             " · " + (slower ? "costs " + format_seconds(-ct.saved_time_s) + " more"
                                             : "saves " + format_seconds(ct.saved_time_s));
    text_wrapped_colored(slower ? pal.warn : pal.good, with.c_str());
    item_help("Expected time per inference with caching: each cached layer's roofline on a hit (fewer FLOPs, the "
              "entry fetched) and a miss (the entry written), weighted by the hit rate, plus the student and the "
              "lookup.");
    if (ct.break_even_rate) {
        const std::string be = std::string("In time, ") + mode_info(app.state.scenario.mode).rate_name +
                               " must exceed " + format_fraction_percent(*ct.break_even_rate, 1) + " to pay off.";
        text_wrapped_colored(pal.muted, be.c_str());
    }
    if (!ct.time_warning.empty()) text_wrapped_colored(pal.warn, ct.time_warning.c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Layer table cells
//-----------------------------------------------------------------------------

// The layer table's device columns, in the order they appear.
void layer_time_help(const LayerRoofline& l) {
    item_help((std::string(bound_name(l.bound)) + "-bound: compute " + format_seconds(l.compute_s) + ", memory " +
               format_seconds(l.memory_s) + " (" + format_bytes(l.bytes) + " moved, " +
               format_cost(l.intensity, "FLOP/B", false, 1) + ")").c_str());
}

void layer_bound_cell(const LayerRoofline& l) {
    ImGui::AlignTextToFramePadding();
    text_colored(bound_color(l.bound), bound_name(l.bound));
}

void layer_verdict_cell(const LayerRoofline& l, double ridge) {
    ImGui::AlignTextToFramePadding();
    if (l.time_verdict == Verdict::None) {
        text_muted("–");
        return;
    }
    ImGui::TextUnformatted(verdict_name(l.time_verdict));
    item_help(("Recomputing an output element takes " + format_cost(l.recompute_intensity, "FLOP/B", false, 1) +
               " of its fetch; the ridge is " + format_cost(ridge, "FLOP/B", false, 1) +
               ". Above the ridge fetching a cached element is faster.\nIn energy: " +
               (l.energy_verdict == Verdict::None ? std::string("–") : verdict_name(l.energy_verdict)) +
               " (recompute " + shortest_decimal(l.recompute_pj) + " pJ, fetch " + shortest_decimal(l.fetch_pj) +
               " pJ).").c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Roofline chart
//-----------------------------------------------------------------------------

void draw_roofline_chart(AppState& app, ImVec2 size) {
    const Results& res = app.derived.results;
    const Chart c = roofline_chart(app.state, res, app.selected_layer, screen_chart_style(), size.x, size.y,
                                   chart_pointer(size));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const bool hovered = show_chart(app, ChartKind::Roofline, c);
    const bool clicked = ImGui::IsItemClicked();
    // Each dot as an item (the UI tests click them).
    for (std::size_t i = 0; i * 2 + 1 < c.points.size() && i < res.network.layers.size(); ++i) {
        const ImVec2 at(origin.x + c.points[i * 2], origin.y + c.points[i * 2 + 1]);
        if (!std::isnan(at.x)) track_rect("roofline:" + res.network.layers[i].name, ImVec2(at.x - 2, at.y - 2), ImVec2(at.x + 2, at.y + 2));
    }
    if (!hovered || c.hovered < 0) return;
    const std::size_t i = static_cast<std::size_t>(c.hovered);
    const LayerRoofline& l = res.roofline.layers[i];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted((res.network.layers[i].name + "  " + format_seconds(l.time_s)).c_str());
    ImGui::Separator();
    text_colored(bound_color(l.bound), (std::string(bound_name(l.bound)) + "-bound").c_str());
    ImGui::TextUnformatted((format_cost(l.intensity, "FLOP/B", false, 1) + " · " + format_cost(l.flops, "FLOPs", false) +
                            " · " + format_bytes(l.bytes)).c_str());
    ImGui::TextUnformatted(format_joules(l.energy_j).c_str());
    text_muted("Click to select it in the layer table.");
    ImGui::EndTooltip();
    if (clicked) select_layer(app, c.hovered);
}

} // namespace flopscope::app
