// ONNX import: the wire reader, shape inference per op, and malformed files (core/onnx/*.h).
// Models are built byte by byte with tests/onnx_builder.h; expected numbers are worked out in comments.
#include "core/onnx/analysis.h"
#include "core/onnx/reader.h"
#include "core/zoo.h"

#include "onnx_builder.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace flopscope;
using namespace flopscope::onnx;
using namespace onnx_test;

namespace {

using Dims = std::vector<std::int64_t>;

struct Run {
    Model model;
    ReadError read;
    Analysis an;
    ReadStats stats;
    // The inferred shape of tensor `name` (a node output); {-1} when unknown.
    Dims shape(const std::string& name) const {
        for (std::size_t i = 0; i < model.graph.nodes.size(); ++i)
            for (std::size_t k = 0; k < model.graph.nodes[i].outputs.size(); ++k)
                if (model.graph.nodes[i].outputs[k] == name && i < an.nodes.size() && k < an.nodes[i].output_shapes.size() &&
                    an.nodes[i].status == NodeStatus::Ok)
                    return an.nodes[i].output_shapes[k];
        return {-1};
    }
    const NodeResult& node(const std::string& name) const {
        for (std::size_t i = 0; i < model.graph.nodes.size(); ++i)
            if (model.graph.nodes[i].name == name) return an.nodes[i];
        FAIL("no node " << name);
        return an.nodes.front();
    }
};

Run run(const std::string& bytes, const AnalyseOptions& opt = {}) {
    Run r;
    MemorySource src(bytes.data(), bytes.size());
    r.read = read_model(src, r.model, &r.stats);
    if (r.read.ok()) r.an = analyse(r.model, opt);
    return r;
}

// A graph with one float input "x" of `dims`, the nodes, initializers, and output "y".
std::string graph_model(const Dims& x, const std::vector<Pb>& nodes, const std::vector<Pb>& inits = {},
                        std::int64_t opset = 13, const std::vector<Pb>& more_inputs = {}) {
    Pb g;
    for (const Pb& n : nodes) g.m(1, n);
    g.s(2, "test");
    for (const Pb& t : inits) g.m(5, t);
    g.m(11, value_info("x", x));
    for (const Pb& v : more_inputs) g.m(11, v);
    Pb y;
    y.s(1, "y");
    g.m(12, y);
    return model(g, opset);
}

std::string zeros(std::size_t n) { return std::string(n, '\0'); }

Pb weight(const std::string& name, const Dims& dims) {
    std::int64_t n = 1;
    for (auto d : dims) n *= d;
    return tensor(name, dims, 1, zeros(static_cast<std::size_t>(n) * 4));
}

Pb i64(const std::string& name, const Dims& values) {
    return tensor(name, {static_cast<std::int64_t>(values.size())}, 7, int64_raw(values));
}

Pb const_node(const std::string& out, const Dims& values) {
    return node("Constant", out + "_node", {}, {out}, {attr_tensor("value", i64("", values))});
}

} // namespace

//-----------------------------------------------------------------------------
// Reading
//-----------------------------------------------------------------------------

TEST_CASE("onnx reader: header, opset, nodes, attributes, initializer headers") {
    const std::string bytes = graph_model(
        {1, 3, 8, 8}, {node("Conv", "/c/Conv", {"x", "w", "b"}, {"y"}, {attr_ints("pads", {1, 1, 1, 1}), attr_int("group", 1)})},
        {weight("w", {4, 3, 3, 3}), weight("b", {4})});
    const Run r = run(bytes);
    REQUIRE(r.read.ok());
    CHECK(r.model.ir_version == 8);
    CHECK(r.model.producer_name == "flopscope-test");
    CHECK(r.model.opset == 13);
    REQUIRE(r.model.graph.nodes.size() == 1);
    const Node& n = r.model.graph.nodes[0];
    CHECK(n.op_type == "Conv");
    CHECK(n.inputs == std::vector<std::string>{"x", "w", "b"});
    REQUIRE(n.attribute("pads"));
    CHECK(n.attribute("pads")->ints == Dims{1, 1, 1, 1});
    REQUIRE(r.model.graph.initializers.size() == 2);
    CHECK(r.model.graph.initializers[0].dims == Dims{4, 3, 3, 3});
    CHECK(r.model.graph.initializers[0].payload_bytes == 4u * 108u);
    CHECK_FALSE(r.model.graph.initializers[0].has_values);  // 108 floats: a weight, never decoded
    REQUIRE(r.an.ok());
    // 8×8, 3×3, pad 1: 4×8×8 outputs × 3·3·3 = 256 × 27 = 6,912 MACs; params 108 + 4.
    CHECK(r.shape("y") == Dims{1, 4, 8, 8});
    CHECK(r.an.macs.value == 6912);
    CHECK(r.an.params.value == 112);
    CHECK(r.an.complete);
}

