// Flopscope app — the model panel: a searchable picker of the built-in networks grouped by family (one-line
// description, MACs and parameters), the input resolution, custom networks (from scratch or from any
// built-in), the totals and the counting convention.
#include "app/widgets.h"
#include "core/conventions.h"
#include "core/zoo_table.h"

#include <algorithm>
#include <cctype>

namespace flopscope::app {

namespace {

bool contains_ci(const std::string& haystack, const char* needle) {
    const std::string n = needle;
    if (n.empty()) return true;
    auto it = std::search(haystack.begin(), haystack.end(), n.begin(), n.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != haystack.end();
}

} // namespace

bool model_matches(const ModelInfo& m, const char* filter) {
    return contains_ci(m.name, filter) || contains_ci(m.family, filter) || contains_ci(m.description, filter);
}

void choose_model(AppState& app, const ModelInfo& m) {
    State next = app.state;
    next.model = m.name;
    // The model's own evaluation crop (299 for inception_v3), unless the user chose another resolution.
    input_for_model(find_model(app.state.model), m, next.input_h, next.input_w);
    next.input_c = 3;
    // Per-layer settings belong to the old network's layers.
    next.scenario.overrides.clear();
    next.scenario.eligible_first = 0;
    next.scenario.eligible_last = -1;
    app.pending.clear();
    app.selected_layer = -1;
    app.edit(std::move(next));
}

namespace {

// One entry of the picker: name and numbers on the first line, the description under it.
bool model_entry(const ZooEntry& e, bool selected) {
    const float line = ImGui::GetTextLineHeight();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushID(e.info->name);
    const bool clicked = ImGui::Selectable("##entry", selected, 0, ImVec2(0, line * 2 + style.ItemSpacing.y * 0.5f));
    track_item(std::string("model:") + e.info->name);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddText(min, text, e.info->name);
    if (e.macs > 0) {
        const std::string numbers = format_cost(e.macs, "MACs", false, 2) + " · " + format_amount(e.params, false, 1) + " params";
        const float w = ImGui::CalcTextSize(numbers.c_str()).x;
        dl->AddText(ImVec2(max.x - w, min.y), muted, numbers.c_str());
    }
    const ImVec4 clip(min.x, min.y, max.x, max.y);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(min.x, min.y + line), muted, e.info->description,
                nullptr, 0.0f, &clip);
    ImGui::PopID();
    return clicked;
}

void draw_picker(AppState& app) {
    const State& s = app.state;
    const bool custom = s.model == kCustomModel;
    const std::string preview = custom ? "custom network (" + std::to_string(s.custom.layers.size()) + " layers)" : s.model;
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::SetNextWindowSizeConstraints(ImVec2(em(24), 0), ImVec2(em(34), em(26)));
    const bool open = ImGui::BeginCombo("##model", preview.c_str(), ImGuiComboFlags_HeightLargest);
    track_item("model picker");
    if (open) {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##filter", "Search models (name, family, description)", app.model_filter,
                                 sizeof app.model_filter);
        const char* family = nullptr;
        int shown = 0;
        for (const ZooEntry& e : app.zoo_catalogue()) {
            const ModelInfo& m = *e.info;
            if (!model_matches(m, app.model_filter)) continue;
            if (!family || std::string(family) != m.family) {
                family = m.family;
                ImGui::SeparatorText(family);
            }
            if (model_entry(e, s.model == m.name)) {
                choose_model(app, m);
                ImGui::CloseCurrentPopup();
            }
            ++shown;
        }
        if (shown == 0) text_muted("No model matches.");
        ImGui::EndCombo();
    }
    item_help("The network to count. MACs and parameters are at the model's default resolution.");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (custom) paragraph("Your own layers: edit them in the Layers table (add, duplicate, delete, reorder).");
    else if (const ModelInfo* m = find_model(s.model)) paragraph(m->description);
    ImGui::PopStyleColor();
}

void draw_resolution(AppState& app) {
    State& s = app.state;
    const bool custom = s.model == kCustomModel;
    if (!begin_params("resolution")) return;
    param_label("Input H × W", "The input image's height and width in pixels (batch 1). Every layer's output "
                               "size follows from it.");
    const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - spacing - ImGui::CalcTextSize("×").x - spacing) * 0.5f;
    std::int64_t h = s.input_h, wv = s.input_w;
    if (int_input(app, "input.h", "##in_h", s.input_h, &h, w)) {
        State next = s;
        next.input_h = h;
        if (s.input_h == s.input_w) next.input_w = h;  // square inputs stay square
        app.edit(std::move(next), "input.h", std::to_string(h));
    }
    ImGui::SameLine(0, spacing);
    ImGui::TextUnformatted("×");
    ImGui::SameLine(0, spacing);
    if (int_input(app, "input.w", "##in_w", s.input_w, &wv, w)) {
        State next = s;
        next.input_w = wv;
        app.edit(std::move(next), "input.w", std::to_string(wv));
    }
    if (custom) {
        param_label("Input channels", "C of the network's input tensor (3 for RGB).");
        std::int64_t c = s.input_c;
        if (int_input(app, "input.c", "##in_c", s.input_c, &c, -FLT_MIN)) {
            State next = s;
            next.input_c = c;
            app.edit(std::move(next), "input.c", std::to_string(c));
        }
    }
    end_params();
    for (const char* k : {"input.h", "input.w", "input.c"})
        if (const PendingEdit* p = app.pending_for(k)) text_wrapped_colored(palette().warn, p->message.c_str());
}

