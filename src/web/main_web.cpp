// Flopscope web — entry point: GLFW window + WebGL2 context, ImGui with its GLFW/OpenGL3 backends, the
// browser glue (one file per concern, see the includes), the app, and the frame.
//
// Input flow: browser event → (input_filter / touch / clipboard capture listeners) → Emscripten's GLFW →
// our GLFW callbacks (wake the loop) → ImGui's backend callbacks (queue ImGui input) → next frame.
#include "app/app.h"
#include "web/bindings.h"
#include "web/clipboard.h"
#include "web/cursor.h"
#include "web/dpi.h"
#include "web/fonts.h"
#include "web/input_filter.h"
#include "web/loop.h"
#include "web/onnx_import.h"
#include "web/platform_web.h"
#include "web/press_after_move.h"
#include "web/soft_keyboard.h"
#include "web/text_mirror.h"
#include "web/touch.h"
#include "web/url_state.h"

#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <emscripten.h>

// Defined in main_web.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_fail(const char* message);
int js_is_apple();
}

namespace {

using namespace flopscope;

GLFWwindow* g_window = nullptr;
web::WebPlatform* g_platform = nullptr;
app::App* g_app = nullptr;
bool g_ready = false;

// Our GLFW callbacks only wake the loop; ImGui's backend (installed after them) chains to them and
// then queues the input for ImGui.
void on_cursor_pos(GLFWwindow*, double, double) {
    ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_Mouse);  // back from touch, if it was
    web::loop::keep_awake_for(0.5);  // tooltips: the pointer must rest, then a delay (≤ 0.40 s) runs
}
void on_mouse_button(GLFWwindow*, int, int, int) {
    ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    web::loop::wake();
}
void on_scroll(GLFWwindow*, double, double) { web::loop::wake(); }
void on_key(GLFWwindow*, int, int, int, int) { web::loop::wake(); }
void on_char(GLFWwindow*, unsigned int) { web::loop::wake(); }
void on_cursor_enter(GLFWwindow*, int) { web::loop::wake(); }
void on_window_focus(GLFWwindow*, int) { web::loop::wake(); }
void on_window_size(GLFWwindow*, int, int) { web::loop::wake(); }

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
    ImGui_ImplGlfw_NewFrame();
    web::press_after_move::hold_back();
    ImGui::NewFrame();
    web::press_after_move::release();
    web::input_filter::apply_pending();
    web::soft_keyboard::apply_pending();
    g_app->frame();
    ImGui::Render();

    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    const ImGuiIO& io = ImGui::GetIO();
    web::input_filter::publish(io.WantCaptureMouse, io.WantCaptureKeyboard);
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
    // Before glfwInit: listeners on the same target run in registration order, and ours must see key,
    // wheel, touch and paste events before GLFW does.
    web::input_filter::install_listeners();
    web::touch::install_listeners();
    web::clipboard::install_listeners();
    web::soft_keyboard::install_listeners();

    if (!glfwInit()) {
        js_fail("Flopscope could not start its window system.");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);  // opaque canvas: no compositing with the page behind it
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    web::dpi::Size size = web::dpi::canvas_device_size();
    if (size.width <= 0 || size.height <= 0) size = {800, 600};
    g_window = glfwCreateWindow(size.width, size.height, "Flopscope", nullptr, nullptr);
    if (g_window == nullptr) {
        js_fail("Flopscope needs WebGL 2, and this browser could not create a WebGL 2 context.");
        return 1;
    }
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                    // no file system; state lives in the URL
    io.ConfigInputTextCursorBlink = false;       // a blinking caret would keep the loop awake
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // 3.1.6 GLFW cursors are stubs: cursor.cpp
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;    // Tab, arrows, Space/Enter reach every control
    io.ConfigMacOSXBehaviors = js_is_apple() != 0;

    glfwSetCursorPosCallback(g_window, on_cursor_pos);
    glfwSetMouseButtonCallback(g_window, on_mouse_button);
    glfwSetScrollCallback(g_window, on_scroll);
    glfwSetKeyCallback(g_window, on_key);
    glfwSetCharCallback(g_window, on_char);
    glfwSetCursorEnterCallback(g_window, on_cursor_enter);
    glfwSetWindowFocusCallback(g_window, on_window_focus);
    glfwSetWindowSizeCallback(g_window, on_window_size);
    ImGui_ImplGlfw_InitForOpenGL(g_window, /*install_callbacks=*/true);  // chains to the callbacks above
    ImGui_ImplOpenGL3_Init("#version 300 es");
    web::input_filter::install_canvas_wheel();
    web::clipboard::install_imgui_hooks();
    web::touch::set_window(g_window);
    web::dpi::install(g_window);

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