TEST_CASE("onnx reader: weights are skipped by offset, never read (a source that counts bytes)") {
    // An 8 MiB weight between the nodes and the graph inputs, as torch lays files out.
    const Pb big = weight("w", {512, 512, 2, 4});  // 2,097,152 floats = 8 MiB
    const std::string bytes =
        graph_model({1, 512, 16, 16}, {node("Conv", "/c/Conv", {"x", "w"}, {"y"}, {attr_ints("kernel_shape", {2, 4})})}, {big});
    REQUIRE(bytes.size() > 8u * 1024 * 1024);
    CountingSource src(bytes);
    Model m;
    ReadStats stats;
    REQUIRE(read_model(src, m, &stats).ok());
    CHECK(src.bytes_read == stats.bytes_read);
    CHECK(src.bytes_read < 3 * kReadWindow);  // the head, the tail: ~3 windows of an 8 MiB file
    CHECK(stats.bytes_skipped == 8u * 1024 * 1024);
    CHECK(m.graph.initializers[0].payload_bytes == 8u * 1024 * 1024);
    const Analysis an = analyse(m);
    // 16×16 input, kernel 2×4, no padding: 15×13 outputs × 512 channels × 512·2·4 = 99,840 × 4,096.
    CHECK(an.macs.value == 15ull * 13 * 512 * 512 * 2 * 4);
    CHECK(an.params.value == 512ull * 512 * 8);
}

TEST_CASE("onnx reader: packed and unpacked ints, typed tensor data, symbolic batch") {
    Pb packed_attr;
    {
        Pb run_bytes;
        for (int v : {1, 1}) run_bytes.varint(static_cast<std::uint64_t>(v));
        packed_attr.s(1, "strides").u(20, 7).s(8, run_bytes.b);  // packed ints
    }
    Pb typed_shape;  // int64_data instead of raw_data: the target shape [1, -1]
    typed_shape.i(1, 2).u(2, 7).s(8, "shape").i(7, 1).i(7, -1);
    const std::string bytes = graph_model(
        {-1, 2, 5, 5},
        {node("Conv", "/c/Conv", {"x", "w"}, {"c"}, {packed_attr}), node("Reshape", "/r/Reshape", {"c", "shape"}, {"y"})},
        {weight("w", {3, 2, 3, 3}), typed_shape});
    Run r = run(bytes);
    REQUIRE(r.an.ok());
    REQUIRE(r.an.symbols_used.size() == 1);
    CHECK(r.an.symbols_used[0].name == "batch");
    CHECK(r.an.symbols_used[0].value == 1);
    CHECK(r.shape("c") == Dims{1, 3, 3, 3});
    CHECK(r.shape("y") == Dims{1, 27});
    // 3×3×3 outputs × 2·3·3 = 27 × 18 = 486 MACs per sample.
    CHECK(r.an.macs.value == 486);
    AnalyseOptions four;
    four.symbols.push_back({"batch", 4});
    r = run(bytes, four);
    CHECK(r.shape("y") == Dims{1, 108});  // the file's own target [1, -1] keeps batch 1
    CHECK(r.an.macs.value == 4 * 486);
}

//-----------------------------------------------------------------------------
// Shape inference per op
//-----------------------------------------------------------------------------

