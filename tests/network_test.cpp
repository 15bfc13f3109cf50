// Layers, shapes and exact counts. Expected values are worked out here from the formulas, not copied
// from the program's output.
#include "core/network.h"
#include "core/zoo.h"

#include <doctest/doctest.h>

using namespace flopscope;

TEST_CASE("output size: floor((in + 2p - d(k-1) - 1)/s) + 1") {
    CHECK(conv_output_size(224, 7, 2, 3, 1) == 112);       // 224+6-6-1 = 223, 223/2 = 111, +1
    CHECK(conv_output_size(112, 3, 2, 1, 1) == 56);        // 112+2-2-1=111, 111/2=55, +1
    CHECK(conv_output_size(56, 3, 1, 1, 1) == 56);         // 56+2-2-1=55, +1
    CHECK(conv_output_size(56, 3, 1, 2, 2) == 56);         // dilation 2: 56+4-4-1=55, +1
    CHECK(conv_output_size(56, 3, 1, 0, 2) == 52);         // 56-4-1=51, +1
    CHECK(conv_output_size(10, 3, 3, 0, 1) == 3);          // 7/3=2, +1
    CHECK(conv_output_size(10, 3, 3, 0, 1, true) == 4);    // ceil(7/3)=3, +1; last window starts at 9 < 10
    CHECK(conv_output_size(6, 2, 2, 1, 1, true) == 4);     // ceil(6/2)+1 = 4; window 3 starts at 6 < 6+1
    CHECK(conv_output_size(5, 2, 2, 1, 1, true) == 3);     // span 5, ceil(5/2)=3 → 4, but (4-1)*2=6 ≥ 5+1 → 3
    CHECK(conv_output_size(2, 7, 1, 0, 1) <= 0);           // the window does not fit
}

TEST_CASE("grouped and depthwise convolutions") {
    Network net;
    net.input = Shape{32, 56, 56};
    net.layers = {make_conv("depthwise", 32, 3, 1, 1, 32), make_conv("grouped", 64, 3, 2, 1, 4, true)};
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    // Depthwise: every output element reads a 3×3 window of one channel.
    CHECK(ev.layers[0].macs.value == 56ull * 56 * 32 * 9);
    CHECK(ev.layers[0].params.value == 32ull * 9);
    // Grouped (4 groups of 8 input channels), stride 2 → 28×28, bias on.
    CHECK(ev.layers[1].out == Shape{64, 28, 28});
    CHECK(ev.layers[1].macs.value == 28ull * 28 * 64 * (9 * 8));
    CHECK(ev.layers[1].params.value == 64ull * 9 * 8 + 64);
    CHECK(ev.layers[1].bias_ops.value == 28ull * 28 * 64);
    // Bias is not counted by default, and counted with the switch on.
    CHECK(ev.totals.flops.value == 2 * (56ull * 56 * 32 * 9 + 28ull * 28 * 64 * 72));
    Counting with_bias;
    with_bias.bias = true;
    CHECK(evaluate(net, with_bias).totals.flops.value == 2 * (56ull * 56 * 32 * 9 + 28ull * 28 * 64 * 72) + 28 * 28 * 64);
}

TEST_CASE("the seed's 13 layers, one by one and in total") {
    Network seed;
    std::string err;
    REQUIRE(build_model("resnet18_seed", 224, 224, seed, err));
    const Evaluation ev = evaluate(seed, Counting{});
    REQUIRE(ev.ok());
    REQUIRE(ev.layers.size() == 13);
    // FLOPs = 2·H·W·K²·C_in·C_out with H, W the output size.
    const std::uint64_t conv1 = 2ull * 112 * 112 * 49 * 3 * 64;      // 236,027,904
    const std::uint64_t s1 = 2ull * 56 * 56 * 9 * 64 * 64;           // 231,211,008
    const std::uint64_t s2_first = 2ull * 28 * 28 * 9 * 64 * 128;    // 115,605,504
    const std::uint64_t s2 = 2ull * 28 * 28 * 9 * 128 * 128;         // 231,211,008
    const std::uint64_t s3_first = 2ull * 14 * 14 * 9 * 128 * 256;   // 115,605,504
    const std::uint64_t s3 = 2ull * 14 * 14 * 9 * 256 * 256;         // 231,211,008
    CHECK(conv1 == 236027904ull);
    const std::uint64_t expected[13] = {conv1, s1, s1, s1, s1, s2_first, s2, s2, s2, s3_first, s3, s3, s3};
    const char* names[13] = {"Conv1", "Block1_Conv1", "Block1_Conv2", "Block2_Conv1", "Block2_Conv2",
                             "Block3_Conv1", "Block3_Conv2", "Block4_Conv1", "Block4_Conv2",
                             "Block5_Conv1", "Block5_Conv2", "Block6_Conv1", "Block6_Conv2"};
    std::uint64_t total = 0;
    for (int i = 0; i < 13; ++i) {
        CAPTURE(i);
        CHECK(seed.layers[i].name == names[i]);
        CHECK(counted_flops(ev.layers[i], Counting{}).value == expected[i]);
        total += expected[i];
    }
    CHECK(total == 2779348992ull);  // the notebook's 2.7793 GFLOPs
    CHECK(ev.totals.flops.value == total);
    CHECK(ev.totals.macs.value == total / 2);
    CHECK(ev.layers.back().out == Shape{256, 14, 14});
}

