// Flopscope core — devices: the peak rates, memory bandwidth and on-chip capacity a roofline needs.
//
// A preset is plain data (device.cpp, each figure with its source in a comment); a custom device is a
// value of the same type, every field user-settable and checked by validate_device(). Figures follow
// ../shared/design/caching-cost-models.md §5: dense and sparse peaks are separate fields and the dense
// one is what the roofline uses unless asked otherwise (§5.3); a figure whose source is weak (derived
// under an assumption, third-party, unverified) carries `weak = true` so every view can mark it.
//
// [SECTION] Figures
// [SECTION] Device
// [SECTION] Presets
// [SECTION] Validation
#pragma once

#include "core/scenario.h"  // Precision, precision_name, bytes_per_element

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Figures
//-----------------------------------------------------------------------------

// One number with a flag for a weak source. value 0 means "no such figure" where a field allows it
// (a precision the device has no path for, an unknown power draw).
struct DeviceFigure {
    double value = 0.0;
    bool weak = false;
    friend bool operator==(const DeviceFigure&, const DeviceFigure&) = default;
};

inline constexpr int kPrecisionCount = static_cast<int>(Precision::Count_);  // FP32, FP16 (and BF16), INT8

// What one precision runs at on a device.
struct PrecisionPeak {
    DeviceFigure dense;    // FLOP/s (INT8: op/s), a multiply-accumulate counting as 2; 0: no path at this precision
    DeviceFigure sparse;   // with 2:4 structured sparsity; 0: none. Never used unless RooflineOptions asks for it
    // Output channels are computed in tiles of this many (§3.8): a kept-channel count rounds up to a
    // multiple of it. 1: no rounding.
    std::int64_t channel_granularity = 1;
    bool granularity_weak = false;
    friend bool operator==(const PrecisionPeak&, const PrecisionPeak&) = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Device
//-----------------------------------------------------------------------------

struct Device {
    std::string name = "custom";  // identifier for links and the CLI ("t4", "orin_nano_15w"), or "custom"
    std::string label = "Custom device";  // shown in the UI ("NVIDIA T4")
    std::string mode;                     // power and clock mode, e.g. "15 W, GPU 625 MHz"
    std::array<PrecisionPeak, kPrecisionCount> peaks{};  // indexed by Precision
    DeviceFigure dram_bandwidth;   // bytes/s of the memory the roofline's "bytes" come from (DRAM; Coral: host link)
    DeviceFigure onchip_buffer;    // bytes of on-chip memory activations may stay in (GPU L2, CPU last-level cache, SRAM)
    DeviceFigure power;            // watts in this mode (board/TDP); 0: unknown
    DeviceFigure clock;            // Hz of the compute units in this mode; 0: unknown
    std::string source;      // where the figures come from, one line (device.cpp has them per figure)
    friend bool operator==(const Device&, const Device&) = default;

    const PrecisionPeak& peak(Precision p) const { return peaks[static_cast<std::size_t>(p)]; }
    PrecisionPeak& peak(Precision p) { return peaks[static_cast<std::size_t>(p)]; }
};

//-----------------------------------------------------------------------------
// [SECTION] Presets
//-----------------------------------------------------------------------------

// The built-in devices, in the order a picker lists them. Names: jetson_nano, orin_nano_15w,
// orin_nano_25w, rpi4, rpi5, t4, a100_40gb, a100_80gb, h100_sxm, h100_pcie, rtx4090, m2_gpu, coral.
const std::vector<Device>& device_presets();
const Device* find_device(std::string_view name);

//-----------------------------------------------------------------------------
// [SECTION] Validation
//-----------------------------------------------------------------------------

// Limits far above any real device, so that a typo (a bandwidth in bits, an extra 10^6) is caught and
// every derived time stays a finite double.
inline constexpr double kMaxPeakFlops = 1e19;        // 10 EFLOP/s
inline constexpr double kMaxBandwidth = 1e15;        // 1 PB/s
inline constexpr double kMaxOnchipBuffer = 1e12;     // 1 TB
inline constexpr double kMaxPower = 1e6;             // 1 MW
inline constexpr double kMaxClock = 1e12;            // 1 THz
inline constexpr std::int64_t kMaxDeviceGranularity = 4096;
inline constexpr std::size_t kMaxDeviceText = 200;   // name, label, mode, source: bytes

// "" when every field is in range; else one message naming the field, e.g. "DRAM bandwidth must be
// above 0 bytes/s", "FP16 dense peak is not a number", "INT8 sparse peak 1e+12 is below its dense
// peak 2e+12". A device needs a positive bandwidth and at least one precision with a dense peak.
std::string validate_device(const Device& d);

// "" when `d` can run `p` (a positive dense peak, and a sparse one when `sparse`); else a message
// such as "Google Coral Edge TPU has no FP32 peak: choose INT8, or give the custom device one".
std::string check_precision(const Device& d, Precision p, bool sparse = false);

// The peak the roofline uses for `p`: the dense one, or the sparse one when `sparse`.
double peak_flops(const Device& d, Precision p, bool sparse = false);

} // namespace flopscope