TEST_CASE("onnx shapes: Conv groups, dilations, asymmetric pads and auto_pad") {
    const std::string bytes = graph_model(
        {1, 8, 20, 17},
        {node("Conv", "dil", {"x", "w1"}, {"a"},
              {attr_ints("dilations", {2, 3}), attr_ints("pads", {0, 1, 2, 3}), attr_ints("strides", {2, 1}), attr_int("group", 2)}),
         node("Conv", "same", {"a", "w2"}, {"y"}, {[] { Pb p; p.s(1, "auto_pad").u(20, 3).s(4, "SAME_UPPER"); return p; }(),
                                                  attr_ints("strides", {3, 2})})},
        {weight("w1", {6, 4, 3, 5}), weight("w2", {5, 6, 2, 2})});
    const Run r = run(bytes);
    REQUIRE(r.an.ok());
    // dil: H = floor((20 + 0 + 2 − 2·2 − 1)/2) + 1 = floor(17/2) + 1 = 9; W = (17 + 1 + 3 − 3·4 − 1)/1 + 1 = 9.
    CHECK(r.shape("a") == Dims{1, 6, 9, 9});
    // MACs = 6·9·9 × (8/2)·3·5 = 486 × 60 = 29,160.
    CHECK(r.node("dil").macs.value == 29160);
    // SAME_UPPER: ceil(9/3) = 3, ceil(9/2) = 5; MACs = 5·3·5 × 6·2·2 = 75 × 24 = 1,800.
    CHECK(r.shape("y") == Dims{1, 5, 3, 5});
    CHECK(r.node("same").macs.value == 1800);
}

TEST_CASE("onnx shapes: Gemm transA/transB, MatMul batch broadcast, weight vs attention") {
    const std::string bytes = graph_model(
        {7, 5},
        {node("Gemm", "g", {"x", "wb", "bias"}, {"a"}, {attr_int("transA", 1), attr_int("transB", 1)}),
         node("Reshape", "r", {"a", "s"}, {"a3"}),
         node("MatMul", "act", {"p", "q"}, {"pq"}),
         node("MatMul", "lin", {"a3", "w"}, {"y"})},
        {weight("wb", {9, 7}), weight("bias", {9}), weight("w", {9, 4}), i64("s", {1, 5, 9})}, 13,
        {value_info("p", {2, 1, 3, 4}), value_info("q", {5, 4, 6})});
    const Run r = run(bytes);
    REQUIRE(r.an.ok());
    // Gemm: Aᵀ is 5×7, Bᵀ is 7×9: M=5, K=7, N=9 → 315 MACs.
    CHECK(r.shape("a") == Dims{5, 9});
    CHECK(r.node("g").macs.value == 315);
    // Activation × activation: [2,1,3,4] × [5,4,6] → [2,5,3,6], 180 outputs × K 4 = 720 attention MACs.
    CHECK(r.shape("pq") == Dims{2, 5, 3, 6});
    CHECK(r.node("act").attention_macs.value == 720);
    CHECK(r.node("act").macs.value == 0);
    // [1,5,9] × [9,4] → [1,5,4]: 20 × 9 = 180 weight MACs.
    CHECK(r.shape("y") == Dims{1, 5, 4});
    CHECK(r.node("lin").macs.value == 180);
    CHECK(r.an.macs.value == 315 + 180);
    CHECK(r.an.attention_macs.value == 720);
}

TEST_CASE("onnx shapes: K mismatches and channel mismatches are the file's own checks") {
    const Run gemm = run(graph_model({1, 6}, {node("Gemm", "g", {"x", "w"}, {"y"}, {attr_int("transB", 1)})}, {weight("w", {3, 5})}));
    REQUIRE(gemm.an.ok());
    CHECK(gemm.node("g").status == NodeStatus::Failed);
    CHECK(gemm.node("g").problem.find("K differs") != std::string::npos);
    CHECK_FALSE(gemm.an.complete);
    const Run conv = run(graph_model({1, 4, 5, 5}, {node("Conv", "c", {"x", "w"}, {"y"})}, {weight("w", {2, 3, 1, 1})}));
    CHECK(conv.node("c").status == NodeStatus::Failed);
    CHECK(conv.node("c").problem.find("input channels 4") != std::string::npos);
}

