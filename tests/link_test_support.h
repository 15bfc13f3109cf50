// Helpers shared by the link codec's tests (link_roundtrip_test.cpp, link_malformed_test.cpp): round-trip
// checks, random states with every field in play, and the aggregate field counter of the tripwire.
#pragma once

#include "core/conventions.h"
#include "core/link.h"
#include "core/report.h"
#include "core/state.h"
#include "core/text.h"
#include "core/zoo.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

using namespace flopscope;

namespace link_tests {

// ---- helpers -------------------------------------------------------------------------------------

inline bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

inline std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += "[" + s + "] ";
    return out;
}

// True when one of the problems contains `part`.
inline bool mentions(const LinkDecode& d, std::string_view part) {
    return std::any_of(d.problems.begin(), d.problems.end(),
                       [&](const std::string& p) { return p.find(part) != std::string::npos; });
}

// decode(encode(s)) == s with no problems, the canonical link re-encodes to itself, and (optionally)
// the results are identical to the bit (the JSON prints every double in its shortest exact form).
inline void check_round_trip(const State& s, bool compare_results = false) {
    const std::string link = encode_link(s);
    State back;
    const LinkDecode d = decode_link(link, back);
    INFO("link: " << link);
    INFO("problems: " << joined(d.problems));
    CHECK(d.ok());
    CHECK(back == s);
    CHECK(encode_link(back) == link);
    if (compare_results) CHECK(results_json(back) == results_json(s));
}

// ---- aggregate field counting (so a new field in a type the link carries fails here) --------------

struct AnyField {
    template <typename T>
    operator T() const;  // NOLINT: only used in unevaluated contexts
};

template <typename T, typename... A>
constexpr std::size_t field_count() {
    if constexpr (requires { T{std::declval<A>()..., std::declval<AnyField>()}; })
        return field_count<T, A..., AnyField>();
    else
        return sizeof...(A);
}

// ---- random states -------------------------------------------------------------------------------

class Random {
public:
    explicit Random(std::uint64_t seed) : rng_(seed) {}
    std::int64_t integer(std::int64_t lo, std::int64_t hi) { return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    template <typename T>
    const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(integer(0, static_cast<std::int64_t>(v.size()) - 1))]; }

    // A value in [lo, hi] in one of many shapes: ends, -0, denormals, next to the ends, short decimals,
    // full 17-digit values, small and huge magnitudes.
    double real(double lo, double hi) {
        switch (integer(0, 9)) {
        case 0: return lo;
        case 1: return hi;
        case 2: return lo == 0 ? -0.0 : lo;
        case 3: return lo == 0 ? std::numeric_limits<double>::denorm_min() * static_cast<double>(integer(1, 1000)) : lo;
        case 4: return std::nextafter(hi, lo);
        case 5: return std::nextafter(lo, hi);
        case 6: return std::round(std::uniform_real_distribution<double>(lo, hi)(rng_) * 100) / 100;
        case 7: return std::min(hi, std::ldexp(1.0, static_cast<int>(integer(-1074, 0))) * (hi - lo) + lo);
        default: return std::uniform_real_distribution<double>(lo, hi)(rng_);
        }
    }
    std::int64_t size(std::int64_t lo, std::int64_t hi) {
        switch (integer(0, 3)) {
        case 0: return lo;
        case 1: return hi;
        case 2: return integer(lo, std::min(hi, lo + 8));
        default: return integer(lo, hi);
        }
    }
    // Names with every kind of byte the format must carry: separators, '%', HTML, UTF-8, spaces.
    std::string name(std::size_t max_bytes = kMaxLinkNameBytes) {
        static const std::vector<std::string> parts = {
            "conv", "1", ".", "_", "-", "~", ":", ",", "&", "=", "#", "%", "+", " ", "/", "?", "x", "<script>",
            "alert(1)", "</script>", "\"", "'", "<b>", "é", "Ω", "日本", "🙂", "layer4.1.conv2", "%41", "A"};
        std::string out;
        const std::int64_t n = integer(1, 6);
        for (std::int64_t i = 0; i < n; ++i) {
            const std::string& p = pick(parts);
            if (out.size() + p.size() > max_bytes) break;
            out += p;
        }
        return out.empty() ? "n" : out;
    }

private:
    std::mt19937_64 rng_;
};

