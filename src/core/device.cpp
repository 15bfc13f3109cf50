// Flopscope core — device presets and validation (types and rules in device.h).
//
// Sources are those of ../shared/design/caching-cost-models.md §5.1 unless a comment says otherwise;
// "derived" figures are computed from the formula given. A figure is marked weak when the
// note marks it derived-under-an-assumption, third-party or unverified, or when it is a widely quoted
// vendor figure not checked against a stored source here (its bit in a row's `weak`).
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

constexpr double M = 1e6, G = 1e9, T = 1e12;
constexpr double KiB = 1024.0, MiB = 1024.0 * 1024.0;

// NVIDIA Tensor Core channel multiples: "divisible by 8 (FP16) or 16 (INT8)" (NVIDIA "Optimizing for
// Tensor Cores", quoted in NVIDIA/TensorRT issue #3876; note §3.8). FP32 runs on CUDA cores without a
// tile requirement we could source: 1, weak.
constexpr std::uint8_t kTensorFp16 = 8, kTensorInt8 = 16;

// Which figures of a row are weak, one bit each. Per precision (FP32, FP16, INT8 = bit, bit << 1,
// bit << 2): the dense peak, the sparse peak, the channel granularity.
enum : std::uint16_t {
    D32 = 1 << 0, D16 = 1 << 1, D8 = 1 << 2,  // dense peak
    S32 = 1 << 3, S16 = 1 << 4, S8 = 1 << 5,  // sparse peak
    G32 = 1 << 6, G16 = 1 << 7, G8 = 1 << 8,  // channel granularity (1, weak, where no tile is sourced)
    BW = 1 << 9, BUF = 1 << 10, PW = 1 << 11, CLK = 1 << 12,
};

// One preset as plain data (a table, not code: it is the page's first load). A precision without a
// path has dense 0, sparse 0 and granularity 1.
struct PresetRow {
    const char* name;
    const char* label;
    const char* mode;
    const char* source;
    double dense[kPrecisionCount];   // FP32, FP16, INT8
    double sparse[kPrecisionCount];
    std::uint8_t granularity[kPrecisionCount];
    double bandwidth, buffer, power, clock;
    std::uint16_t weak;
};

