// Flopscope core — MobileNetV2 and MobileNetV3 (large, small), transcribed from torchvision 0.14's
// models/mobilenetv2.py and models/mobilenetv3.py at width multiplier 1.0 (dropout omitted: no cost).
//
// V2: features.0 stem (3×3/2 conv-BN-ReLU6), 17 inverted residuals features.1 … features.17 (t, c, n, s
// table of the paper), features.18 1×1 conv to 1280, functional adaptive average pool, classifier.1.
// V3: features.0 stem (3×3/2 conv-BN-hardswish), the bneck table below (features.N.block), a 1×1 conv to
// 6 × the last block's channels, average pool, classifier.0 (to 1280 / 1024) → hardswish → classifier.3.
// V3's squeeze-and-excitation squeezes to _make_divisible(expanded // 4, 8) channels with ReLU and
// gates with hardsigmoid.
#include "core/zoo/blocks.h"
#include "core/zoo/families.h"

#include <string>

namespace flopscope::zoo {

namespace {

Network build_mobilenet_v2(std::int64_t h, std::int64_t w) {
    NetBuilder b("mobilenet_v2", Shape{3, h, w});
    b.conv_bn_act("features.0", 32, 3, 2, 1, ActivationKind::ReLU6);
    struct Stage { std::int64_t t, c, n, s; };
    const Stage stages[] = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2},
                            {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
    std::int64_t in = 32;
    int index = 1;
    for (const Stage& st : stages) {
        for (std::int64_t i = 0; i < st.n; ++i) {
            InvertedResidual ir;
            ir.in = in;
            ir.expanded = in * st.t;  // round(inp * expand_ratio)
            ir.out = st.c;
            ir.stride = i == 0 ? st.s : 1;
            ir.act = ActivationKind::ReLU6;
            const std::string p = "features." + std::to_string(index++);
            inverted_residual(b, p + ".conv", p + ".add", ir, IrStyle::V2);
            in = st.c;
        }
    }
    b.conv_bn_act("features.18", 1280, 1, 1, 1, ActivationKind::ReLU6);
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("classifier.1", 1000);
    return b.take();
}

// One row of torchvision's bneck table: input, kernel, expanded, output, SE, hardswish, stride.
struct Bneck {
    std::int64_t in, kernel, expanded, out;
    bool se, hardswish;
    std::int64_t stride;
};

Network build_mobilenet_v3(const char* name, std::initializer_list<Bneck> table, std::int64_t last_channel,
                           std::int64_t h, std::int64_t w) {
    NetBuilder b(name, Shape{3, h, w});
    b.conv_bn_act("features.0", 16, 3, 2, 1, ActivationKind::HardSwish);
    int index = 1;
    std::int64_t out = 16;
    for (const Bneck& r : table) {
        InvertedResidual ir;
        ir.in = make_divisible(r.in, 8);
        ir.expanded = make_divisible(r.expanded, 8);
        ir.out = make_divisible(r.out, 8);
        ir.kernel = r.kernel;
        ir.stride = r.stride;
        ir.act = r.hardswish ? ActivationKind::HardSwish : ActivationKind::ReLU;
        if (r.se) {
            ir.se_squeeze = make_divisible(ir.expanded / 4, 8);
            ir.se_act = ActivationKind::ReLU;
            ir.se_scale = ActivationKind::HardSigmoid;
        }
        const std::string p = "features." + std::to_string(index++);
        inverted_residual(b, p + ".block", p + ".add", ir, IrStyle::Block);
        out = ir.out;
    }
    b.conv_bn_act("features." + std::to_string(index), 6 * out, 1, 1, 1, ActivationKind::HardSwish);
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("classifier.0", last_channel);
    b.activation("classifier.1", ActivationKind::HardSwish);
    b.linear("classifier.3", 1000);
    return b.take();
}

constexpr bool RE = false, HS = true;

Network build_mobilenet_v3_large(std::int64_t h, std::int64_t w) {
    return build_mobilenet_v3("mobilenet_v3_large",
                              {{16, 3, 16, 16, false, RE, 1},
                               {16, 3, 64, 24, false, RE, 2},
                               {24, 3, 72, 24, false, RE, 1},
                               {24, 5, 72, 40, true, RE, 2},
                               {40, 5, 120, 40, true, RE, 1},
                               {40, 5, 120, 40, true, RE, 1},
                               {40, 3, 240, 80, false, HS, 2},
                               {80, 3, 200, 80, false, HS, 1},
                               {80, 3, 184, 80, false, HS, 1},
                               {80, 3, 184, 80, false, HS, 1},
                               {80, 3, 480, 112, true, HS, 1},
                               {112, 3, 672, 112, true, HS, 1},
                               {112, 5, 672, 160, true, HS, 2},
                               {160, 5, 960, 160, true, HS, 1},
                               {160, 5, 960, 160, true, HS, 1}},
                              1280, h, w);
}

Network build_mobilenet_v3_small(std::int64_t h, std::int64_t w) {
    return build_mobilenet_v3("mobilenet_v3_small",
                              {{16, 3, 16, 16, true, RE, 2},
                               {16, 3, 72, 24, false, RE, 2},
                               {24, 3, 88, 24, false, RE, 1},
                               {24, 5, 96, 40, true, HS, 2},
                               {40, 5, 240, 40, true, HS, 1},
                               {40, 5, 240, 40, true, HS, 1},
                               {40, 5, 120, 48, true, HS, 1},
                               {48, 5, 144, 48, true, HS, 1},
                               {48, 5, 288, 96, true, HS, 2},
                               {96, 5, 576, 96, true, HS, 1},
                               {96, 5, 576, 96, true, HS, 1}},
                              1024, h, w);
}

} // namespace

void register_mobilenets(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"mobilenet_v2", "MobileNet", "MobileNetV2: 17 inverted residual blocks with linear bottlenecks, 3.5 M parameters",
                   224, 1, nullptr, build_mobilenet_v2});
    zoo.push_back({"mobilenet_v3_large", "MobileNet", "MobileNetV3-Large: inverted residuals with SE and hardswish, 5.5 M parameters",
                   224, 1, nullptr, build_mobilenet_v3_large});
    zoo.push_back({"mobilenet_v3_small", "MobileNet", "MobileNetV3-Small: 11 inverted residuals with SE and hardswish, 2.5 M parameters",
                   224, 1, nullptr, build_mobilenet_v3_small});
}

} // namespace flopscope::zoo
