// Flopscope core — VGG, transcribed from torchvision 0.14's models/vgg.py: configurations A (vgg11),
// B (vgg13), D (vgg16), E (vgg19), each with and without batch norm. features.N numbers the Sequential
// exactly as make_layers builds it (conv, [bn,] relu per 3×3 conv; 2×2 max-pool at each "M"); then
// AdaptiveAvgPool2d(7×7), flatten and the 4096-4096-1000 classifier (classifier.0/.3/.6, dropout
// omitted: it costs nothing). Every conv has a bias. Five 2×2 poolings: the input needs 32 pixels.
#include "core/zoo/families.h"

#include <string>

namespace flopscope::zoo {

namespace {

constexpr int M = 0;  // max-pool marker in a configuration

Network build_vgg(const char* name, std::initializer_list<int> cfg, bool bn, std::int64_t h, std::int64_t w) {
    NetBuilder b(name, Shape{3, h, w});
    int i = 0;
    auto at = [&] { return "features." + std::to_string(i++); };
    for (int v : cfg) {
        if (v == M) {
            b.max_pool(at(), 2, 2);
        } else {
            b.conv(at(), v, 3, 1, 1, 1, true);
            if (bn) b.batchnorm(at());
            b.activation(at(), ActivationKind::ReLU);
        }
    }
    b.adaptive_avg_pool("avgpool", 7, 7);
    b.flatten("flatten");
    b.linear("classifier.0", 4096);
    b.activation("classifier.1", ActivationKind::ReLU);
    b.linear("classifier.3", 4096);
    b.activation("classifier.4", ActivationKind::ReLU);
    b.linear("classifier.6", 1000);
    return b.take();
}

#define FLOPSCOPE_VGG_CFG_A {64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M}
#define FLOPSCOPE_VGG_CFG_B {64, 64, M, 128, 128, M, 256, 256, M, 512, 512, M, 512, 512, M}
#define FLOPSCOPE_VGG_CFG_D {64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M}
#define FLOPSCOPE_VGG_CFG_E \
    {64, 64, M, 128, 128, M, 256, 256, 256, 256, M, 512, 512, 512, 512, M, 512, 512, 512, 512, M}

Network vgg11(std::int64_t h, std::int64_t w) { return build_vgg("vgg11", FLOPSCOPE_VGG_CFG_A, false, h, w); }
Network vgg11_bn(std::int64_t h, std::int64_t w) { return build_vgg("vgg11_bn", FLOPSCOPE_VGG_CFG_A, true, h, w); }
Network vgg13(std::int64_t h, std::int64_t w) { return build_vgg("vgg13", FLOPSCOPE_VGG_CFG_B, false, h, w); }
Network vgg13_bn(std::int64_t h, std::int64_t w) { return build_vgg("vgg13_bn", FLOPSCOPE_VGG_CFG_B, true, h, w); }
Network vgg16(std::int64_t h, std::int64_t w) { return build_vgg("vgg16", FLOPSCOPE_VGG_CFG_D, false, h, w); }
Network vgg16_bn(std::int64_t h, std::int64_t w) { return build_vgg("vgg16_bn", FLOPSCOPE_VGG_CFG_D, true, h, w); }
Network vgg19(std::int64_t h, std::int64_t w) { return build_vgg("vgg19", FLOPSCOPE_VGG_CFG_E, false, h, w); }
Network vgg19_bn(std::int64_t h, std::int64_t w) { return build_vgg("vgg19_bn", FLOPSCOPE_VGG_CFG_E, true, h, w); }

} // namespace

void register_vggs(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"vgg11", "VGG", "VGG-11 (configuration A): 8 convolutions + 3 fully-connected, 132.9 M parameters",
                   224, 32, nullptr, vgg11});
    zoo.push_back({"vgg11_bn", "VGG", "VGG-11 with batch normalization after every convolution, 132.9 M parameters",
                   224, 32, nullptr, vgg11_bn});
    zoo.push_back({"vgg13", "VGG", "VGG-13 (configuration B): 10 convolutions + 3 fully-connected, 133.0 M parameters",
                   224, 32, nullptr, vgg13});
    zoo.push_back({"vgg13_bn", "VGG", "VGG-13 with batch normalization after every convolution, 133.1 M parameters",
                   224, 32, nullptr, vgg13_bn});
    zoo.push_back({"vgg16", "VGG", "VGG-16 (configuration D): 13 convolutions + 3 fully-connected, 138.4 M parameters",
                   224, 32, nullptr, vgg16});
    zoo.push_back({"vgg16_bn", "VGG", "VGG-16 with batch normalization after every convolution, 138.4 M parameters",
                   224, 32, nullptr, vgg16_bn});
    zoo.push_back({"vgg19", "VGG", "VGG-19 (configuration E): 16 convolutions + 3 fully-connected, 143.7 M parameters",
                   224, 32, nullptr, vgg19});
    zoo.push_back({"vgg19_bn", "VGG", "VGG-19 with batch normalization after every convolution, 143.7 M parameters",
                   224, 32, nullptr, vgg19_bn});
}

} // namespace flopscope::zoo
