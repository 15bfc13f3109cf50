// Roofline time and energy per layer, and caching judged in time. Expected values are worked out here by
// hand from the seed's layer table and the formulas of ../shared/design/caching-cost-models.md §3.7, §4
// (bytes = b·(input + weights + output); t = max(F/P, bytes/B); E = MACs·E_MAC + bytes·160 pJ).
#include "core/roofline.h"
#include "core/state.h"
#include "core/zoo.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>

using namespace flopscope;

namespace {

// One of the seed's convolutions, by hand: H_out·W_out·C_out outputs, K²·C_in MACs each; the unpadded
// input is C_in × (stride·H_out) × (stride·W_out).
struct HandConv {
    const char* name;
    double macs, input, weights, output;  // elements
    double flops() const { return 2 * macs; }
    double bytes(double b) const { return b * (input + weights + output); }
};

constexpr double conv(double h, double k, double cin, double cout) { return h * h * cout * k * k * cin; }

// conv1: 7×7, 3 → 64, stride 2, 224 → 112.
const HandConv kConv1{"Conv1", conv(112, 7, 3, 64), 3 * 224 * 224, 7 * 7 * 3 * 64, 64 * 112 * 112};
// Stage 1: 3×3, 64 → 64 at 56.
const HandConv kStage1{"Block1_Conv1", conv(56, 3, 64, 64), 64 * 56 * 56, 3 * 3 * 64 * 64, 64 * 56 * 56};
// Stage 2: first conv stride 2 (64 → 128, 56 → 28), then 128 → 128 at 28.
const HandConv kStage2Down{"Block3_Conv1", conv(28, 3, 64, 128), 64 * 56 * 56, 3 * 3 * 64 * 128, 128 * 28 * 28};
const HandConv kStage2{"Block3_Conv2", conv(28, 3, 128, 128), 128 * 28 * 28, 3 * 3 * 128 * 128, 128 * 28 * 28};
// Stage 3: first conv stride 2 (128 → 256, 28 → 14), then 256 → 256 at 14.
const HandConv kStage3Down{"Block5_Conv1", conv(14, 3, 128, 256), 128 * 28 * 28, 3 * 3 * 128 * 256, 256 * 14 * 14};
const HandConv kStage3{"Block5_Conv2", conv(14, 3, 256, 256), 256 * 14 * 14, 3 * 3 * 256 * 256, 256 * 14 * 14};
// The seed's 13 layers in order.
const HandConv* const kSeed[13] = {&kConv1,  &kStage1, &kStage1,     &kStage1, &kStage1, &kStage2Down, &kStage2,
                                   &kStage2, &kStage2, &kStage3Down, &kStage3, &kStage3, &kStage3};

// The default state is the seed's 13 layers under the torchvision convention.
struct Seed {
    Network net;
    Evaluation ev;
    Seed() {
        Results res = compute(default_state());
        REQUIRE(res.ok());
        REQUIRE(res.network.name == "resnet18_seed");
        net = std::move(res.network);
        ev = std::move(res.evaluation);
    }
    RooflineResult roofline(const Device& d, const RooflineOptions& o) const {
        return evaluate_roofline(net, ev, Counting{}, d, o);
    }
};

const Device& preset(const char* name) {
    const Device* d = find_device(name);
    REQUIRE(d != nullptr);
    return *d;
}

RooflineOptions at(Precision p) {
    RooflineOptions o;
    o.precision = p;
    return o;
}

constexpr double kPico = 1e-12;

// The code computes the same quantity as the hand arithmetic here, in double, but in its own order:
// the two differ by a few units in the last place (2^-53 ≈ 1.1e-16 relative each). A relative 1e-12
// leaves room for sums over every layer and is still ten million times tighter than the smallest slip
// a formula could make here (one weight element in conv1's 962,752 is 1e-6). scale(0): doctest's
// default adds 1 to the scale, which would make every time in seconds (≈ 1e-6) pass against anything.
doctest::Approx near(double expected) { return doctest::Approx(expected).epsilon(1e-12).scale(0); }

// A figure the design note quotes, to its last printed digit: within half a unit of that digit.
void check_quoted(double value, double quoted, double last_digit) {
    INFO(value << " against the note's " << quoted);
    CHECK(std::fabs(value - quoted) <= last_digit / 2);
}

} // namespace

TEST_CASE("the hand table is the seed's (MACs, input and weight elements)") {
    Seed seed;
    REQUIRE(seed.ev.layers.size() == 13);
    for (int i = 0; i < 13; ++i) {
        INFO(i);
        CHECK(static_cast<double>(seed.ev.layers[static_cast<std::size_t>(i)].macs.value) == kSeed[i]->macs);
        CHECK(static_cast<double>(seed.ev.layers[static_cast<std::size_t>(i)].input_elements.value) == kSeed[i]->input);
        CHECK(static_cast<double>(seed.ev.layers[static_cast<std::size_t>(i)].params.value) == kSeed[i]->weights);
    }
    CHECK(kConv1.macs == 118013952);
    CHECK(kStage1.flops() == 231211008);
    CHECK(kStage2Down.flops() == 115605504);
}

