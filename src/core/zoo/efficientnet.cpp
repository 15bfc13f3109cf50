// Flopscope core — EfficientNet B0–B7 and EfficientNetV2 S/M/L, transcribed from torchvision 0.14's
// models/efficientnet.py: one table of stages per architecture, one builder.
//
// features.0: 3×3/2 conv-BN-SiLU to the first stage's input channels; features.1…N: stages of blocks
// (features.S.B.block), each stage's first block taking the stage's stride and input channels;
// then a 1×1 conv-BN-SiLU (4 × the last stage's channels for B0–B7, 1280 for V2); average pool;
// classifier.1. Stochastic depth and dropout cost nothing (identity in eval mode) and are omitted.
//   MBConv:      expand 1×1 (when the expanded width differs from the input), k×k depthwise, squeeze-
//                and-excitation to max(1, block input channels // 4) with SiLU and a sigmoid gate, 1×1
//                projection (no activation); residual add when the stride is 1 and in == out.
//   FusedMBConv: (V2's first stages) k×k/stride conv-BN-SiLU to the expanded width, then a 1×1
//                projection; with expand ratio 1 a single k×k conv-BN-SiLU straight to the output.
// B1–B7 scale B0's channels by width_mult (_make_divisible(c × width_mult, 8)) and its stage depths by
// depth_mult (ceil(layers × depth_mult)), both in Python floats.
#include "core/zoo/blocks.h"
#include "core/zoo/families.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace flopscope::zoo {

