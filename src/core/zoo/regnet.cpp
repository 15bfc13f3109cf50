// Flopscope core — every RegNet of torchvision 0.14 (RegNetX and RegNetY, 400MF to 128GF), transcribed
// from models/regnet.py: one table row per model (kRegNets), one builder.
//
// The stage widths and depths are computed in C++ (regnet_params) the way BlockParams.from_init_params
// computes them (e.g. regnet_y_400mf: depth 16, w_0 48, w_a 27.89, w_m 2.09, group width 8, SE ratio
// 0.25, giving widths 48-104-208-440 and depths 1-3-6-6); tests/data/torchvision_reference.txt records
// torchvision's own result for every RegNet and tests/zoo_test.cpp checks the two agree.
//
// stem (3×3/2 conv-BN-ReLU to 32) → trunk_output.blockS (AnyStage) of ResBottleneckBlocks named
// blockS-I: proj (1×1/stride conv-BN, when width or stride changes; torchvision runs it first) and
// f: a (1×1 conv-BN-ReLU), b (3×3/stride grouped conv-BN-ReLU, groups = width / group width), se (RegNetY
// only: squeeze to round(0.25 × block input width), ReLU, sigmoid gate), c (1×1 conv-BN); add; ReLU. Then
// average pool and fc.
#include "core/zoo/regnet.h"

#include "core/zoo/blocks.h"
#include "core/zoo/families.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace flopscope::zoo {

RegNetParams regnet_params(std::int64_t depth, float w_0, float w_a, float w_m, std::int64_t group_width) {
    constexpr float kQuant = 8;
    // widths_cont = arange(depth) * w_a + w_0; block_capacity = round(log(widths_cont / w_0) / log(w_m));
    // block_widths = round(w_0 * w_m ** block_capacity / QUANT) * QUANT  (float32 throughout)
    const float log_wm = static_cast<float>(std::log(static_cast<double>(w_m)));
    std::vector<std::int64_t> block_widths;
    for (std::int64_t i = 0; i < depth; ++i) {
        const float cont = static_cast<float>(i) * w_a + w_0;
        const float capacity = std::nearbyintf(std::log(cont / w_0) / log_wm);
        const float width = std::nearbyintf(w_0 * std::pow(w_m, capacity) / kQuant) * kQuant;
        block_widths.push_back(static_cast<std::int64_t>(width));
    }
    // Stages: runs of equal widths.
    RegNetParams p;
    for (std::size_t i = 0; i < block_widths.size(); ++i) {
        if (i == 0 || block_widths[i] != block_widths[i - 1]) {
            p.widths.push_back(block_widths[i]);
            p.depths.push_back(0);
        }
        ++p.depths.back();
    }
    // _adjust_widths_groups_compatibilty (bottleneck multiplier 1): the group width is at most the
    // width, and the width a multiple of the group width.
    for (std::int64_t& w : p.widths) {
        const std::int64_t g = std::min(group_width, w);
        p.group_widths.push_back(g);
        w = make_divisible(w, g);
    }
    return p;
}

