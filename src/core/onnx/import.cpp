// Flopscope core — ONNX import, part 4: bytes to a State (see import.h).
#include "core/onnx/import.h"

#include "core/report.h"

namespace flopscope::onnx {

std::string Import::error() const {
    if (!read_error.ok()) return read_error.message;
    if (!analysis.ok()) return analysis.error.message;
    return {};
}

const char* Import::error_code() const {
    if (!read_error.ok()) return read_error_name(read_error.code);
    if (!analysis.ok()) return read_error_name(analysis.error.code);
    return "";
}

std::vector<std::string> Import::notes() const {
    std::vector<std::string> out;
    if (!read_error.ok() || !analysis.ok()) return out;
    if (analysis.batchnorm_folded)
        out.push_back("batch norm was folded into " + std::to_string(analysis.convs_with_folded_bias) +
                      (analysis.convs_with_folded_bias == 1 ? " convolution" : " convolutions") + " by the exporter: the parameter count is the framework's minus each folded "
                      "norm's scale and shift, plus the conv biases the exporter made");
    if (analysis.fixed_to_export_size)
        out.push_back("the file is fixed to its export size: " + analysis.fixed_reason);
    if (analysis.external_weights) out.push_back("weights are stored outside the file (not needed for counting)");
    out.insert(out.end(), mapping_notes.begin(), mapping_notes.end());
    return out;
}

Import import_onnx(ByteSource& source, const AnalyseOptions& options, const State& base) {
    Import im;
    im.state = base;
    im.read_error = read_model(source, im.model);
    if (!im.read_error.ok()) return im;
    im.analysis = analyse(im.model, options);
    if (!im.analysis.ok()) return im;
    im.mapped = to_network(im.model, im.analysis, im.network, im.mapping_error, &im.mapping_notes);
    if (!im.mapped) return im;
    im.state.model = kCustomModel;
    im.state.custom = im.network;
    im.state.input_c = im.network.input.c;
    im.state.input_h = im.network.input.h;
    im.state.input_w = im.network.input.w;
    return im;
}

namespace {

std::string count_text(Count c, const char* overflow) { return c.ok() ? std::to_string(c.value) : overflow; }

std::string dims_json(const std::vector<std::int64_t>& dims) {
    std::string o = "[";
    for (std::size_t i = 0; i < dims.size(); ++i) o += (i ? ", " : "") + std::to_string(dims[i]);
    return o + "]";
}

} // namespace

std::string import_json(const Import& im, const std::string& file) {
    const Analysis& an = im.analysis;
    const bool analysed = im.read_error.ok() && an.ok();
    std::string o = "{\"file\": " + json_string(file);
    o += ", \"opset\": " + std::to_string(im.model.opset);
    o += ", \"nodes\": " + std::to_string(im.model.graph.nodes.size());
    o += ", \"input\": " + dims_json(analysed ? an.input_shape : std::vector<std::int64_t>{});
    o += ", \"complete\": " + json_bool(analysed && an.complete);
    o += ", \"dense_macs\": " + (analysed ? count_text(an.macs, "null") : "null");
    o += ", \"attention_macs\": " + (analysed ? count_text(an.attention_macs, "null") : "null");
    o += ", \"params\": " + (analysed ? count_text(an.params, "null") : "null");
    o += ", \"batchnorm_folded\": " + json_bool(analysed && an.batchnorm_folded);
    o += ", \"fixed_to_export_size\": " + json_bool(analysed && an.fixed_to_export_size);
    o += ", \"mapped\": " + json_bool(im.mapped);
    o += ", \"mapping_error\": " + json_string(im.mapping_error);
    o += ", \"notes\": [";
    const std::vector<std::string> notes = im.notes();
    for (std::size_t i = 0; i < notes.size(); ++i) o += (i ? ", " : "") + json_string(notes[i]);
    o += "], \"unsupported_ops\": [";
    for (std::size_t i = 0; i < an.unsupported.size(); ++i)
        o += std::string(i ? ", " : "") + "{\"op\": " + json_string(an.unsupported[i].op) +
             ", \"count\": " + std::to_string(an.unsupported[i].count) + "}";
    o += "], \"error\": " + json_string(im.error()) + ", \"error_code\": " + json_string(im.error_code()) + "}";
    return o;
}

const std::vector<std::string>& summary_columns() {
    static const std::vector<std::string> columns = {"file", "status", "opset", "nodes", "input", "dense_macs",
                                                     "attention_macs", "params", "unsupported_ops", "message"};
    return columns;
}

std::vector<std::string> summary_row(const Import& im, const std::string& file) {
    const Analysis& an = im.analysis;
    if (!im.error().empty())
        return {file, im.error_code(), std::to_string(im.model.opset), std::to_string(im.model.graph.nodes.size()), "", "", "", "", "", im.error()};
    std::string input, unsupported;
    for (std::size_t i = 0; i < an.input_shape.size(); ++i) input += (i ? "x" : "") + std::to_string(an.input_shape[i]);
    for (const OpCount& u : an.unsupported) unsupported += (unsupported.empty() ? "" : " ") + u.op + "x" + std::to_string(u.count);
    const char* status = !an.complete ? "incomplete" : im.mapped ? "ok" : "unmapped";
    std::string message = im.mapped ? "" : im.mapping_error;
    for (const std::string& n : im.notes()) message += (message.empty() ? "" : "; ") + n;
    return {file, status, std::to_string(im.model.opset), std::to_string(im.model.graph.nodes.size()), input,
            count_text(an.macs, "overflow"), count_text(an.attention_macs, "overflow"), count_text(an.params, "overflow"),
            unsupported, message};
}

} // namespace flopscope::onnx