TEST_CASE("onnx shapes: pooling ceil_mode, pads, global pooling, ReduceMean, Flatten") {
    const std::string bytes = graph_model(
        {1, 2, 17, 11},
        {node("MaxPool", "mp", {"x"}, {"a"}, {attr_ints("kernel_shape", {3, 3}), attr_ints("strides", {2, 2}), attr_int("ceil_mode", 1)}),
         node("AveragePool", "ap", {"a"}, {"b"},
              {attr_ints("kernel_shape", {2, 2}), attr_ints("strides", {2, 2}), attr_ints("pads", {1, 1, 1, 1}),
               attr_int("ceil_mode", 1), attr_int("count_include_pad", 0)}),
         node("ReduceMean", "rm", {"b"}, {"c"}, {attr_ints("axes", {2, 3}), attr_int("keepdims", 0)}),
         node("GlobalAveragePool", "gap", {"b"}, {"d"}), node("Flatten", "fl", {"d"}, {"y"})});
    const Run r = run(bytes);
    REQUIRE(r.an.ok());
    // MaxPool 3/2 ceil: H ceil((17−3)/2)+1 = 8 (last window starts at 14 < 17), W ceil((11−3)/2)+1 = 5.
    CHECK(r.shape("a") == Dims{1, 2, 8, 5});
    // AvgPool 2/2 pad 1 ceil: H ceil((8+2−2)/2)+1 = 5, (5−1)·2 = 8 ≥ 8+1? no → 5;
    // W ceil((5+2−2)/2)+1 = 4, (4−1)·2 = 6 ≥ 5+1 → dropped → 3.
    CHECK(r.shape("b") == Dims{1, 2, 5, 3});
    CHECK(r.shape("c") == Dims{1, 2});
    CHECK(r.shape("d") == Dims{1, 2, 1, 1});
    CHECK(r.shape("y") == Dims{1, 2});
}

TEST_CASE("onnx shapes: torch's computed chunk (Shape→Gather→Add→Div→Mul→Slice) and Reshape with 0 and -1") {
    const std::string bytes = graph_model(
        {1, 6, 4, 4},
        {node("Shape", "sh", {"x"}, {"s"}), const_node("one", {1}), node("Gather", "ga", {"s", "idx"}, {"c"}),
         node("Add", "ad", {"c", "one"}, {"c1"}), node("Div", "dv", {"c1", "two"}, {"half"}),
         node("Mul", "mu", {"half", "one"}, {"end"}),
         node("Slice", "sl", {"x", "zero", "end", "one"}, {"first"}),
         node("Reshape", "rs", {"first", "target"}, {"y"})},
        {i64("idx", {1}), i64("two", {2}), i64("zero", {0}), i64("target", {0, -1, 2})});
    const Run r = run(bytes);
    REQUIRE(r.an.ok());
    // C = 6 → (6+1)/2 = 3 channels: [1,3,4,4]; Reshape [0,-1,2] → [1, 24, 2].
    CHECK(r.shape("first") == Dims{1, 3, 4, 4});
    CHECK(r.shape("y") == Dims{1, 24, 2});
    CHECK(r.an.complete);
}

TEST_CASE("onnx shapes: Swin's F.pad amounts, a [4, 2] tensor sliced backwards, transposed and flattened") {
    // torch writes F.pad(x, (0, 0, 0, pw, 0, ph)) as Concat → Reshape [-1, 2] → Slice(step -1 on axis 0)
    // → Transpose → Reshape [-1] → Pad: the values must follow Slice and Transpose of a 2-D tensor.
    // pairs [[0,0],[0,0],[1,2],[3,4]] → reversed [[3,4],[1,2],[0,0],[0,0]] → transposed
    // [[3,1,0,0],[4,2,0,0]] → pads (3,1,0,0 | 4,2,0,0): [1,1,5,5] → [8,4,5,5].
    const std::string bytes = graph_model(
        {1, 1, 5, 5},
        {node("Reshape", "pairs", {"flat", "two_cols"}, {"p"}),
         node("Slice", "reverse", {"p", "minus_one", "most_negative", "zero", "minus_one"}, {"r"}),
         node("Transpose", "tr", {"r"}, {"t"}, {attr_ints("perm", {1, 0})}),
         node("Reshape", "flatten", {"t", "minus_one"}, {"pads"}),
         node("Pad", "pad", {"x", "pads"}, {"y"})},
        {i64("flat", {0, 0, 0, 0, 1, 2, 3, 4}), i64("two_cols", {-1, 2}), i64("minus_one", {-1}),
         i64("most_negative", {-9223372036854775807}), i64("zero", {0})});
    const Run r = run(bytes);
    REQUIRE(r.an.ok());
    CHECK(r.shape("t") == Dims{2, 4});
    CHECK(r.shape("y") == Dims{8, 4, 5, 5});
    CHECK(r.an.complete);
}

