// Flopscope web — app::TextMirror to the shell's DOM mirror (see the header). Also exported to the test
// hook as Module.flopscope.textMirror().
#include "web/text_mirror.h"

#include "app/app.h"
#include "core/format.h"
#include "core/report.h"
#include "web/js_string.h"

#include <emscripten.h>

#include <cmath>

extern "C" void js_publish_text_mirror(const char* json);  // text_mirror.js

namespace flopscope::web::text_mirror {
namespace {

bool g_dirty = true;
const app::App* g_app = nullptr;

std::string figure(const app::TextMirror::Figure& f) {
    return "{\"label\":" + json_string(f.label) + ",\"text\":" + json_string(f.text) +
           ",\"value\":" + format_double(f.value) + "}";  // NaN: null
}

template <class T, class Item> std::string array(const std::vector<T>& items, Item&& item) {
    std::string out = "[";
    for (const T& x : items) out += (out.size() > 1 ? "," : "") + item(x);
    return out + "]";
}

// { model, headline: [{label, text, value}], sentences: [...], caption, columns: [...],
//   rows: [{label, cells: [{text, value}]}] }
std::string to_json(const app::TextMirror& m) {
    const auto str = [](const std::string& s) { return json_string(s); };
    return "{\"model\":" + json_string(m.model) + ",\"headline\":" + array(m.headline, figure) +
           ",\"sentences\":" + array(m.sentences, str) + ",\"caption\":" + json_string(m.table_caption) +
           ",\"columns\":" + array(m.columns, str) + ",\"rows\":" + array(m.rows, [](const auto& r) {
               return "{\"label\":" + json_string(r.label) + ",\"cells\":" + array(r.cells, figure) + "}";
           }) + "}";
}

} // namespace

void mark_dirty() { g_dirty = true; }

void publish_if_dirty(const app::App& app) {
    g_app = &app;
    if (!g_dirty) return;
    g_dirty = false;
    js_publish_text_mirror(to_json(app.text_mirror()).c_str());
}

} // namespace flopscope::web::text_mirror

// Module.flopscope.textMirror(): the same JSON, parsed by bindings.js ("null" before the app exists).
extern "C" EMSCRIPTEN_KEEPALIVE const char* flopscope_text_mirror() {
    using namespace flopscope::web;
    return text_mirror::g_app != nullptr ? hand_to_js(text_mirror::to_json(text_mirror::g_app->text_mirror())) : "null";
}
