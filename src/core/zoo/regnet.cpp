// Flopscope core — RegNetY-400MF, transcribed from torchvision 0.14's models/regnet.py.
//
// The stage widths and depths are computed in C++ (regnet_params) the way BlockParams.from_init_params
// computes them (depth 16, w_0 48, w_a 27.89, w_m 2.09, group width 8, SE ratio 0.25), giving widths
// 48-104-208-440 and depths 1-3-6-6; tests/data/torchvision_reference.txt records torchvision's own
// result and tests/zoo_test.cpp checks the two agree.
//
// stem (3×3/2 conv-BN-ReLU to 32) → trunk_output.blockS (AnyStage) of ResBottleneckBlocks named
// blockS-I: proj (1×1/stride conv-BN, when width or stride changes; torchvision runs it first) and
// f: a (1×1 conv-BN-ReLU), b (3×3/stride grouped conv-BN-ReLU, groups = width / 8), se (squeeze to
// round(0.25 × block input width), ReLU, sigmoid gate), c (1×1 conv-BN); add; ReLU. Then average
// pool and fc.
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
    const auto se = static_cast<std::int64_t>(std::nearbyint(se_ratio * static_cast<double>(width_in)));
    squeeze_excitation(b, p + ".f.se", se, ActivationKind::ReLU, ActivationKind::Sigmoid, b.last());
    const int f = b.conv_bn_act(p + ".f.c", width_out, 1, 1, 1, ActivationKind::ReLU, false);
    b.add(p + ".add", {shortcut, f});
    return b.activation(p + ".activation", ActivationKind::ReLU);
}

Network build_regnet_y_400mf(std::int64_t h, std::int64_t w) {
    const RegNetParams params = regnet_params(16, 48.0f, 27.89f, 2.09f, 8);
    NetBuilder b("regnet_y_400mf", Shape{3, h, w});
    b.conv_bn_act("stem", 32, 3, 2, 1, ActivationKind::ReLU);
    std::int64_t width = 32;
    for (std::size_t s = 0; s < params.widths.size(); ++s) {
        const std::string stage = "trunk_output.block" + std::to_string(s + 1);
        for (std::int64_t i = 0; i < params.depths[s]; ++i) {
            const std::string p = stage + ".block" + std::to_string(s + 1) + "-" + std::to_string(i);
            res_bottleneck_block(b, p, width, params.widths[s], i == 0 ? 2 : 1, params.group_widths[s], 0.25);
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
    zoo.push_back({"regnet_y_400mf", "RegNet", "RegNetY-400MF: 16 grouped bottleneck blocks with SE, widths 48-104-208-440, 4.3 M parameters",
                   224, 1, nullptr, build_regnet_y_400mf});
}

} // namespace flopscope::zoo