TEST_CASE("resnet18: torchvision's MACs and parameters") {
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    // conv1 + stages + 3 downsample 1×1 convs + fc, worked out per stage:
    const std::uint64_t conv1 = 112ull * 112 * 49 * 3 * 64;
    const std::uint64_t stage1 = 4 * (56ull * 56 * 9 * 64 * 64);
    const std::uint64_t stage2 = 28ull * 28 * 9 * 64 * 128 + 3 * (28ull * 28 * 9 * 128 * 128) + 28ull * 28 * 64 * 128;
    const std::uint64_t stage3 = 14ull * 14 * 9 * 128 * 256 + 3 * (14ull * 14 * 9 * 256 * 256) + 14ull * 14 * 128 * 256;
    const std::uint64_t stage4 = 7ull * 7 * 9 * 256 * 512 + 3 * (7ull * 7 * 9 * 512 * 512) + 7ull * 7 * 256 * 512;
    const std::uint64_t fc = 512ull * 1000;
    CHECK(ev.totals.macs.value == conv1 + stage1 + stage2 + stage3 + stage4 + fc);
    CHECK(ev.totals.macs.value == 1814073344ull);
    CHECK(ev.totals.params.value == 11689512ull);
    CHECK(ev.layers.back().out == Shape{1000, 1, 1});
}

TEST_CASE("resnet18 at 160x160") {
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 160, 160, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    // 160 → conv1 80 → maxpool 40 → 20 → 10 → 5
    const std::uint64_t macs = 80ull * 80 * 49 * 3 * 64 + 4 * (40ull * 40 * 9 * 64 * 64) +
                               20ull * 20 * 9 * 64 * 128 + 3 * (20ull * 20 * 9 * 128 * 128) + 20ull * 20 * 64 * 128 +
                               10ull * 10 * 9 * 128 * 256 + 3 * (10ull * 10 * 9 * 256 * 256) + 10ull * 10 * 128 * 256 +
                               5ull * 5 * 9 * 256 * 512 + 3 * (5ull * 5 * 9 * 512 * 512) + 5ull * 5 * 256 * 512 +
                               512ull * 1000;
    CHECK(ev.totals.macs.value == macs);
    CHECK(ev.totals.params.value == 11689512ull);  // parameters do not depend on the resolution
}

TEST_CASE("errors name the layer and never wrap") {
    Network net;
    net.input = Shape{3, 224, 224};
    net.layers = {make_conv("too wide", 1000000000, 3, 1, 1)};
    Evaluation ev = evaluate(net, Counting{});
    CHECK_FALSE(ev.ok());
    CHECK(ev.error_layer == 0);
    CHECK(ev.error.find("output channels 1,000,000,000 is above the limit") != std::string::npos);

    net.layers = {make_conv("negative", -4, 3)};
    ev = evaluate(net, Counting{});
    CHECK(ev.error.find("must be at least 1") != std::string::npos);

    // Large but legal fields whose product exceeds 2^64: 16M×16M channels of a 1024×1024 kernel.
    net.input = Shape{kMaxChannels, 4096, 4096};
    net.layers = {make_conv("huge", kMaxChannels, 1024, 1, 512)};
    ev = evaluate(net, Counting{});
    CHECK_FALSE(ev.ok());
    CHECK(ev.error.find("overflows") != std::string::npos);

    Count big(~0ull);
    CHECK_FALSE((big + Count(1)).ok());
    CHECK_FALSE((big * Count(2)).ok());
    CHECK((big * Count(1)).ok());
}

TEST_CASE("with_commas") {
    CHECK(with_commas(Count(0)) == "0");
    CHECK(with_commas(Count(999)) == "999");
    CHECK(with_commas(Count(1000)) == "1,000");
    CHECK(with_commas(Count(1814073344)) == "1,814,073,344");
    CHECK(with_commas(Count::overflowed()) == "overflow");
}

TEST_CASE("a counting convention with negative per-element costs is named, not wrapped") {
    Network net;
    net.input = Shape{3, 8, 8};
    net.layers = {make_conv("c", 4, 3, 1, 1)};
    Counting c;
    c.batchnorm_ops = -1;
    CHECK(evaluate(net, c).error == "batch-norm ops per element must not be negative, not -1");
    c = Counting{};
    c.activation_ops = -3;
    CHECK(evaluate(net, c).error == "activation ops per element must not be negative, not -3");
}
