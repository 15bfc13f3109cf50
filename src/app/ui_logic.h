// Flopscope app — the UI's pure logic: number formatting for the screen, which layer fields are editable
// and how an edit is validated, structural edits of a custom network, layout choice and
// the embed snippet. No ImGui here, so all of it is unit tested natively (tests/ui_logic_test.cpp).
//
// [SECTION] Numbers
// [SECTION] Editable layer fields
// [SECTION] Structural edits of a network
// [SECTION] Layout
// [SECTION] Links and embedding
#pragma once

#include "core/format.h"
#include "core/layer_table.h"  // the layer table's rows and columns
#include "core/state.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flopscope::app {

//-----------------------------------------------------------------------------
// [SECTION] Numbers
//-----------------------------------------------------------------------------

// Costs, amounts, bytes, percents and thousands separators: core/format.h (format_cost, format_cost_as,
// NumberWidth, format_amount, format_bytes, format_fraction_percent, with_commas_signed, with_commas_double).
// Parses a decimal integer, allowing surrounding spaces and thousands separators ("1,024"); nullopt when
// the text is not a whole number within int64.
std::optional<std::int64_t> parse_int(std::string_view text);

//-----------------------------------------------------------------------------
// [SECTION] Editable layer fields
//-----------------------------------------------------------------------------

// The integer fields a layer table row can edit in place. Which apply depends on the layer's kind and
// form (explicit "H, W, K, C_in, C_out, repeat" convolutions vs convolutions whose input is inferred).
enum class LayerField : std::uint8_t {
    OutH,        // explicit conv: output height H; adaptive pool: output height; reshape/select/param: h
    OutW,        // explicit conv: output width W; adaptive pool: output width; reshape/select/param: w
    Kernel,      // conv/pool: square kernel K (sets both sides)
    InChannels,  // explicit conv: C_in
    OutChannels, // conv: C_out, linear/token linear: output features; reshape/select/param: c
    Stride,      // conv/pool (both sides)
    Padding,     // inferred conv/pool (both sides)
    Groups,      // conv
    Repeat,      // every kind
    Count_
};
inline constexpr int kLayerFieldCount = static_cast<int>(LayerField::Count_);

struct LayerFieldInfo {
    const char* header;   // column header, e.g. "C_out"
    const char* tooltip;  // what it means
};
const LayerFieldInfo& field_info(LayerField f);

bool field_applies(const Layer& layer, LayerField f);
std::int64_t get_field(const Layer& layer, LayerField f);
void set_field(Layer& layer, LayerField f, std::int64_t value);
// The union of the fields that apply to any layer of `net`: the editable columns of its table.
std::vector<LayerField> editable_fields(const Network& net);
// The key under which an edit of (layer, field) is validated and marked, "layer.3.C_out"; and back.
std::string layer_field_key(int layer, LayerField f);
bool parse_layer_field_key(const std::string& key, int& layer, LayerField& f);

//-----------------------------------------------------------------------------
// [SECTION] Structural edits of a network
//-----------------------------------------------------------------------------
// Layer inputs name earlier layers by index; these keep every reference pointing at the same layer.

// A new layer to append after `after` (-1: at the start): continues the network sensibly (a 3×3
// convolution keeping the channel count, in the network's own form: explicit if `after` is explicit).
// Each edit returns the map old layer index → new index (-1: erased) for remap_scenario_layers().
Layer suggested_next_layer(const Network& net, const Evaluation& ev, int after);
std::vector<int> insert_layer(Network& net, int at, Layer layer);
// References to the erased layer are redirected to its own (first) input.
std::vector<int> erase_layer(Network& net, int at);
// Moves layer `from` to position `to`. Returns an empty map (net unchanged) when a layer would then
// consume the output of a layer after it.
std::vector<int> move_layer(Network& net, int from, int to);
// Keeps a scenario's per-layer overrides and eligible range on the same layers after a structural edit.
void remap_scenario_layers(Scenario& s, const std::vector<int>& old_to_new);
// A name not used by any layer: `base`, or `base` with "_2", "_3"...
std::string unique_layer_name(const Network& net, const std::string& base);
// The empty starting point of "custom network from scratch": one 3×3 convolution, 3 → 64 channels.
Network scratch_network(Shape input);

//-----------------------------------------------------------------------------
// [SECTION] Layout
//-----------------------------------------------------------------------------

enum class Layout : std::uint8_t { Wide, Narrow };
// Wide (inputs beside results) when the display is at least 62 font sizes wide, e.g. 1280 px at a 16 px
// font; Narrow (one column, tabs) below. Independent of the pixel ratio, since the font scales with it.
Layout choose_layout(float display_width, float font_size);

//-----------------------------------------------------------------------------
// [SECTION] Links and embedding
//-----------------------------------------------------------------------------

// Escapes text for an HTML attribute value or element content (& < > " ').
std::string html_escape(std::string_view text);
// The <iframe> snippet embedding `url` (already containing the embed fragment).
std::string iframe_snippet(const std::string& url, const std::string& title, int height_px);
// The state an embed link carries: `state` with view.embed on and `show` as the exposed inputs.
State embed_state(const State& state, const std::vector<std::string>& show);
// The full calculator's state for an embed's "Open in Flopscope": the same state without the embed view.
State full_view_state(const State& state);

} // namespace flopscope::app
