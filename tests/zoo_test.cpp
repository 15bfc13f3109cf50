// The model zoo against torchvision: every built-in network's convolutions and fully-connected layers,
// one by one (module name, output shape, MACs, parameters) and in total, at every resolution recorded in
// tests/data/torchvision_reference.txt (written by tools/torchvision_reference.py from torchvision
// 0.14's own definitions; this suite only reads it). Plus torchvision's published figures, for every
// weights entry, from tests/data/torchvision_published.txt.
#include "core/network.h"
#include "core/zoo.h"
#include "core/zoo/regnet.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace flopscope;

namespace {

struct RefLayer {
    std::string module;
    std::int64_t c = 0, h = 0, w = 0;
    std::uint64_t macs = 0, params = 0;
};

struct RefRun {
    std::vector<RefLayer> layers;
    std::uint64_t macs = 0, params = 0;
    std::size_t layer_count = 0;
    bool has_total = false;
};

struct Reference {
    std::map<std::string, std::int64_t> min_resolution;
    std::map<std::string, std::int64_t> default_crop;              // the DEFAULT weights' eval crop
    std::map<std::string, std::map<std::int64_t, RefRun>> runs;  // model → resolution → run
    std::map<std::string, std::vector<std::string>> regnet;       // model → widths, depths, group widths
    bool loaded = false;
};

// The CNNs' file and the transformers' (tools/torchvision_reference_transformers.py), one line format.
std::string data_path(const char* file = "torchvision_reference.txt") {
    std::string here = __FILE__;
    const std::size_t slash = here.find_last_of("/\\");
    return (slash == std::string::npos ? std::string(".") : here.substr(0, slash)) + "/data/" + file;
}

const Reference& reference() {
    static const Reference ref = [] {
        Reference r;
        for (const char* file : {"torchvision_reference.txt", "torchvision_reference_transformers.txt"}) {
            std::ifstream in(data_path(file));
            if (!in) return r;
            std::string line;
            while (std::getline(in, line)) {
                if (line.empty() || line[0] == '#') continue;
                std::istringstream s(line);
                std::string tag, model;
                s >> tag >> model;
                if (tag == "min") {
                    s >> r.min_resolution[model];
                } else if (tag == "layer") {
                    std::int64_t res = 0;
                    RefLayer l;
                    s >> res >> l.module >> l.c >> l.h >> l.w >> l.macs >> l.params;
                    r.runs[model][res].layers.push_back(l);
                } else if (tag == "total") {
                    std::int64_t res = 0;
                    s >> res;
                    RefRun& run = r.runs[model][res];
                    s >> run.macs >> run.params >> run.layer_count;
                    run.has_total = true;
                } else if (tag == "regnet") {
                    std::string field;
                    while (s >> field) r.regnet[model].push_back(field);
                } else if (tag == "default") {
                    s >> r.default_crop[model];
                }
            }
        }
        r.loaded = true;
        return r;
    }();
    return ref;
}

Evaluation evaluate_model(const std::string& name, std::int64_t res) {
    Network net;
    std::string err;
    REQUIRE_MESSAGE(build_model(name, res, res, net, err), err);
    return evaluate(net, Counting{});
}

std::string joined(const std::vector<std::int64_t>& v) {
    std::string s;
    for (std::int64_t x : v) s += (s.empty() ? "" : ",") + std::to_string(x);
    return s;
}

// value / scale rounded to `decimals` digits, as the published tables print it.
std::string shown(std::uint64_t value, double scale, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, static_cast<double>(value) / scale);
    return buf;
}

// The cost of the layer called `name` in `net` (evaluated as `ev`).
const LayerCost& named_layer(const Network& net, const Evaluation& ev, const std::string& name) {
    for (std::size_t i = 0; i < net.layers.size(); ++i)
        if (net.layers[i].name == name) return ev.layers[i];
    FAIL("no layer " << name);
    return ev.layers.front();
}

} // namespace