TEST_CASE("T4 FP16: conv1 is memory-bound, a stage-1 3×3 conv is compute-bound (note §4.3)") {
    Seed seed;
    const RooflineResult r = seed.roofline(preset("t4"), at(Precision::FP16));
    REQUIRE(r.ok());
    const double P = 65e12, B = 320e9;
    CHECK(r.ridge == near(203.125));

    const LayerRoofline& c1 = r.layers[0];
    CHECK(c1.bytes == 1925504);  // 2·(150,528 + 9,408 + 802,816)
    CHECK(c1.bytes == kConv1.bytes(2));
    CHECK(c1.input_bytes == 2 * 150528);
    CHECK(c1.weight_bytes == 2 * 9408);
    CHECK(c1.output_bytes == 2 * 802816);
    CHECK(c1.intensity == near(236027904.0 / 1925504.0));  // 122.6 FLOP/B
    CHECK(c1.compute_s == near(236027904.0 / P));           // 3.63 µs
    CHECK(c1.memory_s == near(1925504.0 / B));              // 6.02 µs
    CHECK(c1.time_s == near(1925504.0 / B));  // memory-bound: 6.0172 µs
    CHECK(c1.bound == Bound::Memory);
    // 118,013,952 MACs × 1.5 pJ + 1,925,504 B × 160 pJ = 177,020,928 + 308,080,640 pJ
    CHECK(c1.energy_j == near(485101568.0 * kPico));

    const LayerRoofline& s1 = r.layers[1];
    CHECK(s1.bytes == 876544);  // 2·(200,704 + 36,864 + 200,704)
    CHECK(s1.intensity == near(231211008.0 / 876544.0));  // 263.8
    CHECK(s1.compute_s == near(231211008.0 / P));         // 3.56 µs
    CHECK(s1.memory_s == near(876544.0 / B));             // 2.74 µs
    CHECK(s1.bound == Bound::Compute);
    CHECK(s1.time_s == near(231211008.0 / P));  // compute-bound
    check_quoted(s1.time_s, 3.5571e-6, 0.0001e-6);

    // Every layer against the hand table; stage 3's 3×3 convs (AI 167.5) are memory-bound too.
    double total = 0, energy = 0;
    for (int i = 0; i < 13; ++i) {
        INFO(kSeed[i]->name);
        const HandConv& h = *kSeed[i];
        const double t = std::max(h.flops() / P, h.bytes(2) / B);
        CHECK(r.layers[static_cast<std::size_t>(i)].bytes == h.bytes(2));
        CHECK(r.layers[static_cast<std::size_t>(i)].time_s == near(t));
        CHECK(r.layers[static_cast<std::size_t>(i)].bound == (h.flops() / P > h.bytes(2) / B ? Bound::Compute : Bound::Memory));
        total += t;
        energy += (h.macs * 1.5 + h.bytes(2) * 160) * kPico;
    }
    CHECK(r.layers[5].bound == Bound::Memory);   // stride-2 stage-2 conv: AI 154
    CHECK(r.layers[6].bound == Bound::Compute);  // stage 2: AI 332
    CHECK(r.layers[10].bound == Bound::Memory);  // stage 3: AI 167.5 < 203
    CHECK(r.totals.time_s == near(total));
    check_quoted(r.totals.time_s, 48.98e-6, 0.01e-6);  // "≈ 49 µs"
    CHECK(r.totals.energy_j == near(energy));
    CHECK(r.totals.compute_bound_layers == 7);
    CHECK(r.totals.memory_bound_layers == 6);
    CHECK(r.totals.inferences_per_s == near(1.0 / total));
    CHECK(r.totals.board_energy_j == near(70.0 * total));
}

TEST_CASE("Jetson Nano FP16 and FP32: compute-bound everywhere (note §4.3)") {
    Seed seed;
    const RooflineResult r = seed.roofline(preset("jetson_nano"), at(Precision::FP16));
    REQUIRE(r.ok());
    const double T = 2779348992.0;  // the seed's FLOPs
    for (const LayerRoofline& l : r.layers) CHECK(l.bound == Bound::Compute);
    CHECK(r.totals.time_s == near(T / 472e9));  // 5.89 ms
    check_quoted(r.totals.time_s, 5.8885e-3, 0.0001e-3);
    CHECK(r.layers[0].memory_s == near(1925504.0 / 25.6e9));

    const RooflineResult r32 = seed.roofline(preset("jetson_nano"), at(Precision::FP32));
    REQUIRE(r32.ok());
    CHECK(r32.layers[0].bytes == 2 * 1925504.0);  // 4 bytes per element
    CHECK(r32.totals.time_s == near(T / 236e9));  // 11.8 ms
    // FP32 energy: 1,389,674,496 MACs × 4.6 pJ + Σ bytes × 160 pJ
    double bytes = 0;
    for (const HandConv* h : kSeed) bytes += h->bytes(4);
    CHECK(r32.totals.bytes == bytes);
    CHECK(r32.totals.energy_j == near((1389674496.0 * 4.6 + bytes * 160) * kPico));
}

TEST_CASE("A100 40 GB FP16: the seed in about 10 µs (note §4.3)") {
    Seed seed;
    const RooflineResult r = seed.roofline(preset("a100_40gb"), at(Precision::FP16));
    REQUIRE(r.ok());
    const double P = 312e12, B = 1555e9;
    double total = 0;
    for (const HandConv* h : kSeed) total += std::max(h->flops() / P, h->bytes(2) / B);
    CHECK(r.totals.time_s == near(total));
    check_quoted(r.totals.time_s, 10.14e-6, 0.01e-6);  // "about 10 µs"
    CHECK(r.layers[0].bound == Bound::Memory);  // conv1: AI 122.6 < ridge 200.6
}

