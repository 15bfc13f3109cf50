// Flopscope core — ConvNeXt (torchvision's convnext.py): convnext_tiny, _small, _base, _large.
#include "core/zoo/families.h"

namespace flopscope::zoo {

namespace {

struct ConvNextConfig {
    const char* name;
    std::int64_t width;      // stage widths are width, 2·width, 4·width, 8·width
    std::int64_t depth3;     // blocks of the third stage (the others have 3)
    std::int64_t crop;       // the default weights' eval crop
    const char* description;
};

constexpr ConvNextConfig kConvNexts[] = {
    {"convnext_tiny", 96, 9, 224, "ConvNeXt-T: 4×4 patchify stem, 3-3-9-3 blocks of 7×7 depthwise conv + MLP, widths 96-768, 28.6 M parameters"},
    {"convnext_small", 96, 27, 224, "ConvNeXt-S: 3-3-27-3 blocks of 7×7 depthwise conv + MLP, widths 96-768, 50.2 M parameters"},
    {"convnext_base", 128, 27, 224, "ConvNeXt-B: 3-3-27-3 blocks of 7×7 depthwise conv + MLP, widths 128-1024, 88.6 M parameters"},
    {"convnext_large", 192, 27, 224, "ConvNeXt-L: 3-3-27-3 blocks of 7×7 depthwise conv + MLP, widths 192-1536, 197.8 M parameters"},
};

// CNBlock: 7×7 depthwise conv, permute to channels-last, LayerNorm, Linear ×4, GELU, Linear back,
// permute back, layer scale (a learned C×1×1, multiplied), stochastic depth (the identity), residual add.
int cn_block(NetBuilder& b, const std::string& p, std::int64_t c, std::int64_t h, std::int64_t w) {
    const int input = b.last();
    b.conv(p + ".block.0", c, 7, 1, 3, c, true);
    b.reshape(p + ".block.1", h, w, c);
    b.layernorm(p + ".block.2");
    b.token_linear(p + ".block.3", 4 * c);
    b.activation(p + ".block.4", ActivationKind::GELU);
    b.token_linear(p + ".block.5", c);
    const int y = b.reshape(p + ".block.6", c, h, w);
    const int scale = b.param(p + ".layer_scale", c, 1, 1);
    const int scaled = b.mul(p + ".mul_layer_scale", {scale, y});
    return b.add(p + ".add", {scaled, input});
}

Network build_convnext(const ConvNextConfig& cfg, std::int64_t h, std::int64_t w) {
    NetBuilder b(cfg.name, Shape{3, h, w});
    std::int64_t c = cfg.width;
    b.conv("features.0.0", c, 4, 4, 0, 1, true);
    b.layernorm2d("features.0.1");
    h = conv_output_size(h, 4, 4, 0, 1);
    w = conv_output_size(w, 4, 4, 0, 1);
    const std::int64_t depths[] = {3, 3, cfg.depth3, 3};
    for (int s = 0; s < 4; ++s) {
        if (s > 0) {
            const std::string down = "features." + std::to_string(2 * s);
            b.layernorm2d(down + ".0");
            c *= 2;
            b.conv(down + ".1", c, 2, 2, 0, 1, true);
            h = conv_output_size(h, 2, 2, 0, 1);
            w = conv_output_size(w, 2, 2, 0, 1);
        }
        for (std::int64_t i = 0; i < depths[s]; ++i)
            cn_block(b, "features." + std::to_string(2 * s + 1) + "." + std::to_string(i), c, h, w);
    }
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.layernorm2d("classifier.0");
    b.flatten("classifier.1");
    b.linear("classifier.2", 1000);
    return b.take();
}

} // namespace

void register_convnexts(std::vector<ModelInfo>& zoo) { register_table<kConvNexts, build_convnext>(zoo, "ConvNeXt", 32); }

} // namespace flopscope::zoo