TEST_CASE("zoo: the reference file is there and covers every built-in model") {
    const Reference& ref = reference();
    REQUIRE_MESSAGE(ref.loaded, "cannot read " << data_path());
    std::set<std::string> zoo_names;
    for (const ModelInfo& m : model_zoo()) {
        if (std::string(m.name) == "resnet18_seed") continue;  // Flopscope's own, not a torchvision model
        zoo_names.insert(m.name);
        const std::string model = m.name;
        CAPTURE(model);
        CHECK(ref.min_resolution.count(m.name) == 1);
        CHECK(ref.default_crop.count(m.name) == 1);
        CHECK(ref.runs.count(m.name) == 1);
    }
    for (const auto& [name, _] : ref.min_resolution) {
        CAPTURE(name);
        CHECK(zoo_names.count(name) == 1);
    }
    // torchvision 0.14's 80 classification builders but the 16 transformers (vit_*, swin_*, convnext_*,
    // maxvit_t): 64 convolutional networks.
    CHECK(zoo_names.size() >= 64);
}

TEST_CASE("zoo: every conv and linear layer equals torchvision's, at every reference resolution") {
    const Reference& ref = reference();
    REQUIRE(ref.loaded);
    for (const auto& [name, runs] : ref.runs) {
        REQUIRE(runs.size() >= 3);  // the default crop and at least two other resolutions
        REQUIRE(ref.default_crop.count(name) == 1);
        REQUIRE(runs.count(ref.default_crop.at(name)) == 1);
        for (const auto& [res, run] : runs) {
            CAPTURE(name);
            CAPTURE(res);
            REQUIRE(run.has_total);
            REQUIRE(run.layers.size() == run.layer_count);
            const Evaluation ev = evaluate_model(name, res);
            REQUIRE_MESSAGE(ev.ok(), ev.error);

            Network net;
            std::string err;
            build_model(name, res, res, net, err);
            std::vector<std::size_t> dense;  // every matrix product torchvision's counter sees
            for (std::size_t i = 0; i < net.layers.size(); ++i) {
                const LayerKind k = net.layers[i].kind;
                if (k == LayerKind::Conv || k == LayerKind::Linear || k == LayerKind::TokenLinear || k == LayerKind::MatMul)
                    dense.push_back(i);
            }
            REQUIRE(dense.size() == run.layers.size());
            for (std::size_t k = 0; k < dense.size(); ++k) {
                const Layer& l = net.layers[dense[k]];
                const LayerCost& c = ev.layers[dense[k]];
                const RefLayer& r = run.layers[k];
                CAPTURE(r.module);
                CHECK(l.name == r.module);
                CHECK(c.out == Shape{r.c, r.h, r.w});
                CHECK(c.macs.value == r.macs);
                CHECK(c.params.value == r.params);
            }
            CHECK(ev.totals.dense_macs.value == run.macs);
            CHECK(ev.totals.macs.value == run.macs);  // the default convention is torchvision's
            CHECK(ev.totals.flops.value == 2 * run.macs);
            CHECK(ev.totals.params.value == run.params);
        }
    }
}

TEST_CASE("zoo: min_resolution is the smallest input torchvision's model accepts") {
    const Reference& ref = reference();
    REQUIRE(ref.loaded);
    for (const ModelInfo& m : model_zoo()) {
        if (std::string(m.name) == "resnet18_seed") continue;
        const std::string model = m.name;
        CAPTURE(model);
        const auto it = ref.min_resolution.find(m.name);
        REQUIRE(it != ref.min_resolution.end());
        CHECK(m.min_resolution == it->second);
        // Accepted at the minimum and just above, rejected (by the shapes themselves) just below.
        // (MaxViT's partitions refuse most sides, see its own test: those are checked to fail.)
        for (std::int64_t res = m.min_resolution; res < m.min_resolution + 8; ++res) {
            CAPTURE(res);
            const bool refused = m.refuses && !m.refuses(res, res).empty();
            CHECK(evaluate(m.build(res, res), Counting{}).ok() == !refused);
        }
        if (m.min_resolution > 1) {
            CHECK_FALSE(evaluate(m.build(m.min_resolution - 1, m.min_resolution - 1), Counting{}).ok());
            Network net;
            std::string err;
            CHECK_FALSE(build_model(m.name, m.min_resolution - 1, 224, net, err));
        }
        // Non-square inputs work too (MaxViT's only where both sides give the same block inputs).
        const std::int64_t h = m.min_resolution + (m.refuses ? 1 : 5), w = m.min_resolution + (m.refuses ? 3 : 37);
        CHECK(evaluate(m.build(h, w), Counting{}).ok());
    }
}

