// Flopscope web — HiDPI: keep the GLFW window (= canvas backing store) at CSS size × devicePixelRatio.
#include "web/dpi.h"

#include "web/loop.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

// Defined in dpi.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
int js_is_screen_size(int w, int h);
void js_watch_pixel_ratio();
}

namespace flopscope::web::dpi {
namespace {

GLFWwindow* g_window = nullptr;
float g_ratio = 0.0f;  // the ratio the app was last told about (0: never)

void resize_to_canvas() {
    Size s = canvas_device_size();
    if (s.width <= 0 || s.height <= 0) return;
    if (js_is_screen_size(s.width, s.height)) s.height -= 1;  // one device pixel, invisible
    int w = 0, h = 0;
    glfwGetWindowSize(g_window, &w, &h);
    if (w != s.width || h != s.height) glfwSetWindowSize(g_window, s.width, s.height);
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    resize_to_canvas();
    loop::wake();
    return EM_FALSE;
}

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_pixel_ratio_change() {
    if (g_window != nullptr) resize_to_canvas();
    loop::wake();
}

Size canvas_device_size() {
    double css_w = 0.0, css_h = 0.0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double r = emscripten_get_device_pixel_ratio();
    return {static_cast<int>(std::lround(css_w * r)), static_cast<int>(std::lround(css_h * r))};
}

void install(GLFWwindow* window) {
    g_window = window;
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_resize);
    js_watch_pixel_ratio();
    resize_to_canvas();
}

float ratio() { return g_ratio; }

bool take_ratio_change() {
    const float now = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (now == g_ratio) return false;
    g_ratio = now;
    if (g_window != nullptr) resize_to_canvas();
    return true;
}

} // namespace flopscope::web::dpi
