// Flopscope app — the native path of an import: the core analyses a read model and maps it onto its layer
// kinds, then import.cpp decides what the user sees. Its own file so that the page, which gets the same
// findings from its lazily loaded import module (src/web/import_module), never links core/onnx.
#include "app/app.h"
#include "core/onnx/analysis.h"

namespace flopscope::app {

void App::import_onnx(const onnx::Model& model, const std::string& file_name) {
    ImportFound found;
    found.nodes = static_cast<int>(model.graph.nodes.size());
    found.opset = model.opset;
    const onnx::Analysis an = onnx::analyse(model);
    for (const onnx::OpCount& u : an.unsupported) found.unsupported.emplace_back(u.op, u.count);
    found.batchnorm_folded = an.batchnorm_folded;
    found.folded_convs = an.convs_with_folded_bias;
    if (!an.ok()) found.error = an.error.message;
    else if (found.unsupported.empty()) found.mapped = onnx::to_network(model, an, found.network, found.error);
    import_found(found, file_name);
}

} // namespace flopscope::app
