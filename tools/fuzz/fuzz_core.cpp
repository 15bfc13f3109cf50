// Flopscope fuzzing — the compute core on arbitrary networks, counting conventions and scenarios.
//
// Builds a custom network (up to 48 layers, every kind, inputs pointing anywhere, sizes from tiny to far
// beyond the limits), a counting convention and a scenario (fractions including NaN, ±inf, -0, denormals
// and values just outside 0..1) from the fuzzer's bytes, then checks that the core never crashes,
// never wraps a count and never lets a non-finite number into a valid result (tools/fuzz/fuzz_support.h).
#include "fuzz_support.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <limits>

using namespace flopscope;

namespace {

// Integers that matter at the edges: small ones, the core's limits ±1, and the int64 extremes.
std::int64_t pick_int(FuzzedDataProvider& in) {
    static constexpr std::int64_t kEdges[] = {
        0, 1, 2, 3, 7, 64, 224, -1, kMaxChannels, kMaxChannels + 1, kMaxSpatial, kMaxSpatial + 1,
        kMaxKernel, kMaxKernel + 1, kMaxPadding, kMaxRepeat, kMaxRepeat + 1, kMaxLayers, kMaxCacheEntries,
        kMaxCacheEntries + 1, kMaxKeyDim, kMaxKeyDim + 1, kMaxGranularity, kMaxGranularity + 1,
        std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min(),
        std::int64_t{1} << 32, (std::int64_t{1} << 31) - 1};
    switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0: return in.ConsumeIntegralInRange<std::int64_t>(1, 8);
    case 1: return in.PickValueInArray(kEdges);
    case 2: return in.ConsumeIntegralInRange<std::int64_t>(-4, 4096);
    default: return in.ConsumeIntegral<std::int64_t>();
    }
}

double pick_double(FuzzedDataProvider& in) {
    static constexpr double kEdges[] = {
        0.0, -0.0, 1.0, 0.5, 0.2, 0.9, std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
        std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::min(),
        std::numeric_limits<double>::max(), -std::numeric_limits<double>::denorm_min(),
        1.0 + std::numeric_limits<double>::epsilon(), 1.0 - std::numeric_limits<double>::epsilon() / 2,
        kMaxAbsoluteFlops, kMaxAbsoluteFlops * 1.0000001, 1000.0, 1000.0000001, -1.0};
    switch (in.ConsumeIntegralInRange<int>(0, 2)) {
    case 0: return in.ConsumeProbability<double>();
    case 1: return in.PickValueInArray(kEdges);
    default: return in.ConsumeFloatingPoint<double>();
    }
}

Layer make_layer(FuzzedDataProvider& in, int index) {
    Layer l;
    l.name = in.ConsumeRandomLengthString(12);
    l.kind = static_cast<LayerKind>(in.ConsumeIntegralInRange<int>(0, kLayerKindCount - 1));
    const int n_inputs = in.ConsumeIntegralInRange<int>(0, 3);
    for (int k = 0; k < n_inputs; ++k) l.inputs.push_back(in.ConsumeIntegralInRange<int>(-2, index + 1));
    l.out_channels = pick_int(in);
    l.kernel_h = pick_int(in);
    l.kernel_w = in.ConsumeBool() ? l.kernel_h : pick_int(in);
    l.stride_h = pick_int(in);
    l.stride_w = in.ConsumeBool() ? l.stride_h : pick_int(in);
    l.pad_h = in.ConsumeBool() ? l.kernel_h / 2 : pick_int(in);
    l.pad_w = in.ConsumeBool() ? l.pad_h : pick_int(in);
    if (in.ConsumeBool()) {
        l.dilation_h = pick_int(in);
        l.dilation_w = pick_int(in);
    }
    l.groups = in.ConsumeBool() ? 1 : pick_int(in);
    l.bias = in.ConsumeBool();
    l.ceil_mode = in.ConsumeBool();
    l.activation = static_cast<ActivationKind>(in.ConsumeIntegralInRange<int>(0, kActivationKindCount - 1));
    l.pool = static_cast<PoolKind>(in.ConsumeIntegralInRange<int>(0, kPoolKindCount - 1));
    l.out_h = pick_int(in);
    l.out_w = in.ConsumeBool() ? l.out_h : pick_int(in);
    l.explicit_shape = in.ConsumeBool();
    l.in_channels = pick_int(in);
    l.repeat = in.ConsumeBool() ? 1 : pick_int(in);
    return l;
}

