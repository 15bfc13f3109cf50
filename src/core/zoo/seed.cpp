// Flopscope core — resnet18_seed: the seed notebook's 13 convolutions of ResNet-18, in its explicit
// "H, W, K, C_in, C_out, repeat" form (H, W = output size). These are conv1 and the 3×3 convolutions of
// the first three stages; the notebook leaves out the 1×1 downsample convolutions, stage 4 and the
// classifier, so this network is a prefix covering 76.6 % of resnet18's MACs at 224×224.
#include "core/zoo/families.h"

namespace flopscope::zoo {

namespace {

Network build_seed(std::int64_t height, std::int64_t width) {
    // Output sizes follow ResNet-18's own strides, so at 224×224 they are the notebook's 112/56/28/14.
    auto after = [](std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t p) {
        return conv_output_size(in, k, s, p, 1);
    };
    const std::int64_t h1 = after(height, 7, 2, 3), w1 = after(width, 7, 2, 3);  // conv1
    const std::int64_t h2 = after(h1, 3, 2, 1), w2 = after(w1, 3, 2, 1);          // max-pool: stage 1
    const std::int64_t h3 = after(h2, 3, 2, 1), w3 = after(w2, 3, 2, 1);          // stage 2
    const std::int64_t h4 = after(h3, 3, 2, 1), w4 = after(w3, 3, 2, 1);          // stage 3

    // The stride-2 convolutions carry their stride, so that the input an explicit conv is taken to read
    // (in_channels × stride·H × stride·W) is the real one: 3×224×224 for conv1, not 3×112×112. MACs do not
    // depend on it; the bytes a roofline counts do (core/roofline.h).
    auto strided = [](Layer l) {
        l.stride_h = l.stride_w = 2;
        return l;
    };

    Network net;
    net.name = "resnet18_seed";
    net.input = Shape{3, height, width};
    // name, H, W, K, C_in, C_out, repeat — exactly the notebook's table.
    net.layers = {
        strided(make_explicit_conv("Conv1", h1, w1, 7, 3, 64, 1)),
        make_explicit_conv("Block1_Conv1", h2, w2, 3, 64, 64, 1),
        make_explicit_conv("Block1_Conv2", h2, w2, 3, 64, 64, 1),
        make_explicit_conv("Block2_Conv1", h2, w2, 3, 64, 64, 1),
        make_explicit_conv("Block2_Conv2", h2, w2, 3, 64, 64, 1),
        strided(make_explicit_conv("Block3_Conv1", h3, w3, 3, 64, 128, 1)),
        make_explicit_conv("Block3_Conv2", h3, w3, 3, 128, 128, 1),
        make_explicit_conv("Block4_Conv1", h3, w3, 3, 128, 128, 1),
        make_explicit_conv("Block4_Conv2", h3, w3, 3, 128, 128, 1),
        strided(make_explicit_conv("Block5_Conv1", h4, w4, 3, 128, 256, 1)),
        make_explicit_conv("Block5_Conv2", h4, w4, 3, 256, 256, 1),
        make_explicit_conv("Block6_Conv1", h4, w4, 3, 256, 256, 1),
        make_explicit_conv("Block6_Conv2", h4, w4, 3, 256, 256, 1),
    };
    return net;
}

} // namespace

void register_seed(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"resnet18_seed", "Seed",
                   "The seed notebook's 13 convolutions of ResNet-18 (conv1 and stages 1-3, no shortcuts)", 224,
                   1, "resnet18", build_seed});
}

} // namespace flopscope::zoo
