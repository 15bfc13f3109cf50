// Flopscope web — the browser's side of app::Platform.
#include "web/platform_web.h"

#include "web/clipboard.h"
#include "web/dpi.h"
#include "web/loop.h"
#include "web/text_mirror.h"
#include "web/url_state.h"

#include <emscripten.h>

namespace flopscope::web {
namespace {

bool g_scheme_changed = false;

// Saves bytes as a file; with png_scale > 0 the bytes are an SVG, first drawn into a canvas at png_scale
// times its size and saved as PNG (the browser rasterizes it: the same geometry and colours).
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size, float png_scale), {
    var file = UTF8ToString(name);
    function save(blob) {
        var url = URL.createObjectURL(blob);
        var a = document.createElement("a");
        a.href = url;
        a.download = file;
        a.style.display = "none";
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }
    var blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(mime) });
    if (!(png_scale > 0)) { save(blob); return; }
    var src = URL.createObjectURL(blob);
    var img = new Image();
    img.onload = function () {
        var c = document.createElement("canvas");
        c.width = Math.round(img.width * png_scale);
        c.height = Math.round(img.height * png_scale);
        var g = c.getContext("2d");
        g.scale(png_scale, png_scale);
        g.drawImage(img, 0, 0);
        URL.revokeObjectURL(src);
        c.toBlob(save, "image/png");
    };
    img.src = src;
});

EM_JS(void, js_open_in_new_tab, (const char* url), {
    window.open(UTF8ToString(url), "_blank", "noopener");
});

EM_JS(int, js_prefers_dark, (), {
    return (window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches) ? 1 : 0;
});

EM_JS(void, js_watch_color_scheme, (), {
    if (!window.matchMedia) return;
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
        _flopscope_on_color_scheme_change();
    });
});

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

// The app rewrites the fragment when an edit is finished: the moment the page's words change too.
void WebPlatform::replace_url_fragment(const std::string& fragment) {
    url_state::replace_fragment(fragment);
    text_mirror::mark_dirty();
}

std::string WebPlatform::page_url_without_fragment() { return url_state::url_without_fragment(); }

void WebPlatform::open_in_new_tab(const std::string& url) { js_open_in_new_tab(url.c_str()); }

float WebPlatform::pixel_ratio() { return dpi::ratio(); }

bool WebPlatform::prefers_dark() { return js_prefers_dark() != 0; }

bool WebPlatform::take_color_scheme_change() {
    const bool changed = g_scheme_changed;
    g_scheme_changed = false;
    return changed;
}

} // namespace flopscope::web
