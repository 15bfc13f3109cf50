// ONNX import end to end (core/onnx/import.h) and scenario files (core/scenario_file.h): a file becomes
// a State whose results equal the analysis and the zoo; a state too big for a link goes through a
// scenario file and comes back with identical results; the CLI's --onnx options parse.
#include "cli/args.h"
#include "core/link.h"
#include "core/onnx/import.h"
#include "core/report.h"
#include "core/scenario_file.h"
#include "core/zoo.h"

#include "onnx_builder.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace flopscope;
using namespace flopscope::onnx;
using namespace onnx_test;

namespace {

Import import_fixture(const std::string& file, const AnalyseOptions& options = {}) {
    const std::string bytes = read_file(onnx_data_dir() / file);
    MemorySource src(bytes.data(), bytes.size());
    return import_onnx(src, options, default_state());
}

// torchvision's resnet50 at 224×224 (conv MACs = out elements × Cin/groups × kh × kw; fc 2048·1000),
// written out stage by stage. Stem conv 7×7/2: 112·112·64 · 3·49.
constexpr std::uint64_t kStem = 112ull * 112 * 64 * 3 * 49;
// A bottleneck at spatial s×s with input cin, width w, output 4w, stride in conv2 (input side s_in).
constexpr std::uint64_t bottleneck(std::uint64_t s_in, std::uint64_t s, std::uint64_t cin, std::uint64_t w, bool down) {
    return s_in * s_in * w * cin                 // conv1 1×1 (at the input's size)
           + s * s * w * w * 9                   // conv2 3×3 (stride here)
           + s * s * 4 * w * w                   // conv3 1×1
           + (down ? s * s * 4 * w * cin : 0);   // downsample 1×1 (stride)
}
constexpr std::uint64_t kResnet50Macs =
    kStem
    + bottleneck(56, 56, 64, 64, true) + 2 * bottleneck(56, 56, 256, 64, false)
    + bottleneck(56, 28, 256, 128, true) + 3 * bottleneck(28, 28, 512, 128, false)
    + bottleneck(28, 14, 512, 256, true) + 5 * bottleneck(14, 14, 1024, 256, false)
    + bottleneck(14, 7, 1024, 512, true) + 2 * bottleneck(7, 7, 2048, 512, false)
    + 2048ull * 1000;

} // namespace

TEST_CASE("onnx import: resnet50 becomes a custom state with torchvision's 4,089,184,256 MACs") {
    static_assert(kResnet50Macs == 4'089'184'256ull);  // torchvision's published 4.09 GFLOPS (MACs)
    const Import im = import_fixture("zoo/resnet50_224x224_op13.onnx");
    REQUIRE(im.error().empty());
    CHECK(std::string(im.error_code()).empty());
    REQUIRE_MESSAGE(im.mapped, im.mapping_error);
    CHECK(im.state.model == kCustomModel);
    CHECK(im.state.input_h == 224);
    CHECK(im.state.input_w == 224);
    CHECK(im.analysis.macs.value == kResnet50Macs);
    const Results r = compute(im.state);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.evaluation.totals.dense_macs.value == kResnet50Macs);
    CHECK(r.evaluation.totals.flops.value == 2 * kResnet50Macs);  // torchvision: FLOPs = 2 × MACs
    // 53 convs carry the bias the exporter made from a folded BN: said in a note.
    CHECK(im.analysis.convs_with_folded_bias == 53);
    const std::vector<std::string> notes = im.notes();
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].rfind("batch norm was folded into 53 convolutions", 0) == 0);
    const std::vector<std::string> row = summary_row(im, "r50.onnx");
    REQUIRE(row.size() == summary_columns().size());
    CHECK(row[1] == "ok");
    CHECK(row[5] == "4089184256");
    const std::string j = import_json(im, "r50.onnx");
    CHECK(j.find("\"dense_macs\": 4089184256") != std::string::npos);
    CHECK(j.find("\"unsupported_ops\": []") != std::string::npos);
}

