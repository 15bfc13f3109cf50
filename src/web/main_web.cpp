// Flopscope web — entry point: the WebGL2 context on #canvas, ImGui with its OpenGL3 backend, the
// browser glue (one file per concern, see the includes; input.h is the platform backend), the app, and
// the frame.
//
// Input flow: browser event → our listeners (input / touch / clipboard / soft_keyboard .js) → ImGui's
// input queue (io.Add*Event) and loop::wake() → next frame.
#include "app/app.h"
#include "web/bindings.h"
#include "web/clipboard.h"
#include "web/cursor.h"
#include "web/dpi.h"
#include "web/fonts.h"
#include "web/input.h"
#include "web/loop.h"
#include "web/onnx_import.h"
#include "web/platform_web.h"
#include "web/press_after_move.h"
#include "web/soft_keyboard.h"
#include "web/text_mirror.h"
#include "web/touch.h"
#include "web/url_state.h"

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <emscripten.h>

// Defined in main_web.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
int js_create_context();
void js_fail(const char* message);
int js_is_apple();
}

namespace {

using namespace flopscope;

web::WebPlatform* g_platform = nullptr;
app::App* g_app = nullptr;
bool g_ready = false;

void frame() {
    if (web::dpi::take_ratio_change()) {
        web::fonts::build(web::dpi::ratio(), /*upload=*/true);
        g_app->on_style_inputs_changed();
    }
    if (web::WebPlatform::take_color_scheme_change()) g_app->on_style_inputs_changed();
    if (web::url_state::take_change()) {
        g_app->load_fragment(web::url_state::fragment());
        web::text_mirror::mark_dirty();
    }

    ImGui_ImplOpenGL3_NewFrame();
    web::input::new_frame();
    web::press_after_move::hold_back();
    ImGui::NewFrame();
    web::press_after_move::release();
    web::input::apply_pending();
    web::soft_keyboard::apply_pending();
    g_app->frame();
    ImGui::Render();

    const web::dpi::Size size = web::dpi::canvas_size();
    glViewport(0, 0, size.width, size.height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    const ImGuiIO& io = ImGui::GetIO();
    web::input::publish(io.WantCaptureMouse, io.WantCaptureKeyboard);
    web::soft_keyboard::publish(io.WantTextInput, io.MouseSource == ImGuiMouseSource_TouchScreen);
    web::cursor::update();
    web::loop::end_frame(web::loop::imgui_needs_frames() || g_app->wants_continuous_frames());

    if (!g_ready) {
        g_ready = true;
        web::bindings::mark_ready();
    }
    web::text_mirror::publish_if_dirty(*g_app);
}

} // namespace

int main() {
    if (!js_create_context()) {
        js_fail("Flopscope needs WebGL 2, and this browser could not create a WebGL 2 context.");
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                    // no file system; state lives in the URL
    io.ConfigInputTextCursorBlink = false;       // a blinking caret would keep the loop awake
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;    // Tab, arrows, Space/Enter reach every control
    io.ConfigMacOSXBehaviors = js_is_apple() != 0;

    // The listeners start once ImGui exists: every event has a queue to go to.
    web::dpi::install();
    web::input::install();
    web::touch::install_listeners();
    web::clipboard::install();
    web::soft_keyboard::install_listeners();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    // Fonts for the current ratio now; the first frame's ratio check then only restyles the app.
    web::dpi::take_ratio_change();
    web::fonts::build(web::dpi::ratio(), /*upload=*/false);

    g_platform = new web::WebPlatform();
    g_app = new app::App(*g_platform);
    g_app->on_style_inputs_changed();
    g_app->load_fragment(web::url_state::fragment());
    web::url_state::install();
    web::bindings::publish(*g_app);
    web::onnx_import::install(*g_app);

    web::loop::run(frame);
    return 0;
}
