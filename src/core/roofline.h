// Flopscope core — roofline time and energy per layer on a device, and caching judged in seconds and
// joules (../shared/design/caching-cost-models.md §3.7, §4).
//
// Per layer l, at b bytes per element (Precision):
//   FLOPs_l  = 2·MACs_l + the element-wise ops the counting convention counts (a peak counts an FMA as 2,
//              whatever the convention's FLOPs-per-MAC)
//   bytes_l  = b·(unpadded input elements + parameters + output elements): the input, the weights (÷ groups)
//              and bias, the output — read or written once each (compulsory traffic; layer_traffic_bytes)
//              With `activations_on_chip`, a layer output whose b·elements fit the on-chip buffer is
//              neither written to DRAM nor read back by its consumers (it still costs SRAM energy).
//   AI_l     = FLOPs_l / bytes_l
//   t_l      = max(FLOPs_l/(η_c·P), bytes_l/(η_m·B)) + repeat·t_overhead; the bound is whichever term is largest
//   E_l      = MACs_l·E_MAC(prec) + DRAM bytes·E_DRAM + on-chip bytes·E_SRAM, all × energy_scale
//              (MACs_l: the convention's MACs, i.e. dense MACs + counted element-wise ops)
// Layers the FLOP convention counts as zero (batch norm, activations, pooling, adds, concat) still move
// bytes, so they take time and energy.
//
// Caching (partial reuse, per cached layer with effective fraction f from the scenario, hit rate h,
// truncation efficiency ρ; I, W, O its input, weight and output bytes):
//   hit   FLOPs (1 − ρf)·F,  bytes I + (1 − ρf)·(W + O) + f·O   (truncation shrinks weights and outputs,
//                                                                  and the cached channels are fetched)
//   miss  FLOPs F,           bytes I + W + O + f·O              (the cached channels are written to the cache)
//   expected time h·t_hit + (1 − h)·t_miss (the roofline is applied per case, then averaged)
// plus the student (a zoo model: its own roofline; a fraction σ: σ × the network's time and energy; a
// FLOP count: compute-bound) and the lookup (its FLOPs and bytes). Cascade: student + lookup + (1 − p)·the
// network. Result cache: lookup + (1 − h)·the network + reading (hit) or writing (miss) the network's output.
// Every total is linear in the rate (h or p), so the break-even rate in time is exact.
//
// [SECTION] Options and constants
// [SECTION] Per-layer roofline
// [SECTION] Caching in time and energy
// [SECTION] Text and JSON
#pragma once

#include "core/device.h"
#include "core/network.h"
#include "core/scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Options and constants
//-----------------------------------------------------------------------------

// Energy per operation at 45 nm, 0.9 V (Horowitz, ISSCC 2014; note §4.4):
//   per MAC: FP32 mult 3.7 + add 0.9 = 4.6 pJ; FP16 1.1 + 0.4 = 1.5 pJ; INT8 mult 0.2 + 32-bit add 0.1 = 0.3 pJ
//   DRAM: 640 pJ per 32-bit access (Han et al.) = 160 pJ/B;  8 KB SRAM: 10 pJ per 64-bit read = 1.25 pJ/B
double mac_energy_pj(Precision p);
inline constexpr double kDramPjPerByte = 160.0;
inline constexpr double kSramPjPerByte = 1.25;

struct RooflineOptions {
    Precision precision = Precision::FP32;  // b and the peak used; bind it to Scenario::precision (one field)
    bool sparse = false;                    // use the 2:4-sparse peak instead of the dense one (§5.3)
    double compute_efficiency = 1.0;        // η_c in (0, 1]: achievable fraction of the peak; 1 = pure roofline
    double memory_efficiency = 1.0;         // η_m in (0, 1]: achievable fraction of the bandwidth
    double layer_overhead_s = 0.0;          // t_overhead per layer (each repeat a kernel), 0…1 s
    bool activations_on_chip = false;       // outputs that fit the on-chip buffer skip DRAM
    double energy_scale = 1.0;              // × the 45 nm constants (technology scaling), (0, 1000]
    friend bool operator==(const RooflineOptions&, const RooflineOptions&) = default;
};
inline constexpr double kMaxLayerOverhead = 1.0;
inline constexpr double kMaxEnergyScale = 1000.0;

// "" when valid, else a message naming the option (NaN, 0 or above-1 efficiencies, negative overhead...).
std::string validate_roofline_options(const RooflineOptions& o);

