// Flopscope core — ONNX import, part 2: static shape inference and exact costs (see analysis.h).
//
// [SECTION] Tensor facts and small helpers
// [SECTION] Graph order: producers, missing inputs, cycles
// [SECTION] Op table: which ops are known and their class
// [SECTION] Shape and value rules per op
// [SECTION] The analysis
// [SECTION] Module scopes and groups
#include "core/onnx/analysis.h"

#include "core/format.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace flopscope::onnx {

//-----------------------------------------------------------------------------
// [SECTION] Tensor facts and small helpers
//-----------------------------------------------------------------------------

const char* node_class_name(NodeClass c) {
    switch (c) {
    case NodeClass::Compute: return "compute";
    case NodeClass::Normalization: return "normalization";
    case NodeClass::Activation: return "activation";
    case NodeClass::Elementwise: return "elementwise";
    case NodeClass::Pool: return "pool";
    case NodeClass::DataMovement: return "data_movement";
    case NodeClass::ShapeOnly: return "shape_only";
    case NodeClass::Unsupported: return "unsupported";
    }
    return "?";
}

namespace {

// Values are propagated for tensors of at most this many elements (shape vectors, masks, scalars).
constexpr std::int64_t kMaxValueElements = 1 << 16;
// Any inferred tensor above this many elements is an error (keeps every product inside 64 bits).
constexpr std::int64_t kMaxElements = std::int64_t{1} << 50;
// Kernel sizes, strides, dilations, groups and block sizes: far beyond real models, and small enough
// that dilation·(kernel − 1) and stride·size stay inside 64 bits.
constexpr std::int64_t kMaxWindow = std::int64_t{1} << 20;

using Dims = std::vector<std::int64_t>;

// What inference knows about one tensor.
struct Info {
    bool known = false;  // shape known
    Dims shape;
    std::int32_t type = 0;
    bool has_value = false;  // values known (small tensors only)
    bool is_float = false;
    std::vector<std::int64_t> iv;
    std::vector<double> fv;
    int initializer = -1;   // the initializer this tensor is (through Identity aliases), or -1
    bool weight_like = false;  // an initializer or a Constant, possibly through Identity/Transpose/Cast/Reshape
};

std::string dims_text(const Dims& d) {
    std::string s = "[";
    for (std::size_t i = 0; i < d.size(); ++i) s += (i ? "," : "") + std::to_string(d[i]);
    return s + "]";
}

// Element count; -1 when above kMaxElements (or a dim is negative).
std::int64_t numel(const Dims& d) {
    std::int64_t n = 1;
    for (std::int64_t x : d) {
        if (x < 0) return -1;
        if (x != 0 && n > kMaxElements / x) return -1;
        n *= x;
    }
    return n;
}

Count count_elements(const Dims& d) {
    Count c(1);
    for (std::int64_t x : d) c *= count_of(x);
    return c;
}

bool is_float_type(std::int32_t t) {
    const auto d = static_cast<DataType>(t);
    return d == DataType::Float || d == DataType::Double || d == DataType::Float16 || d == DataType::Bfloat16;
}

std::int64_t attr_i(const Node& n, const char* name, std::int64_t def) {
    const Attribute* a = n.attribute(name);
    return a ? a->i : def;
}

const std::vector<std::int64_t>* attr_ints(const Node& n, const char* name) {
    const Attribute* a = n.attribute(name);
    return a ? &a->ints : nullptr;
}

std::string attr_s(const Node& n, const char* name) {
    const Attribute* a = n.attribute(name);
    return a ? a->s : std::string();
}

// Wraps a possibly negative axis into [0, rank); false when out of range.
bool norm_axis(std::int64_t& axis, std::int64_t rank) {
    if (axis < -rank || axis >= rank) return false;
    if (axis < 0) axis += rank;
    return true;
}

// numpy broadcasting of two shapes; false when incompatible.
bool broadcast(const Dims& a, const Dims& b, Dims& out) {
    const std::size_t r = std::max(a.size(), b.size());
    out.assign(r, 1);
    for (std::size_t i = 0; i < r; ++i) {
        const std::int64_t x = i < r - a.size() ? 1 : a[i - (r - a.size())];
        const std::int64_t y = i < r - b.size() ? 1 : b[i - (r - b.size())];
        if (x == y || y == 1) out[i] = x;
        else if (x == 1) out[i] = y;
        else return false;
    }
    return true;
}

// Floor division for the pooling/conv formulas (numerators may be negative for windows that don't fit).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

//-----------------------------------------------------------------------------
// [SECTION] Graph order: producers, missing inputs, cycles
//-----------------------------------------------------------------------------

// Topological order, preferring the file's; sets `error` on a missing input, a duplicate producer or
// a cycle.
std::vector<int> graph_order(const Graph& g, ReadError& error) {
    std::unordered_map<std::string, int> producer;  // tensor → node index; -1 graph input/initializer
    for (const Tensor& t : g.initializers) producer.emplace(t.name, -1);
    for (const ValueInfo& v : g.inputs) producer.emplace(v.name, -1);
    const int n = static_cast<int>(g.nodes.size());
    for (int i = 0; i < n; ++i)
        for (const std::string& o : g.nodes[static_cast<std::size_t>(i)].outputs) {
            if (o.empty()) continue;
            auto [it, inserted] = producer.emplace(o, i);
            if (!inserted) {
                error = ReadError{ReadErrorCode::Malformed,
                                  "tensor \"" + o + "\" is produced twice (by " +
                                      (it->second < 0 ? std::string("a graph input or initializer")
                                                      : "node \"" + g.nodes[static_cast<std::size_t>(it->second)].name + "\"") +
                                      " and node \"" + g.nodes[static_cast<std::size_t>(i)].name + "\")",
                                  0};
                return {};
            }
        }
    std::vector<std::vector<int>> users(static_cast<std::size_t>(n));
    std::vector<int> pending(static_cast<std::size_t>(n), 0);
    bool in_file_order = true;
    for (int i = 0; i < n; ++i) {
        const Node& node = g.nodes[static_cast<std::size_t>(i)];
        for (const std::string& in : node.inputs) {
            if (in.empty()) continue;
            auto it = producer.find(in);
            if (it == producer.end()) {
                error = ReadError{ReadErrorCode::MissingInput,
                                  "node \"" + node.name + "\" (" + node.op_type + ") reads \"" + in +
                                      "\", which no node, input or initializer produces",
                                  0};
                return {};
            }
            if (it->second >= 0) {
                if (it->second >= i) in_file_order = false;
                users[static_cast<std::size_t>(it->second)].push_back(i);
                ++pending[static_cast<std::size_t>(i)];
            }
        }
    }
    std::vector<int> order;
    order.reserve(static_cast<std::size_t>(n));
    if (in_file_order) {
        for (int i = 0; i < n; ++i) order.push_back(i);
        return order;
    }
    for (int i = 0; i < n; ++i)
        if (pending[static_cast<std::size_t>(i)] == 0) order.push_back(i);
    for (std::size_t k = 0; k < order.size(); ++k)
        for (int u : users[static_cast<std::size_t>(order[k])])
            if (--pending[static_cast<std::size_t>(u)] == 0) order.push_back(u);
    if (order.size() != static_cast<std::size_t>(n)) {
        int stuck = 0;
        while (stuck < n && pending[static_cast<std::size_t>(stuck)] == 0) ++stuck;
        error = ReadError{ReadErrorCode::CyclicGraph,
                          "the graph has a cycle: node \"" + g.nodes[static_cast<std::size_t>(stuck)].name + "\" (" +
                              g.nodes[static_cast<std::size_t>(stuck)].op_type + ") depends on its own output",
                          0};
        return {};
    }
    return order;
}

//-----------------------------------------------------------------------------
// [SECTION] Op table
//-----------------------------------------------------------------------------

enum class Rule : std::uint8_t {
    Unknown, Unary, Binary, Variadic, Where, Conv, ConvTranspose, Gemm, MatMul, Einsum, BatchNorm, LayerNorm,
    Pool, GlobalPool, Reduce, ArgReduce, Flatten, Reshape, Transpose, Squeeze, Unsqueeze, Concat, Split, Slice,
    Gather, Pad, Expand, Tile, Shape, Size, Constant, ConstantOfShape, Range, Cast, Dropout, ScatterND,
    DepthToSpace, SpaceToDepth,
};

struct OpEntry {
    const char* op;
    Rule rule;
    NodeClass cls;
};

constexpr OpEntry kOps[] = {
    {"Conv", Rule::Conv, NodeClass::Compute},
    {"ConvTranspose", Rule::ConvTranspose, NodeClass::Compute},
    {"Gemm", Rule::Gemm, NodeClass::Compute},
    {"MatMul", Rule::MatMul, NodeClass::Compute},
    {"Einsum", Rule::Einsum, NodeClass::Compute},
    {"BatchNormalization", Rule::BatchNorm, NodeClass::Normalization},
    {"LayerNormalization", Rule::LayerNorm, NodeClass::Normalization},
    {"InstanceNormalization", Rule::Unary, NodeClass::Normalization},
    {"LpNormalization", Rule::Unary, NodeClass::Normalization},
    {"MeanVarianceNormalization", Rule::Unary, NodeClass::Normalization},
    {"LRN", Rule::Unary, NodeClass::Normalization},
    {"Relu", Rule::Unary, NodeClass::Activation},
    {"Clip", Rule::Unary, NodeClass::Activation},
    {"Sigmoid", Rule::Unary, NodeClass::Activation},
    {"HardSigmoid", Rule::Unary, NodeClass::Activation},
    {"HardSwish", Rule::Unary, NodeClass::Activation},
    {"Tanh", Rule::Unary, NodeClass::Activation},
    {"Erf", Rule::Unary, NodeClass::Activation},
    {"Softmax", Rule::Unary, NodeClass::Activation},
    {"LogSoftmax", Rule::Unary, NodeClass::Activation},
    {"Hardmax", Rule::Unary, NodeClass::Activation},
    {"LeakyRelu", Rule::Unary, NodeClass::Activation},
    {"Elu", Rule::Unary, NodeClass::Activation},
    {"Selu", Rule::Unary, NodeClass::Activation},
    {"Celu", Rule::Unary, NodeClass::Activation},
    {"Softplus", Rule::Unary, NodeClass::Activation},
    {"Softsign", Rule::Unary, NodeClass::Activation},
    {"ThresholdedRelu", Rule::Unary, NodeClass::Activation},
    {"Shrink", Rule::Unary, NodeClass::Activation},
    {"PRelu", Rule::Binary, NodeClass::Activation},
    {"Exp", Rule::Unary, NodeClass::Elementwise},
    {"Log", Rule::Unary, NodeClass::Elementwise},
    {"Sqrt", Rule::Unary, NodeClass::Elementwise},
    {"Reciprocal", Rule::Unary, NodeClass::Elementwise},
    {"Neg", Rule::Unary, NodeClass::Elementwise},
    {"Abs", Rule::Unary, NodeClass::Elementwise},
    {"Sign", Rule::Unary, NodeClass::Elementwise},
    {"Floor", Rule::Unary, NodeClass::Elementwise},
    {"Ceil", Rule::Unary, NodeClass::Elementwise},
    {"Round", Rule::Unary, NodeClass::Elementwise},
    {"Not", Rule::Unary, NodeClass::Elementwise},
    {"IsNaN", Rule::Unary, NodeClass::Elementwise},
    {"IsInf", Rule::Unary, NodeClass::Elementwise},
    {"Sin", Rule::Unary, NodeClass::Elementwise},
    {"Cos", Rule::Unary, NodeClass::Elementwise},
    {"Tan", Rule::Unary, NodeClass::Elementwise},
    {"Asin", Rule::Unary, NodeClass::Elementwise},
    {"Acos", Rule::Unary, NodeClass::Elementwise},
    {"Atan", Rule::Unary, NodeClass::Elementwise},
    {"Sinh", Rule::Unary, NodeClass::Elementwise},
    {"Cosh", Rule::Unary, NodeClass::Elementwise},
    {"Asinh", Rule::Unary, NodeClass::Elementwise},
    {"Acosh", Rule::Unary, NodeClass::Elementwise},
    {"Atanh", Rule::Unary, NodeClass::Elementwise},
    {"Identity", Rule::Unary, NodeClass::DataMovement},
    {"Add", Rule::Binary, NodeClass::Elementwise},
    {"Sub", Rule::Binary, NodeClass::Elementwise},
    {"Mul", Rule::Binary, NodeClass::Elementwise},
    {"Div", Rule::Binary, NodeClass::Elementwise},
    {"Pow", Rule::Binary, NodeClass::Elementwise},
    {"Mod", Rule::Binary, NodeClass::Elementwise},
    {"Equal", Rule::Binary, NodeClass::Elementwise},
    {"Less", Rule::Binary, NodeClass::Elementwise},
    {"LessOrEqual", Rule::Binary, NodeClass::Elementwise},
    {"Greater", Rule::Binary, NodeClass::Elementwise},
    {"GreaterOrEqual", Rule::Binary, NodeClass::Elementwise},
    {"And", Rule::Binary, NodeClass::Elementwise},
    {"Or", Rule::Binary, NodeClass::Elementwise},
    {"Xor", Rule::Binary, NodeClass::Elementwise},
    {"BitShift", Rule::Binary, NodeClass::Elementwise},
    {"Max", Rule::Variadic, NodeClass::Elementwise},
    {"Min", Rule::Variadic, NodeClass::Elementwise},
    {"Sum", Rule::Variadic, NodeClass::Elementwise},
    {"Mean", Rule::Variadic, NodeClass::Elementwise},
    {"Where", Rule::Where, NodeClass::Elementwise},
    {"MaxPool", Rule::Pool, NodeClass::Pool},
    {"AveragePool", Rule::Pool, NodeClass::Pool},
    {"LpPool", Rule::Pool, NodeClass::Pool},
    {"GlobalAveragePool", Rule::GlobalPool, NodeClass::Pool},
    {"GlobalMaxPool", Rule::GlobalPool, NodeClass::Pool},
    {"GlobalLpPool", Rule::GlobalPool, NodeClass::Pool},
    {"ReduceMean", Rule::Reduce, NodeClass::Pool},
    {"ReduceSum", Rule::Reduce, NodeClass::Pool},
    {"ReduceMax", Rule::Reduce, NodeClass::Pool},
    {"ReduceMin", Rule::Reduce, NodeClass::Pool},
    {"ReduceProd", Rule::Reduce, NodeClass::Pool},
    {"ReduceL1", Rule::Reduce, NodeClass::Pool},
    {"ReduceL2", Rule::Reduce, NodeClass::Pool},
    {"ReduceLogSum", Rule::Reduce, NodeClass::Pool},
    {"ReduceLogSumExp", Rule::Reduce, NodeClass::Pool},
    {"ReduceSumSquare", Rule::Reduce, NodeClass::Pool},
    {"ArgMax", Rule::ArgReduce, NodeClass::Pool},
    {"ArgMin", Rule::ArgReduce, NodeClass::Pool},
    {"Flatten", Rule::Flatten, NodeClass::DataMovement},
    {"Reshape", Rule::Reshape, NodeClass::DataMovement},
    {"Transpose", Rule::Transpose, NodeClass::DataMovement},
    {"Squeeze", Rule::Squeeze, NodeClass::DataMovement},
    {"Unsqueeze", Rule::Unsqueeze, NodeClass::DataMovement},
    {"Concat", Rule::Concat, NodeClass::DataMovement},
    {"Split", Rule::Split, NodeClass::DataMovement},
    {"Slice", Rule::Slice, NodeClass::DataMovement},
    {"Gather", Rule::Gather, NodeClass::DataMovement},
    {"Pad", Rule::Pad, NodeClass::DataMovement},
    {"Expand", Rule::Expand, NodeClass::DataMovement},
    {"Tile", Rule::Tile, NodeClass::DataMovement},
    {"ScatterND", Rule::ScatterND, NodeClass::DataMovement},
    {"DepthToSpace", Rule::DepthToSpace, NodeClass::DataMovement},
    {"SpaceToDepth", Rule::SpaceToDepth, NodeClass::DataMovement},
    {"Dropout", Rule::Dropout, NodeClass::DataMovement},
    {"Cast", Rule::Cast, NodeClass::DataMovement},
    {"CastLike", Rule::Cast, NodeClass::DataMovement},
    {"Shape", Rule::Shape, NodeClass::ShapeOnly},
    {"Size", Rule::Size, NodeClass::ShapeOnly},
    {"Constant", Rule::Constant, NodeClass::ShapeOnly},
    {"ConstantOfShape", Rule::ConstantOfShape, NodeClass::ShapeOnly},
    {"Range", Rule::Range, NodeClass::ShapeOnly},
};

const OpEntry* find_op(const Node& n) {
    if (!(n.domain.empty() || n.domain == "ai.onnx")) return nullptr;
    for (const OpEntry& e : kOps)
        if (n.op_type == e.op) return &e;
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Shape and value rules per op
//-----------------------------------------------------------------------------

// The inference state while walking one graph.
struct Walker {
    const Model& model;
    const Graph& g;
    std::vector<Info> infos;
    std::unordered_map<std::string, int> index;  // tensor name → infos index
    std::vector<bool> param_counted;             // per initializer

    int info_of(const std::string& name) {
        auto it = index.find(name);
        if (it != index.end()) return it->second;
        index.emplace(name, static_cast<int>(infos.size()));
        infos.emplace_back();
        return static_cast<int>(infos.size()) - 1;
    }
    const Info* input(const Node& n, std::size_t k) {
        if (k >= n.inputs.size() || n.inputs[k].empty()) return nullptr;
        auto it = index.find(n.inputs[k]);
        return it == index.end() ? nullptr : &infos[static_cast<std::size_t>(it->second)];
    }
};

// One node's evaluation: reads inputs, writes `outs` (one per output), or sets `problem`.
struct Eval {
    Walker& w;
    const Node& n;
    std::vector<Info> outs;
    std::string problem;
    bool unknown_input = false;
    Count macs, attention_macs;

    Eval(Walker& walker, const Node& node) : w(walker), n(node), outs(node.outputs.size()) {}

    bool fail(std::string msg) {
        if (problem.empty()) problem = std::move(msg);
        return false;
    }
    // Input k with a known shape; a missing optional input is nullptr (required ones fail).
    const Info* need(std::size_t k) {
        const Info* in = w.input(n, k);
        if (!in) { fail("input " + std::to_string(k + 1) + " is missing"); return nullptr; }
        if (!in->known) { unknown_input = true; fail("the shape of input \"" + n.inputs[k] + "\" is unknown"); return nullptr; }
        return in;
    }
    const Info* opt(std::size_t k) {
        const Info* in = w.input(n, k);
        if (in && !in->known) { unknown_input = true; fail("the shape of input \"" + n.inputs[k] + "\" is unknown"); return nullptr; }
        return in;
    }
    // Integer values of input k (shape vectors, axes…); false (with a problem) when not static.
    bool ints_of(std::size_t k, std::vector<std::int64_t>& v, const char* what) {
        const Info* in = opt(k);
        if (!in) return !problem.empty() ? false : fail(std::string(what) + " is missing");
        if (!in->has_value) return fail(std::string(what) + " (\"" + n.inputs[k] + "\") is not known statically");
        if (in->is_float) {
            v.clear();
            for (double d : in->fv) v.push_back(static_cast<std::int64_t>(d));
        } else {
            v = in->iv;
        }
        return true;
    }
    bool has_input(std::size_t k) const { return k < n.inputs.size() && !n.inputs[k].empty(); }

    Info& out(std::size_t k, Dims shape, std::int32_t type) {
        Info& o = outs[k];
        o.known = true;
        o.shape = std::move(shape);
        o.type = type;
        return o;
    }
    void set_ints(Info& o, std::vector<std::int64_t> v) {
        if (static_cast<std::int64_t>(v.size()) > kMaxValueElements) return;
        o.has_value = true;
        o.is_float = false;
        o.iv = std::move(v);
    }
    // The same values in another shape (Identity, Reshape, Flatten, Squeeze, …).
    static void copy_values(Info& o, const Info& x) {
        if (!x.has_value) return;
        o.has_value = true;
        o.is_float = x.is_float;
        o.iv = x.iv;
        o.fv = x.fv;
    }
    void set_floats(Info& o, std::vector<double> v) {
        if (static_cast<std::int64_t>(v.size()) > kMaxValueElements) return;
        o.has_value = true;
        o.is_float = true;
        o.fv = std::move(v);
    }

    bool run(Rule rule);

    bool unary();
    bool binary(bool variadic);
    bool where();
    bool conv(bool transpose);
    bool gemm();
    bool matmul();
    bool einsum();
    bool batchnorm();
    bool layernorm();
    bool pool();
    bool global_pool();
    bool reduce(bool arg);
    bool flatten();
    bool reshape();
    bool transpose();
    bool squeeze(bool un);
    bool concat();
    bool split();
    bool slice();
    bool gather();
    bool pad();
    bool expand(bool tile);
    bool shape();
    bool size();
    bool constant();
    bool constant_of_shape();
    bool range();
    bool cast();
    bool dropout();
    bool scatter_nd();
    bool depth_space(bool to_space);
};

bool Eval::run(Rule rule) {
    switch (rule) {
    case Rule::Unknown: return false;
    case Rule::Unary: return unary();
    case Rule::Binary: return binary(false);
    case Rule::Variadic: return binary(true);
    case Rule::Where: return where();
    case Rule::Conv: return conv(false);
    case Rule::ConvTranspose: return conv(true);
    case Rule::Gemm: return gemm();
    case Rule::MatMul: return matmul();
    case Rule::Einsum: return einsum();
    case Rule::BatchNorm: return batchnorm();
    case Rule::LayerNorm: return layernorm();
    case Rule::Pool: return pool();
    case Rule::GlobalPool: return global_pool();
    case Rule::Reduce: return reduce(false);
    case Rule::ArgReduce: return reduce(true);
    case Rule::Flatten: return flatten();
    case Rule::Reshape: return reshape();
    case Rule::Transpose: return transpose();
    case Rule::Squeeze: return squeeze(false);
    case Rule::Unsqueeze: return squeeze(true);
    case Rule::Concat: return concat();
    case Rule::Split: return split();
    case Rule::Slice: return slice();
    case Rule::Gather: return gather();
    case Rule::Pad: return pad();
    case Rule::Expand: return expand(false);
    case Rule::Tile: return expand(true);
    case Rule::Shape: return shape();
    case Rule::Size: return size();
    case Rule::Constant: return constant();
    case Rule::ConstantOfShape: return constant_of_shape();
    case Rule::Range: return range();
    case Rule::Cast: return cast();
    case Rule::Dropout: return dropout();
    case Rule::ScatterND: return scatter_nd();
    case Rule::DepthToSpace: return depth_space(false);
    case Rule::SpaceToDepth: return depth_space(true);
    }
    return false;
}

bool Eval::unary() {
    const Info* x = need(0);
    if (!x) return false;
    std::int32_t type = x->type;
    const std::string& op = n.op_type;
    if (op == "Not" || op == "IsNaN" || op == "IsInf") type = static_cast<std::int32_t>(DataType::Bool);
    if (outs.empty()) return true;
    Info& o = out(0, x->shape, type);
    if (op == "Identity") {
        o.initializer = x->initializer;
        o.weight_like = x->weight_like;
    }
    if (x->has_value) {
        if (op == "Identity") {
            copy_values(o, *x);
        } else if (!x->is_float && (op == "Neg" || op == "Abs" || op == "Not")) {
            std::vector<std::int64_t> v = x->iv;
            for (auto& e : v) e = op == "Neg" ? (e == std::numeric_limits<std::int64_t>::min() ? e : -e)
                                  : op == "Abs" ? (e < 0 && e != std::numeric_limits<std::int64_t>::min() ? -e : e)
                                                : (e == 0 ? 1 : 0);
            set_ints(o, std::move(v));
        } else if (x->is_float && (op == "Sqrt" || op == "Neg" || op == "Floor" || op == "Ceil")) {
            std::vector<double> v = x->fv;
            for (auto& e : v) e = op == "Sqrt" ? std::sqrt(e) : op == "Neg" ? -e : op == "Floor" ? std::floor(e) : std::ceil(e);
            set_floats(o, std::move(v));
        }
    }
    return true;
}

// Integer arithmetic for value propagation; false when undefined (division by zero, overflow).
bool int_op(const std::string& op, std::int64_t a, std::int64_t b, std::int64_t& r) {
    if (op == "Add") return !__builtin_add_overflow(a, b, &r);
    if (op == "Sub") return !__builtin_sub_overflow(a, b, &r);
    if (op == "Mul") return !__builtin_mul_overflow(a, b, &r);
    if (op == "Div") {
        if (b == 0 || (a == std::numeric_limits<std::int64_t>::min() && b == -1)) return false;
        r = a / b;  // ONNX integer Div truncates
        return true;
    }
    if (op == "Mod") {
        if (b == 0 || (a == std::numeric_limits<std::int64_t>::min() && b == -1)) return false;
        r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;  // fmod=0: the result takes the divisor's sign
        return true;
    }
    if (op == "Equal") { r = a == b; return true; }
    if (op == "Less") { r = a < b; return true; }
    if (op == "LessOrEqual") { r = a <= b; return true; }
    if (op == "Greater") { r = a > b; return true; }
    if (op == "GreaterOrEqual") { r = a >= b; return true; }
    if (op == "And") { r = (a != 0) && (b != 0); return true; }
    if (op == "Or") { r = (a != 0) || (b != 0); return true; }
    if (op == "Max") { r = std::max(a, b); return true; }
    if (op == "Min") { r = std::min(a, b); return true; }
    return false;
}

bool real_op(const std::string& op, double a, double b, double& r) {
    if (op == "Add") r = a + b;
    else if (op == "Sub") r = a - b;
    else if (op == "Mul") r = a * b;
    else if (op == "Div") r = a / b;
    else if (op == "Max") r = std::max(a, b);
    else if (op == "Min") r = std::min(a, b);
    else return false;
    return true;
}

bool is_comparison(const std::string& op) {
    return op == "Equal" || op == "Less" || op == "LessOrEqual" || op == "Greater" || op == "GreaterOrEqual" ||
           op == "And" || op == "Or" || op == "Xor";
}

// Index of output element `i` into an operand of shape `s` broadcast to `out`.
std::size_t broadcast_index(std::size_t i, const Dims& out, const Dims& s) {
    std::size_t idx = 0, stride = 1;
    std::size_t rem = i;
    for (std::size_t k = out.size(); k-- > 0;) {
        const std::size_t od = static_cast<std::size_t>(out[k]);
        const std::size_t c = od ? rem % od : 0;
        rem = od ? rem / od : 0;
        const std::size_t off = out.size() - s.size();
        if (k >= off) {
            const std::size_t sd = static_cast<std::size_t>(s[k - off]);
            if (sd != 1) idx += c * stride;
            stride *= sd;
        }
    }
    return idx;
}

bool Eval::binary(bool variadic) {
    if (n.inputs.empty()) return fail("no inputs");
    std::vector<const Info*> ins;
    for (std::size_t k = 0; k < n.inputs.size(); ++k) {
        const Info* x = need(k);
        if (!x) return false;
        ins.push_back(x);
    }
    if (!variadic && ins.size() != 2) return fail("needs two inputs, has " + std::to_string(ins.size()));
    Dims shape = ins[0]->shape;
    // Before opset 7, binary ops broadcast B into A only with broadcast=1, B aligned at `axis`; PRelu's
    // slope of one value per channel applied to axis 1.
    const bool legacy = n.attribute("broadcast") != nullptr && attr_i(n, "broadcast", 0) != 0 && ins.size() == 2;
    const bool channel_slope = n.op_type == "PRelu" && ins.size() == 2 && ins[1]->shape.size() == 1 &&
                               shape.size() >= 2 && ins[1]->shape[0] == shape[1] && shape.size() > 2;
    if (legacy || channel_slope) {
        const Dims& b = ins[1]->shape;
        const std::int64_t ra = static_cast<std::int64_t>(shape.size()), rb = static_cast<std::int64_t>(b.size());
        std::int64_t axis = channel_slope ? 1 : attr_i(n, "axis", ra - rb);
        if (axis < 0 || axis + rb > ra) return fail("B " + dims_text(b) + " does not fit A " + dims_text(shape) + " at axis " + with_commas_signed(axis));
        for (std::int64_t i = 0; i < rb; ++i)
            if (b[static_cast<std::size_t>(i)] != 1 && b[static_cast<std::size_t>(i)] != shape[static_cast<std::size_t>(axis + i)])
                return fail("B " + dims_text(b) + " does not fit A " + dims_text(shape) + " at axis " + with_commas_signed(axis));
        ins.resize(1);  // the output is A's shape; no values
    }
    for (std::size_t k = 1; k < ins.size(); ++k) {
        Dims b;
        if (!broadcast(shape, ins[k]->shape, b))
            return fail("cannot broadcast " + dims_text(shape) + " with " + dims_text(ins[k]->shape));
        shape = std::move(b);
    }
    if (numel(shape) < 0) return fail("the output " + dims_text(shape) + " is too large");
    const std::string& op = n.op_type;
    const std::int32_t type = is_comparison(op) ? static_cast<std::int32_t>(DataType::Bool) : ins[0]->type;
    if (outs.empty()) return true;
    Info& o = out(0, shape, type);
    // Values: two operands, both known, small.
    if (ins.size() == 2 && ins[0]->has_value && ins[1]->has_value && numel(shape) <= kMaxValueElements) {
        const Info& a = *ins[0];
        const Info& b = *ins[1];
        const std::size_t total = static_cast<std::size_t>(numel(shape));
        if (!a.is_float && !b.is_float) {
            std::vector<std::int64_t> v(total);
            for (std::size_t i = 0; i < total; ++i)
                if (!int_op(op, a.iv[broadcast_index(i, shape, a.shape)], b.iv[broadcast_index(i, shape, b.shape)], v[i]))
                    return true;  // shape known, values not
            set_ints(o, std::move(v));
        } else {
            std::vector<double> v(total);
            auto get = [&](const Info& x, std::size_t i) {
                const std::size_t j = broadcast_index(i, shape, x.shape);
                return x.is_float ? x.fv[j] : static_cast<double>(x.iv[j]);
            };
            for (std::size_t i = 0; i < total; ++i)
                if (!real_op(op, get(a, i), get(b, i), v[i])) return true;
            set_floats(o, std::move(v));
        }
    }
    return true;
}

bool Eval::where() {
    const Info* c = need(0);
    const Info* x = need(1);
    const Info* y = need(2);
    if (!c || !x || !y) return false;
    Dims s1, s2;
    if (!broadcast(c->shape, x->shape, s1) || !broadcast(s1, y->shape, s2))
        return fail("cannot broadcast " + dims_text(c->shape) + ", " + dims_text(x->shape) + " and " + dims_text(y->shape));
    if (outs.empty()) return true;
    Info& o = out(0, s2, x->type);
    if (c->has_value && x->has_value && y->has_value && !x->is_float && !y->is_float && !c->is_float &&
        numel(s2) <= kMaxValueElements) {
        std::vector<std::int64_t> v(static_cast<std::size_t>(numel(s2)));
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = c->iv[broadcast_index(i, s2, c->shape)] ? x->iv[broadcast_index(i, s2, x->shape)]
                                                            : y->iv[broadcast_index(i, s2, y->shape)];
        set_ints(o, std::move(v));
    }
    return true;
}

// Output size of one spatial axis of a conv or pool window.
bool window_out(std::int64_t x, std::int64_t k, std::int64_t s, std::int64_t d, std::int64_t pb, std::int64_t pe,
                const std::string& auto_pad, bool ceil_mode, std::int64_t& out) {
    if (k < 1 || s < 1 || d < 1 || pb < 0 || pe < 0 || k > kMaxWindow || s > kMaxWindow || d > kMaxWindow ||
        pb > kMaxDim || pe > kMaxDim)
        return false;
    const std::int64_t span = d * (k - 1) + 1;
    if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
        out = (x + s - 1) / s;
        return true;
    }
    if (auto_pad == "VALID") {
        out = x < span ? 0 : (x - span) / s + 1;  // opset ≥ 11 formula; older VALID uses ceil((x-span+1)/s)
        return out > 0;
    }
    const std::int64_t avail = x + pb + pe - span;
    if (avail < 0) return false;
    if (ceil_mode) {
        out = (avail + s - 1) / s + 1;
        if ((out - 1) * s >= x + pb) --out;  // the last window must start inside the input or left padding
    } else {
        out = floor_div(avail, s) + 1;
    }
    return out > 0;
}

bool Eval::conv(bool transpose) {
    const Info* x = need(0);
    const Info* wt = need(1);
    if (!x || !wt) return false;
    const Info* b = opt(2);
    if (!problem.empty()) return false;
    const std::size_t rank = x->shape.size();
    if (rank < 3) return fail("the input " + dims_text(x->shape) + " needs a batch, a channel and a spatial axis");
    if (wt->shape.size() != rank) return fail("the weight " + dims_text(wt->shape) + " does not match the input " + dims_text(x->shape));
    const std::size_t sp = rank - 2;
    const std::int64_t group = attr_i(n, "group", 1);
    if (group < 1 || group > kMaxWindow) return fail("group " + with_commas_signed(group) + " is below 1 or too large");
    const auto* ks = attr_ints(n, "kernel_shape");
    const auto* st = attr_ints(n, "strides");
    const auto* dl = attr_ints(n, "dilations");
    const auto* pd = attr_ints(n, "pads");
    if ((ks && ks->size() != sp) || (st && st->size() != sp) || (dl && dl->size() != sp) || (pd && pd->size() != 2 * sp))
        return fail("kernel_shape, strides, dilations or pads do not have one entry per spatial axis");
    const std::string auto_pad = attr_s(n, "auto_pad");
    Dims y(rank);
    y[0] = x->shape[0];
    if (!transpose) {
        // W = [M, C/group, k…]: the file's own check on input channels.
        if (wt->shape[1] * group != x->shape[1])
            return fail("input channels " + with_commas_signed(x->shape[1]) + " do not match the weight " + dims_text(wt->shape) +
                        " with group " + with_commas_signed(group));
        if (wt->shape[0] % group != 0) return fail("output channels " + with_commas_signed(wt->shape[0]) + " are not divisible by group " + with_commas_signed(group));
        y[1] = wt->shape[0];
    } else {
        if (wt->shape[0] != x->shape[1])
            return fail("input channels " + with_commas_signed(x->shape[1]) + " do not match the weight " + dims_text(wt->shape));
        y[1] = wt->shape[1] * group;
    }
    for (std::size_t i = 0; i < sp; ++i) {
        const std::int64_t k = ks ? (*ks)[i] : wt->shape[2 + i];
        if (k != wt->shape[2 + i]) return fail("kernel_shape does not match the weight " + dims_text(wt->shape));
        const std::int64_t s = st ? (*st)[i] : 1, d = dl ? (*dl)[i] : 1;
        const std::int64_t pb = pd ? (*pd)[i] : 0, pe = pd ? (*pd)[sp + i] : 0;
        std::int64_t o = 0;
        if (!transpose) {
            if (!window_out(x->shape[2 + i], k, s, d, pb, pe, auto_pad, false, o))
                return fail("the kernel does not fit the input " + dims_text(x->shape));
        } else {
            const auto* os = attr_ints(n, "output_shape");
            const auto* op = attr_ints(n, "output_padding");
            if (os && os->size() == sp) o = (*os)[i];
            else if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") o = x->shape[2 + i] * s;
            else {
                const std::int64_t extra = op && op->size() == sp ? (*op)[i] : 0;
                if (s < 1 || d < 1 || k < 1 || s > kMaxWindow || d > kMaxWindow || k > kMaxWindow || std::llabs(pb) > kMaxDim ||
                    std::llabs(pe) > kMaxDim || extra < 0 || extra > kMaxWindow)
                    return fail("strides, dilations, pads or output_padding are out of range");
                o = s * (x->shape[2 + i] - 1) + extra + (k - 1) * d + 1 - pb - pe;  // ≤ 2^20·2^40 + …: fits
            }
            if (o < 1) return fail("the transposed convolution has no output");
        }
        y[2 + i] = o;
    }
    if (b && b->known && !(b->shape.size() == 1 && b->shape[0] == y[1]))
        return fail("the bias " + dims_text(b->shape) + " does not have one value per output channel");
    if (numel(y) < 0) return fail("the output " + dims_text(y) + " is too large");
    // torchvision's convention: output elements × (C/group × k…) for a conv; input elements × (M/group × k…)
    // for a transposed one. No bias.
    Dims wtail(wt->shape.begin() + 1, wt->shape.end());
    macs = count_elements(transpose ? x->shape : y) * count_elements(wtail);
    if (!outs.empty()) out(0, std::move(y), x->type);
    return true;
}

bool Eval::gemm() {
    const Info* a = need(0);
    const Info* b = need(1);
    if (!a || !b) return false;
    const Info* c = opt(2);
    if (!problem.empty()) return false;
    if (a->shape.size() != 2 || b->shape.size() != 2)
        return fail("Gemm needs 2-D operands, not " + dims_text(a->shape) + " and " + dims_text(b->shape));
    const bool ta = attr_i(n, "transA", 0) != 0, tb = attr_i(n, "transB", 0) != 0;
    const std::int64_t m = ta ? a->shape[1] : a->shape[0], k = ta ? a->shape[0] : a->shape[1];
    const std::int64_t kb = tb ? b->shape[1] : b->shape[0], nn = tb ? b->shape[0] : b->shape[1];
    if (k != kb)
        return fail("K differs: A " + dims_text(a->shape) + (ta ? " (transposed)" : "") + " has " + with_commas_signed(k) + ", B " +
                    dims_text(b->shape) + (tb ? " (transposed)" : "") + " has " + with_commas_signed(kb));
    Dims y{m, nn};
    if (c) {
        Dims bc;
        if (!broadcast(y, c->shape, bc) || bc != y) return fail("C " + dims_text(c->shape) + " does not broadcast to " + dims_text(y));
    }
    macs = count_of(m) * count_of(nn) * count_of(k);
    if (!outs.empty()) out(0, std::move(y), a->type);
    return true;
}

bool Eval::matmul() {
    const Info* a = need(0);
    const Info* b = need(1);
    if (!a || !b) return false;
    Dims sa = a->shape, sb = b->shape;
    if (sa.empty() || sb.empty()) return fail("MatMul operands must have at least one axis");
    const bool a1 = sa.size() == 1, b1 = sb.size() == 1;
    if (a1) sa.insert(sa.begin(), 1);
    if (b1) sb.push_back(1);
    const std::int64_t k = sa.back();
    if (k != sb[sb.size() - 2])
        return fail("K differs: " + dims_text(a->shape) + " × " + dims_text(b->shape));
    Dims batch;
    if (!broadcast(Dims(sa.begin(), sa.end() - 2), Dims(sb.begin(), sb.end() - 2), batch))
        return fail("batch axes of " + dims_text(a->shape) + " and " + dims_text(b->shape) + " do not broadcast");
    Dims y = batch;
    if (!a1) y.push_back(sa[sa.size() - 2]);
    if (!b1) y.push_back(sb.back());
    if (numel(y) < 0) return fail("the output " + dims_text(y) + " is too large");
    const Count m = count_elements(y) * count_of(k);
    if (a->weight_like || b->weight_like) macs = m;
    else attention_macs = m;
    if (!outs.empty()) out(0, std::move(y), a->type);
    return true;
}

// Two-operand Einsum without ellipsis (MaxViT's attention); MACs = product over all distinct letters.
bool Eval::einsum() {
    std::string eq;
    for (char c : attr_s(n, "equation"))
        if (c != ' ') eq += c;
    if (eq.find("...") != std::string::npos) return fail("Einsum with an ellipsis is not supported");
    const std::size_t arrow = eq.find("->");
    const std::string lhs = eq.substr(0, arrow);
    std::vector<std::string> terms;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= lhs.size(); ++i)
        if (i == lhs.size() || lhs[i] == ',') {
            terms.push_back(lhs.substr(start, i - start));
            start = i + 1;
        }
    if (terms.size() != n.inputs.size()) return fail("the equation names " + std::to_string(terms.size()) + " operands");
    std::int64_t size_of[128];
    for (auto& s : size_of) s = -1;
    for (std::size_t t = 0; t < terms.size(); ++t) {
        const Info* x = need(t);
        if (!x) return false;
        if (terms[t].size() != x->shape.size()) return fail("operand " + std::to_string(t + 1) + " has another rank than its subscripts");
        for (std::size_t i = 0; i < terms[t].size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(terms[t][i]);
            if (c >= 128 || !std::isalpha(c)) return fail("the equation has a character that is not a letter");
            const std::int64_t d = x->shape[i];
            if (size_of[c] >= 0 && size_of[c] != d && d != 1 && size_of[c] != 1)
                return fail(std::string("subscript ") + static_cast<char>(c) + " has two sizes");
            size_of[c] = std::max(size_of[c], d);
        }
    }
    std::string rhs;
    if (arrow != std::string::npos) {
        rhs = eq.substr(arrow + 2);
    } else {  // implicit output: the letters used once, in alphabetical order
        for (int c = 0; c < 128; ++c) {
            int uses = 0;
            for (const std::string& t : terms) uses += static_cast<int>(std::count(t.begin(), t.end(), static_cast<char>(c)));
            if (uses == 1) rhs += static_cast<char>(c);
        }
    }
    Dims y;
    for (char c : rhs) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u >= 128 || size_of[u] < 0) return fail(std::string("output subscript ") + c + " is not an input's");
        y.push_back(size_of[u]);
    }
    if (terms.size() == 2) {
        Count m(1);
        for (int c = 0; c < 128; ++c)
            if (size_of[c] >= 0) m *= count_of(size_of[c]);
        const Info* a = w.input(n, 0);
        const Info* b = w.input(n, 1);
        if (a->weight_like || b->weight_like) macs = m;
        else attention_macs = m;
    }
    if (!outs.empty()) out(0, std::move(y), w.input(n, 0)->type);
    return true;
}

