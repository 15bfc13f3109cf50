// Flopscope app — the layer table: resizable, sortable, scrolling with a frozen header and name column;
// name, kind, output shape, MACs or FLOPs (auto-scaled or exact), share of the total as an inline bar,
// parameters, activation size and the per-layer cached fraction (editable). For a custom network every
// field is editable in place: a rejected value is marked and explained while the last good value keeps
// counting; rows can be added, duplicated, deleted and moved.
//
// [SECTION] Toolbar
// [SECTION] Cells
// [SECTION] Table
#include "app/widgets.h"

#include <algorithm>
#include <cstdio>

namespace flopscope::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Toolbar
//-----------------------------------------------------------------------------

// Applies a structural edit to a copy of the custom network; refuses it (with a message) when the result
// does not compute.
template <typename Fn>
bool structural_edit(AppState& app, const char* what, Fn&& fn) {
    State next = app.state;
    std::vector<int> map = fn(next.custom);
    if (map.empty()) {
        app.notice(std::string("Can't ") + what + ": a layer would then take its input from a layer after it.");
        return false;
    }
    remap_scenario_layers(next.scenario, map);
    if (!app.edit_or_explain(std::move(next), what)) return false;
    app.pending.clear();  // marks are keyed by row; the rows moved
    return true;
}

