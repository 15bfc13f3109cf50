// Flopscope UI tests — importing an ONNX model into the app (src/app/import.cpp): the imported network
// becomes the custom network with the file's numbers and the "BN folded" note next to the parameters; a
// file that cannot be read or mapped is refused with its reason and the state stays as it was.
#include "harness.h"

#include "../onnx_builder.h"
#include "layout_check.h"
#include "app/app_internal.h"
#include "core/onnx/analysis.h"
#include "app/app.h"
#include "core/format.h"
#include "core/link.h"
#include "core/scenario_file.h"

#include <doctest/doctest.h>

#include <string>

using namespace flopscope;
using namespace flopscope::ui_test;

namespace {

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

onnx::Model read_fixture(const char* rel) {
    const std::string bytes = onnx_test::read_file(onnx_test::onnx_data_dir() / rel);
    REQUIRE(!bytes.empty());
    onnx::MemorySource src(bytes.data(), bytes.size());
    onnx::Model m;
    const onnx::ReadError e = onnx::read_model(src, m);
    REQUIRE_MESSAGE(e.ok(), e.message);
    return m;
}

} // namespace

TEST_CASE("an imported resnet18 export is the custom network, with the zoo's MACs and the BN-folded note") {
    Harness h(1280, 720);
    FakePlatform p;
    app::App a(p);
    h.frame([&] { a.frame(); });
    a.import_onnx(read_fixture("zoo/resnet18_224x224_op13.onnx"), "resnet18.onnx");
    std::string text;
    for (int i = 0; i < 3; ++i) text = h.frame([&] { a.frame(); });
    CHECK(take_imgui_asserts().empty());
    CHECK(has(a.state_json(), "\"model\": \"custom\""));
    // 1,814,073,344 MACs (reference.txt); parameters 11,689,512 − ΣC of the 20 folded BNs (4,800):
    // ΣC = 64 + 4·64 + 5·128 + 5·256 + 5·512.
    CHECK(has(a.results_json(), "\"totals\": {\"macs\": 1814073344"));
    CHECK(has(a.results_json(), "\"params\": " + std::to_string(11689512 - (64 + 4 * 64 + 5 * 128 + 5 * 256 + 5 * 512))));
    CHECK(has(text, "Imported resnet18.onnx"));
    CHECK(has(text, "BN folded into the convs (20)"));
    CHECK(has(a.import_json(), "\"ok\":true"));
    // Another network opened: the note was about the file's network and goes with it.
    a.load_fragment("");
    text = h.frame([&] { a.frame(); });
    CHECK_FALSE(has(text, "BN folded into the convs"));
}

TEST_CASE("an import that fails says why and leaves the state as it was") {
    Harness h(1280, 720);
    FakePlatform p;
    app::App a(p);
    a.load_fragment("v=1&m=resnet18");
    h.frame([&] { a.frame(); });
    const std::string state = a.state_json(), results = a.results_json();

    // An op this reader does not know: listed by name and node count, never counted as zero.
    onnx::Model m = read_fixture("handmade_cnn_op13.onnx");
    m.graph.nodes[3].op_type = "FancyOp";
    a.import_onnx(m, "fancy.onnx");
    std::string text;
    for (int i = 0; i < 2; ++i) text = h.frame([&] { a.frame(); });
    CHECK(a.state_json() == state);
    CHECK(a.results_json() == results);
    CHECK(has(text, "Ops not supported (name ×nodes): FancyOp ×1"));
    bool said = false;
    for (const std::string& msg : a.messages()) said = said || msg == "Can't import fancy.onnx: ops not supported: FancyOp ×1";
    CHECK(said);

    // A file the reader refused.
    a.import_failed("cut.onnx", "the file ends at byte 3,000 inside a node");
    text = h.frame([&] { a.frame(); });
    CHECK(a.state_json() == state);
    CHECK(has(text, "Not imported: cut.onnx: the file ends at byte 3,000 inside a node"));

    // The progress bar while a file is read.
    a.set_import_progress("big.onnx", 0.5f);
    text = h.frame([&] { a.frame(); });
    CHECK(has(text, "Reading big.onnx… 50%"));
    a.set_import_progress("big.onnx", -1);
    text = h.frame([&] { a.frame(); });
    CHECK_FALSE(has(text, "Reading big.onnx"));
    CHECK(take_imgui_asserts().empty());
}

