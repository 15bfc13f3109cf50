// Flopscope web — the exports' documents (CSV, Markdown, JSON, LaTeX, a chart's SVG), written by the
// page's lazily loaded module (src/web/import_module, loaded by lazy_module.js) from the state's link and,
// for a chart, the figure as drawn (core/documents.h), so the page's wasm carries none of the writers.
// The answer comes back on a later turn of the event loop; the app then downloads or copies it.
#include "web/documents.h"

#include "web/loop.h"

#include <emscripten.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace {
using Done = std::function<void(const flopscope::Document&)>;
}

// Defined in documents.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_write_document(Done* done, const char* format, const char* link, const char* chart, const std::uint8_t* figure,
                       int figure_size);
void js_prepare_documents();
}

namespace flopscope::web::documents {

// The callback goes to JS and comes back with the answer (documents.js answers each request once): the
// page keeps no table of requests in flight.
void write(const DocumentRequest& request, std::function<void(const Document&)> done) {
    js_write_document(new Done(std::move(done)), kDocumentFormatNames.name(request.format), request.link.c_str(),
                      chart_name(request.chart), reinterpret_cast<const std::uint8_t*>(request.figure.data()),
                      static_cast<int>(request.figure.size()));
}

void prepare() { js_prepare_documents(); }

} // namespace flopscope::web::documents

// documents.js's answer: the document's `size` bytes of UTF-8, or why there is none (copies it frees after).
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_document_written(Done* waiting, const char* text, int size, const char* error) {
    const std::unique_ptr<Done> done(waiting);
    flopscope::Document doc;
    doc.text.assign(text, static_cast<std::size_t>(size));
    doc.error = error;
    (*done)(doc);
    flopscope::web::loop::wake();
}
