// Flopscope core — the comparison of scenarios as data (see compare_table.h). Every text is the scenario
// engine's value through the one formatting of it (format.h: format_cost, format_percent...).
#include "core/compare_table.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace flopscope {
namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

CompareCell fraction(const std::optional<double>& v) {
    return v ? CompareCell{format_fraction_percent(*v, 1), *v, false, false} : CompareCell{"never", kNoValue, false, false};
}

std::string break_even_rate_tip() {
    std::string t = "The minimum rate for caching to pay off (a cascade's accept rate p, else the hit rate h); "
                    "\"never\" when no rate below 100 % is enough.";
    for (int m = 0; m < kScenarioModeCount; ++m) {
        const ModeInfo& info = mode_info(static_cast<ScenarioMode>(m));
        t += std::string("\n") + info.label + ": " + info.break_even_formula;
    }
    return t;
}

} // namespace

std::vector<CompareColumn> compare_columns(const State& s, const Results& results, const ScenarioCurves& curves) {
    std::vector<CompareColumn> columns;
    const auto& presets = scenario_presets();
    const bool scenario_on = s.scenario_enabled && results.scenario.ok();
    const ScenarioPreset* current_preset = matching_preset(s.scenario);
    for (std::size_t i = 0; i < presets.size() && i < curves.presets.size(); ++i)
        columns.push_back({presets[i].name, presets[i].label, &presets[i].scenario, &curves.presets[i],
                           scenario_on && current_preset == &presets[i]});
    if (scenario_on && current_preset == nullptr && !curves.presets.empty())
        columns.push_back({"custom", "your scenario", &s.scenario, &results.scenario, true});
    return columns;
}

CompareTable compare_table(const State& s, const Results& results, const ScenarioCurves& curves, NumberWidth width) {
    CompareTable t;
    if (curves.presets.empty() || !results.evaluation.ok()) return t;
    t.columns = compare_columns(s, results, curves);

    const double baseline = curves.presets.front().baseline_flops;
    const bool exact = s.view.exact;
    const int percent_decimals = width == NumberWidth::Full ? 2 : width == NumberWidth::Short ? 1 : 0;
    auto row = [&](std::string name, std::string tooltip, auto&& cell) {
        CompareRow r{std::move(name), std::move(tooltip), {}};
        for (const CompareColumn& c : t.columns) r.cells.push_back(cell(c));
        t.rows.push_back(std::move(r));
    };
    auto flops = [&](double v) { return CompareCell{format_cost(v, "FLOPs", exact, width), v, false, false}; };

    row("Cached fraction f", "f: share of each eligible layer's output channels served from the cache.",
        [&](const CompareColumn& c) { return fraction(c.scenario->cached_fraction); });
    row("Hit rate h", "h: how often the cache has a usable entry.",
        [&](const CompareColumn& c) { return fraction(c.scenario->hit_rate); });
    row("Truncation ρ", "ρ = 1: skipped channels cost nothing (ideal truncation); ρ = 0: everything is still computed.",
        [&](const CompareColumn& c) {
            return CompareCell{format_double(c.scenario->truncation_efficiency), c.scenario->truncation_efficiency, false, false};
        });
    row("FLOPs before caching", "The baseline: the network without caching.",
        [&](const CompareColumn&) { return flops(baseline); });
    row("FLOPs still computed",
        "The network's FLOPs that still run with caching: Σ (1 − ρ·h·f_l)·C_l (the seed notebook printed this as "
        "\"FLOPs of cached layers\").",
        [&](const CompareColumn& c) { return flops(c.result->computed_flops); });
    row("Student model", "S: the student's FLOPs, run on every input.",
        [&](const CompareColumn& c) { return flops(c.result->student_flops); });
    row("Lookup", "L: key computation and search per query.",
        [&](const CompareColumn& c) { return flops(c.result->lookup_flops); });
    row("FLOPs after caching", "S + L + the FLOPs still computed.",
        [&](const CompareColumn& c) { return flops(c.result->total_flops); });
    row("% of the baseline", "FLOPs after caching ÷ FLOPs before caching.", [&](const CompareColumn& c) {
        const ScenarioResult& r = *c.result;
        return CompareCell{format_percent(r.percent_of_baseline, percent_decimals), r.percent_of_baseline, true,
                           r.saved_flops < 0};
    });
    row("FLOPs saved", "Before − after; negative when caching costs more than not caching.", [&](const CompareColumn& c) {
        const ScenarioResult& r = *c.result;
        return CompareCell{format_cost_as(r.saved_flops, baseline, "FLOPs", exact, width), r.saved_flops, true,
                           r.saved_flops < 0};
    });
    row("Break-even rate h* / p*", break_even_rate_tip(),
        [&](const CompareColumn& c) { return fraction(c.result->break_even_rate); });
    row("Break-even fraction f*",
        "The minimum global cached fraction f for caching to pay off, on the tile-rounded cost (partial reuse).",
        [&](const CompareColumn& c) { return fraction(c.result->break_even_cached_fraction); });
    row("Cache memory / entry", "Per-layer partial cache at the scenario's precision.", [&](const CompareColumn& c) {
        const double bytes = c.result->partial_cache_bytes_per_entry;
        return CompareCell{format_bytes(bytes), bytes, false, false};
    });
    if (!curves.presets.front().full_network.empty())
        row("% of full " + curves.presets.front().full_network,
            "With the rest of the full network still running: (cost with caching + the untouched layers) ÷ the full "
            "network's FLOPs.",
            [&](const CompareColumn& c) {
                const double v = c.result->percent_of_full_network;
                return CompareCell{format_percent(v, std::min(1, percent_decimals)), v, false, false};
            });
    return t;
}

} // namespace flopscope