TEST_CASE("onnx shapes: opset 11 attribute forms and opset 13 input forms agree") {
    // Squeeze/Unsqueeze axes, Split sizes, Clip bounds, Pad pads: attributes at 11, inputs at 13.
    const std::string op11 = graph_model(
        {1, 6, 1, 3},
        {node("Squeeze", "sq", {"x"}, {"a"}, {attr_ints("axes", {2})}),
         node("Split", "sp", {"a"}, {"b", "c"}, {attr_int("axis", 1), attr_ints("split", {2, 4})}),
         node("Unsqueeze", "us", {"c"}, {"d"}, {attr_ints("axes", {0})}),
         node("Clip", "cl", {"d"}, {"e"}, {[] { Pb a; a.s(1, "min").u(20, 1).f32(2, 0.f); return a; }()}),
         node("Pad", "pd", {"e", "pads"}, {"y"})},
        {i64("pads", {0, 0, 0, 1, 0, 0, 0, 2})}, 11);
    const std::string op13 = graph_model(
        {1, 6, 1, 3},
        {node("Squeeze", "sq", {"x", "ax2"}, {"a"}), node("Split", "sp", {"a", "sizes"}, {"b", "c"}, {attr_int("axis", 1)}),
         node("Unsqueeze", "us", {"c", "ax0"}, {"d"}), node("Clip", "cl", {"d", "", ""}, {"e"}),
         node("Pad", "pd", {"e", "pads"}, {"y"})},
        {i64("ax2", {2}), i64("sizes", {2, 4}), i64("ax0", {0}), i64("pads", {0, 0, 0, 1, 0, 0, 0, 2})}, 13);
    for (const std::string* bytes : {&op11, &op13}) {
        const Run r = run(*bytes);
        REQUIRE(r.an.ok());
        CHECK(r.shape("a") == Dims{1, 6, 3});
        CHECK(r.shape("b") == Dims{1, 2, 3});
        CHECK(r.shape("c") == Dims{1, 4, 3});
        CHECK(r.shape("d") == Dims{1, 1, 4, 3});
        CHECK(r.shape("y") == Dims{1, 1, 4, 6});  // last axis padded 1 + 2
        CHECK(r.an.complete);
    }
}

TEST_CASE("onnx shapes: LayerNormalization and its opset-13 decomposition give the same shapes") {
    const std::string ln17 = graph_model({1, 5, 8}, {node("LayerNormalization", "/ln/LayerNormalization", {"x", "g", "b"}, {"y"})},
                                         {weight("g", {8}), weight("b", {8})}, 17);
    const std::string ln13 = graph_model(
        {1, 5, 8},
        {node("ReduceMean", "/ln/ReduceMean", {"x"}, {"m"}, {attr_ints("axes", {-1})}), node("Sub", "/ln/Sub", {"x", "m"}, {"d"}),
         node("Pow", "/ln/Pow", {"d", "two"}, {"p"}), node("ReduceMean", "/ln/ReduceMean_1", {"p"}, {"v"}, {attr_ints("axes", {-1})}),
         node("Add", "/ln/Add", {"v", "eps"}, {"ve"}), node("Sqrt", "/ln/Sqrt", {"ve"}, {"sd"}),
         node("Div", "/ln/Div", {"d", "sd"}, {"n"}), node("Mul", "/ln/Mul", {"n", "g"}, {"ng"}),
         node("Add", "/ln/Add_1", {"ng", "b"}, {"y"})},
        {weight("two", {}), weight("eps", {}), weight("g", {8}), weight("b", {8})}, 13);
    const Run a = run(ln17), b = run(ln13);
    CHECK(a.shape("y") == Dims{1, 5, 8});
    CHECK(b.shape("y") == Dims{1, 5, 8});
    CHECK(b.shape("v") == Dims{1, 5, 1});
    // Both are one module group "ln".
    REQUIRE(b.an.groups.size() == 1);
    CHECK(b.an.groups[0].module == "ln");
    CHECK(b.an.groups[0].nodes.size() == 9);
    CHECK(a.an.params.value == 16);
    CHECK(b.an.params.value == 18);  // the file's Pow exponent and epsilon are initializers too: 16 + 2
}

