// Flopscope tests — time over the cached fraction f (roofline.h sweep_time_cached_fraction): the channel
// tiles come from the scenario engine, each point's time from the per-layer roofline, checked against
// conv1 of the seed on a T4 at FP16 worked out by hand.
#include "core/roofline.h"
#include "core/state.h"

#include <doctest/doctest.h>

using namespace flopscope;

namespace {

// Relative closeness: doctest::Approx's default scale of 1 would let any two times below 10 µs pass.
doctest::Approx rel(double v) { return doctest::Approx(v).scale(0.0); }

struct SeedOnT4 {
    Network net;
    Evaluation ev;
    const Device* t4 = find_device("t4");
    RooflineOptions options;
    RooflineResult base;
    SeedOnT4() {
        Results r = compute(default_state());
        REQUIRE(r.ok());
        net = std::move(r.network);
        ev = std::move(r.evaluation);
        REQUIRE(t4 != nullptr);
        options.precision = Precision::FP16;
        base = evaluate_roofline(net, ev, Counting{}, *t4, options);
        REQUIRE(base.ok());
    }
    CachingTime at(const Scenario& s) const {
        const ScenarioResult sr = evaluate_scenario(net, ev, Counting{}, s);
        REQUIRE(sr.ok());
        CachingTime ct = evaluate_caching_time(net, ev, Counting{}, s, sr, *t4, options, base);
        REQUIRE(ct.ok());
        return ct;
    }
    std::vector<double> sweep(const Scenario& s, int points) const {
        return sweep_time_cached_fraction(net, ev, Counting{}, s, at(s), *t4, options, base, points);
    }
};

// Only conv1 (64 output channels) is cache-eligible; half the calls hit; no student.
Scenario conv1_only() {
    Scenario s;
    s.name = "custom";
    s.eligible_first = 0;
    s.eligible_last = 0;
    s.hit_rate = 0.5;
    s.student_fraction = 0.0;
    s.precision = Precision::FP16;
    return s;
}

} // namespace

TEST_CASE("time over the cached fraction: conv1 on a T4 at FP16, by hand") {
    const SeedOnT4 t;
    const Scenario s = conv1_only();
    const std::vector<double> sw = t.sweep(s, 101);
    REQUIRE(sw.size() == 101);
    // conv1: I = 3·224·224 input, W = 7·7·3·64 weights, O = 64·112·112 output elements, 2 bytes each,
    // memory-bound on the T4 (320 GB/s) in every case below (its FLOPs take at most 3.6 µs at 65 TFLOP/s).
    const double B = 320e9, I = 150528, W = 9408, O = 802816;
    const double conv1 = 2 * (I + W + O) / B;
    CHECK(t.base.layers[0].time_s == rel(conv1));
    // f = 0: nothing cached, the baseline.
    CHECK(sw[0] == rel(t.base.totals.time_s));
    // f = 0.5: a hit computes half, reads I, half of W and O, and fetches 0.5·O: 2·(I + 0.5·W + O) bytes;
    // a miss reads and writes everything and writes the entry: 2·(I + W + 1.5·O) bytes. Half each.
    const double half = 0.5 * 2 * (I + 0.5 * W + O) / B + 0.5 * 2 * (I + W + 1.5 * O) / B;
    CHECK(sw[50] == rel(t.base.totals.time_s - conv1 + half));
    // f = 1: a hit reads I and fetches O; a miss reads everything and writes O twice.
    const double all = 0.5 * 2 * (I + O) / B + 0.5 * 2 * (I + W + 2 * O) / B;
    CHECK(sw[100] == rel(t.base.totals.time_s - conv1 + all));
    // Each point is what evaluate_caching_time says for that f.
    for (int i : {0, 13, 50, 77, 100}) {
        Scenario at = s;
        at.cached_fraction = i / 100.0;
        CAPTURE(i);
        CHECK(sw[static_cast<std::size_t>(i)] == rel(t.at(at).total_time_s));
    }
}

TEST_CASE("time over the cached fraction follows the scenario's channel tiles") {
    const SeedOnT4 t;
    Scenario s = conv1_only();
    s.channel_granularity = 32;
    const std::vector<double> sw = t.sweep(s, 101);
    REQUIRE(sw.size() == 101);
    // 64 channels in tiles of 32: kept = ⌈(1 − f)·64 / 32⌉·32, so f below 50 % keeps all 64 (nothing
    // cached: the baseline) and f = 50 … 99 % keeps 32 (half cached), a flat step.
    CHECK(sw[20] == rel(t.base.totals.time_s));
    CHECK(sw[49] == rel(t.base.totals.time_s));
    CHECK(sw[50] == sw[99]);
    Scenario half = s;
    half.channel_granularity = 0;
    half.cached_fraction = 0.5;
    CHECK(sw[50] == rel(t.at(half).total_time_s));
    CHECK(sw[50] != rel(sw[49]));
}

TEST_CASE("time over the cached fraction keeps the student and lookup, and is empty where f does not apply") {
    const SeedOnT4 t;
    Scenario s = conv1_only();
    s.student_fraction = 0.25;
    const CachingTime ct = t.at(s);
    const std::vector<double> sw = sweep_time_cached_fraction(t.net, t.ev, Counting{}, s, ct, *t.t4, t.options, t.base, 11);
    REQUIRE(sw.size() == 11);
    CHECK(sw[0] == rel(t.base.totals.time_s * 1.25));  // the network plus a student of 25 % of it
    Scenario cascade = s;
    cascade.mode = ScenarioMode::Cascade;
    CHECK(sweep_time_cached_fraction(t.net, t.ev, Counting{}, cascade, t.at(cascade), *t.t4, t.options, t.base, 11).empty());
    CHECK(sweep_time_cached_fraction(t.net, t.ev, Counting{}, s, ct, *t.t4, t.options, t.base, 1).empty());
}
