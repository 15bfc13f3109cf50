// Flopscope core — the exports' documents from a state's link (see documents.h).
#include "core/documents.h"

#include "core/figure.h"
#include "core/link.h"
#include "core/report.h"

namespace flopscope {

Document write_document(const DocumentRequest& request) {
    Document doc;
    State state;
    const LinkDecode decoded = decode_link(request.link, state);
    if (!decoded.ok()) {
        doc.error = "the state did not come through its link: " + decoded.problems.front();
        return doc;
    }
    if (request.format == DocumentFormat::ChartSvg) {
        Figure figure;
        if (!figure_unpack(request.figure, figure)) doc.error = "the chart's figure did not come through whole";
        else doc.text = figure_svg(figure, chart_file_title(request.chart, state));
        return doc;
    }
    const Results results = compute(state);
    switch (request.format) {
    case DocumentFormat::Csv: doc.text = results_csv(state, results); break;
    case DocumentFormat::Markdown: doc.text = results_markdown(state, results); break;
    case DocumentFormat::Json: doc.text = results_json(state, results); break;
    case DocumentFormat::Latex: doc.text = results_latex(state, results); break;
    case DocumentFormat::ChartSvg:
    case DocumentFormat::Count_: doc.error = "not a document format"; break;
    }
    return doc;
}

} // namespace flopscope
