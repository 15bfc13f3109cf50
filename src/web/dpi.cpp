// Flopscope web — HiDPI: keep the canvas backing store at CSS size × devicePixelRatio.
#include "web/dpi.h"

#include "web/loop.h"

#include <emscripten.h>
#include <emscripten/html5.h>

// Defined in dpi.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_watch_canvas_size();
}

namespace flopscope::web::dpi {
namespace {

Size g_size;
float g_ratio = 0.0f;  // the ratio the app was last told about (0: never)

} // namespace

// dpi.js resized the backing store (or found it right) after a resize or a ratio change.
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_canvas_size(int width, int height) {
    g_size = {width, height};
    loop::wake();
}

void install() { js_watch_canvas_size(); }

Size canvas_size() { return g_size; }

float ratio() { return g_ratio; }

bool take_ratio_change() {
    const float now = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (now == g_ratio) return false;
    g_ratio = now;
    return true;
}

} // namespace flopscope::web::dpi
