// ONNX import against PyTorch and the zoo: the files tools/onnx_export.py wrote into tests/data/onnx/
// (torchvision classifiers at opsets 13 and 17, at 224×224 and a non-square size, stripped of their
// weight payloads; a hand-written CNN with its weights). reference.txt holds PyTorch's forward-hook MACs
// for each file; the zoo (core/zoo.h) is Flopscope's own transcription of the same models.
#include "core/network.h"
#include "core/onnx/analysis.h"
#include "core/zoo.h"

#include "onnx_builder.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace flopscope;
using namespace flopscope::onnx;
using namespace onnx_test;
namespace fs = std::filesystem;

namespace {

struct RefFile {
    std::string file, model;
    std::int64_t h = 0, w = 0, opset = 0;
    std::uint64_t hook_macs = 0;
    std::map<std::string, std::uint64_t> layers;  // module → MACs (summed over calls)
};

std::vector<RefFile> load_reference() {
    std::vector<RefFile> refs;
    std::ifstream in(onnx_data_dir() / "reference.txt");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        std::string kind;
        s >> kind;
        if (kind == "file") {
            RefFile r;
            s >> r.file >> r.model >> r.h >> r.w >> r.opset >> r.hook_macs;
            refs.push_back(r);
        } else if (kind == "layer") {
            std::string file, module;
            std::uint64_t macs = 0;
            s >> file >> module >> macs;
            REQUIRE(!refs.empty());
            REQUIRE(refs.back().file == file);
            refs.back().layers[module] += macs;
        }
    }
    return refs;
}

struct Loaded {
    Model model;
    ReadError read;
    Analysis an;
};

Loaded load(const std::string& file, const AnalyseOptions& opt = {}) {
    Loaded l;
    const std::string bytes = read_file(onnx_data_dir() / file);
    MemorySource src(bytes.data(), bytes.size());
    l.read = read_model(src, l.model);
    if (l.read.ok()) l.an = analyse(l.model, opt);
    return l;
}

// Dense MACs per module group.
std::map<std::string, std::uint64_t> group_macs(const Analysis& an) {
    std::map<std::string, std::uint64_t> m;
    for (const ModuleGroup& g : an.groups)
        if (g.macs.value > 0) m[g.module] = g.macs.value;
    return m;
}

} // namespace

TEST_CASE("onnx fixtures: a hand-written CNN gives PyTorch's hook MACs, layer by layer") {
    const std::vector<RefFile> refs = load_reference();
    int seen = 0;
    for (const RefFile& ref : refs) {
        if (ref.model != "handmade_cnn") continue;
        ++seen;
        CAPTURE(ref.file);
        const Loaded l = load(ref.file);
        REQUIRE(l.read.ok());
        REQUIRE(l.an.ok());
        CHECK(l.an.complete);
        // Worked out by hand for the 67×45 input (tools/onnx_export.py's HandmadeCNN):
        //   stem     3→12, k 3×5, s 2×1, p 1×2:   12·34·45 × 3·3·5      =   826,200
        //   dilated  12→16, k3, p2, d2:           16·34·45 × 12·9       = 2,643,840
        //   grouped  16→24, k 1×3, s 1×2, g4:     24·34·23 × 4·1·3      =   225,216
        //   maxpool 3/2 ceil → 17×11; depthwise 24, k 5×1: 24·17·11 × 5 =    22,440
        //   pointwise 24→32:                      32·17·11 × 24         =   143,616
        //   fc 32→10:                                                        320
        const std::map<std::string, std::uint64_t> by_hand = {{"stem", 826200},     {"dilated", 2643840},
                                                              {"grouped", 225216},  {"depthwise", 22440},
                                                              {"pointwise", 143616}, {"fc", 320}};
        CHECK(ref.layers == by_hand);
        CHECK(group_macs(l.an) == by_hand);
        CHECK(l.an.macs.value == 3861632);
        CHECK(l.an.macs.value == ref.hook_macs);
        // Params: torch has 3,942 (stem 540 + its BN 24 + dilated 1,744 + grouped 312 + post_bn 48 +
        // depthwise 144 + pointwise 800 + fc 330). Folding stem_bn into stem removes its 24 and adds a
        // 12-value bias: 3,930, and the file says BN was folded.
        CHECK(l.an.params.value == 3930);
        CHECK(l.an.batchnorm_folded);
        CHECK(l.an.convs_with_folded_bias == 1);
        CHECK(l.an.batchnorm_nodes == 1);
        // The pool after avg_nopad: 2/2, pad 1, ceil → 9×6.
        bool found = false;
        for (std::size_t i = 0; i < l.model.graph.nodes.size(); ++i)
            if (l.model.graph.nodes[i].name == "/avg_nopad/AveragePool") {
                CHECK(l.an.nodes[i].output_shapes[0] == std::vector<std::int64_t>{1, 32, 9, 6});
                found = true;
            }
        CHECK(found);
        // Mapped onto the core's layer kinds, the network gives the same MACs per layer.
        Network net;
        std::string err;
        REQUIRE_MESSAGE(to_network(l.model, l.an, net, err), err);
        const Evaluation ev = evaluate(net, Counting{});
        REQUIRE_MESSAGE(ev.ok(), ev.error);
        CHECK(ev.totals.dense_macs.value == 3861632);
        for (std::size_t i = 0; i < net.layers.size(); ++i) {
            auto it = by_hand.find(net.layers[i].name);
            if (it != by_hand.end()) CHECK(ev.layers[i].macs.value == it->second);
        }
        CHECK(ev.layers.back().out == Shape{10, 1, 1});
    }
    CHECK(seen == 2);
}

