// Flopscope core — ONNX import, part 4: one call from bytes to a State the rest of the core computes.
//
// read_model() → analyse() → to_network(), and the imported network put into a State as the custom
// network (model "custom", input = the file's bound input). The CLI and the page both call this, each
// with its own ByteSource (pread in the CLI, File API slices in the browser), so the numbers match.
#pragma once

#include "core/onnx/analysis.h"
#include "core/onnx/reader.h"
#include "core/state.h"

#include <string>

namespace flopscope::onnx {

struct Import {
    ReadError read_error;    // the file could not be read (truncated, not ONNX, unsupported opset, …)
    Model model;
    Analysis analysis;       // valid when read_error.ok(); analysis.error: cyclic, missing input, dims
    bool mapped = false;     // the graph maps onto the core's layer kinds: `network` and `state` are set
    std::string mapping_error;  // why not (names the first node no layer kind expresses)
    std::vector<std::string> mapping_notes;  // what the mapping leaves out on purpose (to_network)
    Network network;
    // The state to compute: `base` with model "custom", the imported network and its input size.
    State state;

    // The first problem that stops the whole file, "" when it was read and analysed. A file that
    // analyses but does not map is not an error here: its analysis and unsupported ops still stand.
    std::string error() const;
    // "truncated", "not_onnx", "unsupported_opset", "cyclic_graph", … (read_error_name), "" when fine.
    const char* error_code() const;
    // The analysis's notes for the user: BN folded into the convs, fixed to the export size, external
    // weights; then the mapping's notes. One sentence each.
    std::vector<std::string> notes() const;
};

// Reads, analyses and maps a file. `base` supplies everything but the network (scenario, counting,
// device); its own network fields are replaced when the file maps. Never throws.
Import import_onnx(ByteSource& source, const AnalyseOptions& options, const State& base);

// What the import adds to the results JSON, as one JSON object:
//   {"file": …, "opset": 17, "nodes": 1296, "input": [1, 3, 224, 224], "complete": true,
//    "dense_macs": …, "attention_macs": …, "params": …, "mapped": true, "mapping_error": "",
//    "notes": ["…"], "unsupported_ops": [{"op": "Foo", "count": 2}], "error": "", "error_code": ""}
// Counts are the analysis's (torchvision's convention), null on overflow.
std::string import_json(const Import& im, const std::string& file);

// One summary row per file, for scanning a folder: the column names, then a row's cells (strings,
// unquoted). Columns: file, status (ok | unmapped | incomplete | the error code), opset, nodes, input,
// dense_macs, attention_macs, params, unsupported_ops ("Op×N Op×N"), message.
const std::vector<std::string>& summary_columns();
std::vector<std::string> summary_row(const Import& im, const std::string& file);

} // namespace flopscope::onnx
