// Flopscope core — the whole state a user can set (what a link carries), and the results computed from it.
// The web app, the link codec and the CLI all go through this one type, so the page and the CLI show
// the same numbers from the same code.
#pragma once

#include "core/device.h"
#include "core/enum_names.h"
#include "core/network.h"
#include "core/roofline.h"
#include "core/scenario.h"
#include "core/zoo.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flopscope {

enum class Unit : std::uint8_t { FLOPs, MACs, Count_ };
enum class Theme : std::uint8_t { System, Light, Dark, Count_ };
// As links, the CLI and JSON write them, and as the page and the tables show them.
inline constexpr EnumNames<Unit> kUnitNames{"flops", "macs"};
inline constexpr EnumNames<Unit> kUnitLabels{"FLOPs", "MACs"};
inline constexpr EnumNames<Theme> kThemeNames{"system", "light", "dark"};
inline constexpr EnumNames<Theme> kThemeLabels{"System", "Light", "Dark"};
inline const char* unit_label(Unit u) { return kUnitLabels.name(u); }

// How numbers are shown; carried in links so a shared view looks the same.
struct ViewOptions {
    Unit unit = Unit::FLOPs;
    bool exact = false;            // exact integers instead of K/M/G with fixed decimals
    Theme theme = Theme::System;
    bool embed = false;            // the compact iframe view
    std::vector<std::string> show; // embed: the inputs the author exposes ("f", "h", ...)
    bool full_network_view = false;  // percentages against the larger network when part of one
    friend bool operator==(const ViewOptions&, const ViewOptions&) = default;
};

// The device the roofline runs on, and the roofline's knobs (core/roofline.h). The roofline's precision
// is the scenario's (Scenario::precision, link key `prec`): one precision sizes both the cache entries
// and the bytes and peak of the roofline, so the two can never disagree. The scenario's channel
// granularity `g` stays its own field: a device's granularity is shown beside it, never copied into
// it, so a link means the same whatever device it names.
struct DeviceSettings {
    std::string name;  // "" = no device (the default: no roofline); a preset name (core/device.h) or "custom"
    Device custom;     // the custom device's figures, used when name == "custom" (all 0 until set)
    bool sparse = RooflineOptions{}.sparse;
    double compute_efficiency = RooflineOptions{}.compute_efficiency;
    double memory_efficiency = RooflineOptions{}.memory_efficiency;
    double layer_overhead_s = RooflineOptions{}.layer_overhead_s;
    bool activations_on_chip = RooflineOptions{}.activations_on_chip;
    double energy_scale = RooflineOptions{}.energy_scale;
    friend bool operator==(const DeviceSettings&, const DeviceSettings&) = default;
};

inline constexpr const char* kCustomDevice = "custom";

inline constexpr const char* kCustomModel = "custom";
inline constexpr const char* kDefaultModel = "resnet18_seed";

struct State {
    std::string model = kDefaultModel;  // a zoo name, or "custom"
    Network custom;                     // the custom network (used when model == "custom")
    std::int64_t input_h = 224, input_w = 224;  // input resolution (custom networks: their input)
    std::int64_t input_c = 3;
    Counting counting;
    std::string convention = "torchvision";  // the counting preset's name, or "custom"
    bool scenario_enabled = true;
    Scenario scenario;                  // default: the "optimistic" preset
    DeviceSettings device;              // default: no device
    ViewOptions view;
    friend bool operator==(const State&, const State&) = default;
};

// The default state: the seed's 13 layers with the optimistic scenario.
State default_state();

struct Results {
    Network network;
    Evaluation evaluation;
    ScenarioResult scenario;          // valid when state.scenario_enabled
    const ModelInfo* model = nullptr; // nullptr for custom networks
    std::string error;                // network- or scenario-level problem (the first one), "" when fine
    bool ok() const { return error.empty(); }
    // With a device chosen (state.device.name != ""): the roofline of the network, and the scenario in
    // time and energy (when the scenario is enabled and valid). A bad device, precision or knob sets
    // roofline.error (and caching_time.error) and leaves `error` and the FLOP results as they are.
    bool has_device = false;
    RooflineResult roofline;
    CachingTime caching_time;
};

// The chosen device: a preset, the state's custom device, or nullptr (none chosen, or an unknown name).
const Device* chosen_device(const State& state);
// The roofline options of the state: its device knobs, with the scenario's precision.
RooflineOptions roofline_options(const State& state);

// Builds the network the state describes and evaluates it and its scenario.
Results compute(const State& state);

} // namespace flopscope