TEST_CASE("a small graph: a skip connection and a repeated layer, with and without activations on chip") {
    // input 8×16×16 → conv 3×3 (8 → 8, pad 1) → ReLU ×3 → add(conv, ReLU). 2,048 elements per tensor.
    Network net;
    net.input = Shape{8, 16, 16};
    Layer relu;
    relu.name = "relu";
    relu.kind = LayerKind::Activation;
    relu.repeat = 3;
    Layer add;
    add.name = "add";
    add.kind = LayerKind::Add;
    add.inputs = {0, 1};
    net.layers = {make_conv("conv", 8, 3, 1, 1), relu, add};
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    Device d;
    d.peak(Precision::FP32).dense = {1e12, false};
    d.dram_bandwidth = {1e9, false};
    d.onchip_buffer = {10000, false};  // a 2,048 × 4 = 8,192-byte tensor fits
    RooflineOptions o = at(Precision::FP32);
    o.layer_overhead_s = 1e-6;

    const RooflineResult off = evaluate_roofline(net, ev, Counting{}, d, o);
    REQUIRE(off.ok());
    const double t = 2048;
    CHECK(off.layers[0].bytes == 4 * (t + 8 * 8 * 9 + t));     // 18,688
    CHECK(off.layers[0].flops == 2 * t * 8 * 9);               // 294,912
    CHECK(off.layers[0].time_s == near(18688 / 1e9 + 1e-6));
    CHECK(off.layers[0].bound == Bound::Memory);
    CHECK(off.layers[1].bytes == 4 * (3 * t + 3 * t));         // each of 3 repeats reads and writes
    CHECK(off.layers[1].time_s == near(49152 / 1e9 + 3e-6));  // 3 kernels
    CHECK(off.layers[2].bytes == 4 * (2 * t + t));

    o.activations_on_chip = true;
    const RooflineResult on = evaluate_roofline(net, ev, Counting{}, d, o);
    REQUIRE(on.ok());
    // conv: reads the network input and weights; its output stays for the ReLU and the add.
    CHECK(on.layers[0].bytes == 4 * (t + 576));
    CHECK(on.layers[0].onchip_bytes == 4 * t);
    // ReLU: everything on chip, no FLOPs counted: overhead-bound, 3 kernels.
    CHECK(on.layers[1].bytes == 0);
    CHECK(on.layers[1].onchip_bytes == 4 * 6 * t);
    CHECK(on.layers[1].bound == Bound::Overhead);
    CHECK(on.layers[1].time_s == near(3e-6));
    // add: both inputs on chip; its output is the network's, written to DRAM.
    CHECK(on.layers[2].input_bytes == 0);
    CHECK(on.layers[2].onchip_bytes == 4 * 2 * t);
    CHECK(on.layers[2].output_bytes == 4 * t);
    CHECK(on.totals.bytes == 4 * (t + 576 + t));
}

TEST_CASE("efficiencies, overhead and the energy scale") {
    Seed seed;
    RooflineOptions o = at(Precision::FP16);
    o.compute_efficiency = 0.5;
    o.memory_efficiency = 0.8;
    o.layer_overhead_s = 5e-6;
    o.energy_scale = 0.1;
    const RooflineResult r = seed.roofline(preset("t4"), o);
    REQUIRE(r.ok());
    CHECK(r.ridge == near(0.5 * 65e12 / (0.8 * 320e9)));
    const LayerRoofline& c1 = r.layers[0];
    CHECK(c1.compute_s == near(236027904.0 / (0.5 * 65e12)));  // 7.26 µs
    CHECK(c1.memory_s == near(1925504.0 / (0.8 * 320e9)));     // 7.52 µs
    CHECK(c1.time_s == near(1925504.0 / (0.8 * 320e9) + 5e-6));
    CHECK(c1.bound == Bound::Memory);
    CHECK(c1.energy_j == near(0.1 * 485101568.0 * kPico));

    // An overhead larger than both roofs makes the layer overhead-bound.
    o.layer_overhead_s = 20e-6;
    const RooflineResult big = seed.roofline(preset("t4"), o);
    REQUIRE(big.ok());
    CHECK(big.layers[0].bound == Bound::Overhead);
    CHECK(big.totals.bound == Bound::Overhead);
    CHECK(big.totals.time_s == near(r.totals.time_s + 13 * 15e-6));
}

