// Flopscope core — device presets and validation (types and rules in device.h).
//
// Sources are those of ../shared/design/caching-cost-models.md §5.1 unless a comment says otherwise;
// "derived" figures are computed from the formula given. A figure is marked weak (`W` below) when the
// note marks it derived-under-an-assumption, third-party or unverified, or when it is a widely quoted
// vendor figure not checked against a stored source here.
//
// [SECTION] Presets
// [SECTION] Validation
#include "core/device.h"

#include "core/text.h"

#include <cmath>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Presets
//-----------------------------------------------------------------------------

namespace {

constexpr bool W = true;   // weak source
constexpr bool S = false;  // sound source
constexpr double M = 1e6, G = 1e9, T = 1e12;
constexpr double KiB = 1024.0, MiB = 1024.0 * 1024.0;

// One precision: dense and sparse peaks with their flags, channel granularity with its flag.
PrecisionPeak peak(double dense, bool dense_weak, double sparse, bool sparse_weak, std::int64_t g, bool g_weak) {
    return PrecisionPeak{{dense, dense_weak}, {sparse, sparse_weak}, g, g_weak};
}
PrecisionPeak none() { return peak(0, S, 0, S, 1, W); }

// NVIDIA Tensor Core channel multiples: "divisible by 8 (FP16) or 16 (INT8)" (NVIDIA "Optimizing for
// Tensor Cores", quoted in NVIDIA/TensorRT issue #3876; note §3.8). FP32 runs on CUDA cores without a
// tile requirement we could source: 1, weak.
constexpr std::int64_t kTensorFp16 = 8, kTensorInt8 = 16;

std::vector<Device> build_presets() {
    std::vector<Device> v;
    auto add = [&](const char* name, const char* label, const char* mode) -> Device& {
        Device d;
        d.name = name;
        d.label = label;
        d.mode = mode;
        v.push_back(d);
        return v.back();
    };

    {   // NVIDIA Jetson Nano 4 GB, Maxwell GM20B: 128 CUDA cores at 921.6 MHz, no Tensor Cores.
        Device& d = add("jetson_nano", "NVIDIA Jetson Nano (4 GB)", "10 W (MAXN), GPU 921.6 MHz");
        // FP32 derived: 128 cores × 0.9216 GHz × 2 = 235.9 GFLOPS, quoted as 236 (note §5.1).
        d.peak(Precision::FP32) = peak(236 * G, S, 0, S, 1, W);
        // FP16 472 GFLOPS: YahboomTechnology/Jetson-NANO-4GB README (NVIDIA's figure; 2× the FP32 rate).
        d.peak(Precision::FP16) = peak(472 * G, S, 0, S, 1, W);
        // INT8: no INT8 path on Maxwell (note: "unverified"), so no figure.
        d.peak(Precision::INT8) = none();
        d.dram_bandwidth = {25.6 * G, S};  // 64-bit LPDDR4, 25.6 GB/s (cpu-gpu.alldbin.com TX2 vs Nano)
        d.onchip_buffer = {256 * KiB, W};  // GM20B L2 256 KB: widely quoted, not checked here
        d.power = {10, S};                 // nvpmodel -m 0 = 10 W (jetson_nano repos)
        d.clock = {921.6 * M, S};          // deviceQuery "922 MHz" (gist bgulla)
        d.source = "NVIDIA figures via YahboomTechnology README, cpu-gpu.alldbin.com; FP32 derived";
    }
    {   // Jetson Orin Nano 8 GB, original clocks: 1024 CUDA cores, 32 Tensor Cores, 625 MHz, 128-bit LPDDR5.
        Device& d = add("orin_nano_15w", "NVIDIA Jetson Orin Nano 8 GB", "15 W, GPU 625 MHz");
        d.peak(Precision::FP32) = peak(1.28 * T, S, 0, S, 1, W);  // derived: 1024 × 0.625 GHz × 2
        // FP16 ≈ INT8 dense / 2, assuming A100's 2:1 INT8:FP16 tensor ratio holds on Orin (unverified).
        d.peak(Precision::FP16) = peak(10 * T, W, 20 * T, W, kTensorFp16, S);
        // INT8 20 TOPS dense / 40 sparse: Orin Nano datasheet copy (scribd), brojogopalsapui.com.
        d.peak(Precision::INT8) = peak(20 * T, S, 40 * T, S, kTensorInt8, S);
        d.dram_bandwidth = {68 * G, S};  // 68 GB/s (brojogopalsapui.com; datasheet)
        d.onchip_buffer = {2 * MiB, W};  // GPU L2: unverified
        d.power = {15, S};
        d.clock = {625 * M, S};
        d.source = "Orin Nano datasheet (scribd copy), brojogopalsapui.com; FP32 derived, FP16 assumed";
    }
    {   // The same module with the JetPack 6.1 "Super" clocks.
        Device& d = add("orin_nano_25w", "NVIDIA Jetson Orin Nano 8 GB Super", "25 W (JetPack 6.1), GPU 1020 MHz");
        d.peak(Precision::FP32) = peak(2.08896 * T, S, 0, S, 1, W);  // derived: 1024 × 1.02 GHz × 2
        // FP16 derived 67 / 2 / 2 under the same 2:1 assumption (unverified).
        d.peak(Precision::FP16) = peak(16.75 * T, W, 33.5 * T, W, kTensorFp16, S);
        // INT8 67 TOPS sparse (NVIDIA Super datasheet via brojogopalsapui.com, 3rd-party); dense derived ÷ 2.
        d.peak(Precision::INT8) = peak(33.5 * T, W, 67 * T, W, kTensorInt8, S);
        d.dram_bandwidth = {102 * G, W};  // "from 68 GB/s to 102 GB/s" (brojogopalsapui.com, 3rd-party)
        d.onchip_buffer = {2 * MiB, W};
        d.power = {25, S};
        d.clock = {1020 * M, W};
        d.source = "brojogopalsapui.com citing NVIDIA's Super datasheet (Dec 2024); dense figures derived";
    }
    {   // Raspberry Pi 4 B: 4× Cortex-A72 (ARMv8.0-A, NEON: no FP16 arithmetic, no int8 dot product).
        Device& d = add("rpi4", "Raspberry Pi 4 Model B (CPU)", "4× Cortex-A72 at 1.8 GHz (C0 stepping)");
        // FP32 peak: 4 cores × 1.8 GHz × 16 (two 128-bit FMA pipes), unverified; HPL reaches 11.9 GFLOPS FP64.
        d.peak(Precision::FP32) = peak(115.2 * G, W, 0, S, 4, W);  // 4 FP32 lanes per 128-bit register
        d.peak(Precision::FP16) = none();
        d.peak(Precision::INT8) = none();
        d.dram_bandwidth = {12.8 * G, W};  // derived: 32-bit LPDDR4-3200; some sources say LPDDR4-2400
        d.onchip_buffer = {1 * MiB, W};    // shared L2 1 MB: widely quoted, not checked here
        d.power = {7.2, S};                // measured under HPL (geerlingguy/top500-benchmark)
        d.clock = {1.8 * G, S};            // 1.8 GHz on the C0 stepping (Wikipedia Pi 4 revision)
        d.source = "Raspberry Pi Beginner's Guide, geerlingguy/top500-benchmark; peak and bandwidth derived";
    }
    {   // Raspberry Pi 5: BCM2712, 4× Cortex-A76 (ARMv8.2-A: FP16 arithmetic and SDOT) at 2.4 GHz.
        Device& d = add("rpi5", "Raspberry Pi 5 (CPU)", "4× Cortex-A76 at 2.4 GHz");
        // Derived: 4 × 2.4 GHz × 16 (two 128-bit FMA pipes per A76), unverified. HPL measured 30.2 GFLOPS FP64.
        d.peak(Precision::FP32) = peak(153.6 * G, W, 0, S, 4, W);
        d.peak(Precision::FP16) = peak(307.2 * G, W, 0, S, 8, W);   // assumed: 8 FP16 lanes, 2× FP32
        d.peak(Precision::INT8) = peak(614.4 * G, W, 0, S, 16, W);  // assumed: SDOT, 16 MACs per instruction
        d.dram_bandwidth = {17.068 * G, W};  // derived: 32-bit LPDDR4X-4267 (hippocampus.si, circuitdigest.com)
        d.onchip_buffer = {2 * MiB, W};      // shared L3 2 MB: widely quoted, not checked here
        d.power = {11, S};                   // measured under HPL (geerlingguy/top500-benchmark)
        d.clock = {2.4 * G, S};
        d.source = "hippocampus.si Pi book, circuitdigest.com, geerlingguy/top500-benchmark; peaks derived";
    }
    {   // NVIDIA T4 (Turing TU104): no structured sparsity.
        Device& d = add("t4", "NVIDIA T4", "70 W, boost 1590 MHz");
        d.peak(Precision::FP32) = peak(8.1 * T, S, 0, S, 1, W);               // heise.de T4 news
        d.peak(Precision::FP16) = peak(65 * T, S, 0, S, kTensorFp16, S);      // mixed precision (geektopia.es)
        d.peak(Precision::INT8) = peak(130 * T, S, 0, S, kTensorInt8, S);     // heise.de (INT4 260)
        d.dram_bandwidth = {320 * G, S};   // GDDR6 (heise.de, sysrqmts.com)
        d.onchip_buffer = {4 * MiB, W};    // TU104 L2 4 MB (Turing whitepaper figure, not checked here)
        d.power = {70, S};                 // sysrqmts.com TDP 70 W (heise.de says 75 W)
        d.clock = {1590 * M, S};           // sysrqmts.com boost
        d.source = "NVIDIA figures via heise.de, geektopia.es, sysrqmts.com";
    }
    {   // NVIDIA A100 SXM (glennklockwood.com/garden/processors/A100, citing NVIDIA's datasheet).
        Device& d = add("a100_40gb", "NVIDIA A100 SXM 40 GB", "400 W, boost 1410 MHz");
        d.peak(Precision::FP32) = peak(19.5 * T, S, 0, S, 1, W);  // not TF32 (156 dense), which is not FP32
        d.peak(Precision::FP16) = peak(312 * T, S, 624 * T, S, kTensorFp16, S);
        d.peak(Precision::INT8) = peak(624 * T, S, 1248 * T, S, kTensorInt8, S);
        d.dram_bandwidth = {1555 * G, S};
        d.onchip_buffer = {40 * MiB, W};   // L2 40 MB (A100 whitepaper figure, not checked here)
        d.power = {400, S};
        d.clock = {1410 * M, W};           // boost clock: widely quoted, not checked here
        d.source = "NVIDIA A100 datasheet via glennklockwood.com, upb-pc2 wiki";
    }
    {
        Device& d = add("a100_80gb", "NVIDIA A100 SXM 80 GB", "400 W, boost 1410 MHz");
        d = v[v.size() - 2];  // the 40 GB part with the 80 GB part's HBM2e
        d.name = "a100_80gb";
        d.label = "NVIDIA A100 SXM 80 GB";
        d.dram_bandwidth = {2039 * G, S};
    }
    {   // NVIDIA H100 SXM5 (glennklockwood.com/garden/processors/h100; hpctech.co.jp: sparse ÷ 2 = dense).
        Device& d = add("h100_sxm", "NVIDIA H100 SXM5 80 GB", "700 W");
        d.peak(Precision::FP32) = peak(66.9 * T, S, 0, S, 1, W);
        d.peak(Precision::FP16) = peak(989.4 * T, S, 1978.9 * T, S, kTensorFp16, S);
        d.peak(Precision::INT8) = peak(1978.9 * T, S, 3957.8 * T, S, kTensorInt8, S);
        d.dram_bandwidth = {3.35 * T, S};  // HBM3
        d.onchip_buffer = {50 * MiB, W};   // L2 50 MB (H100 whitepaper figure, not checked here)
        d.power = {700, S};
        d.clock = {1980 * M, W};           // boost clock: widely quoted, not checked here
        d.source = "NVIDIA H100 datasheet via glennklockwood.com, archive-lib.hpctech.co.jp";
    }
    {   // NVIDIA H100 PCIe (archive-lib.hpctech.co.jp; prohardver.hu).
        Device& d = add("h100_pcie", "NVIDIA H100 PCIe 80 GB", "350 W");
        d.peak(Precision::FP32) = peak(51 * T, S, 0, S, 1, W);
        d.peak(Precision::FP16) = peak(756 * T, S, 1513 * T, S, kTensorFp16, S);
        d.peak(Precision::INT8) = peak(1513 * T, S, 3026 * T, S, kTensorInt8, S);
        d.dram_bandwidth = {2.0 * T, S};   // HBM2e
        d.onchip_buffer = {50 * MiB, W};   // L2 50 MB (H100 whitepaper figure, not checked here)
        d.power = {350, W};                // the sources give 300–350 W
        d.clock = {1755 * M, W};           // boost clock: widely quoted, not checked here
        d.source = "NVIDIA figures via archive-lib.hpctech.co.jp, prohardver.hu";
    }
    {   // GeForce RTX 4090 (AD102). FP16 is the tensor rate with FP32 accumulate; the 330/661 "FP16" some
        // write-ups quote is FP16-accumulate or sparse (note §5.1), so it is not used here.
        Device& d = add("rtx4090", "NVIDIA GeForce RTX 4090", "450 W, boost 2520 MHz");
        d.peak(Precision::FP32) = peak(82.6 * T, S, 0, S, 1, W);                        // holynerdvana.blogspot.com
        d.peak(Precision::FP16) = peak(165.2 * T, S, 330.3 * T, S, kTensorFp16, S);     // waredb.com
        d.peak(Precision::INT8) = peak(660.6 * T, S, 1321.2 * T, S, kTensorInt8, S);    // waredb.com
        d.dram_bandwidth = {1008 * G, S};  // GDDR6X (holynerdvana.blogspot.com)
        d.onchip_buffer = {72 * MiB, W};   // L2 72 MB (Ada whitepaper figure, not checked here)
        d.power = {450, S};
        d.clock = {2520 * M, W};           // boost clock: widely quoted, not checked here
        d.source = "waredb.com (tensor rates), holynerdvana.blogspot.com";
    }
    {   // Apple M2, 10-core GPU. The Neural Engine (15.8 TOPS, precision not stated) is another engine.
        Device& d = add("m2_gpu", "Apple M2 (10-core GPU)", "GPU only");
        d.peak(Precision::FP32) = peak(3.6 * T, W, 0, S, 1, W);  // iphones.ru 3.6, askgeek.io 3.578 (3rd-party)
        d.peak(Precision::FP16) = peak(3.6 * T, W, 0, S, 1, W);  // assumed: FP16 at the FP32 rate (unverified)
        d.peak(Precision::INT8) = none();
        d.dram_bandwidth = {100 * G, S};  // 100 GB/s unified LPDDR5-6400 (macrumors.com 2022-06-06)
        d.onchip_buffer = {8 * MiB, W};   // system-level cache: unverified
        d.power = {0, W};                 // unknown
        d.clock = {1.398 * G, W};         // derived: 3.578 TFLOPS / (10 cores × 128 ALUs × 2)
        d.source = "macrumors.com, iphones.ru, askgeek.io (3rd-party GPU rate)";
    }
    {   // Google Coral Edge TPU, USB Accelerator: INT8 only. Beyond its SRAM, weights stream over the host link.
        Device& d = add("coral", "Google Coral Edge TPU (USB)", "USB 3.0 host link, 2 W");
        d.peak(Precision::FP32) = none();
        d.peak(Precision::FP16) = none();
        // "4 TOPS, using 0.5 watts for each TOPS" (coral.ai/docs/edgetpu/faq, /benchmarks).
        d.peak(Precision::INT8) = peak(4 * T, S, 0, S, 1, W);
        d.dram_bandwidth = {640 * M, W};  // USB 3.0 ~640 MB/s (applied-ee.github.io, Medium teardown: 3rd-party)
        d.onchip_buffer = {8 * MiB, W};   // SRAM ≈ 8 MB (same 3rd-party sources)
        d.power = {2, S};                 // 4 TOPS at 2 TOPS/W
        d.clock = {0, W};                 // unknown
        d.source = "coral.ai docs; SRAM and link rate from applied-ee.github.io and a teardown (3rd-party)";
    }
    return v;
}

} // namespace

