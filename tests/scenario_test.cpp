// The caching scenario engine. Expected values are worked out here from the notebook's arithmetic and
// the formulas of ../shared/design/caching-cost-models.md, not copied from the program's output.
#include "core/report.h"
#include "core/scenario.h"
#include "core/state.h"
#include "core/zoo.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace flopscope;

namespace {

// The seed prefix: conv1 + ten 3×3 convs at 231,211,008 + two stride-2 ones at 115,605,504.
constexpr double kSeedT = 236027904.0 + 10 * 231211008.0 + 2 * 115605504.0;  // 2,779,348,992
// torchvision resnet18 at 224: 1,814,073,344 MACs.
constexpr double kResnet18Flops = 2 * 1814073344.0;

struct Seed {
    Network net;
    Evaluation ev;
    Seed() {
        std::string err;
        REQUIRE(build_model("resnet18_seed", 224, 224, net, err));
        ev = evaluate(net, Counting{});
        REQUIRE(ev.ok());
    }
    ScenarioResult run(const Scenario& s) const { return evaluate_scenario(net, ev, Counting{}, s, "resnet18"); }
};

Scenario preset(const char* name) {
    const ScenarioPreset* p = find_preset(name);
    REQUIRE(p != nullptr);
    return p->scenario;
}

} // namespace

TEST_CASE("the seed's three scenarios reproduce the notebook") {
    REQUIRE(kSeedT == 2779348992.0);
    Seed seed;

    const ScenarioResult opt = seed.run(preset("optimistic"));
    REQUIRE(opt.ok());
    CHECK(opt.baseline_flops == kSeedT);
    CHECK(opt.student_flops == 0.5 * kSeedT);                         // 1.3897 GFLOPs
    CHECK(opt.computed_flops == doctest::Approx(0.8 * kSeedT).epsilon(1e-15));  // 2.2235: computed, not "cached"
    CHECK(opt.total_flops == doctest::Approx(3613153689.6).epsilon(1e-15));     // 3.6132 GFLOPs
    CHECK(std::round(opt.total_flops * 10) == 36131536896.0);                  // exact to the tenth
    CHECK(opt.percent_of_baseline == doctest::Approx(130.0).epsilon(1e-12));
    CHECK(opt.saved_flops == doctest::Approx(-0.3 * kSeedT).epsilon(1e-12));

    const ScenarioResult real = seed.run(preset("realistic"));
    REQUIRE(real.ok());
    CHECK(real.total_flops == 4169023488.0);  // 1.5·T exactly
    CHECK(real.percent_of_baseline == 150.0);
    CHECK(real.percent_saved == -50.0);  // (T − 1.5·T) / T

    const ScenarioResult full = seed.run(preset("full"));
    REQUIRE(full.ok());
    CHECK(full.total_flops == 1389674496.0);  // 0.5·T exactly
    CHECK(full.percent_of_baseline == 50.0);
    CHECK(full.saved_flops == 1389674496.0);
    CHECK(full.percent_saved == 50.0);  // 0.5·T / T
}

TEST_CASE("break-even values in closed form") {
    Seed seed;
    // Optimistic: σ = 0.5, λ = 0, ρ = h = 1, f̄ = 0.2.
    const ScenarioResult opt = seed.run(preset("optimistic"));
    CHECK(opt.student_fraction == 0.5);
    CHECK(opt.mean_effective_fraction == doctest::Approx(0.2).epsilon(1e-15));
    CHECK_FALSE(opt.break_even_rate.has_value());  // h* = 0.5/0.2 = 2.5: never
    REQUIRE(opt.break_even_cached_fraction.has_value());
    CHECK(*opt.break_even_cached_fraction == 0.5);      // f̄* = 0.5/1
    REQUIRE(opt.break_even_student_fraction.has_value());
    CHECK(*opt.break_even_student_fraction == doctest::Approx(0.2));  // σ* = 0.2 → a student under 556 MFLOPs
    CHECK(*opt.break_even_student_fraction * kSeedT == doctest::Approx(555869798.4));

    // Realistic: ρ = 0, so nothing pays off.
    const ScenarioResult real = seed.run(preset("realistic"));
    CHECK_FALSE(real.break_even_rate.has_value());
    CHECK_FALSE(real.break_even_cached_fraction.has_value());
    CHECK_FALSE(real.break_even_student_fraction.has_value());

    // Full: f̄ = 1 → h* = 0.5, σ* = 1.
    const ScenarioResult full = seed.run(preset("full"));
    CHECK(*full.break_even_rate == 0.5);
    CHECK(*full.break_even_student_fraction == 1.0);

    // At the break-even hit rate the saving is zero.
    Scenario s = preset("full");
    s.hit_rate = 0.5;
    CHECK(seed.run(s).saved_flops == doctest::Approx(0.0).epsilon(1e-9));
}