TEST_CASE("fetch versus recompute: recompute intensity 2·K²·C_in/b against the ridge (note §3.7)") {
    Seed seed;
    const RooflineResult t4 = seed.roofline(preset("t4"), at(Precision::FP16));
    const RooflineResult nano = seed.roofline(preset("jetson_nano"), at(Precision::FP16));
    REQUIRE(t4.ok());
    REQUIRE(nano.ok());
    // FLOP per byte fetched at FP16: conv1 2·49·3/2 = 147; stage 1 576; stage 2 1,152; stage 3 2,304.
    CHECK(t4.layers[0].recompute_intensity == 147);
    CHECK(t4.layers[1].recompute_intensity == 576);
    CHECK(t4.layers[6].recompute_intensity == 1152);
    CHECK(t4.layers[10].recompute_intensity == 2304);
    CHECK(t4.layers[5].recompute_intensity == 576);  // the stride-2 conv reads 64 channels
    // T4 ridge 203: conv1 is cheaper to recompute; every 3×3 conv is cheaper to fetch.
    CHECK(t4.layers[0].time_verdict == Verdict::Recompute);
    for (std::size_t i = 1; i < 13; ++i) CHECK(t4.layers[i].time_verdict == Verdict::Fetch);
    // Jetson Nano ridge 18.4: fetching wins everywhere.
    for (const LayerRoofline& l : nano.layers) CHECK(l.time_verdict == Verdict::Fetch);

    // Energy at 45 nm. FP32: conv1 147 MACs × 4.6 pJ = 676.2 pJ vs 4 B × 160 pJ = 640 pJ: fetching is
    // (just) cheaper. FP16: 147 × 1.5 = 220.5 pJ vs 320 pJ: recomputing is cheaper.
    const RooflineResult fp32 = seed.roofline(preset("t4"), at(Precision::FP32));
    REQUIRE(fp32.ok());
    CHECK(fp32.layers[0].recompute_pj == near(676.2));
    CHECK(fp32.layers[0].fetch_pj == 640);
    CHECK(fp32.layers[0].energy_verdict == Verdict::Fetch);
    CHECK(fp32.layers[1].recompute_pj == near(576 * 4.6));  // 2.65 nJ
    CHECK(t4.layers[0].recompute_pj == near(220.5));
    CHECK(t4.layers[0].fetch_pj == 320);
    CHECK(t4.layers[0].energy_verdict == Verdict::Recompute);
    CHECK(t4.layers[1].energy_verdict == Verdict::Fetch);  // 864 pJ vs 320 pJ
}

TEST_CASE("resnet18's layer4.1.conv2 on a T4 at FP16, by hand") {
    // torchvision's resnet18 at 224: the last 3×3 conv, 512 → 512 channels at 7×7, no bias.
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    const RooflineResult r = evaluate_roofline(net, ev, Counting{}, preset("t4"), at(Precision::FP16));
    REQUIRE(r.ok());
    std::size_t i = 0;
    while (i < net.layers.size() && net.layers[i].name != "layer4.1.conv2") ++i;
    REQUIRE(i < net.layers.size());
    const LayerRoofline& l = r.layers[i];

    // MACs: 7·7 outputs × 512 channels × 3·3·512 = 115,605,504; FLOPs twice that.
    CHECK(l.flops == 231211008);
    // Elements: input 512·7·7 = 25,088; weights 3·3·512·512 = 2,359,296; output 25,088.
    // FP16 bytes: 2 × (25,088 + 2,359,296 + 25,088) = 2 × 2,409,472 = 4,818,944.
    CHECK(l.input_bytes == 50176);
    CHECK(l.weight_bytes == 4718592);
    CHECK(l.output_bytes == 50176);
    CHECK(l.bytes == 4818944);
    // Intensity 231,211,008 / 4,818,944 = 47.98 FLOP/B, far below the T4's FP16 ridge 65e12 / 320e9 =
    // 203.125: the weights make the deepest conv memory-bound.
    CHECK(r.ridge == 203.125);
    CHECK(l.intensity == near(231211008.0 / 4818944.0));
    check_quoted(l.intensity, 47.98, 0.01);
    // Compute roof: 231,211,008 / 65e12 = 3.5571 µs; memory roof: 4,818,944 / 320e9 = 15.0592 µs (exact
    // in decimal); the time is the larger.
    CHECK(l.compute_s == near(231211008.0 / 65e12));
    CHECK(l.memory_s == near(15.0592e-6));
    CHECK(l.time_s == near(15.0592e-6));
    CHECK(l.bound == Bound::Memory);
    // Energy (45 nm): 115,605,504 MACs × 1.5 pJ = 173,408,256 pJ, plus 4,818,944 B × 160 pJ =
    // 771,031,040 pJ: 944,439,296 pJ = 944.44 µJ.
    CHECK(l.energy_j == near(944439296e-12));
    // Fetch or recompute: a cached element costs 2·3·3·512 = 9,216 FLOPs to recompute per 2 bytes fetched,
    // 4,608 FLOP/B > 203.125: fetching wins in time; in energy 4,608 MACs × 1.5 pJ = 6,912 pJ vs 2 × 160 pJ.
    CHECK(l.recompute_intensity == 4608);
    CHECK(l.time_verdict == Verdict::Fetch);
    CHECK(l.recompute_pj == near(6912));
    CHECK(l.fetch_pj == 320);
    CHECK(l.energy_verdict == Verdict::Fetch);
}

