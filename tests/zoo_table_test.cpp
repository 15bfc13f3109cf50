// The zoo side by side (core/zoo_table.h): one row per model at its default crop or one H × W, under a
// convention; the input a chosen model opens at; the CLI's --list-models documents and --model's crop.
#include "cli/args.h"
#include "core/conventions.h"
#include "core/link.h"
#include "core/zoo_table.h"

#include <doctest/doctest.h>

#include <string>

using namespace flopscope;

namespace {

const ZooRow& row_of(const ZooTable& t, const char* name) {
    for (const ZooRow& r : t.rows)
        if (std::string(r.model->name) == name) return r;
    FAIL("no row for " << name);
    return t.rows.front();
}

// resnet18 at 224, worked per stage (as network_test does): conv1 7×7 3→64 at 112², four 3×3 64→64 at
// 56², then per stage a strided 3×3, three 3×3 and a 1×1 downsample, and the fc 512→1000.
constexpr std::uint64_t kResnet18Macs =
    112ull * 112 * 49 * 3 * 64 + 4 * (56ull * 56 * 9 * 64 * 64) +
    28ull * 28 * 9 * 64 * 128 + 3 * (28ull * 28 * 9 * 128 * 128) + 28ull * 28 * 64 * 128 +
    14ull * 14 * 9 * 128 * 256 + 3 * (14ull * 14 * 9 * 256 * 256) + 14ull * 14 * 128 * 256 +
    7ull * 7 * 9 * 256 * 512 + 3 * (7ull * 7 * 9 * 512 * 512) + 7ull * 7 * 256 * 512 + 512ull * 1000;

} // namespace

TEST_CASE("zoo table: resnet18 at its default crop, worked by hand") {
    static_assert(kResnet18Macs == 1814073344ull);
    const ZooTable t = zoo_table(kDefaultCrop, kDefaultCrop, Counting{});
    REQUIRE(t.rows.size() == model_zoo().size());
    CHECK(t.default_crop());
    const ZooRow& r = row_of(t, "resnet18");
    REQUIRE(r.ok());
    CHECK(r.height == 224);
    CHECK(r.width == 224);
    CHECK(std::string(r.model->family) == "ResNet");
    CHECK(r.macs.value == kResnet18Macs);
    CHECK(r.flops.value == 2 * kResnet18Macs);
    CHECK(r.params.value == 11689512ull);
    // Depth: conv1, 8 blocks × 2 convolutions, 3 downsample convolutions, the fc.
    CHECK(r.depth == 1 + 8 * 2 + 3 + 1);
    // Activations: every layer's output. Stem: conv1, bn1, relu at 64×112², maxpool 64×56²; stage 1:
    // 2 blocks × 7 outputs (conv, bn, relu, conv, bn, add, relu) at 64×56²; stages 2-4: 9 outputs in the
    // first block (with the downsample conv and bn), 7 in the second; then avgpool 512, flatten 512, fc 1000.
    const std::uint64_t act = 3 * 802816ull + 200704 + 14 * 200704ull + 16 * 100352ull + 16 * 50176ull +
                              16 * 25088ull + 512 + 512 + 1000;
    CHECK(act == 8230888ull);
    CHECK(r.activation_elements.value == act);
    CHECK(r.activation_bytes.value == 4 * act);  // FP32
}