TEST_CASE("a realistic student: MobileNetV3-Small's 113,020,800 FLOPs") {
    Seed seed;
    Scenario s = preset("optimistic");
    s.name = "custom";
    s.student_kind = StudentKind::Flops;
    s.student_flops = 113020800.0;
    const ScenarioResult r = seed.run(s);
    // (0.8·T + S)/T = 84.07 %: a 15.9 % saving.
    const double expected = (0.8 * kSeedT + 113020800.0) / kSeedT * 100.0;
    CHECK(r.percent_of_baseline == doctest::Approx(expected));
    CHECK(r.percent_of_baseline == doctest::Approx(84.066).epsilon(1e-4));
    CHECK(r.saved_flops > 0);
}

TEST_CASE("the seed prefix against the full resnet18") {
    Seed seed;
    const ScenarioResult opt = seed.run(preset("optimistic"));
    CHECK(opt.full_network == "resnet18");
    CHECK(opt.full_network_flops == kResnet18Flops);  // 3,628,146,688
    CHECK(kResnet18Flops - kSeedT == 848797696.0);    // left out: downsample convs, layer4, fc
    // (1.3·T + (F − T))/F = 123.0 %
    CHECK(opt.percent_of_full_network == doctest::Approx((1.3 * kSeedT + 848797696.0) / kResnet18Flops * 100.0));
    CHECK(std::round(opt.percent_of_full_network * 10) == 1230.0);
    CHECK(std::round(seed.run(preset("realistic")).percent_of_full_network * 10) == 1383.0);
    CHECK(std::round(seed.run(preset("full")).percent_of_full_network * 10) == 617.0);
}

TEST_CASE("cache memory: per-layer partial cache and cut point") {
    Seed seed;
    // Outputs: 64·112² + 4·64·56² + 4·128·28² + 4·256·14² = 2,207,744 elements.
    const double all = 64.0 * 112 * 112 + 4 * 64.0 * 56 * 56 + 4 * 128.0 * 28 * 28 + 4 * 256.0 * 14 * 14;
    CHECK(all == 2207744.0);
    Scenario s = preset("optimistic");
    ScenarioResult r = seed.run(s);
    CHECK(r.partial_cache_elements_per_entry == doctest::Approx(0.2 * all));  // 441,548.8
    CHECK(r.partial_cache_bytes_per_entry == doctest::Approx(0.2 * all * 4));
    CHECK(r.cut_point_elements_per_entry == 256u * 14 * 14);                  // the stage-3 output: 50,176
    s.precision = Precision::FP16;
    s.cache_entries = 1000;
    r = seed.run(s);
    CHECK(r.partial_cache_bytes_per_entry == doctest::Approx(0.2 * all * 2));  // 0.88 MB
    CHECK(r.partial_cache_bytes_total == doctest::Approx(1000 * 0.2 * all * 2));  // 0.88 GB
}

TEST_CASE("cut point of a chained network: tensors crossing the cut") {
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    // Cut after "layer1.0.relu" (the ReLU inside the first block): both the block input (maxpool output,
    // for the shortcut) and the ReLU output cross.
    int maxpool = -1, relu = -1;
    for (int i = 0; i < static_cast<int>(net.layers.size()); ++i) {
        if (net.layers[i].name == "maxpool") maxpool = i;
        if (net.layers[i].name == "layer1.0.relu") relu = i;
    }
    REQUIRE(maxpool >= 0);
    REQUIRE(relu > maxpool);
    Scenario s = preset("optimistic");
    s.eligible_last = relu;
    const ScenarioResult r = evaluate_scenario(net, ev, Counting{}, s);
    REQUIRE(r.ok());
    CHECK(r.cut_point_elements_per_entry == 2u * 64 * 56 * 56);
    // Only conv1 and layer1.0.conv1 are eligible conv layers before the cut.
    CHECK(r.touched_flops == 2.0 * (112.0 * 112 * 49 * 3 * 64 + 56.0 * 56 * 9 * 64 * 64));
}