namespace {

// MBConvConfig / FusedMBConvConfig(expand_ratio, kernel, stride, input_channels, out_channels, num_layers).
struct Stage {
    bool fused;
    std::int64_t expand, kernel, stride, in, out, layers;
};

struct EfficientNetConfig {
    const char* name;
    int arch;                       // index into kStages
    double width_mult, depth_mult;  // B0–B7; 1.0 for V2
    std::int64_t last_channel;      // 0: 4 × the last stage's output channels
    std::int64_t crop;              // the DEFAULT weights' evaluation crop
    const char* description;
};

constexpr bool M = false, F = true;  // MBConv, FusedMBConv

struct Stages {
    Stage stage[7];
    int count;
};

constexpr Stages kStages[] = {
    // 0: B0–B7 (scaled by width_mult and depth_mult)
    {{{M, 1, 3, 1, 32, 16, 1}, {M, 6, 3, 2, 16, 24, 2}, {M, 6, 5, 2, 24, 40, 2}, {M, 6, 3, 2, 40, 80, 3},
      {M, 6, 5, 1, 80, 112, 3}, {M, 6, 5, 2, 112, 192, 4}, {M, 6, 3, 1, 192, 320, 1}}, 7},
    // 1: V2-S
    {{{F, 1, 3, 1, 24, 24, 2}, {F, 4, 3, 2, 24, 48, 4}, {F, 4, 3, 2, 48, 64, 4}, {M, 4, 3, 2, 64, 128, 6},
      {M, 6, 3, 1, 128, 160, 9}, {M, 6, 3, 2, 160, 256, 15}}, 6},
    // 2: V2-M
    {{{F, 1, 3, 1, 24, 24, 3}, {F, 4, 3, 2, 24, 48, 5}, {F, 4, 3, 2, 48, 80, 5}, {M, 4, 3, 2, 80, 160, 7},
      {M, 6, 3, 1, 160, 176, 14}, {M, 6, 3, 2, 176, 304, 18}, {M, 6, 3, 1, 304, 512, 5}}, 7},
    // 3: V2-L
    {{{F, 1, 3, 1, 32, 32, 4}, {F, 4, 3, 2, 32, 64, 7}, {F, 4, 3, 2, 64, 96, 7}, {M, 4, 3, 2, 96, 192, 10},
      {M, 6, 3, 1, 192, 224, 19}, {M, 6, 3, 2, 224, 384, 25}, {M, 6, 3, 1, 384, 640, 7}}, 7},
};

const EfficientNetConfig kEfficientNets[] = {
    {"efficientnet_b0", 0, 1.0, 1.0, 0, 224, "EfficientNet-B0: MBConv blocks with squeeze-and-excitation and SiLU, 5.3 M parameters"},
    {"efficientnet_b1", 0, 1.0, 1.1, 0, 240, "EfficientNet-B1: B0 with 1.1× depth, 7.8 M parameters, 240 crop"},
    {"efficientnet_b2", 0, 1.1, 1.2, 0, 288, "EfficientNet-B2: B0 with 1.1× width and 1.2× depth, 9.1 M parameters, 288 crop"},
    {"efficientnet_b3", 0, 1.2, 1.4, 0, 300, "EfficientNet-B3: B0 with 1.2× width and 1.4× depth, 12.2 M parameters, 300 crop"},
    {"efficientnet_b4", 0, 1.4, 1.8, 0, 380, "EfficientNet-B4: B0 with 1.4× width and 1.8× depth, 19.3 M parameters, 380 crop"},
    {"efficientnet_b5", 0, 1.6, 2.2, 0, 456, "EfficientNet-B5: B0 with 1.6× width and 2.2× depth, 30.4 M parameters, 456 crop"},
    {"efficientnet_b6", 0, 1.8, 2.6, 0, 528, "EfficientNet-B6: B0 with 1.8× width and 2.6× depth, 43.0 M parameters, 528 crop"},
    {"efficientnet_b7", 0, 2.0, 3.1, 0, 600, "EfficientNet-B7: B0 with 2× width and 3.1× depth, 66.3 M parameters, 600 crop"},
    {"efficientnet_v2_s", 1, 1.0, 1.0, 1280, 384, "EfficientNetV2-S: fused and depthwise MBConv stages, 21.5 M parameters, 384 crop"},
    {"efficientnet_v2_m", 2, 1.0, 1.0, 1280, 480, "EfficientNetV2-M: fused and depthwise MBConv stages, 54.1 M parameters, 480 crop"},
    {"efficientnet_v2_l", 3, 1.0, 1.0, 1280, 480, "EfficientNetV2-L: fused and depthwise MBConv stages, 118.5 M parameters, 480 crop"},
};

// FusedMBConv (efficientnet.py): returns the block's output index.
int fused_mbconv(NetBuilder& b, const std::string& p, const std::string& add_name, std::int64_t in,
                 std::int64_t expanded, std::int64_t out, std::int64_t kernel, std::int64_t stride) {
    const int input = b.last();
    if (expanded != in) {
        b.conv_bn_act(p + ".0", expanded, kernel, stride, 1, ActivationKind::SiLU);
        b.conv_bn_act(p + ".1", out, 1, 1, 1, ActivationKind::SiLU, /*with_act=*/false);
    } else {
        b.conv_bn_act(p + ".0", out, kernel, stride, 1, ActivationKind::SiLU);
    }
    if (stride == 1 && in == out) return b.add(add_name, {b.last(), input});
    return b.last();
}

Network build_efficientnet(const EfficientNetConfig& c, std::int64_t h, std::int64_t w) {
    const Stages& stages = kStages[c.arch];
    auto width = [&](std::int64_t channels) {  // MBConvConfig.adjust_channels (FusedMBConvConfig: as is)
        return make_divisible(static_cast<double>(channels) * c.width_mult, 8);
    };
    NetBuilder b(c.name, Shape{3, h, w});
    b.conv_bn_act("features.0", width(stages.stage[0].in), 3, 2, 1, ActivationKind::SiLU);
    int index = 1;
    std::int64_t out = 0;
    for (int k = 0; k < stages.count; ++k) {
        const Stage& s = stages.stage[k];
        const auto layers = static_cast<std::int64_t>(std::ceil(static_cast<double>(s.layers) * c.depth_mult));
        for (std::int64_t i = 0; i < layers; ++i) {
            const std::int64_t in = width(i == 0 ? s.in : s.out);
            out = width(s.out);
            const std::int64_t expanded = make_divisible(static_cast<double>(in * s.expand), 8);
            const std::int64_t stride = i == 0 ? s.stride : 1;
            const std::string p = "features." + std::to_string(index) + "." + std::to_string(i);
            if (s.fused) {
                fused_mbconv(b, p + ".block", p + ".add", in, expanded, out, s.kernel, stride);
                continue;
            }
            InvertedResidual ir;
            ir.in = in;
            ir.expanded = expanded;
            ir.out = out;
            ir.kernel = s.kernel;
            ir.stride = stride;
            ir.act = ActivationKind::SiLU;
            ir.se_squeeze = std::max<std::int64_t>(1, in / 4);
            ir.se_act = ActivationKind::SiLU;
            ir.se_scale = ActivationKind::Sigmoid;
            inverted_residual(b, p + ".block", p + ".add", ir, IrStyle::Block);
        }
        ++index;
    }
    b.conv_bn_act("features." + std::to_string(index), c.last_channel ? c.last_channel : 4 * out, 1, 1, 1,
                  ActivationKind::SiLU);
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("classifier.1", 1000);
    return b.take();
}

} // namespace

void register_efficientnets(std::vector<ModelInfo>& zoo) {
    register_table<kEfficientNets, build_efficientnet>(zoo, "EfficientNet", 1);
}

} // namespace flopscope::zoo
