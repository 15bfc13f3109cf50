// Overflow and range: layer sizes, counts and fractions at and beyond their limits. At a limit the
// core computes; one past it, it says which field is wrong; a count that would not fit 64 bits is an
// error, never a wrapped number; and no NaN or infinity reaches a result, a sweep (a chart) or the JSON.
#include "core/report.h"
#include "core/scenario.h"
#include "core/state.h"
#include "core/zoo.h"

#include "json_checks.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

using namespace flopscope;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::int64_t kI64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kI64Min = std::numeric_limits<std::int64_t>::min();

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Network one_layer(Shape input, Layer layer) {
    Network net;
    net.name = kCustomModel;
    net.input = input;
    net.layers = {std::move(layer)};
    return net;
}

// Every number of a valid result is finite; a sweep of it too.
void check_finite(const Network& net, const Evaluation& ev, const Scenario& s, const ScenarioResult& r) {
    REQUIRE(r.ok());
    for (double v : {r.baseline_flops, r.touched_flops, r.computed_flops, r.student_flops, r.lookup_flops,
                     r.total_flops, r.saved_flops, r.percent_of_baseline, r.student_fraction, r.lookup_fraction,
                     r.mean_nominal_fraction, r.mean_effective_fraction, r.partial_cache_bytes_total,
                     r.cut_point_bytes_total, r.lookup_bytes_read, r.key_bytes_per_entry})
        CHECK(std::isfinite(v));
    for (const auto& be : {r.break_even_rate, r.break_even_cached_fraction, r.break_even_student_fraction})
        if (be) CHECK(std::isfinite(*be));
    for (const LayerScenario& l : r.layers) {
        CHECK(std::isfinite(l.cost_after));
        CHECK(l.effective_fraction >= 0.0);
        CHECK(l.effective_fraction <= 1.0);
    }
    for (SweepParameter p : {SweepParameter::CachedFraction, SweepParameter::Rate, SweepParameter::StudentFraction}) {
        const std::vector<double> points = sweep(net, ev, Counting{}, s, p, 1001);
        REQUIRE(points.size() == 1001);
        for (double v : points) CHECK(std::isfinite(v));
    }
}

} // namespace

TEST_CASE("layer sizes: the limit computes, one past it names the field") {
    struct Case {
        const char* field;
        std::int64_t limit;
        void (*set)(Layer&, std::int64_t);
    };
    const Case cases[] = {
        {"output channels", kMaxChannels, [](Layer& l, std::int64_t v) { l.out_channels = v; }},
        {"kernel height", kMaxKernel, [](Layer& l, std::int64_t v) { l.kernel_h = v; }},
        {"stride (width)", kMaxKernel, [](Layer& l, std::int64_t v) { l.stride_w = v; }},
        {"padding (height)", kMaxPadding, [](Layer& l, std::int64_t v) { l.pad_h = v; }},
        {"dilation (width)", kMaxKernel, [](Layer& l, std::int64_t v) { l.dilation_w = v; }},
        {"repeat", kMaxRepeat, [](Layer& l, std::int64_t v) { l.repeat = v; }},
    };
    for (const Case& c : cases) {
        CAPTURE(c.field);
        // 1 input channel, and an input large enough for the biggest kernel and dilation.
        const Shape input{1, 1100, 1100};
        Layer at = make_conv("x", 1, 1);
        c.set(at, c.limit);
        if (std::string(c.field) == "kernel height") at.pad_h = 0;
        const Evaluation ok = evaluate(one_layer(input, at), Counting{});
        CHECK_MESSAGE(ok.ok(), ok.error);

        Layer past = at;
        c.set(past, c.limit + 1);
        const Evaluation bad = evaluate(one_layer(input, past), Counting{});
        CHECK_FALSE(bad.ok());
        CHECK(contains(bad.error, c.field));
        CHECK(contains(bad.error, "limit"));
        CHECK(bad.error_layer == 0);

        for (std::int64_t wild : {std::int64_t{0}, std::int64_t{-1}, kI64Min, kI64Max}) {
            CAPTURE(wild);
            Layer w = at;
            c.set(w, wild);
            if (wild == 0 && std::string(c.field).rfind("padding", 0) == 0) continue;  // 0 padding is valid
            const Evaluation e = evaluate(one_layer(input, w), Counting{});
            CHECK_FALSE(e.ok());
            CHECK(contains(e.error, c.field));
        }
    }
}

