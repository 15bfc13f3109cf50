// Flopscope core — Vision Transformer (torchvision's vision_transformer.py): vit_b_16, vit_b_32,
// vit_l_16, vit_l_32, vit_h_14.
//
// torchvision builds a ViT for one image size (image_size), a multiple of the patch: the position
// embedding has one row per patch plus the class token, so its parameters depend on the resolution.
// Each resolution here is such a model, as vit_b_16(image_size=res) builds it.
#include "core/zoo/attention.h"
#include "core/zoo/families.h"

namespace flopscope::zoo {

namespace {

struct VitConfig {
    const char* name;
    std::int64_t patch, layers, heads, hidden, mlp, crop;  // crop: the default weights'
    const char* description;
};

constexpr VitConfig kVits[] = {
    {"vit_b_16", 16, 12, 12, 768, 3072, 224, "ViT-B/16: 16×16 patches, 12 encoder layers of width 768, 12 heads, 86.6 M parameters at 224"},
    {"vit_b_32", 32, 12, 12, 768, 3072, 224, "ViT-B/32: 32×32 patches, 12 encoder layers of width 768, 12 heads, 88.2 M parameters"},
    {"vit_l_16", 16, 24, 16, 1024, 4096, 224, "ViT-L/16: 16×16 patches, 24 encoder layers of width 1024, 16 heads, 304.3 M parameters at 224"},
    {"vit_l_32", 32, 24, 16, 1024, 4096, 224, "ViT-L/32: 32×32 patches, 24 encoder layers of width 1024, 16 heads, 306.5 M parameters"},
    {"vit_h_14", 14, 32, 16, 1280, 5120, 518, "ViT-H/14: 14×14 patches, 32 encoder layers of width 1280, 16 heads, 633.5 M parameters at 518 (SWAG)"},
};

Network build_vit(const VitConfig& cfg, std::int64_t h, std::int64_t w) {
    NetBuilder b(cfg.name, Shape{3, h, w});
    const std::int64_t d = cfg.hidden, patches = (h / cfg.patch) * (w / cfg.patch), tokens = patches + 1;
    b.conv("conv_proj", d, cfg.patch, cfg.patch, 0, 1, true);
    const int x = b.reshape("flatten_patches", 1, patches, d);  // reshape(n, d, n_h·n_w).permute(0, 2, 1)
    const int cls = b.param("class_token", 1, 1, d);
    b.concat("concat_class_token", {cls, x});
    const int pos = b.param("encoder.pos_embedding", 1, tokens, d);
    int y = b.add("encoder.add_pos_embedding", {b.last(), pos});
    for (std::int64_t i = 0; i < cfg.layers; ++i) {
        const std::string p = "encoder.layers.encoder_layer_" + std::to_string(i);
        b.layernorm(p + ".ln_1", y);
        const int attn = self_attention(b, p + ".self_attention", {1, tokens, d, cfg.heads}, b.last());
        const int x1 = b.add(p + ".add_1", {attn, y});
        b.layernorm(p + ".ln_2");
        b.token_linear(p + ".mlp.0", cfg.mlp);
        b.activation(p + ".mlp.1", ActivationKind::GELU);
        b.token_linear(p + ".mlp.3", d);
        y = b.add(p + ".add_2", {x1, b.last()});
    }
    b.layernorm("encoder.ln");
    b.select("class_token_out", 1, 1, d);  // x[:, 0]
    b.linear("heads.head", 1000);
    return b.take();
}

} // namespace

void register_vits(std::vector<ModelInfo>& zoo) {
    const std::size_t first = zoo.size();
    register_table<kVits, build_vit>(zoo, "ViT", 1);
    for (std::size_t i = 0; i < std::size(kVits); ++i)  // whole patches only, at least one
        zoo[first + i].min_resolution = zoo[first + i].side_multiple = kVits[i].patch;
}

} // namespace flopscope::zoo
