// Peer conventions: ResNet-18 at 224×224 under every preset, the expected figure derived here op class
// by op class from each counter's rule (core/conventions.cpp names the source of each rule), not copied
// from the program's output.
#include "core/conventions.h"
#include "core/zoo.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <set>
#include <string>

using namespace flopscope;

namespace {

// ResNet-18 at 224×224, element counts by op class, from its shapes:
// stem conv1 → 64×112×112, max-pool → 64×56×56; stages of 2 basic blocks at 56, 28, 14, 7 pixels with
// 64, 128, 256, 512 channels; stages 2-4 start with a 1×1/2 downsample conv + batch norm.
constexpr std::uint64_t kStem = 64ull * 112 * 112;   // 802,816
constexpr std::uint64_t kS1 = 64ull * 56 * 56;       // 200,704
constexpr std::uint64_t kS2 = 128ull * 28 * 28;      // 100,352
constexpr std::uint64_t kS3 = 256ull * 14 * 14;      // 50,176
constexpr std::uint64_t kS4 = 512ull * 7 * 7;        // 25,088

constexpr std::uint64_t kDense = 1814073344ull;      // conv + fc MACs (network_test derives it)
constexpr std::uint64_t kFcBias = 1000;              // the only bias: fc's 1,000 outputs
// Batch norm inputs: bn1 at the stem; 4 per stage (2 per block); 1 more in stages 2-4 (downsample.1).
constexpr std::uint64_t kBnElements = kStem + 4 * kS1 + 5 * kS2 + 5 * kS3 + 5 * kS4;
constexpr std::uint64_t kBnChannels = 64 + 4 * 64 + 5 * 128 + 5 * 256 + 5 * 512;
// ReLU: the stem's, then 2 per block (after bn1 and after the add), 2 blocks per stage.
constexpr std::uint64_t kReluElements = kStem + 4 * kS1 + 4 * kS2 + 4 * kS3 + 4 * kS4;
// Residual adds: 1 per block, output-sized.
constexpr std::uint64_t kAddElements = 2 * kS1 + 2 * kS2 + 2 * kS3 + 2 * kS4;
constexpr std::uint64_t kMaxPoolIn = kStem, kMaxPoolOut = kS1;  // 3×3, stride 2
constexpr std::uint64_t kAvgPoolIn = kS4, kAvgPoolOut = 512;    // adaptive 7×7 → 1×1

static_assert(kBnElements == 2483712ull);
static_assert(kBnChannels == 4800ull);
static_assert(kReluElements == 2308096ull);
static_assert(kAddElements == 752640ull);

Count headline(const char* convention, const char* model = "resnet18", std::int64_t res = 224) {
    const Convention* c = find_convention(convention);
    REQUIRE(c != nullptr);
    Network net;
    std::string err;
    REQUIRE(build_model(model, res, res, net, err));
    const Evaluation ev = evaluate(net, c->counting);
    REQUIRE_MESSAGE(ev.ok(), ev.error);
    return headline_value(ev.totals, *c);
}

std::string shown(Count v, double scale, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, static_cast<double>(v.value) / scale);
    return buf;
}

} // namespace

TEST_CASE("conventions: the presets, their rules and sources") {
    std::set<std::string> names;
    for (const Convention& c : conventions()) {
        CAPTURE(std::string(c.name));
        CHECK(names.insert(c.name).second);
        CHECK(std::string(c.rule).size() > 40);
        CHECK(std::string(c.source).find('/') != std::string::npos);
        CHECK(std::string(c.unit).size() > 0);
        CHECK(std::string(c.tool).size() > 0);
    }
    for (const char* n : {"torchvision", "fvcore", "ptflops", "thop", "torchinfo", "calflops", "calflops-macs",
                          "convnet-burden"})
        CHECK(names.count(n) == 1);
    CHECK(std::string(conventions().front().name) == "torchvision");
    CHECK(conventions().front().counting == Counting{});
    CHECK(find_convention("nope") == nullptr);
    CHECK(std::string(headline_unit(Headline::FLOPs)) == "FLOPs");
}

