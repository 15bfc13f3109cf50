// Flopscope UI tests — a headless Dear ImGui (no backend: ImGui's "null" pattern) driving the real app:
// the embedded UI font, a display size, frames, mouse and keyboard input, the text each frame rendered,
// and a Platform double that records what the app asked of the browser.
#pragma once

#include "app/app_internal.h"
#include "app/platform.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace flopscope::ui_test {

// Every IM_ASSERT that failed since the last call (the failures are also printed).
std::vector<std::string> take_imgui_asserts();

class FakePlatform : public app::Platform {
public:
    bool refuse_clipboard = false;
    bool dark = false;
    float ratio = 1.0f;
    std::string clipboard;
    std::vector<std::string> fragments;  // every replace_url_fragment() call
    std::vector<std::string> downloads;  // file names
    std::string download_content;
    float png_scale = 0;  // the last PNG download's scale (its SVG is download_content)
    std::vector<std::string> opened;     // open_in_new_tab() URLs
    // write_document(): written at once with the core's write_document (what the browser's module runs),
    // or refused with `refuse_documents` as the reason (the module did not load).
    std::string refuse_documents;
    std::vector<DocumentRequest> document_requests;
    int documents_prepared = 0;  // prepare_documents() calls

    bool copy_to_clipboard(const std::string& text) override;
    void download_file(const std::string& filename, const std::string& mime, const std::string& content) override;
    void download_svg_as_png(const std::string& filename, const std::string& svg, float scale) override;
    void write_document(const DocumentRequest& request, std::function<void(const Document&)> done) override;
    void prepare_documents() override { ++documents_prepared; }
    void replace_url_fragment(const std::string& fragment) override { fragments.push_back(fragment); }
    std::string page_url_without_fragment() override { return "https://flopscope.example/"; }
    void open_in_new_tab(const std::string& url) override { opened.push_back(url); }
    float pixel_ratio() override { return ratio; }
    bool prefers_dark() override { return dark; }
};

// One ImGui context with the app's font, at `width` × `height` CSS pixels × `ratio` (the platform's
// device-pixel model: display and font sizes both scale).
class Harness {
public:
    Harness(float width, float height, float ratio = 1.0f, bool big_font = true);
    ~Harness();
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    // Renders one frame of `draw` and returns the text it rendered.
    template <typename Draw>
    const std::string& frame(Draw&& draw) {
        begin();
        draw();
        end();
        return text_;
    }
    const std::string& text() const { return text_; }
    void resize(float width, float height);

    // Input, applied at the next frame.
    void mouse_move(float x, float y);
    void mouse_button(bool down);
    void key(ImGuiKey key, bool down);
    void chars(const char* utf8);

private:
    void begin();
    void end();
    ImGuiContext* ctx_ = nullptr;
    float ratio_;
    std::string text_;
};

// Drives an AppState (the whole UI) in a Harness: frames, clicks at named items, typing.
class AppDriver {
public:
    AppDriver(Harness& h, FakePlatform& p);
    app::AppState app;

    const std::string& frame();
    void frames(int n);
    // Clicks the centre of a named item (see track_item); false when it was not drawn last frame.
    bool click(const std::string& item);
    // Clicks a text field, selects all, types `text` and presses Enter.
    bool type_into(const std::string& item, const std::string& text);
    // Presses at the left of a slider, drags to `fraction` of its width (frames in between), releases.
    bool drag_slider(const std::string& item, float fraction);
    bool rect(const std::string& item, ImVec2& min, ImVec2& max) const;

private:
    Harness& h_;
};

} // namespace flopscope::ui_test
