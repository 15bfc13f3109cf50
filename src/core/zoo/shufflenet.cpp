// Flopscope core — ShuffleNetV2 ×0.5, ×1.0, ×1.5 and ×2.0, transcribed from torchvision 0.14's
// models/shufflenetv2.py: stages of 4, 8, 4 units; conv1 24 channels; stage and conv5 channels per
// width from the table below (×1.0: 116, 232, 464 and 1024).
//
// A stride-2 unit runs branch1 (3×3/2 depthwise → BN → 1×1 → BN → ReLU) and branch2 (1×1 → BN → ReLU →
// 3×3/2 depthwise → BN → 1×1 → BN → ReLU) on the whole input and concatenates them. A stride-1 unit
// splits the channels in two halves (x.chunk(2, dim=1)): the first passes through, branch2 runs on the
// second. Flopscope has no channel-split layer, so branch2's first convolution is written in the
// explicit form (its input channels and output size stated: half the channels, exact MACs, parameters
// and elements read), and the passthrough half enters the concatenation as an operand of the same
// shape (branch2's output), so the concatenation's shape and element counts are exact. The channel
// shuffle is a reshape and costs nothing. The forward pass ends with x.mean([2, 3]) and fc.
#include "core/zoo/families.h"

#include <string>

namespace flopscope::zoo {

namespace {

// _stages_out_channels after conv1's 24: the three stages' channels and conv5's.
struct ShuffleNetConfig {
    const char* name;
    std::int64_t stage_out[3], conv5;
    const char* description;
    std::int64_t crop = 224;  // the weights' evaluation crop
};

const ShuffleNetConfig kShuffleNets[] = {
    {"shufflenet_v2_x0_5", {48, 96, 192}, 1024, "ShuffleNetV2 ×0.5: channel split and shuffle, 16 units, 1.4 M parameters"},
    {"shufflenet_v2_x1_0", {116, 232, 464}, 1024, "ShuffleNetV2 ×1.0: channel split and shuffle, 16 units, 2.3 M parameters"},
    {"shufflenet_v2_x1_5", {176, 352, 704}, 1024, "ShuffleNetV2 ×1.5: channel split and shuffle, 16 units, 3.5 M parameters"},
    {"shufflenet_v2_x2_0", {244, 488, 976}, 2048, "ShuffleNetV2 ×2.0: channel split and shuffle, 16 units, 7.4 M parameters"},
};

Network build_shufflenet(const ShuffleNetConfig& c, std::int64_t h, std::int64_t w) {
    NetBuilder b(c.name, Shape{3, h, w});
    auto down = [](std::int64_t s) { return conv_output_size(s, 3, 2, 1, 1); };
    b.conv("conv1.0", 24, 3, 2, 1);
    b.batchnorm("conv1.1");
    b.activation("conv1.2", ActivationKind::ReLU);
    b.max_pool("maxpool", 3, 2, 1);
    std::int64_t sh = down(down(h)), sw = down(down(w));
    const int repeats[3] = {4, 8, 4};
    const std::int64_t* outs = c.stage_out;
    std::int64_t in = 24;
    for (int stage = 0; stage < 3; ++stage) {
        const std::int64_t bf = outs[stage] / 2;  // branch_features
        for (int i = 0; i < repeats[stage]; ++i) {
            const std::string p = "stage" + std::to_string(stage + 2) + "." + std::to_string(i);
            const int x = b.last();
            if (i == 0) {
                b.conv(p + ".branch1.0", in, 3, 2, 1, in, false, x);
                b.batchnorm(p + ".branch1.1");
                b.conv(p + ".branch1.2", bf, 1, 1, 0);
                b.batchnorm(p + ".branch1.3");
                const int b1 = b.activation(p + ".branch1.4", ActivationKind::ReLU);
                b.conv(p + ".branch2.0", bf, 1, 1, 0, 1, false, x);
                b.batchnorm(p + ".branch2.1");
                b.activation(p + ".branch2.2", ActivationKind::ReLU);
                b.conv(p + ".branch2.3", bf, 3, 2, 1, bf);
                b.batchnorm(p + ".branch2.4");
                b.conv(p + ".branch2.5", bf, 1, 1, 0);
                b.batchnorm(p + ".branch2.6");
                const int b2 = b.activation(p + ".branch2.7", ActivationKind::ReLU);
                b.concat(p + ".cat", {b1, b2});
                sh = down(sh);
                sw = down(sw);
            } else {
                Layer half = make_explicit_conv(p + ".branch2.0", sh, sw, 1, bf, bf);
                half.inputs = {x};  // reads the second half of x's channels
                b.push(std::move(half));
                b.batchnorm(p + ".branch2.1");
                b.activation(p + ".branch2.2", ActivationKind::ReLU);
                b.conv(p + ".branch2.3", bf, 3, 1, 1, bf);
                b.batchnorm(p + ".branch2.4");
                b.conv(p + ".branch2.5", bf, 1, 1, 0);
                b.batchnorm(p + ".branch2.6");
                const int b2 = b.activation(p + ".branch2.7", ActivationKind::ReLU);
                b.concat(p + ".cat", {b2, b2});  // first operand: stands for the passthrough half x1
            }
            in = outs[stage];
        }
    }
    b.conv("conv5.0", c.conv5, 1, 1, 0);
    b.batchnorm("conv5.1");
    b.activation("conv5.2", ActivationKind::ReLU);
    b.adaptive_avg_pool("mean", 1, 1);
    b.flatten("flatten");
    b.linear("fc", 1000);
    return b.take();
}

} // namespace

void register_shufflenets(std::vector<ModelInfo>& zoo) {
    register_table<kShuffleNets, build_shufflenet>(zoo, "ShuffleNet", 1);
}

} // namespace flopscope::zoo