TEST_CASE("channel granularity: kept channels round up to tiles") {
    Network net;
    net.input = Shape{64, 8, 8};
    net.layers = {make_conv("c", 64, 3, 1, 1)};
    const Evaluation ev = evaluate(net, Counting{});
    const double C = 2.0 * 8 * 8 * 9 * 64 * 64;
    Scenario s;
    s.student_fraction = 0.0;
    s.cached_fraction = 0.2;
    // 20 % of 64 leaves 51.2 channels: g = 8 keeps 56 (12.5 % skipped), g = 32 keeps 64 (nothing).
    s.channel_granularity = 8;
    ScenarioResult r = evaluate_scenario(net, ev, Counting{}, s);
    CHECK(r.layers[0].effective_fraction == 0.125);
    CHECK(r.total_flops == C * (1 - 0.125));
    s.channel_granularity = 32;
    r = evaluate_scenario(net, ev, Counting{}, s);
    CHECK(r.layers[0].effective_fraction == 0.0);
    CHECK(r.total_flops == C);
    s.channel_granularity = 0;
    r = evaluate_scenario(net, ev, Counting{}, s);
    CHECK(r.layers[0].effective_fraction == 0.2);
    // A per-layer override replaces the global fraction.
    s.overrides = {{0, 0.5}};
    r = evaluate_scenario(net, ev, Counting{}, s);
    CHECK(r.total_flops == C * 0.5);
}

TEST_CASE("cascade and result cache") {
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    const double T = kResnet18Flops;

    Scenario cascade;
    cascade.mode = ScenarioMode::Cascade;
    cascade.student_kind = StudentKind::Flops;
    cascade.student_flops = 113020800.0;
    cascade.accept_rate = 0.5;
    ScenarioResult r = evaluate_scenario(net, ev, Counting{}, cascade);
    CHECK(r.total_flops == doctest::Approx(113020800.0 + 0.5 * T));
    REQUIRE(r.break_even_rate.has_value());
    CHECK(*r.break_even_rate == doctest::Approx(113020800.0 / T));  // p* = σ_full ≈ 3.1 %
    CHECK(std::round(*r.break_even_rate * 1000) == 31.0);

    Scenario cache;
    cache.mode = ScenarioMode::ResultCache;
    cache.hit_rate = 0.3;
    cache.lookup_kind = LookupKind::NearestNeighbour;
    cache.key_dim = 512;
    cache.cache_entries = 10000;
    cache.precision = Precision::FP16;
    r = evaluate_scenario(net, ev, Counting{}, cache);
    const double L = 2.0 * 512 * 10000;  // 10.24 MFLOPs
    CHECK(r.lookup_flops == L);
    CHECK(r.lookup_bytes_read == 512.0 * 10000 * 2);  // 10.2 MB read per query
    CHECK(r.total_flops == doctest::Approx(L + 0.7 * T));
    CHECK(*r.break_even_rate == doctest::Approx(L / T));
    CHECK(r.student_flops == 0.0);
}

TEST_CASE("sweeps over f and h") {
    Seed seed;
    const Scenario s = preset("optimistic");
    const std::vector<double> f = sweep(seed.net, seed.ev, Counting{}, s, SweepParameter::CachedFraction, 11);
    REQUIRE(f.size() == 11);
    CHECK(f.front() == 1.5 * kSeedT);   // nothing cached: network + student
    CHECK(f.back() == 0.5 * kSeedT);    // everything cached: student only
    CHECK(f[5] == doctest::Approx(1.0 * kSeedT));  // f = 0.5: break-even
    const std::vector<double> h = sweep(seed.net, seed.ev, Counting{}, s, SweepParameter::Rate, 3);
    CHECK(h[0] == 1.5 * kSeedT);
    CHECK(h[2] == doctest::Approx(1.3 * kSeedT));
    CHECK(sweep(seed.net, seed.ev, Counting{}, s, SweepParameter::Rate, 1).empty());
}

