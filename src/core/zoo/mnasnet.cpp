// Flopscope core — MNASNet 1.0, transcribed from torchvision 0.14's models/mnasnet.py (alpha 1.0:
// depths 32, 16, 24, 40, 80, 96, 192, 320, each _round_to_multiple_of(depth × alpha, 8)).
// layers.0-7: 3×3/2 conv 32 → BN → ReLU → 3×3 depthwise → BN → ReLU → 1×1 to 16 → BN; layers.8-13:
// stacks of inverted residuals (in, out, kernel, stride, expansion, repeats) without SE; layers.14-16:
// 1×1 conv to 1280 → BN → ReLU; x.mean([2, 3]); classifier.1 (dropout omitted).
#include "core/zoo/blocks.h"
#include "core/zoo/families.h"

#include <string>

namespace flopscope::zoo {

namespace {

Network build_mnasnet1_0(std::int64_t h, std::int64_t w) {
    NetBuilder b("mnasnet1_0", Shape{3, h, w});
    b.conv("layers.0", 32, 3, 2, 1);
    b.batchnorm("layers.1");
    b.activation("layers.2", ActivationKind::ReLU);
    b.conv("layers.3", 32, 3, 1, 1, 32);
    b.batchnorm("layers.4");
    b.activation("layers.5", ActivationKind::ReLU);
    b.conv("layers.6", 16, 1, 1, 0);
    b.batchnorm("layers.7");
    struct Stack { std::int64_t in, out, kernel, stride, expansion, repeats; };
    const Stack stacks[] = {{16, 24, 3, 2, 3, 3}, {24, 40, 5, 2, 3, 3},  {40, 80, 5, 2, 6, 3},
                            {80, 96, 3, 1, 6, 2}, {96, 192, 5, 2, 6, 4}, {192, 320, 3, 1, 6, 1}};
    int index = 8;
    for (const Stack& s : stacks) {
        for (std::int64_t i = 0; i < s.repeats; ++i) {
            InvertedResidual ir;
            ir.in = i == 0 ? s.in : s.out;
            ir.expanded = ir.in * s.expansion;
            ir.out = s.out;
            ir.kernel = s.kernel;
            ir.stride = i == 0 ? s.stride : 1;
            ir.act = ActivationKind::ReLU;
            const std::string p = "layers." + std::to_string(index) + "." + std::to_string(i);
            inverted_residual(b, p + ".layers", p + ".add", ir, IrStyle::Mnas);
        }
        ++index;
    }
    b.conv("layers.14", 1280, 1, 1, 0);
    b.batchnorm("layers.15");
    b.activation("layers.16", ActivationKind::ReLU);
    b.adaptive_avg_pool("mean", 1, 1);
    b.flatten("flatten");
    b.linear("classifier.1", 1000);
    return b.take();
}

} // namespace

void register_mnasnets(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"mnasnet1_0", "MNASNet", "MNASNet 1.0: mobile architecture found by platform-aware search, 4.4 M parameters",
                   224, 1, nullptr, build_mnasnet1_0});
}

} // namespace flopscope::zoo
