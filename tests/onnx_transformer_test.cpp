// ONNX import of torchvision's transformers (tests/data/onnx/transformer/, written by
// tools/onnx_export.py --transformers: 224×224, weights stripped, opsets 13 and 17) through the CLI's
// code path (import_onnx → compute): the mapped network must equal the zoo's model layer by layer and
// in total, under every counting convention, and its totals must equal the arithmetic written out here.
#include "core/conventions.h"
#include "core/onnx/import.h"
#include "core/zoo.h"

#include "onnx_builder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace flopscope;
using namespace flopscope::onnx;
using namespace onnx_test;

namespace {

Import import_transformer(const std::string& file) {
    const std::string bytes = read_file(onnx_data_dir() / "transformer" / file);
    MemorySource src(bytes.data(), bytes.size());
    return import_onnx(src, {}, default_state());
}

// A layer's costs under one counting, for layers that cost or hold anything (zero-cost reshapes,
// selections and aliases are spelled differently by the exporter and the zoo, and count nothing).
struct Row {
    LayerKind kind;
    std::uint64_t macs, flops, dense_macs, params, extra;
    friend bool operator==(const Row&, const Row&) = default;
};

std::string describe_first_difference(const std::vector<Row>& a, const std::vector<Row>& b) {
    auto text = [](const Row& r) {
        return std::string(kind_name(r.kind)) + " macs " + std::to_string(r.macs) + " flops " + std::to_string(r.flops) +
               " dense " + std::to_string(r.dense_macs) + " params " + std::to_string(r.params) + " extra " + std::to_string(r.extra);
    };
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        const std::string x = i < a.size() ? text(a[i]) : "(none)", y = i < b.size() ? text(b[i]) : "(none)";
        if (x != y) return "row " + std::to_string(i) + ": import " + x + " | zoo " + y;
    }
    return "";
}

std::vector<Row> costly_rows(const Network& net, const Counting& counting) {
    const Evaluation ev = evaluate(net, counting);
    REQUIRE_MESSAGE(ev.ok(), ev.error);
    std::vector<Row> rows;
    for (const LayerCost& c : ev.layers) {
        // ConvNeXt's LayerNorm2d is permute → LayerNorm → permute in the file: the same counts.
        const LayerKind kind = c.kind == LayerKind::LayerNorm2d ? LayerKind::LayerNorm : c.kind;
        const Row r{kind, counted_macs(c, counting).value, counted_flops(c, counting).value, c.macs.value,
                    c.params.value, counted_extra_ops(c, counting).value};
        const LayerCost all = c;
        const bool costs = all.macs.value || all.params.value || all.bias_ops.value || all.batchnorm_ops.value ||
                           all.activation_ops.value || all.pooling_ops.value || all.elementwise_ops.value;
        if (costs) rows.push_back(r);
    }
    // Param layers (learned tensors that compute nothing) sit where the file first uses them, the zoo's
    // where the module defines them: compared as a sorted list after the layers that compute.
    std::stable_partition(rows.begin(), rows.end(), [](const Row& r) { return r.kind != LayerKind::Param; });
    auto first_param = std::find_if(rows.begin(), rows.end(), [](const Row& r) { return r.kind == LayerKind::Param; });
    std::sort(first_param, rows.end(), [](const Row& a, const Row& b) { return a.params < b.params; });
    return rows;
}

// The import equals the zoo's network: every convention's totals, and every costly layer in order.
void check_equals_zoo(const Import& im, const std::string& zoo_name) {
    REQUIRE(im.error().empty());
    CHECK(im.analysis.complete);
    CHECK(im.analysis.unsupported.empty());
    REQUIRE_MESSAGE(im.mapped, im.mapping_error);
    Network zoo;
    std::string err;
    REQUIRE_MESSAGE(build_model(zoo_name, 224, 224, zoo, err), err);
    const Results r = compute(im.state);
    REQUIRE_MESSAGE(r.ok(), r.error);
    for (const Convention& c : conventions()) {
        const std::string convention = c.name;
        CAPTURE(convention);
        const Evaluation a = evaluate(r.network, c.counting);
        const Evaluation b = evaluate(zoo, c.counting);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        CHECK(a.totals.macs.value == b.totals.macs.value);
        CHECK(a.totals.flops.value == b.totals.flops.value);
        CHECK(a.totals.dense_macs.value == b.totals.dense_macs.value);
        CHECK(a.totals.params.value == b.totals.params.value);
        CHECK(describe_first_difference(costly_rows(r.network, c.counting), costly_rows(zoo, c.counting)) == "");
    }
    Counting everything;
    everything.bias = everything.batchnorm = everything.activations = everything.pooling = everything.elementwise = true;
    const std::vector<Row> mine = costly_rows(r.network, everything), theirs = costly_rows(zoo, everything);
    CHECK(mine.size() == theirs.size());
    CHECK(describe_first_difference(mine, theirs) == "");
}