TEST_CASE("onnx: module scopes from torch's node names") {
    CHECK(module_scope("/layer1/layer1.0/conv1/Conv") == "layer1.0.conv1");
    CHECK(module_scope("/features/features.0/features.0.0/Conv") == "features.0.0");
    CHECK(module_scope("/conv1/Conv") == "conv1");
    CHECK(module_scope("/layer2/layer2.0/downsample/downsample.0/Conv") == "layer2.0.downsample.0");
    CHECK(module_scope("/features/features.1/block/block.0/block.0.0/Conv") == "features.1.block.0.0");
    CHECK(module_scope("/Relu") == "");
    CHECK(module_scope("Conv_12") == "");
    CHECK(module_scope("") == "");
}

TEST_CASE("onnx: unknown ops are listed by name and count, and what follows them is not counted as zero") {
    const std::string bytes = graph_model(
        {1, 2, 4, 4},
        {node("Mystery", "m1", {"x"}, {"a"}), node("Mystery", "m2", {"a"}, {"b"}),
         node("Conv", "c", {"b", "w"}, {"y"}), node("Relu", "r", {"x"}, {"z"})},
        {weight("w", {2, 2, 1, 1})});
    const Run r = run(bytes);
    REQUIRE(r.an.ok());
    REQUIRE(r.an.unsupported.size() == 1);
    CHECK(r.an.unsupported[0].op == "Mystery");
    CHECK(r.an.unsupported[0].count == 2);
    CHECK(r.node("c").status == NodeStatus::UnknownInput);
    CHECK(r.node("r").status == NodeStatus::Ok);
    CHECK_FALSE(r.an.complete);
    CHECK(r.an.failed_nodes == 3);
}

//-----------------------------------------------------------------------------
// Malformed files
//-----------------------------------------------------------------------------

TEST_CASE("onnx malformed: every truncation of a small model is an error, never a crash") {
    const std::string bytes = read_file(onnx_data_dir() / "zoo" / "vgg11_224x224_op13.onnx");
    REQUIRE(bytes.size() > 1000);
    int truncated = 0;
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        const std::string prefix = bytes.substr(0, n);
        Model m;
        MemorySource src(prefix.data(), prefix.size());
        const ReadError e = read_model(src, m);
        REQUIRE_MESSAGE(!e.ok(), "prefix of " << n << " bytes read as a whole model");
        CHECK_FALSE(e.message.empty());
        truncated += e.code == ReadErrorCode::Truncated;
    }
    // All but the cuts before the first field and right after the graph (no opset yet) say "truncated".
    CHECK(truncated >= static_cast<int>(bytes.size()) - 8);
    Model whole;
    MemorySource src(bytes.data(), bytes.size());
    CHECK(read_model(src, whole).ok());
}

TEST_CASE("onnx malformed: wrong magic, not protobuf, empty") {
    for (const std::string& bytes : {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), std::string("PK\x03\x04", 4),
                                    std::string("hello, world"), std::string()}) {
        Model m;
        MemorySource src(bytes.data(), bytes.size());
        const ReadError e = read_model(src, m);
        CHECK(e.code == ReadErrorCode::NotOnnx);
        CHECK(e.message.find("not an ONNX model") != std::string::npos);
    }
}

