// Flopscope fuzzing — shared checks: what must hold for ANY input once the core has accepted it.
//
// A property that fails calls fuzz_fail(), which prints what was wrong and aborts, so libFuzzer saves
// the input as a crash (and the sanitizers' reports stay the only other way to fail).
#pragma once

#include "core/report.h"
#include "core/scenario.h"
#include "core/state.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace flopscope::fuzz {

[[noreturn]] inline void fuzz_fail(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "\nFUZZ PROPERTY FAILED: %s\n%s\n", what, detail.c_str());
    std::fflush(stderr);
    std::abort();
}

inline void require_finite(double v, const char* what) {
    if (!std::isfinite(v)) fuzz_fail("a non-finite number reached the results", what);
}

// A valid evaluation has no overflowed count; an invalid one says why.
inline void check_evaluation(const Evaluation& ev) {
    if (!ev.ok()) return;
    const Totals& t = ev.totals;
    const Count all[] = {t.macs, t.flops, t.dense_macs, t.params, t.activation_elements, t.input_elements};
    for (const Count& c : all)
        if (!c.ok()) fuzz_fail("an overflowed total in a valid evaluation");
}

// Every number of a valid scenario result is finite (NaN and infinities never reach a chart).
inline void check_scenario(const ScenarioResult& r) {
    if (!r.ok()) return;
    require_finite(r.baseline_flops, "baseline_flops");
    require_finite(r.touched_flops, "touched_flops");
    require_finite(r.computed_flops, "computed_flops");
    require_finite(r.student_flops, "student_flops");
    require_finite(r.lookup_flops, "lookup_flops");
    require_finite(r.total_flops, "total_flops");
    require_finite(r.saved_flops, "saved_flops");
    require_finite(r.percent_of_baseline, "percent_of_baseline");
    require_finite(r.student_fraction, "student_fraction");
    require_finite(r.lookup_fraction, "lookup_fraction");
    require_finite(r.mean_nominal_fraction, "mean_nominal_fraction");
    require_finite(r.mean_effective_fraction, "mean_effective_fraction");
    if (r.break_even_rate) require_finite(*r.break_even_rate, "break_even_rate");
    if (r.break_even_cached_fraction) require_finite(*r.break_even_cached_fraction, "break_even_cached_fraction");
    if (r.break_even_student_fraction) require_finite(*r.break_even_student_fraction, "break_even_student_fraction");
    require_finite(r.partial_cache_elements_per_entry, "partial_cache_elements_per_entry");
    require_finite(r.partial_cache_bytes_per_entry, "partial_cache_bytes_per_entry");
    require_finite(r.cut_point_bytes_per_entry, "cut_point_bytes_per_entry");
    require_finite(r.key_bytes_per_entry, "key_bytes_per_entry");
    require_finite(r.partial_cache_bytes_total, "partial_cache_bytes_total");
    require_finite(r.cut_point_bytes_total, "cut_point_bytes_total");
    require_finite(r.lookup_bytes_read, "lookup_bytes_read");
    require_finite(r.full_network_flops, "full_network_flops");
    require_finite(r.percent_of_full_network, "percent_of_full_network");
    for (const LayerScenario& l : r.layers) {
        require_finite(l.nominal_fraction, "layer nominal_fraction");
        require_finite(l.effective_fraction, "layer effective_fraction");
        require_finite(l.cost, "layer cost");
        require_finite(l.cost_after, "layer cost_after");
        if (l.effective_fraction < 0.0 || l.effective_fraction > 1.0)
            fuzz_fail("an effective fraction outside 0..1", std::to_string(l.effective_fraction));
    }
}

inline void check_sweep(const std::vector<double>& values) {
    for (double v : values) require_finite(v, "a sweep point");
}

// Numbers are printed with format_double (null for NaN/inf), so a bare nan/inf outside a string is a bug
// (inside one it is text: a layer may be called "inference"). Returns where it starts, or nullptr. Not
// coverage-instrumented: the fuzzer should learn from the core, not from this scan of every byte.
__attribute__((no_sanitize("coverage"))) inline const char* bare_nonfinite(const std::string& json) {
    bool in_string = false;
    const char* p = json.c_str();
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = p[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if ((c == 'n' && p[i + 1] == 'a' && p[i + 2] == 'n') || (c == 'i' && p[i + 1] == 'n' && p[i + 2] == 'f'))
            return p + i;
    }
    return nullptr;
}

// compute() of `state`: finite numbers when valid, a message when not (no JSON, no sweeps: cheap).
inline Results check_results(const State& state) {
    Results r = compute(state);
    check_evaluation(r.evaluation);
    if (state.scenario_enabled) check_scenario(r.scenario);
    if (r.ok() != r.error.empty()) fuzz_fail("ok() disagrees with error");
    return r;
}

// Everything a page or the CLI shows for `state`: results, the JSON, the sweep chart. Never crashes;
// a valid state gives finite numbers, an invalid one a message.
inline void check_state(const State& state) {
    const Results r = check_results(state);
    if (r.ok() && state.scenario_enabled) {
        check_sweep(sweep(r.network, r.evaluation, state.counting, state.scenario, SweepParameter::CachedFraction, 5));
        check_sweep(sweep(r.network, r.evaluation, state.counting, state.scenario, SweepParameter::Rate, 3));
        check_sweep(sweep(r.network, r.evaluation, state.counting, state.scenario, SweepParameter::StudentFraction, 2));
    }
    const std::string json = results_json(state, r);
    if (json.empty() || json.front() != '{' || json.back() == ',') fuzz_fail("results_json is not an object");
    if (const char* at = bare_nonfinite(json))
        fuzz_fail("results_json printed a non-finite number", std::string(at, std::min<std::size_t>(40, std::strlen(at))));
}

// The state with a zoo model swapped for a 3-layer custom network at the same input: every counting and
// scenario value the state carries still reaches compute(), without building a 150-layer zoo network on
// each of millions of executions (the zoo itself is fuzzed by fuzz_core). Custom states stay as they are.
inline State cheap_surrogate(const State& state) {
    if (state.model == kCustomModel) return state;
    State s = state;
    s.model = kCustomModel;
    s.custom.name = kCustomModel;
    s.custom.input = Shape{state.input_c, state.input_h, state.input_w};
    s.custom.layers = {make_conv("a", 16, 3, 2, 1), make_conv("b", 16, 3, 1, 1, 4), Layer{}};
    s.custom.layers[2].name = "fc";
    s.custom.layers[2].kind = LayerKind::Linear;
    s.custom.layers[2].out_channels = 10;
    if (s.scenario.student_kind == StudentKind::Model) s.scenario.student_model = "resnet18_seed";
    return s;
}

} // namespace flopscope::fuzz
