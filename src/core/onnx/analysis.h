// Flopscope core — ONNX import, part 2: static shape inference and exact costs over a read model.
//
// [SECTION] Options: binding symbolic dims and the input size
// [SECTION] Per-node results
// [SECTION] The analysis
// [SECTION] Mapping onto the core's layer kinds
//
// Shapes (and the values of small integer tensors, so that Shape→Gather→Concat→Reshape chains resolve)
// are propagated node by node in topological order. Costs follow torchvision's convention: Conv, Gemm
// and MatMul multiply-accumulates, no bias; MatMul/Einsum between two activations (attention) are kept
// apart. Every node is a row; an op this code does not know is listed by name and count, its outputs
// become unknown, and every node downstream says so: nothing is counted as a silent zero.
#pragma once

#include "core/count.h"
#include "core/network.h"
#include "core/onnx/reader.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flopscope::onnx {

//-----------------------------------------------------------------------------
// [SECTION] Options
//-----------------------------------------------------------------------------

struct SymbolValue {
    std::string name;  // a dim_param, e.g. "batch"
    std::int64_t value = 1;
};

struct AnalyseOptions {
    // Values for symbolic dims (dim_param). A symbol not listed here takes `default_symbol` (batch 1).
    std::vector<SymbolValue> symbols;
    std::int64_t default_symbol = 1;
    // Re-binds the spatial size (the last two dims) of the first 4-D graph input; 0 keeps the file's.
    // Allowed only while the file's own checks hold (conv input channels, Gemm/MatMul K, Reshape element
    // counts); otherwise the analysis says the file is fixed to its export size.
    std::int64_t height = 0, width = 0;
};

//-----------------------------------------------------------------------------
// [SECTION] Per-node results
//-----------------------------------------------------------------------------

enum class NodeClass : std::uint8_t {
    Compute,        // Conv, Gemm, MatMul, Einsum: dense multiply-accumulates
    Normalization,  // BatchNormalization, LayerNormalization, InstanceNormalization
    Activation,     // Relu, Clip, Sigmoid, …
    Elementwise,    // Add, Mul, Sub, Div, Pow, …
    Pool,           // MaxPool, AveragePool, Global*Pool, Reduce*
    DataMovement,   // Reshape, Transpose, Concat, Slice, Gather, Pad, … (zero cost)
    ShapeOnly,      // Shape, Constant, ConstantOfShape, Range, Cast of shape values (no tensor work)
    Unsupported,    // an op this reader does not know (listed, never counted as zero)
};
const char* node_class_name(NodeClass c);

enum class NodeStatus : std::uint8_t {
    Ok,
    Unsupported,     // the op itself is unknown (or has a subgraph, or a custom domain)
    UnknownInput,    // an input's shape is unknown (downstream of an unsupported op or a failure)
    Failed,          // the node's own check failed (channels, K, element count, …): see `problem`
};

struct NodeResult {
    std::string name;     // as in the file, or "<op>_<index>" when the file has none
    std::string op;       // op type, prefixed by its domain when not the default ("com.microsoft::Gelu")
    std::string module;   // module scope, e.g. "layer1.0.conv1" (from "/layer1/layer1.0/conv1/Conv")
    NodeClass cls = NodeClass::Unsupported;
    NodeStatus status = NodeStatus::Ok;
    std::string problem;  // why the node is not Ok
    std::vector<std::vector<std::int64_t>> input_shapes;   // one per input ([] for unknown or omitted)
    std::vector<std::vector<std::int64_t>> output_shapes;  // one per output ([] for unknown or omitted)
    Count macs;            // dense MACs with a weight operand (Conv, Gemm, MatMul/Einsum with an initializer)
    Count attention_macs;  // MatMul/Einsum between two activations
    Count params;          // float weight elements first consumed by this node (each initializer once)
    Count output_elements; // elements written (all outputs)
};

struct OpCount {
    std::string op;
    int count = 0;
};

// Module scope groups, in first-appearance order: a decomposed LayerNorm or GELU is one group.
struct ModuleGroup {
    std::string module;
    std::vector<int> nodes;  // indices into Analysis::nodes
    Count macs, attention_macs, params;
};

//-----------------------------------------------------------------------------
// [SECTION] The analysis
//-----------------------------------------------------------------------------

struct Analysis {
    ReadError error;                 // a structural problem (cycle, missing input, bad input dims)
    std::vector<NodeResult> nodes;   // one per node, in the file's order
    std::vector<int> order;          // topological order used (equals file order for valid files)
    std::vector<ModuleGroup> groups;
    std::vector<OpCount> unsupported;  // ops not understood, with their node counts
    std::vector<SymbolValue> symbols_used;  // each dim_param met and the value it took

    std::vector<std::int64_t> input_shape;  // the bound shape of the first graph input
    Count macs, attention_macs, params;     // totals over Ok nodes
    bool complete = false;    // every node Ok: totals are exact for the whole graph
    int failed_nodes = 0;     // nodes not Ok (unsupported, unknown input, failed)

    int batchnorm_nodes = 0;  // BatchNormalization nodes left in the file
    int convs = 0, convs_with_bias = 0;
    // Convs whose bias the exporter made ("onnx::Conv_N", torch's name for a BN folded into the conv;
    // a native bias keeps its module name). Then the parameter count is the framework's minus the folded
    // BN's scale and shift plus the new bias: the UI must say so next to it.
    int convs_with_folded_bias = 0;
    bool batchnorm_folded = false;
    bool external_weights = false;  // initializer payloads stored outside the file (not needed)

    // Re-binding H×W broke one of the file's own checks: the file is fixed to its export size.
    bool fixed_to_export_size = false;
    std::string fixed_reason;
    bool ok() const { return error.ok(); }
};

// Analyses a read model. Never throws; `error` is set only for problems that stop the whole graph
// (cycles, missing inputs, negative or oversized input dims, a re-bind the file does not allow).
Analysis analyse(const Model& model, const AnalyseOptions& options = {});

// The module scope torch writes into node names: "/layer1/layer1.0/conv1/Conv" → "layer1.0.conv1",
// "/features/features.0/features.0.0/Conv" → "features.0.0"; "" when the name has no scope.
std::string module_scope(const std::string& node_name);

//-----------------------------------------------------------------------------
// [SECTION] Mapping onto the core's layer kinds
//-----------------------------------------------------------------------------

// Builds a core Network (the zoo's representation) from an analysed graph: Conv, Gemm/MatMul with a
// weight, BatchNormalization, LayerNorm (one node or opset 13's nine), activations (GELU from its erf
// form), pools, Add/Mul/Concat, Flatten, attention's MatMuls, and learned tensors (Param) map onto
// layer kinds named by their module scope; zero-cost reshapes between them are aliases checked to keep
// the C×H×W shape. Returns false with a message naming the first node the kinds cannot express. On
// success the core's evaluate() of `out` gives the file's shape for every layer (checked here).
// `notes` (if given) receives one sentence per kind of work the mapping leaves out on purpose (Swin's
// shifted-window attention mask, a constant the zoo does not count either), with its element count.
bool to_network(const Model& model, const Analysis& analysis, Network& out, std::string& error,
                std::vector<std::string>* notes = nullptr);

} // namespace flopscope::onnx
