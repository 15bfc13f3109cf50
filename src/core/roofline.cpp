// Flopscope core — roofline time and energy, and caching in time (formulas in roofline.h).
//
// [SECTION] Options and constants
// [SECTION] Per-layer roofline
// [SECTION] Caching in time and energy
// [SECTION] Sweeps
// [SECTION] Text and JSON
#include "core/roofline.h"

#include "core/format.h"
#include "core/report.h"  // format_double: the JSON number format
#include "core/state_fields.h"  // JsonObject
#include "core/text.h"
#include "core/zoo.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Options and constants
//-----------------------------------------------------------------------------

double mac_energy_pj(Precision p) {
    switch (p) {
    case Precision::FP32: return 3.7 + 0.9;  // 32-bit FP mult + add
    case Precision::FP16: return 1.1 + 0.4;  // 16-bit FP mult + add
    case Precision::INT8: return 0.2 + 0.1;  // 8-bit int mult + 32-bit int add (accumulator)
    case Precision::Count_: break;
    }
    return 0.0;
}

namespace {

std::string check_option(const char* field, double v, double lo, bool lo_open, double hi) {
    if (std::isnan(v)) return std::string(field) + " is not a number";
    if (!std::isfinite(v)) return std::string(field) + " must be a finite number";
    if (lo_open ? v <= lo : v < lo)
        return std::string(field) + " " + shortest_decimal(v) + (lo_open ? " must be above " : " must not be below ") +
               shortest_decimal(lo);
    if (v > hi) return std::string(field) + " " + shortest_decimal(v) + " is above the limit of " + shortest_decimal(hi);
    return {};
}

} // namespace