TEST_CASE("zoo: ceil-mode pooling accepts a window overhanging the input, as PyTorch does") {
    // PyTorch: out = floor((in + 2p − (k − 1) − 1 + (s − 1)) / s) + 1 in ceil mode, then one less if the
    // last window would start beyond the input. SqueezeNet's 3×3/2 ceil-mode pools meet 2×2 inputs at
    // its minimum resolution (squeezenet1_0 at 21: 21 → conv 8 → pool 4 → pool 2 → pool 1).
    CHECK(conv_output_size(2, 3, 2, 0, 1, true) == 1);  // (2 − 2 − 1 + 1) / 2 + 1; (1 − 1)·2 < 2
    CHECK(conv_output_size(1, 3, 2, 0, 1, true) <= 0);  // (1 − 3 + 1) = −1: no window
    CHECK(conv_output_size(2, 3, 2, 0, 1, false) <= 0);
    CHECK(conv_output_size(4, 3, 2, 0, 1, true) == 2);  // (4 − 3 + 1) / 2 + 1 = 2; 1·2 < 4
}

TEST_CASE("zoo: ModelInfo is complete for --list-models and the picker") {
    std::set<std::string> names;
    for (const ModelInfo& m : model_zoo()) {
        const std::string model = m.name;
        CAPTURE(model);
        CHECK(names.insert(m.name).second);
        REQUIRE(m.family != nullptr);
        REQUIRE(m.description != nullptr);
        CHECK(std::string(m.family).size() > 0);
        const std::string d = m.description;
        CHECK(d.size() > 10);
        CHECK(d.find('\n') == std::string::npos);
        // The DEFAULT weights' evaluation crop (the seed, Flopscope's own, is at ResNet-18's 224).
        const auto crop = reference().default_crop.find(m.name);
        CHECK(m.default_resolution == (crop == reference().default_crop.end() ? 224 : crop->second));
        CHECK(m.min_resolution >= 1);
        CHECK(m.min_resolution <= m.default_resolution);
        Network net = m.build(m.default_resolution, m.default_resolution);
        CHECK(net.name == m.name);
        // Unique layer names within a network.
        std::set<std::string> layer_names;
        for (const Layer& l : net.layers) {
            CAPTURE(l.name);
            CHECK(layer_names.insert(l.name).second);
        }
    }
    for (const char* n : {"resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "resnext50_32x4d",
                          "wide_resnet50_2", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn", "vgg19",
                          "vgg19_bn", "alexnet", "squeezenet1_0", "squeezenet1_1", "densenet121", "densenet169",
                          "googlenet", "mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small",
                          "shufflenet_v2_x1_0", "mnasnet1_0", "efficientnet_b0", "regnet_y_400mf",
                          // added later: names are only ever added
                          "resnext101_32x8d", "resnext101_64x4d", "wide_resnet101_2", "densenet161", "densenet201",
                          "inception_v3", "shufflenet_v2_x0_5", "shufflenet_v2_x1_5", "shufflenet_v2_x2_0",
                          "mnasnet0_5", "mnasnet0_75", "mnasnet1_3", "efficientnet_b1", "efficientnet_b2",
                          "efficientnet_b3", "efficientnet_b4", "efficientnet_b5", "efficientnet_b6",
                          "efficientnet_b7", "efficientnet_v2_s", "efficientnet_v2_m", "efficientnet_v2_l",
                          "regnet_y_800mf", "regnet_y_1_6gf", "regnet_y_3_2gf", "regnet_y_8gf", "regnet_y_16gf",
                          "regnet_y_32gf", "regnet_y_128gf", "regnet_x_400mf", "regnet_x_800mf", "regnet_x_1_6gf",
                          "regnet_x_3_2gf", "regnet_x_8gf", "regnet_x_16gf", "regnet_x_32gf"}) {
        const std::string model = n;
        CAPTURE(model);
        CHECK(find_model(n) != nullptr);
    }
}

