// Flopscope core — the layer table (see layer_table.h).
#include "core/layer_table.h"

#include "core/format.h"
#include "core/report.h"  // csv_field

#include <algorithm>
#include <array>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Rows
//-----------------------------------------------------------------------------

std::string layer_kind_text(const Layer& l) {
    auto window = [&] {
        std::string s = std::to_string(l.kernel_h);
        s += "×" + std::to_string(l.kernel_w);
        if (l.stride_h != 1 || l.stride_w != 1) s += " s" + std::to_string(l.stride_h);
        return s;
    };
    std::string s;
    switch (l.kind) {
    case LayerKind::Conv:
        s = "conv " + window();
        if (l.groups > 1) s += (!l.explicit_shape && l.groups == l.out_channels) ? " dw" : " g" + std::to_string(l.groups);
        if (l.dilation_h > 1) s += " d" + std::to_string(l.dilation_h);
        break;
    case LayerKind::Linear: s = "linear"; break;
    case LayerKind::BatchNorm: s = "batch norm"; break;
    case LayerKind::Activation: s = activation_name(l.activation); break;
    case LayerKind::Pool:
        if (is_adaptive_pool(l)) s = l.pool == PoolKind::AdaptiveAvg ? "adaptive avg pool" : "adaptive max pool";
        else s = std::string(l.pool == PoolKind::Max ? "max pool " : "avg pool ") + window();
        break;
    case LayerKind::Add: s = "add"; break;
    case LayerKind::Mul: s = "multiply"; break;
    case LayerKind::Concat: s = "concat"; break;
    case LayerKind::Flatten: s = "flatten"; break;
    case LayerKind::LayerNorm: s = "layer norm"; break;
    case LayerKind::LayerNorm2d: s = "layer norm 2d"; break;
    case LayerKind::MatMul: s = "matmul"; break;
    case LayerKind::TokenLinear: s = "linear per token"; break;
    case LayerKind::Reshape: s = "reshape"; break;
    case LayerKind::Select: s = "select"; break;
    case LayerKind::Param: s = "param"; break;
    case LayerKind::Count_: break;
    }
    if (l.bias && (l.kind == LayerKind::Conv || l.kind == LayerKind::Linear || l.kind == LayerKind::TokenLinear))
        s += " +b";
    if (l.repeat > 1) s += " ×" + std::to_string(l.repeat);
    return s;
}

LayerRow unevaluated_row(const Layer& l, int index) {
    LayerRow r;
    r.index = index;
    r.name = l.name;
    r.kind = layer_kind_text(l);
    r.kind_name = kind_name(l.kind);
    return r;
}

std::string shape_text(const Shape& s) {
    return std::to_string(s.c) + "×" + std::to_string(s.h) + "×" + std::to_string(s.w);
}

namespace {

// A valid roofline with one entry per evaluated layer (not when the network stops computing).
bool has_layer_times(const Results& results) {
    return results.has_device && results.roofline.ok() && results.roofline.layers.size() == results.evaluation.layers.size() &&
           results.evaluation.ok();
}

} // namespace

std::vector<LayerRow> layer_rows(const Results& results, const State& state) {
    std::vector<LayerRow> rows;
    const Evaluation& ev = results.evaluation;
    const bool macs = state.view.unit == Unit::MACs;
    const Count total_count = macs ? ev.totals.macs : ev.totals.flops;
    const double total = static_cast<double>(total_count.value);
    const bool scenario = state.scenario_enabled && results.scenario.ok();
    const bool caches_channels = scenario && mode_info(results.scenario.mode).caches_channels;
    const bool timed = has_layer_times(results);
    const std::size_t valid = ev.ok() ? ev.layers.size() : std::min<std::size_t>(ev.layers.size(),
                                                                                  static_cast<std::size_t>(std::max(ev.error_layer, 0)));
    for (std::size_t i = 0; i < valid && i < results.network.layers.size(); ++i) {
        const LayerCost& c = ev.layers[i];
        LayerRow r = unevaluated_row(results.network.layers[i], static_cast<int>(i));
        r.out = c.out;
        r.output = shape_text(c.out);
        r.macs = counted_macs(c, state.counting);
        r.flops = counted_flops(c, state.counting);
        r.params = c.params;
        r.activation_elements = c.output_elements;
        r.cost = static_cast<double>((macs ? r.macs : r.flops).value);
        r.activation_bytes = activation_bytes(c.output_elements.value);
        r.share = total > 0 ? r.cost / total : 0;
        if (scenario && i < results.scenario.layers.size()) {
            r.scenario = results.scenario.layers[i];
            if (caches_channels && r.scenario->eligible) r.cached = r.scenario->effective_fraction;
        }
        if (timed) r.roofline = results.roofline.layers[i];
        rows.push_back(std::move(r));
    }
    return rows;
}