TEST_CASE("zoo table: each model's own default crop, or one resolution for all") {
    const ZooTable crops = zoo_table(kDefaultCrop, kDefaultCrop, Counting{});
    const ZooRow& inception = row_of(crops, "inception_v3");
    REQUIRE(inception.ok());
    CHECK(inception.height == 299);
    // torchvision publishes 5.71 GFLOPS and 27,161,264 parameters for Inception_V3_Weights (at 299), the
    // latter with the AuxLogits head eval mode never runs (its weights are Params: no MACs).
    CHECK((inception.macs.value + 500000) / 1000000 == 5713);
    CHECK(inception.params.value == 27161264ull);
    for (const ZooRow& r : crops.rows) {
        CAPTURE(r.model->name);
        CHECK(r.ok());
        CHECK(r.height == r.model->default_resolution);
        CHECK(r.macs.value > 0);
        CHECK(r.depth > 0);
    }

    // At 32×32 the models that need more say why and keep their row; the others evaluate.
    const ZooTable small = zoo_table(32, 32, Counting{});
    REQUIRE(small.rows.size() == model_zoo().size());
    const ZooRow& alexnet = row_of(small, "alexnet");
    CHECK_FALSE(alexnet.ok());
    CHECK(alexnet.error == "alexnet needs an input between 63 and 65536 pixels per side, not 32");
    CHECK(alexnet.macs.value == 0);
    const ZooRow& resnet18 = row_of(small, "resnet18");
    REQUIRE(resnet18.ok());
    // 32 → conv1 16 → maxpool 8 → 4 → 2 → 1
    CHECK(resnet18.macs.value == 16ull * 16 * 49 * 3 * 64 + 4 * (8ull * 8 * 9 * 64 * 64) + 4ull * 4 * 9 * 64 * 128 +
                                     3 * (4ull * 4 * 9 * 128 * 128) + 4ull * 4 * 64 * 128 + 2ull * 2 * 9 * 128 * 256 +
                                     3 * (2ull * 2 * 9 * 256 * 256) + 2ull * 2 * 128 * 256 + 9ull * 256 * 512 +
                                     3 * (9ull * 512 * 512) + 256ull * 512 + 512ull * 1000);
    // A model takes 32×32 when that is at least its smallest input and (ViT: whole patches) a multiple of
    // its side step: vit_h_14 refuses it (32 is not a multiple of 14); maxvit_t needs 221 at least.
    for (const ZooRow& r : small.rows)
        CHECK(r.ok() == (r.model->min_resolution <= 32 && 32 % r.model->side_multiple == 0));
    CHECK_FALSE(row_of(small, "vit_h_14").ok());
}

TEST_CASE("zoo table: the convention applies to every row") {
    Counting with_bias;
    with_bias.bias = true;
    const ZooRow r = row_of(zoo_table(224, 224, with_bias), "resnet18");
    // Only the fc has a bias: 1,000 adds, in both totals.
    CHECK(r.macs.value == kResnet18Macs + 1000);
    CHECK(r.flops.value == 2 * kResnet18Macs + 1000);
    Counting macs_as_flops;
    macs_as_flops.flops_per_mac = 1;
    CHECK(row_of(zoo_table(224, 224, macs_as_flops), "resnet18").flops.value == kResnet18Macs);
}

TEST_CASE("zoo table: documents") {
    State s = default_state();
    const ZooTable t = zoo_table(32, 32, Counting{});
    const std::string csv = zoo_csv(t);
    CHECK(csv.rfind("name,family,height,width,macs,flops,params,activation_elements,activation_bytes,depth,error\n", 0) == 0);
    CHECK(csv.find("\nalexnet,AlexNet,32,32,,,,,,,\"alexnet needs an input between 63 and 65536 pixels per side, not 32\"\n") !=
          std::string::npos);
    const std::string json = zoo_json(s, zoo_table(kDefaultCrop, kDefaultCrop, Counting{}));
    CHECK(json.rfind("{\"resolution\": \"default\", \"convention\": {\"name\": \"torchvision\"", 0) == 0);
    CHECK(json.find("{\"name\": \"resnet18\", \"family\": \"ResNet\", \"input\": [3, 224, 224], \"macs\": 1814073344, "
                    "\"flops\": 3628146688, \"params\": 11689512, \"activation_elements\": 8230888, "
                    "\"activation_bytes\": 32923552, \"depth\": 21}") != std::string::npos);
    const std::string md = zoo_markdown(s, zoo_table(224, 224, Counting{}));
    CHECK(md.rfind("# The model zoo at 224×224\n", 0) == 0);
    CHECK(md.find("| resnet18 | ResNet | 224×224 | 1,814,073,344 | 3,628,146,688 | 11,689,512 | 32,923,552 B | 21 |") !=
          std::string::npos);
}