// torchvision's vit_b_16 at 224: 14·14 = 196 patches + the class token = 197 tokens of 768; 12 layers,
// 12 heads of 64, MLP 3072. Dense MACs (conv, the four token linears per layer, the head) and attention
// (Q·Kᵀ and A·V per layer) written out.
constexpr std::uint64_t kVitTokens = 197, kVitD = 768;
constexpr std::uint64_t kVitLinearMacs =
    196ull * 768 * 3 * 16 * 16 +
    12ull * (kVitTokens * kVitD * 3 * kVitD + kVitTokens * kVitD * kVitD + 2ull * kVitTokens * kVitD * 3072) + 768ull * 1000;
constexpr std::uint64_t kVitAttentionMacs = 12ull * 2 * 12 * kVitTokens * kVitTokens * 64;
// Params: conv 768·3·256 + 768; class token 768; position embedding 197·768; per layer 2 LayerNorms
// (2·768 each), in_proj 768·2304 + 2304, out_proj 768·768 + 768, MLP 768·3072 + 3072 + 3072·768 + 768;
// the final LayerNorm 2·768; the head 768·1000 + 1000.
constexpr std::uint64_t kVitParams =
    768ull * 3 * 256 + 768 + 768 + kVitTokens * 768 +
    12ull * (4 * 768 + 768ull * 2304 + 2304 + 768ull * 768 + 768 + 768ull * 3072 + 3072 + 3072ull * 768 + 768) +
    2 * 768 + 768ull * 1000 + 1000;

} // namespace