TEST_CASE("layers the FLOP convention counts as zero still cost bytes and time") {
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    const RooflineResult r = evaluate_roofline(net, ev, Counting{}, preset("t4"), at(Precision::FP16));
    REQUIRE(r.ok());
    auto find = [&](const char* name) -> const LayerRoofline& {
        for (std::size_t i = 0; i < net.layers.size(); ++i)
            if (net.layers[i].name == name) return r.layers[i];
        FAIL("no layer " << name);
        return r.layers[0];
    };
    // bn1 on conv1's 64×112×112 output: reads it, its 2·64 scale and shift, writes it; 0 FLOPs counted.
    const LayerRoofline& bn = find("bn1");
    CHECK(bn.flops == 0);
    CHECK(bn.bytes == 2 * (802816 + 128 + 802816));
    CHECK(bn.time_s == near(2 * (802816 + 128 + 802816) / 320e9));  // 10.0 µs
    CHECK(bn.bound == Bound::Memory);
    CHECK(bn.energy_j == near(2 * (802816 + 128 + 802816) * 160 * kPico));
    // The stem's max-pool: 64×112×112 in, 64×56×56 out.
    const LayerRoofline& pool = find("maxpool");
    CHECK(pool.flops == 0);
    CHECK(pool.bytes == 2 * (802816 + 200704));
    CHECK(pool.time_s > 0);
    // Every layer takes time; the sum is the total.
    double total = 0;
    for (const LayerRoofline& l : r.layers) {
        CHECK(l.time_s > 0);
        total += l.time_s;
    }
    CHECK(r.totals.time_s == near(total));

    // Counting batch norm (2 ops per element) adds those FLOPs to its compute time and MACs to its energy.
    Counting with_bn;
    with_bn.batchnorm = true;
    const Evaluation ev2 = evaluate(net, with_bn);
    const RooflineResult r2 = evaluate_roofline(net, ev2, with_bn, preset("t4"), at(Precision::FP16));
    REQUIRE(r2.ok());
    for (std::size_t i = 0; i < net.layers.size(); ++i)
        if (net.layers[i].name == "bn1") CHECK(r2.layers[i].flops == 2 * 802816);
}

TEST_CASE("activations on chip: an output that fits the buffer skips DRAM both ways") {
    Seed seed;
    RooflineOptions o = at(Precision::FP16);
    o.activations_on_chip = true;
    const RooflineResult r = seed.roofline(preset("t4"), o);  // 4 MiB L2: every seed output fits
    REQUIRE(r.ok());
    // conv1 reads the network input and its weights; its 1,605,632-byte output stays on chip.
    CHECK(r.layers[0].bytes == 2 * (150528 + 9408));
    CHECK(r.layers[0].output_bytes == 0);
    CHECK(r.layers[0].onchip_bytes == 2 * 802816);
    // Block1_Conv1 moves only its weights through DRAM.
    CHECK(r.layers[1].bytes == 2 * 36864);
    CHECK(r.layers[1].onchip_bytes == 2 * (200704 + 200704));
    // The last layer's output is the network's output: written.
    CHECK(r.layers[12].bytes == 2 * (589824 + 50176));
    CHECK(r.layers[0].energy_j ==
          near((118013952 * 1.5 + 2 * (150528 + 9408) * 160 + 2 * 802816 * 1.25) * kPico));

    // A 1 MB buffer: conv1's 1.6 MB output does not fit and goes through DRAM; stage 1's 401 KB do.
    Device small = preset("t4");
    small.name = "custom";
    small.onchip_buffer.value = 1e6;
    const RooflineResult s = seed.roofline(small, o);
    REQUIRE(s.ok());
    CHECK(s.layers[0].output_bytes == 2 * 802816);
    CHECK(s.layers[1].input_bytes == 2 * 200704);
    CHECK(s.layers[1].output_bytes == 0);
}

TEST_CASE("bad device, precision or options give a message, never a number") {
    Seed seed;
    const RooflineResult coral = seed.roofline(preset("coral"), at(Precision::FP32));
    CHECK(coral.error == "Google Coral Edge TPU (USB) has no FP32 peak: choose INT8, or use a custom device that has one");
    CHECK(roofline_json(coral) == "null");
    CHECK(seed.roofline(preset("coral"), at(Precision::INT8)).ok());

    Device bad = preset("t4");
    bad.dram_bandwidth.value = 0;
    CHECK(seed.roofline(bad, at(Precision::FP16)).error == "DRAM bandwidth must be above 0 bytes/s");
    bad.dram_bandwidth.value = std::numeric_limits<double>::quiet_NaN();
    CHECK(seed.roofline(bad, at(Precision::FP16)).error == "DRAM bandwidth is not a number");

    auto with = [&](auto edit) {
        RooflineOptions o = at(Precision::FP16);
        edit(o);
        return seed.roofline(preset("t4"), o).error;
    };
    CHECK(with([](RooflineOptions& o) { o.compute_efficiency = 0; }) == "compute efficiency 0 must be above 0");
    CHECK(with([](RooflineOptions& o) { o.memory_efficiency = 1.5; }) == "memory efficiency 1.5 is above the limit of 1");
    CHECK(with([](RooflineOptions& o) { o.layer_overhead_s = -1e-6; }) == "per-layer overhead -1e-6 must not be below 0");
    CHECK(with([](RooflineOptions& o) { o.layer_overhead_s = std::numeric_limits<double>::quiet_NaN(); }) ==
          "per-layer overhead is not a number");
    CHECK(with([](RooflineOptions& o) { o.energy_scale = std::numeric_limits<double>::infinity(); }) ==
          "energy scale must be a finite number");
    CHECK(with([](RooflineOptions& o) { o.sparse = true; }) == "NVIDIA T4 has no FP16 sparse peak: use a custom device that has one");

    Evaluation broken;
    broken.error = "layer 1 \"x\": output channels 0 must be at least 1";
    CHECK(evaluate_roofline(seed.net, broken, Counting{}, preset("t4"), at(Precision::FP16)).error == broken.error);
}

