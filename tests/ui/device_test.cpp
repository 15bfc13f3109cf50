// Flopscope UI tests — time and energy on a device: the picker, the layer table's device columns and the
// roofline chart's labels, driven by clicks on the whole app rendered headless.
#include "harness.h"

#include "core/report.h"
#include "core/roofline.h"
#include "app/app.h"
#include "cli/args.h"

#include <doctest/doctest.h>

#include <string>

using namespace flopscope;
using namespace flopscope::ui_test;

namespace {

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

void check_no_asserts() {
    const std::vector<std::string> asserts = take_imgui_asserts();
    for (const std::string& a : asserts) FAIL_CHECK(a);
    CHECK(asserts.empty());
}

} // namespace

TEST_CASE("the device picker: none by default, a preset by clicking, time beside the FLOPs") {
    Harness h(1280, 1400);
    FakePlatform p;
    AppDriver d(h, p);
    std::string text = d.frame();
    d.frames(2);
    CHECK(d.app.state.device.name.empty());
    CHECK_FALSE(d.app.derived.results.has_device);
    CHECK(has(d.frame(), "Choose a device for time and energy per layer."));

    REQUIRE(d.click("device picker"));
    d.frames(2);
    REQUIRE(d.click("device:t4"));
    d.frames(2);
    CHECK(d.app.state.device.name == "t4");
    REQUIRE(d.app.derived.results.roofline.ok());

    // FP16 by clicking the precision: conv1 of the seed is memory-bound on the T4: 2 bytes × (3·224·224
    // input + 7·7·3·64 weights + 64·112·112 output) = 1,925,504 bytes at 320 GB/s = 6.0172 µs.
    REQUIRE(d.click("precision:FP16"));
    d.frames(2);
    CHECK(d.app.state.scenario.precision == Precision::FP16);
    const RooflineResult& r = d.app.derived.results.roofline;
    REQUIRE(r.ok());
    CHECK(r.layers[0].time_s == doctest::Approx(1925504.0 / 320e9).scale(0));
    CHECK(r.layers[0].bound == Bound::Memory);
    text = d.frame();
    // Results: the core's total time, energy and inferences per second, in its own formats.
    CHECK(has(text, "Time " + format_seconds(r.totals.time_s) + " · " + format_joules(r.totals.energy_j)));
    CHECK(has(text, "inferences/s"));
    CHECK(has(text, "on NVIDIA T4 · FP16"));
    CHECK(has(text, "With caching " + format_seconds(d.app.derived.results.caching_time.total_time_s)));
    CHECK(has(text, "Ridge point"));
    // A device with a weak figure shows it marked "≈".
    const Device* weak = nullptr;
    for (const Device& dev : device_presets())
        if (!weak && (dev.dram_bandwidth.weak || dev.peak(Precision::FP16).dense.weak || dev.onchip_buffer.weak)) weak = &dev;
    REQUIRE(weak != nullptr);
    State s = d.app.state;
    s.device.name = weak->name;
    d.app.replace_state(s);
    d.frames(2);
    CHECK(has(d.frame(), "≈ "));
    check_no_asserts();
}

TEST_CASE("the layer table gains time, bound, energy and the fetch-or-recompute verdict only with a device") {
    Harness h(1600, 900);
    FakePlatform p;
    AppDriver d(h, p);
    d.app.request_tab = app::Tab::Layers;
    d.frames(3);
    std::string text = d.frame();
    CHECK_FALSE(has(text, "Bound"));
    CHECK_FALSE(has(text, "Energy"));

    State s = d.app.state;
    s.device.name = "t4";
    s.scenario.precision = Precision::FP16;
    d.app.replace_state(s);
    d.app.request_tab = app::Tab::Layers;
    d.frames(3);
    text = d.frame();
    CHECK(has(text, "Time"));
    CHECK(has(text, "Bound"));
    CHECK(has(text, "Energy"));
    CHECK(has(text, "6.02 µs"));  // conv1: 1,925,504 bytes / 320 GB/s
    CHECK(has(text, "memory"));
    CHECK(has(text, "compute"));
    // conv1 at FP16: recompute intensity 2·7·7·3/2 = 147 FLOP/B, below the T4's ridge (65 TFLOP/s ÷
    // 320 GB/s = 203 FLOP/B): recompute. A stage-3 3×3 conv: 2·9·256/2 = 2,304 FLOP/B: fetch.
    const RooflineResult& r = d.app.derived.results.roofline;
    CHECK(r.layers[0].recompute_intensity == 147.0);
    CHECK(r.layers[0].time_verdict == Verdict::Recompute);
    CHECK(r.layers[12].time_verdict == Verdict::Fetch);
    CHECK(has(text, "recompute"));
    CHECK(has(text, "fetch"));
    check_no_asserts();
}

