// Flopscope core — the ResNet family, transcribed from torchvision 0.14's models/resnet.py:
// resnet18/34 (BasicBlock), resnet50/101/152 (Bottleneck, stride on the 3×3 conv: "ResNet v1.5"),
// resnext50_32x4d, resnext101_32x8d, resnext101_64x4d (groups × width per group) and wide_resnet50_2,
// wide_resnet101_2 (bottleneck width × 2).
// Registered family by family (the picker and --list-models group consecutive entries).
// Layer names follow torchvision's module names (conv1, layer1.0.conv1, layer2.0.downsample.0, fc…).
#include "core/zoo/families.h"

#include <string>

namespace flopscope::zoo {

namespace {

struct ResNetSpec {
    bool bottleneck;
    int blocks[4];
    std::int64_t groups = 1;
    std::int64_t width_per_group = 64;
};

// One residual block; returns the index of its output (the final ReLU).
int residual_block(NetBuilder& b, const std::string& p, const ResNetSpec& spec, std::int64_t planes,
                   std::int64_t stride, bool downsample) {
    const int identity = b.last();
    const std::int64_t expansion = spec.bottleneck ? 4 : 1;
    if (spec.bottleneck) {
        const std::int64_t width = planes * spec.width_per_group / 64 * spec.groups;
        b.conv(p + ".conv1", width, 1, 1, 0);
        b.batchnorm(p + ".bn1");
        b.activation(p + ".relu", ActivationKind::ReLU);
        b.conv(p + ".conv2", width, 3, stride, 1, spec.groups);
        b.batchnorm(p + ".bn2");
        b.activation(p + ".relu_1", ActivationKind::ReLU);
        b.conv(p + ".conv3", planes * expansion, 1, 1, 0);
        b.batchnorm(p + ".bn3");
    } else {
        b.conv(p + ".conv1", planes, 3, stride, 1);
        b.batchnorm(p + ".bn1");
        b.activation(p + ".relu", ActivationKind::ReLU);
        b.conv(p + ".conv2", planes, 3, 1, 1);
        b.batchnorm(p + ".bn2");
    }
    const int main_path = b.last();
    int shortcut = identity;
    if (downsample) {
        b.conv(p + ".downsample.0", planes * expansion, 1, stride, 0, 1, false, identity);
        shortcut = b.batchnorm(p + ".downsample.1");
    }
    b.add(p + ".add", {main_path, shortcut});
    return b.activation(p + ".relu_out", ActivationKind::ReLU);
}

Network build_resnet(const char* name, const ResNetSpec& spec, std::int64_t height, std::int64_t width) {
    NetBuilder b(name, Shape{3, height, width});
    b.conv("conv1", 64, 7, 2, 3);
    b.batchnorm("bn1");
    b.activation("relu", ActivationKind::ReLU);
    b.max_pool("maxpool", 3, 2, 1);
    const std::int64_t expansion = spec.bottleneck ? 4 : 1;
    std::int64_t inplanes = 64;
    const std::int64_t planes_of_stage[4] = {64, 128, 256, 512};
    for (int stage = 0; stage < 4; ++stage) {
        const std::int64_t planes = planes_of_stage[stage];
        for (int i = 0; i < spec.blocks[stage]; ++i) {
            const std::int64_t stride = (i == 0 && stage > 0) ? 2 : 1;
            const bool downsample = i == 0 && (stride != 1 || inplanes != planes * expansion);
            residual_block(b, "layer" + std::to_string(stage + 1) + "." + std::to_string(i), spec, planes, stride,
                           downsample);
            inplanes = planes * expansion;
        }
    }
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("fc", 1000, true);
    return b.take();
}

template <const char* Name, bool Bottleneck, int B1, int B2, int B3, int B4, int Groups, int WidthPerGroup>
Network build(std::int64_t h, std::int64_t w) {
    return build_resnet(Name, ResNetSpec{Bottleneck, {B1, B2, B3, B4}, Groups, WidthPerGroup}, h, w);
}

constexpr char kResnet18[] = "resnet18";
constexpr char kResnet34[] = "resnet34";
constexpr char kResnet50[] = "resnet50";
constexpr char kResnet101[] = "resnet101";
constexpr char kResnet152[] = "resnet152";
constexpr char kResnext50[] = "resnext50_32x4d";
constexpr char kWideResnet50[] = "wide_resnet50_2";
constexpr char kResnext101_32[] = "resnext101_32x8d";
constexpr char kResnext101_64[] = "resnext101_64x4d";
constexpr char kWideResnet101[] = "wide_resnet101_2";

} // namespace

void register_resnets(std::vector<ModelInfo>& zoo) {
    zoo.push_back({kResnet18, "ResNet", "ResNet-18: 8 basic blocks, 11.7 M parameters", 224, 1, nullptr,
                   build<kResnet18, false, 2, 2, 2, 2, 1, 64>});
    zoo.push_back({kResnet34, "ResNet", "ResNet-34: 16 basic blocks, 21.8 M parameters", 224, 1, nullptr,
                   build<kResnet34, false, 3, 4, 6, 3, 1, 64>});
    zoo.push_back({kResnet50, "ResNet", "ResNet-50 (v1.5): 16 bottleneck blocks, 25.6 M parameters", 224, 1, nullptr,
                   build<kResnet50, true, 3, 4, 6, 3, 1, 64>});
    zoo.push_back({kResnet101, "ResNet", "ResNet-101 (v1.5): 33 bottleneck blocks, 44.5 M parameters", 224, 1,
                   nullptr, build<kResnet101, true, 3, 4, 23, 3, 1, 64>});
    zoo.push_back({kResnet152, "ResNet", "ResNet-152 (v1.5): 50 bottleneck blocks, 60.2 M parameters", 224, 1,
                   nullptr, build<kResnet152, true, 3, 8, 36, 3, 1, 64>});
    zoo.push_back({kResnext50, "ResNeXt", "ResNeXt-50 32×4d: grouped 3×3 convolutions, 25.0 M parameters", 224, 1,
                   nullptr, build<kResnext50, true, 3, 4, 6, 3, 32, 4>});
    zoo.push_back({kResnext101_32, "ResNeXt", "ResNeXt-101 32×8d: grouped 3×3 convolutions, 88.8 M parameters", 224, 1,
                   nullptr, build<kResnext101_32, true, 3, 4, 23, 3, 32, 8>});
    zoo.push_back({kResnext101_64, "ResNeXt", "ResNeXt-101 64×4d: grouped 3×3 convolutions, 83.5 M parameters", 224, 1,
                   nullptr, build<kResnext101_64, true, 3, 4, 23, 3, 64, 4>});
    zoo.push_back({kWideResnet50, "Wide ResNet", "Wide ResNet-50-2: bottlenecks twice as wide, 68.9 M parameters",
                   224, 1, nullptr, build<kWideResnet50, true, 3, 4, 6, 3, 1, 128>});
    zoo.push_back({kWideResnet101, "Wide ResNet", "Wide ResNet-101-2: bottlenecks twice as wide, 126.9 M parameters",
                   224, 1, nullptr, build<kWideResnet101, true, 3, 4, 23, 3, 1, 128>});
}

} // namespace flopscope::zoo
