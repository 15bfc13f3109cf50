// Flopscope web — the browser's side of app::Platform.
#include "web/platform_web.h"

#include "web/clipboard.h"
#include "web/documents.h"
#include "web/dpi.h"
#include "web/loop.h"
#include "web/onnx_import.h"
#include "web/text_mirror.h"
#include "web/url_state.h"

#include <emscripten.h>

#include <utility>

// Defined in platform_web.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_download(const char* name, const char* mime, const char* data, int size, float png_scale);
void js_open_in_new_tab(const char* url);
int js_prefers_dark();
void js_watch_color_scheme();
}

namespace flopscope::web {
namespace {

bool g_scheme_changed = false;

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_color_scheme_change() {
    g_scheme_changed = true;
    loop::wake();
}

WebPlatform::WebPlatform() { js_watch_color_scheme(); }

bool WebPlatform::copy_to_clipboard(const std::string& text) { return clipboard::copy(text); }

void WebPlatform::download_file(const std::string& filename, const std::string& mime_type,
                                const std::string& content) {
    js_download(filename.c_str(), mime_type.c_str(), content.data(), static_cast<int>(content.size()), 0.0f);
}

void WebPlatform::download_svg_as_png(const std::string& filename, const std::string& svg, float scale) {
    js_download(filename.c_str(), "image/svg+xml", svg.data(), static_cast<int>(svg.size()), scale);
}

void WebPlatform::write_document(const DocumentRequest& request, std::function<void(const Document&)> done) {
    documents::write(request, std::move(done));
}

void WebPlatform::prepare_documents() { documents::prepare(); }

// The app rewrites the fragment when an edit is finished: the moment the page's words change too.
void WebPlatform::replace_url_fragment(const std::string& fragment) {
    url_state::replace_fragment(fragment);
    text_mirror::mark_dirty();
}

std::string WebPlatform::page_url_without_fragment() { return url_state::url_without_fragment(); }

void WebPlatform::open_in_new_tab(const std::string& url) { js_open_in_new_tab(url.c_str()); }

bool WebPlatform::pick_onnx_file() {
    onnx_import::pick();
    return true;
}

float WebPlatform::pixel_ratio() { return dpi::ratio(); }

bool WebPlatform::prefers_dark() { return js_prefers_dark() != 0; }

bool WebPlatform::take_color_scheme_change() {
    const bool changed = g_scheme_changed;
    g_scheme_changed = false;
    return changed;
}

} // namespace flopscope::web
