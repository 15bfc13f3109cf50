// Flopscope web — app::TextMirror to the shell's DOM mirror (see the header). Also exported to the test
// hook as Module.flopscope.textMirror().
#include "web/text_mirror.h"

#include "app/app.h"

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>

namespace flopscope::web::text_mirror {
namespace {

using emscripten::val;

bool g_dirty = true;
const app::App* g_app = nullptr;

val figure(const app::TextMirror::Figure& f) {
    val out = val::object();
    out.set("label", f.label);
    out.set("text", f.text);
    out.set("value", std::isnan(f.value) ? val::null() : val(f.value));
    return out;
}

// { model, headline: [{label, text, value}], sentences: [...], caption, columns: [...],
//   rows: [{label, cells: [{text, value}]}] }
val to_js(const app::TextMirror& m) {
    val out = val::object();
    out.set("model", m.model);
    val headline = val::array();
    for (const auto& f : m.headline) headline.call<void>("push", figure(f));
    out.set("headline", headline);
    val sentences = val::array();
    for (const auto& s : m.sentences) sentences.call<void>("push", s);
    out.set("sentences", sentences);
    out.set("caption", m.table_caption);
    val columns = val::array();
    for (const auto& c : m.columns) columns.call<void>("push", c);
    out.set("columns", columns);
    val rows = val::array();
    for (const auto& r : m.rows) {
        val row = val::object();
        row.set("label", r.label);
        val cells = val::array();
        for (const auto& c : r.cells) cells.call<void>("push", figure(c));
        row.set("cells", cells);
        rows.call<void>("push", row);
    }
    out.set("rows", rows);
    return out;
}

val text_mirror_now() { return g_app != nullptr ? to_js(g_app->text_mirror()) : val::null(); }

} // namespace

void mark_dirty() { g_dirty = true; }

void publish_if_dirty(const app::App& app) {
    g_app = &app;
    if (!g_dirty) return;
    g_dirty = false;
    val shell = val::module_property("onFlopscopeTextMirror");
    if (shell.typeOf().as<std::string>() == "function") shell(to_js(app.text_mirror()));
}

EMSCRIPTEN_BINDINGS(flopscope_text_mirror) { emscripten::function("flopscope_textMirror", &text_mirror_now); }

} // namespace flopscope::web::text_mirror