TEST_CASE("onnx malformed: huge and negative dims") {
    const Run huge_input = run(graph_model({1, 3, std::int64_t{1} << 41, 8}, {node("Relu", "r", {"x"}, {"y"})}));
    CHECK(huge_input.read.code == ReadErrorCode::TooLarge);
    CHECK(huge_input.read.message.find("above the limit") != std::string::npos);
    const Run huge_product = run(graph_model({1, 1 << 20, 1 << 20, 1 << 20}, {node("Relu", "r", {"x"}, {"y"})}));
    REQUIRE(huge_product.read.ok());
    CHECK(huge_product.an.error.code == ReadErrorCode::TooLarge);
    // value_info() writes a negative dim as a symbol; write a real negative dim_value here:
    Pb dim;
    dim.i(1, -5);
    Pb shape;
    shape.m(1, dim);
    Pb tt;
    tt.u(1, 1).m(2, shape);
    Pb type;
    type.m(1, tt);
    Pb vi;
    vi.s(1, "x").m(2, type);
    Pb g;
    g.m(1, node("Relu", "r", {"x"}, {"y"})).m(11, vi);
    const Run neg = run(model(g));
    CHECK(neg.read.code == ReadErrorCode::NegativeDim);
    const Run neg_init = run(graph_model({1, 2}, {node("Add", "a", {"x", "w"}, {"y"})}, {tensor("w", {-2}, 1, "")}));
    CHECK(neg_init.read.code == ReadErrorCode::NegativeDim);
    // A reshape to a negative dim is that node's error.
    const Run neg_reshape = run(graph_model({1, 4}, {node("Reshape", "rs", {"x", "s"}, {"y"})}, {i64("s", {-2, -2})}));
    CHECK(neg_reshape.node("rs").status == NodeStatus::Failed);
}

TEST_CASE("onnx malformed: a cyclic graph and a missing input") {
    const Run cyc = run(graph_model({1, 2}, {node("Relu", "a", {"x2"}, {"x1"}), node("Relu", "b", {"x1"}, {"x2"}),
                                             node("Add", "c", {"x", "x2"}, {"y"})}));
    REQUIRE(cyc.read.ok());
    CHECK(cyc.an.error.code == ReadErrorCode::CyclicGraph);
    CHECK(cyc.an.error.message.find("cycle") != std::string::npos);
    const Run missing = run(graph_model({1, 2}, {node("Add", "a", {"x", "nowhere"}, {"y"})}));
    CHECK(missing.an.error.code == ReadErrorCode::MissingInput);
    CHECK(missing.an.error.message.find("\"nowhere\"") != std::string::npos);
    // Out of file order but acyclic: sorted, and analysed.
    const Run unordered = run(graph_model({1, 2}, {node("Relu", "b", {"a1"}, {"y"}), node("Relu", "a", {"x"}, {"a1"})}));
    REQUIRE(unordered.an.ok());
    CHECK(unordered.shape("y") == Dims{1, 2});
}

TEST_CASE("onnx malformed: nesting 10,000 deep") {
    // (1) A type nested 10,000 levels (sequence of sequence of …): the depth limit stops it.
    Pb inner;
    {
        Pb tt;
        tt.u(1, 1);
        inner.m(1, tt);
    }
    for (int i = 0; i < 10000; ++i) {
        Pb seq;
        seq.m(1, inner);
        Pb outer;
        outer.m(4, seq);
        inner = outer;
    }
    Pb vi;
    vi.s(1, "x").m(2, inner);
    Pb g;
    g.m(1, node("Identity", "i", {"x"}, {"y"})).m(11, vi);
    const Run deep_type = run(model(g));
    CHECK(deep_type.read.code == ReadErrorCode::TooDeep);
    // (2) Subgraphs nested 10,000 levels (If inside If …): skipped by length, the If is named unsupported.
    Pb body;
    body.m(1, node("Relu", "leaf", {"x"}, {"y"}));
    for (int i = 0; i < 10000; ++i) {
        Pb attr;
        attr.s(1, "then_branch").u(20, 5).m(6, body);
        Pb gg;
        gg.m(1, node("If", "if", {"x"}, {"y"}, {attr}));
        body = gg;
    }
    const Run deep_graph = run(graph_model({1}, {[&] {
        Pb attr;
        attr.s(1, "then_branch").u(20, 5).m(6, body);
        return node("If", "top", {"x"}, {"y"}, {attr});
    }()}));
    REQUIRE(deep_graph.read.ok());
    REQUIRE(deep_graph.an.unsupported.size() == 1);
    CHECK(deep_graph.an.unsupported[0].op == "If");
    CHECK(deep_graph.node("top").problem.find("subgraph") != std::string::npos);
}