TEST_CASE("invalid scenarios give a message, never a number") {
    Seed seed;
    Scenario s = preset("optimistic");
    s.hit_rate = 1.5;
    CHECK(seed.run(s).error == "hit rate 1.5 is outside 0…1");
    s = preset("optimistic");
    s.cached_fraction = std::nan("");
    CHECK(seed.run(s).error == "cached fraction is not a number");
    s = preset("optimistic");
    s.student_kind = StudentKind::Flops;
    s.student_flops = -1;
    CHECK(seed.run(s).error == "student FLOPs must not be negative");
    s = preset("optimistic");
    s.eligible_last = 40;
    CHECK(seed.run(s).error.find("does not exist") != std::string::npos);
    s = preset("optimistic");
    s.student_kind = StudentKind::Model;
    s.student_model = "nonexistent";
    CHECK(seed.run(s).error == "unknown student model \"nonexistent\"");
}

TEST_CASE("default state: the seed with the optimistic scenario") {
    const Results r = compute(default_state());
    REQUIRE(r.ok());
    CHECK(r.network.layers.size() == 13);
    CHECK(r.evaluation.totals.flops.value == 2779348992ull);
    CHECK(r.scenario.percent_of_baseline == doctest::Approx(130.0));
}

TEST_CASE("σ is the student's share of the whole network, with eligible layers 1–3 too") {
    // Eligible layers 1–3 of the seed: conv1 236,027,904 + two 3×3 convs at 231,211,008 = T = 698,449,920
    // of B = 2,779,348,992. σ = 0.5 means S = 0.5·B = 1,389,674,496 (not 0.5·T = 349,224,960).
    // f = 0.2, ρ = h = 1: skipped = 0.2·T = 139,689,984; computed = B − 139,689,984 = 2,639,659,008;
    // total = S + computed = 4,029,333,504.
    Seed seed;
    Scenario s = preset("optimistic");
    s.name = "custom";
    s.eligible_first = 0;
    s.eligible_last = 2;
    const ScenarioResult r = seed.run(s);
    REQUIRE(r.ok());
    CHECK(r.touched_flops == 698449920.0);
    CHECK(r.student_flops == 1389674496.0);
    CHECK(r.student_fraction == 0.5);  // the input's own unit comes back
    CHECK(r.computed_flops == doctest::Approx(2639659008.0).epsilon(1e-15));
    CHECK(r.total_flops == doctest::Approx(4029333504.0).epsilon(1e-15));
    // Break-even in the unit of each input: the largest student is S* = 0.2·T = 139,689,984 FLOPs, as a
    // share of the whole network 139,689,984 / 2,779,348,992 ≈ 0.0503 (it was 0.2, a share of T).
    REQUIRE(r.break_even_student_fraction.has_value());
    CHECK(*r.break_even_student_fraction * kSeedT == doctest::Approx(139689984.0).epsilon(1e-12));
    CHECK(*r.break_even_student_fraction == doctest::Approx(0.05025996533795494).epsilon(1e-12));
    // f would have to skip S = 1.99·T, h would have to be S / 0.2·T = 9.9: never.
    CHECK_FALSE(r.break_even_cached_fraction.has_value());
    CHECK_FALSE(r.break_even_rate.has_value());
    // At σ* the saving is zero.
    Scenario at = s;
    at.student_fraction = *r.break_even_student_fraction;
    CHECK(seed.run(at).saved_flops == doctest::Approx(0.0).epsilon(1e-6));

    // The student sweep uses the same σ: at x = 0.5 it is the evaluated total, at 0 and 1 S = 0 and B.
    const std::vector<double> sw = sweep(seed.net, seed.ev, Counting{}, s, SweepParameter::StudentFraction, 3);
    REQUIRE(sw.size() == 3);
    CHECK(sw[0] == doctest::Approx(2639659008.0).epsilon(1e-15));
    CHECK(sw[1] == doctest::Approx(4029333504.0).epsilon(1e-15));  // was 2,988,883,968 (0.5·T)
    CHECK(sw[2] == doctest::Approx(2639659008.0 + kSeedT).epsilon(1e-15));

    // The JSON reports the same unit: "student_fraction": 0.5 beside the input's "fraction": 0.5.
    State st = default_state();
    st.scenario = s;
    const std::string json = results_json(st);
    CHECK(json.find("\"student_fraction\": 0.5,") != std::string::npos);
    CHECK(json.find("\"student\": {\"fraction\": 0.5}") != std::string::npos);
    CHECK(json.find("\"sigma\"") == std::string::npos);
}

