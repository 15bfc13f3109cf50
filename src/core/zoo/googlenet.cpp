// Flopscope core — GoogLeNet (Inception v1), transcribed from torchvision 0.14's models/googlenet.py
// as it runs in eval mode: without the auxiliary classifiers (they only run in training; their
// parameters are not counted, as in torchvision's published 6.6 M). transform_input only rescales
// the input channels and adds no MACs. BasicConv2d = conv (no bias) → batch norm → ReLU; the
// "5×5" branch is a 3×3 convolution in torchvision (a known discrepancy with the paper, kept for
// fidelity). Max-pools use ceil_mode. Branches are listed in execution order (branch1 … branch4).
#include "core/zoo/families.h"

#include <string>

namespace flopscope::zoo {

namespace {

int basic_conv(NetBuilder& b, const std::string& p, std::int64_t out, std::int64_t kernel, std::int64_t stride,
               std::int64_t pad, int from = NetBuilder::kLast) {
    b.conv(p + ".conv", out, kernel, stride, pad, 1, false, from);
    b.batchnorm(p + ".bn");
    return b.activation(p + ".relu", ActivationKind::ReLU);
}

int inception(NetBuilder& b, const std::string& p, std::int64_t ch1x1, std::int64_t ch3x3red, std::int64_t ch3x3,
              std::int64_t ch5x5red, std::int64_t ch5x5, std::int64_t pool_proj) {
    const int x = b.last();
    const int b1 = basic_conv(b, p + ".branch1", ch1x1, 1, 1, 0, x);
    basic_conv(b, p + ".branch2.0", ch3x3red, 1, 1, 0, x);
    const int b2 = basic_conv(b, p + ".branch2.1", ch3x3, 3, 1, 1);
    basic_conv(b, p + ".branch3.0", ch5x5red, 1, 1, 0, x);
    const int b3 = basic_conv(b, p + ".branch3.1", ch5x5, 3, 1, 1);
    b.max_pool(p + ".branch4.0", 3, 1, 1, true, x);
    const int b4 = basic_conv(b, p + ".branch4.1", pool_proj, 1, 1, 0);
    return b.concat(p + ".cat", {b1, b2, b3, b4});
}

Network build_googlenet(std::int64_t h, std::int64_t w) {
    NetBuilder b("googlenet", Shape{3, h, w});
    basic_conv(b, "conv1", 64, 7, 2, 3);
    b.max_pool("maxpool1", 3, 2, 0, true);
    basic_conv(b, "conv2", 64, 1, 1, 0);
    basic_conv(b, "conv3", 192, 3, 1, 1);
    b.max_pool("maxpool2", 3, 2, 0, true);
    inception(b, "inception3a", 64, 96, 128, 16, 32, 32);
    inception(b, "inception3b", 128, 128, 192, 32, 96, 64);
    b.max_pool("maxpool3", 3, 2, 0, true);
    inception(b, "inception4a", 192, 96, 208, 16, 48, 64);
    inception(b, "inception4b", 160, 112, 224, 24, 64, 64);
    inception(b, "inception4c", 128, 128, 256, 24, 64, 64);
    inception(b, "inception4d", 112, 144, 288, 32, 64, 64);
    inception(b, "inception4e", 256, 160, 320, 32, 128, 128);
    b.max_pool("maxpool4", 2, 2, 0, true);
    inception(b, "inception5a", 256, 160, 320, 32, 128, 128);
    inception(b, "inception5b", 384, 192, 384, 48, 128, 128);
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("fc", 1000);
    return b.take();
}

} // namespace

void register_googlenet(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"googlenet", "GoogLeNet", "GoogLeNet (Inception v1) without the auxiliary heads, 6.6 M parameters",
                   224, 15, nullptr, build_googlenet});
}

} // namespace flopscope::zoo