constexpr PresetRow kPresets[] = {
    // NVIDIA Jetson Nano 4 GB, Maxwell GM20B: 128 CUDA cores at 921.6 MHz, no Tensor Cores.
    // FP32 derived: 128 cores × 0.9216 GHz × 2 = 235.9 GFLOPS, quoted as 236 (note §5.1). FP16 472 GFLOPS:
    // YahboomTechnology/Jetson-NANO-4GB README (NVIDIA's figure; 2× the FP32 rate). INT8: no INT8 path on
    // Maxwell (note: "unverified"), so no figure. DRAM: 64-bit LPDDR4, 25.6 GB/s (cpu-gpu.alldbin.com TX2
    // vs Nano). GM20B L2 256 KB: widely quoted, not checked here. nvpmodel -m 0 = 10 W (jetson_nano
    // repos). deviceQuery "922 MHz" (gist bgulla).
    {"jetson_nano", "NVIDIA Jetson Nano (4 GB)", "10 W (MAXN), GPU 921.6 MHz",
     "NVIDIA figures via YahboomTechnology README, cpu-gpu.alldbin.com; FP32 derived",
     {236 * G, 472 * G, 0}, {0, 0, 0}, {1, 1, 1}, 25.6 * G, 256 * KiB, 10, 921.6 * M, G32 | G16 | G8 | BUF},
    // Jetson Orin Nano 8 GB, original clocks: 1024 CUDA cores, 32 Tensor Cores, 625 MHz, 128-bit LPDDR5.
    // FP32 derived: 1024 × 0.625 GHz × 2. FP16 ≈ INT8 dense / 2, assuming A100's 2:1 INT8:FP16 tensor
    // ratio holds on Orin (unverified). INT8 20 TOPS dense / 40 sparse: Orin Nano datasheet copy (scribd),
    // brojogopalsapui.com. 68 GB/s (brojogopalsapui.com; datasheet). GPU L2: unverified.
    {"orin_nano_15w", "NVIDIA Jetson Orin Nano 8 GB", "15 W, GPU 625 MHz",
     "Orin Nano datasheet (scribd copy), brojogopalsapui.com; FP32 derived, FP16 assumed",
     {1.28 * T, 10 * T, 20 * T}, {0, 20 * T, 40 * T}, {1, kTensorFp16, kTensorInt8}, 68 * G, 2 * MiB, 15, 625 * M,
     G32 | D16 | S16 | BUF},
    // The same module with the JetPack 6.1 "Super" clocks. FP32 derived: 1024 × 1.02 GHz × 2. FP16 derived
    // 67 / 2 / 2 under the same 2:1 assumption (unverified). INT8 67 TOPS sparse (NVIDIA Super datasheet via
    // brojogopalsapui.com, 3rd-party); dense derived ÷ 2. "from 68 GB/s to 102 GB/s" (brojogopalsapui.com,
    // 3rd-party).
    {"orin_nano_25w", "NVIDIA Jetson Orin Nano 8 GB Super", "25 W (JetPack 6.1), GPU 1020 MHz",
     "brojogopalsapui.com citing NVIDIA's Super datasheet (Dec 2024); dense figures derived",
     {2.08896 * T, 16.75 * T, 33.5 * T}, {0, 33.5 * T, 67 * T}, {1, kTensorFp16, kTensorInt8}, 102 * G, 2 * MiB, 25,
     1020 * M, G32 | D16 | S16 | D8 | S8 | BW | BUF | CLK},
    // Raspberry Pi 4 B: 4× Cortex-A72 (ARMv8.0-A, NEON: no FP16 arithmetic, no int8 dot product). FP32 peak:
    // 4 cores × 1.8 GHz × 16 (two 128-bit FMA pipes), unverified; HPL reaches 11.9 GFLOPS FP64; 4 FP32 lanes
    // per 128-bit register. DRAM derived: 32-bit LPDDR4-3200; some sources say LPDDR4-2400. Shared L2 1 MB:
    // widely quoted, not checked here. 7.2 W measured under HPL (geerlingguy/top500-benchmark). 1.8 GHz on
    // the C0 stepping (Wikipedia Pi 4 revision).
    {"rpi4", "Raspberry Pi 4 Model B (CPU)", "4× Cortex-A72 at 1.8 GHz (C0 stepping)",
     "Raspberry Pi Beginner's Guide, geerlingguy/top500-benchmark; peak and bandwidth derived",
     {115.2 * G, 0, 0}, {0, 0, 0}, {4, 1, 1}, 12.8 * G, 1 * MiB, 7.2, 1.8 * G, D32 | G32 | G16 | G8 | BW | BUF},
    // Raspberry Pi 5: BCM2712, 4× Cortex-A76 (ARMv8.2-A: FP16 arithmetic and SDOT) at 2.4 GHz. Derived:
    // 4 × 2.4 GHz × 16 (two 128-bit FMA pipes per A76), unverified; HPL measured 30.2 GFLOPS FP64. FP16
    // assumed: 8 FP16 lanes, 2× FP32. INT8 assumed: SDOT, 16 MACs per instruction. DRAM derived: 32-bit
    // LPDDR4X-4267 (hippocampus.si, circuitdigest.com). Shared L3 2 MB: widely quoted, not checked here.
    // 11 W measured under HPL (geerlingguy/top500-benchmark).
    {"rpi5", "Raspberry Pi 5 (CPU)", "4× Cortex-A76 at 2.4 GHz",
     "hippocampus.si Pi book, circuitdigest.com, geerlingguy/top500-benchmark; peaks derived",
     {153.6 * G, 307.2 * G, 614.4 * G}, {0, 0, 0}, {4, 8, 16}, 17.068 * G, 2 * MiB, 11, 2.4 * G,
     D32 | D16 | D8 | G32 | G16 | G8 | BW | BUF},
    // NVIDIA T4 (Turing TU104): no structured sparsity. FP32 heise.de T4 news; FP16 mixed precision
    // (geektopia.es); INT8 heise.de (INT4 260). GDDR6 (heise.de, sysrqmts.com). TU104 L2 4 MB (Turing
    // whitepaper figure, not checked here). sysrqmts.com TDP 70 W (heise.de says 75 W) and boost clock.
    {"t4", "NVIDIA T4", "70 W, boost 1590 MHz", "NVIDIA figures via heise.de, geektopia.es, sysrqmts.com",
     {8.1 * T, 65 * T, 130 * T}, {0, 0, 0}, {1, kTensorFp16, kTensorInt8}, 320 * G, 4 * MiB, 70, 1590 * M, G32 | BUF},
    // NVIDIA A100 SXM (glennklockwood.com/garden/processors/A100, citing NVIDIA's datasheet). FP32 is not
    // TF32 (156 dense), which is not FP32. L2 40 MB (A100 whitepaper figure, not checked here). Boost
    // clock: widely quoted, not checked here. The 80 GB part: the same with HBM2e.
    {"a100_40gb", "NVIDIA A100 SXM 40 GB", "400 W, boost 1410 MHz", "NVIDIA A100 datasheet via glennklockwood.com, upb-pc2 wiki",
     {19.5 * T, 312 * T, 624 * T}, {0, 624 * T, 1248 * T}, {1, kTensorFp16, kTensorInt8}, 1555 * G, 40 * MiB, 400,
     1410 * M, G32 | BUF | CLK},
    {"a100_80gb", "NVIDIA A100 SXM 80 GB", "400 W, boost 1410 MHz", "NVIDIA A100 datasheet via glennklockwood.com, upb-pc2 wiki",
     {19.5 * T, 312 * T, 624 * T}, {0, 624 * T, 1248 * T}, {1, kTensorFp16, kTensorInt8}, 2039 * G, 40 * MiB, 400,
     1410 * M, G32 | BUF | CLK},
    // NVIDIA H100 SXM5 (glennklockwood.com/garden/processors/h100; hpctech.co.jp: sparse ÷ 2 = dense). HBM3.
    // L2 50 MB (H100 whitepaper figure, not checked here). Boost clock: widely quoted, not checked here.
    {"h100_sxm", "NVIDIA H100 SXM5 80 GB", "700 W", "NVIDIA H100 datasheet via glennklockwood.com, archive-lib.hpctech.co.jp",
     {66.9 * T, 989.4 * T, 1978.9 * T}, {0, 1978.9 * T, 3957.8 * T}, {1, kTensorFp16, kTensorInt8}, 3.35 * T, 50 * MiB,
     700, 1980 * M, G32 | BUF | CLK},
    // NVIDIA H100 PCIe (archive-lib.hpctech.co.jp; prohardver.hu). HBM2e. L2 50 MB (H100 whitepaper figure,
    // not checked here). The sources give 300–350 W. Boost clock: widely quoted, not checked here.
    {"h100_pcie", "NVIDIA H100 PCIe 80 GB", "350 W", "NVIDIA figures via archive-lib.hpctech.co.jp, prohardver.hu",
     {51 * T, 756 * T, 1513 * T}, {0, 1513 * T, 3026 * T}, {1, kTensorFp16, kTensorInt8}, 2.0 * T, 50 * MiB, 350,
     1755 * M, G32 | BUF | PW | CLK},
    // GeForce RTX 4090 (AD102). FP16 is the tensor rate with FP32 accumulate; the 330/661 "FP16" some
    // write-ups quote is FP16-accumulate or sparse (note §5.1), so it is not used here. FP32 and GDDR6X:
    // holynerdvana.blogspot.com; FP16, INT8: waredb.com. L2 72 MB (Ada whitepaper figure, not checked here).
    // Boost clock: widely quoted, not checked here.
    {"rtx4090", "NVIDIA GeForce RTX 4090", "450 W, boost 2520 MHz", "waredb.com (tensor rates), holynerdvana.blogspot.com",
     {82.6 * T, 165.2 * T, 660.6 * T}, {0, 330.3 * T, 1321.2 * T}, {1, kTensorFp16, kTensorInt8}, 1008 * G, 72 * MiB,
     450, 2520 * M, G32 | BUF | CLK},
    // Apple M2, 10-core GPU. The Neural Engine (15.8 TOPS, precision not stated) is another engine. FP32:
    // iphones.ru 3.6, askgeek.io 3.578 (3rd-party); FP16 assumed at the FP32 rate (unverified). 100 GB/s
    // unified LPDDR5-6400 (macrumors.com 2022-06-06). System-level cache: unverified. Power unknown. Clock
    // derived: 3.578 TFLOPS / (10 cores × 128 ALUs × 2).
    {"m2_gpu", "Apple M2 (10-core GPU)", "GPU only", "macrumors.com, iphones.ru, askgeek.io (3rd-party GPU rate)",
     {3.6 * T, 3.6 * T, 0}, {0, 0, 0}, {1, 1, 1}, 100 * G, 8 * MiB, 0, 1.398 * G,
     D32 | D16 | G32 | G16 | G8 | BUF | PW | CLK},
    // Google Coral Edge TPU, USB Accelerator: INT8 only. Beyond its SRAM, weights stream over the host link.
    // "4 TOPS, using 0.5 watts for each TOPS" (coral.ai/docs/edgetpu/faq, /benchmarks). USB 3.0 ~640 MB/s
    // and SRAM ≈ 8 MB (applied-ee.github.io, Medium teardown: 3rd-party). 2 W: 4 TOPS at 2 TOPS/W. Clock
    // unknown.
    {"coral", "Google Coral Edge TPU (USB)", "USB 3.0 host link, 2 W",
     "coral.ai docs; SRAM and link rate from applied-ee.github.io and a teardown (3rd-party)",
     {0, 0, 4 * T}, {0, 0, 0}, {1, 1, 1}, 640 * M, 8 * MiB, 2, 0, G32 | G16 | G8 | BW | BUF | CLK},
};

std::vector<Device> build_presets() {
    std::vector<Device> v;
    for (const PresetRow& row : kPresets) {
        Device d;
        d.name = row.name;
        d.label = row.label;
        d.mode = row.mode;
        d.source = row.source;
        for (int i = 0; i < kPrecisionCount; ++i)
            d.peaks[static_cast<std::size_t>(i)] = {{row.dense[i], (row.weak & (D32 << i)) != 0},
                                                    {row.sparse[i], (row.weak & (S32 << i)) != 0},
                                                    row.granularity[i], (row.weak & (G32 << i)) != 0};
        d.dram_bandwidth = {row.bandwidth, (row.weak & BW) != 0};
        d.onchip_buffer = {row.buffer, (row.weak & BUF) != 0};
        d.power = {row.power, (row.weak & PW) != 0};
        d.clock = {row.clock, (row.weak & CLK) != 0};
        v.push_back(std::move(d));
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
