// Flopscope web — the exports' writers in the page's lazily loaded module (with the ONNX import,
// onnx_module.cpp): the page hands over the state's link (and a chart's packed figure) and gets the
// document back (core/documents.h), so the page's own wasm carries none of the writers.
#include "core/documents.h"

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

namespace {

using namespace flopscope;

// {text, error}: the document, or why there is none. `format` is a kDocumentFormatNames name, `chart` a
// chart_name() (read for "svg"), `figure` the bytes of figure_pack() (a Uint8Array).
emscripten::val write(std::string format, std::string link, std::string chart, std::string figure) {
    DocumentRequest request;
    Document doc;
    const std::optional<ChartKind> kind = parse_chart_name(chart);
    if (!kDocumentFormatNames.parse(format, request.format)) doc.error = "no document format \"" + format + "\"";
    else if (!kind) doc.error = "no chart \"" + chart + "\"";
    else {
        request.link = std::move(link);
        request.chart = *kind;
        request.figure = std::move(figure);
        doc = write_document(request);
    }
    emscripten::val out = emscripten::val::object();
    out.set("text", doc.text);
    out.set("error", doc.error);
    return out;
}

} // namespace

EMSCRIPTEN_BINDINGS(flopscope_documents_module) {
    emscripten::function("writeDocument", &write);
}