TEST_CASE("network input and layer count at and beyond their limits") {
    Layer relu;
    relu.name = "relu";
    relu.kind = LayerKind::Activation;
    CHECK(evaluate(one_layer({kMaxChannels, 1, 1}, relu), Counting{}).ok());
    CHECK(evaluate(one_layer({1, kMaxSpatial, kMaxSpatial}, relu), Counting{}).ok());
    for (Shape bad : {Shape{kMaxChannels + 1, 1, 1}, Shape{1, kMaxSpatial + 1, 1}, Shape{1, 1, kMaxSpatial + 1},
                      Shape{0, 1, 1}, Shape{1, -5, 1}, Shape{kI64Min, kI64Min, kI64Min}, Shape{1, 1, kI64Max}}) {
        const Evaluation e = evaluate(one_layer(bad, relu), Counting{});
        CHECK_FALSE(e.ok());
        CHECK(contains(e.error, "input"));
        CHECK(e.error_layer == -1);
    }

    Network deep;
    deep.input = Shape{3, 8, 8};
    deep.layers.assign(static_cast<std::size_t>(kMaxLayers), relu);
    CHECK(evaluate(deep, Counting{}).ok());
    deep.layers.push_back(relu);
    const Evaluation e = evaluate(deep, Counting{});
    CHECK_FALSE(e.ok());
    CHECK(contains(e.error, "10,000"));
}

TEST_CASE("counts that do not fit 64 bits are an error, never a wrapped number") {
    // One layer: 2^24 input channels × 2^16 × 2^16 through a 1×1 conv to 2^24 channels = 2^80 MACs.
    const Evaluation huge = evaluate(one_layer({kMaxChannels, kMaxSpatial, kMaxSpatial}, make_conv("big", kMaxChannels, 1)),
                                     Counting{});
    CHECK_FALSE(huge.ok());
    CHECK(contains(huge.error, "overflows 64 bits"));
    CHECK(huge.error_layer == 0);
    CHECK(huge.layers.empty());  // nothing half-computed is offered as a result

    // Repeat pushes a layer over: a 3×3 conv keeping 4,096 channels on a 4,096² map fits once
    // (4096³ · 9 · 4096 ≈ 2^51.2 MACs) but not 10,000 times (≈ 2^64.5).
    Layer rep = make_conv("rep", 4096, 3, 1, 1);
    const Network fits = one_layer({4096, 4096, 4096}, rep);
    const Evaluation one = evaluate(fits, Counting{});
    REQUIRE(one.ok());  // 4096³ · 9 · 4096 = 2^51.2 MACs
    rep.repeat = kMaxRepeat;
    const Evaluation many = evaluate(one_layer({4096, 4096, 4096}, rep), Counting{});
    CHECK_FALSE(many.ok());
    CHECK(contains(many.error, "overflows 64 bits"));

    // Each layer fits; the network's FLOP total does not. Input 2^24 × 2^14 × 2^14 = 2^52 elements; a
    // linear layer to 1,024 features is 2^62 MACs = 2^63 FLOPs, which fits; two of them side by side
    // are 2^64 FLOPs, which does not.
    Layer fc;
    fc.name = "fc";
    fc.kind = LayerKind::Linear;
    fc.out_channels = 1024;
    fc.inputs = {kNetworkInput};
    Network sum;
    sum.input = Shape{kMaxChannels, 16384, 16384};
    sum.layers = {fc};
    const Evaluation single = evaluate(sum, Counting{});
    REQUIRE_MESSAGE(single.ok(), single.error);
    CHECK(single.totals.flops.value == (std::uint64_t{1} << 63));
    sum.layers.push_back(fc);
    const Evaluation both = evaluate(sum, Counting{});
    CHECK_FALSE(both.ok());
    CHECK(contains(both.error, "total overflows 64 bits"));
    CHECK(both.error_layer == 1);
}

TEST_CASE("flops_per_mac: only 1 and 2") {
    const Network net = one_layer({3, 32, 32}, make_conv("c", 8, 3, 1, 1));
    for (int fpm : {1, 2}) {
        Counting c;
        c.flops_per_mac = fpm;
        CHECK(evaluate(net, c).ok());
    }
    for (int fpm : {0, -1, 3, std::numeric_limits<int>::max(), std::numeric_limits<int>::min()}) {
        Counting c;
        c.flops_per_mac = fpm;
        const Evaluation e = evaluate(net, c);
        CHECK_FALSE(e.ok());
        CHECK(contains(e.error, "FLOPs per MAC"));
    }
}