TEST_CASE("onnx import: a file that does not map keeps its analysis; bad bytes name the problem") {
    // An op the analysis knows (Exp: one value per element) but no layer kind expresses: the file is
    // analysed, not mapped, and that is not an error.
    Pb g;
    g.m(1, node("Exp", "/exp/Exp", {"x"}, {"y"}));
    g.s(2, "exp_only");
    g.m(11, value_info("x", {1, 3, 8, 8}));
    Pb y;
    y.s(1, "y");
    g.m(12, y);
    const std::string exp_model = model(g, 17);
    MemorySource exp_src(exp_model.data(), exp_model.size());
    const Import unmapped = import_onnx(exp_src, {}, default_state());
    CHECK(unmapped.error().empty());
    CHECK(unmapped.analysis.complete);
    CHECK_FALSE(unmapped.mapped);
    CHECK(unmapped.mapping_error == "node \"/exp/Exp\" (Exp): has no layer kind in the core yet");
    CHECK(unmapped.state.model == default_state().model);  // the base state is left as it was
    CHECK(summary_row(unmapped, "e.onnx")[1] == "unmapped");

    // torch's MultiheadAttention runs sequence-first ([50, 1, 768]) on [50, 768] views and scales q by
    // a constant (q / √64): mapped since issue 12 (tests/onnx_transformer_test.cpp checks vit_b_16
    // against the zoo under every convention).
    const Import vit = import_fixture("transformer/vit_b_32_224x224_op17.onnx");
    CHECK(vit.error().empty());
    REQUIRE_MESSAGE(vit.mapped, vit.mapping_error);
    // vit_b_32: 7·7 patches + class token = 50 tokens of 768. Conv 32×32/32: 49·768·3·1024. Each of 12
    // layers: qkv 50·768·2304, out proj 50·768·768, MLP 2·50·768·3072; head 768·1000. Attention
    // (Q·Kᵀ and A·V, 12 heads of 64): 2·12·50·50·64 per layer, kept apart by the analysis; the mapped
    // network's MatMul layers count it with the rest.
    constexpr std::uint64_t kVitDense = 49ull * 768 * 3 * 1024 +
                                        12ull * (50ull * 768 * 2304 + 50ull * 768 * 768 + 2ull * 50 * 768 * 3072) + 768ull * 1000;
    constexpr std::uint64_t kVitAttention = 12ull * 2 * 12 * 50 * 50 * 64;
    CHECK(vit.analysis.macs.value == kVitDense);
    CHECK(vit.analysis.attention_macs.value == kVitAttention);
    const Results vr = compute(vit.state);
    REQUIRE_MESSAGE(vr.ok(), vr.error);
    CHECK(vr.evaluation.totals.dense_macs.value == kVitDense + kVitAttention);

    const std::string bytes = read_file(onnx_data_dir() / "zoo/resnet18_224x224_op17.onnx");
    MemorySource cut(bytes.data(), 3000);
    const Import truncated = import_onnx(cut, {}, default_state());
    CHECK(std::string(truncated.error_code()) == "truncated");
    CHECK(truncated.error().find("ends at byte 3,000") != std::string::npos);
    CHECK(summary_row(truncated, "t.onnx")[1] == "truncated");

    const std::string text = "hello, this is not a model";
    MemorySource not_onnx(text.data(), text.size());
    CHECK(std::string(import_onnx(not_onnx, {}, default_state()).error_code()) == "not_onnx");
}