inline Layer random_layer(Random& r, int index) {
    Layer l;
    if (r.chance(0.7)) l.name = r.name();
    l.kind = static_cast<LayerKind>(r.integer(0, kLayerKindCount - 1));
    if (r.chance(0.3)) {
        const std::int64_t n = r.integer(1, 4);
        for (std::int64_t k = 0; k < n; ++k) l.inputs.push_back(static_cast<int>(r.integer(-1, std::max(index + 2, 0))));
    }
    auto maybe = [&](std::int64_t& v, std::int64_t lo, std::int64_t hi) {
        if (r.chance(0.3)) v = r.size(lo, hi);
    };
    auto maybe_pair = [&](std::int64_t& a, std::int64_t& b, std::int64_t lo, std::int64_t hi) {
        if (r.chance(0.3)) {
            a = r.size(lo, hi);
            b = r.chance(0.5) ? a : r.size(lo, hi);
        }
    };
    maybe(l.out_channels, 0, kMaxChannels);
    maybe_pair(l.kernel_h, l.kernel_w, 1, kMaxKernel);
    maybe_pair(l.stride_h, l.stride_w, 1, kMaxKernel);
    maybe_pair(l.pad_h, l.pad_w, 0, kMaxPadding);
    maybe_pair(l.dilation_h, l.dilation_w, 1, kMaxKernel);
    maybe(l.groups, 1, kMaxChannels);
    maybe_pair(l.out_h, l.out_w, 0, kMaxSpatial);
    maybe(l.in_channels, 0, kMaxChannels);
    maybe(l.repeat, 1, kMaxRepeat);
    if (r.chance(0.2)) l.bias = true;
    if (r.chance(0.2)) l.ceil_mode = true;
    if (r.chance(0.2)) l.explicit_shape = true;
    if (r.chance(0.3)) l.activation = static_cast<ActivationKind>(r.integer(0, kActivationKindCount - 1));
    if (r.chance(0.3)) l.pool = static_cast<PoolKind>(r.integer(0, kPoolKindCount - 1));
    return l;
}

inline std::vector<std::string> zoo_names() {
    std::vector<std::string> names;
    for (const ModelInfo& m : model_zoo()) names.push_back(m.name);
    return names;
}