bool Eval::batchnorm() {
    const Info* x = need(0);
    if (!x) return false;
    if (x->shape.size() < 2) return fail("the input " + dims_text(x->shape) + " has no channel axis");
    for (std::size_t k = 1; k < 5 && k < n.inputs.size(); ++k) {
        const Info* p = need(k);
        if (!p) return false;
        if (!(p->shape.size() == 1 && p->shape[0] == x->shape[1]))
            return fail("parameter " + std::to_string(k + 1) + " " + dims_text(p->shape) + " does not have one value per channel (" +
                        with_commas_signed(x->shape[1]) + ")");
    }
    for (std::size_t k = 0; k < outs.size(); ++k)
        if (!n.outputs[k].empty()) out(k, k == 0 ? x->shape : Dims{x->shape[1]}, x->type);
    return true;
}

bool Eval::layernorm() {
    const Info* x = need(0);
    if (!x) return false;
    std::int64_t axis = attr_i(n, "axis", -1);
    if (!norm_axis(axis, static_cast<std::int64_t>(x->shape.size()))) return fail("axis is outside the input's rank");
    const Dims tail(x->shape.begin() + axis, x->shape.end());
    for (std::size_t k = 1; k < 3 && k < n.inputs.size(); ++k) {
        const Info* p = opt(k);
        if (!problem.empty()) return false;
        Dims bc;
        if (p && (!broadcast(tail, p->shape, bc) || bc != tail))
            return fail("scale or bias " + dims_text(p->shape) + " does not fit the normalized axes " + dims_text(tail));
    }
    Dims stat = x->shape;
    for (std::size_t i = static_cast<std::size_t>(axis); i < stat.size(); ++i) stat[i] = 1;
    const std::int32_t stash = static_cast<std::int32_t>(attr_i(n, "stash_type", 1));
    for (std::size_t k = 0; k < outs.size(); ++k)
        if (!n.outputs[k].empty()) out(k, k == 0 ? x->shape : stat, k == 0 ? x->type : stash);
    return true;
}