TEST_CASE("input_for_model: the default crop unless the input was chosen by hand") {
    const ModelInfo& inception = *find_model("inception_v3");
    const ModelInfo* resnet18 = find_model("resnet18");
    std::int64_t h = 224, w = 224;
    input_for_model(resnet18, inception, h, w);  // resnet18 was at its default: inception's own
    CHECK((h == 299 && w == 299));
    h = 256, w = 192;
    input_for_model(resnet18, inception, h, w);  // chosen by hand, and inception accepts it
    CHECK((h == 256 && w == 192));
    h = 64, w = 64;
    input_for_model(resnet18, inception, h, w);  // inception needs 75
    CHECK((h == 299 && w == 299));
    h = 224, w = 224;
    input_for_model(nullptr, inception, h, w);   // a custom network's input is the user's
    CHECK((h == 224 && w == 224));
    // Every rule build_model applies, not only the smallest side: vit_b_16 cuts whole 16-pixel patches,
    // maxvit_t's partitions take 221…224 or 445…448 (square block inputs).
    h = 250, w = 250;
    input_for_model(nullptr, *find_model("vit_b_16"), h, w);
    CHECK((h == 224 && w == 224));
    h = 256, w = 256;
    input_for_model(nullptr, *find_model("vit_b_16"), h, w);  // 16 × 16 patches: accepted
    CHECK((h == 256 && w == 256));
    h = 256, w = 256;
    input_for_model(nullptr, *find_model("maxvit_t"), h, w);
    CHECK((h == 224 && w == 224));
    h = 448, w = 448;
    input_for_model(nullptr, *find_model("maxvit_t"), h, w);
    CHECK((h == 448 && w == 448));
}

TEST_CASE("CLI: --model without --input opens at the model's default crop; links keep their meaning") {
    using cli::parse_args;
    cli::Args a = parse_args({"--model", "inception_v3"});
    REQUIRE(a.ok());
    CHECK((a.state.input_h == 299 && a.state.input_w == 299));
    // The state the CLI prints carries its input: the link says in=299, and reads back the same.
    const std::string link = encode_link(a.state);
    CHECK(link.find("in=299") != std::string::npos);
    State back = default_state();
    REQUIRE(decode_link(link, back).ok());
    CHECK((back.input_h == 299 && back.model == "inception_v3"));

    for (const auto& args : {std::vector<std::string>{"--model", "inception_v3", "--input", "256"},
                             std::vector<std::string>{"--input", "256", "--model", "inception_v3"}}) {
        a = parse_args(args);
        REQUIRE(a.ok());
        CHECK(a.input_given);
        CHECK((a.state.input_h == 256 && a.state.input_w == 256));
    }
    // A link without `in` means 224, for any model.
    a = parse_args({"--link", "#v=1&m=inception_v3"});
    REQUIRE(a.ok());
    CHECK(a.state.input_h == 224);
    // A link's own resolution is kept when --model replaces its model; its model's default crop is not.
    a = parse_args({"--link", "#v=1&m=resnet50&in=256", "--model", "inception_v3"});
    CHECK(a.state.input_h == 256);
    a = parse_args({"--link", "#v=1&m=resnet50", "--model", "inception_v3"});
    CHECK(a.state.input_h == 299);
}

TEST_CASE("CLI: --list-models takes --format, --input and --convention") {
    using cli::parse_args;
    cli::Args a = parse_args({"--list-models", "--format", "csv", "--input", "256x192", "--convention", "fvcore"});
    REQUIRE(a.ok());
    CHECK(a.action == cli::Args::Action::ListModels);
    CHECK(a.format == "csv");
    CHECK(a.input_given);
    CHECK((a.state.input_h == 256 && a.state.input_w == 192));
    CHECK(a.state.counting == find_convention("fvcore")->counting);
    a = parse_args({"--format", "json", "--list-models"});
    REQUIRE(a.ok());
    CHECK(a.action == cli::Args::Action::ListModels);
    CHECK(a.format == "json");
    CHECK_FALSE(a.input_given);
    CHECK(parse_args({"--list-models", "--format", "xml"}).error == "--format: unknown format \"xml\" (table, json, csv, md, latex, svg)");
}
