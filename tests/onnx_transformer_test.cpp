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
