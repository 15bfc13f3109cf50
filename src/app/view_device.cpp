// Flopscope app — the device panel: which device the roofline runs on (none, a preset, or a custom device
// whose figures are typed in), the precision (the scenario's: one precision sizes the cache and the
// roofline), the roofline's efficiency knobs, and the device's figures with the weak ones marked "≈".
// Everything shown is a field of the state or a number the core computed (Results::roofline).
//
// [SECTION] Figures
// [SECTION] Picker
// [SECTION] Custom device
// [SECTION] Panel
#include "app/widgets.h"

#include "core/device.h"
#include "core/roofline.h"
#include "core/text.h"

#include <cmath>

namespace flopscope::app {

//-----------------------------------------------------------------------------
// [SECTION] Figures
//-----------------------------------------------------------------------------

std::string figure_text(const DeviceFigure& f, const std::string& shown) { return f.weak ? "≈ " + shown : shown; }

namespace {

constexpr const char* kWeakHelp = "≈ weak source: derived under an assumption, third-party or unverified.";

std::string peak_text(double flops) { return format_cost(flops, "FLOP/s", false, 2); }
std::string bandwidth_text(double bytes_per_s) { return format_bytes(bytes_per_s) + "/s"; }

// One "label   value" line; a weak figure gets "≈" and says so in its tooltip with the device's source.
void figure_line(const char* label, const DeviceFigure& f, const std::string& shown, const Device& d) {
    text_muted(label);
    ImGui::SameLine(em(8));
    ImGui::TextUnformatted(figure_text(f, shown).c_str());
    if (f.weak) item_help((std::string(kWeakHelp) + "\nSource: " + d.source).c_str());
}

void draw_figures(const Device& d, Precision p) {
    const PrecisionPeak& peak = d.peak(p);
    figure_line("Peak", peak.dense, peak.dense.value > 0 ? peak_text(peak.dense.value) : "none", d);
    if (peak.sparse.value > 0) figure_line("Sparse peak", peak.sparse, peak_text(peak.sparse.value), d);
    figure_line("DRAM", d.dram_bandwidth, bandwidth_text(d.dram_bandwidth.value), d);
    if (d.onchip_buffer.value > 0) figure_line("On chip", d.onchip_buffer, format_bytes(d.onchip_buffer.value), d);
    if (d.power.value > 0) figure_line("Power", d.power, shortest_decimal(d.power.value) + " W", d);
    if (!d.mode.empty()) {
        text_muted("Mode");
        ImGui::SameLine(em(8));
        ImGui::TextUnformatted(d.mode.c_str());
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Picker
//-----------------------------------------------------------------------------

std::string preset_label(const Device& d) { return d.mode.empty() ? d.label : d.label + " (" + d.mode + ")"; }

// The custom device a user starts from: the device chosen now (so "Custom…" edits its figures), or a T4.
Device custom_start(const State& s) {
    const Device* from = chosen_device(s);
    if (s.device.name == kCustomDevice) return s.device.custom;
    if (!from) from = find_device("t4");
    Device d = from ? *from : Device{};
    d.name = kCustomDevice;
    d.label = Device{}.label;
    d.source = "typed in";
    return d;
}

void draw_picker(AppState& app) {
    const State& s = app.state;
    const Device* chosen = chosen_device(s);
    const std::string current = s.device.name.empty() ? "none"
                                : s.device.name == kCustomDevice ? "Custom…"
                                : chosen ? preset_label(*chosen) : s.device.name;
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool open = ImGui::BeginCombo("##device", current.c_str(), ImGuiComboFlags_HeightLarge);
    track_item("device picker");
    item_help("The device the roofline runs on: time and energy per layer and per inference. \"none\" counts "
              "FLOPs only.");
    if (!open) return;
    auto choose = [&](const std::string& name) {
        State next = s;
        next.device.name = name;
        if (name == kCustomDevice && s.device.name != kCustomDevice) next.device.custom = custom_start(s);
        app.edit(std::move(next));
    };
    if (ImGui::Selectable("none", s.device.name.empty())) choose("");
    track_item("device:none");
    for (const Device& d : device_presets()) {
        if (ImGui::Selectable(preset_label(d).c_str(), s.device.name == d.name)) choose(d.name);
        track_item("device:" + d.name);
    }
    if (ImGui::Selectable("Custom…", s.device.name == kCustomDevice)) choose(kCustomDevice);
    track_item("device:custom");
    item_help("Type in a device's figures (starting from the device chosen now); they go into the link.");
    ImGui::EndCombo();
}

void draw_precision(AppState& app) {
    const char* labels[kPrecisionCount] = {precision_label(Precision::FP32), precision_label(Precision::FP16),
                                                  precision_label(Precision::INT8)};
    int current = static_cast<int>(app.state.scenario.precision);
    if (segmented("precision", labels, kPrecisionCount, &current, ImGui::GetContentRegionAvail().x)) {
        State next = app.state;
        next.scenario.precision = static_cast<Precision>(current);
        app.edit(std::move(next));
    }
    item_help("Bytes per element and the peak the roofline uses (FP16 also stands for BF16). The same precision "
              "sizes the cache entries.");
}

//-----------------------------------------------------------------------------
// [SECTION] Custom device
//-----------------------------------------------------------------------------

// A figure of the custom device typed in `scale` units (TFLOP/s, GB/s, MB, W). A value the core's
// validate_device() rejects is kept out of the state, marked and explained.
void custom_figure(AppState& app, const char* key, const char* label, const char* tooltip, double scale,
                   DeviceFigure Device::*figure, Precision precision) {
    const State& s = app.state;
    const Device& d = s.device.custom;
    const double value = figure ? (d.*figure).value : d.peak(precision).dense.value;  // nullptr: the peak
    param_label(label, tooltip);
    const PendingEdit* pending = app.pending_for(key);
    double shown = value / scale;
    if (pending) ImGui::PushStyleColor(ImGuiCol_FrameBg, palette().bad_frame);
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool entered = ImGui::InputDouble((std::string("##") + key).c_str(), &shown, 0, 0, "%g",
                                            ImGuiInputTextFlags_EnterReturnsTrue);
    if (pending) {
        ImGui::PopStyleColor();
        item_help((pending->text + " was not applied: " + pending->message).c_str());
    }
    track_item(std::string("custom:") + key);
    if (!entered) return;
    State next = s;
    Device& nd = next.device.custom;
    const double v = shown * scale;
    if (figure) (nd.*figure) = DeviceFigure{v, false};
    else nd.peak(precision).dense = DeviceFigure{v, false};
    if (const std::string error = validate_device(nd); !error.empty()) {
        app.pending[key] = PendingEdit{shortest_decimal(shown), error};
        return;
    }
    app.edit(std::move(next), key, shortest_decimal(shown));
}

void draw_custom(AppState& app) {
    const Precision p = app.state.scenario.precision;
    if (!begin_params("custom_device")) return;
    const std::string peak_label = std::string(precision_label(p)) + " peak, TFLOP/s";
    custom_figure(app, "peak", peak_label.c_str(), "Dense peak at the chosen precision (an FMA counts as 2 FLOPs).",
                  1e12, nullptr, p);
    custom_figure(app, "bandwidth", "DRAM, GB/s", "Memory bandwidth the roofline's bytes come from.", 1e9,
                  &Device::dram_bandwidth, p);
    custom_figure(app, "onchip", "On chip, MB", "On-chip buffer activations may stay in (with \"keep on chip\").",
                  1e6, &Device::onchip_buffer, p);
    custom_figure(app, "power", "Power, W", "Board power in this mode (0: unknown).", 1.0, &Device::power, p);
    end_params();
}

//-----------------------------------------------------------------------------
// [SECTION] Panel
//-----------------------------------------------------------------------------

void draw_knobs(AppState& app) {
    const DeviceSettings& ds = app.state.device;
    if (!begin_params("device_knobs")) return;
    double eta_c = ds.compute_efficiency, eta_m = ds.memory_efficiency;
    param_label("η_c", "Compute efficiency: the achievable fraction of the peak (1 = the pure roofline).");
    if (percent_slider("eta_c", &eta_c, "Compute efficiency η_c") && eta_c > 0) {
        State next = app.state;
        next.device.compute_efficiency = eta_c;
        app.edit(std::move(next));
    }
    param_label("η_m", "Memory efficiency: the achievable fraction of the DRAM bandwidth.");
    if (percent_slider("eta_m", &eta_m, "Memory efficiency η_m") && eta_m > 0) {
        State next = app.state;
        next.device.memory_efficiency = eta_m;
        app.edit(std::move(next));
    }
    end_params();
    bool onchip = ds.activations_on_chip;
    if (ImGui::Checkbox("Keep activations on chip when they fit", &onchip)) {
        State next = app.state;
        next.device.activations_on_chip = onchip;
        app.edit(std::move(next));
    }
    item_help("A layer output that fits the on-chip buffer is neither written to DRAM nor read back.");
}

} // namespace

void draw_device_panel(AppState& app) {
    section("Device");
    draw_picker(app);
    const State& s = app.state;
    if (s.device.name.empty()) {
        text_muted("Choose a device for time and energy per layer.");
        return;
    }
    draw_precision(app);
    const Results& r = app.derived.results;
    if (s.device.name == kCustomDevice) draw_custom(app);
    else if (const Device* d = chosen_device(s)) draw_figures(*d, s.scenario.precision);
    if (!r.roofline.ok()) {
        text_wrapped_colored(palette().warn, ("No time or energy: " + r.roofline.error).c_str());
        return;
    }
    text_muted(("Ridge point " + format_cost(r.roofline.ridge, "FLOP/B", false, 1)).c_str());
    item_help("Above this arithmetic intensity a layer is compute-bound, below it memory-bound (η_c·P / η_m·B).");
    draw_knobs(app);
}

} // namespace flopscope::app
