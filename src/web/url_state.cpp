// Flopscope web — location.hash in, history.replaceState out.
#include "web/url_state.h"

#include "web/js_string.h"
#include "web/loop.h"

#include <emscripten.h>

// Defined in url_state.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_install_hashchange();
void js_replace_fragment(const char* fragment);
char* js_location_hash();  // allocateUTF8: take_js_string frees it
char* js_location_href();
}

namespace flopscope::web::url_state {
namespace {

bool g_changed = false;

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_hashchange() {
    g_changed = true;
    loop::wake();
}

std::string fragment() {
    std::string hash = take_js_string(js_location_hash());
    if (!hash.empty() && hash.front() == '#') hash.erase(0, 1);
    return hash;
}

void install() { js_install_hashchange(); }

bool take_change() {
    const bool changed = g_changed;
    g_changed = false;
    return changed;
}

void replace_fragment(const std::string& f) {
    if (f == fragment()) return;
    js_replace_fragment(f.c_str());
}

std::string url_without_fragment() {
    const std::string href = take_js_string(js_location_href());
    return href.substr(0, href.find('#'));
}

} // namespace flopscope::web::url_state