TEST_CASE("onnx fixtures: torchvision exports give the zoo's exact per-layer MACs and totals") {
    const std::vector<RefFile> refs = load_reference();
    std::set<std::string> models;
    std::set<std::string> mapped_models, unmapped;
    int files = 0, non_square = 0;
    for (const RefFile& ref : refs) {
        if (ref.model == "handmade_cnn") continue;
        CAPTURE(ref.file);
        ++files;
        non_square += ref.h != ref.w;
        models.insert(ref.model);
        const Loaded l = load(ref.file);
        REQUIRE(l.read.ok());
        REQUIRE(l.an.ok());
        CHECK(l.an.complete);
        CHECK(l.an.unsupported.empty());
        CHECK(l.an.external_weights);  // stripped fixtures: payloads marked external
        CHECK(l.an.input_shape == std::vector<std::int64_t>{1, 3, ref.h, ref.w});
        // PyTorch's hooks, layer by layer and in total.
        const auto groups = group_macs(l.an);
        CHECK(groups == ref.layers);
        CHECK(l.an.macs.value == ref.hook_macs);
        // The zoo at the same size.
        Network zoo;
        std::string err;
        REQUIRE_MESSAGE(build_model(ref.model, ref.h, ref.w, zoo, err), err);
        const Evaluation zev = evaluate(zoo, Counting{});
        REQUIRE_MESSAGE(zev.ok(), zev.error);
        CHECK(l.an.macs.value == zev.totals.dense_macs.value);
        for (std::size_t i = 0; i < zoo.layers.size(); ++i) {
            if (zev.layers[i].macs.value == 0) continue;
            CAPTURE(zoo.layers[i].name);
            auto it = groups.find(zoo.layers[i].name);
            REQUIRE(it != groups.end());
            CHECK(it->second == zev.layers[i].macs.value);
        }
        // Mapped onto the core's layer kinds: the same per-layer MACs through the core's own evaluate().
        Network net;
        if (!to_network(l.model, l.an, net, err)) {
            unmapped.insert(ref.model + ": " + err);
            continue;
        }
        mapped_models.insert(ref.model);
        const Evaluation ev = evaluate(net, Counting{});
        REQUIRE_MESSAGE(ev.ok(), ev.error);
        CHECK(ev.totals.dense_macs.value == l.an.macs.value);
        for (std::size_t i = 0; i < net.layers.size(); ++i) {
            auto it = groups.find(net.layers[i].name);
            if (it != groups.end()) CHECK(ev.layers[i].macs.value == it->second);
        }
    }
    CHECK(models.size() >= 20);
    CHECK(files == 4 * static_cast<int>(models.size()));  // 224 and non-square, opsets 13 and 17
    CHECK(non_square == 2 * static_cast<int>(models.size()));
    for (const std::string& u : unmapped) MESSAGE("not mappable onto layer kinds: " << u);
    // Every CNN maps, ShuffleNet's channel split (x.chunk → Slice) included: a Select layer.
    CHECK(unmapped.empty());
    CHECK(mapped_models.size() == models.size());
}

TEST_CASE("onnx fixtures: re-binding a 224 file to another size, or saying it is fixed to 224") {
    const std::vector<RefFile> refs = load_reference();
    std::map<std::string, const RefFile*> non_square;  // model+opset → the non-square export
    for (const RefFile& r : refs)
        if (r.h != r.w) non_square[r.model + "/" + std::to_string(r.opset)] = &r;
    std::set<std::string> fixed, rebound;
    for (const RefFile& ref : refs) {
        if (ref.model == "handmade_cnn" || ref.h != 224 || ref.w != 224) continue;
        CAPTURE(ref.file);
        const RefFile* other = non_square[ref.model + "/" + std::to_string(ref.opset)];
        REQUIRE(other);
        AnalyseOptions opt;
        opt.height = other->h;
        opt.width = other->w;
        const Loaded l = load(ref.file, opt);
        REQUIRE(l.an.ok());
        if (l.an.fixed_to_export_size) {
            CHECK(l.an.fixed_reason.find("224×224") != std::string::npos);
            fixed.insert(ref.model);
            continue;
        }
        // Not fixed: the re-bound 224 file counts exactly what the file exported at that size counts.
        CHECK(l.an.complete);
        CHECK(l.an.macs.value == other->hook_macs);
        CHECK(group_macs(l.an) == other->layers);
        rebound.insert(ref.model);
    }
    // AlexNet and VGG bake their adaptive pooling into 1×1 pools (Gemm K check); ShuffleNet its reshape
    // targets (Reshape element count). Everything else follows the new size.
    CHECK(fixed == std::set<std::string>{"alexnet", "shufflenet_v2_x1_0", "vgg11", "vgg11_bn", "vgg16"});
    CHECK(rebound.size() == 16);  // the other 16 of the 21 models
}