TEST_CASE("zoo: regnet_y_400mf's block parameters are torchvision's BlockParams.from_init_params") {
    const zoo::RegNetParams p = zoo::regnet_params(16, 48.0f, 27.89f, 2.09f, 8);
    // Worked out by hand: widths_cont = 48 + 27.89·i; capacity = round(log(w/48)/log 2.09) gives
    // 0 for i = 0, 1 for i = 1…3 (75.9…131.7 < 48·2.09^1.5 = 145.0), 2 for i = 4…9 (159.6…299.0 <
    // 48·2.09^2.5 = 303.1), 3 for i = 10…15;
    // widths = round(48·2.09^k / 8)·8 = 48, 104 (100.3), 208 (209.7), 440 (438.2).
    CHECK(joined(p.widths) == "48,104,208,440");
    CHECK(joined(p.depths) == "1,3,6,6");
    CHECK(joined(p.group_widths) == "8,8,8,8");
    const Reference& ref = reference();
    const auto it = ref.regnet.find("regnet_y_400mf");
    REQUIRE(it != ref.regnet.end());
    REQUIRE(it->second.size() == 3);
    CHECK(it->second[0] == joined(p.widths));
    CHECK(it->second[1] == joined(p.depths));
    CHECK(it->second[2] == joined(p.group_widths));
}

TEST_CASE("zoo: every RegNet's stages (widths, depths, group widths) are torchvision's") {
    // Read back from the built network: stage S's blocks are trunk_output.blockS.blockS-I; the width is
    // f.c's output channels, the group width f.b's channels per group.
    const Reference& ref = reference();
    REQUIRE(ref.regnet.size() == 15);  // 8 RegNetY + 7 RegNetX
    for (const auto& [name, fields] : ref.regnet) {
        CAPTURE(name);
        REQUIRE(fields.size() == 3);
        Network net;
        std::string err;
        REQUIRE(build_model(name, 224, 224, net, err));
        std::vector<std::int64_t> widths, depths, groups;
        for (const Layer& l : net.layers) {
            const std::string& n = l.name;
            if (n.size() < 6 || n.compare(n.size() - 6, 6, ".f.c.0") != 0) continue;
            const std::size_t dash = n.find('-');
            const int stage = std::stoi(n.substr(std::string("trunk_output.block").size()));
            if (static_cast<std::size_t>(stage) > widths.size()) {
                widths.push_back(l.out_channels);
                depths.push_back(0);
            }
            ++depths.back();
            CHECK(std::stoi(n.substr(dash + 1)) + 1 == depths.back());
        }
        for (const Layer& l : net.layers) {
            const std::string& n = l.name;
            if (n.find("-0.f.b.0") != std::string::npos) groups.push_back(l.out_channels / l.groups);
        }
        CHECK(joined(widths) == fields[0]);
        CHECK(joined(depths) == fields[1]);
        CHECK(joined(groups) == fields[2]);
    }
}