bool Eval::pool() {
    const Info* x = need(0);
    if (!x) return false;
    const std::size_t rank = x->shape.size();
    if (rank < 3) return fail("the input " + dims_text(x->shape) + " needs a batch, a channel and a spatial axis");
    const std::size_t sp = rank - 2;
    const auto* ks = attr_ints(n, "kernel_shape");
    if (!ks || ks->size() != sp) return fail("kernel_shape must have one entry per spatial axis");
    const auto* st = attr_ints(n, "strides");
    const auto* dl = attr_ints(n, "dilations");
    const auto* pd = attr_ints(n, "pads");
    if ((st && st->size() != sp) || (dl && dl->size() != sp) || (pd && pd->size() != 2 * sp))
        return fail("strides, dilations or pads do not have one entry per spatial axis");
    const bool ceil_mode = attr_i(n, "ceil_mode", 0) != 0;
    const std::string auto_pad = attr_s(n, "auto_pad");
    Dims y = x->shape;
    for (std::size_t i = 0; i < sp; ++i) {
        std::int64_t o = 0;
        if (!window_out(x->shape[2 + i], (*ks)[i], st ? (*st)[i] : 1, dl ? (*dl)[i] : 1, pd ? (*pd)[i] : 0,
                        pd ? (*pd)[sp + i] : 0, auto_pad, ceil_mode, o))
            return fail("the pooling window does not fit the input " + dims_text(x->shape));
        y[2 + i] = o;
    }
    for (std::size_t k = 0; k < outs.size(); ++k)
        if (!n.outputs[k].empty()) out(k, y, k == 0 ? x->type : static_cast<std::int32_t>(DataType::Int64));
    return true;
}

