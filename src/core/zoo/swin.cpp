// Flopscope core — Swin Transformer (torchvision's swin_transformer.py): swin_t, swin_s, swin_b, and
// Swin V2: swin_v2_t, swin_v2_s, swin_v2_b.
//
// The feature map runs channels-last, H × W × C. Each block attends within 7×7 windows (V2: 8×8): the map is
// padded to whole windows (F.pad), every other block rolls it by half a window first (a shift, which
// computes nothing; the attention mask it needs is a constant added to the scores, not modelled here),
// and each window's 49 tokens attend to each other with a learned relative-position bias
// (a (2·7 − 1)² × heads table, gathered per token pair and added to the scores).
// V2 differs: the bias comes from a small MLP (cpb_mlp: 2 → 512 → heads) run on a constant table of
// relative coordinates (a buffer, stood for by a Select of its shape), q and k are normalized and their
// product scaled by a learned per-head logit scale, each norm follows its attention or MLP (post-norm),
// and patch merging reduces before it normalizes.
#include "core/zoo/attention.h"
#include "core/zoo/families.h"

namespace flopscope::zoo {

namespace {

struct SwinConfig {
    const char* name;
    std::int64_t embed;     // stage widths are embed, 2·embed, 4·embed, 8·embed
    std::int64_t depth3;    // blocks of the third stage (the others have 2)
    std::int64_t heads1;    // heads of the first stage, doubling with each stage
    bool v2;
    std::int64_t crop;  // the default weights' eval crop
    const char* description;
};

constexpr SwinConfig kSwins[] = {
    {"swin_t", 96, 6, 3, false, 224, "Swin-T: 4×4 patches, 2-2-6-2 blocks of shifted 7×7-window attention, widths 96-768, 28.3 M parameters"},
    {"swin_s", 96, 18, 3, false, 224, "Swin-S: 2-2-18-2 blocks of shifted 7×7-window attention, widths 96-768, 49.6 M parameters"},
    {"swin_b", 128, 18, 4, false, 224, "Swin-B: 2-2-18-2 blocks of shifted 7×7-window attention, widths 128-1024, 87.8 M parameters"},
};

constexpr SwinConfig kSwinV2s[] = {
    {"swin_v2_t", 96, 6, 3, true, 256, "Swin-V2-T: 2-2-6-2 blocks of shifted 8×8-window cosine attention, widths 96-768, 28.4 M parameters"},
    {"swin_v2_s", 96, 18, 3, true, 256, "Swin-V2-S: 2-2-18-2 blocks of shifted 8×8-window cosine attention, widths 96-768, 49.7 M parameters"},
    {"swin_v2_b", 128, 18, 4, true, 256, "Swin-V2-B: 2-2-18-2 blocks of shifted 8×8-window cosine attention, widths 128-1024, 87.9 M parameters"},
};

std::int64_t round_up(std::int64_t v, std::int64_t m) { return (v + m - 1) / m * m; }

// SwinTransformerBlock(V2) on an h × w × c map: x + attn(norm1(x)), then x + mlp(norm2(x)); V2:
// x + norm1(attn(x)), then x + norm2(mlp(x)).
int swin_block(NetBuilder& b, const std::string& p, std::int64_t h, std::int64_t w, std::int64_t c,
               std::int64_t heads, bool v2) {
    const std::int64_t window = v2 ? 8 : 7;
    const int input = b.last();
    if (!v2) b.layernorm(p + ".norm1");
    const std::int64_t ph = round_up(h, window), pw = round_up(w, window);
    const std::int64_t windows = (ph / window) * (pw / window), tokens = window * window;
    const std::int64_t table_side = 2 * window - 1;
    const std::string a = p + ".attn";
    b.select(a + ".pad", ph, pw, c);  // F.pad to whole windows (zeros)
    const int x = b.reshape(a + ".partition", 1, windows * tokens, c);
    int table = 0, logit_scale = 0;
    if (v2) {
        logit_scale = b.param(a + ".logit_scale", heads, 1, 1);
        b.select(a + ".relative_coords_table", table_side, table_side, 2, input);
        b.token_linear(a + ".cpb_mlp.0", 512);
        b.activation(a + ".cpb_mlp.1", ActivationKind::ReLU);
        table = b.token_linear(a + ".cpb_mlp.2", heads, false);
    } else {
        table = b.param(a + ".relative_position_bias_table", 1, table_side * table_side, heads);
    }
    Attention spec{windows, tokens, c, heads, "qkv", "proj"};
    self_attention(b, a, spec, x, [&](int scores) {
        if (v2) {  // scores × exp(clamp(logit_scale)), per head
            const int scale = b.select(a + ".expand_logit_scale", windows * heads, 1, 1, logit_scale);
            scores = b.mul(a + ".mul_logit_scale", {scores, scale});
        }
        // table[relative_position_index] → heads × N × N, broadcast over the windows
        int bias = b.select(a + ".relative_position_bias", windows * heads, tokens, tokens, table);
        if (v2) bias = b.activation(a + ".sigmoid_bias", ActivationKind::Sigmoid);  // 16·sigmoid(bias)
        return b.add(a + ".add_bias", {scores, bias});
    });
    b.reshape(a + ".reverse", ph, pw, c);
    int attn = b.select(a + ".unpad", h, w, c);
    if (v2) attn = b.layernorm(p + ".norm1");
    const int x1 = b.add(p + ".add_1", {input, attn});
    if (!v2) b.layernorm(p + ".norm2");
    b.token_linear(p + ".mlp.0", 4 * c);
    b.activation(p + ".mlp.1", ActivationKind::GELU);
    int mlp = b.token_linear(p + ".mlp.3", c);
    if (v2) mlp = b.layernorm(p + ".norm2");
    return b.add(p + ".add_2", {x1, mlp});
}

Network build_swin(const SwinConfig& cfg, std::int64_t h, std::int64_t w) {
    NetBuilder b(cfg.name, Shape{3, h, w});
    std::int64_t c = cfg.embed, heads = cfg.heads1;
    b.conv("features.0.0", c, 4, 4, 0, 1, true);
    h = conv_output_size(h, 4, 4, 0, 1);
    w = conv_output_size(w, 4, 4, 0, 1);
    b.reshape("features.0.1", h, w, c);
    b.layernorm("features.0.2");
    const std::int64_t depths[] = {2, 2, cfg.depth3, 2};
    for (int s = 0; s < 4; ++s) {
        if (s > 0) {
            // PatchMerging: pad to even, gather the 2×2 neighbours into 4·C features, norm, reduce to 2·C.
            const std::string m = "features." + std::to_string(2 * s);
            h = (h + 1) / 2;
            w = (w + 1) / 2;
            b.select(m + ".merge", h, w, 4 * c);
            if (!cfg.v2) b.layernorm(m + ".norm");
            c *= 2;
            b.token_linear(m + ".reduction", c, false);
            if (cfg.v2) b.layernorm(m + ".norm");
            heads *= 2;
        }
        for (std::int64_t i = 0; i < depths[s]; ++i)
            swin_block(b, "features." + std::to_string(2 * s + 1) + "." + std::to_string(i), h, w, c, heads, cfg.v2);
    }
    b.layernorm("norm");
    b.reshape("permute", c, h, w);
    b.adaptive_avg_pool("avgpool", 1, 1);
    b.flatten("flatten");
    b.linear("head", 1000);
    return b.take();
}

} // namespace

void register_swins(std::vector<ModelInfo>& zoo) {
    register_table<kSwins, build_swin>(zoo, "Swin", 4);
    register_table<kSwinV2s, build_swin>(zoo, "Swin V2", 4);
}

} // namespace flopscope::zoo