LayerRow layer_totals_row(const Results& results) {
    const Totals& t = results.evaluation.totals;
    LayerRow r;
    r.index = -1;
    r.name = "total";
    r.macs = t.macs;
    r.flops = t.flops;
    r.params = t.params;
    r.activation_elements = t.activation_elements;
    if (has_layer_times(results)) {
        const RooflineTotals& rt = results.roofline.totals;
        LayerRoofline total;
        total.time_s = rt.time_s;
        total.energy_j = rt.energy_j;
        total.bytes = rt.bytes;
        total.bound = rt.bound;
        r.roofline = total;
    }
    return r;
}

//-----------------------------------------------------------------------------
// [SECTION] Columns
//-----------------------------------------------------------------------------

namespace {

// A count as the CLI's table, Markdown and LaTeX show it: exact with separators, or K/M/G.
std::string count_text(Count c, bool exact) {
    if (!c.ok()) return "overflow";
    return exact ? with_commas(c) : format_scaled(static_cast<double>(c.value));
}

using L = const LayerRow&;

// Cells that read the same in several outputs.
std::string index_text(L r, bool) { return std::to_string(r.index + 1); }
std::string name_text(L r, bool) { return r.name; }
std::string kind_name_text(L r, bool) { return r.kind_name; }
std::string output_text(L r, bool) { return r.output; }
bool by_cost(L x, L y) { return x.cost < y.cost; }
bool by_activation(L x, L y) { return x.activation_bytes < y.activation_bytes; }

// The device's cells: empty on a row without a roofline.
std::string time_text(L r, bool) { return r.roofline ? format_seconds(r.roofline->time_s) : std::string(); }
std::string energy_text(L r, bool) { return r.roofline ? format_joules(r.roofline->energy_j) : std::string(); }
std::string bound_text(L r, bool) { return r.roofline ? bound_name(r.roofline->bound) : ""; }
std::string verdict_text(L r, bool) { return r.roofline ? verdict_name(r.roofline->time_verdict) : ""; }
double time_of(L r) { return r.roofline ? r.roofline->time_s : -1; }
double energy_of(L r) { return r.roofline ? r.roofline->energy_j : -1; }

// One entry per LayerColumn, in its order:
//   id, page title, tooltip, report title, CSV title, width (em, + exact, + custom),
//   right, largest first, from the layer, has a total,
//   page cell, report cell, CSV field(s), sort.
constexpr std::array<LayerColumnInfo, kLayerColumnCount> kColumns = {{
    {LayerColumn::Index, "#", "Layer number (as in links).", "#", "index", 2.2f, 0, 0,
     true, false, true, false,
     index_text, index_text, index_text,
     [](L x, L y) { return x.index < y.index; }},
    {LayerColumn::Name, "Name", nullptr, "layer", "name", 9.5f, 0, -1,
     false, false, true, true,
     name_text, name_text,
     [](L r, bool) { return csv_field(r.name); },
     [](L x, L y) { return x.name < y.name; }},
    {LayerColumn::Kind, "Kind", nullptr, "kind", "kind", 6.5f, 0, 0,
     false, false, true, false,
     [](L r, bool) { return r.kind; },
     kind_name_text, kind_name_text,
     [](L x, L y) { return x.kind < y.kind; }},
    {LayerColumn::Output, "Output C×H×W", nullptr, "output", "out_c,out_h,out_w", 7, 0, 0,
     false, false, false, false,
     output_text, output_text,
     [](L r, bool) { return std::to_string(r.out.c) + "," + std::to_string(r.out.h) + "," + std::to_string(r.out.w); },
     by_activation},
    {LayerColumn::Macs, kUnitLabels.name(Unit::MACs), nullptr, kUnitLabels.name(Unit::MACs), "macs", 6.5f, 2.5f, 0,
     true, true, false, true,
     [](L r, bool exact) { return format_cost(static_cast<double>(r.macs.value), "", exact); },
     [](L r, bool exact) { return count_text(r.macs, exact); },
     [](L r, bool) { return count_or_null(r.macs); },
     by_cost},
    {LayerColumn::Flops, kUnitLabels.name(Unit::FLOPs), nullptr, kUnitLabels.name(Unit::FLOPs), "flops", 6.5f, 2.5f, 0,
     true, true, false, true,
     [](L r, bool exact) { return format_cost(static_cast<double>(r.flops.value), "", exact); },
     [](L r, bool exact) { return count_text(r.flops, exact); },
     [](L r, bool) { return count_or_null(r.flops); },
     by_cost},
    {LayerColumn::Share, "Share", "Share of the network's total; the bar is scaled to the largest layer.", nullptr,
     nullptr, 7.5f, 0, 0,
     true, true, false, false,
     nullptr, nullptr, nullptr,
     by_cost},
    {LayerColumn::Time, "Time", "Roofline time per inference: max(FLOPs/(η_c·P), bytes/(η_m·B)) + overhead.", "time",
     "time_s,bytes", 5, 0, 0,
     true, true, false, true,
     time_text, time_text,
     [](L r, bool) { return r.roofline ? format_double(r.roofline->time_s) + "," + format_double(r.roofline->bytes) : ","; },
     [](L x, L y) { return time_of(x) < time_of(y); }},
    {LayerColumn::Bound, "Bound", "What limits the layer on this device: compute, memory or the per-layer overhead.",
     "bound", "bound", 5, 0, 0,
     false, false, false, true,
     bound_text, bound_text, bound_text,
     [](L x, L y) { return x.roofline && y.roofline && x.roofline->bound < y.roofline->bound; }},
    {LayerColumn::Energy, "Energy", "MACs·E_MAC + DRAM bytes·E_DRAM (45 nm constants × the energy scale).", "energy",
     "energy_j", 5, 0, 0,
     true, true, false, true,
     energy_text, energy_text,
     [](L r, bool) { return r.roofline ? format_double(r.roofline->energy_j) : std::string(); },
     [](L x, L y) { return energy_of(x) < energy_of(y); }},
    {LayerColumn::Verdict, "Cache",
     "Fetch or recompute a cached output element: fetch wins when the recompute intensity 2·K²·C_in/b is above the "
     "device's ridge point.",
     "cache", "verdict", 5.5f, 0, 0,
     false, false, false, false,
     verdict_text, verdict_text, verdict_text,
     [](L x, L y) { return x.roofline && y.roofline && x.roofline->time_verdict < y.roofline->time_verdict; }},
    {LayerColumn::Params, "Params", nullptr, "params", "params", 5.5f, 1.5f, 0,
     true, true, false, true,
     [](L r, bool exact) { return format_amount(static_cast<double>(r.params.value), exact); },
     [](L r, bool) { return with_commas(r.params); },
     [](L r, bool) { return count_or_null(r.params); },
     [](L x, L y) { return x.params.value < y.params.value; }},
    {LayerColumn::Activation, "Activation", "The layer's output tensor at FP32 (batch 1).", "activations",
     "activation_elements,activation_bytes", 6, 0, 0,
     true, true, false, true,
     [](L r, bool) { return format_bytes(r.activation_bytes); },
     [](L r, bool) { return with_commas(r.activation_elements); },
     [](L r, bool) {
         return count_or_null(r.activation_elements) + "," + count_or_null(r.activation_elements * count_of(bytes_per_element(kActivationPrecision)));
     },
     by_activation},
    {LayerColumn::Cached, "Cached f", "The fraction of the layer's output channels served from the cache (f_l).", nullptr,
     "eligible,cached_fraction,effective_cached_fraction,flops_after_caching", 6.5f, 0, 1,
     true, false, false, false,
     nullptr, nullptr,
     [](L r, bool) {
         if (!r.scenario) return std::string(",,,");
         const LayerScenario& s = *r.scenario;
         return std::string(s.eligible ? "yes" : "no") + "," + format_double(s.nominal_fraction) + "," +
                format_double(s.effective_fraction) + "," + format_double(s.cost_after);
     },
     [](L x, L y) { return x.cached < y.cached; }},
}};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < kColumns.size(); ++i)
        if (static_cast<std::size_t>(kColumns[i].id) != i) return false;
    return true;
}
static_assert(in_enum_order(), "kColumns lists the columns in LayerColumn's order");

} // namespace