TEST_CASE("onnx import: ConvNeXt maps onto LayerNorm, TokenLinear, GELU, Reshape and Param layers") {
    // convnext_tiny (torchvision 0.14, opset 17): stem conv 4×4/4 to 96×56×56; stages of depth 3, 3, 9, 3
    // at C = 96, 192, 384, 768 on 56², 28², 14², 7²; a block is a 7×7 depthwise conv (s²·C·49) and two
    // token linears C→4C→C (2·s²·4C·C); between stages a 2×2/2 conv C→2C; classifier 768→1000.
    constexpr std::uint64_t dims[] = {96, 192, 384, 768}, depths[] = {3, 3, 9, 3}, side[] = {56, 28, 14, 7};
    std::uint64_t macs = 56ull * 56 * 96 * 3 * 16 + 768ull * 1000;
    std::uint64_t params = 96ull * 3 * 16 + 96 + 2 * 96 + 2 * 768 + 768ull * 1000 + 1000;  // stem, its LN, head LN + fc
    for (int i = 0; i < 4; ++i) {
        const std::uint64_t c = dims[i], s = side[i];
        macs += depths[i] * s * s * c * (49 + 8 * c);
        // dwconv + bias, LayerNorm, linear C→4C + bias, linear 4C→C + bias, layer scale
        params += depths[i] * (c * 49 + c + 2 * c + c * 4 * c + 4 * c + 4 * c * c + c + c);
        if (i < 3) {
            macs += side[i + 1] * side[i + 1] * dims[i + 1] * c * 4;
            params += 2 * c + dims[i + 1] * c * 4 + dims[i + 1];  // LayerNorm2d, 2×2 conv + bias
        }
    }
    CHECK(macs == 4'455'531'264ull);   // torchvision's published 4.46 GFLOPS
    CHECK(params == 28'589'128ull);    // torchvision's published parameter count
    const Import im = import_fixture("transformer/convnext_tiny_224x224_op17.onnx");
    REQUIRE(im.error().empty());
    CHECK(im.analysis.macs.value == macs);
    REQUIRE_MESSAGE(im.mapped, im.mapping_error);
    const Results r = compute(im.state);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.evaluation.totals.dense_macs.value == macs);
    // The mapped network counts each layer's own parameters; the file's weights=None export shares
    // equal initializers between layers, so the file's own count is lower and not compared here.
    CHECK(r.evaluation.totals.params.value == params);
    int layernorms = 0, token_linears = 0, gelus = 0, reshapes = 0, layer_scales = 0;
    for (const Layer& l : r.network.layers) {
        layernorms += l.kind == LayerKind::LayerNorm;
        token_linears += l.kind == LayerKind::TokenLinear && l.bias;
        gelus += l.kind == LayerKind::Activation && l.activation == ActivationKind::GELU;
        reshapes += l.kind == LayerKind::Reshape;
        layer_scales += l.kind == LayerKind::Param;
    }
    // One per block, plus the LayerNorm2d (permute, LN, permute back) of the stem, the three downsamples
    // and the classifier.
    CHECK(layernorms == 18 + 1 + 3 + 1);
    CHECK(token_linears == 2 * 18);
    CHECK(gelus == 18);
    CHECK(reshapes == 2 * 18 + 2 * 5); // each permute to channels-last and back
    CHECK(layer_scales == 18);
    // Per layer: each dense layer's MACs equal its module group's in the analysis.
    for (std::size_t i = 0; i < r.network.layers.size(); ++i) {
        if (r.evaluation.layers[i].macs.value == 0) continue;
        bool found = false;
        for (const ModuleGroup& gr : im.analysis.groups)
            if (gr.module == r.network.layers[i].name) {
                found = true;
                CHECK(gr.macs.value == r.evaluation.layers[i].macs.value);
            }
        CHECK_MESSAGE(found, r.network.layers[i].name);
    }
}