bool Eval::global_pool() {
    const Info* x = need(0);
    if (!x) return false;
    if (x->shape.size() < 3) return fail("the input " + dims_text(x->shape) + " has no spatial axis");
    Dims y = x->shape;
    for (std::size_t i = 2; i < y.size(); ++i) y[i] = 1;
    if (!outs.empty()) out(0, std::move(y), x->type);
    return true;
}

bool Eval::reduce(bool arg) {
    const Info* x = need(0);
    if (!x) return false;
    const std::int64_t rank = static_cast<std::int64_t>(x->shape.size());
    const bool keep = attr_i(n, "keepdims", 1) != 0;
    std::vector<std::int64_t> axes;
    if (arg) {
        axes.push_back(attr_i(n, "axis", 0));
    } else if (const auto* a = attr_ints(n, "axes")) {
        axes = *a;
    } else if (has_input(1)) {
        if (!ints_of(1, axes, "axes")) return false;
    }
    std::vector<bool> reduced(static_cast<std::size_t>(rank), false);
    if (axes.empty() && !arg) {
        if (attr_i(n, "noop_with_empty_axes", 0) != 0) {
            if (!outs.empty()) out(0, x->shape, x->type);
            return true;
        }
        reduced.assign(static_cast<std::size_t>(rank), true);
    }
    for (std::int64_t a : axes) {
        if (!norm_axis(a, rank)) return fail("axis " + with_commas_signed(a) + " is outside the input's rank " + with_commas_signed(rank));
        reduced[static_cast<std::size_t>(a)] = true;
    }
    Dims y;
    for (std::int64_t i = 0; i < rank; ++i) {
        if (!reduced[static_cast<std::size_t>(i)]) y.push_back(x->shape[static_cast<std::size_t>(i)]);
        else if (keep) y.push_back(1);
    }
    if (!outs.empty()) out(0, std::move(y), arg ? static_cast<std::int32_t>(DataType::Int64) : x->type);
    return true;
}

