// Flopscope fuzzing — what must hold for ANY bytes given to the ONNX reader (core/onnx/*.h). Shared by
// tools/fuzz/fuzz_onnx.cpp and tests/fuzz_regressions_test.cpp (which replays the seed corpus and every
// regression): returns "" when the properties hold, else what broke.
#pragma once

#include "core/network.h"
#include "core/onnx/analysis.h"
#include "core/onnx/reader.h"

#include <string>

namespace flopscope::fuzz {

inline std::string check_onnx_bytes(const std::string& bytes) {
    using namespace flopscope::onnx;
    MemorySource src(bytes.data(), bytes.size());
    Model model;
    ReadStats stats;
    const ReadError e = read_model(src, model, &stats);
    if (stats.bytes_read > bytes.size()) return "the reader read more bytes than the source has";
    if (!e.ok()) return e.message.empty() ? "a read error without a message" : "";
    const Analysis an = analyse(model);
    if (!an.ok()) return an.error.message.empty() ? "an analysis error without a message" : "";
    if (an.nodes.size() != model.graph.nodes.size()) return "not one result per node";
    int failed = 0;
    for (const NodeResult& r : an.nodes) {
        if (r.status == NodeStatus::Ok) continue;
        ++failed;
        if (r.problem.empty()) return "a node that is not Ok without a problem";
    }
    if (failed != an.failed_nodes || (an.complete && failed != 0)) return "failed_nodes/complete disagree with the nodes";
    if (!an.macs.ok() || !an.attention_macs.ok() || !an.params.ok()) {
        if (an.complete) return "an overflowed total in a complete analysis";
    }
    std::size_t unsupported = 0;
    for (const OpCount& u : an.unsupported) unsupported += static_cast<std::size_t>(u.count);
    std::size_t unsupported_nodes = 0;
    for (const NodeResult& r : an.nodes) unsupported_nodes += r.status == NodeStatus::Unsupported;
    if (unsupported != unsupported_nodes) return "the unsupported-op counts do not add up to the unsupported nodes";
    Network net;
    std::string err;
    if (!to_network(model, an, net, err)) return err.empty() ? "to_network failed without a message" : "";
    const Evaluation ev = evaluate(net, Counting{});
    if (!ev.ok()) return ev.error.empty() ? "an evaluation error without a message" : "";
    // The mapped network counts attention's matmuls (MatMul layers) with the rest; the analysis keeps them apart.
    if (an.macs.ok() && an.attention_macs.ok() && ev.totals.dense_macs.value != an.macs.value + an.attention_macs.value)
        return "the mapped network's MACs differ from the analysis";
    return "";
}

} // namespace flopscope::fuzz