void draw_toolbar(AppState& app) {
    const State& s = app.state;
    const Derived& d = app.derived;
    int unit = static_cast<int>(s.view.unit);
    if (segmented("unit", kUnitLabels.data(), static_cast<int>(kUnitLabels.size()), &unit, em(8))) {
        State next = s;
        next.view.unit = static_cast<Unit>(unit);
        app.edit(std::move(next));
    }
    item_help("Count in FLOPs or MACs (see \"About the counting\"). Scenario costs are always in FLOPs.");
    ImGui::SameLine();
    bool exact = s.view.exact;
    if (ImGui::Checkbox("Exact integers", &exact)) {
        State next = s;
        next.view.exact = exact;
        app.edit(std::move(next));
    }
    item_help("Exact counts with thousands separators instead of K/M/G with fixed decimals.");
    const std::string summary = std::to_string(d.results.network.layers.size()) + " layers · " +
                                format_cost(d.total_cost, unit_label(s.view.unit), s.view.exact) + " · " +
                                format_amount(static_cast<double>(d.results.evaluation.totals.params.value), s.view.exact) +
                                " params";
    same_line_if_fits(text_width(summary));  // on a phone, a line of its own
    ImGui::AlignTextToFramePadding();
    text_muted(summary.c_str());

    const bool custom = s.model == kCustomModel;
    if (!custom) {
        if (ImGui::Button("Edit a copy of this network")) {
            State next = s;
            next.custom = d.results.network;
            next.custom.name = kCustomModel;
            next.model = kCustomModel;
            app.edit(std::move(next));
        }
        item_help("Built-in networks are read-only; a copy is a custom network whose every layer you can edit.");
        return;
    }
    const int n = static_cast<int>(s.custom.layers.size());
    const int sel = app.selected_layer >= 0 && app.selected_layer < n ? app.selected_layer : -1;
    const bool add = ImGui::Button("Add layer");
    track_item("Add layer");
    if (add) {
        const int after = sel >= 0 ? sel : n - 1;
        if (structural_edit(app, "add a layer", [&](Network& net) {
                return insert_layer(net, after + 1, suggested_next_layer(net, d.results.evaluation, after));
            }))
            app.selected_layer = after + 1;
    }
    item_help("Adds a 3×3 convolution after the selected layer (or at the end), continuing its channels.");
    ImGui::SameLine();
    ImGui::BeginDisabled(sel < 0);
    if (ImGui::Button("Duplicate")) {
        if (structural_edit(app, "duplicate the layer", [&](Network& net) {
                Layer copy = net.layers[static_cast<std::size_t>(sel)];
                copy.name = unique_layer_name(net, copy.name);
                return insert_layer(net, sel + 1, std::move(copy));
            }))
            app.selected_layer = sel + 1;
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete")) {
        if (n <= 1) app.notice("A network needs at least one layer.");
        else {
            if (structural_edit(app, "delete the layer", [&](Network& net) { return erase_layer(net, sel); }))
                app.selected_layer = std::min(sel, n - 2);
        }
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(sel <= 0);
    if (ImGui::ArrowButton("up", ImGuiDir_Up)) {
        if (structural_edit(app, "move the layer up", [&](Network& net) { return move_layer(net, sel, sel - 1); }))
            app.selected_layer = sel - 1;
    }
    ImGui::EndDisabled();
    item_help("Move the selected layer up");
    ImGui::SameLine();
    ImGui::BeginDisabled(sel < 0 || sel >= n - 1);
    if (ImGui::ArrowButton("down", ImGuiDir_Down)) {
        if (structural_edit(app, "move the layer down", [&](Network& net) { return move_layer(net, sel, sel + 1); }))
            app.selected_layer = sel + 1;
    }
    ImGui::EndDisabled();
    item_help("Move the selected layer down");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (sel >= 0) text_muted(("Selected: " + s.custom.layers[static_cast<std::size_t>(sel)].name).c_str());
    else text_muted("Click a row number to select a layer.");
}

//-----------------------------------------------------------------------------
// [SECTION] Cells
//-----------------------------------------------------------------------------

void share_cell(double share, double max_share) {
    const std::string label = format_fraction_percent(share, 1);
    const float text_w = em(3.6f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const float bar_w = std::max(0.0f, avail - text_w - em(0.3f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 c = palette().computed;
    dl->AddRectFilled(ImVec2(pos.x, pos.y + h * 0.2f), ImVec2(pos.x + bar_w, pos.y + h * 0.8f),
                      ImGui::GetColorU32(palette().grid), em(0.12f));
    if (max_share > 0)
        dl->AddRectFilled(ImVec2(pos.x, pos.y + h * 0.2f),
                          ImVec2(pos.x + bar_w * static_cast<float>(share / max_share), pos.y + h * 0.8f),
                          ImGui::GetColorU32(c), em(0.12f));
    ImGui::SetCursorScreenPos(ImVec2(pos.x + bar_w, pos.y));
    text_right(label.c_str());
}

void set_override(Scenario& sc, int layer, std::optional<double> fraction) {
    auto it = std::find_if(sc.overrides.begin(), sc.overrides.end(), [&](const LayerFraction& o) { return o.layer == layer; });
    if (!fraction) {
        if (it != sc.overrides.end()) sc.overrides.erase(it);
        return;
    }
    if (it != sc.overrides.end()) it->fraction = *fraction;
    else {
        sc.overrides.push_back({layer, *fraction});
        std::sort(sc.overrides.begin(), sc.overrides.end(), [](const LayerFraction& a, const LayerFraction& b) { return a.layer < b.layer; });
    }
}

void cached_cell(AppState& app, int i, const LayerRow* row) {
    const ScenarioResult& r = app.derived.results.scenario;
    if (!row || row->cached < 0 || i >= static_cast<int>(r.layers.size())) {
        text_muted("–");
        return;
    }
    const LayerScenario& ls = r.layers[static_cast<std::size_t>(i)];
    const Scenario& sc = app.state.scenario;
    const bool overridden = std::any_of(sc.overrides.begin(), sc.overrides.end(), [&](const LayerFraction& o) { return o.layer == i; });
    double pct = ls.nominal_fraction * 100.0;
    static const double lo = 0, hi = 100;
    const float reset_w = overridden ? ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x : 0.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - reset_w);
    if (overridden) ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    const bool changed = ImGui::DragScalar("##cached", ImGuiDataType_Double, &pct, 0.5f, &lo, &hi, "%.1f %%",
                                           ImGuiSliderFlags_AlwaysClamp);
    if (overridden) ImGui::PopStyleColor();
    {
        std::string tip = overridden ? "This layer's own cached fraction f_l (drag, or double-click to type)."
                                     : "The global cached fraction f. Drag (or double-click to type) to give this layer its own f_l.";
        if (ls.effective_fraction != ls.nominal_fraction)
            tip += "\nAfter rounding kept channels up to tiles of " + std::to_string(sc.channel_granularity) +
                   ", the effective skipped fraction is " + format_fraction_percent(ls.effective_fraction, 1) + ".";
        item_help(tip.c_str());
    }
    if (changed) {
        Scenario next = sc;
        set_override(next, i, pct / 100.0);
        app.edit_scenario(next);
    }
    if (overridden) {
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        if (ImGui::Button("×", ImVec2(ImGui::GetFrameHeight(), 0))) {
            Scenario next = sc;
            set_override(next, i, std::nullopt);
            app.edit_scenario(next);
        }
        item_help("Back to the global cached fraction");
    }
}

void name_cell(AppState& app, int i) {
    const Layer& l = app.state.custom.layers[static_cast<std::size_t>(i)];
    char buf[80];
    std::snprintf(buf, sizeof buf, "%s", l.name.c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText("##name", buf, 65)) {
        State next = app.state;
        next.custom.layers[static_cast<std::size_t>(i)].name = buf;
        app.edit(std::move(next));
    }
}

void field_cell(AppState& app, int i, LayerField f) {
    const Layer& l = app.state.custom.layers[static_cast<std::size_t>(i)];
    if (!field_applies(l, f)) {
        text_muted("");
        return;
    }
    const std::string key = layer_field_key(i, f);
    std::int64_t v = get_field(l, f);
    if (int_input(app, key, "##field", get_field(l, f), &v, -FLT_MIN)) {
        State next = app.state;
        set_field(next.custom.layers[static_cast<std::size_t>(i)], f, v);
        app.edit(std::move(next), key, std::to_string(v));
    }
    item_help(field_info(f).tooltip);
}

// The messages of rejected layer edits, under the table.
int pending_layer_messages(const AppState& app) {
    int n = 0;
    for (const auto& [key, p] : app.pending) {
        int layer;
        LayerField f;
        if (parse_layer_field_key(key, layer, f)) ++n;
    }
    return n;
}

void draw_pending_messages(AppState& app) {
    for (const auto& [key, p] : app.pending) {
        int layer;
        LayerField f;
        if (!parse_layer_field_key(key, layer, f) || layer >= static_cast<int>(app.state.custom.layers.size())) continue;
        const Layer& l = app.state.custom.layers[static_cast<std::size_t>(layer)];
        const std::string text = "Row " + std::to_string(layer + 1) + " (" + l.name + "), " + field_info(f).header + " = " +
                                 p.text + " was not applied: " + p.message + ". Still counting " +
                                 std::to_string(get_field(l, f)) + ".";
        text_wrapped_colored(palette().warn, text.c_str());
    }
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Table
//-----------------------------------------------------------------------------

void select_layer(AppState& app, int layer) {
    app.selected_layer = layer;
    app.scroll_to_selected = true;
    app.request_tab_next = Tab::Layers;
}

namespace {

// A column of the page's table: one of the core's layer-table columns (layer_table.h), or an editable
// field of a custom network. ImGui's column user id: the LayerColumn, or kFieldBase + the LayerField.
constexpr ImGuiID kFieldBase = 100;

struct PageTable {
    const Network& net;
    bool custom;
    bool exact;
    bool show_cached;
    std::vector<ImGuiID> cols;
};

// Columns in display order: the core's. A custom network puts its editable fields right after the
// name and the resulting cost, share and output shape next to them, so an edit and its effect are on
// screen together; the other columns (a new one too) follow in the core's order.
std::vector<ImGuiID> page_columns(const AppState& app, bool custom, const Network& net) {
    const std::vector<LayerColumn> order = layer_columns_of(LayerTableOutput::Page, app.state, app.derived.results);
    auto rank = [&](LayerColumn c) {  // a custom network's groups, in this order
        if (!custom) return 0;
        return c == LayerColumn::Index ? 0 : c == LayerColumn::Name ? 1 : c == LayerColumn::Output ? 4
             : c == LayerColumn::Macs || c == LayerColumn::Flops || c == LayerColumn::Share || is_device_column(c) ? 3 : 5;
    };
    std::vector<ImGuiID> cols;
    for (int group = 0; group <= 5; ++group) {
        if (custom && group == 2)
            for (LayerField f : editable_fields(net)) cols.push_back(kFieldBase + static_cast<ImGuiID>(f));
        for (LayerColumn c : order)
            if (rank(c) == group) cols.push_back(static_cast<ImGuiID>(c));
    }
    return cols;
}

void setup_columns(const PageTable& t) {
    for (ImGuiID id : t.cols) {
        if (id >= kFieldBase) {
            ImGui::TableSetupColumn(field_info(static_cast<LayerField>(id - kFieldBase)).header, ImGuiTableColumnFlags_NoSort,
                                    em(3.4f), id);
            continue;
        }
        const LayerColumnInfo& c = layer_column(static_cast<LayerColumn>(id));
        ImGuiTableColumnFlags flags = 0;
        if (c.id == LayerColumn::Index) flags |= ImGuiTableColumnFlags_DefaultSort;
        if (c.id == LayerColumn::Index || c.id == LayerColumn::Name) flags |= ImGuiTableColumnFlags_NoHide;
        if (c.largest_first) flags |= ImGuiTableColumnFlags_PreferSortDescending;
        if (c.id == LayerColumn::Cached && !t.show_cached) flags |= ImGuiTableColumnFlags_DefaultHide;
        const float width = c.width_em + (t.exact ? c.exact_extra_em : 0) + (t.custom ? c.custom_extra_em : 0);
        ImGui::TableSetupColumn(c.title, flags, em(width), id);
    }
}

// The header row, with a tooltip on each header (not on the whole column).
void header_row(const PageTable& t) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int k = 0; k < static_cast<int>(t.cols.size()); ++k) {
        if (!ImGui::TableSetColumnIndex(k)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(k));
        const ImGuiID id = t.cols[static_cast<std::size_t>(k)];
        if (id >= kFieldBase) {
            item_help(field_info(static_cast<LayerField>(id - kFieldBase)).tooltip);
        } else if (id == static_cast<ImGuiID>(LayerColumn::Index) && t.custom) {
            item_help((std::string(layer_column(LayerColumn::Index).tooltip) + " Click a number to select the layer.").c_str());
        } else {
            item_help(layer_column(static_cast<LayerColumn>(id)).tooltip);
        }
    }
}

// The rows in the table's sort order, cached until the results or the sort change.
const std::vector<int>& sorted_rows(AppState& app, int n) {
    const Derived& d = app.derived;
    AppState::ViewCaches::LayerOrder& cache = app.caches.layer_order;
    int column = static_cast<int>(LayerColumn::Index);
    bool ascending = true;
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        column = static_cast<int>(specs->Specs[0].ColumnUserID);
        ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    }
    if (cache.generation != d.generation || cache.column != column || cache.ascending != ascending) {
        const LayerColumn by = column < kLayerColumnCount ? static_cast<LayerColumn>(column) : LayerColumn::Index;
        cache.order = sorted_order(d.rows, by, ascending);
        for (int i = static_cast<int>(d.rows.size()); i < n; ++i) cache.order.push_back(i);  // rows past an error
        cache.generation = d.generation;
        cache.column = column;
        cache.ascending = ascending;
    }
    return cache.order;
}

// The row number: on a custom network it selects the layer.
void index_cell(AppState& app, const PageTable& t, const LayerRow& row, float row_h, bool is_error) {
    const int i = row.index;
    const std::string num = layer_column(LayerColumn::Index).page(row, t.exact);
    if (t.custom) {
        if (ImGui::Selectable(num.c_str(), app.selected_layer == i,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap, ImVec2(0, row_h)))
            app.selected_layer = i;
    } else {
        ImGui::AlignTextToFramePadding();
        text_muted(num.c_str());
    }
    if (is_error) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(palette().bad_frame));
}

// One cell of a core column: the view's own widgets where it has them, else the core's text.
void column_cell(AppState& app, const PageTable& t, LayerColumn c, const LayerRow& row, double max_share) {
    const LayerColumnInfo& info = layer_column(c);
    if (c == LayerColumn::Name && t.custom) return name_cell(app, row.index);
    if (c == LayerColumn::Cached) return cached_cell(app, row.index, &row);
    ImGui::AlignTextToFramePadding();
    if (c == LayerColumn::Share) return share_cell(row.share, max_share);
    if (row.roofline) {  // the device's coloured columns, with the figures behind them in a tooltip
        if (c == LayerColumn::Bound) return layer_bound_cell(*row.roofline);
        if (c == LayerColumn::Verdict) return layer_verdict_cell(*row.roofline, app.derived.results.roofline.ridge);
    }
    const std::string text = info.page(row, t.exact);
    if (info.right) text_right(text.c_str());
    else ImGui::TextUnformatted(text.c_str());
    if (c == LayerColumn::Time && row.roofline) layer_time_help(*row.roofline);
}

// One layer's row. Past the layer where the network stops computing, only the columns read from the
// layer itself have values; the first of the others says why.
void layer_row(AppState& app, const PageTable& t, int i, float row_h, double max_share, bool scroll_here) {
    const Derived& d = app.derived;
    const bool evaluated = i < static_cast<int>(d.rows.size());
    LayerRow past_error;
    const LayerRow& row = evaluated ? d.rows[static_cast<std::size_t>(i)]
                                    : (past_error = unevaluated_row(t.net.layers[static_cast<std::size_t>(i)], i));
    const bool is_error = !d.results.evaluation.ok() && d.results.evaluation.error_layer == i;
    ImGui::TableNextRow(0, row_h);
    if (scroll_here) ImGui::SetScrollHereY(0.5f);
    if (!t.custom && app.selected_layer == i)  // picked on the roofline chart (a custom row is a Selectable)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(palette().accent_soft));
    ImGui::PushID(i);
    bool error_shown = false;
    for (int k = 0; k < static_cast<int>(t.cols.size()); ++k) {
        if (!ImGui::TableSetColumnIndex(k)) continue;
        const ImGuiID id = t.cols[static_cast<std::size_t>(k)];
        if (id >= kFieldBase) {
            ImGui::PushID(static_cast<int>(id));
            field_cell(app, i, static_cast<LayerField>(id - kFieldBase));
            ImGui::PopID();
            continue;
        }
        const LayerColumn c = static_cast<LayerColumn>(id);
        if (c == LayerColumn::Index) {
            index_cell(app, t, row, row_h, is_error);
        } else if (evaluated || layer_column(c).from_layer) {
            column_cell(app, t, c, row, max_share);
        } else {
            ImGui::AlignTextToFramePadding();
            text_colored(palette().warn, is_error && !error_shown ? "error" : "–");
            if (is_error && !error_shown) item_help(d.results.evaluation.error.c_str());
            error_shown = true;
        }
    }
    ImGui::PopID();
}

} // namespace

