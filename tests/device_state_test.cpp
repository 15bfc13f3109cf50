// The device in the state (issue 13): its link keys, compute() with a device, and the CLI's JSON.
#include "cli/args.h"
#include "core/link.h"
#include "core/report.h"
#include "core/state.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace flopscope;

TEST_CASE("device state: no device by default, so existing links and JSON are unchanged") {
    const State d = default_state();
    CHECK(d.device.name.empty());
    CHECK(encode_link(d) == "#v=1");
    const Results r = compute(d);
    CHECK_FALSE(r.has_device);
    CHECK(results_json(d, r).find("time_s") == std::string::npos);
}

TEST_CASE("device state: the device keys round-trip, a bad one is a clear problem and leaves the rest") {
    State s = default_state();
    const LinkDecode ok = decode_link("#v=1&prec=fp16&dev=t4&ec=0.5&em=0.25&ov=1e-5&onchip=1&es=0.5&sparse=1", s);
    CHECK(ok.ok());
    CHECK(s.device.name == "t4");
    CHECK(s.scenario.precision == Precision::FP16);
    CHECK(s.device.compute_efficiency == 0.5);
    CHECK(s.device.memory_efficiency == 0.25);
    CHECK(s.device.layer_overhead_s == 1e-5);
    CHECK(s.device.activations_on_chip);
    CHECK(s.device.energy_scale == 0.5);
    CHECK(s.device.sparse);

    State c = default_state();
    CHECK(decode_link("#v=1&dev=custom&dpk16=1e13&dbw=1e11&dbuf=4e6&dpw=15&dsp16=2e13", c).ok());
    CHECK(c.device.custom.peak(Precision::FP16).dense.value == 1e13);
    CHECK(c.device.custom.peak(Precision::FP16).sparse.value == 2e13);
    CHECK(c.device.custom.dram_bandwidth.value == 1e11);
    CHECK(c.device.custom.onchip_buffer.value == 4e6);
    CHECK(c.device.custom.power.value == 15);
    State back = default_state();
    CHECK(decode_link(encode_link(c), back).ok());
    CHECK(back == c);

    State bad = default_state();
    const LinkDecode d = decode_link("#v=1&h=0.5&dev=gtx9000&ec=0&dbw=1e99", bad);
    REQUIRE(d.problems.size() == 3);
    CHECK(d.problems[0].find("unknown device \"gtx9000\"") != std::string::npos);
    CHECK(d.problems[1].find("ec:") == 0);
    CHECK(d.problems[2].find("dbw:") == 0);
    CHECK(bad.scenario.hit_rate == 0.5);  // the rest applies
    CHECK(bad.device == DeviceSettings{});
}

TEST_CASE("device state: compute() with a device leaves the FLOP results as they are") {
    State s = default_state();
    const Results without = compute(s);
    s.device.name = "t4";
    s.scenario.precision = Precision::FP16;
    const Results with = compute(s);
    REQUIRE(with.has_device);
    REQUIRE(with.roofline.ok());
    CHECK(with.evaluation.totals.flops.value == without.evaluation.totals.flops.value);
    CHECK(with.evaluation.totals.flops.value == 2779348992);  // the seed's 13 layers, 2 × 1,389,674,496 MACs
    CHECK(with.scenario.total_flops == without.scenario.total_flops);
    CHECK(with.scenario.saved_flops == without.scenario.saved_flops);
    CHECK(with.caching_time.ok());
    CHECK(with.roofline.layers.size() == 13);

    s.device.name = "coral";  // no FP16 path: an error naming it, the FLOP results intact
    const Results coral = compute(s);
    CHECK(coral.ok());
    CHECK_FALSE(coral.roofline.ok());
    CHECK(coral.roofline.error.find("FP16") != std::string::npos);
    CHECK(coral.evaluation.totals.flops.value == 2779348992);
}

TEST_CASE("device state: the CLI's --device t4 --precision fp16 JSON has the hand-worked times") {
    const cli::Args a = cli::parse_args({"--device", "t4", "--precision", "fp16", "--format", "json"});
    REQUIRE(a.ok());
    CHECK_FALSE(a.state.scenario_enabled);  // --precision alone doesn't turn the scenario on
    const std::string json = results_json(a.state);
    // tests/roofline_test.cpp's worked numbers, T4: P = 65e12 FLOP/s, B = 320e9 B/s, 2 bytes per element.
    // conv1: 2·(150,528 + 9,408 + 802,816) = 1,925,504 B; memory-bound: 1,925,504 / 320e9 s.
    CHECK(json.find("\"time_s\": " + format_double(1925504.0 / 320e9) + ", \"energy_j\"") != std::string::npos);
    CHECK(json.find("\"bytes\": 1925504, \"bound\": \"memory\"") != std::string::npos);
    // stage-1 3×3 conv: 231,211,008 FLOPs, compute-bound: 231,211,008 / 65e12 s.
    CHECK(json.find("\"time_s\": " + format_double(231211008.0 / 65e12) + ", \"energy_j\"") != std::string::npos);
    CHECK(json.find("\"bytes\": 876544, \"bound\": \"compute\"") != std::string::npos);
    CHECK(json.find("\"device\": {\"name\": \"t4\"") != std::string::npos);
}

TEST_CASE("device state: --list-devices lists every preset in each format") {
    CHECK(cli::parse_args({"--list-devices", "--format", "json"}).action == cli::Args::Action::ListDevices);
    for (const char* f : {"table", "md", "csv", "json"}) {
        const std::string out = devices_listing(f);
        for (const Device& d : device_presets()) CHECK(out.find(d.name) != std::string::npos);
    }
}
