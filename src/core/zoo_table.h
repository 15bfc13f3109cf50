// Flopscope core — the zoo side by side: every built-in model evaluated at one resolution (each model's
// own default crop, or one H × W for all) under one counting convention, one row per model. The page's
// Zoo tab and `flopscope --list-models --format md|csv|json` both print these rows.
//
// [SECTION] Rows (and the input a chosen model opens at)
// [SECTION] Documents
#pragma once

#include "core/state.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Rows
//-----------------------------------------------------------------------------

// A resolution of 0 × 0 asks for each model's own default crop (ModelInfo::default_resolution).
inline constexpr std::int64_t kDefaultCrop = 0;

struct ZooRow {
    const ModelInfo* model = nullptr;
    std::int64_t height = 0, width = 0;  // the input it was evaluated at
    Count macs, flops;                   // under the convention
    Count params;
    Count activation_elements;           // Σ every layer's output elements (Totals::activation_elements)
    Count activation_bytes;              // … at FP32, as the results report activations
    std::int64_t depth = 0;              // weight layers (weight_layer_count)
    std::string error;                   // why the model refuses this input, "" when it evaluated
    bool ok() const { return error.empty(); }
};

struct ZooTable {
    std::int64_t height = kDefaultCrop, width = kDefaultCrop;  // as asked
    Counting counting;
    std::vector<ZooRow> rows;  // model_zoo() order
    bool default_crop() const { return height == kDefaultCrop; }
};

// Every zoo model at height × width (kDefaultCrop: each at its own default crop) under `counting`. A model
// that refuses the input (too small, not a multiple of its patch, ...) keeps its row with the message.
ZooTable zoo_table(std::int64_t height, std::int64_t width, const Counting& counting);

// The depth the zoo reports: layers with a weight matrix (convolutions, linear and token-linear layers),
// each counted `repeat` times. resnet18: 20 convolutions and its fc, 21.
std::int64_t weight_layer_count(const Network& net);

// The input a model opens at when it replaces `previous` (nullptr: a custom network) whose input is
// height × width: its own default crop (299 for inception_v3), unless that input was chosen by hand (not
// the previous model's default crop) and the new model accepts it (input_refusal). The model picker, the Zoo tab and the
// CLI's --model without --input all follow this rule. (A link without `in` still means 224.)
void input_for_model(const ModelInfo* previous, const ModelInfo& next, std::int64_t& height, std::int64_t& width);

//-----------------------------------------------------------------------------
// [SECTION] Documents
//-----------------------------------------------------------------------------

// `state` names the convention (state.convention, state.counting must be the table's counting).
std::string zoo_json(const State& state, const ZooTable& table);
std::string zoo_csv(const ZooTable& table);
std::string zoo_markdown(const State& state, const ZooTable& table);

} // namespace flopscope
