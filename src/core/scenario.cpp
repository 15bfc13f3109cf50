// Flopscope core — the caching scenario engine (formulas in scenario.h).
//
// [SECTION] Names and validation
// [SECTION] Modes
// [SECTION] Presets
// [SECTION] Per-layer fractions
// [SECTION] One cost formula per mode
// [SECTION] Break-even values
// [SECTION] Evaluation steps
// [SECTION] Evaluation
// [SECTION] Sweeps
#include "core/scenario.h"

#include "core/zoo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Names and validation
//-----------------------------------------------------------------------------

namespace {
std::string describe_value(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string check_fraction(const char* field, double v) {
    if (std::isnan(v)) return std::string(field) + " is not a number";
    if (v < 0.0 || v > 1.0) return std::string(field) + " " + describe_value(v) + " is outside 0…1";
    return {};
}

std::string check_nonnegative(const char* field, double v, double max) {
    if (!std::isfinite(v)) return std::string(field) + " must be a finite number";
    if (v < 0.0) return std::string(field) + " must not be negative";
    if (v > max) return std::string(field) + " " + describe_value(v) + " is above the limit of " + describe_value(max);
    return {};
}

std::string check_count(const char* field, std::int64_t v, std::int64_t lo, std::int64_t hi) {
    if (v >= lo && v <= hi) return {};
    return std::string(field) + " " + std::to_string(v) + " is outside " + std::to_string(lo) + "…" + std::to_string(hi);
}
} // namespace

std::int64_t bytes_per_element(Precision p) { return p == Precision::FP32 ? 4 : p == Precision::FP16 ? 2 : 1; }

double activation_bytes(std::int64_t elements) {
    return static_cast<double>(elements) * static_cast<double>(bytes_per_element(kActivationPrecision));
}

std::string validate(const Scenario& s) {
    const std::string checks[] = {
        check_fraction("cached fraction", s.cached_fraction),
        check_fraction("hit rate", s.hit_rate),
        check_fraction("truncation efficiency", s.truncation_efficiency),
        check_fraction("accept rate", s.accept_rate),
        s.student_kind == StudentKind::Fraction ? check_nonnegative("student fraction", s.student_fraction, 1000.0) : "",
        s.student_kind == StudentKind::Flops ? check_nonnegative("student FLOPs", s.student_flops, kMaxAbsoluteFlops) : "",
        s.lookup_kind == LookupKind::Flops ? check_nonnegative("lookup FLOPs", s.lookup_flops, kMaxAbsoluteFlops) : "",
        check_count("key dimension", s.key_dim, 1, kMaxKeyDim),
        check_count("cache entries", s.cache_entries, 1, kMaxCacheEntries),
        check_count("channel granularity", s.channel_granularity, 0, kMaxGranularity),
        check_count("first eligible layer", s.eligible_first, 0, kMaxLayers),
        check_count("last eligible layer", s.eligible_last, -1, kMaxLayers),
    };
    for (const std::string& c : checks)
        if (!c.empty()) return c;
    for (const LayerFraction& o : s.overrides) {
        if (std::string e = check_fraction("a per-layer cached fraction", o.fraction); !e.empty())
            return e + " (layer " + std::to_string(o.layer + 1) + ")";
        if (o.layer < 0 || o.layer >= kMaxLayers) return "per-layer fraction names layer " + std::to_string(o.layer + 1) + ", which does not exist";
    }
    if (s.student_kind == StudentKind::Model && !find_model(s.student_model))
        return "unknown student model \"" + s.student_model + "\"";
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Modes
//-----------------------------------------------------------------------------

namespace {
constexpr const char* kHitRateHelp = "h: the fraction of inputs for which the cache holds a usable entry.";

constexpr ModeInfo kModes[] = {
    {ScenarioMode::PartialReuse, kScenarioModeNames.name(ScenarioMode::PartialReuse), "Partial reuse inside the network",
     "Part of the network's outputs come from a cache inside it (the seed's scenarios).", true, true, "h", "hit rate",
     kHitRateHelp, "cost = S + L + Σ_l (1 − ρ·h·f_l)·C_l", "Break-even hit rate", "h* = (S + L) / (ρ·Σ_l f_l·C_l)"},
    {ScenarioMode::Cascade, kScenarioModeNames.name(ScenarioMode::Cascade), "Cascade: student answers first",
     "The student runs first and answers alone for a fraction p of inputs.", false, true, "p", "accept rate",
     "p: the fraction of inputs the student answers alone (the network runs for the rest).",
     "cost = S + L + (1 − p)·B", "Break-even accept rate", "p* = (S + L) / B"},
    {ScenarioMode::ResultCache, kScenarioModeNames.name(ScenarioMode::ResultCache), "Result cache in front of the model",
     "A cache in front of the model answers a fraction h of inputs.", false, false, "h", "hit rate", kHitRateHelp,
     "cost = L + (1 − h)·B", "Break-even hit rate", "h* = L / B"},
};
static_assert(std::size(kModes) == kScenarioModeCount);
static_assert(kModes[0].mode == ScenarioMode::PartialReuse && kModes[1].mode == ScenarioMode::Cascade &&
              kModes[2].mode == ScenarioMode::ResultCache);
} // namespace

const ModeInfo& mode_info(ScenarioMode m) {
    const auto i = static_cast<std::size_t>(m);
    return kModes[i < std::size(kModes) ? i : 0];
}

double mode_rate(const Scenario& s) { return s.mode == ScenarioMode::Cascade ? s.accept_rate : s.hit_rate; }

//-----------------------------------------------------------------------------
// [SECTION] Presets
//-----------------------------------------------------------------------------

const std::vector<ScenarioPreset>& scenario_presets() {
    static const std::vector<ScenarioPreset> presets = [] {
        Scenario optimistic;  // the defaults are the seed's optimistic scenario
        optimistic.name = "optimistic";
        Scenario realistic = optimistic;
        realistic.name = "realistic";
        realistic.truncation_efficiency = 0.0;
        Scenario full = optimistic;
        full.name = "full";
        full.cached_fraction = 1.0;
        return std::vector<ScenarioPreset>{
            {"optimistic", "partial reuse (ideal truncation)",
             "20 % of output channels come from the cache and are not computed; the student costs 50 %", optimistic},
            {"realistic", "no reuse (student overhead only)",
             "Outputs are cached but everything is still computed; the student costs 50 % on top", realistic},
            {"full", "full reuse (student only)",
             "All cached outputs are reused and only the student runs (50 %)", full},
        };
    }();
    return presets;
}

const ScenarioPreset* find_preset(std::string_view name) {
    for (const ScenarioPreset& p : scenario_presets())
        if (name == p.name) return &p;
    return nullptr;
}

const ScenarioPreset* matching_preset(const Scenario& s) {
    for (const ScenarioPreset& p : scenario_presets()) {
        Scenario named = s;
        named.name = p.name;
        if (named == p.scenario) return &p;
    }
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Per-layer fractions
//-----------------------------------------------------------------------------

namespace {

bool caches_channels(const Layer& l) { return l.kind == LayerKind::Conv || l.kind == LayerKind::Linear; }

bool is_eligible(const Scenario& s, const Network& net, int i) {
    const int last = s.eligible_last < 0 ? static_cast<int>(net.layers.size()) - 1 : s.eligible_last;
    return i >= s.eligible_first && i <= last && caches_channels(net.layers[static_cast<std::size_t>(i)]);
}

double nominal_fraction(const Scenario& s, int i, double global) {
    // overrides are few; a linear scan keeps the type simple
    for (const LayerFraction& o : s.overrides)
        if (o.layer == i) return o.fraction;
    return global;
}

// The fraction of channels actually skipped when kept channels round up to multiples of g:
// kept = ceil((1 − f)·C / g)·g (at most C), f_eff = 1 − kept/C. g = 0: no rounding.
double effective_fraction(double f, std::int64_t channels, std::int64_t g) {
    if (g <= 0 || channels <= 0) return f;
    const double wanted = (1.0 - f) * static_cast<double>(channels);
    // Guard against 51.2000000001-style noise: round to 1e-9 of a channel before ceil.
    const double tiles = std::ceil(std::round(wanted / static_cast<double>(g) * 1e9) / 1e9);
    const std::int64_t kept = std::min<std::int64_t>(channels, static_cast<std::int64_t>(tiles) * g);
    return 1.0 - static_cast<double>(kept) / static_cast<double>(channels);
}

double student_cost(const Network& net, const Counting& counting, const Scenario& s, double teacher,
                    std::string& error) {
    switch (s.student_kind) {
    case StudentKind::Fraction: return s.student_fraction * teacher;
    case StudentKind::Flops: return s.student_flops;
    case StudentKind::Model: {
        Network student;
        if (!build_model(s.student_model, net.input.h, net.input.w, student, error)) return 0.0;
        const Evaluation ev = evaluate(student, counting);
        if (!ev.ok()) {
            error = "student " + s.student_model + ": " + ev.error;
            return 0.0;
        }
        return static_cast<double>(ev.totals.flops.value);
    }
    case StudentKind::Count_: break;
    }
    return 0.0;
}

// Everything the cost formulas need, computed once per (network, scenario) so sweeps are cheap.
struct EligibleCosts {
    double baseline = 0;      // B: all layers
    double touched = 0;       // T: eligible layers
    std::vector<int> eligible;        // layer indices
    std::vector<double> cost;         // C_l of each eligible layer
    std::vector<double> nominal;      // f_l
    std::vector<std::int64_t> channels;
    // Eligible layers grouped by (override, fraction, channels) with their summed cost: a sweep point
    // costs a handful of groups, not hundreds of layers.
    struct Group {
        bool overridden;
        double fraction;
        std::int64_t channels;
        double cost;
    };
    std::vector<Group> groups;
};

EligibleCosts eligible_costs(const Network& net, const Evaluation& ev, const Counting& counting, const Scenario& s) {
    EligibleCosts p;
    for (std::size_t i = 0; i < ev.layers.size(); ++i) {
        const double c = static_cast<double>(counted_flops(ev.layers[i], counting).value);
        p.baseline += c;
        const int idx = static_cast<int>(i);
        if (!is_eligible(s, net, idx)) continue;
        p.touched += c;
        bool over = false;
        for (const LayerFraction& o : s.overrides) over = over || o.layer == idx;
        const double f = nominal_fraction(s, idx, s.cached_fraction);
        const std::int64_t ch = ev.layers[i].out.c;
        p.eligible.push_back(idx);
        p.cost.push_back(c);
        p.nominal.push_back(f);
        p.channels.push_back(ch);
        auto same = [&](const EligibleCosts::Group& g) { return g.overridden == over && g.fraction == f && g.channels == ch; };
        auto it = std::find_if(p.groups.begin(), p.groups.end(), same);
        if (it == p.groups.end()) p.groups.push_back({over, f, ch, c});
        else it->cost += c;
    }
    return p;
}

// Σ f_eff,l·C_l over eligible layers (the global fraction replaced by `global_f` when use_global).
// Costs are summed per distinct effective fraction first, so a uniform f is one multiplication and
// the seed's 0.2·T is exact to the last bit instead of accumulating 13 roundings.
double skipped_cost(const EligibleCosts& p, double global_f, bool use_global, std::int64_t g) {
    std::vector<std::pair<double, double>> cost_by_fraction;  // few entries
    for (const EligibleCosts::Group& grp : p.groups) {
        const double f = effective_fraction((use_global && !grp.overridden) ? global_f : grp.fraction, grp.channels, g);
        auto it = std::find_if(cost_by_fraction.begin(), cost_by_fraction.end(),
                               [&](const auto& e) { return e.first == f; });
        if (it == cost_by_fraction.end()) cost_by_fraction.emplace_back(f, grp.cost);
        else it->second += grp.cost;
    }
    double sum = 0;
    for (const auto& [f, c] : cost_by_fraction) sum += f * c;
    return sum;
}

//-----------------------------------------------------------------------------
// [SECTION] One cost formula per mode
//-----------------------------------------------------------------------------

// The values a total depends on besides the network; a sweep replaces one of them per point.
struct ModeParams {
    double student = 0;  // S
    double lookup = 0;   // L
    double rate = 0;     // h, or p in cascade mode
    double rho = 1;      // ρ (partial reuse)
    double skipped = 0;  // Σ f_eff,l·C_l at the cached fractions in use (partial reuse)
};

ModeParams mode_params(const EligibleCosts& c, const Scenario& s, double student, double lookup) {
    return {student, lookup, mode_rate(s), s.truncation_efficiency,
            skipped_cost(c, s.cached_fraction, false, s.channel_granularity)};
}

struct ModeCost {
    double computed = 0, student = 0, lookup = 0;
    double total() const { return student + lookup + computed; }
};

ModeCost partial_reuse_total(const EligibleCosts& c, const ModeParams& m) {
    return {c.baseline - m.rho * m.rate * m.skipped, m.student, m.lookup};
}
ModeCost cascade_total(const EligibleCosts& c, const ModeParams& m) {
    return {(1.0 - m.rate) * c.baseline, m.student, m.lookup};
}
ModeCost result_cache_total(const EligibleCosts& c, const ModeParams& m) {
    return {(1.0 - m.rate) * c.baseline, 0.0, m.lookup};  // a result cache has no student
}

ModeCost mode_total(ScenarioMode mode, const EligibleCosts& c, const ModeParams& m) {
    switch (mode) {
    case ScenarioMode::PartialReuse: return partial_reuse_total(c, m);
    case ScenarioMode::Cascade: return cascade_total(c, m);
    case ScenarioMode::ResultCache: return result_cache_total(c, m);
    case ScenarioMode::Count_: break;
    }
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Break-even values
//-----------------------------------------------------------------------------

// Each is linear in the parameter except the cached fraction with channel tiles, so each is the
// closed-form root of its mode's formula, kept only when it lies inside [0, 1) ("never" at 100 %).
std::optional<double> inside_range(double x) {
    if (std::isfinite(x) && x >= 0.0 && x < 1.0) return x;
    return std::nullopt;
}

// The largest f ≤ `f` at which a tile-rounded layer following the global f drops a tile (f = 1 − k·g/C),
// or 0: the start of the flat (or straight) stretch of the cost that holds `f`.
double tile_step_at_or_below(const EligibleCosts& c, std::int64_t g, double f) {
    double step = 0;
    if (g <= 0) return step;
    for (const EligibleCosts::Group& grp : c.groups) {
        if (grp.overridden || grp.channels <= 0) continue;
        const double C = static_cast<double>(grp.channels), G = static_cast<double>(g);
        // The same 1e-9-of-a-tile guard as effective_fraction, so both agree on which tile f is in.
        const double k = std::ceil(std::round((1.0 - f) * C / G * 1e9) / 1e9);
        step = std::max(step, 1.0 - std::min(k * G, C) / C);
    }
    return step;
}

// The smallest global nominal f at which partial reuse pays off: ρ·h·Σ f_eff·C_l > S + L, on the same
// tile-rounded Σ the sweep draws. With tiles the cost is a staircase (f_eff jumps where a layer's kept
// channels drop by a tile and is flat in between); layers without rounding add a straight part. The
// threshold is bracketed by bisection (the saving only grows with f), then read exactly: a tile step
// inside the bracket that pays is the answer itself (`is_step`); otherwise the straight stretch that
// holds it is solved in closed form. A stretch that only reaches the baseline at f = 1 is "never".
std::optional<double> cached_fraction_break_even(const EligibleCosts& c, const Scenario& s, const ModeParams& m,
                                                 bool& is_step) {
    is_step = false;
    const double rh = m.rho * m.rate;
    if (rh <= 0) return std::nullopt;
    const double need = m.student + m.lookup;
    const std::int64_t g = s.channel_granularity;
    auto saving = [&](double f) { return rh * skipped_cost(c, f, true, g); };
    double linear_cost = 0;  // layers following the global f whose f_eff = f
    bool any_steps = false;
    for (const EligibleCosts::Group& grp : c.groups) {
        if (grp.overridden) continue;
        if (g <= 0 || grp.channels <= 0) linear_cost += grp.cost;
        else any_steps = true;
    }
    if (!(saving(1.0) > need)) return std::nullopt;
    double lo = 0.0, hi = 1.0;  // saving(lo) ≤ need < saving(hi)
    if (saving(lo) > need) {
        is_step = true;  // the layers with their own f already pay: any global f does
        return 0.0;
    }
    while (any_steps) {
        const double mid = 0.5 * (lo + hi);
        if (mid <= lo || mid >= hi) break;
        (saving(mid) > need ? hi : lo) = mid;
    }
    if (any_steps) {
        const double step = tile_step_at_or_below(c, g, hi);
        if (step > lo && saving(step) > need) {
            is_step = true;
            return step;  // 1: only caching every channel pays (a tile step at the end)
        }
    }
    if (linear_cost <= 0) return hi;  // not reached: without a straight part the threshold is a step
    const double start = tile_step_at_or_below(c, g, lo);
    return inside_range(start + (need - saving(start)) / (rh * linear_cost));
}

void break_even_values(ScenarioResult& r, const EligibleCosts& c, const Scenario& s, const ModeParams& m) {
    const double B = c.baseline;
    if (B <= 0) return;
    const double need = m.student + m.lookup;
    switch (s.mode) {
    case ScenarioMode::PartialReuse: {
        const double saving_per_rate = m.rho * m.skipped;  // ρ·Σ f_eff·C_l: what h = 1 saves
        if (saving_per_rate > 0) r.break_even_rate = inside_range(need / saving_per_rate);
        r.break_even_cached_fraction = cached_fraction_break_even(c, s, m, r.break_even_cached_fraction_is_step);
        const double student_max = m.rho * m.rate * m.skipped - m.lookup;
        if (student_max > 0) r.break_even_student_fraction = student_max / B;
        break;
    }
    case ScenarioMode::Cascade:
        r.break_even_rate = inside_range(need / B);
        if (m.rate - m.lookup / B > 0) r.break_even_student_fraction = m.rate - m.lookup / B;
        break;
    case ScenarioMode::ResultCache:
        r.break_even_rate = inside_range(m.lookup / B);
        break;
    case ScenarioMode::Count_: break;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Evaluation steps
//-----------------------------------------------------------------------------

// "" when the scenario's layer references fit the network.
std::string check_against_network(const Network& net, const Scenario& s) {
    const int n = static_cast<int>(net.layers.size());
    if (s.eligible_last >= n)
        return "the last eligible layer " + std::to_string(s.eligible_last + 1) + " does not exist (the network has " +
               std::to_string(n) + " layers)";
    if (s.eligible_first >= n || (s.eligible_last >= 0 && s.eligible_first > s.eligible_last))
        return "the eligible layer range is empty";
    for (const LayerFraction& o : s.overrides)
        if (o.layer >= n)
            return "a per-layer cached fraction names layer " + std::to_string(o.layer + 1) + ", but the network has " +
                   std::to_string(n) + " layers";
    return {};
}

// Per-layer costs before and after, and the FLOP-weighted mean fractions.
void per_layer_view(ScenarioResult& r, const Evaluation& ev, const Counting& counting, const EligibleCosts& c,
                    const Scenario& s, const ModeParams& m) {
    const std::size_t n = ev.layers.size();
    r.layers.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double cost = static_cast<double>(counted_flops(ev.layers[i], counting).value);
        r.layers[i].cost = cost;
        r.layers[i].cost_after = cost;
    }
    double nominal_weighted = 0;
    for (std::size_t k = 0; k < c.eligible.size(); ++k) {
        LayerScenario& ls = r.layers[static_cast<std::size_t>(c.eligible[k])];
        ls.eligible = true;
        ls.nominal_fraction = c.nominal[k];
        ls.effective_fraction = effective_fraction(c.nominal[k], c.channels[k], s.channel_granularity);
        if (s.mode == ScenarioMode::PartialReuse) ls.cost_after = (1.0 - m.rho * m.rate * ls.effective_fraction) * ls.cost;
        nominal_weighted += c.nominal[k] * c.cost[k];
    }
    r.mean_nominal_fraction = c.touched > 0 ? nominal_weighted / c.touched : 0.0;
    r.mean_effective_fraction = c.touched > 0 ? m.skipped / c.touched : 0.0;
}

// Cache memory per entry: f_eff of each eligible conv/linear output, and the tensors crossing the cut
// after the last eligible layer; then E entries of each, with their keys.
void cache_memory(ScenarioResult& r, const Network& net, const Evaluation& ev, const EligibleCosts& c,
                  const Scenario& s) {
    const int n = static_cast<int>(net.layers.size());
    const double E = static_cast<double>(s.cache_entries);
    const double b = static_cast<double>(r.bytes_per_element);
    const int last = s.eligible_last < 0 ? n - 1 : s.eligible_last;
    for (std::size_t k = 0; k < c.eligible.size(); ++k) {
        const std::size_t i = static_cast<std::size_t>(c.eligible[k]);
        r.partial_cache_elements_per_entry +=
            r.layers[i].effective_fraction * static_cast<double>(ev.layers[i].output_elements.value);
    }
    std::vector<bool> crosses(static_cast<std::size_t>(n), false);
    bool any = false;
    for (int j = last + 1; j < n; ++j) {
        const Layer& l = net.layers[static_cast<std::size_t>(j)];
        if (l.kind == LayerKind::Conv && l.explicit_shape) continue;
        if (l.inputs.empty()) {
            if (j - 1 <= last) { crosses[static_cast<std::size_t>(j - 1)] = true; any = true; }
        } else {
            for (int src : l.inputs)
                if (src >= 0 && src <= last) { crosses[static_cast<std::size_t>(src)] = true; any = true; }
        }
    }
    if (!any) crosses[static_cast<std::size_t>(last)] = true;
    for (int i = 0; i <= last; ++i)
        if (crosses[static_cast<std::size_t>(i)]) r.cut_point_elements_per_entry += ev.layers[static_cast<std::size_t>(i)].out.elements().value;
    r.partial_cache_bytes_per_entry = r.partial_cache_elements_per_entry * b;
    r.cut_point_bytes_per_entry = static_cast<double>(r.cut_point_elements_per_entry) * b;
    r.partial_cache_bytes_total = E * (r.partial_cache_bytes_per_entry + r.key_bytes_per_entry);
    r.cut_point_bytes_total = E * (r.cut_point_bytes_per_entry + r.key_bytes_per_entry);
}

// The larger network this one is part of, with the untouched rest still running.
void part_of_larger(ScenarioResult& r, const Network& net, const Counting& counting, std::string_view part_of) {
    if (part_of.empty()) return;
    Network full;
    std::string e;
    if (!build_model(part_of, net.input.h, net.input.w, full, e)) return;
    const Evaluation fev = evaluate(full, counting);
    if (!fev.ok()) return;
    r.full_network = std::string(part_of);
    r.full_network_flops = static_cast<double>(fev.totals.flops.value);
    const double rest = r.full_network_flops - r.baseline_flops;
    r.percent_of_full_network = r.full_network_flops > 0 ? (r.total_flops + rest) / r.full_network_flops * 100.0 : 0.0;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Evaluation
//-----------------------------------------------------------------------------

ScenarioResult evaluate_scenario(const Network& net, const Evaluation& ev, const Counting& counting,
                                 const Scenario& s, std::string_view part_of) {
    ScenarioResult r;
    r.mode = s.mode;
    if (!ev.ok()) r.error = ev.error;
    else if (std::string e = validate(s); !e.empty()) r.error = e;
    else r.error = check_against_network(net, s);
    if (!r.ok()) return r;

    const EligibleCosts c = eligible_costs(net, ev, counting, s);
    const double B = c.baseline;
    r.baseline_flops = B;
    const double S = student_cost(net, counting, s, B, r.error);
    if (!r.ok()) return r;
    const double E = static_cast<double>(s.cache_entries);
    const double b = static_cast<double>(bytes_per_element(s.precision));
    const double d = static_cast<double>(s.key_dim);
    const bool nearest = s.lookup_kind == LookupKind::NearestNeighbour;
    const double L = nearest ? 2.0 * d * E : s.lookup_flops;
    r.bytes_per_element = bytes_per_element(s.precision);
    r.key_bytes_per_entry = nearest ? d * b : 0.0;
    r.lookup_bytes_read = nearest ? d * E * b : 0.0;

    const ModeParams m = mode_params(c, s, mode_info(s.mode).has_student ? S : 0.0, L);
    per_layer_view(r, ev, counting, c, s, m);
    cache_memory(r, net, ev, c, s);

    const ModeCost cost = mode_total(s.mode, c, m);
    r.touched_flops = mode_info(s.mode).caches_channels ? c.touched : B;
    r.computed_flops = cost.computed;
    r.student_flops = cost.student;
    r.lookup_flops = cost.lookup;
    r.total_flops = cost.total();
    r.student_fraction = B > 0 ? cost.student / B : 0.0;
    r.lookup_fraction = B > 0 ? cost.lookup / B : 0.0;
    break_even_values(r, c, s, m);
    r.saved_flops = B - r.total_flops;
    r.percent_of_baseline = B > 0 ? r.total_flops / B * 100.0 : 0.0;
    r.percent_saved = B > 0 ? r.saved_flops / B * 100.0 : 0.0;
    part_of_larger(r, net, counting, part_of);
    return r;
}

std::optional<double> break_even(const ScenarioResult& r, SweepParameter parameter) {
    switch (parameter) {
    case SweepParameter::CachedFraction: return r.break_even_cached_fraction;
    case SweepParameter::Rate: return r.break_even_rate;
    case SweepParameter::StudentFraction: return r.break_even_student_fraction;
    }
    return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] Sweeps
//-----------------------------------------------------------------------------

std::vector<double> sweep(const Network& net, const Evaluation& ev, const Counting& counting, const Scenario& s,
                          SweepParameter parameter, int points) {
    std::vector<double> out;
    if (points < 2 || !ev.ok() || !validate(s).empty()) return out;
    const ScenarioResult base = evaluate_scenario(net, ev, counting, s);
    if (!base.ok()) return out;
    const EligibleCosts c = eligible_costs(net, ev, counting, s);
    const ModeParams now = mode_params(c, s, base.student_flops, base.lookup_flops);
    out.reserve(static_cast<std::size_t>(points));
    for (int i = 0; i < points; ++i) {
        const double x = static_cast<double>(i) / static_cast<double>(points - 1);
        ModeParams m = now;
        switch (parameter) {
        case SweepParameter::CachedFraction: m.skipped = skipped_cost(c, x, true, s.channel_granularity); break;
        case SweepParameter::Rate: m.rate = x; break;
        case SweepParameter::StudentFraction: m.student = x * c.baseline; break;
        }
        out.push_back(mode_total(s.mode, c, m).total());
    }
    return out;
}

} // namespace flopscope
