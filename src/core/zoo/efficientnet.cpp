// Flopscope core — EfficientNet-B0, transcribed from torchvision 0.14's models/efficientnet.py
// (width and depth multipliers 1.0). features.0: 3×3/2 conv-BN-SiLU to 32; features.1-7: stages of
// MBConv blocks (features.S.B.block: expand 1×1 when the ratio is not 1, k×k depthwise, squeeze-and-
// excitation to max(1, block input channels // 4) with SiLU and a sigmoid gate, 1×1 projection);
// features.8: 1×1 conv-BN-SiLU to 4 × 320 = 1280; average pool; classifier.1. Stochastic depth and
// dropout cost nothing (identity in eval mode) and are omitted.
#include "core/zoo/blocks.h"
#include "core/zoo/families.h"

#include <algorithm>
#include <string>

namespace flopscope::zoo {

namespace {

Network build_efficientnet_b0(std::int64_t h, std::int64_t w) {
    NetBuilder b("efficientnet_b0", Shape{3, h, w});
    b.conv_bn_act("features.0", 32, 3, 2, 1, ActivationKind::SiLU);
    // MBConvConfig(expand_ratio, kernel, stride, input_channels, out_channels, num_layers)
    struct Stage { std::int64_t expand, kernel, stride, in, out, layers; };
    const Stage stages[] = {{1, 3, 1, 32, 16, 1},  {6, 3, 2, 16, 24, 2},  {6, 5, 2, 24, 40, 2},
                            {6, 3, 2, 40, 80, 3},  {6, 5, 1, 80, 112, 3}, {6, 5, 2, 112, 192, 4},
                            {6, 3, 1, 192, 320, 1}};
    int index = 1;
    for (const Stage& s : stages) {
        for (std::int64_t i = 0; i < s.layers; ++i) {
            InvertedResidual ir;
            ir.in = i == 0 ? make_divisible(s.in, 8) : make_divisible(s.out, 8);
            ir.expanded = make_divisible(ir.in * s.expand, 8);
            ir.out = make_divisible(s.out, 8);
            ir.kernel = s.kernel;
            ir.stride = i == 0 ? s.stride : 1;
            ir.act = ActivationKind::SiLU;
            ir.se_squeeze = std::max<std::int64_t>(1, ir.in / 4);
            ir.se_act = ActivationKind::SiLU;
            ir.se_scale = ActivationKind::Sigmoid;
            const std::string p = "features." + std::to_string(index) + "." + std::to_string(i);
            inverted_residual(b, p + ".block", p + ".add", ir, IrStyle::Block);
        }
        ++index;
    }
    b.conv_bn_act("features.8", 1280, 1, 1, 1, ActivationKind::SiLU);
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("classifier.1", 1000);
    return b.take();
}

} // namespace

void register_efficientnets(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"efficientnet_b0", "EfficientNet", "EfficientNet-B0: MBConv blocks with squeeze-and-excitation and SiLU, 5.3 M parameters",
                   224, 1, nullptr, build_efficientnet_b0});
}

} // namespace flopscope::zoo