bool Eval::flatten() {
    const Info* x = need(0);
    if (!x) return false;
    const std::int64_t rank = static_cast<std::int64_t>(x->shape.size());
    std::int64_t axis = attr_i(n, "axis", 1);
    if (axis < 0) axis += rank;
    if (axis < 0 || axis > rank) return fail("axis is outside the input's rank");
    const Dims head(x->shape.begin(), x->shape.begin() + axis), tail(x->shape.begin() + axis, x->shape.end());
    if (!outs.empty()) {
        Info& o = out(0, Dims{numel(head), numel(tail)}, x->type);
        copy_values(o, *x);
    }
    return true;
}

bool Eval::reshape() {
    const Info* x = need(0);
    if (!x) return false;
    std::vector<std::int64_t> target;
    if (has_input(1)) {
        if (!ints_of(1, target, "the target shape")) return false;
    } else if (const auto* s = attr_ints(n, "shape")) {
        target = *s;
    } else {
        return fail("the target shape is missing");
    }
    const bool allow_zero = attr_i(n, "allowzero", 0) != 0;
    const std::int64_t total = numel(x->shape);
    Dims y(target.size());
    int infer = -1;
    std::int64_t known = 1;
    for (std::size_t i = 0; i < target.size(); ++i) {
        std::int64_t d = target[i];
        if (d == 0 && !allow_zero) {
            if (i >= x->shape.size()) return fail("target dim 0 copies an axis the input does not have");
            d = x->shape[i];
        }
        if (d == -1) {
            if (infer >= 0) return fail("the target shape has more than one -1");
            infer = static_cast<int>(i);
            continue;
        }
        if (d < 0) return fail("the target shape has a negative dim " + with_commas_signed(d));
        if (d > kMaxDim || (d != 0 && known > kMaxElements / d)) return fail("the target shape is too large");
        known *= d;
        y[i] = d;
    }
    if (infer >= 0) {
        if (known == 0 || total % known != 0)
            return fail("cannot reshape " + dims_text(x->shape) + " (" + with_commas_signed(total) + " elements) into " + dims_text(target));
        y[static_cast<std::size_t>(infer)] = total / known;
    } else if (known != total) {
        return fail("element count differs: " + dims_text(x->shape) + " has " + with_commas_signed(total) + ", the target " + dims_text(y) +
                    " has " + with_commas_signed(known));
    }
    if (!outs.empty()) {
        Info& o = out(0, std::move(y), x->type);
        copy_values(o, *x);
        o.weight_like = x->weight_like;
    }
    return true;
}

// Values of a small constant tensor moved element by element: output element at multi-index `at` (of
// shape y) is input element source(at). Slice and Transpose of any rank (Swin computes its F.pad amounts
// as a [k, 2] tensor that it slices backwards, transposes and flattens).
template <class Source>
void move_values(Info& o, const Info& x, const Dims& y, Source source) {
    if (!x.has_value || numel(y) < 0 || numel(y) > kMaxValueElements) return;
    const std::size_t total = static_cast<std::size_t>(numel(y));
    const std::size_t have = x.is_float ? x.fv.size() : x.iv.size();
    std::vector<std::int64_t> at(y.size(), 0);
    std::vector<std::int64_t> iv;
    std::vector<double> fv;
    for (std::size_t k = 0; k < total; ++k) {
        const std::int64_t from = source(at);
        if (from < 0 || static_cast<std::size_t>(from) >= have) return;
        if (x.is_float) fv.push_back(x.fv[static_cast<std::size_t>(from)]);
        else iv.push_back(x.iv[static_cast<std::size_t>(from)]);
        for (std::size_t d = y.size(); d-- > 0;) {  // next multi-index, last dim fastest
            if (++at[d] < y[d]) break;
            at[d] = 0;
        }
    }
    o.has_value = true;
    o.is_float = x.is_float;
    o.iv = std::move(iv);
    o.fv = std::move(fv);
}

// Row-major strides of a shape.
std::vector<std::int64_t> strides_of(const Dims& d) {
    std::vector<std::int64_t> s(d.size(), 1);
    for (std::size_t i = d.size(); i-- > 1;) s[i - 1] = s[i] * d[i];
    return s;
}

bool Eval::transpose() {
    const Info* x = need(0);
    if (!x) return false;
    const std::size_t rank = x->shape.size();
    std::vector<std::int64_t> perm;
    if (const auto* p = attr_ints(n, "perm")) perm = *p;
    else for (std::size_t i = 0; i < rank; ++i) perm.push_back(static_cast<std::int64_t>(rank - 1 - i));
    if (perm.size() != rank) return fail("perm has " + std::to_string(perm.size()) + " entries for a rank-" + std::to_string(rank) + " input");
    std::vector<bool> seen(rank, false);
    Dims y(rank);
    for (std::size_t i = 0; i < rank; ++i) {
        std::int64_t p = perm[i];
        if (!norm_axis(p, static_cast<std::int64_t>(rank)) || seen[static_cast<std::size_t>(p)]) return fail("perm is not a permutation");
        seen[static_cast<std::size_t>(p)] = true;
        y[i] = x->shape[static_cast<std::size_t>(p)];
    }
    if (!outs.empty()) {
        Info& o = out(0, y, x->type);
        o.weight_like = x->weight_like;
        const std::vector<std::int64_t> in_strides = strides_of(x->shape);
        move_values(o, *x, y, [&](const std::vector<std::int64_t>& at) {
            std::int64_t from = 0;
            for (std::size_t i = 0; i < rank; ++i) from += at[i] * in_strides[static_cast<std::size_t>(perm[i] < 0 ? perm[i] + static_cast<std::int64_t>(rank) : perm[i])];
            return from;
        });
    }
    return true;
}

