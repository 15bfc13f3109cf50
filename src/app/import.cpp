// Flopscope app — importing a network from an ONNX file: the "Open ONNX…" button, the reading progress, and
// the one entry point that turns a read model into the state's custom network (like "Edit a copy").
//
// The platform reads the file (the browser in slices, src/web/onnx_import.cpp) and the core analyses it and
// maps it onto its layer kinds (natively import_onnx.cpp, in the page the import module); what it found
// comes here. The app only decides what the user sees: the new state, or why the state stayed as it was.
#include "app/app.h"
#include "app/platform.h"
#include "app/widgets.h"
#include "core/scenario_file.h"

namespace flopscope::app {

namespace {

// "Foo ×3, Bar ×1"
std::string op_list(const std::vector<std::pair<std::string, int>>& ops) {
    std::string out;
    for (const auto& [op, n] : ops) {
        if (!out.empty()) out += ", ";
        out += op + " ×" + std::to_string(n);
    }
    return out;
}

} // namespace

void App::import_found(const ImportFound& found, const std::string& file_name) {
    AppState& app = *impl_;
    ImportInfo info;
    info.file = file_name;
    info.nodes = found.nodes;
    info.opset = found.opset;
    info.unsupported = found.unsupported;
    info.batchnorm_folded = found.batchnorm_folded;
    info.folded_convs = found.folded_convs;
    Network net = found.network;
    std::string error = found.error;
    if (error.empty() && !info.unsupported.empty()) error = "ops not supported: " + op_list(info.unsupported);
    else if (error.empty() && !found.mapped) error = "the file did not map onto the calculator's layers";
    if (error.empty()) {
        if (net.name.empty()) net.name = kCustomModel;  // else the file's graph name, as the CLI's import keeps it
        State next = app.state;
        next.model = kCustomModel;
        next.input_c = net.input.c;
        next.input_h = net.input.h;
        next.input_w = net.input.w;
        next.custom = net;
        // Per-layer settings belonged to the old network's layers.
        next.scenario.overrides.clear();
        next.scenario.eligible_first = 0;
        next.scenario.eligible_last = -1;
        std::string why;
        if (app.try_apply(std::move(next), why)) {
            app.pending.clear();
            app.selected_layer = -1;
            info.ok = true;
            info.network = std::move(net);
        } else {
            error = why;
        }
    }
    if (!info.ok) {
        info.message = error;
        app.notice("Can't import " + file_name + ": " + error);
    }
    app.import = std::move(info);
}

void App::import_failed(const std::string& file_name, const std::string& why) {
    AppState& app = *impl_;
    app.import = ImportInfo{};
    app.import.file = file_name;
    app.import.message = why;
    app.notice("Can't import " + file_name + ": " + why);
}

void App::open_scenario_file(const std::string& file_name, const char* text, double file_bytes) {
    AppState& app = *impl_;
    State next;
    std::string why;
    if (text == nullptr) {
        why = "at " + format_bytes(file_bytes) + " it is too large to be a saved scenario";
    } else {
        // A scenario file with any problem is refused whole: it is never half applied.
        const LinkDecode decoded = read_scenario_file(text, next);
        if (!decoded.ok()) why = decoded.problems.front();
    }
    if (why.empty() && app.try_apply(std::move(next), why)) {
        app.pending.clear();
        app.selected_layer = -1;
        return;
    }
    app.notice("Can't open " + file_name + ": " + why);
}

void App::set_import_progress(const std::string& file_name, float fraction) {
    impl_->import.reading_file = file_name;
    impl_->import.progress = fraction;
}

std::string App::import_json() const {
    const ImportInfo& i = impl_->import;
    std::string ops;
    for (const auto& [op, n] : i.unsupported)
        ops += (ops.empty() ? "" : ",") + std::string("{\"op\":") + json_string(op) + ",\"count\":" + std::to_string(n) + "}";
    std::string note;
    import_note(*impl_, note);
    return "{\"file\":" + json_string(i.file) + ",\"ok\":" + json_bool(i.ok) + ",\"message\":" + json_string(i.message) +
           ",\"nodes\":" + std::to_string(i.nodes) + ",\"opset\":" + std::to_string(i.opset) +
           ",\"unsupported\":[" + ops + "],\"batchnorm_folded\":" + json_bool(i.batchnorm_folded) +
           ",\"folded_convs\":" + std::to_string(i.folded_convs) + ",\"note\":" + json_string(note) +
           ",\"reading\":" + json_bool(i.progress >= 0) + "}";
}

// The note next to the parameter count, while the state still has the imported network unedited.
bool import_note(const AppState& app, std::string& note) {
    const ImportInfo& i = app.import;
    if (!i.ok || !i.batchnorm_folded || app.state.model != kCustomModel || !(app.state.custom == i.network)) return false;
    note = "BN folded into the convs (" + std::to_string(i.folded_convs) + ")";
    return true;
}

void draw_import(AppState& app) {
    ImportInfo& i = app.import;
    const bool open = ImGui::Button("Open ONNX…", ImVec2(-FLT_MIN, 0));
    track_item("Open ONNX");
    if (open && !app.platform.pick_onnx_file()) app.notice("This build can't open files: use the command line.");
    item_help("Count your own network: pick an .onnx file, or drop one anywhere on the page. Only the graph is "
              "read, never the weights; the file stays on your computer. A scenario saved as .json opens here too.");
    if (i.progress >= 0) {
        const std::string label = "Reading " + i.reading_file + "… " + std::to_string(static_cast<int>(i.progress * 100)) + "%";
        ImGui::ProgressBar(i.progress, ImVec2(-FLT_MIN, 0), label.c_str());
        track_item("import progress");
    }
    if (i.file.empty()) return;
    if (i.ok) {
        const std::string what = "Imported " + i.file + ": " + std::to_string(i.nodes) + " nodes, opset " + std::to_string(i.opset);
        text_wrapped_colored(palette().muted, what.c_str());  // a long file name wraps, never cut
    } else {
        text_wrapped_colored(palette().warn, ("Not imported: " + i.file + ": " + i.message).c_str());
    }
    if (!i.unsupported.empty())
        text_wrapped_colored(palette().warn, ("Ops not supported (name ×nodes): " + op_list(i.unsupported)).c_str());
}

void draw_save_scenario(AppState& app) {
    if (app.state.model != kCustomModel) return;  // a zoo model's link is always short
    // Encoding hundreds of layers takes tens of µs: once per change of the derived state, not every frame.
    const std::size_t chars =
        app.caches.link_chars.get(app.derived.generation, [&] { return encode_link(app.derived.state).size(); });
    if (chars <= kLinkBudget) return;
    // The counts on a line of their own: wrapping may break after a comma, which would split "2,000".
    text_wrapped_colored(palette().warn, "This network's link is too long to share:");
    text_colored(palette().warn, (with_commas_signed(static_cast<std::int64_t>(chars)) + " characters, over " +
                                  with_commas_signed(static_cast<std::int64_t>(kLinkBudget)) + ".").c_str());
    text_wrapped_colored(palette().warn, "Save the scenario as a file instead; Open ONNX… reads it back.");
    if (ImGui::Button("Save scenario…", ImVec2(-FLT_MIN, 0)))
        app.platform.download_file("flopscope-scenario.json", "application/json", scenario_file_json(app.state));
    track_item("Save scenario");
    item_help("A small JSON file with this exact state (its link inside). Open ONNX… reads it back here, and "
              "`flopscope --scenario-file` on the command line.");
}

} // namespace flopscope::app