inline State random_state(Random& r) {
    static const std::vector<std::string> models = zoo_names();
    State s = default_state();
    if (r.chance(0.5)) {
        s.model = r.chance(0.4) ? std::string(kCustomModel) : r.pick(models);
        if (s.model != kCustomModel) {
            const ModelInfo* m = find_model(s.model);
            s.input_h = r.chance(0.5) ? m->default_resolution : r.integer(m->min_resolution, 512);
            s.input_w = r.chance(0.5) ? s.input_h : r.integer(m->min_resolution, 512);
        }
    }
    if (s.model == kCustomModel || r.chance(0.1)) {
        if (s.model == kCustomModel && r.chance(0.5)) s.input_h = r.size(1, kMaxSpatial), s.input_w = r.chance(0.5) ? s.input_h : r.size(1, kMaxSpatial);
        if (r.chance(0.5)) s.input_c = r.size(1, kMaxChannels);
        const std::int64_t n = r.integer(0, 40);
        for (std::int64_t i = 0; i < n; ++i) s.custom.layers.push_back(random_layer(r, static_cast<int>(i)));
        if (r.chance(0.7)) {  // as the page sets them
            s.custom.name = kCustomModel;
            s.custom.input = Shape{s.input_c, s.input_h, s.input_w};
        }
        if (r.chance(0.1)) s.custom.name = r.name();
        if (r.chance(0.1)) s.custom.input = Shape{r.size(1, kMaxChannels), r.size(1, kMaxSpatial), r.size(1, kMaxSpatial)};
    }
    if (r.chance(0.3)) {
        const auto& all = conventions();
        s.convention = r.chance(0.3) ? std::string("custom")
                                     : all[static_cast<std::size_t>(r.integer(0, static_cast<std::int64_t>(all.size()) - 1))].name;
        if (const Convention* c = find_convention(s.convention)) s.counting = c->counting;
        Counting& k = s.counting;
        if (r.chance(0.5)) {
            k.bias = r.chance(0.5);
            k.batchnorm = r.chance(0.5);
            k.activations = r.chance(0.5);
            k.pooling = r.chance(0.5);
            k.elementwise = r.chance(0.5);
            k.flops_per_mac = static_cast<int>(r.integer(1, 2));
        }
        if (r.chance(0.5)) {
            k.linear_bias = r.chance(0.5);
            k.batchnorm_ops = static_cast<int>(r.size(0, std::numeric_limits<int>::max()));
            k.batchnorm_per_channel = r.chance(0.5);
            k.activation_ops = static_cast<int>(r.size(0, std::numeric_limits<int>::max()));
            k.activation_kinds = static_cast<std::uint32_t>(r.integer(0, kAllActivationKinds));
            k.pool_rule = static_cast<PoolRule>(r.integer(0, 3));
            k.pool_kinds = static_cast<std::uint32_t>(r.integer(0, kAllPoolKinds));
            k.elementwise_mul = r.chance(0.5);
        }
    }
    if (r.chance(0.1)) s.scenario_enabled = false;

    Scenario& sc = s.scenario;
    if (r.chance(0.5)) {
        const auto& presets = scenario_presets();
        sc = presets[static_cast<std::size_t>(r.integer(0, static_cast<std::int64_t>(presets.size()) - 1))].scenario;
    }
    if (r.chance(0.6)) {
        if (r.chance(0.7)) sc.name = "custom";
        if (r.chance(0.4)) sc.mode = static_cast<ScenarioMode>(r.integer(0, 2));
        if (r.chance(0.5)) sc.cached_fraction = r.real(0, 1);
        if (r.chance(0.3)) {
            int layer = -1;
            const std::int64_t n = r.integer(0, 12);
            for (std::int64_t k = 0; k < n && layer < kMaxLayers - 1; ++k) {
                layer = static_cast<int>(std::min<std::int64_t>(kMaxLayers - 1, layer + r.size(1, 3000)));
                sc.overrides.push_back({layer, r.real(0, 1)});
            }
        }
        if (r.chance(0.3)) {
            sc.eligible_first = static_cast<int>(r.size(0, kMaxLayers - 1));
            sc.eligible_last = r.chance(0.3) ? -1 : static_cast<int>(r.size(0, kMaxLayers - 1));
        }
        if (r.chance(0.4)) sc.truncation_efficiency = r.real(0, 1);
        if (r.chance(0.3)) sc.channel_granularity = r.size(0, kMaxGranularity);
        if (r.chance(0.5)) sc.hit_rate = r.real(0, 1);
        if (r.chance(0.3)) sc.accept_rate = r.real(0, 1);
        if (r.chance(0.4)) sc.student_kind = static_cast<StudentKind>(r.integer(0, 2));
        if (r.chance(0.4)) sc.student_fraction = r.real(0, 1000);
        if (r.chance(0.3)) sc.student_flops = r.real(0, kMaxAbsoluteFlops);
        if (r.chance(0.3) || (sc.student_kind == StudentKind::Model && sc.student_model.empty()))
            sc.student_model = r.pick(models);
        if (r.chance(0.4)) sc.lookup_kind = static_cast<LookupKind>(r.integer(0, 1));
        if (r.chance(0.3)) sc.lookup_flops = r.real(0, kMaxAbsoluteFlops);
        if (r.chance(0.3)) sc.key_dim = r.size(1, kMaxKeyDim);
        if (r.chance(0.3)) sc.cache_entries = r.size(1, kMaxCacheEntries);
        if (r.chance(0.3)) sc.precision = static_cast<Precision>(r.integer(0, 2));
    }
    if (r.chance(0.4)) {
        DeviceSettings& d = s.device;
        const auto& devices = device_presets();
        const std::int64_t pick = r.integer(-1, static_cast<std::int64_t>(devices.size()));
        d.name = pick < 0 ? std::string() : pick == static_cast<std::int64_t>(devices.size()) ? std::string(kCustomDevice)
                                                                                              : devices[static_cast<std::size_t>(pick)].name;
        if (r.chance(0.3)) d.sparse = r.chance(0.5);
        if (r.chance(0.4)) d.compute_efficiency = r.chance(0.1) ? 1.0 : r.real(0.01, 1);
        if (r.chance(0.4)) d.memory_efficiency = r.chance(0.1) ? 1.0 : r.real(0.01, 1);
        if (r.chance(0.3)) d.layer_overhead_s = r.real(0, kMaxLayerOverhead);
        if (r.chance(0.3)) d.activations_on_chip = r.chance(0.5);
        if (r.chance(0.3)) d.energy_scale = r.real(0.001, kMaxEnergyScale);
        if (r.chance(0.5)) {
            for (PrecisionPeak& p : d.custom.peaks) {
                if (r.chance(0.6)) p.dense.value = r.real(0, kMaxPeakFlops);
                if (r.chance(0.3)) p.sparse.value = r.real(0, kMaxPeakFlops);
            }
            if (r.chance(0.6)) d.custom.dram_bandwidth.value = r.real(0, kMaxBandwidth);
            if (r.chance(0.4)) d.custom.onchip_buffer.value = r.real(0, kMaxOnchipBuffer);
            if (r.chance(0.4)) d.custom.power.value = r.real(0, kMaxPower);
        }
    }
    if (r.chance(0.3)) {
        ViewOptions& v = s.view;
        v.unit = r.chance(0.5) ? Unit::MACs : Unit::FLOPs;
        v.exact = r.chance(0.5);
        v.theme = static_cast<Theme>(r.integer(0, 2));
        v.embed = r.chance(0.5);
        v.full_network_view = r.chance(0.5);
        const std::int64_t n = r.integer(0, 4);
        for (std::int64_t k = 0; k < n; ++k) v.show.push_back(r.chance(0.7) ? std::string(r.chance(0.5) ? "f" : "h") : r.name());
    }
    return s;
}

// A realistic custom network: the first `n` layers of torchvision's resnet18, names and all.
inline State resnet18_as_custom(std::size_t n) {
    State s = default_state();
    s.model = kCustomModel;
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    REQUIRE(net.layers.size() >= n);
    s.custom.layers.assign(net.layers.begin(), net.layers.begin() + static_cast<std::ptrdiff_t>(n));
    s.custom.name = kCustomModel;  // as the page's "Edit a copy" leaves them
    s.custom.input = net.input;
    return s;
}

} // namespace link_tests