TEST_CASE("onnx transformers: vit_b_16 at opsets 13 and 17 equals the zoo's vit_b_16 under every convention") {
    static_assert(kVitParams == 86'567'656ull);  // torchvision's published parameter count
    // torchvision's published 17.564 GFLOPS (its "FLOPS" are MACs, attention included).
    static_assert(kVitLinearMacs + kVitAttentionMacs == 17'563'828'224ull);
    for (const std::string file : {"vit_b_16_224x224_op13.onnx", "vit_b_16_224x224_op17.onnx"}) {
        CAPTURE(file);
        const Import im = import_transformer(file);
        REQUIRE(im.error().empty());
        CHECK(im.analysis.macs.value == kVitLinearMacs);
        CHECK(im.analysis.attention_macs.value == kVitAttentionMacs);
        check_equals_zoo(im, "vit_b_16");
        const Results r = compute(im.state);
        REQUIRE(r.ok());
        CHECK(r.evaluation.totals.dense_macs.value == kVitLinearMacs + kVitAttentionMacs);
        CHECK(r.evaluation.totals.params.value == kVitParams);
        int layernorms = 0, token_linears = 0, matmuls = 0, softmaxes = 0, gelus = 0, params = 0;
        for (const Layer& l : r.network.layers) {
            layernorms += l.kind == LayerKind::LayerNorm;
            token_linears += l.kind == LayerKind::TokenLinear && l.bias;
            matmuls += l.kind == LayerKind::MatMul;
            softmaxes += l.kind == LayerKind::Activation && l.activation == ActivationKind::Softmax;
            gelus += l.kind == LayerKind::Activation && l.activation == ActivationKind::GELU;
            params += l.kind == LayerKind::Param;
        }
        CHECK(layernorms == 2 * 12 + 1);  // at opset 13 each is fused from the nine-node decomposition
        CHECK(token_linears == 4 * 12);   // in_proj, out_proj (a Gemm on [197, 768]), mlp.0, mlp.3
        CHECK(matmuls == 2 * 12);
        CHECK(softmaxes == 12);
        CHECK(gelus == 12);
        CHECK(params == 2);  // class token, position embedding
    }
}

TEST_CASE("onnx transformers: convnext_tiny's opset-13 LayerNorm (nine nodes) counts as opset 17's one node") {
    // onnx_import_test.cpp writes convnext_tiny's MACs and params out; here both opsets equal the zoo's
    // convnext_tiny under every convention, LayerNorm's element-wise rule included.
    for (const std::string file : {"convnext_tiny_224x224_op13.onnx", "convnext_tiny_224x224_op17.onnx"}) {
        CAPTURE(file);
        const Import im = import_transformer(file);
        check_equals_zoo(im, "convnext_tiny");
        const Results r = compute(im.state);
        REQUIRE(r.ok());
        CHECK(r.evaluation.totals.dense_macs.value == 4'455'531'264ull);
        CHECK(r.evaluation.totals.params.value == 28'589'128ull);
        int layernorms = 0;
        for (const Layer& l : r.network.layers) layernorms += l.kind == LayerKind::LayerNorm;
        CHECK(layernorms == 18 + 1 + 3 + 1);
    }
}

namespace {

// swin_t (torchvision 0.14) at 224: a 4×4/4 patch conv to 56×56×96; stages of 2, 2, 6, 2 blocks on
// 56², 28², 14², 7² maps with C = 96, 192, 384, 768 and 3, 6, 12, 24 heads of 32; 7×7 windows
// (49 tokens), so s²/49 windows per stage. A block: qkv s²·C·3C, proj s²·C·C, MLP 2·s²·C·4C;
// attention Q·Kᵀ and A·V 2·s²·49·C. Patch merging before stages 2-4: (s/2)²·4C·2C (no bias).
// Head 768·1000.
constexpr std::uint64_t kSwinC[] = {96, 192, 384, 768}, kSwinDepth[] = {2, 2, 6, 2}, kSwinSide[] = {56, 28, 14, 7},
                        kSwinHeads[] = {3, 6, 12, 24};
constexpr std::uint64_t swin_macs() {
    std::uint64_t m = 56ull * 56 * 96 * 3 * 16 + 768ull * 1000;
    for (int i = 0; i < 4; ++i) {
        const std::uint64_t c = kSwinC[i], t = kSwinSide[i] * kSwinSide[i];
        m += kSwinDepth[i] * (t * c * 3 * c + t * c * c + 2 * t * c * 4 * c + 2 * t * 49 * c);
        if (i > 0) m += t * 4 * kSwinC[i - 1] * c;
    }
    return m;
}
// Params: patch conv 96·3·16 + 96 and its LayerNorm; per block 2 LayerNorms, qkv 3C² + 3C, proj C² + C,
// MLP 8C² + 5C, the relative-position table 13²·heads; patch merging's LayerNorm 2·4C and reduction
// 4C·2C; the final LayerNorm and head.
constexpr std::uint64_t swin_params(std::uint64_t bias_per_head) {
    std::uint64_t p = 96ull * 3 * 16 + 96 + 2 * 96 + 2 * 768 + 768ull * 1000 + 1000;
    for (int i = 0; i < 4; ++i) {
        const std::uint64_t c = kSwinC[i];
        p += kSwinDepth[i] * (4 * c + 3 * c * c + 3 * c + c * c + c + 8 * c * c + 5 * c + bias_per_head * kSwinHeads[i]);
        if (i > 0) p += 2 * 4 * kSwinC[i - 1] + 4 * kSwinC[i - 1] * c;
    }
    return p;
}

} // namespace

TEST_CASE("onnx transformers: swin_t equals the zoo's swin_t (FLOPs under every convention; params where the file holds them)") {
    static_assert(swin_macs() == 4'490'566'656ull);             // torchvision's published 4.49 GFLOPS
    static_assert(swin_params(13 * 13) == 28'288'354ull);       // torchvision's published parameter count
    // torch's default export folds each block's Gather(table, index) into a [1, heads, 49, 49] constant
    // "onnx::Add_…": the file holds 49² values per head where the model has 13².
    static_assert(swin_params(49 * 49) - swin_params(13 * 13) == (2 * 3 + 2 * 6 + 6 * 12 + 2 * 24) * (49 * 49 - 13 * 13));
    for (const std::string file : {"swin_t_224x224_op13.onnx", "swin_t_224x224_op17.onnx", "swin_t_224x224_op13_nofold.onnx"}) {
        CAPTURE(file);
        const bool folded = file.find("nofold") == std::string::npos;
        const Import im = import_transformer(file);
        REQUIRE(im.error().empty());
        CHECK(im.analysis.complete);
        CHECK(im.analysis.unsupported.empty());
        CHECK(im.analysis.macs.value + im.analysis.attention_macs.value == swin_macs());
        REQUIRE_MESSAGE(im.mapped, im.mapping_error);
        const Results r = compute(im.state);
        REQUIRE(r.ok());
        CHECK(r.evaluation.totals.dense_macs.value == swin_macs());
        CHECK(r.evaluation.totals.params.value == swin_params(folded ? 49 * 49 : 13 * 13));
        // What the mapping leaves out or counts differently is said: the five shifted blocks' masks
        // (the last stage's 7×7 map is one window: no shift), each windows·heads·49² additions.
        const std::vector<std::string> notes = im.notes();
        const std::uint64_t mask_adds = (56ull * 56 / 49) * 3 * 49 * 49 + (28ull * 28 / 49) * 6 * 49 * 49 + 3 * (14ull * 14 / 49) * 12 * 49 * 49;
        CHECK(mask_adds == 1'037'232);
        bool mask_note = false, folded_note = false;
        for (const std::string& n : notes) {
            mask_note = mask_note || n.rfind("the attention masks of 5 shifted-window attention layers (constants the exporter computes, 1037232 ", 0) == 0;
            folded_note = folded_note || n.rfind("12 tensors the exporter folded from parameters (named onnx::…) are counted as parameters at their folded size, 331338 values", 0) == 0;
        }
        CHECK(mask_note);
        CHECK(folded_note == folded);
        Network zoo;
        std::string err;
        REQUIRE(build_model("swin_t", 224, 224, zoo, err));
        Counting everything;
        everything.bias = everything.batchnorm = everything.activations = everything.pooling = everything.elementwise = true;
        std::vector<Counting> countings{everything};
        for (const Convention& c : conventions()) countings.push_back(c.counting);
        for (const Counting& counting : countings) {
            const Evaluation a = evaluate(r.network, counting), b = evaluate(zoo, counting);
            REQUIRE(a.ok());
            REQUIRE(b.ok());
            CHECK(a.totals.macs.value == b.totals.macs.value);
            CHECK(a.totals.flops.value == b.totals.flops.value);
            std::vector<Row> mine = costly_rows(r.network, counting), theirs = costly_rows(zoo, counting);
            if (folded)  // the folded bias constants: compared apart (above), the rest layer by layer
                for (std::vector<Row>* rows : {&mine, &theirs})
                    rows->erase(std::remove_if(rows->begin(), rows->end(), [](const Row& row) { return row.kind == LayerKind::Param; }),
                                rows->end());
            CHECK(describe_first_difference(mine, theirs) == "");
        }
        if (!folded) check_equals_zoo(im, "swin_t");
    }
}

TEST_CASE("onnx transformers: ViT and Swin files are fixed to 224×224 and say so when re-bound; ConvNeXt follows") {
    // ViT's Reshape targets and position embedding and Swin's window Reshape targets hold the 224 export's
    // sizes as constants: re-bound to 192×256 the element counts no longer match, and the analysis says
    // the file is fixed to its export size instead of guessing.
    AnalyseOptions opt;
    opt.height = 192;
    opt.width = 256;
    for (const std::string file : {"vit_b_16_224x224_op13.onnx", "vit_b_16_224x224_op17.onnx", "swin_t_224x224_op13.onnx",
                                   "swin_t_224x224_op17.onnx", "swin_t_224x224_op13_nofold.onnx"}) {
        CAPTURE(file);
        const std::string bytes = read_file(onnx_data_dir() / "transformer" / file);
        MemorySource src(bytes.data(), bytes.size());
        const Import im = import_onnx(src, opt, default_state());
        CHECK(im.error().empty());
        CHECK(im.analysis.fixed_to_export_size);
        CHECK(im.analysis.fixed_reason.find("224×224") != std::string::npos);
        CHECK_FALSE(im.mapped);
        CHECK(im.state.model == default_state().model);
    }
    // ConvNeXt has no size in its constants: the 224 file re-bound to 192×256 is that model (48×64
    // after the stem; its MACs scale with the 48·64 / 56·56 map, the classifier's do not).
    const std::string bytes = read_file(onnx_data_dir() / "transformer" / "convnext_tiny_224x224_op13.onnx");
    MemorySource src(bytes.data(), bytes.size());
    const Import im = import_onnx(src, opt, default_state());
    REQUIRE_MESSAGE(im.mapped, im.mapping_error);
    CHECK_FALSE(im.analysis.fixed_to_export_size);
    Network zoo;
    std::string err;
    REQUIRE(build_model("convnext_tiny", 192, 256, zoo, err));
    const Results r = compute(im.state);
    REQUIRE(r.ok());
    CHECK(r.evaluation.totals.dense_macs.value == evaluate(zoo, Counting{}).totals.dense_macs.value);
    CHECK(r.evaluation.totals.dense_macs.value == (4'455'531'264ull - 768ull * 1000) / (56 * 56) * (48 * 64) + 768ull * 1000);
}
