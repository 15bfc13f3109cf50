// Flopscope app — scenarios side by side: the three presets (the seed notebook's three sections) and the
// current custom scenario, on the current network, with a button to switch to any of them.
#include "core/compare_table.h"
#include "app/widgets.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace flopscope::app {

namespace {

// The widest single word of `text`: a wrapped label needs at least that much room, or ImGui breaks the
// word itself ("truncatio" / "n").
float widest_word(const char* text) {
    float most = 0;
    for (const char* w = text; *w != '\0';) {
        while (*w == ' ') ++w;
        const char* e = w;
        while (*e != '\0' && *e != ' ') ++e;
        if (e > w) most = std::max(most, ImGui::CalcTextSize(w, e).x);
        w = e;
    }
    return most;
}

// A button to use a scenario, or "in use" for the current one.
void use_button(AppState& app, const CompareColumn& c, float width) {
    if (c.current) {
        ImGui::AlignTextToFramePadding();
        text_muted("in use");
        return;
    }
    const bool use = ImGui::Button("Use", ImVec2(width, 0));
    track_item(std::string("use:") + c.title);
    if (use) {
        State next = app.state;
        next.scenario = *c.scenario;
        next.scenario_enabled = true;
        app.edit(std::move(next));
    }
}

// Too narrow for the scenarios side by side (a phone): one block per scenario, its name and what it
// is over the whole width, then its rows as "name | value", at the widest number width that fits.
void draw_compare_stacked(AppState& app, const CompareTable (&tables)[std::size(kNumberWidths)], float name_w) {
    const Palette& pal = palette();
    const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
    const float value_room = ImGui::GetContentRegionAvail().x - name_w - pad * 2.0f;
    const CompareTable* fitted = &tables[0];
    for (const CompareTable& t : tables) {
        fitted = &t;
        float most = 0;
        for (const CompareRow& r : t.rows)
            for (const CompareCell& cell : r.cells) most = std::max(most, text_width(cell.text));
        if (most <= value_room) break;
    }
    const std::vector<CompareColumn>& cols = fitted->columns;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const CompareColumn& c = cols[i];
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) ImGui::Spacing();
        text_colored(c.current ? pal.accent : ImGui::GetStyleColorVec4(ImGuiCol_Text), c.title);
        track_item(std::string("compare:") + c.title);
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        paragraph(c.label);
        ImGui::PopStyleColor();
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                      ImGuiTableFlags_NoSavedSettings | ImGuiTableFlags_PadOuterX |
                                      ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("stacked", 2, flags)) {
            ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, name_w);
            ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
            for (const CompareRow& r : fitted->rows) {
                ImGui::TableNextRow();
                if (c.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(pal.accent_soft));
                ImGui::TableNextColumn();
                paragraph(r.name.c_str());
                item_help(r.tooltip.c_str());
                ImGui::TableNextColumn();
                const CompareCell& cell = r.cells[i];
                text_right(cell.text.c_str(), cell.saving ? (cell.negative ? &pal.warn : &pal.good) : nullptr);
            }
            ImGui::EndTable();
        }
        use_button(app, c, em(6));
        ImGui::PopID();
    }
}

} // namespace

void draw_compare(AppState& app) {
    const Derived& d = app.derived;
    const State& s = app.state;
    if (d.curves.presets.empty() || !d.results.evaluation.ok()) {
        text_muted("The comparison needs a valid network.");
        return;
    }
    const Palette& pal = palette();
    // The rows and every cell's text come from compare_table (the text mirror reads the same), at one
    // number width for the whole table: the widest whose values fit the columns the room allows.
    CompareTable tables[std::size(kNumberWidths)];
    for (std::size_t i = 0; i < std::size(kNumberWidths); ++i) tables[i] = compare_table(s, d.results, d.curves, kNumberWidths[i]);
    const std::vector<CompareColumn>& cols = tables[0].columns;
    const std::vector<CompareRow>& rows = tables[0].rows;

    // Fit: row names take the room they need up to ~40 % (longer ones wrap); the value columns share the
    // rest. Numbers get shorter until they fit; when even the shortest (or a word of a scenario's
    // description) don't, the scenarios are stacked instead of side by side.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
    float name_w = text_width("per inference");
    for (const CompareRow& r : rows) name_w = std::max(name_w, text_width(r.name));
    name_w = std::min(name_w, std::max(em(6.5f), avail * 0.4f));
    const float value_room = (avail - name_w - pad * static_cast<float>(cols.size() + 1)) / static_cast<float>(cols.size());
    auto needed = [&](const CompareTable& t) {
        float most = em(3.5f);  // room for the "Use" button
        for (const CompareColumn& c : t.columns) most = std::max({most, text_width(c.title), widest_word(c.label)});
        for (const CompareRow& r : t.rows)
            for (const CompareCell& cell : r.cells) most = std::max(most, text_width(cell.text));
        return most;
    };
    const CompareTable* fitted = &tables[0];
    float value_w = 0;
    for (const CompareTable& t : tables) {
        fitted = &t;
        value_w = needed(t);
        if (value_w <= value_room) break;
    }
    if (value_w > value_room) {
        draw_compare_stacked(app, tables, name_w);
        return;
    }

    const int ncols = static_cast<int>(cols.size()) + 1;
    ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_NoSavedSettings |
                            ImGuiTableFlags_PadOuterX;
    flags |= ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("compare", ncols, flags)) return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, name_w);
    for (const CompareColumn& c : cols)
        ImGui::TableSetupColumn(c.title, ImGuiTableColumnFlags_WidthStretch, 1.0f);

    // Header: the scenario names, what each really is, and a button to use it.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    text_muted("per inference");
    for (const CompareColumn& c : cols) {
        ImGui::TableNextColumn();
        if (c.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(pal.accent_soft));
        text_colored(c.current ? pal.accent : ImGui::GetStyleColorVec4(ImGuiCol_Text), c.title);
        track_item(std::string("compare:") + c.title);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(c.label);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }

    for (const CompareRow& r : fitted->rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(r.name.c_str());
        ImGui::PopTextWrapPos();
        item_help(r.tooltip.c_str());
        for (std::size_t i = 0; i < cols.size(); ++i) {
            ImGui::TableNextColumn();
            if (cols[i].current) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(pal.accent_soft));
            const CompareCell& cell = r.cells[i];
            text_right(cell.text.c_str(), cell.saving ? (cell.negative ? &pal.warn : &pal.good) : nullptr);
        }
    }

    // Buttons to switch scenarios.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    for (std::size_t i = 0; i < cols.size(); ++i) {
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        use_button(app, cols[i], -FLT_MIN);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace flopscope::app
