// Flopscope core — AlexNet, transcribed from torchvision 0.14's models/alexnet.py (the single-GPU
// "one weird trick" variant: 64-192-384-256-256 channels). Module names features.0 … features.12,
// avgpool (adaptive 6×6), classifier.1/.4/.6 (dropout omitted: it costs nothing). Three 3×3/2
// max-pools after the 11×11/4 stem: the smallest input is 63 pixels.
#include "core/zoo/families.h"

namespace flopscope::zoo {

namespace {

Network build_alexnet(std::int64_t h, std::int64_t w) {
    NetBuilder b("alexnet", Shape{3, h, w});
    b.conv("features.0", 64, 11, 4, 2, 1, true);
    b.activation("features.1", ActivationKind::ReLU);
    b.max_pool("features.2", 3, 2);
    b.conv("features.3", 192, 5, 1, 2, 1, true);
    b.activation("features.4", ActivationKind::ReLU);
    b.max_pool("features.5", 3, 2);
    b.conv("features.6", 384, 3, 1, 1, 1, true);
    b.activation("features.7", ActivationKind::ReLU);
    b.conv("features.8", 256, 3, 1, 1, 1, true);
    b.activation("features.9", ActivationKind::ReLU);
    b.conv("features.10", 256, 3, 1, 1, 1, true);
    b.activation("features.11", ActivationKind::ReLU);
    b.max_pool("features.12", 3, 2);
    b.adaptive_avg_pool("avgpool", 6, 6);
    b.flatten("flatten");
    b.linear("classifier.1", 4096);
    b.activation("classifier.2", ActivationKind::ReLU);
    b.linear("classifier.4", 4096);
    b.activation("classifier.5", ActivationKind::ReLU);
    b.linear("classifier.6", 1000);
    return b.take();
}

} // namespace

void register_alexnet(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"alexnet", "AlexNet", "AlexNet (torchvision's one-tower variant): 5 convolutions + 3 fully-connected, 61.1 M parameters",
                   224, 63, nullptr, build_alexnet});
}

} // namespace flopscope::zoo
