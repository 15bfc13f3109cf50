// Flopscope app — the Zoo tab: every built-in model side by side at one resolution (each one's default
// crop, or one H × W) under the current counting convention, from the core's zoo_table(). A sortable,
// filterable table (click a model to open it, one click to make it the student) and a scatter chart of
// MACs against parameters on log axes.
//
// [SECTION] The table the tab shows (computed once per resolution and convention)
// [SECTION] Controls
// [SECTION] Table
// [SECTION] Scatter chart
// [SECTION] The Zoo tab
#include "app/widgets.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

namespace flopscope::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] The table the tab shows (computed once per resolution and convention)
//-----------------------------------------------------------------------------

enum ZooColumn : ImGuiID { kModel, kFamily, kInput, kMacs, kFlops, kParams, kActivations, kDepth, kStudent };

// Recomputes the table when its key (resolution, counting) changed since it was computed.
void ensure_table(ZooView& z, const Counting& counting) {
    const std::int64_t h = z.default_crop ? kDefaultCrop : z.height, w = z.default_crop ? kDefaultCrop : z.width;
    if (z.table && z.table->height == h && z.table->width == w && z.table->counting == counting) return;
    const auto start = std::chrono::steady_clock::now();
    z.table = zoo_table(h, w, counting);
    z.compute_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (z.families.empty())
        for (const ModelInfo& m : model_zoo())
            if (std::find(z.families.begin(), z.families.end(), m.family) == z.families.end()) z.families.push_back(m.family);
    z.order_dirty = true;
}

// The value a numeric column sorts by.
std::uint64_t sort_value(const ZooRow& r, ImGuiID column) {
    switch (column) {
    case kMacs: return r.macs.value;
    case kFlops: return r.flops.value;
    case kParams: return r.params.value;
    case kActivations: return r.activation_bytes.value;
    case kDepth: return static_cast<std::uint64_t>(r.depth);
    case kInput: return static_cast<std::uint64_t>(r.height) * static_cast<std::uint64_t>(r.width);
    default: return 0;
    }
}

// The rows the filters let through, sorted by `column` (models that refuse the input last, by name).
void update_order(ZooView& z, ImGuiID column, bool ascending) {
    const std::vector<ZooRow>& rows = z.table->rows;
    z.order.clear();
    const char* family = z.family >= 0 && z.family < static_cast<int>(z.families.size()) ? z.families[z.family].c_str() : nullptr;
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const ModelInfo& m = *rows[i].model;
        if (family && std::strcmp(family, m.family) != 0) continue;
        if (!model_matches(m, z.search)) continue;
        z.order.push_back(i);
    }
    std::stable_sort(z.order.begin(), z.order.end(), [&](int a, int b) {
        const ZooRow& ra = rows[a];
        const ZooRow& rb = rows[b];
        if (ra.ok() != rb.ok()) return ra.ok();
        int c = 0;
        if (column == kModel || !ra.ok()) c = std::strcmp(ra.model->name, rb.model->name);
        else if (column == kFamily) c = std::strcmp(ra.model->family, rb.model->family);
        else {
            const std::uint64_t va = sort_value(ra, column), vb = sort_value(rb, column);
            c = va < vb ? -1 : va > vb ? 1 : 0;
        }
        if (!ra.ok()) return c < 0;
        return ascending ? c < 0 : c > 0;
    });
    z.order_dirty = false;
}

//-----------------------------------------------------------------------------
// [SECTION] Controls
//-----------------------------------------------------------------------------