TEST_CASE("onnx malformed: opsets, field lengths past their message, overlong varints") {
    Pb g;
    g.m(1, node("Relu", "r", {"x"}, {"y"})).m(11, value_info("x", {1}));
    const Run newer = run(model(g, 18));
    CHECK(newer.read.code == ReadErrorCode::UnsupportedOpset);
    Pb no_opset;
    no_opset.i(1, 8).m(7, g);
    const Run none = run(no_opset.b);
    CHECK(none.read.code == ReadErrorCode::UnsupportedOpset);
    // A node whose name claims more bytes than the node has (inside the file): malformed, not truncated.
    Pb bad_node;
    bad_node.tag(3, 2).varint(50);
    bad_node.b += "ab";
    Pb g2;
    g2.m(1, bad_node).m(11, value_info("x", {1})).s(2, std::string(100, 'z'));
    const Run bad = run(model(g2));
    CHECK(bad.read.code == ReadErrorCode::Malformed);
    // An 11-byte varint.
    std::string overlong = "\x08";
    overlong += std::string(10, '\xff') + "\x01";
    const Run ov = run(overlong);
    CHECK_FALSE(ov.read.ok());
}

TEST_CASE("onnx re-binding H×W: allowed while the file's checks hold, refused otherwise") {
    // A conv net ending in Flatten → Gemm with K fixed to 4·2·2 = 16 at an 8×8 export.
    const std::string bytes = graph_model(
        {1, 3, 8, 8},
        {node("Conv", "/c/Conv", {"x", "w"}, {"a"}, {attr_ints("strides", {2, 2})}),
         node("MaxPool", "/p/MaxPool", {"a"}, {"b"}, {attr_ints("kernel_shape", {2, 2}), attr_ints("strides", {2, 2})}),
         node("Flatten", "/f/Flatten", {"b"}, {"c"}), node("Gemm", "/fc/Gemm", {"c", "fw"}, {"y"}, {attr_int("transB", 1)})},
        {weight("w", {4, 3, 1, 1}), weight("fw", {10, 16})});
    const Run own = run(bytes);
    REQUIRE(own.an.ok());
    CHECK(own.an.complete);
    // conv 4×4×4 × 3 = 192; gemm 10 × 16 = 160.
    CHECK(own.an.macs.value == 352);
    AnalyseOptions other;
    other.height = 16;
    other.width = 8;
    const Run rebound = run(bytes, other);
    CHECK(rebound.an.fixed_to_export_size);
    CHECK(rebound.an.fixed_reason.find("8×8") != std::string::npos);
    CHECK(rebound.an.fixed_reason.find("K differs") != std::string::npos);
    CHECK_FALSE(rebound.an.complete);
}

TEST_CASE("onnx mapping: a Pad in front of a conv (tf2onnx's SAME padding), asymmetric or reflecting, is a zero-cost Select") {
    // 1×3×32×32 → Pad (top 1, left 1, bottom 2, right 2) → 3×35×35 → Conv 3→8, 3×3, no pads → 8×33×33.
    // MACs: 8·33·33 outputs × 3·3·3 = 8·1,089·27 = 235,224; the Pad costs nothing and holds 3·35·35 elements.
    for (const char* mode : {"constant", "reflect"}) {
        CAPTURE(mode);
        const std::string bytes = graph_model(
            {1, 3, 32, 32},
            {node("Pad", "/pad/Pad", {"x", "pads"}, {"p"}, {[&] { Pb a; a.s(1, "mode").u(20, 3).s(4, mode); return a; }()}),
             node("Conv", "/conv/Conv", {"p", "w"}, {"y"}, {attr_ints("kernel_shape", {3, 3})})},
            {i64("pads", {0, 0, 1, 1, 0, 0, 2, 2}), weight("w", {8, 3, 3, 3})});
        const Run r = run(bytes);
        REQUIRE(r.an.ok());
        Network net;
        std::string error;
        REQUIRE_MESSAGE(to_network(r.model, r.an, net, error), error);
        REQUIRE(net.layers.size() == 2);
        CHECK(net.layers[0].kind == LayerKind::Select);
        const Evaluation ev = evaluate(net, Counting{});
        REQUIRE(ev.ok());
        CHECK(ev.layers[0].macs.value == 0);
        CHECK(ev.layers[0].output_elements.value == 3 * 35 * 35);
        CHECK(ev.layers[1].macs.value == 8 * 33 * 33 * 27);
        CHECK(ev.totals.macs.value == 235'224);
    }
}