const std::vector<Device>& device_presets() {
    static const std::vector<Device> presets = build_presets();
    return presets;
}

const Device* find_device(std::string_view name) {
    for (const Device& d : device_presets())
        if (d.name == name) return &d;
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Validation
//-----------------------------------------------------------------------------

namespace {

// "" when v is finite, ≥ 0 and ≤ max; else a message naming the field.
std::string check_figure(const std::string& field, double v, double max) {
    if (std::isnan(v)) return field + " is not a number";
    if (!std::isfinite(v)) return field + " must be a finite number";
    if (v < 0) return field + " " + shortest_decimal(v) + " must not be negative";
    if (v > max) return field + " " + shortest_decimal(v) + " is above the limit of " + shortest_decimal(max);
    return {};
}

std::string check_text(const char* field, const std::string& s) {
    if (s.size() > kMaxDeviceText) return std::string(field) + " is longer than " + std::to_string(kMaxDeviceText) + " bytes";
    if (!is_valid_utf8(s) || has_control_chars(s)) return std::string(field) + " has characters that are not allowed";
    return {};
}

} // namespace

std::string validate_device(const Device& d) {
    if (d.name.empty()) return "the device name must not be empty";
    const std::pair<const char*, const std::string*> texts[] = {
        {"device name", &d.name}, {"device label", &d.label}, {"device mode", &d.mode}, {"device source", &d.source}};
    for (const auto& [field, text] : texts)
        if (std::string e = check_text(field, *text); !e.empty()) return e;
    bool any_peak = false;
    for (int i = 0; i < kPrecisionCount; ++i) {
        const Precision p = static_cast<Precision>(i);
        const PrecisionPeak& pk = d.peak(p);
        const std::string name = precision_label(p);
        if (std::string e = check_figure(name + " dense peak", pk.dense.value, kMaxPeakFlops); !e.empty()) return e;
        if (std::string e = check_figure(name + " sparse peak", pk.sparse.value, kMaxPeakFlops); !e.empty()) return e;
        if (pk.sparse.value > 0 && pk.dense.value <= 0) return name + " has a sparse peak but no dense peak";
        if (pk.sparse.value > 0 && pk.sparse.value < pk.dense.value)
            return name + " sparse peak " + shortest_decimal(pk.sparse.value) + " is below its dense peak " +
                   shortest_decimal(pk.dense.value);
        if (pk.channel_granularity < 1 || pk.channel_granularity > kMaxDeviceGranularity)
            return name + " channel granularity " + std::to_string(pk.channel_granularity) + " is outside 1…" +
                   std::to_string(kMaxDeviceGranularity);
        any_peak = any_peak || pk.dense.value > 0;
    }
    if (std::string e = check_figure("DRAM bandwidth", d.dram_bandwidth.value, kMaxBandwidth); !e.empty()) return e;
    if (d.dram_bandwidth.value <= 0) return "DRAM bandwidth must be above 0 bytes/s";
    if (std::string e = check_figure("on-chip buffer", d.onchip_buffer.value, kMaxOnchipBuffer); !e.empty()) return e;
    if (std::string e = check_figure("power", d.power.value, kMaxPower); !e.empty()) return e;
    if (std::string e = check_figure("clock", d.clock.value, kMaxClock); !e.empty()) return e;
    if (!any_peak) return "the device needs a dense peak for at least one precision (FP32, FP16 or INT8)";
    return {};
}

std::string check_precision(const Device& d, Precision p, bool sparse) {
    const PrecisionPeak& pk = d.peak(p);
    if (pk.dense.value > 0 && (!sparse || pk.sparse.value > 0)) return {};
    std::string others;
    for (int i = 0; i < kPrecisionCount; ++i) {
        const Precision q = static_cast<Precision>(i);
        if (q == p || d.peak(q).dense.value <= 0 || (sparse && d.peak(q).sparse.value <= 0)) continue;
        others += others.empty() ? "" : " or ";
        others += precision_label(q);
    }
    const std::string what = sparse ? " sparse peak" : " peak";
    const std::string fix = d.name == "custom" ? "give the device one" : "use a custom device that has one";
    return d.label + " has no " + precision_label(p) + what + ": " + (others.empty() ? "" : "choose " + others + ", or ") +
           fix;
}

double peak_flops(const Device& d, Precision p, bool sparse) {
    const PrecisionPeak& pk = d.peak(p);
    return sparse ? pk.sparse.value : pk.dense.value;
}

} // namespace flopscope
