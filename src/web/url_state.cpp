// Flopscope web — location.hash in, history.replaceState out.
#include "web/url_state.h"

#include "web/loop.h"

#include <emscripten.h>
#include <emscripten/val.h>

// Defined in url_state.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_install_hashchange();
void js_replace_fragment(const char* fragment);
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
    std::string hash = emscripten::val::global("location")["hash"].as<std::string>();
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
    const std::string href = emscripten::val::global("location")["href"].as<std::string>();
    return href.substr(0, href.find('#'));
}

} // namespace flopscope::web::url_state