TEST_CASE("conventions: resnet18 at 224 under each preset, derived from the rules") {
    // torchvision: conv + linear MACs, nothing else.
    CHECK(headline("torchvision").value == kDense);
    // fvcore: + batch norm 2 per element + adaptive average pool 1 per input element; ReLU, max-pool,
    // adds ignored; bias ignored.
    CHECK(headline("fvcore").value == kDense + 2 * kBnElements + kAvgPoolIn);
    // ptflops: + fc bias + batch norm 2 per element + ReLU 1 per element + every pool 1 per input element.
    CHECK(headline("ptflops").value == kDense + kFcBias + 2 * kBnElements + kReluElements + kMaxPoolIn + kAvgPoolIn);
    // thop: + batch norm 4 per element + adaptive average pool (49 + 1) per output element; max-pool,
    // ReLU zero; bias ignored.
    CHECK(headline("thop").value == kDense + 4 * kBnElements + (49 + 1) * kAvgPoolOut);
    // torchinfo: + fc bias (once) + batch norm's 2 parameters per channel (once per layer).
    CHECK(headline("torchinfo").value == kDense + kFcBias + 2 * kBnChannels);
    // calflops FLOPs: 2 × MACs (fc bias ignored, convs have none) + batch norm 2 per element + ReLU 1
    // per element + every pool 1 per input element.
    CHECK(headline("calflops").value ==
          2 * kDense + 2 * kBnElements + kReluElements + kMaxPoolIn + kAvgPoolIn);
    // calflops MACs: conv + linear only.
    CHECK(headline("calflops-macs").value == kDense);
    // convnet-burden: + fc bias + ReLU 2 per element + max-pool 2 per output × stride 2·2 + global pool
    // 2 per output × 7·7 (the adaptive pool as AvgPool2d(7)) + residual sums 1 per output element;
    // batch norm 0.
    CHECK(headline("convnet-burden").value ==
          kDense + kFcBias + 2 * kReluElements + 2 * kMaxPoolOut * 4 + 2 * kAvgPoolOut * 49 + kAddElements);

    // The spread the issue quotes: 1.81 G (torchvision) to 3.64 G (calflops FLOPs).
    CHECK(shown(headline("torchvision"), 1e9, 2) == "1.81");
    CHECK(shown(headline("calflops"), 1e9, 2) == "3.64");
}

TEST_CASE("conventions: published figures of the counters") {
    // ptflops' README benchmark (torchvision models, 224×224, GMac): resnet18 1.82, resnet50 4.12,
    // vgg16 15.5, alexnet 0.72, squeezenet1_0 0.83, resnet101 7.85, vgg11_bn 7.64, densenet121 2.88.
    CHECK(shown(headline("ptflops", "resnet18"), 1e9, 2) == "1.82");
    CHECK(shown(headline("ptflops", "resnet50"), 1e9, 2) == "4.12");
    CHECK(shown(headline("ptflops", "resnet101"), 1e9, 2) == "7.85");
    CHECK(shown(headline("ptflops", "vgg16"), 1e9, 1) == "15.5");
    CHECK(shown(headline("ptflops", "vgg11_bn"), 1e9, 2) == "7.64");
    CHECK(shown(headline("ptflops", "alexnet"), 1e9, 2) == "0.72");
    CHECK(shown(headline("ptflops", "squeezenet1_0"), 1e9, 2) == "0.83");
    CHECK(shown(headline("ptflops", "densenet121"), 1e9, 2) == "2.88");
    // thop before 0.1 (count_bn: 2 per element in eval mode) gave ResNet-50 the figure quoted in countless
    // scripts, "4111514624.0 25557032.0 res50": conv + fc MACs, batch norm 2 per element, adaptive
    // average pool (49 + 1) per output.
    Counting old_thop = find_convention("thop")->counting;
    old_thop.batchnorm_ops = 2;
    Network r50;
    std::string err;
    REQUIRE(build_model("resnet50", 224, 224, r50, err));
    CHECK(evaluate(r50, old_thop).totals.macs.value == 4111514624ull);
    CHECK(evaluate(r50, old_thop).totals.params.value == 25557032ull);
    // calflops' README: "alexnet FLOPs:1.4297 GFLOPS   MACs:714.188 MMACs".
    CHECK(shown(headline("calflops", "alexnet"), 1e9, 4) == "1.4297");
    CHECK(shown(headline("calflops-macs", "alexnet"), 1e6, 3) == "714.188");
    // convnet-burden's README (MFLOPS/GFLOPS, rounded to units): squeezenet1-0 837 M, squeezenet1-1 360 M,
    // resnet-50 4 G, vgg-vd-16 16 G.
    CHECK(shown(headline("convnet-burden", "squeezenet1_0"), 1e6, 0) == "837");
    CHECK(shown(headline("convnet-burden", "squeezenet1_1"), 1e6, 0) == "360");
    CHECK(shown(headline("convnet-burden", "resnet50"), 1e9, 0) == "4");
    CHECK(shown(headline("convnet-burden", "vgg16"), 1e9, 0) == "16");
}