const LayerColumnInfo& layer_column(LayerColumn c) {
    return kColumns[static_cast<std::size_t>(c)];
}

bool layer_column_shown(LayerColumn c, LayerTableOutput out, const State& state, const Results& results) {
    const LayerColumnInfo& info = layer_column(c);
    const bool in_view_unit = (c == LayerColumn::Macs) == (state.view.unit == Unit::MACs);
    if (is_device_column(c) && !has_layer_times(results)) return false;
    switch (out) {
    case LayerTableOutput::Page: return (c != LayerColumn::Macs && c != LayerColumn::Flops) || in_view_unit;
    case LayerTableOutput::Text: return info.report != nullptr;
    case LayerTableOutput::Document:
        return info.report != nullptr && ((c != LayerColumn::Macs && c != LayerColumn::Flops) || in_view_unit);
    case LayerTableOutput::Csv:
        // No scenario fields when the network stops computing: the scenario was not evaluated.
        if (c == LayerColumn::Cached) return state.scenario_enabled && results.evaluation.ok() && results.scenario.ok();
        return info.csv != nullptr;
    }
    return false;
}

std::vector<LayerColumn> layer_columns_of(LayerTableOutput out, const State& state, const Results& results) {
    std::vector<LayerColumn> cols;
    for (int i = 0; i < kLayerColumnCount; ++i)
        if (layer_column_shown(static_cast<LayerColumn>(i), out, state, results)) cols.push_back(static_cast<LayerColumn>(i));
    return cols;
}

std::vector<int> sorted_order(const std::vector<LayerRow>& rows, LayerColumn column, bool ascending) {
    std::vector<int> order(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) order[i] = static_cast<int>(i);
    bool (*less)(const LayerRow&, const LayerRow&) = layer_column(column).less;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const LayerRow& x = rows[static_cast<std::size_t>(a)];
        const LayerRow& y = rows[static_cast<std::size_t>(b)];
        return ascending ? less(x, y) : less(y, x);
    });
    return order;
}

} // namespace flopscope