//-----------------------------------------------------------------------------
// Caching in time
//-----------------------------------------------------------------------------

namespace {

// Only conv1 is cached, all of its channels (f = 1), half the time (h = 0.5); no student, no lookup.
Scenario conv1_cache() {
    Scenario s;
    s.name = "custom";
    s.eligible_first = 0;
    s.eligible_last = 0;
    s.cached_fraction = 1.0;
    s.hit_rate = 0.5;
    s.truncation_efficiency = 1.0;
    s.student_fraction = 0.0;
    s.precision = Precision::FP16;
    return s;
}

struct Timed {
    Seed seed;
    ScenarioResult sr;
    RooflineResult base;
    CachingTime ct;
    Timed(const Scenario& s, const char* device, Precision p) {
        sr = evaluate_scenario(seed.net, seed.ev, Counting{}, s);
        REQUIRE(sr.ok());
        base = seed.roofline(preset(device), at(p));
        REQUIRE(base.ok());
        ct = evaluate_caching_time(seed.net, seed.ev, Counting{}, s, sr, preset(device), at(p), base);
        REQUIRE(ct.ok());
    }
};

} // namespace

TEST_CASE("caching that saves FLOPs but costs time: memory-bound conv1 on a T4") {
    const Timed t(conv1_cache(), "t4", Precision::FP16);
    const double B = 320e9;
    const double I = 150528, W = 9408, O = 802816;  // conv1's elements
    // FLOPs: half the calls skip conv1 entirely.
    CHECK(t.sr.saved_flops == 0.5 * 236027904.0);
    // Hit: no FLOPs, reads the input and fetches the cached output: 2·(I + O) bytes.
    // Miss: the full layer plus writing the entry: 2·(I + W + 2·O) bytes. Both memory-bound.
    const LayerCachingTime& c1 = t.ct.layers[0];
    CHECK(c1.cached);
    CHECK(c1.fraction == 1.0);
    CHECK(c1.hit_time_s == near(2 * (I + O) / B));
    CHECK(c1.miss_time_s == near(2 * (I + W + 2 * O) / B));
    CHECK(c1.hit_bound == Bound::Memory);
    CHECK(c1.miss_bound == Bound::Memory);
    CHECK(c1.fetch_bytes == 0.5 * 2 * O);
    CHECK(c1.insert_bytes == 0.5 * 2 * O);
    CHECK(c1.bytes == 0.5 * 2 * (I + O) + 0.5 * 2 * (I + W + 2 * O));
    CHECK_FALSE(t.ct.layers[1].cached);
    CHECK(t.ct.layers[1].time_s == t.base.layers[1].time_s);

    // Expected time change: (I + W + O) − ½(I + O) − ½(I + W + 2·O) = −½(O − W) elements of 2 bytes.
    CHECK(t.ct.saved_time_s == near(-(O - W) / B));  // −2.48 µs
    CHECK(t.ct.saved_time_s < 0);
    CHECK(t.ct.total_time_s == near(t.base.totals.time_s + (O - W) / B));
    // Skipping: ½ × (the baseline's 2·(I + W + O) − the input alone 2·I) = (W + O)·2/2 bytes of time.
    CHECK(t.ct.skipping_saves_s == near((W + O) / B));  // 2.54 µs
    // Cache traffic: ½ × 2·O (fetch) + ½ × 2·O (insert).
    CHECK(t.ct.cache_traffic_s == near(2 * O / B));  // 5.02 µs
    CHECK(t.ct.cached_layers == 1);
    CHECK(t.ct.memory_bound_cached_layers == 1);
    CHECK(t.ct.time_warning ==
          "The cached layers are memory-bound on NVIDIA T4 at FP16: skipping their FLOPs saves 2.54 µs, fetching and "
          "writing the cache costs 5.02 µs, so caching saves FLOPs but not time.");

    // Energy: half of conv1's MACs, the expected bytes at 160 pJ, the rest unchanged.
    const double conv1_energy = (0.5 * 118013952 * 1.5 + (0.5 * 2 * (I + O) + 0.5 * 2 * (I + W + 2 * O)) * 160) * kPico;
    CHECK(t.ct.total_energy_j == near(t.base.totals.energy_j - t.base.layers[0].energy_j + conv1_energy));

    // Break-even hit rate in time: t(h) = h·hit + (1 − h)·miss = baseline ⇔ h = O / (O + W) = 98.8 %.
    REQUIRE(t.ct.break_even_rate.has_value());
    CHECK(*t.ct.break_even_rate == near(O / (O + W)));
    // In FLOPs any hit rate above 0 pays (no student, no lookup).
    REQUIRE(t.sr.break_even_rate.has_value());
    CHECK(*t.sr.break_even_rate == 0.0);
    CHECK_FALSE(t.ct.break_even_student_s.has_value());  // no room for any student

    const std::string json = caching_time_json(t.ct);
    CHECK(json.find("\"bound\": \"memory\"") != std::string::npos);
    CHECK(json.find("\"break_even_rate\": ") != std::string::npos);
}

