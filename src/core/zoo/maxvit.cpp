// Flopscope core — MaxViT (torchvision's maxvit.py): maxvit_t.
//
// A stem (3×3/2 conv-BN-GELU, 3×3 conv with bias), then 4 stages of MaxVitLayers, each an MBConv
// (pre-norm BN, 1×1 expand ×4, 3×3 depthwise, squeeze-excitation to a quarter of the output width, 1×1
// project; a 3×3/2 average pool and 1×1 conv on the shortcut when the first layer strides or widens),
// then block attention (7×7 windows) and grid attention (a 7×7 grid of cells spread over the map). Each
// attention layer partitions the map into G groups of 49 tokens (a view and permute: no computation),
// runs x + attention(LN(x)) and x + MLP(LN(x)) on them, and departitions. The attention adds a
// learned relative-position bias (a (2·7 − 1)² × heads table, gathered per token pair) to q·kᵀ.
// torchvision builds the model for one input size and refuses any other (see maxvit_refuses).
#include "core/zoo/attention.h"
#include "core/zoo/blocks.h"
#include "core/zoo/families.h"

namespace flopscope::zoo {

namespace {

constexpr std::int64_t kPartition = 7;  // window side and grid side
constexpr std::int64_t kHeadDim = 32;
constexpr std::int64_t kStageWidth[] = {64, 128, 256, 512};
constexpr std::int64_t kStageLayers[] = {2, 2, 5, 2};

std::int64_t halved(std::int64_t side) { return conv_output_size(side, 3, 2, 1, 1); }  // a 3×3/2 conv, padding 1

// PartitionAttentionLayer on the c × h × w map: window partitions into (h/7)·(w/7) windows of 7×7
// tokens; grid partitions into 7×7 cells of (h/7)·(w/7) pixels and swaps axes so that each group holds
// the 49 pixels at one position of every cell.
int partition_attention(NetBuilder& b, const std::string& p, bool grid, std::int64_t c, std::int64_t h,
                        std::int64_t w) {
    const std::int64_t tokens = kPartition * kPartition, groups = (h / kPartition) * (w / kPartition);
    const std::int64_t heads = c / kHeadDim, side = 2 * kPartition - 1;
    int x = 0;
    if (grid) {
        b.reshape(p + ".partition_op", tokens, groups, c);
        x = b.reshape(p + ".partition_swap", groups, tokens, c);
    } else {
        x = b.reshape(p + ".partition_op", groups, tokens, c);
    }
    const std::string a = p + ".attn_layer.1";
    b.layernorm(p + ".attn_layer.0", x);
    const int normed = b.last();
    const int table = b.param(a + ".relative_position_bias_table", 1, side * side, heads);
    Attention spec{groups, tokens, c, heads, "to_qkv", "merge"};
    spec.grouped = true;
    const int attn = self_attention(b, a, spec, normed, [&](int scores) {
        // table[relative_position_index] → heads × 49 × 49, broadcast over the groups
        const int bias = b.select(a + ".relative_position_bias", groups * heads, tokens, tokens, table);
        return b.add(a + ".add_bias", {scores, bias});
    });
    const int x1 = b.add(p + ".add_1", {x, attn});
    b.layernorm(p + ".mlp_layer.0");
    b.token_linear(p + ".mlp_layer.1", 4 * c);
    b.activation(p + ".mlp_layer.2", ActivationKind::GELU);
    b.token_linear(p + ".mlp_layer.3", c);
    b.add(p + ".add_2", {x1, b.last()});
    if (grid) b.reshape(p + ".departition_swap", tokens, groups, c);
    return b.reshape(p + ".departition_op", c, h, w);
}

// MBConv: shortcut (proj, run first) + layers(x): BN, conv_a 1×1, conv_b 3×3 depthwise, SE, conv_c 1×1.
int mb_conv(NetBuilder& b, const std::string& p, std::int64_t in, std::int64_t out, std::int64_t stride) {
    const int input = b.last();
    int shortcut = input;
    if (stride != 1 || in != out) {
        if (stride == 2) b.avg_pool(p + ".proj.0", 3, 2, 1, false, input);
        shortcut = b.conv(p + ".proj.1", out, 1, 1, 0, 1, true, stride == 2 ? NetBuilder::kLast : input);
    }
    const std::string l = p + ".layers";
    const std::int64_t mid = 4 * out;
    b.batchnorm(l + ".pre_norm", input);
    b.conv_bn_act(l + ".conv_a", mid, 1, 1, 1, ActivationKind::GELU);
    b.conv_bn_act(l + ".conv_b", mid, 3, stride, mid, ActivationKind::GELU);
    squeeze_excitation(b, l + ".squeeze_excitation", out / 4, ActivationKind::SiLU, ActivationKind::Sigmoid, b.last());
    b.conv(l + ".conv_c", out, 1, 1, 0, 1, true);
    return b.add(p + ".add", {shortcut, b.last()});
}

Network build_maxvit_t(std::int64_t h, std::int64_t w) {
    NetBuilder b("maxvit_t", Shape{3, h, w});
    b.conv_bn_act("stem.0", 64, 3, 2, 1, ActivationKind::GELU);
    b.conv("stem.1.0", 64, 3, 1, 1, 1, true);
    h = halved(h);
    w = halved(w);
    std::int64_t c = 64;
    for (int s = 0; s < 4; ++s) {
        h = halved(h);
        w = halved(w);
        for (std::int64_t i = 0; i < kStageLayers[s]; ++i) {
            const std::string p = "blocks." + std::to_string(s) + ".layers." + std::to_string(i) + ".layers";
            mb_conv(b, p + ".MBconv", c, kStageWidth[s], i == 0 ? 2 : 1);
            c = kStageWidth[s];
            partition_attention(b, p + ".window_attention", false, c, h, w);
            partition_attention(b, p + ".grid_attention", true, c, h, w);
        }
    }
    b.adaptive_avg_pool("classifier.0", 1, 1);
    b.flatten("classifier.1");
    b.layernorm2d("classifier.2");  // nn.LayerNorm(512) on the flat 512 features: over the channels here
    b.linear("classifier.3", c);
    b.activation("classifier.4", ActivationKind::Tanh);
    b.linear("classifier.5", 1000, false);
    return b.take();
}

// torchvision's MaxVit.__init__ checks that every block's input (the map after the stem and after each
// stage's first stride) splits into whole 7×7 windows. Its grid attention then cuts the map into cells
// whose side it takes from the height alone, so a map that is not square gets the wrong number of
// tokens per group (torch fails adding the 49×49 bias); torchvision accepts only square block inputs.
std::string maxvit_refuses(std::int64_t height, std::int64_t width) {
    std::int64_t h = halved(height), w = halved(width);
    std::string sizes, bad;
    for (int s = 0; s < 4; ++s) {
        h = halved(h);
        w = halved(w);
        sizes += (s ? ", " : "") + std::to_string(h) + "×" + std::to_string(w);
        if (bad.empty() && (h % kPartition != 0 || w % kPartition != 0))
            bad = "block " + std::to_string(s) + "'s " + std::to_string(h) + "×" + std::to_string(w) +
                  " does not split into whole 7×7 windows";
        if (bad.empty() && h != w)
            bad = "block " + std::to_string(s) + "'s " + std::to_string(h) + "×" + std::to_string(w) +
                  " is not square, and its grid attention needs a square 7×7 grid";
    }
    if (bad.empty()) return {};
    return "maxvit_t partitions every block's input into 7×7 windows and a 7×7 grid, so its height and width "
           "must give the same block inputs, multiples of 7 (221 to 224, 445 to 448, 669 to 672 ... pixels): " +
           std::to_string(height) + "×" + std::to_string(width) + " gives " + sizes + "; " + bad;
}

} // namespace

void register_maxvit(std::vector<ModelInfo>& zoo) {
    ModelInfo m{"maxvit_t", "MaxViT", "MaxViT-T: MBConv + 7×7 block and grid attention, 2-2-5-2 layers, widths 64-512, 30.9 M parameters",
                224, 221, nullptr, build_maxvit_t};
    m.refuses = maxvit_refuses;
    zoo.push_back(m);
}

} // namespace flopscope::zoo
