// Flopscope web — importing an .onnx file dropped on the page or picked with "Open ONNX…": reading it from
// the browser's File API in slices, without ever holding the whole file in wasm memory or in one JS
// ArrayBuffer, through the import module (src/web/import_module: the core's ONNX reader, analysis and
// mapping in their own wasm), which the page loads with a <script> only when the first file arrives.
//
// Why a resumable read: the core's reader (core/onnx/reader.h) is synchronous and pulls (offset, len)
// windows from a ByteSource, skipping initializer payloads by offset; File.slice().arrayBuffer() is
// asynchronous. So the read runs as attempts: the module reads through a cache of 16 KiB blocks kept in
// JS; the first block it needs that is missing ends the attempt; JS fetches that block (and, while the
// misses run on sequentially, a doubling run after it) with one File.slice() and starts the next attempt.
// An attempt costs a re-parse of the graph's bytes read so far, not a re-read of the file; payloads are
// never fetched. The module answers with the mapped network as the link's layer-list text, which this
// wasm already decodes; the app then decides what the user sees (App::import_found).
//
// [SECTION] What the module found, into the app (called by JS)
// [SECTION] JS: loading the module, drop, file input, the attempt loop
#include "web/onnx_import.h"

#include "app/app.h"
#include "core/link.h"
#include "web/js_string.h"
#include "web/loop.h"
#include "web/text_mirror.h"

#include <emscripten.h>

#include <string>

namespace flopscope::web::onnx_import {
namespace {

app::App* g_app = nullptr;

//-----------------------------------------------------------------------------
// [SECTION] What the module found, into the app (called by JS)
//-----------------------------------------------------------------------------

// `unsupported` is "op\tcount" lines; `layers` the link's layer-list text of the mapped network.
void found(const std::string& file_name, const std::string& error, int nodes, double opset,
           const std::string& unsupported, bool batchnorm_folded, int folded_convs, bool mapped,
           const std::string& name, const std::string& layers, double c, double h, double w) {
    if (g_app == nullptr) return;
    app::App::ImportFound f;
    f.nodes = nodes;
    f.opset = static_cast<std::int64_t>(opset);
    for (std::size_t at = 0; at < unsupported.size();) {
        std::size_t end = unsupported.find('\n', at);
        if (end == std::string::npos) end = unsupported.size();
        const std::string line = unsupported.substr(at, end - at);
        const std::size_t tab = line.find('\t');
        int count = 0;  // the module wrote it: decimal digits of an int
        for (std::size_t i = tab + 1; tab != std::string::npos && i < line.size(); ++i) count = count * 10 + (line[i] - '0');
        if (tab != std::string::npos) f.unsupported.emplace_back(line.substr(0, tab), count);
        at = end + 1;
    }
    f.batchnorm_folded = batchnorm_folded;
    f.folded_convs = folded_convs;
    f.error = error;
    if (mapped && error.empty()) {
        const LinkDecode decoded = decode_layer_list(layers, f.network.layers);
        if (decoded.ok()) {
            f.mapped = true;
            f.network.name = name;
            f.network.input = Shape{static_cast<std::int64_t>(c), static_cast<std::int64_t>(h), static_cast<std::int64_t>(w)};
        } else {
            f.error = decoded.problems.front();
        }
    }
    g_app->set_import_progress(file_name, -1);
    g_app->import_found(f, file_name);
    text_mirror::mark_dirty();
    loop::wake();
}

void progress(const std::string& file_name, double fraction) {
    if (g_app == nullptr) return;
    g_app->set_import_progress(file_name, static_cast<float>(fraction));
    loop::wake();
}

// The file could not be read at all (the browser refused a slice, the module did not load, or the
// reader rejected the bytes).
void failed(const std::string& file_name, const std::string& why) {
    if (g_app == nullptr) return;
    g_app->set_import_progress(file_name, -1);
    g_app->import_failed(file_name, why);
    text_mirror::mark_dirty();
    loop::wake();
}


//-----------------------------------------------------------------------------
// [SECTION] JS: loading the module, drop, file input, the attempt loop
//-----------------------------------------------------------------------------

extern "C" {
void js_onnx_install();  // onnx_import.js
void js_onnx_pick();
}


} // namespace


void install(app::App& app) {
    g_app = &app;
    js_onnx_install();
}

void pick() { js_onnx_pick(); }

} // namespace flopscope::web::onnx_import

// The exports onnx_import.js calls (strings are UTF-8 copies it frees after the call).
extern "C" {

EMSCRIPTEN_KEEPALIVE void flopscope_onnx_found(const char* file_name, const char* error, int nodes, double opset,
                                               const char* unsupported, int batchnorm_folded, int folded_convs,
                                               int mapped, const char* name, const char* layers, double c, double h,
                                               double w) {
    flopscope::web::onnx_import::found(file_name, error, nodes, opset, unsupported, batchnorm_folded != 0, folded_convs,
                                       mapped != 0, name, layers, c, h, w);
}
EMSCRIPTEN_KEEPALIVE void flopscope_onnx_progress(const char* file_name, double fraction) {
    flopscope::web::onnx_import::progress(file_name, fraction);
}
EMSCRIPTEN_KEEPALIVE void flopscope_onnx_failed(const char* file_name, const char* why) {
    flopscope::web::onnx_import::failed(file_name, why);
}
EMSCRIPTEN_KEEPALIVE void flopscope_open_scenario(const char* file_name, const char* text, double file_bytes) {
    using namespace flopscope::web;
    if (onnx_import::g_app == nullptr) return;
    onnx_import::g_app->open_scenario_file(file_name, text, file_bytes);
    text_mirror::mark_dirty();
    loop::wake();
}
EMSCRIPTEN_KEEPALIVE const char* flopscope_import_json() {
    using namespace flopscope::web;
    return onnx_import::g_app != nullptr ? hand_to_js(onnx_import::g_app->import_json()) : "{}";
}

} // extern "C"