bool Eval::squeeze(bool un) {
    const Info* x = need(0);
    if (!x) return false;
    std::vector<std::int64_t> axes;
    bool have_axes = false;
    if (const auto* a = attr_ints(n, "axes")) { axes = *a; have_axes = true; }
    else if (has_input(1)) { if (!ints_of(1, axes, "axes")) return false; have_axes = true; }
    const std::int64_t in_rank = static_cast<std::int64_t>(x->shape.size());
    Dims y;
    if (un) {
        if (!have_axes) return fail("axes are missing");
        const std::int64_t rank = in_rank + static_cast<std::int64_t>(axes.size());
        std::vector<bool> inserted(static_cast<std::size_t>(rank), false);
        for (std::int64_t a : axes) {
            if (!norm_axis(a, rank) || inserted[static_cast<std::size_t>(a)]) return fail("axes are out of range or repeated");
            inserted[static_cast<std::size_t>(a)] = true;
        }
        std::size_t j = 0;
        for (std::int64_t i = 0; i < rank; ++i) y.push_back(inserted[static_cast<std::size_t>(i)] ? 1 : x->shape[j++]);
    } else {
        std::vector<bool> drop(static_cast<std::size_t>(in_rank), false);
        if (!have_axes || axes.empty()) {
            for (std::int64_t i = 0; i < in_rank; ++i) drop[static_cast<std::size_t>(i)] = x->shape[static_cast<std::size_t>(i)] == 1;
        }
        for (std::int64_t a : axes) {
            if (!norm_axis(a, in_rank)) return fail("axis " + with_commas_signed(a) + " is outside the input's rank");
            if (x->shape[static_cast<std::size_t>(a)] != 1) return fail("axis " + with_commas_signed(a) + " of " + dims_text(x->shape) + " is not 1");
            drop[static_cast<std::size_t>(a)] = true;
        }
        for (std::int64_t i = 0; i < in_rank; ++i)
            if (!drop[static_cast<std::size_t>(i)]) y.push_back(x->shape[static_cast<std::size_t>(i)]);
    }
    if (!outs.empty()) {
        Info& o = out(0, std::move(y), x->type);
        o.weight_like = x->weight_like;
        copy_values(o, *x);
    }
    return true;
}

bool Eval::concat() {
    if (n.inputs.empty()) return fail("no inputs");
    std::vector<const Info*> ins;
    for (std::size_t k = 0; k < n.inputs.size(); ++k) {
        const Info* x = need(k);
        if (!x) return false;
        ins.push_back(x);
    }
    const std::int64_t rank = static_cast<std::int64_t>(ins[0]->shape.size());
    std::int64_t axis = attr_i(n, "axis", 0);
    if (!norm_axis(axis, rank)) return fail("axis is outside the inputs' rank");
    Dims y = ins[0]->shape;
    y[static_cast<std::size_t>(axis)] = 0;
    bool values = true;
    for (const Info* x : ins) {
        if (static_cast<std::int64_t>(x->shape.size()) != rank) return fail("inputs have different ranks");
        for (std::int64_t i = 0; i < rank; ++i)
            if (i != axis && x->shape[static_cast<std::size_t>(i)] != ins[0]->shape[static_cast<std::size_t>(i)])
                return fail("cannot concatenate " + dims_text(x->shape) + " with " + dims_text(ins[0]->shape) + " along axis " + with_commas_signed(axis));
        y[static_cast<std::size_t>(axis)] += x->shape[static_cast<std::size_t>(axis)];
        if (y[static_cast<std::size_t>(axis)] > kMaxDim) return fail("the concatenation is too large");
        values = values && x->has_value && !x->is_float && rank == 1;
    }
    if (outs.empty()) return true;
    Info& o = out(0, std::move(y), ins[0]->type);
    if (values) {
        std::vector<std::int64_t> v;
        for (const Info* x : ins) v.insert(v.end(), x->iv.begin(), x->iv.end());
        set_ints(o, std::move(v));
    }
    return true;
}

bool Eval::split() {
    const Info* x = need(0);
    if (!x) return false;
    const std::int64_t rank = static_cast<std::int64_t>(x->shape.size());
    std::int64_t axis = attr_i(n, "axis", 0);
    if (!norm_axis(axis, rank)) return fail("axis is outside the input's rank");
    const std::int64_t dim = x->shape[static_cast<std::size_t>(axis)];
    std::vector<std::int64_t> sizes;
    if (const auto* s = attr_ints(n, "split")) sizes = *s;
    else if (has_input(1)) { if (!ints_of(1, sizes, "split sizes")) return false; }
    const std::size_t parts = outs.size();
    if (parts == 0) return true;
    if (sizes.empty()) {
        const std::int64_t p = static_cast<std::int64_t>(parts);
        const std::int64_t chunk = (dim + p - 1) / p;  // equal parts; the last may be smaller (opset 18)
        for (std::int64_t i = 0; i < p; ++i) sizes.push_back(std::max<std::int64_t>(0, std::min(chunk, dim - i * chunk)));
    }
    if (sizes.size() != parts) return fail("split has " + std::to_string(sizes.size()) + " sizes for " + std::to_string(parts) + " outputs");
    std::int64_t sum = 0;
    for (std::int64_t s : sizes) {
        if (s < 0 || s > kMaxDim) return fail("a split size is negative or too large");
        sum += s;
    }
    if (sum != dim) return fail("split sizes add up to " + with_commas_signed(sum) + ", not " + with_commas_signed(dim));
    std::int64_t start = 0;
    for (std::size_t k = 0; k < parts; ++k) {
        Dims y = x->shape;
        y[static_cast<std::size_t>(axis)] = sizes[k];
        Info& o = out(k, std::move(y), x->type);
        if (x->has_value && rank == 1 && !x->is_float)
            set_ints(o, std::vector<std::int64_t>(x->iv.begin() + start, x->iv.begin() + start + sizes[k]));
        start += sizes[k];
    }
    return true;
}

bool Eval::slice() {
    const Info* x = need(0);
    if (!x) return false;
    const std::int64_t rank = static_cast<std::int64_t>(x->shape.size());
    std::vector<std::int64_t> starts, ends, axes, steps;
    if (const auto* s = attr_ints(n, "starts")) {  // opset < 10
        starts = *s;
        if (const auto* e = attr_ints(n, "ends")) ends = *e;
        if (const auto* a = attr_ints(n, "axes")) axes = *a;
    } else {
        if (!ints_of(1, starts, "starts") || !ints_of(2, ends, "ends")) return false;
        if (has_input(3) && !ints_of(3, axes, "axes")) return false;
        if (has_input(4) && !ints_of(4, steps, "steps")) return false;
    }
    if (axes.empty())
        for (std::size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<std::int64_t>(i));
    if (steps.empty()) steps.assign(starts.size(), 1);
    if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
        return fail("starts, ends, axes and steps have different lengths");
    Dims y = x->shape;
    std::vector<std::int64_t> first(static_cast<std::size_t>(rank), 0), stride(static_cast<std::size_t>(rank), 1);
    std::vector<bool> seen(static_cast<std::size_t>(rank), false);
    for (std::size_t i = 0; i < starts.size(); ++i) {
        std::int64_t a = axes[i];
        if (!norm_axis(a, rank) || seen[static_cast<std::size_t>(a)]) return fail("an axis is out of range or repeated");
        seen[static_cast<std::size_t>(a)] = true;
        const std::int64_t d = x->shape[static_cast<std::size_t>(a)];
        const std::int64_t step = steps[i];
        if (step == 0) return fail("a step is 0");
        std::int64_t s = starts[i], e = ends[i];
        if (s < 0) s = s < -d ? 0 - (step < 0) : s + d;  // wraps; clamps below
        if (e < 0) e = e < -d ? 0 - (step < 0) : e + d;
        if (step > 0) {
            s = std::clamp<std::int64_t>(s, 0, d);
            e = std::clamp<std::int64_t>(e, 0, d);
            y[static_cast<std::size_t>(a)] = e > s ? (e - s + step - 1) / step : 0;
        } else {
            s = std::clamp<std::int64_t>(s, -1, d - 1);
            e = std::clamp<std::int64_t>(e, -1, d - 1);
            y[static_cast<std::size_t>(a)] = s > e ? (s - e + (-step) - 1) / (-step) : 0;
        }
        first[static_cast<std::size_t>(a)] = s;
        stride[static_cast<std::size_t>(a)] = step;
    }
    if (outs.empty()) return true;
    Info& o = out(0, y, x->type);
    const std::vector<std::int64_t> in_strides = strides_of(x->shape);
    move_values(o, *x, y, [&](const std::vector<std::int64_t>& at) {
        std::int64_t from = 0;
        for (std::size_t d = 0; d < at.size(); ++d) from += (first[d] + at[d] * stride[d]) * in_strides[d];
        return from;
    });
    return true;
}

bool Eval::gather() {
    const Info* x = need(0);
    const Info* idx = need(1);
    if (!x || !idx) return false;
    const std::int64_t rank = static_cast<std::int64_t>(x->shape.size());
    std::int64_t axis = attr_i(n, "axis", 0);
    if (!norm_axis(axis, rank)) return fail("axis is outside the input's rank");
    Dims y(x->shape.begin(), x->shape.begin() + axis);
    y.insert(y.end(), idx->shape.begin(), idx->shape.end());
    y.insert(y.end(), x->shape.begin() + axis + 1, x->shape.end());
    if (numel(y) < 0) return fail("the output " + dims_text(y) + " is too large");
    const std::int64_t d = x->shape[static_cast<std::size_t>(axis)];
    if (idx->has_value && !idx->is_float)
        for (std::int64_t i : idx->iv)
            if (i < -d || i >= d) return fail("index " + with_commas_signed(i) + " is outside axis " + with_commas_signed(axis) + " of size " + with_commas_signed(d));
    if (outs.empty()) return true;
    Info& o = out(0, y, x->type);
    if (x->has_value && !x->is_float && rank == 1 && idx->has_value && !idx->is_float) {
        std::vector<std::int64_t> v;
        for (std::int64_t i : idx->iv) v.push_back(x->iv[static_cast<std::size_t>(i < 0 ? i + d : i)]);
        set_ints(o, std::move(v));
    }
    return true;
}

bool Eval::pad() {
    const Info* x = need(0);
    if (!x) return false;
    const std::int64_t rank = static_cast<std::int64_t>(x->shape.size());
    std::vector<std::int64_t> pads, axes;
    if (const auto* p = attr_ints(n, "pads")) pads = *p;
    else if (const auto* q = attr_ints(n, "paddings")) pads = *q;
    else if (!ints_of(1, pads, "pads")) return false;
    if (has_input(3) && !ints_of(3, axes, "axes")) return false;
    if (axes.empty())
        for (std::int64_t i = 0; i < rank; ++i) axes.push_back(i);
    if (pads.size() != 2 * axes.size()) return fail("pads has " + std::to_string(pads.size()) + " entries for " + std::to_string(axes.size()) + " axes");
    Dims y = x->shape;
    for (std::size_t i = 0; i < axes.size(); ++i) {
        std::int64_t a = axes[i];
        if (!norm_axis(a, rank)) return fail("an axis is out of range");
        const std::int64_t pb = pads[i], pe = pads[axes.size() + i];
        if (pb < -kMaxDim || pb > kMaxDim || pe < -kMaxDim || pe > kMaxDim) return fail("a pad is too large");
        const std::int64_t o = y[static_cast<std::size_t>(a)] + pb + pe;
        if (o < 0) return fail("negative pads remove more than the axis has");
        y[static_cast<std::size_t>(a)] = o;
    }
    if (numel(y) < 0) return fail("the output " + dims_text(y) + " is too large");
    if (!outs.empty()) out(0, std::move(y), x->type);
    return true;
}