void draw_layers(AppState& app) {
    draw_toolbar(app);
    const Derived& d = app.derived;
    const State& s = app.state;
    const bool custom = s.model == kCustomModel;
    const Network& net = custom ? s.custom : d.results.network;
    const int n = static_cast<int>(net.layers.size());
    const bool show_cached = s.scenario_enabled && mode_info(s.scenario.mode).caches_channels && d.results.scenario.ok();
    const PageTable t{net, custom, s.view.exact, show_cached, page_columns(app, custom, net)};

    const int messages = pending_layer_messages(app);
    const float footer = messages > 0 ? (ImGui::GetTextLineHeightWithSpacing() * 2.2f) * static_cast<float>(std::min(messages, 3)) : 0.0f;
    const ImVec2 outer(0, std::max(ImGui::GetContentRegionAvail().y - footer, em(10)));
    const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Hideable;
    // The device's columns come and go with the device: a table of their own keeps each set's widths and order.
    const bool timed = std::any_of(t.cols.begin(), t.cols.end(), [](ImGuiID id) { return id == ImGuiID(LayerColumn::Time); });
    const char* table_id = custom ? (timed ? "layers_custom_time" : "layers_custom") : (timed ? "layers_time" : "layers");
    if (!ImGui::BeginTable(table_id, static_cast<int>(t.cols.size()), flags, outer)) return;
    ImGui::TableSetupScrollFreeze(2, 1);
    setup_columns(t);
    header_row(t);

    const std::vector<int>& order = sorted_rows(app, n);
    double max_share = 0;
    for (const LayerRow& r : d.rows) max_share = std::max(max_share, r.share);
    const float row_h = ImGui::GetFrameHeight();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(order.size()), row_h + ImGui::GetStyle().CellPadding.y * 2);
    // A layer selected elsewhere (a roofline dot) is drawn, and scrolled to, once.
    int scroll_to = -1;
    if (app.scroll_to_selected) {
        const auto at = std::find(order.begin(), order.end(), app.selected_layer);
        if (at != order.end()) {
            scroll_to = static_cast<int>(at - order.begin());
            clipper.IncludeItemByIndex(scroll_to);
        }
        app.scroll_to_selected = false;
    }
    while (clipper.Step())
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k)
            if (const int i = order[static_cast<std::size_t>(k)]; i < n) layer_row(app, t, i, row_h, max_share, k == scroll_to);
    ImGui::EndTable();
    if (messages > 0) draw_pending_messages(app);
}

} // namespace flopscope::app
