// Flopscope — the ImGui application: a function of the core's state drawn once per frame.
// Platform code (src/web) owns the window, the GL context and the ImGui backends; it calls
// App::frame() between ImGui::NewFrame() and ImGui::Render().
#pragma once

#include "core/network.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace flopscope::onnx { struct Model; }

namespace flopscope::app {

class Platform;
struct AppState;

// What the page says in words, for readers without the canvas (screen readers, text search): the web
// platform keeps it in the DOM as an off-screen mirror. Every text is the app's own formatting of the
// core's values; `value` is the exact number behind a figure (NaN for words such as "never").
struct TextMirror {
    struct Figure {
        std::string label, text;
        double value = 0;
    };
    struct Row {
        std::string label;
        std::vector<Figure> cells;
    };
    std::string model;                   // "resnet18_seed, input 3×224×224"
    std::vector<Figure> headline;        // the big numbers at the top of the results
    std::vector<std::string> sentences;  // the results in words (savings, break-even)
    std::string table_caption;           // the comparison of scenarios: caption, column titles, rows
    std::vector<std::string> columns;
    std::vector<Row> rows;
};

class App {
public:
    explicit App(Platform& platform);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Loads state from a URL fragment (with or without the leading '#'). An empty fragment opens the
    // default scenario. A malformed link applies its valid parts and queues a message for the user;
    // the messages about the state it replaces go.
    void load_fragment(const std::string& fragment);

    // Builds this frame's UI. Call between ImGui::NewFrame() and ImGui::Render().
    void frame();

    // True while something animates (e.g. a confirmation fading out): the platform keeps rendering.
    bool wants_continuous_frames() const;

    // Called by the platform when the pixel ratio or colour-scheme preference changed; the app restyles
    // on the next frame. Fonts are rebuilt by the platform.
    void on_style_inputs_changed();

    // Importing a network from a file (import.cpp). The platform reads the file; the app analyses it.
    // A model that maps onto the core's layers becomes the custom network (model "custom"), like an
    // edited copy of a zoo model; one that does not leaves the state as it was and says why.
    void import_onnx(const onnx::Model& model, const std::string& file_name);  // analyses natively (import_onnx.cpp)
    // What the core's analysis and mapping found in a file: import_onnx fills it natively, the page's
    // import module (src/web/import_module) in its own wasm, so the page itself never links core/onnx.
    struct ImportFound {
        int nodes = 0;
        std::int64_t opset = 0;
        std::vector<std::pair<std::string, int>> unsupported;  // op names with their node counts
        bool batchnorm_folded = false;
        int folded_convs = 0;
        bool mapped = false;  // `network` holds the mapping; otherwise `error` says why not (or ops are unsupported)
        Network network;
        std::string error;
    };
    void import_found(const ImportFound& found, const std::string& file_name);
    void import_failed(const std::string& file_name, const std::string& why);  // the file could not be read
    // While a file is being read: its name and the fraction done (0..1); a negative fraction ends it.
    void set_import_progress(const std::string& file_name, float fraction);
    std::string import_json() const;  // the last import, for the test hook (import.cpp)
    // "Open…" on a saved scenario (core/scenario_file.h): the state it holds, or a notice that says why not
    // and the state as it was. `text` is the file's text; null when it was too large to be one.
    void open_scenario_file(const std::string& file_name, const char* text, double file_bytes);

    // The test hook (exported as C functions behind Module.flopscope.*, src/web/bindings).
    std::string state_json() const;    // the app's current state
    std::string results_json() const;  // the current results, same JSON shape as `flopscope --format json`
    // The rectangle {x, y, width, height} (display pixels) of a named item drawn in the last frame, e.g.
    // "Copy link", "tab:Layers", "preset:full", "slider:f"; false when it was not drawn.
    bool item_rect(const std::string& name, float rect[4]) const;
    // The messages on screen, as plain text: the message area's notices (e.g. a link's problems), then
    // a confirmation ("Link copied") while it shows.
    std::vector<std::string> messages() const;
    // The page in words (text_mirror.cpp).
    TextMirror text_mirror() const;

private:
    std::unique_ptr<AppState> impl_;
};

} // namespace flopscope::app