namespace {

int res_bottleneck_block(NetBuilder& b, const std::string& p, std::int64_t width_in, std::int64_t width_out,
                         std::int64_t stride, std::int64_t group_width, double se_ratio) {
    const int x = b.last();
    int shortcut = x;
    if (width_in != width_out || stride != 1) {
        b.conv(p + ".proj.0", width_out, 1, stride, 0, 1, false, x);
        shortcut = b.batchnorm(p + ".proj.1");
    }
    const std::int64_t w_b = width_out;  // round(width_out × bottleneck multiplier 1.0)
    b.conv_bn_act(p + ".f.a", w_b, 1, 1, 1, ActivationKind::ReLU, true, x);
    b.conv_bn_act(p + ".f.b", w_b, 3, stride, w_b / group_width, ActivationKind::ReLU);
    if (se_ratio > 0) {  // int(round(se_ratio × width_in)); Python's round and nearbyint both round half to even
        const auto se = static_cast<std::int64_t>(std::nearbyint(se_ratio * static_cast<double>(width_in)));
        squeeze_excitation(b, p + ".f.se", se, ActivationKind::ReLU, ActivationKind::Sigmoid, b.last());
    }
    const int f = b.conv_bn_act(p + ".f.c", width_out, 1, 1, 1, ActivationKind::ReLU, false);
    b.add(p + ".add", {shortcut, f});
    return b.activation(p + ".activation", ActivationKind::ReLU);
}

// One row of torchvision's regnet_* builders: BlockParams.from_init_params arguments; se: RegNetY.
struct RegNetConfig {
    const char* name;
    std::int64_t depth;
    float w_0, w_a, w_m;
    std::int64_t group_width;
    bool se;
    std::int64_t crop;  // the DEFAULT weights' evaluation crop
    const char* description;
};

// Registration order: RegNetY then RegNetX, each from small to large (regnet_y_400mf first, as before).
constexpr RegNetConfig kRegNets[] = {
    {"regnet_y_400mf", 16, 48, 27.89f, 2.09f, 8, true, 224, "RegNetY-400MF: 16 grouped bottleneck blocks with SE, widths 48-104-208-440, 4.3 M parameters"},
    {"regnet_y_800mf", 14, 56, 38.84f, 2.4f, 16, true, 224, "RegNetY-800MF: 14 grouped bottleneck blocks with SE, widths 64-144-320-784, 6.4 M parameters"},
    {"regnet_y_1_6gf", 27, 48, 20.71f, 2.65f, 24, true, 224, "RegNetY-1.6GF: 27 grouped bottleneck blocks with SE, widths 48-120-336-888, 11.2 M parameters"},
    {"regnet_y_3_2gf", 21, 80, 42.63f, 2.66f, 24, true, 224, "RegNetY-3.2GF: 21 grouped bottleneck blocks with SE, widths 72-216-576-1512, 19.4 M parameters"},
    {"regnet_y_8gf", 17, 192, 76.82f, 2.19f, 56, true, 224, "RegNetY-8GF: 17 grouped bottleneck blocks with SE, widths 224-448-896-2016, 39.4 M parameters"},
    {"regnet_y_16gf", 18, 200, 106.23f, 2.48f, 112, true, 224, "RegNetY-16GF: 18 grouped bottleneck blocks with SE, widths 224-448-1232-3024, 83.6 M parameters"},
    {"regnet_y_32gf", 20, 232, 115.89f, 2.53f, 232, true, 224, "RegNetY-32GF: 20 grouped bottleneck blocks with SE, widths 232-696-1392-3712, 145.0 M parameters"},
    {"regnet_y_128gf", 27, 456, 160.83f, 2.52f, 264, true, 384, "RegNetY-128GF: 27 grouped bottleneck blocks with SE, widths 528-1056-2904-7392, 644.8 M parameters (SWAG weights, 384 crop)"},
    {"regnet_x_400mf", 22, 24, 24.48f, 2.54f, 16, false, 224, "RegNetX-400MF: 22 grouped bottleneck blocks, widths 32-64-160-400, 5.5 M parameters"},
    {"regnet_x_800mf", 16, 56, 35.73f, 2.28f, 16, false, 224, "RegNetX-800MF: 16 grouped bottleneck blocks, widths 64-128-288-672, 7.3 M parameters"},
    {"regnet_x_1_6gf", 18, 80, 34.01f, 2.25f, 24, false, 224, "RegNetX-1.6GF: 18 grouped bottleneck blocks, widths 72-168-408-912, 9.2 M parameters"},
    {"regnet_x_3_2gf", 25, 88, 26.31f, 2.25f, 48, false, 224, "RegNetX-3.2GF: 25 grouped bottleneck blocks, widths 96-192-432-1008, 15.3 M parameters"},
    {"regnet_x_8gf", 23, 80, 49.56f, 2.88f, 120, false, 224, "RegNetX-8GF: 23 grouped bottleneck blocks, widths 80-240-720-1920, 39.6 M parameters"},
    {"regnet_x_16gf", 22, 216, 55.59f, 2.1f, 128, false, 224, "RegNetX-16GF: 22 grouped bottleneck blocks, widths 256-512-896-2048, 54.3 M parameters"},
    {"regnet_x_32gf", 23, 320, 69.86f, 2.0f, 168, false, 224, "RegNetX-32GF: 23 grouped bottleneck blocks, widths 336-672-1344-2520, 107.8 M parameters"},
};

Network build_regnet(const RegNetConfig& c, std::int64_t h, std::int64_t w) {
    const RegNetParams params = regnet_params(c.depth, c.w_0, c.w_a, c.w_m, c.group_width);
    NetBuilder b(c.name, Shape{3, h, w});
    b.conv_bn_act("stem", 32, 3, 2, 1, ActivationKind::ReLU);
    std::int64_t width = 32;
    for (std::size_t s = 0; s < params.widths.size(); ++s) {
        const std::string stage = "trunk_output.block" + std::to_string(s + 1);
        for (std::int64_t i = 0; i < params.depths[s]; ++i) {
            const std::string p = stage + ".block" + std::to_string(s + 1) + "-" + std::to_string(i);
            res_bottleneck_block(b, p, width, params.widths[s], i == 0 ? 2 : 1, params.group_widths[s],
                                 c.se ? 0.25 : 0.0);
            width = params.widths[s];
        }
    }
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("fc", 1000);
    return b.take();
}

} // namespace

void register_regnets(std::vector<ModelInfo>& zoo) {
    register_table<kRegNets, build_regnet>(zoo, "RegNet", 1);
}

} // namespace flopscope::zoo