TEST_CASE("zoo: torchvision's published GFLOPS (GMACs) and parameter figures, to the digits shown") {
    // The "GFLOPS" and "Params" columns of torchvision's table of classification weights
    // (https://pytorch.org/vision/stable/models.html), at 224×224.
    struct Published { const char* name; const char* gflops; const char* mparams; };
    const Published table[] = {
        {"resnet18", "1.81", "11.7"},        {"resnet34", "3.66", "21.8"},        {"resnet50", "4.09", "25.6"},
        {"resnet101", "7.80", "44.5"},       {"resnet152", "11.51", "60.2"},      {"resnext50_32x4d", "4.23", "25.0"},
        {"wide_resnet50_2", "11.40", "68.9"}, {"vgg11", "7.61", "132.9"},         {"vgg11_bn", "7.61", "132.9"},
        {"vgg13", "11.31", "133.0"},         {"vgg13_bn", "11.31", "133.1"},      {"vgg16", "15.47", "138.4"},
        {"vgg16_bn", "15.47", "138.4"},      {"vgg19", "19.63", "143.7"},         {"vgg19_bn", "19.63", "143.7"},
        {"alexnet", "0.71", "61.1"},         {"squeezenet1_0", "0.82", "1.2"},    {"squeezenet1_1", "0.35", "1.2"},
        {"densenet121", "2.83", "8.0"},      {"densenet169", "3.36", "14.1"},     {"googlenet", "1.50", "6.6"},
        {"mobilenet_v2", "0.30", "3.5"},     {"mobilenet_v3_large", "0.22", "5.5"},
        {"mobilenet_v3_small", "0.06", "2.5"}, {"shufflenet_v2_x1_0", "0.14", "2.3"},
        {"mnasnet1_0", "0.31", "4.4"},       {"efficientnet_b0", "0.39", "5.3"},  {"regnet_y_400mf", "0.40", "4.3"},
    };
    for (const Published& p : table) {
        const std::string model = p.name;
        CAPTURE(model);
        const Evaluation ev = evaluate_model(p.name, 224);
        REQUIRE(ev.ok());
        CHECK(shown(ev.totals.macs.value, 1e9, 2) == p.gflops);
        CHECK(shown(ev.totals.params.value, 1e6, 1) == p.mparams);
    }
    // The exact parameter counts torchvision's weight metadata states (num_params).
    CHECK(evaluate_model("resnet50", 224).totals.params.value == 25557032);
    CHECK(evaluate_model("mobilenet_v2", 224).totals.params.value == 3504872);
}

TEST_CASE("zoo: ViT refuses a side that is not a multiple of its patch, and says so") {
    // torchvision asserts image_size % patch_size == 0; vit_b_16 at 225 would leave a partial patch.
    Network net;
    std::string err;
    CHECK_FALSE(build_model("vit_b_16", 225, 224, net, err));
    CHECK(err.find("multiples of its 16-pixel patch") != std::string::npos);
    CHECK(err.find("225×224") != std::string::npos);
    CHECK_FALSE(build_model("vit_h_14", 518, 520, net, err));
    CHECK(err.find("14-pixel patch") != std::string::npos);
    REQUIRE(build_model("vit_b_32", 64, 96, net, err));  // 2 × 3 patches + the class token = 7 tokens
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    // Parameters: the position embedding holds 7 × 768; the rest do not depend on the size. At 224
    // (49 + 1 tokens) torchvision's vit_b_32 has 88,224,232, so here 88,224,232 − (50 − 7) × 768.
    CHECK(ev.totals.params.value == 88224232ull - 43ull * 768ull);
}