TEST_CASE("a student that eats the saving: FLOPs saved, time lost, and the sentence names all three costs") {
    // 20 % of every seed layer's channels, every call a hit; a student of 19 % of the seed's FLOPs, given as
    // a FLOP count (so it runs compute-bound). FLOPs: 0.2·T − 0.19·T > 0.
    const double T = 2779348992.0;
    Scenario s = conv1_cache();
    s.eligible_last = -1;
    s.cached_fraction = 0.2;
    s.hit_rate = 1.0;
    s.student_kind = StudentKind::Flops;
    s.student_flops = 0.19 * T;
    const Timed t(s, "t4", Precision::FP16);
    CHECK(t.sr.saved_flops == near(0.01 * T));
    const double P = 65e12, B = 320e9;
    // Per layer, a hit computes 0.8·F and moves I + 0.8·(W + O) bytes, plus the 0.2·O cached channels fetched.
    double skipping = 0, traffic = 0;
    for (const HandConv* h : kSeed) {
        const double base = std::max(h->flops() / P, h->bytes(2) / B);
        const double no_fetch = std::max(0.8 * h->flops() / P, 2 * (h->input + 0.8 * (h->weights + h->output)) / B);
        const double hit = std::max(0.8 * h->flops() / P, 2 * (h->input + 0.8 * (h->weights + h->output) + 0.2 * h->output) / B);
        skipping += base - no_fetch;
        traffic += hit - no_fetch;
    }
    const double student = 0.19 * T / P;  // 8.12 µs
    CHECK(t.ct.student_time_s == near(student));
    CHECK(t.ct.skipping_saves_s == near(skipping));  // 9.04 µs
    CHECK(t.ct.cache_traffic_s == near(traffic));    // 1.38 µs
    CHECK(t.ct.saved_time_s == near(skipping - traffic - student));
    CHECK(t.ct.saved_time_s < 0);
    CHECK(t.ct.memory_bound_cached_layers == 6);  // of 13: not "the cached layers are memory-bound"
    CHECK(t.ct.time_warning == "On NVIDIA T4 at FP16, skipping the cached layers' FLOPs saves " + format_seconds(skipping) +
                                   ", fetching and writing the cache costs " + format_seconds(traffic) +
                                   " and the student takes " + format_seconds(student) +
                                   ", so caching saves FLOPs but not time.");
    CHECK(format_seconds(skipping) == "9.04 µs");
    CHECK(format_seconds(student) == "8.12 µs");
}

TEST_CASE("the same cache on the compute-bound Jetson Nano saves time") {
    const Timed t(conv1_cache(), "jetson_nano", Precision::FP16);
    const double P = 472e9, B = 25.6e9;
    const double I = 150528, O = 802816;
    // Hit: memory only (no FLOPs); miss: compute-bound.
    CHECK(t.ct.layers[0].hit_time_s == near(2 * (I + O) / B));
    CHECK(t.ct.layers[0].miss_time_s == near(236027904.0 / P));
    CHECK(t.ct.layers[0].miss_bound == Bound::Compute);
    const double saved = 0.5 * (236027904.0 / P - 2 * (I + O) / B);
    CHECK(t.ct.saved_time_s == near(saved));  // 212 µs
    CHECK(t.ct.saved_time_s > 0);
    CHECK(t.ct.time_warning == "");
    REQUIRE(t.ct.break_even_rate.has_value());
    CHECK(*t.ct.break_even_rate == 0.0);
}

TEST_CASE("student and lookup time; break-even hit rate with a student") {
    // The seed's optimistic scenario on a T4: 20 % of every layer's channels, student = 50 % of the network.
    Scenario s = conv1_cache();
    s.eligible_last = -1;
    s.cached_fraction = 0.2;
    s.hit_rate = 1.0;
    s.student_fraction = 0.5;
    s.lookup_kind = LookupKind::NearestNeighbour;
    s.key_dim = 512;
    s.cache_entries = 10000;
    const Timed t(s, "t4", Precision::FP16);
    CHECK(t.ct.student_time_s == near(0.5 * t.base.totals.time_s));
    CHECK(t.ct.student_energy_j == near(0.5 * t.base.totals.energy_j));
    // Lookup: 2·512·10,000 FLOPs and 512·10,000·2 bytes: memory-bound, 10.24 MB / 320 GB/s = 32 µs.
    CHECK(t.ct.lookup_time_s == near(512.0 * 10000 * 2 / 320e9));
    CHECK(t.ct.lookup_energy_j == near((512.0 * 10000 * 1.5 + 512.0 * 10000 * 2 * 160) * kPico));
    CHECK(t.ct.total_time_s == near(t.ct.network_time_s + t.ct.student_time_s + t.ct.lookup_time_s));
    // total(h) = fixed + h·Σhit + (1 − h)·Σmiss + student + lookup is linear in h; its break-even is where
    // it meets the baseline, found from the two ends.
    double hit = 0, miss = 0;
    for (const LayerCachingTime& l : t.ct.layers) { hit += l.hit_time_s; miss += l.miss_time_s; }
    const double extra = t.ct.student_time_s + t.ct.lookup_time_s;
    const double t0 = miss + extra, t1 = hit + extra;
    if (t1 < t0 && (t0 - t.base.totals.time_s) / (t0 - t1) <= 1) {
        REQUIRE(t.ct.break_even_rate.has_value());
        CHECK(*t.ct.break_even_rate == near((t0 - t.base.totals.time_s) / (t0 - t1)));
    } else {
        CHECK_FALSE(t.ct.break_even_rate.has_value());
    }
    // The student costs half the network, and 20 % of channels cannot save half of it: no break-even.
    CHECK_FALSE(t.ct.break_even_rate.has_value());

    // The sweep over h agrees with the evaluation at h = 1 and is linear.
    const std::vector<double> sw = sweep_time(t.ct, s, SweepParameter::Rate, 1001);
    REQUIRE(sw.size() == 1001);
    CHECK(sw.back() == near(t.ct.total_time_s));
    CHECK(sw.front() == near(t0));
    CHECK(sw[500] == near(0.5 * (t0 + t1)));
    CHECK(sweep_time(t.ct, s, SweepParameter::CachedFraction, 1001).empty());
}

