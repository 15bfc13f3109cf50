// Flopscope core — the caching scenario engine.
//
// Expected cost per inference, with every term kept apart (../shared/design/caching-cost-models.md §3),
// for three modes: partial reuse inside the network, a cascade (the student answers first) and a result
// cache in front of it. Each mode's formula, in words, is its ModeInfo::formula (mode_info(), below); in
// code it is one function per mode (scenario.cpp, mode_total) that evaluate_scenario and sweep both call.
// C_l is a layer's FLOPs under the counting convention, B the whole network's FLOPs, T the touched
// (eligible) layers' FLOPs, S the student's cost, L the lookup cost.
//
// The student fraction σ is always S / B, the share of the WHOLE network (the seed's "the student costs
// 50 % of the network"), in the input, the results, the break-even and the sweeps alike.
//
// Break-even values are the swept parameter's own value where the cost meets the baseline B, found on the
// same (tile-rounded) cost function the sweep draws: the nominal global f, the rate h or p, and σ. A value
// at or beyond the end of its range is "never" (std::nullopt).
//
// [SECTION] Parameters
// [SECTION] Modes
// [SECTION] Presets
// [SECTION] Results
// [SECTION] Evaluation and sweeps
#pragma once

#include "core/enum_names.h"
#include "core/network.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Parameters
//-----------------------------------------------------------------------------

// Count_ ends each enum (core/enum_names.h).
enum class ScenarioMode : std::uint8_t { PartialReuse, Cascade, ResultCache, Count_ };
enum class StudentKind : std::uint8_t { Fraction, Flops, Model, Count_ };
enum class LookupKind : std::uint8_t { Flops, NearestNeighbour, Count_ };
enum class Precision : std::uint8_t { FP32, FP16, INT8, Count_ };

// As links, the CLI and JSON write them (mode_info(m).name); what the pickers call them (a mode's
// label is mode_info(m).label).
inline constexpr EnumNames<ScenarioMode> kScenarioModeNames{"partial", "cascade", "result_cache"};
inline constexpr EnumNames<StudentKind> kStudentKindLabels{"fraction σ", "FLOPs", "model"};
inline constexpr EnumNames<LookupKind> kLookupKindLabels{"FLOPs", "nearest neighbour"};
// A precision in links, the CLI and JSON, and as messages and the UI show it.
inline constexpr EnumNames<Precision> kPrecisionNames{"fp32", "fp16", "int8"};
inline constexpr EnumNames<Precision> kPrecisionLabels{"FP32", "FP16", "INT8"};

inline const char* mode_name(ScenarioMode m) { return kScenarioModeNames.name(m); }
inline const char* precision_name(Precision p) { return kPrecisionNames.name(p); }
inline const char* precision_label(Precision p) { return kPrecisionLabels.name(p); }
std::int64_t bytes_per_element(Precision p);    // 4, 2, 1
// Activations (the model tab, the layer table, the CLI's table, CSV and JSON) are counted at FP32.
inline constexpr Precision kActivationPrecision = Precision::FP32;
// Bytes of `elements` activations at kActivationPrecision, for display.
double activation_bytes(std::int64_t elements);
inline bool parse_mode(std::string_view s, ScenarioMode& out) { return kScenarioModeNames.parse(s, out); }
inline bool parse_precision(std::string_view s, Precision& out) { return kPrecisionNames.parse(s, out); }

struct LayerFraction {
    int layer = 0;          // index into the network's layers
    double fraction = 0.0;  // f_l for that layer, overriding the global fraction
    friend bool operator==(const LayerFraction&, const LayerFraction&) = default;
};

struct Scenario {
    std::string name = "optimistic";  // a preset's name, or "custom" once edited
    ScenarioMode mode = ScenarioMode::PartialReuse;

    // Partial reuse. Cache-eligible layers are the conv and linear layers with index in
    // [eligible_first, eligible_last] (eligible_last = -1: through the last layer).
    double cached_fraction = 0.2;            // f: fraction of output channels served from the cache
    std::vector<LayerFraction> overrides;    // per-layer f_l (sorted by layer, unique)
    int eligible_first = 0;
    int eligible_last = -1;
    double truncation_efficiency = 1.0;      // ρ: 1 = skipped channels cost nothing, 0 = all recomputed
    std::int64_t channel_granularity = 0;    // g: 0 = no rounding; else kept channels round up to multiples of g