std::string validate_roofline_options(const RooflineOptions& o) {
    if (static_cast<unsigned>(o.precision) >= static_cast<unsigned>(kPrecisionCount)) return "unknown precision";
    const std::string checks[] = {
        check_option("compute efficiency", o.compute_efficiency, 0.0, true, 1.0),
        check_option("memory efficiency", o.memory_efficiency, 0.0, true, 1.0),
        check_option("per-layer overhead", o.layer_overhead_s, 0.0, false, kMaxLayerOverhead),
        check_option("energy scale", o.energy_scale, 0.0, true, kMaxEnergyScale),
    };
    for (const std::string& c : checks)
        if (!c.empty()) return c;
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Per-layer roofline
//-----------------------------------------------------------------------------

namespace {

// The machine as the roofline sees it: effective peak and bandwidth, energy per MAC and per byte.
struct Machine {
    double peak = 0, bandwidth = 0, overhead = 0;  // η-scaled
    double mac_j = 0, dram_j = 0, sram_j = 0;      // joules, × energy_scale
    double b = 4;                                   // bytes per element
};

Machine machine(const Device& d, const RooflineOptions& o) {
    Machine m;
    m.peak = o.compute_efficiency * peak_flops(d, o.precision, o.sparse);
    m.bandwidth = o.memory_efficiency * d.dram_bandwidth.value;
    m.overhead = o.layer_overhead_s;
    m.mac_j = mac_energy_pj(o.precision) * o.energy_scale * 1e-12;
    m.dram_j = kDramPjPerByte * o.energy_scale * 1e-12;
    m.sram_j = kSramPjPerByte * o.energy_scale * 1e-12;
    m.b = static_cast<double>(bytes_per_element(o.precision));
    return m;
}

struct Timed {
    double compute_s = 0, memory_s = 0, overhead_s = 0, time_s = 0;
    Bound bound = Bound::Overhead;
};

// max(F/P, bytes/B) + kernels·overhead, and which term decides.
Timed roofline_time(const Machine& m, double flops, double bytes, double kernels) {
    Timed t;
    t.compute_s = flops / m.peak;
    t.memory_s = bytes / m.bandwidth;
    t.overhead_s = kernels * m.overhead;
    const double roof = std::max(t.compute_s, t.memory_s);
    t.time_s = roof + t.overhead_s;
    if (roof == 0 || t.overhead_s > roof) t.bound = Bound::Overhead;
    else t.bound = t.compute_s >= t.memory_s ? Bound::Compute : Bound::Memory;
    return t;
}

Verdict compare(double fetch_side, double recompute_side) {
    // fetch wins when recomputing costs more than fetching
    if (recompute_side > fetch_side) return Verdict::Fetch;
    if (recompute_side < fetch_side) return Verdict::Recompute;
    return Verdict::Even;
}

double as_double(Count c) { return static_cast<double>(c.value); }

// The layers whose outputs layer i reads first (an explicit conv and a layer without inputs read the
// previous layer's output); kNetworkInput for the network input.
template <class Fn>
void for_each_producer(const Network& net, std::size_t i, Fn fn) {
    const Layer& l = net.layers[i];
    if ((l.kind == LayerKind::Conv && l.explicit_shape) || l.inputs.empty()) fn(i == 0 ? kNetworkInput : static_cast<int>(i) - 1);
    else
        for (int src : l.inputs) fn(src);
}

} // namespace

RooflineResult evaluate_roofline(const Network& net, const Evaluation& ev, const Counting& counting,
                                 const Device& device, const RooflineOptions& options) {
    RooflineResult r;
    r.device = device.name;
    r.device_label = device.label;
    r.precision = options.precision;
    if (!ev.ok()) { r.error = ev.error; return r; }
    if (ev.layers.size() != net.layers.size()) { r.error = "the evaluation does not belong to this network"; return r; }
    if (std::string e = validate_device(device); !e.empty()) { r.error = e; return r; }
    if (std::string e = validate_roofline_options(options); !e.empty()) { r.error = e; return r; }
    if (std::string e = check_precision(device, options.precision, options.sparse); !e.empty()) { r.error = e; return r; }

    const Machine m = machine(device, options);
    r.peak_flops = peak_flops(device, options.precision, options.sparse);
    r.bandwidth = device.dram_bandwidth.value;
    r.ridge = m.peak / m.bandwidth;
    r.bytes_per_element = bytes_per_element(options.precision);
    const std::size_t n = ev.layers.size();

    // Which outputs stay on chip: they fit the buffer, and someone reads them (network outputs are written).
    std::vector<bool> consumed(n, false), resident(n, false), fits(n, false);
    for (std::size_t i = 0; i < n; ++i)
        for_each_producer(net, i, [&](int p) { if (p >= 0) consumed[static_cast<std::size_t>(p)] = true; });
    for (std::size_t i = 0; i < n; ++i) {
        const LayerCost& c = ev.layers[i];
        const double out_once = as_double(c.output_elements) / static_cast<double>(c.repeat) * m.b;
        fits[i] = options.activations_on_chip && out_once <= device.onchip_buffer.value;
        resident[i] = fits[i] && consumed[i];
    }

    r.layers.resize(n);
    RooflineTotals& t = r.totals;
    for (std::size_t i = 0; i < n; ++i) {
        const LayerCost& c = ev.layers[i];
        LayerRoofline& L = r.layers[i];
        const double extra = as_double(counted_extra_ops(c, counting));
        L.flops = 2.0 * as_double(c.macs) + extra;
        L.macs = as_double(c.macs) + extra;
        L.weight_bytes = as_double(c.params) * m.b;

        const double rep = static_cast<double>(c.repeat);
        const double in_once = as_double(c.input_elements) / rep * m.b;
        const double out_once = as_double(c.output_elements) / rep * m.b;
        const bool explicit_conv = net.layers[i].kind == LayerKind::Conv && net.layers[i].explicit_shape;
        // The first application reads its producers; each further repeat reads its own previous output.
        for_each_producer(net, i, [&](int p) {
            const double bytes = explicit_conv ? in_once
                                 : p == kNetworkInput ? as_double(net.input.elements()) * m.b
                                                      : as_double(ev.layers[static_cast<std::size_t>(p)].out.elements()) * m.b;
            (p >= 0 && resident[static_cast<std::size_t>(p)] ? L.onchip_bytes : L.input_bytes) += bytes;
        });
        (fits[i] ? L.onchip_bytes : L.input_bytes) += (rep - 1) * in_once;
        (fits[i] ? L.onchip_bytes : L.output_bytes) += (rep - 1) * out_once;
        (resident[i] ? L.onchip_bytes : L.output_bytes) += out_once;
        L.bytes = L.input_bytes + L.weight_bytes + L.output_bytes;
        L.intensity = L.bytes > 0 ? L.flops / L.bytes : (L.flops > 0 ? INFINITY : 0.0);

        const Timed tm = roofline_time(m, L.flops, L.bytes, rep);
        L.compute_s = tm.compute_s;
        L.memory_s = tm.memory_s;
        L.overhead_s = tm.overhead_s;
        L.time_s = tm.time_s;
        L.bound = tm.bound;
        L.compute_energy_j = L.macs * m.mac_j;
        L.memory_energy_j = L.bytes * m.dram_j + L.onchip_bytes * m.sram_j;
        L.energy_j = L.compute_energy_j + L.memory_energy_j;

        if (c.macs.value > 0 && c.output_elements.value > 0) {
            const double macs_per_element = as_double(c.macs) / as_double(c.output_elements);
            L.recompute_intensity = 2.0 * macs_per_element / m.b;
            L.time_verdict = compare(r.ridge, L.recompute_intensity);
            L.recompute_pj = macs_per_element * mac_energy_pj(options.precision) * options.energy_scale;
            L.fetch_pj = m.b * kDramPjPerByte * options.energy_scale;
            L.energy_verdict = compare(L.fetch_pj, L.recompute_pj);
        }

        t.flops += L.flops;
        t.macs += L.macs;
        t.bytes += L.bytes;
        t.onchip_bytes += L.onchip_bytes;
        t.time_s += L.time_s;
        t.energy_j += L.energy_j;
        switch (L.bound) {
        case Bound::Compute: t.compute_s += L.time_s; ++t.compute_bound_layers; break;
        case Bound::Memory: t.memory_s += L.time_s; ++t.memory_bound_layers; break;
        case Bound::Overhead: t.overhead_s += L.time_s; ++t.overhead_bound_layers; break;
        case Bound::Count_: break;
        }
    }
    t.bound = t.compute_s >= t.memory_s ? (t.compute_s >= t.overhead_s ? Bound::Compute : Bound::Overhead)
                                        : (t.memory_s >= t.overhead_s ? Bound::Memory : Bound::Overhead);
    t.inferences_per_s = t.time_s > 0 ? 1.0 / t.time_s : 0.0;
    t.board_energy_j = device.power.value * t.time_s;
    return r;
}

//-----------------------------------------------------------------------------
// [SECTION] Caching in time and energy
//-----------------------------------------------------------------------------

namespace {

// Time and energy of work outside the network's layers (student given in FLOPs, lookup).
struct Cost {
    double time_s = 0, energy_j = 0;
};

Cost kernel_cost(const Machine& m, double flops, double bytes) {
    if (flops <= 0 && bytes <= 0) return {};
    return {roofline_time(m, flops, bytes, 1).time_s, flops / 2.0 * m.mac_j + bytes * m.dram_j};
}

// Σ time by bound of the layers' expected times: the bound that takes most of it.
Bound dominant(const std::vector<LayerCachingTime>& layers) {
    double by[3] = {0, 0, 0};
    for (const LayerCachingTime& l : layers) by[static_cast<int>(l.bound)] += l.time_s;
    if (by[0] >= by[1] && by[0] >= by[2]) return Bound::Compute;
    return by[1] >= by[2] ? Bound::Memory : Bound::Overhead;
}

// A cached layer's two cases (§ the header): on a hit it computes and moves (1 − ρf) of its FLOPs, weights
// and outputs and fetches the entry f·O; on a miss it computes everything and writes the entry.
struct CachedLayer {
    double entry = 0;   // f·O bytes
    double kept = 1;    // 1 − ρf
    double hit_bytes_no_fetch = 0;
    Timed hit_no_fetch, hit, miss;
};

CachedLayer cached_layer(const Machine& m, const LayerRoofline& b, const LayerCost& c, double f, double rho) {
    CachedLayer k;
    const double rep = static_cast<double>(c.repeat);
    k.entry = as_double(c.output_elements) * m.b * f;
    k.kept = 1.0 - rho * f;
    k.hit_bytes_no_fetch = b.input_bytes + k.kept * (b.weight_bytes + b.output_bytes);
    k.hit_no_fetch = roofline_time(m, k.kept * b.flops, k.hit_bytes_no_fetch, rep);
    k.hit = roofline_time(m, k.kept * b.flops, k.hit_bytes_no_fetch + k.entry, rep);
    k.miss = roofline_time(m, b.flops, b.bytes + k.entry, rep);
    return k;
}

std::string warning_sentence(const CachingTime& c, const Device& d, Precision p) {
    const std::string on = d.label + " at " + precision_label(p);
    // Only what is there: "the student takes …", "the lookup takes …", or both.
    std::string extra;
    if (c.student_time_s > 0 && c.lookup_time_s > 0)
        extra = "the student and the lookup take " + format_seconds(c.student_time_s + c.lookup_time_s);
    else if (c.student_time_s > 0) extra = "the student takes " + format_seconds(c.student_time_s);
    else if (c.lookup_time_s > 0) extra = "the lookup takes " + format_seconds(c.lookup_time_s);
    if (c.mode == ScenarioMode::PartialReuse) {
        const bool memory = c.memory_bound_cached_layers * 2 > c.cached_layers;
        std::string s = memory ? "The cached layers are memory-bound on " + on + ": skipping their FLOPs saves "
                               : "On " + on + ", skipping the cached layers' FLOPs saves ";
        s += format_seconds(c.skipping_saves_s);
        std::string costs;
        if (c.cache_traffic_s > 0) costs = "fetching and writing the cache costs " + format_seconds(c.cache_traffic_s);
        if (!extra.empty()) costs += (costs.empty() ? "" : " and ") + extra;
        if (costs.empty()) costs = "and nothing else is saved";
        return s + ", " + costs + ", so caching saves FLOPs but not time.";
    }
    const double net_saved = c.baseline_time_s - c.network_time_s;
    return "On " + on + ", skipping the network saves " + format_seconds(net_saved) + ", but " +
           (extra.empty() ? "the cache traffic costs more" : extra) + ", so caching saves FLOPs but not time.";
}

} // namespace

CachingTime evaluate_caching_time(const Network& net, const Evaluation& ev, const Counting& counting,
                                  const Scenario& s, const ScenarioResult& sr, const Device& device,
                                  const RooflineOptions& options, const RooflineResult& base) {
    CachingTime c;
    c.mode = s.mode;
    if (!base.ok()) { c.error = base.error; return c; }
    if (!sr.ok()) { c.error = sr.error; return c; }
    const std::size_t n = ev.layers.size();
    if (base.layers.size() != n || sr.layers.size() != n) {
        c.error = "the scenario and the roofline were evaluated on another network";
        return c;
    }
    const Machine m = machine(device, options);
    const double rho = s.truncation_efficiency;
    const double h = s.hit_rate;
    c.baseline_time_s = base.totals.time_s;
    c.baseline_energy_j = base.totals.energy_j;
    c.baseline_bytes = base.totals.bytes;

    // The network's layers: per-layer hit and miss cases for partial reuse, the baseline otherwise.
    c.layers.resize(n);
    double hit_sum = 0, miss_sum = 0, fixed_sum = 0;  // network time = fixed + h·hit + (1 − h)·miss
    for (std::size_t i = 0; i < n; ++i) {
        const LayerRoofline& b = base.layers[i];
        LayerCachingTime& L = c.layers[i];
        const LayerScenario& ls = sr.layers[i];
        L.flops = b.flops;
        L.bytes = b.bytes;
        L.time_s = b.time_s;
        L.energy_j = b.energy_j;
        L.bound = b.bound;
        L.hit_time_s = L.miss_time_s = b.time_s;
        L.hit_bound = L.miss_bound = b.bound;
        if (s.mode != ScenarioMode::PartialReuse || !ls.eligible || ls.effective_fraction <= 0) {
            fixed_sum += b.time_s;
            continue;
        }
        const double f = ls.effective_fraction;
        const CachedLayer k = cached_layer(m, b, ev.layers[i], f, rho);
        const double entry = k.entry;  // f·O, in the DRAM cache
        const double hit_bytes_no_fetch = k.hit_bytes_no_fetch;
        const Timed& hit_no_fetch = k.hit_no_fetch;
        const Timed& hit = k.hit;
        const Timed& miss = k.miss;
        L.cached = true;
        L.fraction = f;
        L.hit_time_s = hit.time_s;
        L.miss_time_s = miss.time_s;
        L.hit_bound = hit.bound;
        L.miss_bound = miss.bound;
        L.fetch_bytes = h * entry;
        L.insert_bytes = (1 - h) * entry;
        L.flops = (1 - rho * h * f) * b.flops;
        L.bytes = h * (hit_bytes_no_fetch + entry) + (1 - h) * (b.bytes + entry);
        L.time_s = h * hit.time_s + (1 - h) * miss.time_s;
        L.energy_j = (1 - rho * h * f) * b.compute_energy_j + L.bytes * m.dram_j + b.onchip_bytes * m.sram_j;
        L.bound = h >= 0.5 ? hit.bound : miss.bound;
        hit_sum += hit.time_s;
        miss_sum += miss.time_s;
        c.skipping_saves_s += h * (b.time_s - hit_no_fetch.time_s);
        c.cache_traffic_s += h * (hit.time_s - hit_no_fetch.time_s) + (1 - h) * (miss.time_s - b.time_s);
        ++c.cached_layers;
        if (b.bound == Bound::Memory) ++c.memory_bound_cached_layers;
    }
    c.bound = dominant(c.layers);

    // Student and lookup.
    if (s.mode != ScenarioMode::ResultCache) {
        switch (s.student_kind) {
        case StudentKind::Fraction:
            c.student_time_s = s.student_fraction * base.totals.time_s;
            c.student_energy_j = s.student_fraction * base.totals.energy_j;
            break;
        case StudentKind::Flops: {
            const Cost k = kernel_cost(m, s.student_flops, 0.0);
            c.student_time_s = k.time_s;
            c.student_energy_j = k.energy_j;
            break;
        }
        case StudentKind::Model: {
            Network student;
            std::string err;
            if (!build_model(s.student_model, net.input.h, net.input.w, student, err)) { c.error = err; return c; }
            const Evaluation sev = evaluate(student, counting);
            const RooflineResult sr2 = evaluate_roofline(student, sev, counting, device, options);
            if (!sr2.ok()) { c.error = "student " + s.student_model + ": " + sr2.error; return c; }
            c.student_time_s = sr2.totals.time_s;
            c.student_energy_j = sr2.totals.energy_j;
            break;
        }
        case StudentKind::Count_: break;
        }
    }
    const Cost lookup = kernel_cost(m, sr.lookup_flops, sr.lookup_bytes_read);
    c.lookup_time_s = lookup.time_s;
    c.lookup_energy_j = lookup.energy_j;

    // The network's time as a function of the rate x (h, or p for a cascade): linear in x.
    const double out_bytes = n > 0 ? as_double(ev.layers[n - 1].output_elements) * m.b : 0.0;
    const double out_time = out_bytes / m.bandwidth;
    auto network_time = [&](double x) {
        switch (s.mode) {
        case ScenarioMode::PartialReuse: return fixed_sum + x * hit_sum + (1 - x) * miss_sum;
        case ScenarioMode::Cascade: return (1 - x) * base.totals.time_s;
        case ScenarioMode::ResultCache: return (1 - x) * base.totals.time_s + out_time;  // read on a hit, write on a miss
        case ScenarioMode::Count_: break;
        }
        return 0.0;
    };
    const double rate = s.mode == ScenarioMode::Cascade ? s.accept_rate : h;
    const double others = c.student_time_s + c.lookup_time_s;
    c.network_time_s = network_time(rate);
    switch (s.mode) {
    case ScenarioMode::PartialReuse:
        c.network_energy_j = 0;
        c.network_bytes = 0;
        for (const LayerCachingTime& L : c.layers) {
            c.network_energy_j += L.energy_j;
            c.network_bytes += L.bytes;
        }
        break;
    case ScenarioMode::Cascade:
        c.network_energy_j = (1 - rate) * base.totals.energy_j;
        c.network_bytes = (1 - rate) * base.totals.bytes;
        break;
    case ScenarioMode::ResultCache:
        c.network_energy_j = (1 - rate) * base.totals.energy_j + out_bytes * m.dram_j;
        c.network_bytes = (1 - rate) * base.totals.bytes + out_bytes;
        break;
    case ScenarioMode::Count_: break;
    }
    c.total_time_s = c.network_time_s + others;
    c.total_energy_j = c.network_energy_j + c.student_energy_j + c.lookup_energy_j;
    c.total_bytes = c.network_bytes + sr.lookup_bytes_read;
    c.saved_time_s = c.baseline_time_s - c.total_time_s;
    c.saved_energy_j = c.baseline_energy_j - c.total_energy_j;
    c.percent_of_baseline_time = c.baseline_time_s > 0 ? c.total_time_s / c.baseline_time_s * 100.0 : 0.0;

    // Break-even: total(x) = T0 + (T1 − T0)·x ≤ baseline.
    const double t0 = network_time(0.0) + others, t1 = network_time(1.0) + others;
    if (t0 <= c.baseline_time_s) c.break_even_rate = 0.0;
    else if (t1 < t0) {
        const double x = (t0 - c.baseline_time_s) / (t0 - t1);
        if (x <= 1.0) c.break_even_rate = x;
    }
    if (s.mode != ScenarioMode::ResultCache && c.student_time_s + c.saved_time_s > 0)
        c.break_even_student_s = c.student_time_s + c.saved_time_s;

    if (sr.saved_flops > 0 && c.saved_time_s <= 0) c.time_warning = warning_sentence(c, device, options.precision);
    return c;
}

//-----------------------------------------------------------------------------
// [SECTION] Sweeps
//-----------------------------------------------------------------------------

std::vector<double> sweep_time(const CachingTime& ct, const Scenario& s, SweepParameter parameter, int points) {
    std::vector<double> out;
    if (points < 2 || !ct.ok() || parameter == SweepParameter::CachedFraction) return out;
    // Σ over layers of the hit and miss times (partial reuse), so each point is a few multiplications.
    double fixed = 0, hit = 0, miss = 0;
    for (const LayerCachingTime& l : ct.layers) {
        if (l.cached) { hit += l.hit_time_s; miss += l.miss_time_s; }
        else fixed += l.hit_time_s;
    }
    const double base = ct.baseline_time_s;
    const double rate = s.mode == ScenarioMode::Cascade ? s.accept_rate : s.hit_rate;
    const double result_io = ct.mode == ScenarioMode::ResultCache ? ct.network_time_s - (1 - rate) * base : 0.0;
    out.reserve(static_cast<std::size_t>(points));
    for (int i = 0; i < points; ++i) {
        const double x = static_cast<double>(i) / static_cast<double>(points - 1);
        const double r = parameter == SweepParameter::Rate ? x : rate;
        const double student = parameter == SweepParameter::StudentFraction ? x * base : ct.student_time_s;
        double network = 0;
        switch (ct.mode) {
        case ScenarioMode::PartialReuse: network = fixed + r * hit + (1 - r) * miss; break;
        case ScenarioMode::Cascade: network = (1 - r) * base; break;
        case ScenarioMode::ResultCache: network = (1 - r) * base + result_io; break;
        case ScenarioMode::Count_: break;
        }
        out.push_back(network + (ct.mode == ScenarioMode::ResultCache ? 0.0 : student) + ct.lookup_time_s);
    }
    return out;
}

std::vector<double> sweep_time_cached_fraction(const Network& net, const Evaluation& ev, const Counting& counting,
                                               const Scenario& s, const CachingTime& ct, const Device& device,
                                               const RooflineOptions& options, const RooflineResult& base,
                                               int points) {
    std::vector<double> out;
    const std::size_t n = ev.layers.size();
    if (points < 2 || !ct.ok() || !base.ok() || s.mode != ScenarioMode::PartialReuse || base.layers.size() != n ||
        net.layers.size() != n)
        return out;
    const Machine m = machine(device, options);
    // Which channels a global f caches on each layer (overrides, eligibility, tile rounding) is the
    // scenario engine's to say: each point asks evaluate_scenario. The student and the lookup do not
    // depend on f, so they come from `ct` and the point's scenario gets the cheapest student (a
    // fraction: no zoo model is built per point).
    Scenario at = s;
    at.student_kind = StudentKind::Fraction;
    const double others = ct.student_time_s + ct.lookup_time_s;
    out.reserve(static_cast<std::size_t>(points));
    for (int i = 0; i < points; ++i) {
        at.cached_fraction = static_cast<double>(i) / static_cast<double>(points - 1);
        const ScenarioResult sr = evaluate_scenario(net, ev, counting, at);
        if (!sr.ok() || sr.layers.size() != n) return {};
        double network = 0;
        for (std::size_t l = 0; l < n; ++l) {
            const LayerScenario& ls = sr.layers[l];
            if (!ls.eligible || ls.effective_fraction <= 0) {
                network += base.layers[l].time_s;
                continue;
            }
            const CachedLayer k = cached_layer(m, base.layers[l], ev.layers[l], ls.effective_fraction,
                                               s.truncation_efficiency);
            network += s.hit_rate * k.hit.time_s + (1 - s.hit_rate) * k.miss.time_s;
        }
        out.push_back(network + others);
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Text and JSON
//-----------------------------------------------------------------------------

namespace {

std::string with_prefix(double v, const char* unit) {
    if (!std::isfinite(v)) return "n/a";
    struct Prefix { double scale; const char* name; };
    static const Prefix prefixes[] = {{1, ""}, {1e-3, "m"}, {1e-6, "µ"}, {1e-9, "n"}};
    const double a = std::fabs(v);
    const Prefix* p = &prefixes[3];
    for (const Prefix& q : prefixes)
        if (a >= q.scale) { p = &q; break; }
    if (a == 0) p = &prefixes[0];
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g %s%s", v / p->scale, p->name, unit);
    return buf;
}

std::string str(const char* s) { return std::string("\"") + s + "\""; }  // fixed identifiers only, no escaping needed

// `"name": number` members (one out-of-line call each: this JSON is in the page's first load).
void num(JsonObject& o, const char* name, double v) { o.add(name, format_double(v)); }

void optional_num(JsonObject& o, const char* name, const std::optional<double>& v) {
    o.add(name, v ? format_double(*v) : "null");
}

} // namespace

std::string format_seconds(double s) { return with_prefix(s, "s"); }
std::string format_joules(double j) { return with_prefix(j, "J"); }

std::string roofline_json(const RooflineResult& r) {
    if (!r.ok()) return "null";
    JsonObject o;
    o.add("precision", str(precision_name(r.precision)));
    num(o, "peak_flops", r.peak_flops);
    num(o, "bandwidth", r.bandwidth);
    num(o, "ridge", r.ridge);
    std::string layers = "[";
    for (const LayerRoofline& l : r.layers) {
        JsonObject lo;
        num(lo, "flops", l.flops);
        num(lo, "bytes", l.bytes);
        num(lo, "onchip_bytes", l.onchip_bytes);
        num(lo, "intensity", l.intensity);
        num(lo, "time_s", l.time_s);
        num(lo, "energy_j", l.energy_j);
        lo.add("bound", str(bound_name(l.bound)));
        num(lo, "recompute_intensity", l.recompute_intensity);
        lo.add("time_verdict", str(verdict_name(l.time_verdict)));
        lo.add("energy_verdict", str(verdict_name(l.energy_verdict)));
        layers += (layers.size() > 1 ? ", " : "") + lo.text();
    }
    o.add("layers", layers + "]");
    const RooflineTotals& t = r.totals;
    JsonObject to;
    num(to, "flops", t.flops);
    num(to, "bytes", t.bytes);
    num(to, "time_s", t.time_s);
    num(to, "energy_j", t.energy_j);
    to.add("bound", str(bound_name(t.bound)));
    num(to, "inferences_per_s", t.inferences_per_s);
    num(to, "board_energy_j", t.board_energy_j);
    o.add("totals", to.text());
    return o.text();
}

std::string caching_time_json(const CachingTime& c) {
    if (!c.ok()) return "null";
    JsonObject o;
    num(o, "time_s", c.total_time_s);
    num(o, "energy_j", c.total_energy_j);
    num(o, "bytes", c.total_bytes);
    o.add("bound", str(bound_name(c.bound)));
    num(o, "baseline_time_s", c.baseline_time_s);
    num(o, "baseline_energy_j", c.baseline_energy_j);
    num(o, "saved_time_s", c.saved_time_s);
    num(o, "saved_energy_j", c.saved_energy_j);
    num(o, "percent_of_baseline_time", c.percent_of_baseline_time);
    num(o, "student_time_s", c.student_time_s);
    num(o, "lookup_time_s", c.lookup_time_s);
    num(o, "skipping_saves_s", c.skipping_saves_s);
    num(o, "cache_traffic_s", c.cache_traffic_s);
    optional_num(o, "break_even_rate", c.break_even_rate);
    optional_num(o, "break_even_student_s", c.break_even_student_s);
    std::string layers = "[";
    for (const LayerCachingTime& l : c.layers) {
        JsonObject lo;
        lo.add("cached", l.cached ? "true" : "false");
        num(lo, "fraction", l.fraction);
        num(lo, "time_s", l.time_s);
        num(lo, "energy_j", l.energy_j);
        num(lo, "bytes", l.bytes);
        lo.add("bound", str(bound_name(l.bound)));
        num(lo, "fetch_bytes", l.fetch_bytes);
        num(lo, "insert_bytes", l.insert_bytes);
        layers += (layers.size() > 1 ? ", " : "") + lo.text();
    }
    o.add("layers", layers + "]");
    return o.text();
}

} // namespace flopscope