TEST_CASE("zoo: one ViT-B/16 attention block at 224, worked by hand") {
    // 224/16 = 14, 14² = 196 patches + the class token = 197 tokens of 768; 12 heads of 64.
    Network net;
    std::string err;
    REQUIRE(build_model("vit_b_16", 224, 224, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    auto layer = [&](const std::string& name) -> const LayerCost& { return named_layer(net, ev, name); };
    const std::string p = "encoder.layers.encoder_layer_0.self_attention.";
    CHECK(layer(p + "in_proj").out == Shape{1, 197, 2304});
    CHECK(layer(p + "in_proj").macs.value == 197ull * 768 * 2304);
    CHECK(layer(p + "in_proj").params.value == 768ull * 2304 + 2304);
    CHECK(layer(p + "scores").out == Shape{12, 197, 197});        // q · kᵀ per head
    CHECK(layer(p + "scores").macs.value == 12ull * 197 * 197 * 64);
    CHECK(layer(p + "context").out == Shape{12, 197, 64});        // softmax(scores) · v
    CHECK(layer(p + "context").macs.value == 12ull * 197 * 64 * 197);
    CHECK(layer(p + "softmax").activation_ops.value == 12ull * 197 * 197);
    CHECK(layer(p + "out_proj").macs.value == 197ull * 768 * 768);
    CHECK(layer("encoder.pos_embedding").params.value == 197ull * 768);
    CHECK(layer("class_token").params.value == 768);
    CHECK(layer("heads.head").out == Shape{1000, 1, 1});
}

namespace {

// "5.713" or "0.8" (a GFLOPS figure as published, trailing zeros dropped) in thousandths: 5713, 800.
std::int64_t thousandths(const std::string& text) {
    const std::size_t dot = text.find('.');
    std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
    REQUIRE(frac.size() <= 3);
    frac.resize(3, '0');
    return std::stoll(text.substr(0, dot)) * 1000 + std::stoll(frac);
}

} // namespace

TEST_CASE("zoo: every weights entry's published GFLOPS and num_params, at its crop") {
    // tests/data/torchvision_published.txt: one line per weights entry of torchvision's convolutional
    // classifiers (94, e.g. regnet_y_16gf's SWAG_E2E_V1 at 384 as well as its 224 entries), with its
    // eval crop and num_params from torchvision 0.14 and the GFLOPS torchvision 0.15+ publishes (MACs of
    // convolutions and matrix products at the crop, in units of 10^9, rounded to 3 decimals).
    // The transformers' entries (21: ViT 10, ConvNeXt 4, Swin 3, Swin V2 3, MaxViT 1) are the weights lines of
    // tests/data/torchvision_reference_transformers.txt, in the same format.
    std::set<std::string> models;
    int entries = 0;
    for (const char* file : {"torchvision_published.txt", "torchvision_reference_transformers.txt"}) {
        std::ifstream in(data_path(file));
        REQUIRE_MESSAGE(in, "cannot read " << data_path(file));
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            if (std::string(file) != "torchvision_published.txt" && line.rfind("weights ", 0) != 0) continue;
            std::istringstream s(line);
            std::string tag, model, weights, gflops;
            std::int64_t crop = 0;
            std::uint64_t num_params = 0;
            s >> tag >> model >> weights >> crop >> num_params >> gflops;
            REQUIRE(tag == "weights");
            CAPTURE(weights);
            CAPTURE(crop);
            ++entries;
            models.insert(model);
            const Evaluation ev = evaluate_model(model, crop);
            REQUIRE_MESSAGE(ev.ok(), ev.error);
            // Rounded to the nearest 10^6 MACs (no count here ends in exactly 500,000).
            const std::uint64_t macs = ev.totals.macs.value;
            CHECK(macs % 1000000 != 500000);
            CHECK(static_cast<std::int64_t>((macs + 500000) / 1000000) == thousandths(gflops));
            CHECK(ev.totals.params.value == num_params);
        }
    }
    CHECK(entries == 94 + 21);
    CHECK(models.size() == 64 + 16);
    for (const std::string& m : models) {
        CAPTURE(m);
        CHECK(find_model(m) != nullptr);
    }
}

TEST_CASE("zoo: MaxViT refuses inputs its 7×7 window and grid partitions cannot split, and says why") {
    // Block inputs are the map after the 3×3/2 stem and after each stage's 3×3/2 depthwise conv:
    // ceil(side / 4), ceil(side / 8), ceil(side / 16), ceil(side / 32). All four must be multiples of 7:
    // ceil(side / 32) = 7k forces ceil(side / 16) = 14k (14k − 1 is not a multiple of 7), and so on up
    // to ceil(side / 4) = 56k, so side is 224k − 3 … 224k.
    Network net;
    std::string err;
    for (std::int64_t side : {221, 222, 223, 224, 445, 448, 669, 672}) {
        CAPTURE(side);
        CHECK(build_model("maxvit_t", side, side, net, err));
    }
    for (std::int64_t side : {220, 225, 256, 384, 444, 449}) {
        CAPTURE(side);
        CHECK_FALSE(build_model("maxvit_t", side, side, net, err));
    }
    CHECK_FALSE(build_model("maxvit_t", 225, 225, net, err));
    // 225 → 113 → 57: block 0's input is 57×57, and 57 = 8·7 + 1.
    CHECK(err.find("7×7 windows") != std::string::npos);
    CHECK(err.find("225×225 gives 57×57, 29×29, 15×15, 8×8") != std::string::npos);
    CHECK(err.find("block 0's 57×57 does not split into whole 7×7 windows") != std::string::npos);
    // Non-square: 224 × 448 gives 56×112 at block 0; torchvision's grid attention sizes its cells by the
    // height (56 / 7 = 8) and then holds 98 tokens per group, not 49.
    CHECK_FALSE(build_model("maxvit_t", 224, 448, net, err));
    CHECK(err.find("block 0's 56×112 is not square") != std::string::npos);
    CHECK(build_model("maxvit_t", 222, 223, net, err));  // both give 56, 28, 14, 7
}

TEST_CASE("zoo: one MaxViT-T attention layer at 224, worked by hand") {
    // Stage 0 at 224: the map is 64 × 56 × 56; 7×7 windows → (56/7)² = 64 groups of 49 tokens, 2 heads of 32.
    Network net;
    std::string err;
    REQUIRE(build_model("maxvit_t", 224, 224, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    auto layer = [&](const std::string& name) -> const LayerCost& { return named_layer(net, ev, name); };
    const std::string p = "blocks.0.layers.0.layers.grid_attention.";
    CHECK(layer(p + "partition_swap").out == Shape{64, 49, 64});
    CHECK(layer(p + "partition_swap").macs.value == 0);
    CHECK(layer(p + "attn_layer.1.to_qkv").out == Shape{64, 49, 192});
    CHECK(layer(p + "attn_layer.1.to_qkv").macs.value == 64ull * 49 * 64 * 192);
    CHECK(layer(p + "attn_layer.1.to_qkv").params.value == 64ull * 192 + 192);
    CHECK(layer(p + "attn_layer.1.scores").out == Shape{128, 49, 49});  // 64 groups × 2 heads
    CHECK(layer(p + "attn_layer.1.scores").macs.value == 128ull * 49 * 49 * 32);
    CHECK(layer(p + "attn_layer.1.context").macs.value == 128ull * 49 * 32 * 49);
    CHECK(layer(p + "attn_layer.1.relative_position_bias_table").params.value == 13ull * 13 * 2);
    CHECK(layer(p + "attn_layer.1.merge").params.value == 64ull * 64 + 64);
    CHECK(layer(p + "departition_op").out == Shape{64, 56, 56});
    // The MBConv's squeeze-excitation squeezes to a quarter of the output width (64 / 4 = 16).
    CHECK(layer("blocks.0.layers.0.layers.MBconv.layers.squeeze_excitation.fc1").params.value == 256ull * 16 + 16);
    // Parameters: torchvision's MaxVit_T_Weights.IMAGENET1K_V1 states 30,919,624.
    CHECK(ev.totals.params.value == 30919624);
}

TEST_CASE("zoo: inception_v3 holds its training-only AuxLogits weights as Params, without MACs") {
    // The published weights keep the AuxLogits head (InceptionAux(768, 1000)), which eval mode never
    // runs: conv0 1×1 768→128 (98,304) + BN (256), conv1 5×5 128→768 (2,457,600) + BN (1,536), fc
    // 768→1000 (768,000 + 1,000 bias) = 3,326,696 parameters.
    const std::uint64_t aux = 768 * 128 + 2 * 128 + 128 * 768 * 5 * 5 + 2 * 768 + 768 * 1000 + 1000;
    CHECK(aux == 3326696);
    Network net;
    std::string err;
    REQUIRE(build_model("inception_v3", 299, 299, net, err));
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    std::uint64_t aux_params = 0, aux_macs = 0, aux_written = 0;
    int aux_layers = 0;
    for (std::size_t i = 0; i < net.layers.size(); ++i) {
        if (net.layers[i].name.rfind("AuxLogits.", 0) != 0) continue;
        CHECK(net.layers[i].kind == LayerKind::Param);
        CHECK(net.layers[i].name.find("training only") != std::string::npos);
        aux_params += ev.layers[i].params.value;
        aux_macs += ev.layers[i].macs.value + ev.layers[i].bias_ops.value;
        aux_written += ev.layers[i].output_elements.value;  // never run: no activation memory either
        ++aux_layers;
    }
    CHECK(aux_layers == 6);
    CHECK(aux_params == aux);
    CHECK(aux_macs == 0);
    CHECK(aux_written == 0);
    CHECK(ev.totals.params.value == 27161264);       // torchvision's num_params
    CHECK(ev.totals.macs.value == 5713216096ull);    // the inference path alone: published 5.713 GFLOPS
}
