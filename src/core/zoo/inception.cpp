// Flopscope core — Inception v3, transcribed from torchvision 0.14's models/inception.py as it runs in
// eval mode at its 299×299 crop. The AuxLogits head only runs in training, so it adds no MACs, but its
// 3,326,696 weights are in the published weights (num_params 27,161,264): they are Param layers here
// (aux_logits_weights), which hold parameters and compute nothing. transform_input only rescales the
// input channels and adds no MACs.
// BasicConv2d = conv (no bias) → batch norm → ReLU. Mixed_5b-d are InceptionA, 6a InceptionB, 6b-e
// InceptionC (factorised 1×7 / 7×1 convolutions), 7a InceptionD, 7b-c InceptionE. Branches are listed
// in execution order; the forward pass's functional poolings are named after their block.
#include "core/zoo/families.h"

#include <string>
#include <utility>

namespace flopscope::zoo {

namespace {

// BasicConv2d with a kh × kw kernel and padding ph, pw.
int basic_conv(NetBuilder& b, const std::string& p, std::int64_t out, std::int64_t kh, std::int64_t kw,
               std::int64_t stride = 1, std::int64_t ph = 0, std::int64_t pw = 0, int from = NetBuilder::kLast) {
    Layer conv = make_conv(p + ".conv", out, kh, stride, ph);
    conv.kernel_w = kw;
    conv.pad_w = pw;
    b.push(std::move(conv), from);
    b.batchnorm(p + ".bn");
    return b.activation(p + ".relu", ActivationKind::ReLU);
}

int square(NetBuilder& b, const std::string& p, std::int64_t out, std::int64_t k, std::int64_t stride = 1,
           std::int64_t pad = 0, int from = NetBuilder::kLast) {
    return basic_conv(b, p, out, k, k, stride, pad, pad, from);
}

int inception_a(NetBuilder& b, const std::string& p, std::int64_t pool_features) {
    const int x = b.last();
    const int b1 = square(b, p + ".branch1x1", 64, 1, 1, 0, x);
    square(b, p + ".branch5x5_1", 48, 1, 1, 0, x);
    const int b5 = square(b, p + ".branch5x5_2", 64, 5, 1, 2);
    square(b, p + ".branch3x3dbl_1", 64, 1, 1, 0, x);
    square(b, p + ".branch3x3dbl_2", 96, 3, 1, 1);
    const int b3 = square(b, p + ".branch3x3dbl_3", 96, 3, 1, 1);
    b.avg_pool(p + ".avg_pool", 3, 1, 1, false, x);
    const int bp = square(b, p + ".branch_pool", pool_features, 1);
    return b.concat(p + ".cat", {b1, b5, b3, bp});
}

int inception_b(NetBuilder& b, const std::string& p) {
    const int x = b.last();
    const int b3 = square(b, p + ".branch3x3", 384, 3, 2, 0, x);
    square(b, p + ".branch3x3dbl_1", 64, 1, 1, 0, x);
    square(b, p + ".branch3x3dbl_2", 96, 3, 1, 1);
    const int bd = square(b, p + ".branch3x3dbl_3", 96, 3, 2, 0);
    const int bp = b.max_pool(p + ".max_pool", 3, 2, 0, false, x);
    return b.concat(p + ".cat", {b3, bd, bp});
}

int inception_c(NetBuilder& b, const std::string& p, std::int64_t c7) {
    const int x = b.last();
    const int b1 = square(b, p + ".branch1x1", 192, 1, 1, 0, x);
    square(b, p + ".branch7x7_1", c7, 1, 1, 0, x);
    basic_conv(b, p + ".branch7x7_2", c7, 1, 7, 1, 0, 3);
    const int b7 = basic_conv(b, p + ".branch7x7_3", 192, 7, 1, 1, 3, 0);
    square(b, p + ".branch7x7dbl_1", c7, 1, 1, 0, x);
    basic_conv(b, p + ".branch7x7dbl_2", c7, 7, 1, 1, 3, 0);
    basic_conv(b, p + ".branch7x7dbl_3", c7, 1, 7, 1, 0, 3);
    basic_conv(b, p + ".branch7x7dbl_4", c7, 7, 1, 1, 3, 0);
    const int bd = basic_conv(b, p + ".branch7x7dbl_5", 192, 1, 7, 1, 0, 3);
    b.avg_pool(p + ".avg_pool", 3, 1, 1, false, x);
    const int bp = square(b, p + ".branch_pool", 192, 1);
    return b.concat(p + ".cat", {b1, b7, bd, bp});
}

int inception_d(NetBuilder& b, const std::string& p, int x) {
    square(b, p + ".branch3x3_1", 192, 1, 1, 0, x);
    const int b3 = square(b, p + ".branch3x3_2", 320, 3, 2, 0);
    square(b, p + ".branch7x7x3_1", 192, 1, 1, 0, x);
    basic_conv(b, p + ".branch7x7x3_2", 192, 1, 7, 1, 0, 3);
    basic_conv(b, p + ".branch7x7x3_3", 192, 7, 1, 1, 3, 0);
    const int b7 = square(b, p + ".branch7x7x3_4", 192, 3, 2, 0);
    const int bp = b.max_pool(p + ".max_pool", 3, 2, 0, false, x);
    return b.concat(p + ".cat", {b3, b7, bp});
}

int inception_e(NetBuilder& b, const std::string& p) {
    const int x = b.last();
    const int b1 = square(b, p + ".branch1x1", 320, 1, 1, 0, x);
    const int s3 = square(b, p + ".branch3x3_1", 384, 1, 1, 0, x);
    const int b3a = basic_conv(b, p + ".branch3x3_2a", 384, 1, 3, 1, 0, 1, s3);
    const int b3b = basic_conv(b, p + ".branch3x3_2b", 384, 3, 1, 1, 1, 0, s3);
    const int b3 = b.concat(p + ".branch3x3_cat", {b3a, b3b});
    square(b, p + ".branch3x3dbl_1", 448, 1, 1, 0, x);
    const int sd = square(b, p + ".branch3x3dbl_2", 384, 3, 1, 1);
    const int bda = basic_conv(b, p + ".branch3x3dbl_3a", 384, 1, 3, 1, 0, 1, sd);
    const int bdb = basic_conv(b, p + ".branch3x3dbl_3b", 384, 3, 1, 1, 1, 0, sd);
    const int bd = b.concat(p + ".branch3x3dbl_cat", {bda, bdb});
    b.avg_pool(p + ".avg_pool", 3, 1, 1, false, x);
    const int bp = square(b, p + ".branch_pool", 192, 1);
    return b.concat(p + ".cat", {b1, b3, bd, bp});
}

// InceptionAux(768, 1000)'s tensors, c × h × w = out × in × k² (BatchNorm: weight and bias × channels):
// conv0 1×1 768 → 128, conv1 5×5 128 → 768, fc 768 → 1000. Torchvision keeps the module in eval mode
// and never calls it; the names say so.
void aux_logits_weights(NetBuilder& b) {
    const std::string why = " (training only: never run in eval)";
    b.param("AuxLogits.conv0.conv.weight" + why, 128, 768, 1);
    b.param("AuxLogits.conv0.bn" + why, 2, 128, 1);
    b.param("AuxLogits.conv1.conv.weight" + why, 768, 128, 25);
    b.param("AuxLogits.conv1.bn" + why, 2, 768, 1);
    b.param("AuxLogits.fc.weight" + why, 1000, 768, 1);
    b.param("AuxLogits.fc.bias" + why, 1000, 1, 1);
}

Network build_inception_v3(std::int64_t h, std::int64_t w) {
    NetBuilder b("inception_v3", Shape{3, h, w});
    square(b, "Conv2d_1a_3x3", 32, 3, 2);
    square(b, "Conv2d_2a_3x3", 32, 3);
    square(b, "Conv2d_2b_3x3", 64, 3, 1, 1);
    b.max_pool("maxpool1", 3, 2);
    square(b, "Conv2d_3b_1x1", 80, 1);
    square(b, "Conv2d_4a_3x3", 192, 3);
    b.max_pool("maxpool2", 3, 2);
    inception_a(b, "Mixed_5b", 32);
    inception_a(b, "Mixed_5c", 64);
    inception_a(b, "Mixed_5d", 64);
    inception_b(b, "Mixed_6a");
    inception_c(b, "Mixed_6b", 128);
    inception_c(b, "Mixed_6c", 160);
    inception_c(b, "Mixed_6d", 160);
    const int mixed_6e = inception_c(b, "Mixed_6e", 192);
    aux_logits_weights(b);  // where torchvision's forward would branch off in training
    inception_d(b, "Mixed_7a", mixed_6e);
    inception_e(b, "Mixed_7b");
    inception_e(b, "Mixed_7c");
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("fc", 1000);
    return b.take();
}

} // namespace

void register_inception(std::vector<ModelInfo>& zoo) {
    zoo.push_back({"inception_v3", "Inception", "Inception v3 as it runs in eval mode; 27.2 M parameters with the training-only AuxLogits head's 3.3 M, 299 crop",
                   299, 75, nullptr, build_inception_v3});
}

} // namespace flopscope::zoo