TEST_CASE("cascade: the student answers a fraction p alone; break-even p in time") {
    Scenario s = conv1_cache();
    s.mode = ScenarioMode::Cascade;
    s.accept_rate = 0.7;
    s.student_fraction = 0.25;
    const Timed t(s, "t4", Precision::FP16);
    const double base = t.base.totals.time_s;
    CHECK(t.ct.total_time_s == near(0.25 * base + 0.3 * base));
    CHECK(t.ct.saved_time_s == near(0.45 * base));
    REQUIRE(t.ct.break_even_rate.has_value());
    CHECK(*t.ct.break_even_rate == near(0.25));  // p* = σ (no lookup)
    REQUIRE(t.ct.break_even_student_s.has_value());
    CHECK(*t.ct.break_even_student_s == near(0.7 * base));
}

TEST_CASE("result cache: a hit reads the stored output, a miss runs the network and writes it") {
    Scenario s = conv1_cache();
    s.mode = ScenarioMode::ResultCache;
    s.hit_rate = 0.9;
    const Timed t(s, "t4", Precision::FP16);
    const double base = t.base.totals.time_s;
    const double out = 2.0 * 256 * 14 * 14 / 320e9;  // the last layer's output, 100,352 bytes
    CHECK(t.ct.student_time_s == 0);                 // a result cache has no student
    CHECK(t.ct.total_time_s == near(0.1 * base + out));
    REQUIRE(t.ct.break_even_rate.has_value());
    CHECK(*t.ct.break_even_rate == near(out / base));  // (base + out − base) / (base + out − out)
}

TEST_CASE("a zoo student runs its own roofline on the same device") {
    Scenario s = conv1_cache();
    s.student_kind = StudentKind::Model;
    s.student_model = "mobilenet_v3_small";
    const Timed t(s, "t4", Precision::FP16);
    Network student;
    std::string err;
    REQUIRE(build_model("mobilenet_v3_small", 224, 224, student, err));
    const Evaluation sev = evaluate(student, Counting{});
    const RooflineResult sr = evaluate_roofline(student, sev, Counting{}, preset("t4"), at(Precision::FP16));
    REQUIRE(sr.ok());
    CHECK(t.ct.student_time_s == sr.totals.time_s);
    CHECK(t.ct.student_energy_j == sr.totals.energy_j);
    // 113 MFLOPs, a twenty-fifth of the seed's, but many small memory-bound layers: longer than the seed.
    CHECK(sr.totals.flops == static_cast<double>(sev.totals.flops.value));  // 113,020,800
    CHECK(sr.totals.flops == 113020800);
    CHECK(sr.totals.time_s > t.base.totals.time_s);
}

TEST_CASE("a scenario on another network is refused") {
    Seed seed;
    const Scenario s = conv1_cache();
    const ScenarioResult sr = evaluate_scenario(seed.net, seed.ev, Counting{}, s);
    Network other;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, other, err));
    const Evaluation oev = evaluate(other, Counting{});
    const RooflineResult base = evaluate_roofline(other, oev, Counting{}, preset("t4"), at(Precision::FP16));
    const CachingTime ct = evaluate_caching_time(other, oev, Counting{}, s, sr, preset("t4"), at(Precision::FP16), base);
    CHECK(ct.error == "the scenario and the roofline were evaluated on another network");
    CHECK(caching_time_json(ct) == "null");
}

TEST_CASE("times and energies in words") {
    CHECK(format_seconds(2.5382e-6) == "2.54 µs");
    CHECK(format_seconds(0.3e-3) == "300 µs");
    CHECK(format_seconds(5.8891e-3) == "5.89 ms");
    CHECK(format_seconds(1.5) == "1.5 s");
    CHECK(format_seconds(0) == "0 s");
    CHECK(format_seconds(-2.48e-6) == "-2.48 µs");
    CHECK(format_joules(485101568.0 * kPico) == "485 µJ");
}

TEST_CASE("roofline JSON carries time, energy, bytes and bound per layer and in totals") {
    Seed seed;
    const RooflineResult r = seed.roofline(preset("t4"), at(Precision::FP16));
    REQUIRE(r.ok());
    const std::string j = roofline_json(r);
    CHECK(j.rfind("{\"precision\": \"fp16\", \"peak_flops\": 6.5e+13, \"bandwidth\": 3.2e+11, "
                  "\"ridge\": 203.125, \"layers\": [{\"flops\": 236027904, \"bytes\": 1925504, ",
                  0) == 0);
    CHECK(j.find("\"bound\": \"memory\"") != std::string::npos);
    CHECK(j.find("\"time_verdict\": \"recompute\"") != std::string::npos);
    CHECK(j.find("\"totals\": {\"flops\": 2779348992, ") != std::string::npos);
}