bool Eval::expand(bool tile) {
    const Info* x = need(0);
    if (!x) return false;
    std::vector<std::int64_t> v;
    if (!ints_of(1, v, tile ? "repeats" : "the target shape")) return false;
    Dims y;
    if (tile) {
        if (v.size() != x->shape.size()) return fail("repeats has another length than the input's rank");
        y = x->shape;
        for (std::size_t i = 0; i < y.size(); ++i) {
            if (v[i] < 0 || v[i] > kMaxDim) return fail("a repeat is negative or too large");
            if (y[i] != 0 && v[i] > kMaxElements / y[i]) return fail("the output is too large");
            y[i] *= v[i];
        }
    } else {
        for (std::int64_t d : v)
            if (d < 0 || d > kMaxDim) return fail("the target shape has a negative or too large dim");
        if (!broadcast(x->shape, v, y)) return fail("cannot expand " + dims_text(x->shape) + " to " + dims_text(v));
    }
    if (numel(y) < 0) return fail("the output " + dims_text(y) + " is too large");
    if (outs.empty()) return true;
    Info& o = out(0, y, x->type);
    if (!tile && x->has_value && !x->is_float && numel(y) <= kMaxValueElements) {
        std::vector<std::int64_t> vals(static_cast<std::size_t>(numel(y)));
        for (std::size_t i = 0; i < vals.size(); ++i) vals[i] = x->iv[broadcast_index(i, y, x->shape)];
        set_ints(o, std::move(vals));
    }
    return true;
}

bool Eval::shape() {
    const Info* x = need(0);
    if (!x) return false;
    const std::int64_t rank = static_cast<std::int64_t>(x->shape.size());
    std::int64_t start = attr_i(n, "start", 0), end = attr_i(n, "end", rank);
    if (start < 0) start += rank;
    if (end < 0) end += rank;
    start = std::clamp<std::int64_t>(start, 0, rank);
    end = std::clamp<std::int64_t>(end, 0, rank);
    std::vector<std::int64_t> v;
    for (std::int64_t i = start; i < end; ++i) v.push_back(x->shape[static_cast<std::size_t>(i)]);
    if (outs.empty()) return true;
    Info& o = out(0, Dims{static_cast<std::int64_t>(v.size())}, static_cast<std::int32_t>(DataType::Int64));
    set_ints(o, std::move(v));
    return true;
}

bool Eval::size() {
    const Info* x = need(0);
    if (!x) return false;
    if (outs.empty()) return true;
    Info& o = out(0, Dims{}, static_cast<std::int32_t>(DataType::Int64));
    set_ints(o, {numel(x->shape)});
    return true;
}

bool Eval::constant() {
    if (outs.empty()) return true;
    for (const Attribute& a : n.attributes) {
        if (a.name == "value" && !a.tensors.empty()) {
            const Tensor& t = a.tensors.front();
            for (std::int64_t d : t.dims)
                if (d < 0 || d > kMaxDim) return fail("the constant has a negative or too large dim");
            if (numel(t.dims) < 0) return fail("the constant is too large");
            Info& o = out(0, t.dims, t.data_type);
            o.weight_like = is_float_type(t.data_type);
            if (t.has_values) {
                if (!t.floats.empty() || is_float_type(t.data_type)) set_floats(o, t.floats);
                else set_ints(o, t.ints);
            }
            return true;
        }
        if (a.name == "value_int") { set_ints(out(0, Dims{}, static_cast<std::int32_t>(DataType::Int64)), {a.i}); return true; }
        if (a.name == "value_ints") {
            Info& o = out(0, Dims{static_cast<std::int64_t>(a.ints.size())}, static_cast<std::int32_t>(DataType::Int64));
            set_ints(o, a.ints);
            return true;
        }
        if (a.name == "value_float") { set_floats(out(0, Dims{}, static_cast<std::int32_t>(DataType::Float)), {a.f}); return true; }
        if (a.name == "value_floats") {
            Info& o = out(0, Dims{static_cast<std::int64_t>(a.floats.size())}, static_cast<std::int32_t>(DataType::Float));
            set_floats(o, a.floats);
            return true;
        }
        if (a.name == "value_string") { out(0, Dims{}, static_cast<std::int32_t>(DataType::String)); return true; }
        if (a.name == "value_strings") {
            out(0, Dims{static_cast<std::int64_t>(a.strings.size())}, static_cast<std::int32_t>(DataType::String));
            return true;
        }
    }
    return fail("the constant has no value this reader understands (sparse_value?)");
}

bool Eval::constant_of_shape() {
    std::vector<std::int64_t> dims;
    if (!ints_of(0, dims, "the shape")) return false;
    for (std::int64_t d : dims)
        if (d < 0 || d > kMaxDim) return fail("the shape has a negative or too large dim");
    if (numel(dims) < 0) return fail("the output " + dims_text(dims) + " is too large");
    std::int32_t type = static_cast<std::int32_t>(DataType::Float);
    std::int64_t fill_i = 0;
    double fill_f = 0;
    bool fill_known = true;
    if (const Attribute* a = n.attribute("value"); a && !a->tensors.empty()) {
        const Tensor& t = a->tensors.front();
        type = t.data_type;
        fill_known = t.has_values && t.ints.size() + t.floats.size() == 1;
        if (fill_known) { fill_i = t.ints.empty() ? 0 : t.ints[0]; fill_f = t.floats.empty() ? 0 : t.floats[0]; }
    }
    if (outs.empty()) return true;
    const std::int64_t count = numel(dims);
    Info& o = out(0, dims, type);
    if (fill_known && count <= kMaxValueElements) {
        if (is_float_type(type)) set_floats(o, std::vector<double>(static_cast<std::size_t>(count), fill_f));
        else set_ints(o, std::vector<std::int64_t>(static_cast<std::size_t>(count), fill_i));
    }
    return true;
}

bool Eval::range() {
    std::vector<std::int64_t> s, l, d;
    const Info* a = opt(0);
    if (a && a->is_float) return fail("Range over floating-point values is not evaluated statically");
    if (!ints_of(0, s, "start") || !ints_of(1, l, "limit") || !ints_of(2, d, "delta")) return false;
    if (s.size() != 1 || l.size() != 1 || d.size() != 1) return fail("start, limit and delta must be scalars");
    if (d[0] == 0) return fail("delta is 0");
    const double count = std::ceil((static_cast<double>(l[0]) - static_cast<double>(s[0])) / static_cast<double>(d[0]));
    if (count > static_cast<double>(kMaxDim)) return fail("the range is too large");
    const std::int64_t len = count > 0 ? static_cast<std::int64_t>(count) : 0;
    if (outs.empty()) return true;
    Info& o = out(0, Dims{len}, a ? a->type : static_cast<std::int32_t>(DataType::Int64));
    if (len <= kMaxValueElements) {
        std::vector<std::int64_t> v(static_cast<std::size_t>(len));
        for (std::int64_t i = 0; i < len; ++i) {
            std::int64_t step = 0;
            if (__builtin_mul_overflow(i, d[0], &step) || __builtin_add_overflow(s[0], step, &v[static_cast<std::size_t>(i)]))
                return true;  // shape known; values would overflow: unknown
        }
        set_ints(o, std::move(v));
    }
    return true;
}

bool Eval::cast() {
    const Info* x = need(0);
    if (!x) return false;
    std::int32_t to = static_cast<std::int32_t>(attr_i(n, "to", x->type));
    if (n.op_type == "CastLike") {
        const Info* like = need(1);
        if (!like) return false;
        to = like->type;
    }
    if (outs.empty()) return true;
    Info& o = out(0, x->shape, to);
    o.weight_like = x->weight_like;
    if (!x->has_value) return true;
    if (is_float_type(to)) {
        std::vector<double> v;
        if (x->is_float) v = x->fv;
        else for (std::int64_t e : x->iv) v.push_back(static_cast<double>(e));
        set_floats(o, std::move(v));
    } else if (to != static_cast<std::int32_t>(DataType::String)) {
        std::vector<std::int64_t> v;
        const bool to_bool = to == static_cast<std::int32_t>(DataType::Bool);
        if (x->is_float) {
            for (double e : x->fv) {
                if (!(std::fabs(e) < 9.2e18)) return true;  // NaN or out of int64: values unknown
                v.push_back(to_bool ? (e != 0) : static_cast<std::int64_t>(e));
            }
        } else {
            for (std::int64_t e : x->iv) v.push_back(to_bool ? (e != 0) : e);
        }
        set_ints(o, std::move(v));
    }
    return true;
}

bool Eval::dropout() {
    const Info* x = need(0);
    if (!x) return false;
    for (std::size_t k = 0; k < outs.size(); ++k)
        if (!n.outputs[k].empty()) out(k, x->shape, k == 0 ? x->type : static_cast<std::int32_t>(DataType::Bool));
    return true;
}

bool Eval::scatter_nd() {
    const Info* x = need(0);
    const Info* idx = need(1);
    const Info* upd = need(2);
    if (!x || !idx || !upd) return false;
    if (idx->shape.empty()) return fail("indices need at least one axis");
    const std::int64_t q = idx->shape.back();
    if (q > static_cast<std::int64_t>(x->shape.size())) return fail("indices are longer than the data's rank");
    if (!outs.empty()) out(0, x->shape, x->type);
    return true;
}

