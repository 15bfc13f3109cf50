// Flopscope core — the caching scenario engine (formulas in scenario.h).
//
// [SECTION] Names and validation
// [SECTION] Presets
// [SECTION] Per-layer fractions
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
constexpr std::array<const char*, 3> kModeNames = {"partial", "cascade", "result_cache"};
constexpr std::array<const char*, 3> kPrecisionNames = {"fp32", "fp16", "int8"};

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

const char* mode_name(ScenarioMode m) { return kModeNames[static_cast<std::size_t>(m)]; }
const char* precision_name(Precision p) { return kPrecisionNames[static_cast<std::size_t>(p)]; }
std::int64_t bytes_per_element(Precision p) { return p == Precision::FP32 ? 4 : p == Precision::FP16 ? 2 : 1; }

bool parse_mode(std::string_view s, ScenarioMode& out) {
    for (std::size_t i = 0; i < kModeNames.size(); ++i)
        if (s == kModeNames[i]) { out = static_cast<ScenarioMode>(i); return true; }
    return false;
}

bool parse_precision(std::string_view s, Precision& out) {
    for (std::size_t i = 0; i < kPrecisionNames.size(); ++i)
        if (s == kPrecisionNames[i]) { out = static_cast<Precision>(i); return true; }
    return false;
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
    }
    return 0.0;
}

// Everything the cost formula needs, prepared once per (network, scenario) so sweeps are cheap.
struct Prepared {
    double baseline = 0;      // all layers
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

Prepared prepare(const Network& net, const Evaluation& ev, const Counting& counting, const Scenario& s) {
    Prepared p;
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
        auto same = [&](const Prepared::Group& g) { return g.overridden == over && g.fraction == f && g.channels == ch; };
        auto it = std::find_if(p.groups.begin(), p.groups.end(), same);
        if (it == p.groups.end()) p.groups.push_back({over, f, ch, c});
        else it->cost += c;
    }
    return p;
}

