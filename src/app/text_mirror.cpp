// Flopscope app — the page in words (App::text_mirror): the model, the headline numbers and the results
// sentences, and the comparison of scenarios as a table. The web platform keeps it in the DOM for readers
// without the canvas. The texts are the views' own formatting of the core's values (format_cost,
// format_percent, savings_sentence...); nothing here computes a result.
#include "app/app.h"

#include "app/app_internal.h"

#include <cmath>
#include <limits>

namespace flopscope::app {
namespace {

constexpr double kNotANumber = std::numeric_limits<double>::quiet_NaN();

TextMirror::Figure figure(std::string label, std::string text, double value) {
    return {std::move(label), std::move(text), value};
}

TextMirror::Figure fraction(const std::optional<double>& v) {
    return v ? figure("", format_fraction_percent(*v, 1), *v) : figure("", "never", kNotANumber);
}

void add_network_only(TextMirror& m, const State& s, const Derived& d) {
    const Totals& t = d.results.evaluation.totals;
    const bool exact = s.view.exact;
    const char* unit = unit_label(s.view.unit);
    m.headline.push_back(figure(std::string(unit) + " per inference", format_cost(d.total_cost, unit, exact), d.total_cost));
    m.headline.push_back(figure("Parameters", format_amount(static_cast<double>(t.params.value), exact),
                                static_cast<double>(t.params.value)));
    const double bytes = activation_bytes(t.activation_elements.value);
    m.headline.push_back(figure("Activations (FP32)", format_bytes(bytes), bytes));
}

void add_scenario(TextMirror& m, const State& s, const ScenarioResult& r) {
    const bool exact = s.view.exact;
    m.headline.push_back(figure("Baseline (no caching)", format_cost(r.baseline_flops, "FLOPs", exact), r.baseline_flops));
    m.headline.push_back(figure("With caching", format_cost(r.total_flops, "FLOPs", exact), r.total_flops));
    m.headline.push_back(figure("Of the baseline", format_percent(r.percent_of_baseline), r.percent_of_baseline));
    m.headline.push_back(figure("Saving", format_cost_as(r.saved_flops, r.baseline_flops, "FLOPs", exact), r.saved_flops));
    m.sentences.push_back(savings_sentence(r));
    m.sentences.push_back(break_even_sentence(s.scenario, r));
}

// The comparison of the presets (and the current scenario when it is none of them), as in the view.
void add_comparison(TextMirror& m, const State& s, const Derived& d) {
    if (d.presets.empty() || !d.results.evaluation.ok()) return;
    struct Column {
        std::string title;
        const Scenario* scenario;
        const ScenarioResult* result;
    };
    std::vector<Column> cols;
    const auto& presets = scenario_presets();
    const bool scenario_on = s.scenario_enabled && d.results.scenario.ok();
    const ScenarioPreset* current = matching_preset(s.scenario);
    for (std::size_t i = 0; i < presets.size() && i < d.presets.size(); ++i)
        cols.push_back({std::string(presets[i].name) + (scenario_on && current == &presets[i] ? " (in use)" : ""),
                        &presets[i].scenario, &d.presets[i]});
    if (scenario_on && current == nullptr) cols.push_back({"custom (in use)", &s.scenario, &d.results.scenario});

    const bool exact = s.view.exact;
    const double baseline = d.presets.front().baseline_flops;
    m.table_caption = "Caching scenarios compared, per inference";
    m.columns.push_back("");
    for (const Column& c : cols) m.columns.push_back(c.title);
    auto row = [&](const char* label, auto&& cell) {
        TextMirror::Row out{label, {}};
        for (const Column& c : cols) out.cells.push_back(cell(c));
        m.rows.push_back(std::move(out));
    };
    auto flops = [&](double v) { return figure("", format_cost(v, "FLOPs", exact), v); };
    row("Cached fraction f", [&](const Column& c) { return fraction(c.scenario->cached_fraction); });
    row("Hit rate h", [&](const Column& c) { return fraction(c.scenario->hit_rate); });
    row("FLOPs before caching", [&](const Column&) { return flops(baseline); });
    row("FLOPs still computed", [&](const Column& c) { return flops(c.result->computed_flops); });
    row("Student model", [&](const Column& c) { return flops(c.result->student_flops); });
    row("Lookup", [&](const Column& c) { return flops(c.result->lookup_flops); });
    row("FLOPs after caching", [&](const Column& c) { return flops(c.result->total_flops); });
    row("% of the baseline", [&](const Column& c) {
        return figure("", format_percent(c.result->percent_of_baseline), c.result->percent_of_baseline);
    });
    row("FLOPs saved", [&](const Column& c) {
        return figure("", format_cost_as(c.result->saved_flops, baseline, "FLOPs", exact), c.result->saved_flops);
    });
    row("Break-even rate h* / p*", [&](const Column& c) { return fraction(c.result->break_even_rate); });
}

} // namespace

TextMirror App::text_mirror() const {
    const AppImpl& app = *impl_;
    const Derived fresh = app.derived.state == app.state ? Derived{} : derive(app.state, compute(app.state));
    const Derived& d = app.derived.state == app.state ? app.derived : fresh;
    const State& s = app.state;
    TextMirror m;
    const Shape& in = d.results.network.input;
    m.model = s.model + ", " + std::to_string(d.results.network.layers.size()) + " layers, input " +
              std::to_string(in.c) + "×" + std::to_string(in.h) + "×" + std::to_string(in.w);
    if (!d.results.ok()) m.sentences.push_back("Can't compute this: " + d.results.error);
    if (!d.results.evaluation.ok()) return m;
    if (s.scenario_enabled && d.results.scenario.ok()) add_scenario(m, s, d.results.scenario);
    else add_network_only(m, s, d);
    add_comparison(m, s, d);
    return m;
}

} // namespace flopscope::app
