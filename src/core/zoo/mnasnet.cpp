// Flopscope core — MNASNet 0.5, 0.75, 1.0 and 1.3, transcribed from torchvision 0.14's models/mnasnet.py
// (depths 32, 16, 24, 40, 80, 96, 192, 320, each _round_to_multiple_of(depth × alpha, 8); the models
// torchvision builds are its version 2, whose stem also scales with alpha).
// layers.0-7: 3×3/2 conv d0 → BN → ReLU → 3×3 depthwise → BN → ReLU → 1×1 to d1 → BN; layers.8-13:
// stacks of inverted residuals (in, out, kernel, stride, expansion, repeats) without SE; layers.14-16:
// 1×1 conv to 1280 → BN → ReLU; x.mean([2, 3]); classifier.1 (dropout omitted).
#include "core/zoo/blocks.h"
#include "core/zoo/families.h"

#include <string>

namespace flopscope::zoo {

namespace {

struct MnasNetConfig {
    const char* name;
    double alpha;
    const char* description;
    std::int64_t crop = 224;  // the weights' evaluation crop
};

const MnasNetConfig kMnasNets[] = {
    {"mnasnet0_5", 0.5, "MNASNet 0.5: mobile architecture found by platform-aware search, 2.2 M parameters"},
    {"mnasnet0_75", 0.75, "MNASNet 0.75: mobile architecture found by platform-aware search, 3.2 M parameters"},
    {"mnasnet1_0", 1.0, "MNASNet 1.0: mobile architecture found by platform-aware search, 4.4 M parameters"},
    {"mnasnet1_3", 1.3, "MNASNet 1.3: mobile architecture found by platform-aware search, 6.3 M parameters"},
};

Network build_mnasnet(const MnasNetConfig& c, std::int64_t h, std::int64_t w) {
    std::int64_t d[8];  // _get_depths(alpha)
    const std::int64_t base[8] = {32, 16, 24, 40, 80, 96, 192, 320};
    for (int i = 0; i < 8; ++i) d[i] = make_divisible(static_cast<double>(base[i]) * c.alpha, 8);
    NetBuilder b(c.name, Shape{3, h, w});
    b.conv("layers.0", d[0], 3, 2, 1);
    b.batchnorm("layers.1");
    b.activation("layers.2", ActivationKind::ReLU);
    b.conv("layers.3", d[0], 3, 1, 1, d[0]);
    b.batchnorm("layers.4");
    b.activation("layers.5", ActivationKind::ReLU);
    b.conv("layers.6", d[1], 1, 1, 0);
    b.batchnorm("layers.7");
    struct Stack { std::int64_t in, out, kernel, stride, expansion, repeats; };
    const Stack stacks[] = {{d[1], d[2], 3, 2, 3, 3}, {d[2], d[3], 5, 2, 3, 3}, {d[3], d[4], 5, 2, 6, 3},
                            {d[4], d[5], 3, 1, 6, 2}, {d[5], d[6], 5, 2, 6, 4}, {d[6], d[7], 3, 1, 6, 1}};
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
    register_table<kMnasNets, build_mnasnet>(zoo, "MNASNet", 1);
}

} // namespace flopscope::zoo