Scenario make_scenario(FuzzedDataProvider& in, int layers) {
    Scenario s;
    s.mode = static_cast<ScenarioMode>(in.ConsumeIntegralInRange<int>(0, 2));
    s.cached_fraction = pick_double(in);
    const int n_over = in.ConsumeIntegralInRange<int>(0, 4);
    for (int k = 0; k < n_over; ++k)
        s.overrides.push_back({in.ConsumeIntegralInRange<int>(-1, layers + 1), pick_double(in)});
    s.eligible_first = in.ConsumeIntegralInRange<int>(-1, layers + 1);
    s.eligible_last = in.ConsumeIntegralInRange<int>(-2, layers + 1);
    s.truncation_efficiency = pick_double(in);
    s.channel_granularity = pick_int(in);
    s.hit_rate = pick_double(in);
    s.accept_rate = pick_double(in);
    s.student_kind = static_cast<StudentKind>(in.ConsumeIntegralInRange<int>(0, 2));
    s.student_fraction = in.ConsumeBool() ? pick_double(in) * 1000.0 : pick_double(in);
    s.student_flops = pick_double(in) * (in.ConsumeBool() ? 1e12 : 1.0);
    static constexpr const char* kStudents[] = {"resnet18", "mobilenet_v2", "nope", "", "resnet18_seed"};
    s.student_model = in.PickValueInArray(kStudents);
    s.lookup_kind = static_cast<LookupKind>(in.ConsumeIntegralInRange<int>(0, 1));
    s.lookup_flops = pick_double(in) * (in.ConsumeBool() ? 1e12 : 1.0);
    s.key_dim = pick_int(in);
    s.cache_entries = pick_int(in);
    s.precision = static_cast<Precision>(in.ConsumeIntegralInRange<int>(0, 2));
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    State state;
    state.model = kCustomModel;
    state.input_c = in.ConsumeBool() ? 3 : pick_int(in);
    state.input_h = in.ConsumeBool() ? 224 : pick_int(in);
    state.input_w = in.ConsumeBool() ? state.input_h : pick_int(in);
    state.custom.input = Shape{state.input_c, state.input_h, state.input_w};
    const int n = in.ConsumeIntegralInRange<int>(0, 48);
    for (int i = 0; i < n && in.remaining_bytes() > 0; ++i) state.custom.layers.push_back(make_layer(in, i));
    state.counting.bias = in.ConsumeBool();
    state.counting.batchnorm = in.ConsumeBool();
    state.counting.activations = in.ConsumeBool();
    state.counting.pooling = in.ConsumeBool();
    state.counting.elementwise = in.ConsumeBool();
    static constexpr int kPerMac[] = {2, 1, 0, -1, 3, std::numeric_limits<int>::max()};
    state.counting.flops_per_mac = in.ConsumeBool() ? 2 : in.PickValueInArray(kPerMac);
    state.scenario_enabled = in.ConsumeIntegralInRange<int>(0, 3) != 0;
    state.scenario = make_scenario(in, static_cast<int>(state.custom.layers.size()));

    // The network alone, then everything the page shows.
    const Evaluation ev = evaluate(state.custom, state.counting);
    fuzz::check_evaluation(ev);
    if (ev.ok() && (state.counting.flops_per_mac < 1 || state.counting.flops_per_mac > 2))
        fuzz::fuzz_fail("a counting convention with flops_per_mac outside 1..2 was accepted",
                        std::to_string(state.counting.flops_per_mac));
    fuzz::check_state(state);

    // Zoo models too: a fuzzed scenario on a real network at a fuzzed resolution.
    if (in.ConsumeBool()) {
        static constexpr const char* kModels[] = {"resnet18_seed", "resnet18", "mobilenet_v3_small", "squeezenet1_0"};
        State zoo = state;
        zoo.model = in.PickValueInArray(kModels);
        fuzz::check_state(zoo);
    }
    return 0;
}