//-----------------------------------------------------------------------------
// [SECTION] Per-layer roofline
//-----------------------------------------------------------------------------

enum class Bound : std::uint8_t { Compute, Memory, Overhead, Count_ };
inline constexpr EnumNames<Bound> kBoundNames{"compute", "memory", "overhead"};
inline const char* bound_name(Bound b) { return kBoundNames.name(b); }

// Fetching a cached output element versus recomputing it (§3.7). Time: fetch wins iff the recompute
// intensity 2·K²·C_in/b (FLOPs per output element per byte) exceeds the ridge η_c·P/(η_m·B). Energy:
// fetch wins iff K²·C_in·E_MAC > b·E_DRAM.
enum class Verdict : std::uint8_t { None, Fetch, Recompute, Even, Count_ };  // None: the layer has no MACs
inline constexpr EnumNames<Verdict> kVerdictNames{"", "fetch", "recompute", "even"};
inline const char* verdict_name(Verdict v) { return kVerdictNames.name(v); }

struct LayerRoofline {
    double flops = 0;          // 2·MACs + counted element-wise ops
    double macs = 0;           // the convention's MACs (energy)
    double input_bytes = 0;    // DRAM bytes read from the inputs
    double weight_bytes = 0;   // parameters: weights ÷ groups, bias, batch-norm scale and shift
    double output_bytes = 0;   // DRAM bytes written
    double onchip_bytes = 0;   // activation bytes that stayed on chip (activations_on_chip)
    double bytes = 0;          // input + weight + output (DRAM)
    double intensity = 0;      // flops / bytes (+inf when nothing moves through DRAM)
    double compute_s = 0, memory_s = 0, overhead_s = 0;
    double time_s = 0;         // max(compute, memory) + overhead
    Bound bound = Bound::Overhead;
    double compute_energy_j = 0, memory_energy_j = 0, energy_j = 0;

    double recompute_intensity = 0;   // FLOPs per output element ÷ b (0 without MACs)
    Verdict time_verdict = Verdict::None;
    double recompute_pj = 0;          // energy to recompute one output element (MACs per element · E_MAC)
    double fetch_pj = 0;              // energy to fetch it from DRAM (b · E_DRAM)
    Verdict energy_verdict = Verdict::None;
};

struct RooflineTotals {
    double flops = 0, macs = 0, bytes = 0, onchip_bytes = 0;
    double time_s = 0, energy_j = 0;
    double compute_s = 0, memory_s = 0, overhead_s = 0;  // Σ time of the compute-, memory-, overhead-bound layers
    Bound bound = Bound::Overhead;      // the bound that takes the largest share of the time
    int compute_bound_layers = 0, memory_bound_layers = 0, overhead_bound_layers = 0;
    double inferences_per_s = 0;        // 1 / time_s (0 when time is 0)
    double board_energy_j = 0;          // power × time: the device-level upper bound (0 when power unknown)
};

struct RooflineResult {
    std::string error;  // "" when valid
    bool ok() const { return error.empty(); }
    std::string device;         // the device's name
    std::string device_label;
    Precision precision = Precision::FP32;
    double peak_flops = 0;      // P (dense unless options.sparse)
    double bandwidth = 0;       // B
    double ridge = 0;           // η_c·P / (η_m·B), FLOP per byte
    std::int64_t bytes_per_element = 4;
    std::vector<LayerRoofline> layers;
    RooflineTotals totals;
};

// The roofline of a network already evaluated with `counting`. Never throws; a bad device, option or
// network gives a result whose `error` says what is wrong.
RooflineResult evaluate_roofline(const Network& net, const Evaluation& ev, const Counting& counting,
                                 const Device& device, const RooflineOptions& options);

//-----------------------------------------------------------------------------
// [SECTION] Caching in time and energy
//-----------------------------------------------------------------------------

struct LayerCachingTime {
    bool cached = false;       // eligible with an effective fraction above 0 (partial reuse)
    double fraction = 0;       // f: the scenario's effective (granularity-rounded) fraction
    double hit_time_s = 0, miss_time_s = 0;
    Bound hit_bound = Bound::Overhead, miss_bound = Bound::Overhead;
    double fetch_bytes = 0;    // expected: h·f·O
    double insert_bytes = 0;   // expected: (1 − h)·f·O
    double flops = 0, bytes = 0, time_s = 0, energy_j = 0;  // expected per inference
    Bound bound = Bound::Overhead;  // of the more likely case (hit when h ≥ 0.5)
};

