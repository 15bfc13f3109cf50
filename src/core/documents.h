// Flopscope core — the documents the page's exports write, from a state's link: the layer table and the
// results as CSV, Markdown, JSON and LaTeX (core/report.h), and a chart as SVG (core/figure.h). The page
// hands the request to its lazily loaded module (src/web/import_module), which runs write_document, so
// none of these writers ships in the page's own wasm; the CLI calls the same writers, so a page export
// and `flopscope --link … --format …` are the same bytes.
#pragma once

#include "core/charts.h"
#include "core/enum_names.h"

#include <cstdint>
#include <string>

namespace flopscope {

enum class DocumentFormat : std::uint8_t { Csv, Markdown, Json, Latex, ChartSvg, Count_ };
// As the page hands them to its module.
inline constexpr EnumNames<DocumentFormat> kDocumentFormatNames{"csv", "markdown", "json", "latex", "svg"};

struct DocumentRequest {
    DocumentFormat format = DocumentFormat::Csv;
    std::string link;                   // the state: encode_link() (all of it; a scenario file holds the same)
    ChartKind chart = ChartKind::Cost;  // ChartSvg: which chart (the file's title)
    std::string figure;                 // ChartSvg: the chart as the page drew it, figure_pack()
};

struct Document {
    std::string text;
    std::string error;  // why there is no document ("" when there is)
    bool ok() const { return error.empty(); }
};

// The document `request` asks for: the link decoded (a problem in it is the error, never a document of
// another state), its results computed, and the format's writer; a chart's SVG from its unpacked figure.
Document write_document(const DocumentRequest& request);

} // namespace flopscope
