// Flopscope core — the layer table, written once: one row per evaluated layer (LayerRow) and one entry per
// column (layer_columns()) saying its header on the page and in each export, its header's tooltip, how its
// cell reads a row and formats it for each output, and how it sorts. The page's table
// (app/view_layers.cpp) and the exports (report.cpp: the CLI's table, CSV, Markdown, LaTeX) all walk this
// one list, so a column is added, renamed or reformatted in one place.
//
// [SECTION] Rows
// [SECTION] Columns
#pragma once

#include "core/scenario.h"
#include "core/state.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Rows
//-----------------------------------------------------------------------------

struct LayerRow {
    int index = 0;               // the layer's position, from 0 (shown from 1); -1 for the totals row
    std::string name;
    std::string kind;            // "conv 3×3 s2", "linear", "max pool 3×3 s2"...: the page's Kind
    const char* kind_name = "";  // "conv", "linear", "pool": the exports' Kind (kind_name)
    Shape out;
    std::string output;          // "64×56×56"
    Count macs, flops, params, activation_elements;  // counted under the state's convention
    double cost = 0;             // macs or flops: the view's unit
    double activation_bytes = 0; // the output tensor at FP32 (kActivationPrecision)
    double share = 0;            // cost / the network's total cost, 0..1
    double cached = -1;          // effective cached fraction in a channel-caching scenario; < 0: not eligible
    std::optional<LayerScenario> scenario;  // the layer's scenario result when the scenario is on and valid
    std::optional<LayerRoofline> roofline;  // its time and energy on the chosen device (the totals row: the network's)
};

// "64×56×56": a shape as the tables and the titles write it (C×H×W).
std::string shape_text(const Shape& s);
// "conv 3×3 s2 p1" etc.: the short description of a layer used in the page's Kind column.
std::string layer_kind_text(const Layer& layer);
// The columns a layer has without an evaluation (index, name, kinds): rows past a layer that does not
// compute show these.
LayerRow unevaluated_row(const Layer& layer, int index);
// One row per layer that the evaluation covered (all when valid).
std::vector<LayerRow> layer_rows(const Results& results, const State& state);
// The totals row of the exports: index -1, name "total", the network's totals.
LayerRow layer_totals_row(const Results& results);

//-----------------------------------------------------------------------------
// [SECTION] Columns
//-----------------------------------------------------------------------------

enum class LayerColumn : std::uint8_t {
    Index, Name, Kind, Output, Macs, Flops, Share,
    Time, Bound, Energy, Verdict,  // on the chosen device (Results::roofline); only with one
    Params, Activation, Cached, Count_
};
inline constexpr int kLayerColumnCount = static_cast<int>(LayerColumn::Count_);

// Where the table is written.
enum class LayerTableOutput : std::uint8_t {
    Page,      // the page's layer table
    Text,      // the CLI's plain-text table (MACs and FLOPs both)
    Document,  // Markdown and LaTeX (the view's unit)
    Csv,       // one or more fields per column (MACs and FLOPs both)
};

struct LayerColumnInfo {
    LayerColumn id;
    const char* title;         // the page's header
    const char* tooltip;       // the page header's tooltip; nullptr: none
    const char* report_title;  // the header in the CLI's table, Markdown and LaTeX; nullptr: not there
    const char* csv_title;     // the CSV's header field(s), comma separated; nullptr: not in the CSV
    float width_em;            // the page column's starting width, in font sizes
    float exact_extra_em;      // ... wider by this with exact integers
    float custom_extra_em;     // ... and by this for a custom network (edit widgets)
    bool right;                // right-aligned (numbers)
    bool largest_first;        // the page sorts it descending on the first click
    bool from_layer;           // needs no evaluation: shown on the rows past an error
    bool has_total;            // has a value in the exports' totals row
    using Text = std::string (*)(const LayerRow&, bool exact);
    Text page;    // the page cell; nullptr: the view draws it (the share bar, the cached-fraction editor)
    Text report;  // the CLI table's, Markdown's and LaTeX's cell
    Text csv;     // the CSV's field(s)
    bool (*less)(const LayerRow&, const LayerRow&);  // the page's sort
};

// Every column, in the table's order (the page of a built-in network, the CLI, the exports).
const LayerColumnInfo& layer_column(LayerColumn c);
// Whether a column is in `output` for this state: MACs and FLOPs only in the view's unit on the page, in
// Markdown and in LaTeX; the CSV's scenario fields only when the scenario is on and valid (and so is the
// network); the device's columns only when a device is chosen and its roofline is valid.
bool layer_column_shown(LayerColumn c, LayerTableOutput output, const State& state, const Results& results);
// The columns of `output`, in order.
std::vector<LayerColumn> layer_columns_of(LayerTableOutput output, const State& state, const Results& results);

inline bool is_device_column(LayerColumn c) { return c >= LayerColumn::Time && c <= LayerColumn::Verdict; }

// Row positions ordered by `column` (stable; ties keep network order).
std::vector<int> sorted_order(const std::vector<LayerRow>& rows, LayerColumn column, bool ascending);

} // namespace flopscope