struct CachingTime {
    std::string error;
    bool ok() const { return error.empty(); }
    ScenarioMode mode = ScenarioMode::PartialReuse;

    double baseline_time_s = 0, baseline_energy_j = 0, baseline_bytes = 0;
    double network_time_s = 0, network_energy_j = 0, network_bytes = 0;  // the network's layers with caching
    double student_time_s = 0, student_energy_j = 0;
    double lookup_time_s = 0, lookup_energy_j = 0;
    double total_time_s = 0, total_energy_j = 0, total_bytes = 0;
    double saved_time_s = 0, saved_energy_j = 0;  // baseline − total (negative: caching costs more)
    double percent_of_baseline_time = 0;
    Bound bound = Bound::Overhead;                 // of the network's layers with caching, by time share

    // Where the time goes (partial reuse): total saved = skipping − cache traffic − student − lookup.
    double skipping_saves_s = 0;   // skipping the cached FLOPs and the truncated weights and outputs
    double cache_traffic_s = 0;    // what fetching (hits) and writing (misses) the cache entries adds
    int cached_layers = 0, memory_bound_cached_layers = 0;  // bound without caching

    std::optional<double> break_even_rate;        // h (cascade: p) at which time breaks even; none in [0, 1]
    std::optional<double> break_even_student_s;   // the largest student time that still breaks even

    // One plain sentence when the FLOPs say caching pays and the time says it does not, naming the cause;
    // "" otherwise.
    std::string time_warning;

    std::vector<LayerCachingTime> layers;  // one per network layer
};

// The scenario `s` (already evaluated into `sr` on the same network) in time and energy on `device`.
// `base` is evaluate_roofline() of the network with the same device and options.
CachingTime evaluate_caching_time(const Network& net, const Evaluation& ev, const Counting& counting,
                                  const Scenario& s, const ScenarioResult& sr, const Device& device,
                                  const RooflineOptions& options, const RooflineResult& base);

// Total time per inference at `points` evenly spaced values in [0, 1] of the hit rate (cascade: accept
// rate) or the student fraction (StudentKind::Fraction's σ). Empty for CachedFraction (see below) or
// invalid input.
std::vector<double> sweep_time(const CachingTime& ct, const Scenario& s, SweepParameter parameter, int points);

// Total time per inference at `points` evenly spaced values in [0, 1] of the global cached fraction f
// (partial reuse; per-layer overrides stay as set). Each point's effective per-layer fractions come from
// evaluate_scenario (channel tiles, eligibility), its layers' times from the same per-layer roofline as
// evaluate_caching_time; `ct` is that function's result for `s` (its student and lookup times are
// reused). Empty for another mode or invalid input.
std::vector<double> sweep_time_cached_fraction(const Network& net, const Evaluation& ev, const Counting& counting,
                                               const Scenario& s, const CachingTime& ct, const Device& device,
                                               const RooflineOptions& options, const RooflineResult& base,
                                               int points);

//-----------------------------------------------------------------------------
// [SECTION] Text and JSON
//-----------------------------------------------------------------------------

// Seconds and joules with a unit prefix and three significant digits: "48.9 µs", "0.300 ms", "1.23 s";
// "4.85 mJ".
std::string format_seconds(double s);
std::string format_joules(double j);

// JSON objects for the CLI and the page's resultsJson() (numbers in report.h's format_double); "null"
// for a result with an error. Layers are in network order, one per layer, so they line up with the
// report's own "layers" array. Free text (the device's name and label, the time warning) is left to the
// report, which has the JSON string escaper.
// {"precision", "peak_flops", "bandwidth", "ridge",
//  "layers": [{"flops", "bytes", "onchip_bytes", "intensity", "time_s", "energy_j", "bound",
//              "recompute_intensity", "time_verdict", "energy_verdict"}],
//  "totals": {"flops", "bytes", "time_s", "energy_j", "bound", "inferences_per_s", "board_energy_j"}}
std::string roofline_json(const RooflineResult& r);
// {"time_s", "energy_j", "bytes", "bound", "baseline_time_s", "baseline_energy_j", "saved_time_s",
//  "saved_energy_j", "percent_of_baseline_time", "student_time_s", "lookup_time_s", "skipping_saves_s",
//  "cache_traffic_s", "break_even_rate", "break_even_student_s",
//  "layers": [{"cached", "fraction", "time_s", "energy_j", "bytes", "bound", "fetch_bytes", "insert_bytes"}]}
std::string caching_time_json(const CachingTime& c);

} // namespace flopscope
