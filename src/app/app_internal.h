// Flopscope app — what the views share: the app's state (AppState), the results derived from it (cached,
// recomputed only when the State changes), and one draw function per view (one file each).
//
// Data flow: views read `app.derived` and never change `app.state` directly; they build a candidate
// State and call app.edit(), which computes it and either applies it or keeps the last good state and
// marks the input as bad (the "undo of bad edits").
#pragma once

#include "app/ui_logic.h"
#include "core/charts.h"
#include "core/conventions.h"
#include "core/documents.h"
#include "core/report.h"
#include "core/state.h"
#include "core/zoo_table.h"

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flopscope::app {

class Platform;

// Everything computed from one State; rebuilt only when the State changes.
struct Derived {
    State state;
    Results results;
    ScenarioCurves curves;                // the presets on this network and the sweeps (core/charts.h)
    std::vector<LayerRow> rows;           // the layer table
    double total_cost = 0;                // the table's total in its unit
    unsigned generation = 0;              // changes whenever these are recomputed (for caches of views)
};

struct Notice {
    std::string text;  // plain text (may come from a link: never interpreted)
    bool warning = true;
};

// An input whose last typed value was rejected: what the user typed and why it was rejected.
struct PendingEdit {
    std::string text;
    std::string message;
};

// Tabs the app can be asked to open (e.g. "Edit layers" jumps to the layer table).
enum class Tab : int { None = -1, Overview, Layers, Charts, Help, Model, Scenario, Zoo };

struct ZooEntry {
    const ModelInfo* info = nullptr;
    double macs = 0, params = 0;  // at the model's default resolution, torchvision convention
};

// What the last import of a file said: shown beside the network it made (view_model.cpp).
struct ImportInfo {
    std::string file;         // "" before the first import
    bool ok = false;
    std::string message;      // why it failed ("" when ok)
    Network network;          // the network it made (the notes below apply while the state still has it)
    std::vector<std::pair<std::string, int>> unsupported;  // ops not understood, with their node counts
    int nodes = 0;
    std::int64_t opset = 0;
    bool batchnorm_folded = false;
    int folded_convs = 0;
    // In progress (reading): the fraction done, or negative when no file is being read.
    std::string reading_file;
    float progress = -1;
};

// A value computed from the derived results on first use and kept until they change: what a view reads
// that costs too much to compute every frame (the payoff map, the conventions table).
template <class T> struct DerivedCache {
    unsigned generation = 0;  // Derived::generation it was computed for (0: never)
    T value{};
    template <class Compute> const T& get(unsigned current, Compute&& compute) {
        if (generation != current) {
            value = compute();
            generation = current;
        }
        return value;
    }
};

// The Zoo tab (view_zoo.cpp): its resolution and filters, and the table it computed for them. The table
// is computed when the tab is drawn and its key (resolution, counting) changed: once per change.
struct ZooView {
    bool default_crop = true;               // each model at its own crop, else height × width for all
    std::int64_t height = 224, width = 224;
    int family = -1;                        // index into families, -1: all
    char search[64] = "";
    std::optional<ZooTable> table;
    std::vector<std::string> families;      // model_zoo() families, in order of first appearance
    std::vector<int> order;                 // rows shown, sorted and filtered
    bool order_dirty = true;
    double compute_ms = 0;                  // how long the last table took (shown on hover)
};

struct AppState {
    explicit AppState(Platform& p);

    Platform& platform;
    State state;
    Derived derived;
    State url_state;  // what the page's URL fragment currently says

    std::vector<Notice> notices;
    std::map<std::string, PendingEdit> pending;  // by input key, e.g. "input.h", "layer.3.C_out"

    // Style: rebuilt when the theme, the colour-scheme preference or the pixel ratio changes.
    bool style_dirty = true;
    bool style_dark = false;
    Theme style_theme = Theme::System;
    float style_scale = 1.0f;

    // Transient UI.
    double confirm_until = -1;  // a short confirmation ("Link copied") fades out until this time
    std::string confirm_text;
    std::string fallback_title, fallback_text;  // shown selectable when the clipboard was refused
    bool open_fallback = false, open_embed = false, open_export = false;
    std::vector<std::string> embed_show{"f", "h"};
    int embed_height = 520;
    char model_filter[64] = "";
    std::vector<ZooEntry> zoo;  // the picker's catalogue, built on first use
    ZooView zoo_view;
    Tab request_tab = Tab::None;
    Tab request_tab_next = Tab::None;  // asked for during a frame whose tab bar was already drawn
    int selected_layer = -1;
    struct ViewCaches {
        DerivedCache<PayoffMap> payoff;                       // view_payoff
        DerivedCache<std::vector<ConventionTotals>> conventions;  // view_help: this network, every convention
        DerivedCache<std::size_t> link_chars;                 // import.cpp: a custom network's link length
        struct LayerOrder {  // view_layers: the table's rows in the sort order, for this generation and sort
            unsigned generation = 0;
            int column = -1;
            bool ascending = true;
            std::vector<int> order;
        } layer_order;
    } caches;
    bool scroll_to_selected = false;  // the layer table scrolls to selected_layer once (a roofline dot was clicked)
    ImportInfo import;

    // An accepted edit waiting for the end of the frame (see edit()).
    struct Queued {
        State state;
        Results results;
    };
    std::optional<Queued> queued;
    bool in_frame = false;
    bool try_apply(State candidate, std::string& error);

    //-------------------------------------------------------------------------
    // State changes
    //-------------------------------------------------------------------------
    // Recomputes the derived results if the state changed (cheap no-op otherwise).
    void ensure_derived();
    // Applies `candidate` when it computes without error (or when the current state is already in
    // error), clearing the pending mark of `key`. Otherwise keeps the current state, records `shown`
    // (what the user entered) and the error under `key` — or as a notice when `key` is empty.
    // During a frame the change is queued and lands when the frame ends (views keep references into
    // `state` and `derived` while drawing); a later edit in the same frame replaces an earlier one.
    bool edit(State candidate, const std::string& key = {}, const std::string& shown = {});
    // The same for a change the user asked for by a button: a refusal is a notice "Can't <what>: …".
    bool edit_or_explain(State candidate, const std::string& what);
    // A scenario parameter edit: the scenario becomes "custom" unless it equals a preset again.
    bool edit_scenario(const Scenario& s, const std::string& key = {}, const std::string& shown = {});
    // Replaces the whole state (a link was opened): clears pending marks.
    void replace_state(State s);
    const PendingEdit* pending_for(const std::string& key) const;

    void apply_queued();  // after a frame
    void notice(std::string text, bool warning = true);
    bool dark() const;
    // Puts text on the clipboard with a visible confirmation, or opens a selectable fallback field.
    void copy_text(const std::string& what, const std::string& text);
    void confirm(std::string text);
    // Has the platform write `request` (core/documents.h), then delivers the document: downloads it as
    // `file` of type `mime` with a confirmation ("CSV downloaded": the export menu) or quietly (a chart's
    // "Save…"), downloads it as a PNG (an SVG, at 2×), or copies it. `what` names it in the confirmations
    // and in the notice when it could not be written.
    enum class Deliver { Download, Save, Png, Copy };
    void export_document(const DocumentRequest& request, Deliver how, std::string what, std::string file = {},
                         std::string mime = {});
    std::string share_url(const State& s) const;
    const std::vector<ZooEntry>& zoo_catalogue();
};

// Rebuilds every derived value of `state` from its computed `results`.
Derived derive(const State& state, Results results);

// One frame of the whole UI (App::frame; tests call it on an AppState to reach every view).
void draw_app(AppState& app);

//-----------------------------------------------------------------------------
// Item registry (widgets.cpp): screen rectangles of named items of the last frame, so tests (native and
// the browser's Module.flopscope.itemRect) can click at them. Names: "Copy link", "tab:Layers",
// "preset:optimistic", "slider:f", ...
//-----------------------------------------------------------------------------
void begin_item_registry();                 // at the start of a frame
void track_item(const std::string& name);   // the last item's rectangle under `name`, when visible
bool find_item(const std::string& name, ImVec2& min, ImVec2& max);
void track_rect(const std::string& name, ImVec2 min, ImVec2 max);  // a drawn shape (a chart's dot) under `name`

//-----------------------------------------------------------------------------
// Views (one file each)
//-----------------------------------------------------------------------------
void draw_header(AppState& app);            // view_header.cpp: title, model summary, link/embed/export/theme
void draw_header_popups(AppState& app);     // view_header.cpp: embed snippet, clipboard fallback
void draw_notices(AppState& app);           // view_header.cpp: dismissable messages
void draw_model_panel(AppState& app);       // view_model.cpp
void draw_import(AppState& app);            // import.cpp: "Open ONNX…", reading progress, the last import
bool import_note(const AppState& app, std::string& note);  // import.cpp: "BN folded into the convs" when it applies
void draw_save_scenario(AppState& app);     // import.cpp: "Save scenario…" when the link is over its budget
void choose_model(AppState& app, const ModelInfo& m);  // view_model.cpp: open a zoo model (the picker's click)
// view_model.cpp: the model picker's and the Zoo tab's search (name, family or description, any case).
bool model_matches(const ModelInfo& m, const char* filter);
void draw_zoo(AppState& app);               // view_zoo.cpp: every model side by side, and the scatter chart
void draw_scenario_panel(AppState& app);    // view_scenario.cpp
void draw_results(AppState& app, bool compact);  // view_results.cpp
void draw_layers(AppState& app);            // view_layers.cpp
void draw_compare(AppState& app);           // view_compare.cpp
void draw_overview_chart(AppState& app, ImVec2 size);  // view_charts.cpp: stacked bars, baseline vs scenarios
void draw_sweep_chart(AppState& app, SweepParameter parameter, ImVec2 size);  // view_charts.cpp
void draw_layer_chart(AppState& app, ImVec2 size);     // view_charts.cpp: per-layer cost bars
void draw_charts(AppState& app);            // view_charts.cpp: the Charts tab
void draw_payoff_chart(AppState& app, ImVec2 size);    // view_payoff.cpp: saving over two parameters
void draw_help(AppState& app);              // view_help.cpp: "About the counting"
void draw_export_popup(AppState& app);      // export.cpp
void draw_embed_view(AppState& app);        // view_embed.cpp: the compact iframe view
void scroll_by_touch_drag();               // touch_scroll.cpp: after the frame's windows

// Time and energy on the chosen device (Results::roofline, Results::caching_time).
void draw_device_panel(AppState& app);      // view_device.cpp: device and precision picker, custom figures, knobs
std::string figure_text(const DeviceFigure& f, const std::string& shown);  // view_device.cpp: "≈ " before a weak figure
void draw_time_results(AppState& app);      // view_roofline.cpp: s, J and inferences/s beside the FLOPs
void draw_roofline_chart(AppState& app, ImVec2 size);  // view_roofline.cpp
void select_layer(AppState& app, int layer);  // view_layers.cpp: selects a row and shows it in the layer table
const ImVec4& bound_color(Bound b);        // view_roofline.cpp
void layer_time_help(const LayerRoofline& l);     // view_roofline.cpp: the layer table's device cells (Time: its tooltip)
void layer_bound_cell(const LayerRoofline& l);
void layer_verdict_cell(const LayerRoofline& l, double ridge);

//-----------------------------------------------------------------------------
// Theme (theme.cpp)
//-----------------------------------------------------------------------------
struct Palette {
    ImVec4 accent, accent_soft, warn, good, muted, bad_frame;
    ImVec4 computed, student, lookup, baseline, grid, card;
};
void apply_style(bool dark, float scale);  // colours, spacing, rounding; sizes × scale
const Palette& palette();

} // namespace flopscope::app