TEST_CASE("a network whose link is over the budget offers Save scenario; the saved file opens back, a bad one is refused whole") {
    Harness h(1280, 720);
    FakePlatform p;
    app::App a(p);
    h.frame([&] { a.frame(); });
    std::string text = h.frame([&] { a.frame(); });
    CHECK_FALSE(has(text, "Save scenario…"));  // a zoo model's link is short

    a.import_onnx(read_fixture("zoo/densenet121_224x224_op13.onnx"), "densenet121.onnx");
    for (int i = 0; i < 3; ++i) text = h.frame([&] { a.frame(); });
    const std::string state = a.state_json(), results = a.results_json();
    // The state, from the address the app wrote.
    REQUIRE_FALSE(p.fragments.empty());
    State imported;
    REQUIRE(decode_link(p.fragments.back(), imported).ok());
    const std::size_t chars = encode_link(imported).size();
    REQUIRE(chars > 2000);
    CHECK(has(text, "This network's link is too long to share:"));
    CHECK(has(text, with_commas_signed(static_cast<std::int64_t>(chars)) + " characters, over 2,000."));
    CHECK(has(text, "Save scenario…"));
    const std::string saved = scenario_file_json(imported);

    // Open it on top of another state: the same state and numbers.
    a.load_fragment("#v=1&m=alexnet");
    h.frame([&] { a.frame(); });
    a.open_scenario_file("saved.json", saved.c_str(), static_cast<double>(saved.size()));
    h.frame([&] { a.frame(); });
    CHECK(a.state_json() == state);
    CHECK(a.results_json() == results);

    // A file with a problem is never half applied; one too large to be a scenario is not read.
    a.open_scenario_file("bad.json", R"({"flopscope_scenario": 1, "link": "#v=1&m=no_such_model"})", 60);
    a.open_scenario_file("huge.json", nullptr, 5e6);
    h.frame([&] { a.frame(); });
    CHECK(a.state_json() == state);
    int said = 0;
    for (const std::string& msg : a.messages()) {
        said += msg.rfind("Can't open bad.json: ", 0) == 0;
        said += msg.rfind("Can't open huge.json: at ", 0) == 0 && has(msg, "too large to be a saved scenario");
    }
    CHECK(said == 2);
    CHECK(take_imgui_asserts().empty());
}

TEST_CASE("the import's lines in the Model panel are never cut, at phone and desktop sizes") {
    // densenet121's export: a long file name, and a link far over the budget (the Save scenario lines).
    const onnx::Model m = read_fixture("zoo/densenet121_224x224_op13.onnx");
    const onnx::Analysis an = onnx::analyse(m);
    REQUIRE(an.ok());
    Network net;
    std::string error;
    REQUIRE_MESSAGE(onnx::to_network(m, an, net, error), error);
    State s = default_state();
    s.model = kCustomModel;
    s.custom = net;
    s.input_c = net.input.c;
    s.input_h = net.input.h;
    s.input_w = net.input.w;
    struct Size {
        float w, h, ratio;
    };
    for (const Size size : {Size{360, 780, 1}, Size{390, 844, 3}, Size{430, 932, 1}, Size{1280, 720, 1}}) {
        Harness h(size.w, size.h, size.ratio, /*big_font=*/true);
        FakePlatform p;
        p.ratio = size.ratio;
        AppDriver d(h, p);
        d.app.replace_state(s);
        REQUIRE(d.app.derived.results.ok());
        d.app.import.file = "densenet121_224x224_op13.onnx";
        d.app.import.ok = true;
        d.app.import.nodes = static_cast<int>(m.graph.nodes.size());
        d.app.import.opset = m.opset;
        d.app.import.network = net;
        d.app.request_tab = app::Tab::Model;
        const std::string text = [&] { d.frames(3); return d.frame(); }();
        CHECK(has(text, "Save scenario…"));
        const std::vector<std::string> problems = layout_problems(2.0f * size.ratio);
        for (const std::string& problem : problems) {
            const std::string line = std::to_string(static_cast<int>(size.w)) + " px: " + problem;
            FAIL_CHECK(line);
        }
    }
    take_imgui_asserts();
}