    double hit_rate = 1.0;                   // h (partial reuse and result cache)
    double accept_rate = 0.0;                // p: cascade, fraction answered by the student alone

    StudentKind student_kind = StudentKind::Fraction;
    double student_fraction = 0.5;           // σ = S / B: S as a fraction of the whole network's FLOPs
    double student_flops = 0.0;              // S in FLOPs
    std::string student_model;               // S as a zoo model at the same input resolution

    LookupKind lookup_kind = LookupKind::Flops;
    double lookup_flops = 0.0;               // L in FLOPs (LookupKind::Flops)
    std::int64_t key_dim = 512;              // d for nearest-neighbour search: L = 2·d·E FLOPs, d·E·b bytes read

    std::int64_t cache_entries = 1;          // E: entries in the cache (memory, and nearest-neighbour search)
    Precision precision = Precision::FP32;   // b for cache memory

    friend bool operator==(const Scenario&, const Scenario&) = default;
};

// Limits applied by validate(): fractions in [0, 1], counts within these.
inline constexpr std::int64_t kMaxCacheEntries = 1'000'000'000;
inline constexpr std::int64_t kMaxKeyDim = 1 << 20;
inline constexpr std::int64_t kMaxGranularity = 4096;
inline constexpr double kMaxAbsoluteFlops = 1e18;

// "" when every field is in range; else a message naming the field (NaN and infinities are rejected).
std::string validate(const Scenario& s);

//-----------------------------------------------------------------------------
// [SECTION] Modes
//-----------------------------------------------------------------------------

// What a mode is called, which parameters it reads and its formulas in words: the one place the views,
// the CLI's help and the reports take them from.
struct ModeInfo {
    ScenarioMode mode;
    const char* name;              // "partial": the link's, CLI's and JSON's name
    const char* label;             // "Partial reuse inside the network"
    const char* description;       // one line: what is cached and where
    bool caches_channels;          // f, ρ, g and the eligible layers apply (and the per-layer cache memory)
    bool has_student;              // S applies
    const char* rate_symbol;       // "h" or "p"
    const char* rate_name;         // "hit rate" or "accept rate"
    const char* rate_help;         // what the rate means, one sentence
    const char* formula;           // "cost = S + L + Σ_l (1 − ρ·h·f_l)·C_l"
    const char* break_even_label;  // "Break-even hit rate"
    const char* break_even_formula;// "h* = (S + L) / (ρ·Σ_l f_l·C_l)"
};
const ModeInfo& mode_info(ScenarioMode m);
inline constexpr int kScenarioModeCount = static_cast<int>(ScenarioMode::Count_);
// The mode's rate as set in `s`: the accept rate p in cascade mode, else the hit rate h.
double mode_rate(const Scenario& s);

//-----------------------------------------------------------------------------
// [SECTION] Presets
//-----------------------------------------------------------------------------

// The seed notebook's three scenarios, all with a student costing 50 % of the network:
//   optimistic  20 % of output channels from the cache, skipped for free (ρ = 1, h = 1): 130 %
//   realistic   everything still computed (ρ = 0), plus the student: 150 %
//   full        all outputs reused (f = 1), only the student runs: 50 %
struct ScenarioPreset {
    const char* name;
    const char* label;        // what it really is, e.g. "partial reuse (ideal truncation)"
    const char* description;  // one line
    Scenario scenario;
};
const std::vector<ScenarioPreset>& scenario_presets();
const ScenarioPreset* find_preset(std::string_view name);
// The preset whose parameters `s` has (its name aside), or nullptr. A link such as `#v=1&f=0.3` keeps the
// default name "optimistic" with other values: every output then calls it "custom", as it is.
const ScenarioPreset* matching_preset(const Scenario& s);

//-----------------------------------------------------------------------------
// [SECTION] Results
//-----------------------------------------------------------------------------