TEST_CASE("conventions: the comparison table") {
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    const std::vector<ConventionTotals> rows = compare_conventions(net);
    REQUIRE(rows.size() == conventions().size());
    for (const ConventionTotals& r : rows) {
        CAPTURE(std::string(r.convention->name));
        CHECK(r.error.empty());
        CHECK(r.dense_macs.value == kDense);
        CHECK(r.value == headline(r.convention->name));
        // The headline is the dense MACs (× 2 for FLOPs) plus what each op class adds.
        const std::uint64_t base = r.convention->headline == Headline::FLOPs
                                       ? kDense * static_cast<std::uint64_t>(r.convention->counting.flops_per_mac)
                                       : kDense;
        CHECK(r.value.value == base + r.extra.total().value);
    }
    CHECK(explain_difference(rows[0]).empty());
    const ConventionTotals* pt = nullptr;
    for (const ConventionTotals& r : rows)
        if (std::string(r.convention->name) == "ptflops") pt = &r;
    REQUIRE(pt != nullptr);
    CHECK(pt->extra.bias.value == kFcBias);
    CHECK(pt->extra.batchnorm.value == 2 * kBnElements);
    CHECK(pt->extra.activations.value == kReluElements);
    CHECK(pt->extra.pooling.value == kMaxPoolIn + kAvgPoolIn);
    CHECK(pt->extra.elementwise.value == 0);
    CHECK(explain_difference(*pt) == "+ bias 1,000 + normalization 4,967,424 + activations 2,308,096 + pooling 827,904");
}

TEST_CASE("conventions: finer rules leave the switches' default meaning intact") {
    Counting c;
    CHECK(c.default_rules());
    c.bias = c.batchnorm = c.activations = c.pooling = c.elementwise = true;
    CHECK(c.default_rules());
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    const Evaluation ev = evaluate(net, c);
    REQUIRE(ev.ok());
    // Default rules: bias 1/output, BN 2/element, activations 1/element, pooling per window element
    // (max-pool 3×3 per output, adaptive pool every input element), adds 1 per output element.
    CHECK(ev.totals.macs.value ==
          kDense + kFcBias + 2 * kBnElements + kReluElements + 9 * kMaxPoolOut + kAvgPoolIn + kAddElements);
    CHECK(describe(Counting{}) ==
          "torchvision convention: MACs of conv, linear and matmul layers; not counted: bias, normalization, activations, "
          "pooling, element-wise add/multiply; FLOPs = 2 × MACs");
    const std::string d = describe(find_convention("thop")->counting);
    CHECK(d.find("normalization 4 per element") != std::string::npos);
    CHECK(d.find("FLOPs = MACs") != std::string::npos);
}

TEST_CASE("conventions: per-rule costs on small layers") {
    // A 4×6×6 input: max-pool 2×2/2, average pool 3×3/3, adaptive average 2×2, hardswish, SiLU.
    NetBuilder b("t", Shape{4, 6, 6});
    b.max_pool("max", 2, 2);                       // 4×3×3
    b.avg_pool("avg", 3, 3, 0, false, kNetworkInput);   // 4×2×2
    b.adaptive_avg_pool("adaptive", 2, 2, kNetworkInput); // 4×2×2 from 6×6: area ratio 9
    b.activation("hs", ActivationKind::HardSwish, kNetworkInput);
    b.activation("silu", ActivationKind::SiLU, kNetworkInput);
    const Network net = b.take();
    auto extra = [&](const Counting& c) {
        const Evaluation ev = evaluate(net, c);
        REQUIRE(ev.ok());
        return ev.totals.macs.value;  // no dense MACs here
    };
    Counting c;
    c.pooling = true;
    CHECK(extra(c) == 36 * 4 + 36 * 4 + 144);  // window: 36 outputs × 4, 16 × 9, adaptive: inputs
    c.pool_rule = PoolRule::Input;
    CHECK(extra(c) == 3 * 144);
    c.pool_rule = PoolRule::Thop;
    CHECK(extra(c) == 36 + 16 + (9 + 1) * 16);
    c.pool_rule = PoolRule::Stride2;  // adaptive 6×6 → 2×2: stride 3×3
    CHECK(extra(c) == 2 * 36 * 4 + 2 * 16 * 9 + 2 * 16 * 9);
    c.pool_kinds = bit(PoolKind::AdaptiveAvg);
    CHECK(extra(c) == 2 * 16 * 9);
    Counting a;
    a.activations = true;
    CHECK(extra(a) == 2 * 144);
    a.activation_kinds = bit(ActivationKind::SiLU);
    a.activation_ops = 3;
    CHECK(extra(a) == 3 * 144);
}
