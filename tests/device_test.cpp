// Device presets and custom-device validation. Ridge points are those of
// ../shared/design/caching-cost-models.md §5.2, worked out here from the datasheet figures.
#include "core/device.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>

using namespace flopscope;

namespace {

const Device& preset(const char* name) {
    const Device* d = find_device(name);
    REQUIRE(d != nullptr);
    return *d;
}

double ridge(const Device& d, Precision p) { return peak_flops(d, p) / d.dram_bandwidth.value; }

} // namespace

TEST_CASE("every preset is valid, named once, and the issue's devices are all there") {
    std::set<std::string> names;
    for (const Device& d : device_presets()) {
        INFO(d.name);
        CHECK(validate_device(d) == "");
        CHECK(names.insert(d.name).second);
        CHECK(!d.label.empty());
        CHECK(!d.mode.empty());
        CHECK(!d.source.empty());
    }
    for (const char* n : {"jetson_nano", "orin_nano_15w", "orin_nano_25w", "rpi4", "rpi5", "t4", "a100_40gb",
                          "a100_80gb", "h100_sxm", "h100_pcie", "rtx4090", "m2_gpu", "coral"})
        CHECK(names.count(n) == 1);
    CHECK(find_device("custom") == nullptr);
    CHECK(find_device("T4") == nullptr);  // names are exact
}

TEST_CASE("ridge points of the design note (§5.2)") {
    CHECK(ridge(preset("t4"), Precision::FP16) == 65e12 / 320e9);            // 203.125
    CHECK(ridge(preset("t4"), Precision::FP16) == 203.125);
    CHECK(ridge(preset("a100_40gb"), Precision::FP16) == 312e12 / 1555e9);   // 200.6
    CHECK(ridge(preset("a100_80gb"), Precision::FP16) == 312e12 / 2039e9);   // 153.0
    CHECK(ridge(preset("h100_sxm"), Precision::FP16) == 989.4e12 / 3.35e12); // 295.3
    CHECK(ridge(preset("jetson_nano"), Precision::FP16) == 472e9 / 25.6e9);  // 18.4375
    CHECK(ridge(preset("rpi5"), Precision::FP32) == 153.6e9 / 17.068e9);     // 9.0
    CHECK(ridge(preset("orin_nano_25w"), Precision::INT8) == 33.5e12 / 102e9);  // 328.4
}

TEST_CASE("dense peaks are the default; sparse peaks are kept apart") {
    const Device& h100 = preset("h100_sxm");
    CHECK(peak_flops(h100, Precision::FP16) == 989.4e12);
    CHECK(peak_flops(h100, Precision::FP16, true) == 1978.9e12);
    CHECK(peak_flops(preset("a100_40gb"), Precision::INT8) == 624e12);
    CHECK(peak_flops(preset("a100_40gb"), Precision::INT8, true) == 1248e12);
    // The T4 (Turing) has no structured sparsity.
    CHECK(check_precision(preset("t4"), Precision::FP16, true) ==
          "NVIDIA T4 has no FP16 sparse peak: use a custom device that has one");
    // Both Orin Nano power modes, with their own bandwidth.
    CHECK(preset("orin_nano_15w").dram_bandwidth.value == 68e9);
    CHECK(preset("orin_nano_25w").dram_bandwidth.value == 102e9);
    CHECK(preset("a100_80gb").dram_bandwidth.value == 2039e9);
    CHECK(preset("a100_80gb").peak(Precision::FP16) == preset("a100_40gb").peak(Precision::FP16));
}

TEST_CASE("weak sources are flagged") {
    CHECK(preset("orin_nano_15w").peak(Precision::FP16).dense.weak);  // assumed 2:1 INT8:FP16 ratio
    CHECK_FALSE(preset("orin_nano_15w").peak(Precision::INT8).dense.weak);
    CHECK(preset("rpi5").peak(Precision::FP32).dense.weak);            // derived, unverified
    CHECK(preset("coral").dram_bandwidth.weak);                        // 3rd-party link rate
    CHECK_FALSE(preset("t4").dram_bandwidth.weak);
    CHECK(preset("m2_gpu").peak(Precision::FP32).dense.weak);          // 3rd-party
}

TEST_CASE("a precision the device cannot run is named, with what it can run") {
    CHECK(check_precision(preset("coral"), Precision::FP32) ==
          "Google Coral Edge TPU (USB) has no FP32 peak: choose INT8, or use a custom device that has one");
    CHECK(check_precision(preset("jetson_nano"), Precision::INT8) ==
          "NVIDIA Jetson Nano (4 GB) has no INT8 peak: choose FP32 or FP16, or use a custom device that has one");
    CHECK(check_precision(preset("t4"), Precision::INT8) == "");
    Device custom;
    custom.peak(Precision::FP32).dense = {1e12, false};
    CHECK(check_precision(custom, Precision::FP16) ==
          "Custom device has no FP16 peak: choose FP32, or give the device one");
}

TEST_CASE("bad custom-device input gets a message naming the field") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    Device good;  // a small custom device
    good.peak(Precision::FP16).dense = {10e12, false};
    good.dram_bandwidth = {100e9, false};
    good.onchip_buffer = {4e6, false};
    REQUIRE(validate_device(good) == "");

    auto with = [&](auto edit) {
        Device d = good;
        edit(d);
        return validate_device(d);
    };
    CHECK(with([&](Device& d) { d.dram_bandwidth.value = nan; }) == "DRAM bandwidth is not a number");
    CHECK(with([](Device& d) { d.dram_bandwidth.value = -1; }) == "DRAM bandwidth -1 must not be negative");
    CHECK(with([](Device& d) { d.dram_bandwidth.value = 0; }) == "DRAM bandwidth must be above 0 bytes/s");
    CHECK(with([](Device& d) { d.dram_bandwidth.value = 2e15; }) == "DRAM bandwidth 2e15 is above the limit of 1e15");
    CHECK(with([&](Device& d) { d.peak(Precision::FP16).dense.value = inf; }) == "FP16 dense peak must be a finite number");
    CHECK(with([](Device& d) { d.peak(Precision::FP16).dense.value = -5; }) == "FP16 dense peak -5 must not be negative");
    CHECK(with([](Device& d) { d.peak(Precision::FP16).dense.value = 0; }) ==
          "the device needs a dense peak for at least one precision (FP32, FP16 or INT8)");
    CHECK(with([](Device& d) { d.peak(Precision::INT8).sparse.value = 1e12; }) == "INT8 has a sparse peak but no dense peak");
    CHECK(with([](Device& d) { d.peak(Precision::FP16).sparse.value = 5e12; }) ==
          "FP16 sparse peak 5e12 is below its dense peak 1e13");
    CHECK(with([](Device& d) { d.peak(Precision::FP32).channel_granularity = 0; }) ==
          "FP32 channel granularity 0 is outside 1…4096");
    CHECK(with([&](Device& d) { d.onchip_buffer.value = nan; }) == "on-chip buffer is not a number");
    CHECK(with([](Device& d) { d.power.value = -70; }) == "power -70 must not be negative");
    CHECK(with([](Device& d) { d.name.clear(); }) == "the device name must not be empty");
    CHECK(with([](Device& d) { d.label = std::string("a\nb"); }) == "device label has characters that are not allowed");
    CHECK(with([](Device& d) { d.mode = std::string(201, 'x'); }) == "device mode is longer than 200 bytes");
}