struct LayerScenario {
    bool eligible = false;
    double nominal_fraction = 0.0;    // f_l as set
    double effective_fraction = 0.0;  // after channel-granularity rounding
    double cost = 0.0;                // C_l
    double cost_after = 0.0;          // (1 − ρ·h·f_l)·C_l for eligible layers, else C_l
};

struct ScenarioResult {
    std::string error;  // empty when valid
    bool ok() const { return error.empty(); }

    ScenarioMode mode = ScenarioMode::PartialReuse;
    double baseline_flops = 0;   // the whole network without caching
    double touched_flops = 0;    // T: eligible layers (partial reuse) or the whole network
    double computed_flops = 0;   // the network's FLOPs still computed with caching
    double student_flops = 0;    // S
    double lookup_flops = 0;     // L
    double total_flops = 0;      // S + L + computed
    double saved_flops = 0;      // baseline − total (negative: caching costs more)
    double percent_of_baseline = 0;
    double percent_saved = 0;    // saved / baseline × 100 (negative: costs more; 0 without FLOPs)

    double student_fraction = 0;  // σ = S / B, the unit of Scenario::student_fraction
    double lookup_fraction = 0;   // L / B
    double mean_nominal_fraction = 0, mean_effective_fraction = 0;  // FLOP-weighted over touched layers

    // Where the cost meets the baseline, each in the unit of the input it stands for. Caching pays off
    // above the rate and the cached fraction and below the student fraction; std::nullopt: never.
    std::optional<double> break_even_rate;              // h* (cascade: p*)
    std::optional<double> break_even_cached_fraction;   // the global nominal f* (partial reuse; 1: a tile step, only all)
    std::optional<double> break_even_student_fraction;  // σ* = S* / B: the largest student that pays off
    // Channel tiles make the cost a staircase in f: at a step f* itself already pays off ("at least f*");
    // on a straight stretch f* only breaks even ("more than f*").
    bool break_even_cached_fraction_is_step = false;

    // Cache memory. Per entry: a per-layer partial cache stores f_l of each eligible output; a cut-point
    // cache stores the tensors crossing the cut after the last eligible layer.
    std::int64_t bytes_per_element = 4;
    double partial_cache_elements_per_entry = 0;
    std::uint64_t cut_point_elements_per_entry = 0;
    double partial_cache_bytes_per_entry = 0;
    double cut_point_bytes_per_entry = 0;
    double key_bytes_per_entry = 0;      // d·b for nearest-neighbour keys
    double partial_cache_bytes_total = 0;  // E × (entry + key)
    double cut_point_bytes_total = 0;
    double lookup_bytes_read = 0;        // nearest neighbour: d·E·b

    // When the network is part of a larger one (resnet18_seed ⊂ resnet18): the larger network's FLOPs
    // and the with-caching cost with the untouched rest added, as a percent of it.
    std::string full_network;
    double full_network_flops = 0;
    double percent_of_full_network = 0;

    std::vector<LayerScenario> layers;
};

//-----------------------------------------------------------------------------
// [SECTION] Evaluation and sweeps
//-----------------------------------------------------------------------------

// Evaluates `s` on a network already evaluated with `counting`. `part_of` names a larger zoo network
// this one belongs to ("" for none). Never throws; an invalid scenario gives a result with `error`.
ScenarioResult evaluate_scenario(const Network& net, const Evaluation& ev, const Counting& counting,
                                 const Scenario& s, std::string_view part_of = {});

// Rate: the mode's rate (h, or p in cascade mode). StudentFraction: σ = S / B.
enum class SweepParameter : std::uint8_t { CachedFraction, Rate, StudentFraction };

// The break-even of the swept parameter (the value a chart of `sweep(…, parameter, …)` marks).
std::optional<double> break_even(const ScenarioResult& r, SweepParameter parameter);

// Total cost with caching at `points` evenly spaced values of the parameter in [0, 1] (points ≥ 2), by
// the same formula evaluate_scenario uses.
std::vector<double> sweep(const Network& net, const Evaluation& ev, const Counting& counting, const Scenario& s,
                          SweepParameter parameter, int points);

} // namespace flopscope