TEST_CASE("the roofline chart: ridge and peak labels, time charts beside the FLOP charts, a dot selects its layer") {
    Harness h(1280, 1400);
    FakePlatform p;
    AppDriver d(h, p);
    State s = d.app.state;
    s.device.name = "t4";
    s.scenario.precision = Precision::FP16;
    d.app.replace_state(s);
    d.app.request_tab = app::Tab::Charts;
    d.frames(3);
    const std::string text = d.frame();
    const RooflineResult& r = d.app.derived.results.roofline;
    CHECK(has(text, "Roofline on NVIDIA T4 · FP16"));
    CHECK(has(text, "ridge " + format_cost(r.ridge, "FLOP/B", false, 1)));
    CHECK(has(text, "compute-bound"));
    CHECK(has(text, "memory-bound"));
    CHECK(has(text, "Time vs cached fraction f"));
    CHECK(has(text, "Time vs hit rate h"));
    CHECK(has(text, "FLOPs vs cached fraction f"));
    // 13 seed layers, all convolutions: every one is a dot.
    CHECK_FALSE(has(text, "without FLOPs not shown"));
    REQUIRE(d.app.derived.curves.sweep_time_fraction.size() == kSweepPoints);
    CHECK(d.app.derived.curves.sweep_time_fraction.front() == doctest::Approx(r.totals.time_s * 1.5).scale(0));  // + σ = 0.5

    // Clicking conv1's dot selects it and opens the layer table.
    ImVec2 min, max;
    REQUIRE(d.rect("roofline:" + d.app.derived.results.network.layers[0].name, min, max));
    h.mouse_move((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    d.frame();
    h.mouse_button(true);
    d.frame();
    h.mouse_button(false);
    d.frames(3);
    CHECK(d.app.selected_layer == 0);
    CHECK(has(d.frame(), "Bound"));  // the Layers tab is open
    check_no_asserts();
}

TEST_CASE("a custom device: typed figures go into the state, a bad one is refused and explained") {
    Harness h(1280, 1400);
    FakePlatform p;
    AppDriver d(h, p);
    d.frames(2);
    REQUIRE(d.click("device picker"));
    d.frames(2);
    REQUIRE(d.click("device:custom"));
    d.frames(2);
    REQUIRE(d.app.state.device.name == kCustomDevice);
    CHECK(d.app.derived.results.roofline.ok());  // starts from the T4's figures
    REQUIRE(d.type_into("custom:bandwidth", "100"));
    d.frames(2);
    CHECK(d.app.state.device.custom.dram_bandwidth.value == 100e9);
    REQUIRE(d.type_into("custom:bandwidth", "0"));
    d.frames(2);
    CHECK(d.app.state.device.custom.dram_bandwidth.value == 100e9);
    REQUIRE(d.app.pending_for("bandwidth") != nullptr);
    CHECK(has(d.app.pending_for("bandwidth")->message, "bandwidth"));
    check_no_asserts();
}

TEST_CASE("the page's resultsJson on a device equals `flopscope --device … --precision … --format json`") {
    // The CLI prints results_json(state, compute(state)) for the state cli::parse_args reads (main.cpp);
    // the test hook returns App::results_json() (web/bindings.cpp). Both from one link and one command line.
    // Without --scenario the CLI reports the network alone: the link says so with scenario=0.
    struct Case {
        const char* link;
        std::vector<std::string> argv;
    };
    const Case cases[] = {
        {"#v=1&m=resnet18&scenario=0&dev=t4&prec=fp16", {"--model", "resnet18", "--device", "t4", "--precision", "fp16"}},
        {"#v=1&scenario=0&dev=jetson_nano&prec=fp32", {"--device", "jetson_nano", "--precision", "fp32"}},
        {"#v=1&m=mobilenet_v2&scenario=0&dev=coral&prec=int8", {"--model", "mobilenet_v2", "--device", "coral", "--precision", "int8"}},
        // A precision the device has no peak for: the FLOP results stand, the roofline carries the message.
        {"#v=1&scenario=0&dev=coral&prec=fp32", {"--device", "coral", "--precision", "fp32"}},
        // With a scenario: its time, energy and warning sentence come along.
        {"#v=1&m=resnet18&sc=custom&f=1&prec=int8&dev=t4",
         {"--model", "resnet18", "--scenario", "full", "--device", "t4", "--precision", "int8"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.link);
        std::vector<std::string> argv = c.argv;
        argv.insert(argv.end(), {"--format", "json"});
        const cli::Args args = cli::parse_args(argv);
        REQUIRE(args.ok());
        const Results cli_results = compute(args.state);
        const std::string cli_json = results_json(args.state, cli_results);

        Harness h(1280, 900);
        FakePlatform p;
        app::App a(p);
        a.load_fragment(c.link);
        for (int i = 0; i < 3; ++i) h.frame([&] { a.frame(); });
        check_no_asserts();
        CHECK(a.messages().empty());
        CHECK(a.results_json() == cli_json);
        CHECK(cli_json.find("\"device\": ") != std::string::npos);
        CHECK(a.state_json() == state_json(args.state));
    }
}
