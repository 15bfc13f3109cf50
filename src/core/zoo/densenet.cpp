// Flopscope core — DenseNet-121, -161, -169 and -201, transcribed from torchvision 0.14's
// models/densenet.py (bottleneck width 4 × growth rate, compression 0.5; growth rate 32 and 64 initial
// features, except DenseNet-161: 48 and 96).
// features.conv0/norm0/relu0/pool0; features.denseblockN.denselayerM (norm1 → relu1 → conv1 1×1 →
// norm2 → relu2 → conv2 3×3) whose input is the concatenation of the block input and every earlier
// layer's output (torchvision concatenates anew in each layer, as here); features.transitionN
// (norm → relu → conv 1×1 halving the channels → 2×2 average pool); features.norm5, then the forward
// pass's functional ReLU and adaptive average pool, and the classifier.
#include "core/zoo/families.h"

#include <string>
#include <vector>

namespace flopscope::zoo {

namespace {

constexpr std::int64_t kBnSize = 4;

struct DenseNetConfig {
    const char* name;
    std::int64_t growth, init_features;
    int blocks[4];
    const char* description;
    std::int64_t crop = 224;  // the weights' evaluation crop
};

const DenseNetConfig kDenseNets[] = {
    {"densenet121", 32, 64, {6, 12, 24, 16}, "DenseNet-121: 4 dense blocks (6-12-24-16 layers), growth rate 32, 8.0 M parameters"},
    {"densenet161", 48, 96, {6, 12, 36, 24}, "DenseNet-161: 4 dense blocks (6-12-36-24 layers), growth rate 48, 28.7 M parameters"},
    {"densenet169", 32, 64, {6, 12, 32, 32}, "DenseNet-169: 4 dense blocks (6-12-32-32 layers), growth rate 32, 14.1 M parameters"},
    {"densenet201", 32, 64, {6, 12, 48, 32}, "DenseNet-201: 4 dense blocks (6-12-48-32 layers), growth rate 32, 20.0 M parameters"},
};

Network build_densenet(const DenseNetConfig& c, std::int64_t h, std::int64_t w) {
    const std::int64_t growth = c.growth;
    const std::vector<int> blocks(std::begin(c.blocks), std::end(c.blocks));
    NetBuilder b(c.name, Shape{3, h, w});
    b.conv("features.conv0", c.init_features, 7, 2, 3);
    b.batchnorm("features.norm0");
    b.activation("features.relu0", ActivationKind::ReLU);
    b.max_pool("features.pool0", 3, 2, 1);
    std::int64_t features = c.init_features;
    for (std::size_t block = 0; block < blocks.size(); ++block) {
        const std::string bp = "features.denseblock" + std::to_string(block + 1);
        std::vector<int> parts = {b.last()};
        for (int layer = 0; layer < blocks[block]; ++layer) {
            const std::string lp = bp + ".denselayer" + std::to_string(layer + 1);
            int in = parts.front();
            if (parts.size() > 1) in = b.concat(lp + ".cat", parts);
            b.batchnorm(lp + ".norm1", in);
            b.activation(lp + ".relu1", ActivationKind::ReLU);
            b.conv(lp + ".conv1", kBnSize * growth, 1, 1, 0);
            b.batchnorm(lp + ".norm2");
            b.activation(lp + ".relu2", ActivationKind::ReLU);
            parts.push_back(b.conv(lp + ".conv2", growth, 3, 1, 1));
            features += growth;
        }
        b.concat(bp + ".cat", parts);
        if (block + 1 < blocks.size()) {
            const std::string tp = "features.transition" + std::to_string(block + 1);
            b.batchnorm(tp + ".norm");
            b.activation(tp + ".relu", ActivationKind::ReLU);
            features /= 2;
            b.conv(tp + ".conv", features, 1, 1, 0);
            b.avg_pool(tp + ".pool", 2, 2);
        }
    }
    b.batchnorm("features.norm5");
    b.activation("relu", ActivationKind::ReLU);
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("classifier", 1000);
    return b.take();
}

} // namespace

void register_densenets(std::vector<ModelInfo>& zoo) {
    // 29: the smallest input torchvision's DenseNets accept (the last transition pool needs a 2×2 map).
    register_table<kDenseNets, build_densenet>(zoo, "DenseNet", 29);
}

} // namespace flopscope::zoo