// Σ f_eff,l·C_l over eligible layers (the global fraction replaced by `global_f` when use_global).
// Costs are summed per distinct effective fraction first, so a uniform f is one multiplication and
// the seed's 0.2·T is exact to the last bit instead of accumulating 13 roundings.
double skipped_cost(const Prepared& p, double global_f, bool use_global, std::int64_t g) {
    std::vector<std::pair<double, double>> cost_by_fraction;  // few entries
    for (const Prepared::Group& grp : p.groups) {
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

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Evaluation
//-----------------------------------------------------------------------------

ScenarioResult evaluate_scenario(const Network& net, const Evaluation& ev, const Counting& counting,
                                 const Scenario& s, std::string_view part_of) {
    ScenarioResult r;
    r.mode = s.mode;
    if (!ev.ok()) {
        r.error = ev.error;
        return r;
    }
    if (std::string e = validate(s); !e.empty()) {
        r.error = e;
        return r;
    }
    const int n = static_cast<int>(net.layers.size());
    if (s.eligible_last >= n) {
        r.error = "the last eligible layer " + std::to_string(s.eligible_last + 1) + " does not exist (the network has " +
                  std::to_string(n) + " layers)";
        return r;
    }
    if (s.eligible_first >= n || (s.eligible_last >= 0 && s.eligible_first > s.eligible_last)) {
        r.error = "the eligible layer range is empty";
        return r;
    }
    for (const LayerFraction& o : s.overrides) {
        if (o.layer >= n) {
            r.error = "a per-layer cached fraction names layer " + std::to_string(o.layer + 1) +
                      ", but the network has " + std::to_string(n) + " layers";
            return r;
        }
    }

    const Prepared p = prepare(net, ev, counting, s);
    r.baseline_flops = p.baseline;
    std::string err;
    const double S = student_cost(net, counting, s, p.baseline, err);
    if (!err.empty()) {
        r.error = err;
        return r;
    }
    const double E = static_cast<double>(s.cache_entries);
    const double b = static_cast<double>(bytes_per_element(s.precision));
    const double d = static_cast<double>(s.key_dim);
    const bool nearest = s.lookup_kind == LookupKind::NearestNeighbour;
    const double L = nearest ? 2.0 * d * E : s.lookup_flops;
    r.student_flops = S;
    r.lookup_flops = L;
    r.bytes_per_element = bytes_per_element(s.precision);
    r.key_bytes_per_entry = nearest ? d * b : 0.0;
    r.lookup_bytes_read = nearest ? d * E * b : 0.0;

    // Per-layer view and the FLOP-weighted mean fractions.
    r.layers.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double c = static_cast<double>(counted_flops(ev.layers[static_cast<std::size_t>(i)], counting).value);
        r.layers[static_cast<std::size_t>(i)].cost = c;
        r.layers[static_cast<std::size_t>(i)].cost_after = c;
    }
    double nominal_weighted = 0;
    for (std::size_t k = 0; k < p.eligible.size(); ++k) {
        LayerScenario& ls = r.layers[static_cast<std::size_t>(p.eligible[k])];
        ls.eligible = true;
        ls.nominal_fraction = p.nominal[k];
        ls.effective_fraction = effective_fraction(p.nominal[k], p.channels[k], s.channel_granularity);
        if (s.mode == ScenarioMode::PartialReuse)
            ls.cost_after = (1.0 - s.truncation_efficiency * s.hit_rate * ls.effective_fraction) * ls.cost;
        nominal_weighted += p.nominal[k] * p.cost[k];
    }
    const double skipped = skipped_cost(p, s.cached_fraction, false, s.channel_granularity);
    const double T = p.touched;
    r.mean_nominal_fraction = T > 0 ? nominal_weighted / T : 0.0;
    r.mean_effective_fraction = T > 0 ? skipped / T : 0.0;

    // Cache memory per entry: f_eff of each eligible conv/linear output, and the tensors crossing the cut.
    const int last = s.eligible_last < 0 ? n - 1 : s.eligible_last;
    for (std::size_t k = 0; k < p.eligible.size(); ++k) {
        const LayerCost& c = ev.layers[static_cast<std::size_t>(p.eligible[k])];
        r.partial_cache_elements_per_entry +=
            r.layers[static_cast<std::size_t>(p.eligible[k])].effective_fraction * static_cast<double>(c.output_elements.value);
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

    switch (s.mode) {
    case ScenarioMode::PartialReuse: {
        r.touched_flops = T;
        r.computed_flops = p.baseline - s.truncation_efficiency * s.hit_rate * skipped;
        r.total_flops = S + L + r.computed_flops;
        r.sigma = T > 0 ? S / T : 0.0;
        r.lambda = T > 0 ? L / T : 0.0;
        const double need = r.sigma + r.lambda;
        const double rf = s.truncation_efficiency * r.mean_effective_fraction;
        const double rh = s.truncation_efficiency * s.hit_rate;
        if (T > 0 && rf > 0 && need / rf <= 1.0) r.break_even_hit_rate = need / rf;
        if (T > 0 && rh > 0 && need / rh <= 1.0) r.break_even_cached_fraction = need / rh;
        const double sigma_max = s.truncation_efficiency * s.hit_rate * r.mean_effective_fraction - r.lambda;
        if (T > 0 && sigma_max > 0) r.break_even_student_fraction = sigma_max;
        break;
    }
    case ScenarioMode::Cascade: {
        r.touched_flops = p.baseline;
        r.computed_flops = (1.0 - s.accept_rate) * p.baseline;
        r.total_flops = S + L + r.computed_flops;
        r.sigma = p.baseline > 0 ? S / p.baseline : 0.0;
        r.lambda = p.baseline > 0 ? L / p.baseline : 0.0;
        if (p.baseline > 0 && r.sigma + r.lambda <= 1.0) r.break_even_hit_rate = r.sigma + r.lambda;
        if (p.baseline > 0 && s.accept_rate - r.lambda > 0) r.break_even_student_fraction = s.accept_rate - r.lambda;
        break;
    }
    case ScenarioMode::ResultCache: {
        r.touched_flops = p.baseline;
        r.student_flops = 0.0;  // a result cache has no student
        r.computed_flops = (1.0 - s.hit_rate) * p.baseline;
        r.total_flops = L + r.computed_flops;
        r.sigma = 0.0;
        r.lambda = p.baseline > 0 ? L / p.baseline : 0.0;
        if (p.baseline > 0 && r.lambda <= 1.0) r.break_even_hit_rate = r.lambda;
        break;
    }
    }
    r.saved_flops = p.baseline - r.total_flops;
    r.percent_of_baseline = p.baseline > 0 ? r.total_flops / p.baseline * 100.0 : 0.0;

    if (!part_of.empty()) {
        Network full;
        std::string e;
        if (build_model(part_of, net.input.h, net.input.w, full, e)) {
            const Evaluation fev = evaluate(full, counting);
            if (fev.ok()) {
                r.full_network = std::string(part_of);
                r.full_network_flops = static_cast<double>(fev.totals.flops.value);
                const double rest = r.full_network_flops - p.baseline;
                r.percent_of_full_network =
                    r.full_network_flops > 0 ? (r.total_flops + rest) / r.full_network_flops * 100.0 : 0.0;
            }
        }
    }
    return r;
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
    const Prepared p = prepare(net, ev, counting, s);
    const double S = base.student_flops, L = base.lookup_flops;
    const double skipped_now = skipped_cost(p, s.cached_fraction, false, s.channel_granularity);
    out.reserve(static_cast<std::size_t>(points));
    for (int i = 0; i < points; ++i) {
        const double x = static_cast<double>(i) / static_cast<double>(points - 1);
        double total = 0;
        switch (s.mode) {
        case ScenarioMode::PartialReuse: {
            const double skipped =
                parameter == SweepParameter::CachedFraction ? skipped_cost(p, x, true, s.channel_granularity) : skipped_now;
            const double h = parameter == SweepParameter::HitRate ? x : s.hit_rate;
            const double student = parameter == SweepParameter::StudentFraction ? x * p.touched : S;
            total = student + L + p.baseline - s.truncation_efficiency * h * skipped;
            break;
        }
        case ScenarioMode::Cascade: {
            const double accept = parameter == SweepParameter::HitRate ? x : s.accept_rate;
            const double student = parameter == SweepParameter::StudentFraction ? x * p.baseline : S;
            total = student + L + (1.0 - accept) * p.baseline;
            break;
        }
        case ScenarioMode::ResultCache: {
            const double h = parameter == SweepParameter::HitRate ? x : s.hit_rate;
            total = L + (1.0 - h) * p.baseline;
            break;
        }
        }
        out.push_back(total);
    }
    return out;
}

} // namespace flopscope
