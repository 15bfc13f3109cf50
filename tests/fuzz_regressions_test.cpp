// What the fuzzers found, kept as doctest cases so it stays fixed (tools/fuzz, README "Quality checks").
//
// * Inline: the core bugs found by fuzz_core (its inputs are structured bytes, so they are written out
//   here as the states they decode to).
// * Files: every input in tools/fuzz/regressions/ (links that once crashed or broke a property) and the
//   seed corpus tools/fuzz/corpus/link/ are replayed through the fuzzers' properties: decoding never
//   fails hard, the problems are bounded and non-empty, the decoded state's results are finite or a
//   clear error, and decode → encode → decode gives the same state, the same link and the same JSON.
#include "core/link.h"
#include "core/report.h"
#include "core/state.h"

#include "json_checks.h"
#include "../tools/fuzz/onnx_properties.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace flopscope;
namespace fs = std::filesystem;

namespace {

fs::path repo_root() { return fs::path(__FILE__).parent_path().parent_path(); }

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().filename().string().front() != '.' && e.path().extension() != ".md")
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The properties of tools/fuzz/fuzz_link.cpp and fuzz_link_roundtrip.cpp for one input.
void replay_link(const std::string& bytes) {
    State a;
    const LinkDecode d = decode_link(bytes, a);
    CHECK(d.problems.size() <= kMaxLinkProblems + 1);
    for (const std::string& p : d.problems) CHECK_FALSE(p.empty());
    const Results r = compute(a);
    CHECK(r.ok() == r.error.empty());
    const std::string json = results_json(a, r);
    CHECK_FALSE(json_has_nonfinite(json));

    const std::string e = encode_link(a);
    State b;
    const LinkDecode db = decode_link(e, b);
    CHECK_MESSAGE(db.ok(), e);
    CHECK_MESSAGE(a == b, e);
    CHECK(encode_link(b) == e);
    CHECK(results_json(b, compute(b)) == json);

    std::vector<Layer> layers;
    decode_layer_list(bytes, layers);
    CHECK(layers.size() <= static_cast<std::size_t>(kMaxLayers));
    std::vector<Layer> again;
    decode_layer_list(encode_layer_list(layers), again);
    CHECK(again == layers);
}

} // namespace

TEST_CASE("fuzz_core regression: INT64_MIN in a layer field is a message, not undefined behaviour") {
    // UBSan: "negation of -9223372036854775808 cannot be represented" while formatting the error.
    Network net;
    net.input = Shape{3, 32, 32};
    Layer l = make_conv("c", 8, 3);
    l.out_channels = std::numeric_limits<std::int64_t>::min();
    net.layers = {l};
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE_FALSE(ev.ok());
    CHECK(ev.error.find("output channels -9,223,372,036,854,775,808 must be at least 1") != std::string::npos);
}

TEST_CASE("fuzz_core regression: a counting convention with flops_per_mac other than 1 or 2 is refused") {
    // -1 became 2^64 − 1 through the unsigned cast and a single MAC turned into 18 quintillion FLOPs.
    Network net;
    net.input = Shape{1, 1, 1};
    net.layers = {make_conv("one_mac", 1, 1)};
    Counting c;
    c.flops_per_mac = -1;
    const Evaluation ev = evaluate(net, c);
    CHECK_FALSE(ev.ok());
    CHECK(ev.error == "FLOPs per MAC must be 1 or 2, not -1");
}

TEST_CASE("fuzz regressions and the link seed corpus replay cleanly") {
    std::vector<fs::path> inputs = files_in(repo_root() / "tools" / "fuzz" / "regressions");
    const std::vector<fs::path> seeds = files_in(repo_root() / "tools" / "fuzz" / "corpus" / "link");
    REQUIRE_MESSAGE(!seeds.empty(), "tools/fuzz/corpus/link/ is missing");
    inputs.insert(inputs.end(), seeds.begin(), seeds.end());
    for (const fs::path& p : inputs) {
        CAPTURE(p.string());
        replay_link(read_bytes(p));
    }
}

TEST_CASE("fuzz regressions: ONNX inputs (tools/fuzz/regressions/onnx) and the ONNX seed corpus replay cleanly") {
    std::vector<fs::path> inputs = files_in(repo_root() / "tools" / "fuzz" / "regressions" / "onnx");
    const std::vector<fs::path> seeds = files_in(repo_root() / "tools" / "fuzz" / "corpus" / "onnx");
    REQUIRE_MESSAGE(!seeds.empty(), "tools/fuzz/corpus/onnx/ is missing");
    inputs.insert(inputs.end(), seeds.begin(), seeds.end());
    for (const fs::path& p : inputs) {
        CAPTURE(p.string());
        CHECK(fuzz::check_onnx_bytes(read_bytes(p)) == "");
    }
}