TEST_CASE("scenario file: a network too big for a link round-trips with identical results") {
    const Import im = import_fixture("zoo/resnet50_224x224_op13.onnx");
    REQUIRE(im.mapped);
    State state = im.state;
    state.scenario_enabled = true;
    state.scenario.cached_fraction = 0.35;
    CHECK_FALSE(fits_link_budget(state));
    CHECK(encode_link(state).size() >= kLinkBudget);
    const std::string file = scenario_file_json(state);
    CHECK(file.rfind("{\"flopscope_scenario\": 1, \"link\": \"#v=1\\u0026m=custom\\u0026L=conv1:C.c64.k7.s2.p3", 0) == 0);
    State back;
    const LinkDecode d = read_scenario_file(file, back);
    REQUIRE_MESSAGE(d.ok(), d.problems.front());
    CHECK(back.custom.layers.size() == state.custom.layers.size());
    CHECK(back.custom.layers == state.custom.layers);
    CHECK(results_json(back) == results_json(state));
    const Results r = compute(back);
    REQUIRE(r.ok());
    CHECK(r.evaluation.totals.dense_macs.value == kResnet50Macs);

    // The small hand-made CNN fits a link: the link alone carries it.
    const Import small = import_fixture("handmade_cnn_op13.onnx");
    REQUIRE_MESSAGE(small.mapped, small.mapping_error);
    CHECK(fits_link_budget(small.state));
    State from_link;
    REQUIRE(decode_link(encode_link(small.state), from_link).ok());
    CHECK(results_json(from_link) == results_json(small.state));
}

TEST_CASE("scenario file: what is not one is named, and the state is the default") {
    auto problem = [](const std::string& text) {
        State s;
        s.input_h = 99;
        const LinkDecode d = read_scenario_file(text, s);
        CHECK(s == default_state());
        return d.ok() ? std::string() : d.problems.front();
    };
    CHECK(problem("{\"flopscope_scenario\": 1, \"link\": \"#v=1\"}").empty());
    CHECK(problem("[1]") == "scenario file: not a JSON object");
    CHECK(problem("{\"link\": \"#v=1\"}") == "scenario file: no \"flopscope_scenario\" version: not a Flopscope scenario file");
    CHECK(problem("{\"flopscope_scenario\": 2, \"link\": \"#v=1\"}") ==
          "scenario file: version 2 is newer than this Flopscope reads (1)");
    CHECK(problem("{\"flopscope_scenario\": 1}") == "scenario file: no \"link\"");
    CHECK(problem("{\"flopscope_scenario\": 1, \"link\": \"#v=1\"} x") == "scenario file: text after the object at byte 42");
    CHECK(problem("{\"flopscope_scenario\": 1, \"link\": \"#v=1") == "scenario file: \"link\" is not a string");
    CHECK(problem("{\"flopscope_scenario\": 1, \"link\": \"#v=1\\u00e9\"}") == "scenario file: \"link\" is not a string");
    CHECK(problem("{\"flopscope_scenario\": 1, \"colour\": 3}") == "scenario file: unknown key \"colour\"");
    // The link's own problems come through.
    CHECK(problem("{\"flopscope_scenario\": 1, \"link\": \"#v=1&in=-5\"}").find("in:") != std::string::npos);
}

TEST_CASE("cli: --onnx takes files up to the next option; --batch and --symbol bind symbolic dims") {
    const cli::Args a = cli::parse_args({"--onnx", "a.onnx", "dir", "--format", "csv", "--batch", "8", "--symbol", "seq=128"});
    REQUIRE_MESSAGE(a.ok(), a.error);
    CHECK(a.onnx_paths == std::vector<std::string>{"a.onnx", "dir"});
    CHECK(a.format == "csv");
    CHECK(a.batch == 8);
    REQUIRE(a.symbols.size() == 1);
    CHECK(a.symbols[0].first == "seq");
    CHECK(a.symbols[0].second == 128);
    CHECK_FALSE(a.input_given);
    CHECK(cli::parse_args({"--onnx", "a.onnx", "--input", "192x256"}).input_given);
    CHECK(cli::parse_args({"--onnx"}).error == "--onnx needs at least one file");
    CHECK(cli::parse_args({"--batch", "0"}).error == "--batch: \"0\" is not N with N a whole number from 1 to 999,999,999");
    CHECK(cli::parse_args({"--symbol", "seq"}).error ==
          "--symbol: \"seq\" is not NAME=N with N a whole number from 1 to 999,999,999");
    CHECK(cli::parse_args({"--scenario-file", "/nonexistent/x.json"}).error == "--scenario-file: cannot open \"/nonexistent/x.json\"");
}