TEST_CASE("fractions: 0 and 1 (and -0) compute, anything outside or not a number names the field") {
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());

    struct Field {
        const char* name;
        double Scenario::*member;
    };
    const Field fields[] = {{"cached fraction", &Scenario::cached_fraction},
                            {"hit rate", &Scenario::hit_rate},
                            {"truncation efficiency", &Scenario::truncation_efficiency},
                            {"accept rate", &Scenario::accept_rate}};
    for (const Field& f : fields) {
        CAPTURE(f.name);
        for (double good : {0.0, -0.0, 1.0, std::numeric_limits<double>::denorm_min(), std::nextafter(1.0, 0.0)}) {
            CAPTURE(good);
            for (ScenarioMode mode : {ScenarioMode::PartialReuse, ScenarioMode::Cascade, ScenarioMode::ResultCache}) {
                Scenario s;
                s.mode = mode;
                s.*f.member = good;
                check_finite(net, ev, s, evaluate_scenario(net, ev, Counting{}, s));
            }
        }
        for (double bad : {std::nextafter(1.0, 2.0), -std::numeric_limits<double>::denorm_min(), -1.0, 2.0, kNaN, kInf, -kInf}) {
            CAPTURE(bad);
            Scenario s;
            s.*f.member = bad;
            const ScenarioResult r = evaluate_scenario(net, ev, Counting{}, s);
            CHECK_FALSE(r.ok());
            CHECK(contains(r.error, f.name));
            CHECK(sweep(net, ev, Counting{}, s, SweepParameter::CachedFraction, 11).empty());
        }
    }

    // Per-layer overrides: the same range, and they must name a layer of the network.
    Scenario s;
    s.overrides = {{3, kNaN}};
    CHECK(contains(evaluate_scenario(net, ev, Counting{}, s).error, "per-layer cached fraction"));
    s.overrides = {{3, 1.5}};
    CHECK(contains(evaluate_scenario(net, ev, Counting{}, s).error, "per-layer cached fraction"));
    s.overrides = {{static_cast<int>(net.layers.size()), 0.5}};
    CHECK(contains(evaluate_scenario(net, ev, Counting{}, s).error, "names layer"));
    s.overrides = {{-1, 0.5}};
    CHECK_FALSE(evaluate_scenario(net, ev, Counting{}, s).ok());
}