void draw_controls(AppState& app) {
    ZooView& z = app.zoo_view;
    static const char* kResolutions[] = {"each model's default crop", "one input H × W"};
    int which = z.default_crop ? 0 : 1;
    ImGui::AlignTextToFramePadding();
    text_muted("Resolution");
    ImGui::SameLine();
    if (segmented("zoo_resolution", kResolutions, 2, &which, em(22))) z.default_crop = which == 0;
    item_help("Each model at the crop its weights are evaluated at (299 for inception_v3), or every model at one "
              "input. A model that refuses the input says why.");
    if (!z.default_crop) {
        ImGui::SameLine();
        std::int64_t v = z.height;
        if (int_input(app, "zoo.h", "##zoo_h", z.height, &v, em(4))) z.height = std::clamp<std::int64_t>(v, 1, kMaxSpatial);
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::TextUnformatted("×");
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        v = z.width;
        if (int_input(app, "zoo.w", "##zoo_w", z.width, &v, em(4))) z.width = std::clamp<std::int64_t>(v, 1, kMaxSpatial);
    }

    ImGui::SetNextItemWidth(em(10));
    const char* preview = z.family >= 0 ? z.families[z.family].c_str() : "All families";
    if (ImGui::BeginCombo("##zoo_family", preview, ImGuiComboFlags_HeightLargest)) {
        if (ImGui::Selectable("All families", z.family < 0)) z.family = -1, z.order_dirty = true;
        for (int i = 0; i < static_cast<int>(z.families.size()); ++i) {
            if (ImGui::Selectable(z.families[i].c_str(), z.family == i)) z.family = i, z.order_dirty = true;
            track_item("zoo-family:" + z.families[i]);
        }
        ImGui::EndCombo();
    }
    track_item("zoo family");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(14));
    if (ImGui::InputTextWithHint("##zoo_search", "Search (name, family, description)", z.search, sizeof z.search))
        z.order_dirty = true;
    track_item("zoo search");
    ImGui::SameLine();
    const std::string counting = "Counting: " + app.state.convention;
    text_muted(counting.c_str());
    item_help(describe(app.state.counting).c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Table
//-----------------------------------------------------------------------------

// Makes `name` the scenario's student (the scenario turns on when it was off).
void use_as_student(AppState& app, const char* name) {
    State next = app.state;
    next.scenario_enabled = true;
    next.scenario.student_kind = StudentKind::Model;
    next.scenario.student_model = name;
    const ScenarioPreset* p = matching_preset(next.scenario);
    next.scenario.name = p ? p->name : "custom";
    app.edit_or_explain(std::move(next), std::string("use ") + name + " as the student");
}

void draw_table(AppState& app, float height) {
    ZooView& z = app.zoo_view;
    const std::vector<ZooRow>& rows = z.table->rows;
    const bool exact = app.state.view.exact;
    const bool student_applies = mode_info(app.state.scenario.mode).has_student;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("zoo", 9, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(2, 1);
    const ImGuiTableColumnFlags big = ImGuiTableColumnFlags_PreferSortDescending;
    ImGui::TableSetupColumn("Model", ImGuiTableColumnFlags_NoHide, em(10), kModel);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort, em(5), kStudent);
    ImGui::TableSetupColumn("Family", 0, em(6), kFamily);
    ImGui::TableSetupColumn("Input", 0, em(4.5f), kInput);
    ImGui::TableSetupColumn("MACs", big | ImGuiTableColumnFlags_DefaultSort, em(exact ? 9 : 5.5f), kMacs);
    ImGui::TableSetupColumn("FLOPs", big, em(exact ? 9 : 5.5f), kFlops);
    ImGui::TableSetupColumn("Params", big, em(exact ? 7 : 5), kParams);
    ImGui::TableSetupColumn("Activations", big, em(6), kActivations);
    ImGui::TableSetupColumn("Depth", big, em(3.5f), kDepth);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    static const char* kTips[] = {"Click a model to open it in the calculator.",
                                  "Make the model the caching scenario's student.", nullptr, "Input height × width.",
                                  "Multiply-accumulates under the counting convention.",
                                  "Floating-point operations under the counting convention.", "Learnable parameters.",
                                  "Σ of every layer's output tensor at FP32 (batch 1).",
                                  "Weight layers: convolutions and linear layers."};
    for (int c = 0; c < 9; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* title = ImGui::TableGetColumnName(c);
        ImGui::TableHeader(title);
        if (*title) track_item(std::string("zoo-head:") + title);
        if (kTips[c]) item_help(kTips[c]);
    }

    ImGuiID column = kMacs;
    bool ascending = false;
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        column = specs->Specs[0].ColumnUserID;
        ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
        if (specs->SpecsDirty) z.order_dirty = true, specs->SpecsDirty = false;
    }
    if (z.order_dirty) update_order(z, column, ascending);

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(z.order.size()));
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const ZooRow& r = rows[z.order[k]];
            const ModelInfo& m = *r.model;
            ImGui::PushID(m.name);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(m.name, app.state.model == m.name)) choose_model(app, m);
            track_item(std::string("zoo:") + m.name);
            item_help(m.description);
            ImGui::TableNextColumn();
            const bool is_student = app.state.scenario_enabled && app.state.scenario.student_kind == StudentKind::Model &&
                                    app.state.scenario.student_model == m.name;
            ImGui::BeginDisabled(!student_applies || is_student);
            if (ImGui::SmallButton(is_student ? "student" : "as student")) use_as_student(app, m.name);
            ImGui::EndDisabled();
            track_item(std::string("zoo-student:") + m.name);
            if (!student_applies) item_help("The result-cache mode has no student: choose partial reuse or a cascade.");
            else item_help(is_student ? "The scenario's student." : "Make this model the scenario's student (at the network's input).");
            ImGui::TableNextColumn();
            text_muted(m.family);
            ImGui::TableNextColumn();
            ImGui::Text("%lld×%lld", static_cast<long long>(r.height), static_cast<long long>(r.width));
            ImGui::TableNextColumn();
            if (!r.ok()) {
                text_colored(palette().warn, "refuses this input");
                item_help(r.error.c_str());
            } else {
                ImGui::TextUnformatted(format_cost(static_cast<double>(r.macs.value), "", exact, 2).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_cost(static_cast<double>(r.flops.value), "", exact, 2).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_amount(static_cast<double>(r.params.value), exact, 2).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_bytes(static_cast<double>(r.activation_bytes.value)).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%lld", static_cast<long long>(r.depth));
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

//-----------------------------------------------------------------------------
// [SECTION] Scatter chart
//-----------------------------------------------------------------------------

ImU32 col(const ImVec4& c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

// MACs against parameters, both on log axes (decades), one labelled dot per shown model. Labels go
// right of their dot when they overlap no label placed before (larger models first); hovering a dot
// shows its numbers and full name, clicking it opens the model.
void draw_scatter(AppState& app, ImVec2 size) {
    ZooView& z = app.zoo_view;
    const std::vector<ZooRow>& rows = z.table->rows;
    std::vector<int> shown;
    for (int i : z.order)
        if (rows[i].ok() && rows[i].macs.value > 0 && rows[i].params.value > 0) shown.push_back(i);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("zoo_scatter", size);
    track_item("zoo scatter");
    if (shown.empty()) return;
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked();

    double x0 = 1e300, x1 = 0, y0 = 1e300, y1 = 0;
    for (int i : shown) {
        x0 = std::min(x0, std::log10(static_cast<double>(rows[i].params.value)));
        x1 = std::max(x1, std::log10(static_cast<double>(rows[i].params.value)));
        y0 = std::min(y0, std::log10(static_cast<double>(rows[i].macs.value)));
        y1 = std::max(y1, std::log10(static_cast<double>(rows[i].macs.value)));
    }
    x0 = std::floor(x0 * 4) / 4, x1 = std::max(x0 + 0.5, std::ceil(x1 * 4) / 4);
    y0 = std::floor(y0 * 4) / 4, y1 = std::max(y0 + 0.5, std::ceil(y1 * 4) / 4);
    const ImVec2 min(origin.x + em(3.5f), origin.y + em(1.5f));
    const ImVec2 max(origin.x + size.x - em(1), origin.y + size.y - em(2.5f));
    auto px = [&](double lx) { return min.x + static_cast<float>((lx - x0) / (x1 - x0)) * (max.x - min.x); };
    auto py = [&](double ly) { return max.y - static_cast<float>((ly - y0) / (y1 - y0)) * (max.y - min.y); };

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette();
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddRectFilled(min, max, col(pal.card));
    for (double d = std::ceil(x0); d <= x1; d += 1) {  // decades of parameters
        dl->AddLine(ImVec2(px(d), min.y), ImVec2(px(d), max.y), col(pal.grid));
        const std::string label = format_amount(std::pow(10.0, d), false, 0);
        dl->AddText(ImVec2(px(d) - ImGui::CalcTextSize(label.c_str()).x * 0.5f, max.y + em(0.2f)), muted, label.c_str());
    }
    for (double d = std::ceil(y0); d <= y1; d += 1) {  // decades of MACs
        dl->AddLine(ImVec2(min.x, py(d)), ImVec2(max.x, py(d)), col(pal.grid));
        const std::string label = format_cost(std::pow(10.0, d), "", false, 0);
        const ImVec2 sz = ImGui::CalcTextSize(label.c_str());
        dl->AddText(ImVec2(min.x - sz.x - em(0.3f), py(d) - sz.y * 0.5f), muted, label.c_str());
    }
    dl->AddText(ImVec2(max.x - ImGui::CalcTextSize("parameters (log)").x, max.y + em(1.2f)), muted, "parameters (log)");
    dl->AddText(ImVec2(origin.x, origin.y), muted, "MACs (log)");

    // Dots, the hovered one found on the way; labels placed greedily from the largest model down.
    const float radius = em(0.22f);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hover = -1;
    float best = em(0.6f) * em(0.6f);
    std::vector<ImVec2> pos(rows.size());
    for (int i : shown) {
        pos[i] = ImVec2(px(std::log10(static_cast<double>(rows[i].params.value))),
                        py(std::log10(static_cast<double>(rows[i].macs.value))));
        const float dx = pos[i].x - mouse.x, dy = pos[i].y - mouse.y;
        if (hovered && dx * dx + dy * dy < best) best = dx * dx + dy * dy, hover = i;
    }
    std::vector<int> by_size = shown;
    std::sort(by_size.begin(), by_size.end(), [&](int a, int b) { return rows[a].macs.value > rows[b].macs.value; });
    std::vector<ImVec4> placed;  // label rectangles (x0, y0, x1, y1)
    for (int i : shown) placed.push_back(ImVec4(pos[i].x - radius, pos[i].y - radius, pos[i].x + radius, pos[i].y + radius));
    const std::size_t dots = placed.size();
    for (int i : by_size) {
        const ImVec2 sz = ImGui::CalcTextSize(rows[i].model->name);
        for (float side : {1.0f, -1.0f}) {  // right of the dot, else left of it
            const float lx = side > 0 ? pos[i].x + radius * 2 : pos[i].x - radius * 2 - sz.x;
            const ImVec4 r(lx, pos[i].y - sz.y * 0.5f, lx + sz.x, pos[i].y + sz.y * 0.5f);
            if (r.x < min.x || r.z > max.x || r.y < min.y - em(1) || r.w > max.y) continue;  // may use the top margin
            bool overlaps = false;
            for (std::size_t k = 0; k < placed.size() && !overlaps; ++k) {
                const ImVec4& o = placed[k];
                if (k < dots && rows[shown[k]].model == rows[i].model) continue;  // its own dot
                overlaps = r.x < o.z && o.x < r.z && r.y < o.w && o.y < r.w;
            }
            if (overlaps) continue;
            placed.push_back(r);
            dl->AddText(ImVec2(r.x, r.y), muted, rows[i].model->name);
            break;
        }
    }
    for (int i : shown) {
        const bool current = app.state.model == rows[i].model->name;
        dl->AddCircleFilled(pos[i], i == hover ? radius * 1.8f : radius, col(current ? pal.accent : pal.baseline));
    }
    if (hover >= 0) {
        const ZooRow& r = rows[hover];
        dl->AddCircle(pos[hover], radius * 2.6f, text);
        const bool exact = app.state.view.exact;
        ImGui::SetTooltip("%s (%s)\n%s\nInput %lld×%lld\nMACs %s\nFLOPs %s\nParameters %s\nActivations %s\nDepth %lld\n\nClick to open it.",
                          r.model->name, r.model->family, r.model->description, static_cast<long long>(r.height),
                          static_cast<long long>(r.width), format_cost(static_cast<double>(r.macs.value), "", exact, 3).c_str(),
                          format_cost(static_cast<double>(r.flops.value), "", exact, 3).c_str(),
                          format_amount(static_cast<double>(r.params.value), exact, 2).c_str(),
                          format_bytes(static_cast<double>(r.activation_bytes.value)).c_str(), static_cast<long long>(r.depth));
        if (clicked) choose_model(app, *r.model);
    }
    (void)text;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] The Zoo tab
//-----------------------------------------------------------------------------

void draw_zoo(AppState& app) {
    ZooView& z = app.zoo_view;
    ImGui::BeginChild("zoo_tab", ImVec2(0, 0));
    draw_controls(app);
    ensure_table(z, app.state.counting);
    std::size_t refused = 0;
    for (const ZooRow& r : z.table->rows) refused += r.ok() ? 0 : 1;
    const std::string summary = std::to_string(z.table->rows.size()) + " models" +
                                (refused ? ", " + std::to_string(refused) + " refuse this input" : std::string()) +
                                ". Click a model to open it.";
    text_muted(summary.c_str());
    char timing[64];
    std::snprintf(timing, sizeof timing, "Computed in %.1f ms.", z.compute_ms);
    item_help(timing);
    const float avail = ImGui::GetContentRegionAvail().y;
    draw_table(app, std::max(em(12), avail * 0.5f));
    ImGui::Spacing();
    draw_scatter(app, ImVec2(ImGui::GetContentRegionAvail().x, std::max(em(16), ImGui::GetContentRegionAvail().y - em(0.5f))));
    ImGui::EndChild();
}

} // namespace flopscope::app