bool Eval::depth_space(bool to_space) {
    const Info* x = need(0);
    if (!x) return false;
    const std::int64_t b = attr_i(n, "blocksize", 0);
    if (x->shape.size() != 4 || b < 1 || b > 4096) return fail("needs a 4-D input and a block size of 1 to 4,096");
    if (x->shape[1] > kMaxDim / (b * b)) return fail("the output has too many channels");
    Dims y = x->shape;
    if (to_space) {  // SpaceToDepth
        if (y[2] % b || y[3] % b) return fail("height and width are not multiples of the block size");
        y[1] *= b * b; y[2] /= b; y[3] /= b;
    } else {
        if (y[1] % (b * b)) return fail("channels are not a multiple of blocksize²");
        y[1] /= b * b; y[2] *= b; y[3] *= b;
    }
    if (numel(y) < 0) return fail("the output is too large");
    if (!outs.empty()) out(0, std::move(y), x->type);
    return true;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Module scopes and groups
//-----------------------------------------------------------------------------

std::string module_scope(const std::string& name) {
    if (name.size() < 2 || name[0] != '/') return {};
    // Each component is a module path relative to the nearest ancestor that is not a container:
    // "/layer2/layer2.0/downsample/downsample.0/Conv" → layer2, layer2.0, layer2.0.downsample,
    // layer2.0.downsample.0. A component that extends the previous one ("downsample.0" after
    // "downsample") replaces it; any other is a child of the path so far.
    std::string full, prev;
    std::size_t start = 1;
    while (true) {
        const std::size_t slash = name.find('/', start);
        if (slash == std::string::npos) break;  // the last component is the op's own name
        const std::string part = name.substr(start, slash - start);
        if (!part.empty()) {
            if (!prev.empty() && part.size() > prev.size() && part.compare(0, prev.size() + 1, prev + ".") == 0)
                full = full.substr(0, full.size() - prev.size()) + part;
            else
                full = full.empty() ? part : full + "." + part;
            prev = part;
        }
        start = slash + 1;
    }
    return full;
}

//-----------------------------------------------------------------------------
// [SECTION] The analysis
//-----------------------------------------------------------------------------

namespace {

Analysis analyse_once(const Model& model, const AnalyseOptions& opt) {
    Analysis an;
    const Graph& g = model.graph;
    an.order = graph_order(g, an.error);
    if (!an.error.ok()) return an;

    Walker w{model, g, {}, {}, std::vector<bool>(g.initializers.size(), false)};
    // Initializers: shapes (and small values) known; they are weights when float.
    for (std::size_t i = 0; i < g.initializers.size(); ++i) {
        const Tensor& t = g.initializers[i];
        if (t.external) an.external_weights = true;
        Info& info = w.infos[static_cast<std::size_t>(w.info_of(t.name))];
        info.known = numel(t.dims) >= 0;
        info.shape = t.dims;
        info.type = t.data_type;
        info.initializer = static_cast<int>(i);
        info.weight_like = true;
        if (t.has_values) {
            if (!t.floats.empty() || is_float_type(t.data_type)) { info.has_value = true; info.is_float = true; info.fv = t.floats; }
            else { info.has_value = true; info.iv = t.ints; }
        }
    }
    // Graph inputs that are not initializers: bind symbols and the requested H×W.
    bool first_input = true;
    for (const ValueInfo& v : g.inputs) {
        if (w.index.count(v.name) && w.infos[static_cast<std::size_t>(w.index[v.name])].initializer >= 0) continue;
        Info& info = w.infos[static_cast<std::size_t>(w.info_of(v.name))];
        info.type = v.elem_type;
        if (!v.is_tensor || !v.has_shape) continue;  // unknown: its consumers say so
        Dims d;
        bool ok = true;
        for (const Dim& dim : v.dims) {
            if (dim.value >= 0) { d.push_back(dim.value); continue; }
            if (dim.param.empty()) { ok = false; break; }
            std::int64_t val = opt.default_symbol;
            for (const SymbolValue& s : opt.symbols)
                if (s.name == dim.param) val = s.value;
            bool listed = false;
            for (const SymbolValue& s : an.symbols_used) listed = listed || s.name == dim.param;
            if (!listed) an.symbols_used.push_back({dim.param, val});
            if (val < 0 || val > kMaxDim) {
                an.error = ReadError{val < 0 ? ReadErrorCode::NegativeDim : ReadErrorCode::TooLarge,
                                     "symbol \"" + dim.param + "\" = " + with_commas_signed(val) + " is not a valid dimension", 0};
                return an;
            }
            d.push_back(val);
        }
        if (!ok) continue;
        if (first_input && d.size() == 4 && (opt.height > 0 || opt.width > 0)) {
            if (opt.height > 0) d[2] = opt.height;
            if (opt.width > 0) d[3] = opt.width;
        }
        if (first_input) an.input_shape = d;
        first_input = false;
        if (numel(d) < 0) {
            an.error = ReadError{ReadErrorCode::TooLarge, "input \"" + v.name + "\" " + dims_text(d) + " has too many elements", 0};
            return an;
        }
        info.known = true;
        info.shape = std::move(d);
    }

    an.nodes.resize(g.nodes.size());
    std::unordered_map<std::string, int> unsupported_index;
    for (int ni : an.order) {
        const Node& node = g.nodes[static_cast<std::size_t>(ni)];
        NodeResult& r = an.nodes[static_cast<std::size_t>(ni)];
        r.op = (node.domain.empty() || node.domain == "ai.onnx") ? node.op_type : node.domain + "::" + node.op_type;
        r.name = node.name.empty() ? r.op + "_" + std::to_string(ni) : node.name;
        r.module = module_scope(node.name);
        if (r.module.empty()) r.module = r.name;
        r.input_shapes.resize(node.inputs.size());
        for (std::size_t k = 0; k < node.inputs.size(); ++k)
            if (const Info* in = w.input(node, k); in && in->known) r.input_shapes[k] = in->shape;
        const OpEntry* entry = node.has_subgraph() ? nullptr : find_op(node);
        Eval ev(w, node);
        bool ok = false;
        if (!entry) {
            r.cls = NodeClass::Unsupported;
            r.status = NodeStatus::Unsupported;
            r.problem = node.has_subgraph() ? r.op + " has a subgraph, which this reader does not analyse"
                                            : r.op + " is not an op this reader knows";
            auto [it, inserted] = unsupported_index.emplace(r.op, static_cast<int>(an.unsupported.size()));
            if (inserted) an.unsupported.push_back({r.op, 0});
            ++an.unsupported[static_cast<std::size_t>(it->second)].count;
        } else {
            r.cls = entry->cls;
            ok = ev.run(entry->rule);
            if (!ok) {
                r.status = ev.unknown_input ? NodeStatus::UnknownInput : NodeStatus::Failed;
                r.problem = ev.problem.empty() ? "failed" : ev.problem;
            }
        }
        // Outputs: known ones from the evaluation, the rest unknown (never guessed).
        r.output_shapes.resize(node.outputs.size());
        for (std::size_t k = 0; k < node.outputs.size(); ++k) {
            if (node.outputs[k].empty()) continue;
            Info& dst = w.infos[static_cast<std::size_t>(w.info_of(node.outputs[k]))];
            if (ok && k < ev.outs.size() && ev.outs[k].known) {
                dst = std::move(ev.outs[k]);
                for (std::int64_t d : dst.shape)
                    if (d < 0 || d > kMaxDim) {
                        ok = false;
                        r.status = NodeStatus::Failed;
                        r.problem = "output " + dims_text(dst.shape) + " has a negative or too large dim";
                    }
                if (numel(dst.shape) < 0 && ok) {
                    ok = false;
                    r.status = NodeStatus::Failed;
                    r.problem = "output " + dims_text(dst.shape) + " is too large";
                }
                if (!ok) { dst = Info{}; continue; }
                r.output_shapes[k] = dst.shape;
                r.output_elements += count_elements(dst.shape);
            } else {
                dst = Info{};
            }
        }
        if (!ok) continue;
        if (!ev.macs.ok() || !ev.attention_macs.ok() || !r.output_elements.ok()) {
            r.status = NodeStatus::Failed;
            r.problem = "a count overflows 64 bits";
            continue;
        }
        r.macs = ev.macs;
        r.attention_macs = ev.attention_macs;
        // Parameters: float initializers read by this node, each counted once; BN running statistics
        // (inputs 4 and 5) are not parameters.
        if (node.op_type != "Identity") {
            for (std::size_t k = 0; k < node.inputs.size(); ++k) {
                if (node.op_type == "BatchNormalization" && k >= 3) continue;
                const Info* in = w.input(node, k);
                if (!in || in->initializer < 0) continue;
                const std::size_t ii = static_cast<std::size_t>(in->initializer);
                if (w.param_counted[ii] || !is_float_type(g.initializers[ii].data_type)) continue;
                w.param_counted[ii] = true;
                r.params += count_elements(g.initializers[ii].dims);
            }
        }
        if (node.op_type == "Conv") {
            ++an.convs;
            if (node.inputs.size() > 2 && !node.inputs[2].empty()) {
                ++an.convs_with_bias;
                const Info* b = w.input(node, 2);
                // torch names a bias it made by folding BN into the conv "onnx::Conv_N"; a native bias keeps
                // its module name ("features.0.bias").
                if (b && b->initializer >= 0 &&
                    g.initializers[static_cast<std::size_t>(b->initializer)].name.rfind("onnx::", 0) == 0)
                    ++an.convs_with_folded_bias;
            }
        }
        if (node.op_type == "BatchNormalization") ++an.batchnorm_nodes;
    }

    an.complete = true;
    for (const NodeResult& r : an.nodes) {
        if (r.status != NodeStatus::Ok) {
            ++an.failed_nodes;
            an.complete = false;
            continue;
        }
        an.macs += r.macs;
        an.attention_macs += r.attention_macs;
        an.params += r.params;
    }
    if (!an.macs.ok() || !an.attention_macs.ok() || !an.params.ok()) an.complete = false;  // totals overflow
    an.batchnorm_folded = an.convs_with_folded_bias > 0;

    std::unordered_map<std::string, int> group_index;
    for (int ni : an.order) {
        const NodeResult& r = an.nodes[static_cast<std::size_t>(ni)];
        auto [it, inserted] = group_index.emplace(r.module, static_cast<int>(an.groups.size()));
        if (inserted) an.groups.push_back(ModuleGroup{r.module, {}, {}, {}, {}});
        ModuleGroup& grp = an.groups[static_cast<std::size_t>(it->second)];
        grp.nodes.push_back(ni);
        grp.macs += r.macs;
        grp.attention_macs += r.attention_macs;
        grp.params += r.params;
    }
    return an;
}

} // namespace

Analysis analyse(const Model& model, const AnalyseOptions& options) {
    if (options.height < 0 || options.width < 0 || options.height > kMaxDim || options.width > kMaxDim) {
        Analysis an;
        an.error = ReadError{options.height < 0 || options.width < 0 ? ReadErrorCode::NegativeDim : ReadErrorCode::TooLarge,
                             "the input size " + with_commas_signed(options.height) + "×" + with_commas_signed(options.width) + " is not valid", 0};
        return an;
    }
    Analysis an = analyse_once(model, options);
    if (!an.ok() || (options.height == 0 && options.width == 0)) return an;
    // A re-bound size is allowed only while the file's own checks hold: if a node fails at the new size
    // but not at the file's own, the file is fixed to its export size.
    AnalyseOptions own = options;
    own.height = own.width = 0;
    const Analysis at_export = analyse_once(model, own);
    for (std::size_t i = 0; i < an.nodes.size() && i < at_export.nodes.size(); ++i) {
        if (an.nodes[i].status == NodeStatus::Failed && at_export.nodes[i].status == NodeStatus::Ok) {
            an.fixed_to_export_size = true;
            std::string size;
            if (at_export.input_shape.size() == 4)
                size = with_commas_signed(at_export.input_shape[2]) + "×" + with_commas_signed(at_export.input_shape[3]) + " ";
            an.fixed_reason = "this file is fixed to its export size " + size + "(node \"" + an.nodes[i].name +
                              "\": " + an.nodes[i].problem + ")";
            break;
        }
    }
    return an;
}

} // namespace flopscope::onnx