void draw_custom_buttons(AppState& app) {
    const State& s = app.state;
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (s.model != kCustomModel) {
        const bool copy = ImGui::Button("Edit a copy", ImVec2(half, 0));
        track_item("Edit a copy");
        if (copy) {
            State next = s;
            next.custom = app.derived.results.network;
            next.custom.name = kCustomModel;
            next.model = kCustomModel;
            if (app.edit(std::move(next))) app.request_tab = Tab::Layers;
        }
        item_help("Start a custom network from this one: every layer becomes editable in the Layers table.");
    } else {
        if (ImGui::Button("Edit layers", ImVec2(half, 0))) app.request_tab = Tab::Layers;
        item_help("Open the Layers table, where every field of a layer is editable.");
    }
    ImGui::SameLine();
    const bool scratch = ImGui::Button("New from scratch", ImVec2(-FLT_MIN, 0));
    track_item("New from scratch");
    if (scratch) {
        State next = s;
        next.model = kCustomModel;
        next.custom = scratch_network(Shape{s.input_c, s.input_h, s.input_w});
        next.scenario.overrides.clear();
        next.scenario.eligible_first = 0;
        next.scenario.eligible_last = -1;
        app.pending.clear();
        if (app.edit(std::move(next))) app.request_tab = Tab::Layers;
    }
    item_help("A custom network with a single 3×3 convolution, to build up layer by layer.");
}

void draw_totals(AppState& app) {
    const Derived& d = app.derived;
    if (!d.results.evaluation.ok() && d.results.evaluation.layers.empty()) return;
    const Totals& t = d.results.evaluation.totals;
    const bool exact = app.state.view.exact;
    if (!begin_params("totals")) return;
    auto row = [](const char* label, const std::string& value, const char* tip) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text_muted(label);
        item_help(tip);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(value.c_str());
    };
    row("MACs", format_cost(static_cast<double>(t.macs.value), "MACs", exact),
        "Multiply-accumulates under the counting convention.");
    row("FLOPs", format_cost(static_cast<double>(t.flops.value), "FLOPs", exact),
        "Floating-point operations under the counting convention (FLOPs = 2 × MACs by default).");
    row("Parameters", format_amount(static_cast<double>(t.params.value), exact), "Learnable parameters.");
    std::string note;
    if (import_note(app, note))
        row("", note, "The exporter folded each batch norm into the convolution before it: the file has no BN "
                      "scale and shift, and each such conv gained a bias. The count is the file's, not the framework's.");
    row("Activations", format_bytes(activation_bytes(t.activation_elements.value)),
        "Σ of every layer's output tensor at FP32 (batch 1).");
    end_params();
}

void draw_counting(AppState& app) {
    const std::string header = "Counting convention: " + app.state.convention + "###counting";
    if (!ImGui::CollapsingHeader(header.c_str())) return;
    Counting c = app.state.counting;
    bool changed = false;
    // A peer counter's convention sets every switch at once ("why does tool X say something else?").
    const Convention* current = find_convention(app.state.convention);
    if (current && !(current->counting == c)) current = nullptr;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::BeginCombo("##convention", current ? current->name : "custom (switches below)")) {
        for (const Convention& conv : conventions()) {
            if (ImGui::Selectable(conv.name, &conv == current)) {
                State next = app.state;
                next.counting = conv.counting;
                next.convention = conv.name;
                app.edit(std::move(next));
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n\nSource: %s", conv.rule, conv.source);
        }
        ImGui::EndCombo();
    }
    item_help("Count as a widely used FLOP counter does. About the counting shows this network under every one.");
    for (const OpClassInfo& oc : kOpClasses) {
        changed |= ImGui::Checkbox(oc.label, &(c.*oc.flag));
        if (oc.label_help) item_help(oc.label_help);
    }
    static const char* fpm[] = {"FLOPs = 2 × MACs", "FLOPs = MACs"};
    int which = c.flops_per_mac == 1 ? 1 : 0;
    if (segmented("fpm", fpm, 2, &which, ImGui::GetContentRegionAvail().x)) {
        c.flops_per_mac = which == 1 ? 1 : 2;
        changed = true;
    }
    if (changed) {
        State next = app.state;
        next.counting = c;
        next.convention = "custom";
        for (const Convention& conv : conventions())
            if (conv.counting == c) next.convention = conv.name;
        app.edit(std::move(next));
    }
    if (!(c == Counting{}) && ImGui::SmallButton("Back to torchvision's convention")) {
        State next = app.state;
        next.counting = Counting{};
        next.convention = "torchvision";
        app.edit(std::move(next));
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    paragraph(describe(app.state.counting).c_str());
    ImGui::PopStyleColor();
}

} // namespace

void draw_model_panel(AppState& app) {
    section("Network");
    draw_picker(app);
    draw_resolution(app);
    draw_custom_buttons(app);
    draw_import(app);
    draw_save_scenario(app);
    ImGui::Spacing();
    draw_totals(app);
    draw_counting(app);
}

} // namespace flopscope::app
