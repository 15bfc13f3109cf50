// Flopscope core — ShuffleNetV2 ×1.0, transcribed from torchvision 0.14's models/shufflenetv2.py
// (stages of 4, 8, 4 units with 116, 232, 464 channels; conv1 24, conv5 1024).
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

Network build_shufflenet_v2_x1_0(std::int64_t h, std::int64_t w) {
    NetBuilder b("shufflenet_v2_x1_0", Shape{3, h, w});
    auto down = [](std::int64_t s) { return conv_output_size(s, 3, 2, 1, 1); };
    b.conv("conv1.0", 24, 3, 2, 1);
    b.batchnorm("conv1.1");
    b.activation("conv1.2", ActivationKind::ReLU);
    b.max_pool("maxpool", 3, 2, 1);
    std::int64_t sh = down(down(h)), sw = down(down(w));
    const int repeats[3] = {4, 8, 4};
    const std::int64_t outs[3] = {116, 232, 464};
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
    b.conv("conv5.0", 1024, 1, 1, 0);
    b.batchnorm("conv5.1");
    b.activation("conv5.2", ActivationKind::ReLU);
    b.adaptive_avg_pool("mean", 1, 1);
    b.flatten("flatten");
    b.linear("fc", 1000);
    return b.take();
}

} // namespace

void register_shufflenets(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"shufflenet_v2_x1_0", "ShuffleNet", "ShuffleNetV2 ×1.0: channel split and shuffle, 16 units, 2.3 M parameters",
                   224, 1, nullptr, build_shufflenet_v2_x1_0});
}

} // namespace flopscope::zoo