TEST_CASE("break-even with channel tiles: the nominal f on the tile-rounded cost") {
    // The seed's layers by output channels: 64 (conv1 236,027,904 + 4 × 231,211,008 = 1,160,871,936),
    // 128 and 256 (115,605,504 + 3 × 231,211,008 = 809,238,528 each). g = 32: kept channels are whole
    // tiles, so f_eff steps: 64 → {0, ½, 1}, 128 → quarters, 256 → eighths. σ = 0.45: it pays off when
    // Σ f_eff·C_l > 0.45·B = 1,250,707,046.4.
    //   f ∈ [0.375, 0.5): 0·C64 + 0.25·C128 + 0.375·C256 = 505,774,080   — not enough
    //   f = 0.5:          0.5·(C64 + C128 + C256) = 1,389,674,496          — pays
    // So f* = 50 % exactly, and f* itself already pays (a step). The mean-fraction closed form said 45 %
    // and the chart's search between sweep points 49.8 %.
    Seed seed;
    Scenario s = preset("optimistic");
    s.name = "custom";
    s.channel_granularity = 32;
    s.student_fraction = 0.45;
    const ScenarioResult r = seed.run(s);
    REQUIRE(r.ok());
    REQUIRE(r.break_even_cached_fraction.has_value());
    CHECK(*r.break_even_cached_fraction == 0.5);
    CHECK(r.break_even_cached_fraction_is_step);
    // The current f = 0.2 skips only the 256-channel layers' 0.125: 0.125·809,238,528 = 101,154,816.
    CHECK(r.mean_effective_fraction * kSeedT == doctest::Approx(101154816.0).epsilon(1e-12));
    // The sweep the chart draws agrees: above the baseline at f = 0.49, below at 0.50.
    const std::vector<double> f = sweep(seed.net, seed.ev, Counting{}, s, SweepParameter::CachedFraction, 101);
    REQUIRE(f.size() == 101);
    CHECK(f[49] == doctest::Approx(0.45 * kSeedT + kSeedT - 505774080.0).epsilon(1e-15));
    CHECK(f[49] > kSeedT);
    CHECK(f[50] == doctest::Approx(0.95 * kSeedT).epsilon(1e-15));
    CHECK(f[50] < kSeedT);
    CHECK(break_even(r, SweepParameter::CachedFraction) == r.break_even_cached_fraction);
    CHECK(break_even_sentence(s, r).rfind("Pays off only when at least 50 % of output channels are cached", 0) == 0);

    // Without tiles the same scenario's f* is on a straight line: 0.45, and only breaks even there.
    s.channel_granularity = 0;
    const ScenarioResult straight = seed.run(s);
    REQUIRE(straight.break_even_cached_fraction.has_value());
    CHECK(*straight.break_even_cached_fraction == doctest::Approx(0.45).epsilon(1e-15));
    CHECK_FALSE(straight.break_even_cached_fraction_is_step);
    CHECK(break_even_sentence(s, straight).rfind("Pays off only when more than 45 % of output channels", 0) == 0);
}

TEST_CASE("a break-even at the end of its range is never, in the never-words") {
    Seed seed;
    // flopscope --hit-rate 0.5: σ = 0.5, ρ = 1, h = 0.5. Caching every channel saves 0.5·B = S: it only
    // breaks even at f = 100 %, so it never pays off (it used to say "more than 100 %").
    Scenario s = preset("optimistic");
    s.name = "custom";
    s.hit_rate = 0.5;
    const ScenarioResult r = seed.run(s);
    CHECK_FALSE(r.break_even_cached_fraction.has_value());
    const std::string sentence = break_even_sentence(s, r);
    CHECK(sentence.rfind("Never pays off at a 50 % hit rate: even caching every output channel saves no more "
                         "than the student and the lookup cost (50 % of the eligible layers' FLOPs)", 0) == 0);
    CHECK(sentence.find("100 % of output channels") == std::string::npos);
    // Its hit-rate part: f = 0.2 needs h = 0.5 / 0.2 = 250 %.
    CHECK(sentence.find("no hit rate is enough (it would take 250 %)") != std::string::npos);

    // Cascade with σ = 1: p* = 1, the student alone costs the whole network.
    Scenario c = s;
    c.mode = ScenarioMode::Cascade;
    c.student_fraction = 1.0;
    const ScenarioResult rc = seed.run(c);
    CHECK_FALSE(rc.break_even_rate.has_value());
    CHECK(break_even_sentence(c, rc) == "Never pays off: the student and the lookup cost at least as much as the whole network.");
    c.student_fraction = 0.25;  // p* = 0.25
    const ScenarioResult rc2 = seed.run(c);
    REQUIRE(rc2.break_even_rate.has_value());
    CHECK(*rc2.break_even_rate == 0.25);
    CHECK(break_even_sentence(c, rc2) == "Pays off only when the student answers more than 25 % of the inputs alone.");

    // Result cache with L = B: h* = 1, never.
    Scenario rcache = s;
    rcache.mode = ScenarioMode::ResultCache;
    rcache.lookup_flops = kSeedT;
    const ScenarioResult rr = seed.run(rcache);
    CHECK_FALSE(rr.break_even_rate.has_value());
    CHECK(break_even_sentence(rcache, rr) == "Never pays off: the lookup costs at least as much as the whole network.");
}

