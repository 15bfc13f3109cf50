// Flopscope core — the whole state a user can set (what a link carries), and the results computed from it.
// The web app, the link codec and the CLI all go through this one type, so the page and the CLI show
// the same numbers from the same code.
#pragma once

#include "core/enum_names.h"
#include "core/network.h"
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
};

// Builds the network the state describes and evaluates it and its scenario.
Results compute(const State& state);

} // namespace flopscope
