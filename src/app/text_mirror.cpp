// Flopscope app — the page in words (App::text_mirror): the model, the headline numbers and the results
// sentences, and the comparison of scenarios as a table. The web platform keeps it in the DOM for readers
// without the canvas. The texts are the views' own formatting of the core's values (format_cost,
// format_percent, savings_sentence...); nothing here computes a result.
#include "app/app.h"

#include "app/app_internal.h"
#include "core/compare_table.h"


namespace flopscope::app {
namespace {

TextMirror::Figure figure(std::string label, std::string text, double value) {
    return {std::move(label), std::move(text), value};
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

// The comparison of the scenarios: the Compare view's own table (compare_table) at full width.
void add_comparison(TextMirror& m, const State& s, const Derived& d) {
    const CompareTable t = compare_table(s, d.results, d.curves, NumberWidth::Full);
    if (t.rows.empty()) return;
    m.table_caption = "Caching scenarios compared, per inference";
    m.columns.push_back("");
    for (const CompareColumn& c : t.columns) m.columns.push_back(std::string(c.title) + (c.current ? " (in use)" : ""));
    for (const CompareRow& r : t.rows) {
        TextMirror::Row out{r.name, {}};
        for (const CompareCell& c : r.cells) out.cells.push_back(figure("", c.text, c.value));
        m.rows.push_back(std::move(out));
    }
}

} // namespace

TextMirror App::text_mirror() const {
    const AppState& app = *impl_;
    const Derived fresh = app.derived.state == app.state ? Derived{} : derive(app.state, compute(app.state));
    const Derived& d = app.derived.state == app.state ? app.derived : fresh;
    const State& s = app.state;
    TextMirror m;
    const Shape& in = d.results.network.input;
    m.model = s.model + ", " + std::to_string(d.results.network.layers.size()) + " layers, input " + shape_text(in);
    if (!d.results.ok()) m.sentences.push_back("Can't compute this: " + d.results.error);
    if (!d.results.evaluation.ok()) return m;
    if (s.scenario_enabled && d.results.scenario.ok()) add_scenario(m, s, d.results.scenario);
    else add_network_only(m, s, d);
    add_comparison(m, s, d);
    return m;
}

} // namespace flopscope::app