TEST_CASE("the mode descriptor: names, rates and formulas in one table") {
    for (int m = 0; m < kScenarioModeCount; ++m) {
        const ModeInfo& info = mode_info(static_cast<ScenarioMode>(m));
        CHECK(info.mode == static_cast<ScenarioMode>(m));
        ScenarioMode parsed{};
        REQUIRE(parse_mode(info.name, parsed));
        CHECK(parsed == info.mode);
        CHECK(std::string(mode_name(info.mode)) == info.name);
    }
    CHECK(std::string(mode_info(ScenarioMode::Cascade).rate_symbol) == "p");
    CHECK(std::string(mode_info(ScenarioMode::Cascade).rate_name) == "accept rate");
    CHECK(std::string(mode_info(ScenarioMode::PartialReuse).rate_symbol) == "h");
    CHECK(std::string(mode_info(ScenarioMode::ResultCache).rate_name) == "hit rate");
    CHECK(mode_info(ScenarioMode::PartialReuse).caches_channels);
    CHECK_FALSE(mode_info(ScenarioMode::Cascade).caches_channels);
    CHECK_FALSE(mode_info(ScenarioMode::ResultCache).has_student);
    Scenario s;
    s.hit_rate = 0.7;
    s.accept_rate = 0.3;
    CHECK(mode_rate(s) == 0.7);
    s.mode = ScenarioMode::Cascade;
    CHECK(mode_rate(s) == 0.3);
}

TEST_CASE("tile break-even: found exactly with g = 8 and on the widest layer with g = 1") {
    // The seed with g = 8 and σ = 0.45: steps are eighths (64 channels), sixteenths (128) and 32nds (256).
    // Just below f = 0.5 each layer keeps one more tile: f_eff = 0.375, 0.4375 and 0.46875, skipping
    // 0.375·1,160,871,936 + 0.4375·809,238,528 + 0.46875·809,238,528 = 1,168,699,392 < 1,250,707,046.4;
    // at f = 0.5 all skip half (1,389,674,496): f* = 50 %, a step.
    Seed seed;
    Scenario s = preset("optimistic");
    s.name = "custom";
    s.channel_granularity = 8;
    s.student_fraction = 0.45;
    Scenario below = s;
    below.cached_fraction = 0.49;  // in [0.46875, 0.5): the last stretch before the step
    CHECK(seed.run(below).computed_flops == doctest::Approx(kSeedT - 1168699392.0).epsilon(1e-15));
    const ScenarioResult r = seed.run(s);
    REQUIRE(r.break_even_cached_fraction.has_value());
    CHECK(*r.break_even_cached_fraction == 0.5);
    CHECK(r.break_even_cached_fraction_is_step);

    // One 1×1 conv with 2^24 output channels, g = 1, σ = 0.5 (S = half its FLOPs): it pays once fewer than
    // half the channels are kept, at f = 1 − (2^23 − 1)/2^24 = 0.5 + 2^-24 — one of 16,777,216 steps,
    // found without walking them.
    Network net;
    net.name = kCustomModel;
    net.input = Shape{1, 1, 1};
    net.layers = {make_conv("wide", kMaxChannels, 1)};
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    Scenario w;
    w.name = "custom";
    w.channel_granularity = 1;
    const ScenarioResult wr = evaluate_scenario(net, ev, Counting{}, w);
    REQUIRE(wr.ok());
    REQUIRE(wr.break_even_cached_fraction.has_value());
    CHECK(*wr.break_even_cached_fraction == 0.5 + std::ldexp(1.0, -24));
    CHECK(wr.break_even_cached_fraction_is_step);
}