TEST_CASE("scenario counts and absolute costs at and beyond their limits") {
    Network net;
    std::string err;
    REQUIRE(build_model("resnet152", 224, 224, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());

    // Everything at its maximum at once: finite, and a sweep of it too.
    Scenario max;
    max.cache_entries = kMaxCacheEntries;
    max.key_dim = kMaxKeyDim;
    max.channel_granularity = kMaxGranularity;
    max.lookup_kind = LookupKind::NearestNeighbour;
    max.student_fraction = 1000.0;
    max.precision = Precision::FP32;
    check_finite(net, ev, max, evaluate_scenario(net, ev, Counting{}, max));
    max.lookup_kind = LookupKind::Flops;
    max.lookup_flops = kMaxAbsoluteFlops;
    max.student_kind = StudentKind::Flops;
    max.student_flops = kMaxAbsoluteFlops;
    for (ScenarioMode mode : {ScenarioMode::PartialReuse, ScenarioMode::Cascade, ScenarioMode::ResultCache}) {
        max.mode = mode;
        check_finite(net, ev, max, evaluate_scenario(net, ev, Counting{}, max));
    }

    struct Bad {
        const char* field;
        void (*set)(Scenario&);
    };
    const Bad bad[] = {
        {"cache entries", [](Scenario& s) { s.cache_entries = kMaxCacheEntries + 1; }},
        {"cache entries", [](Scenario& s) { s.cache_entries = 0; }},
        {"cache entries", [](Scenario& s) { s.cache_entries = kI64Min; }},
        {"key dimension", [](Scenario& s) { s.key_dim = kMaxKeyDim + 1; }},
        {"key dimension", [](Scenario& s) { s.key_dim = 0; }},
        {"channel granularity", [](Scenario& s) { s.channel_granularity = kMaxGranularity + 1; }},
        {"channel granularity", [](Scenario& s) { s.channel_granularity = -1; }},
        {"student fraction", [](Scenario& s) { s.student_fraction = std::nextafter(1000.0, 2000.0); }},
        {"student fraction", [](Scenario& s) { s.student_fraction = kNaN; }},
        {"student fraction", [](Scenario& s) { s.student_fraction = -0.5; }},
        {"student FLOPs", [](Scenario& s) { s.student_kind = StudentKind::Flops; s.student_flops = kInf; }},
        {"student FLOPs", [](Scenario& s) { s.student_kind = StudentKind::Flops; s.student_flops = kMaxAbsoluteFlops * 1.01; }},
        {"lookup FLOPs", [](Scenario& s) { s.lookup_flops = kNaN; }},
        {"lookup FLOPs", [](Scenario& s) { s.lookup_flops = -1.0; }},
        {"eligible", [](Scenario& s) { s.eligible_first = 515; }},
        {"eligible", [](Scenario& s) { s.eligible_last = 515; }},
        {"eligible", [](Scenario& s) { s.eligible_first = 10; s.eligible_last = 5; }},
        {"student model", [](Scenario& s) { s.student_kind = StudentKind::Model; s.student_model = "nope"; }},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.field);
        Scenario s;
        b.set(s);
        const ScenarioResult r = evaluate_scenario(net, ev, Counting{}, s);
        CHECK_FALSE(r.ok());
        CHECK(contains(r.error, b.field));
        CHECK(sweep(net, ev, Counting{}, s, SweepParameter::Rate, 11).empty());
    }
}

TEST_CASE("a network with zero cost gives no NaN percentages") {
    // Only activations: no conv or linear, so the baseline is 0 FLOPs under the default convention.
    Layer relu;
    relu.name = "relu";
    relu.kind = LayerKind::Activation;
    const Network net = one_layer({3, 8, 8}, relu);
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    for (ScenarioMode mode : {ScenarioMode::PartialReuse, ScenarioMode::Cascade, ScenarioMode::ResultCache}) {
        Scenario s;
        s.mode = mode;
        check_finite(net, ev, s, evaluate_scenario(net, ev, Counting{}, s));
    }
}

TEST_CASE("zoo resolutions at and beyond their limits") {
    Network net;
    std::string err;
    const ModelInfo* m = find_model("resnet18");
    REQUIRE(m != nullptr);
    CHECK(build_model("resnet18", m->min_resolution, m->min_resolution, net, err));
    CHECK_FALSE(build_model("resnet18", m->min_resolution - 1, 224, net, err));
    CHECK(contains(err, "resnet18"));
    CHECK_FALSE(build_model("resnet18", 224, kMaxSpatial + 1, net, err));
    CHECK_FALSE(build_model("resnet18", kI64Min, kI64Max, net, err));
    // The largest input a model accepts still counts exactly (no overflow at 65,536²).
    REQUIRE(build_model("resnet152", kMaxSpatial, kMaxSpatial, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    CHECK_MESSAGE(ev.ok(), ev.error);
}

TEST_CASE("states at the limits print JSON without non-finite numbers") {
    State s = default_state();
    s.model = "resnet152";
    s.scenario.cache_entries = kMaxCacheEntries;
    s.scenario.key_dim = kMaxKeyDim;
    s.scenario.lookup_kind = LookupKind::NearestNeighbour;
    CHECK_FALSE(json_has_nonfinite(results_json(s)));
    s.scenario.cached_fraction = kNaN;  // invalid: an error message, not "nan"
    const Results r = compute(s);
    CHECK_FALSE(r.ok());
    CHECK(contains(r.error, "cached fraction"));
    CHECK_FALSE(json_has_nonfinite(results_json(s, r)));
    s = default_state();
    s.model = kCustomModel;
    s.custom.layers = {make_conv("c", kMaxChannels, 1)};
    s.input_c = kMaxChannels;
    s.input_h = s.input_w = kMaxSpatial;
    const Results huge = compute(s);
    CHECK_FALSE(huge.ok());
    CHECK(contains(huge.error, "64 bits"));
    CHECK_FALSE(json_has_nonfinite(results_json(s, huge)));
}
