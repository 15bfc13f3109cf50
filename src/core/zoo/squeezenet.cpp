// Flopscope core — SqueezeNet 1.0 and 1.1, transcribed from torchvision 0.14's models/squeezenet.py.
// Fire modules (features.N.squeeze 1×1 → expand1x1 ‖ expand3x3, concatenated), 3×3/2 max-pools with
// ceil_mode, and a convolutional classifier (classifier.1: 1×1 conv to 1000 channels with ReLU, then
// adaptive average pool). Every conv has a bias.
#include "core/zoo/families.h"

#include <string>

namespace flopscope::zoo {

namespace {

void fire(NetBuilder& b, const std::string& p, std::int64_t squeeze, std::int64_t expand1, std::int64_t expand3) {
    b.conv(p + ".squeeze", squeeze, 1, 1, 0, 1, true);
    const int s = b.activation(p + ".squeeze_activation", ActivationKind::ReLU);
    b.conv(p + ".expand1x1", expand1, 1, 1, 0, 1, true, s);
    const int e1 = b.activation(p + ".expand1x1_activation", ActivationKind::ReLU);
    b.conv(p + ".expand3x3", expand3, 3, 1, 1, 1, true, s);
    const int e3 = b.activation(p + ".expand3x3_activation", ActivationKind::ReLU);
    b.concat(p + ".cat", {e1, e3});
}

void classifier(NetBuilder& b) {
    b.conv("classifier.1", 1000, 1, 1, 0, 1, true);
    b.activation("classifier.2", ActivationKind::ReLU);
    b.adaptive_avg_pool("classifier.3", 1, 1);
    b.flatten("flatten");
}

Network squeezenet1_0(std::int64_t h, std::int64_t w) {
    NetBuilder b("squeezenet1_0", Shape{3, h, w});
    b.conv("features.0", 96, 7, 2, 0, 1, true);
    b.activation("features.1", ActivationKind::ReLU);
    b.max_pool("features.2", 3, 2, 0, true);
    fire(b, "features.3", 16, 64, 64);
    fire(b, "features.4", 16, 64, 64);
    fire(b, "features.5", 32, 128, 128);
    b.max_pool("features.6", 3, 2, 0, true);
    fire(b, "features.7", 32, 128, 128);
    fire(b, "features.8", 48, 192, 192);
    fire(b, "features.9", 48, 192, 192);
    fire(b, "features.10", 64, 256, 256);
    b.max_pool("features.11", 3, 2, 0, true);
    fire(b, "features.12", 64, 256, 256);
    classifier(b);
    return b.take();
}

Network squeezenet1_1(std::int64_t h, std::int64_t w) {
    NetBuilder b("squeezenet1_1", Shape{3, h, w});
    b.conv("features.0", 64, 3, 2, 0, 1, true);
    b.activation("features.1", ActivationKind::ReLU);
    b.max_pool("features.2", 3, 2, 0, true);
    fire(b, "features.3", 16, 64, 64);
    fire(b, "features.4", 16, 64, 64);
    b.max_pool("features.5", 3, 2, 0, true);
    fire(b, "features.6", 32, 128, 128);
    fire(b, "features.7", 32, 128, 128);
    b.max_pool("features.8", 3, 2, 0, true);
    fire(b, "features.9", 48, 192, 192);
    fire(b, "features.10", 48, 192, 192);
    fire(b, "features.11", 64, 256, 256);
    fire(b, "features.12", 64, 256, 256);
    classifier(b);
    return b.take();
}

} // namespace

void register_squeezenets(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"squeezenet1_0", "SqueezeNet", "SqueezeNet 1.0: 8 Fire modules, AlexNet accuracy with 1.2 M parameters",
                   224, 21, nullptr, squeezenet1_0});
    zoo.push_back({"squeezenet1_1", "SqueezeNet", "SqueezeNet 1.1: 3×3 stem and earlier pooling, 2.4× less compute than 1.0",
                   224, 17, nullptr, squeezenet1_1});
}

} // namespace flopscope::zoo
