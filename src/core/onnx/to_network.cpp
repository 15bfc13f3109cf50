// Flopscope core — ONNX import, part 3: mapping an analysed graph (CNNs, ViT, Swin, ConvNeXt) onto the
// core's layer kinds.
//
// [SECTION] Tensors as feature maps, constants or aliases
// [SECTION] The mapping
//
// The core's Network is per sample (batch 1) with C×H×W feature maps. Each node that does tensor work
// becomes one layer named by its module scope; nodes that only compute constants (Shape, Constant, a
// weight's Identity) vanish; zero-cost reshapes between layers (Identity, Reshape, Transpose, Squeeze,
// Unsqueeze, Dropout) are aliases, accepted only where they keep the C×H×W the next layer reads. A
// constant Pad in front of a pool becomes the pool's padding (torch writes count_include_pad average
// pooling that way). Transformer patterns become one layer each: torch's erf GELU (five nodes), the
// opset-13 LayerNorm (nine nodes), attention's constant q scale (an alias: the zoo folds it into Q·Kᵀ).
// Swin's shifted-window mask is left out with a note. Anything else names the node the kinds cannot
// express; nothing is dropped silently.
#include "core/onnx/analysis.h"

#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace flopscope::onnx {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Tensors as feature maps, constants or aliases
//-----------------------------------------------------------------------------

struct MapTensor {
    bool feature = false;  // a feature map (else a constant or weight)
    int layer = kNetworkInput;
    std::vector<std::int64_t> shape;  // the ONNX shape of this tensor
    std::int64_t pad_h = 0, pad_w = 0;  // a pending constant Pad (pools only)
};

// Rank ≥ 3 dims as c × h × w, the leading dims merged into c (layer.h [SECTION] Shape).
bool merged_chw(const std::vector<std::int64_t>& d, Shape& out) {
    std::int64_t c = 1;
    for (std::size_t i = 0; i + 2 < d.size(); ++i) {
        if (d[i] < 0 || d[i] > kMaxChannels || c * d[i] > kMaxChannels) return false;
        c *= d[i];
    }
    out = Shape{c, d[d.size() - 2], d[d.size() - 1]};
    return true;
}

// C×H×W of a tensor of a batch-1 graph, in the core's tensor form: [1,K] → K×1×1 (the classifier form),
// [N,D] → 1×N×D (a token tensor whose batch dim was dropped: torch's MultiheadAttention works on
// [T, D] views), [1,N,D] → 1×N×D, [1,C,H,W] → C×H×W, and any rank ≥ 3 merges its leading dims into c
// (sequence-first [T,1,D] is T×1×D, attention heads [H,T,d] are H×T×d). The graph input is checked to
// be batch 1, so a leading dim other than 1 is never a batch.
bool chw(const std::vector<std::int64_t>& s, Shape& out) {
    if (s.size() < 2) return false;
    if (s.size() == 2) {
        if (s[0] == 1) out = Shape{s[1], 1, 1};
        else out = Shape{1, s[0], s[1]};
        return true;
    }
    return merged_chw(s, out);
}

// A constant's shape as the core's broadcasting sees it: right-aligned, leading dims merged into c
// ([D] → 1×1×D, [C,1,1] → C×1×1, [1,N,D] → 1×N×D).
bool const_chw(const std::vector<std::int64_t>& s, Shape& out) {
    std::vector<std::int64_t> d(s);
    while (d.size() < 3) d.insert(d.begin(), 1);
    return merged_chw(d, out);
}

// A scalar from an initializer or a Constant node (Clip's min/max).
bool scalar_of(const Model& m, const std::string& name, double& v) {
    auto take = [&](const Tensor& t) {
        if (!t.has_values || t.ints.size() + t.floats.size() != 1) return false;
        v = t.floats.empty() ? static_cast<double>(t.ints[0]) : t.floats[0];
        return true;
    };
    for (const Tensor& t : m.graph.initializers)
        if (t.name == name) return take(t);
    for (const Node& n : m.graph.nodes)
        if (n.op_type == "Constant" && !n.outputs.empty() && n.outputs[0] == name) {
            const Attribute* a = n.attribute("value");
            if (a && !a->tensors.empty()) return take(a->tensors.front());
            if ((a = n.attribute("value_float"))) { v = a->f; return true; }
        }
    return false;
}

bool window_2d(const Node& n, Layer& l, std::string& why) {
    const Attribute* ks = n.attribute("kernel_shape");
    const Attribute* st = n.attribute("strides");
    const Attribute* pd = n.attribute("pads");
    const Attribute* dl = n.attribute("dilations");
    const Attribute* ap = n.attribute("auto_pad");
    if (ap && !ap->s.empty() && ap->s != "NOTSET") { why = "auto_pad " + ap->s + " has no layer field"; return false; }
    if (ks && ks->ints.size() == 2) { l.kernel_h = ks->ints[0]; l.kernel_w = ks->ints[1]; }
    if (st && st->ints.size() == 2) { l.stride_h = st->ints[0]; l.stride_w = st->ints[1]; }
    if (dl && dl->ints.size() == 2) { l.dilation_h = dl->ints[0]; l.dilation_w = dl->ints[1]; }
    if (pd && pd->ints.size() == 4) {
        if (pd->ints[0] != pd->ints[2] || pd->ints[1] != pd->ints[3]) {
            why = "asymmetric padding has no layer field";
            return false;
        }
        l.pad_h = pd->ints[0];
        l.pad_w = pd->ints[1];
    }
    return true;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] The mapping
//-----------------------------------------------------------------------------

bool to_network(const Model& model, const Analysis& an, Network& out, std::string& error, std::vector<std::string>* notes) {
    if (!an.ok()) { error = an.error.message; return false; }
    const Graph& g = model.graph;
    for (int ni : an.order) {
        const NodeResult& r = an.nodes[static_cast<std::size_t>(ni)];
        if (r.status != NodeStatus::Ok) { error = "node \"" + r.name + "\": " + r.problem; return false; }
    }
    Shape input;
    if (an.input_shape.size() != 4 || an.input_shape[0] != 1 || !chw(an.input_shape, input)) {
        error = "the first input " + std::string(an.input_shape.empty() ? "has no known shape" : "is not a batch-1 N×C×H×W image");
        return false;
    }
    out = Network{};
    out.name = g.name.empty() ? "onnx" : g.name;
    out.input = input;

    std::unordered_map<std::string, MapTensor> tensors;
    for (const ValueInfo& v : g.inputs) tensors[v.name];  // constants unless the first image input:
    for (const ValueInfo& v : g.inputs) {
        bool is_init = false;
        for (const Tensor& t : g.initializers) is_init = is_init || t.name == v.name;
        if (is_init) continue;
        MapTensor& t = tensors[v.name];
        t.feature = true;
        t.layer = kNetworkInput;
        t.shape = an.input_shape;
        break;
    }
    // Who makes and who reads each tensor; initializers by name; Identity aliases of constants.
    std::unordered_map<std::string, int> producer;
    std::unordered_map<std::string, std::vector<int>> consumers;
    for (int ni : an.order) {
        const Node& n = g.nodes[static_cast<std::size_t>(ni)];
        for (const std::string& o : n.outputs) producer[o] = ni;
        for (const std::string& in : n.inputs) if (!in.empty()) consumers[in].push_back(ni);
    }
    std::unordered_map<std::string, const Tensor*> initializer;
    for (const Tensor& t : g.initializers) initializer[t.name] = &t;
    auto float_initializer = [&](std::string name) -> const Tensor* {
        for (int hops = 0; hops < 64; ++hops) {
            if (auto it = initializer.find(name); it != initializer.end())
                return it->second->data_type == static_cast<std::int32_t>(DataType::Float) ||
                       it->second->data_type == static_cast<std::int32_t>(DataType::Float16) ||
                       it->second->data_type == static_cast<std::int32_t>(DataType::Double) ||
                       it->second->data_type == static_cast<std::int32_t>(DataType::Bfloat16) ? it->second : nullptr;
            auto p = producer.find(name);
            if (p == producer.end()) return nullptr;
            const Node& n = g.nodes[static_cast<std::size_t>(p->second)];
            if (n.op_type != "Identity" || n.inputs.empty()) return nullptr;
            name = n.inputs[0];
        }
        return nullptr;
    };
    auto sole_consumer = [&](const std::string& t) -> const Node* {
        auto it = consumers.find(t);
        if (it == consumers.end() || it->second.size() != 1) return nullptr;
        return &g.nodes[static_cast<std::size_t>(it->second[0])];
    };
    // torch's erf GELU, x·0.5·(1 + erf(x/√2)): Div(x,c) → Erf → Add(·,c) → Mul(x,·) → Mul(·,c). The
    // first four nodes vanish; the last becomes one GELU activation reading x.
    std::unordered_map<int, std::string> gelu_of;  // last Mul → x
    std::unordered_map<int, bool> gelu_inner;
    auto is_const = [&](const std::string& t) { return !t.empty() && (initializer.count(t) || (producer.count(t) && g.nodes[static_cast<std::size_t>(producer[t])].op_type == "Constant")); };
    for (int ni : an.order) {
        const Node& e = g.nodes[static_cast<std::size_t>(ni)];
        if (e.op_type != "Erf" || e.inputs.size() != 1 || e.outputs.size() != 1) continue;
        auto pd = producer.find(e.inputs[0]);
        if (pd == producer.end()) continue;
        const Node& d = g.nodes[static_cast<std::size_t>(pd->second)];
        if (d.op_type != "Div" || d.inputs.size() != 2 || !is_const(d.inputs[1]) || !sole_consumer(d.outputs[0])) continue;
        const std::string& x = d.inputs[0];
        const Node* a = sole_consumer(e.outputs[0]);
        if (!a || a->op_type != "Add" || a->inputs.size() != 2 || !is_const(a->inputs[a->inputs[0] == e.outputs[0] ? 1 : 0])) continue;
        const Node* m1 = sole_consumer(a->outputs[0]);
        if (!m1 || m1->op_type != "Mul" || m1->inputs.size() != 2 || m1->inputs[m1->inputs[0] == a->outputs[0] ? 1 : 0] != x) continue;
        const Node* m2 = sole_consumer(m1->outputs[0]);
        if (!m2 || m2->op_type != "Mul" || m2->inputs.size() != 2 || !is_const(m2->inputs[m2->inputs[0] == m1->outputs[0] ? 1 : 0])) continue;
        gelu_inner[pd->second] = gelu_inner[ni] = true;
        gelu_inner[producer[a->outputs[0]]] = gelu_inner[producer[m1->outputs[0]]] = true;
        gelu_of[producer[m2->outputs[0]]] = x;
    }

    // A tensor computed from Constant nodes and static shapes alone (no initializer, no activation's
    // values): a fixed number or mask the exporter writes as arithmetic (Swin's q scale
    // Pow(head_dim, -0.5) with head_dim read by Shape, its shifted-window mask).
    std::unordered_map<std::string, bool> computed_memo;
    std::function<bool(const std::string&, int)> computed_from_constants = [&](const std::string& t, int depth) -> bool {
        if (t.empty()) return true;
        if (auto it = computed_memo.find(t); it != computed_memo.end()) return it->second;
        auto p = producer.find(t);
        bool yes = false;
        if (p != producer.end() && depth < 256) {
            const Node& n = g.nodes[static_cast<std::size_t>(p->second)];
            yes = true;  // a Shape or Size reads only the (static) shape of its input
            if (n.op_type != "Shape" && n.op_type != "Size")
                for (const std::string& in : n.inputs) yes = yes && computed_from_constants(in, depth + 1);
        }
        computed_memo[t] = yes;
        return yes;
    };
    auto computed_constant = [&](const std::string& t) { return !t.empty() && computed_from_constants(t, 0); };

    // opset < 17's LayerNorm over the last dim, nine nodes: m = ReduceMean(x) → d = Sub(x, m) →
    // Pow(d, 2) → ReduceMean → Add(·, eps) → Sqrt → Div(d, ·) → Mul(·, γ) → Add(·, β). The first
    // eight vanish; the last Add becomes one LayerNorm layer reading x, as LayerNormalization does at
    // opset 17, so both spellings count alike.
    std::unordered_map<int, std::string> layernorm_of;  // the last Add → x
    auto last_axis_mean = [&](const Node& n, int ni) {
        const Attribute* axes = n.attribute("axes");
        const Attribute* keep = n.attribute("keepdims");
        const NodeResult& r = an.nodes[static_cast<std::size_t>(ni)];
        if (!axes || axes->ints.size() != 1 || (keep && keep->i == 0) || r.input_shapes.empty()) return false;
        const std::int64_t rank = static_cast<std::int64_t>(r.input_shapes[0].size());
        return axes->ints[0] == -1 || axes->ints[0] == rank - 1;
    };
    auto other_input = [](const Node& n, const std::string& t) -> const std::string& { return n.inputs[n.inputs[0] == t ? 1 : 0]; };
    auto is_binary = [](const Node* n, const char* op) { return n && n->op_type == op && n->inputs.size() == 2 && n->outputs.size() == 1; };
    for (int ni : an.order) {
        const Node& m = g.nodes[static_cast<std::size_t>(ni)];
        if (m.op_type != "ReduceMean" || m.inputs.size() != 1 || m.outputs.size() != 1 || !last_axis_mean(m, ni)) continue;
        const std::string& x = m.inputs[0];
        const Node* sub = sole_consumer(m.outputs[0]);
        if (!is_binary(sub, "Sub") || sub->inputs[0] != x || sub->inputs[1] != m.outputs[0]) continue;
        auto dc = consumers.find(sub->outputs[0]);
        if (dc == consumers.end() || dc->second.size() != 2) continue;
        const Node* pow = nullptr;
        const Node* div = nullptr;
        for (int c : dc->second) {
            const Node& cn = g.nodes[static_cast<std::size_t>(c)];
            if (cn.op_type == "Pow") pow = &cn;
            if (cn.op_type == "Div") div = &cn;
        }
        double two = 0;
        if (!is_binary(pow, "Pow") || pow->inputs[0] != sub->outputs[0] || !scalar_of(model, pow->inputs[1], two) || two != 2) continue;
        if (!is_binary(div, "Div") || div->inputs[0] != sub->outputs[0]) continue;
        const Node* var = sole_consumer(pow->outputs[0]);
        if (!var || var->op_type != "ReduceMean" || var->outputs.size() != 1 || !last_axis_mean(*var, producer[var->outputs[0]])) continue;
        const Node* eps = sole_consumer(var->outputs[0]);
        if (!is_binary(eps, "Add") || !is_const(other_input(*eps, var->outputs[0]))) continue;
        const Node* sqrt = sole_consumer(eps->outputs[0]);
        if (!sqrt || sqrt->op_type != "Sqrt" || sqrt->outputs.size() != 1 || div->inputs[1] != sqrt->outputs[0] || !sole_consumer(sqrt->outputs[0])) continue;
        const Node* scale = sole_consumer(div->outputs[0]);
        if (!is_binary(scale, "Mul")) continue;
        const Tensor* gamma = float_initializer(other_input(*scale, div->outputs[0]));
        const Node* shift = sole_consumer(scale->outputs[0]);
        if (!is_binary(shift, "Add")) continue;
        const Tensor* beta = float_initializer(other_input(*shift, scale->outputs[0]));
        const auto& xs = an.nodes[static_cast<std::size_t>(ni)].input_shapes[0];
        auto is_affine = [&](const Tensor* t) { return t && t->dims.size() == 1 && !xs.empty() && t->dims[0] == xs.back(); };
        if (!is_affine(gamma) || !is_affine(beta)) continue;
        for (const Node* inner : {&m, sub, pow, var, eps, sqrt, div, scale}) gelu_inner[producer[inner->outputs[0]]] = true;
        layernorm_of[producer[shift->outputs[0]]] = x;
    }
    // A constant scale of attention's q (q / √d, or q · d^-½) right before Q·Kᵀ: the zoo counts the
    // scores product with the scale folded in (as torch's fused attention computes it), so the scale is
    // an alias of q, not a layer. Only a scalar from a Constant node (not a learned initializer).
    std::unordered_set<int> attention_scale;
    for (int ni : an.order) {
        const Node& n = g.nodes[static_cast<std::size_t>(ni)];
        if (!is_binary(&n, "Div") && !is_binary(&n, "Mul")) continue;
        const NodeResult& r = an.nodes[static_cast<std::size_t>(ni)];
        const std::size_t k = n.op_type == "Mul" && computed_constant(n.inputs[0]) ? 0 : 1;
        if (r.input_shapes.size() != 2 || !computed_constant(n.inputs[k])) continue;
        std::int64_t elements = 1;
        for (std::int64_t d : r.input_shapes[k]) elements *= d;
        if (elements != 1) continue;
        const Node* mm = sole_consumer(n.outputs[0]);
        if (!is_binary(mm, "MatMul") || mm->inputs[0] != n.outputs[0] || is_const(mm->inputs[1]) || float_initializer(mm->inputs[1])) continue;
        attention_scale.insert(ni);
    }

    // An attention mask: Add(scores, constant) whose result goes (through views) into the Softmax. torch's
    // Swin adds its shifted-window mask so; the zoo's swin does not count that add (the mask is a
    // constant, not a parameter), so the mapping leaves it out and says so in a note.
    auto attention_mask_add = [&](const Node& n) {
        if (!is_binary(&n, "Add")) return false;
        const int k = computed_constant(n.inputs[0]) ? 0 : computed_constant(n.inputs[1]) ? 1 : -1;
        if (k < 0 || computed_constant(n.inputs[static_cast<std::size_t>(1 - k)])) return false;
        const Node* c = sole_consumer(n.outputs[0]);
        for (int hops = 0; c && hops < 4; ++hops) {
            if (c->op_type == "Softmax") return true;
            if (c->op_type != "Reshape" && c->op_type != "Transpose" && c->op_type != "Identity") return false;
            if (c->outputs.empty()) return false;
            c = sole_consumer(c->outputs[0]);
        }
        return false;
    };
    int mask_adds = 0;
    Count mask_elements;
    int folded_params = 0;  // Param layers from constants the exporter folded ("onnx::…")
    Count folded_values;

    std::unordered_map<std::string, int> name_uses;
    std::vector<Shape> layer_out;  // C×H×W of each layer's ONNX output
    auto fail = [&](const NodeResult& r, const std::string& why) {
        error = "node \"" + r.name + "\" (" + r.op + "): " + why;
        return false;
    };

    for (int ni : an.order) {
        const Node& n = g.nodes[static_cast<std::size_t>(ni)];
        const NodeResult& r = an.nodes[static_cast<std::size_t>(ni)];
        if (gelu_inner.count(ni)) {  // inside a GELU or LayerNorm: no layer, no tensor
            for (const std::string& o : n.outputs) tensors[o];
            continue;
        }
        if (attention_mask_add(n)) {  // Swin's shifted-window mask: the scores themselves
            auto it = tensors.find(n.inputs[computed_constant(n.inputs[0]) ? 1 : 0]);
            const NodeResult& r0 = an.nodes[static_cast<std::size_t>(ni)];
            if (it != tensors.end() && it->second.feature && !r0.output_shapes.empty() && r0.input_shapes.size() == 2 &&
                r0.output_shapes[0] == it->second.shape) {
                const MapTensor scores = it->second;
                tensors[n.outputs[0]] = scores;
                ++mask_adds;
                mask_elements = mask_elements + r0.output_elements;
                continue;
            }
        }
        if (attention_scale.count(ni)) {  // q's constant scale: q itself
            auto it = tensors.find(n.inputs[computed_constant(n.inputs[0]) ? 1 : 0]);
            if (it != tensors.end() && it->second.feature) {
                const MapTensor q = it->second;
                tensors[n.outputs[0]] = q;
                continue;
            }
        }
        auto new_layer_name = [&](const std::string& base) {
            const int uses = name_uses[base]++;
            return uses > 0 ? base + "_" + std::to_string(uses) : base;
        };
        // A learned tensor the network combines with its activations (layer scale, position embedding,
        // class token, relative-position table): a Param layer of its shape.
        const std::string& op0 = n.op_type;
        const bool combines = op0 == "Add" || op0 == "Mul" || op0 == "Concat" || op0 == "Gather" || op0 == "Expand" || op0 == "Sub" || op0 == "Div";
        bool any_feature = false;
        for (const std::string& in : n.inputs)
            if (auto it = tensors.find(in); !in.empty() && it != tensors.end() && it->second.feature) any_feature = true;
        bool fused = false;
        if (combines && (any_feature || op0 == "Gather" || op0 == "Expand") && r.cls != NodeClass::ShapeOnly && !gelu_of.count(ni) &&
            !layernorm_of.count(ni)) {
            for (std::size_t k = 0; k < n.inputs.size(); ++k) {
                const std::string& in = n.inputs[k];
                if (in.empty() || tensors[in].feature || ((op0 == "Gather" || op0 == "Expand") && k != 0)) continue;
                const Tensor* t = float_initializer(in);
                if (!t) continue;
                // A Linear's bias after its MatMul (torch writes Add(bias, MatMul)): the TokenLinear's bias.
                if (op0 == "Add" && n.inputs.size() == 2 && t->dims.size() == 1 && !out.layers.empty()) {
                    const MapTensor& other = tensors[n.inputs[1 - k]];
                    Layer& last = out.layers.back();
                    if (other.feature && other.layer == static_cast<int>(out.layers.size()) - 1 &&
                        last.kind == LayerKind::TokenLinear && !last.bias && t->dims[0] == last.out_channels &&
                        sole_consumer(n.inputs[1 - k])) {
                        last.bias = true;
                        tensors[n.outputs[0]] = other;
                        fused = true;
                        break;
                    }
                }
                Shape ps;
                if (!const_chw(t->dims, ps)) return fail(r, "a constant of rank " + std::to_string(t->dims.size()) + " has no Param shape");
                Layer p;
                p.name = new_layer_name(t->name);
                p.kind = LayerKind::Param;
                if (t->name.rfind("onnx::", 0) == 0) {  // torch's name for a constant it folded
                    ++folded_params;
                    folded_values = folded_values + ps.elements();
                }
                p.out_channels = ps.c;
                p.out_h = ps.h;
                p.out_w = ps.w;
                layer_out.push_back(ps);
                out.layers.push_back(std::move(p));
                MapTensor& mt = tensors[in];
                mt.feature = true;
                mt.layer = static_cast<int>(out.layers.size()) - 1;
                mt.shape = t->dims;
                if (t->dims.size() < 2 || t->dims[0] != 1) {  // the view chw() reads: [1, …] with the core's dims
                    mt.shape = {1, ps.c, ps.h, ps.w};
                }
            }
        }
        if (fused) continue;
        std::vector<const MapTensor*> feats;  // feature-map inputs, in order (a GELU's: its x)
        for (const std::string& in : gelu_of.count(ni) ? std::vector<std::string>{gelu_of[ni]}
                                     : layernorm_of.count(ni) ? std::vector<std::string>{layernorm_of[ni]} : n.inputs) {
            auto it = tensors.find(in);
            if (!in.empty() && it != tensors.end() && it->second.feature) feats.push_back(&it->second);
        }
        // `view`: the shape the alias stands for (a Pad's is its input's: the pool takes the padding).
        auto set_output = [&](int layer, std::int64_t ph = 0, std::int64_t pw = 0, const std::vector<std::int64_t>* view = nullptr) {
            MapTensor& t = tensors[n.outputs[0]];
            t.feature = true;
            t.layer = layer;
            t.shape = view ? *view : r.output_shapes[0];
            t.pad_h = ph;
            t.pad_w = pw;
        };
        if (feats.empty() || r.cls == NodeClass::ShapeOnly) {  // constants, weights, shape arithmetic: no layer
            for (const std::string& o : n.outputs) tensors[o];
            continue;
        }
        const std::string& op = n.op_type;
        if (n.outputs.empty() || r.output_shapes.empty()) return fail(r, "has no output");

        // Zero-cost reshapes: aliases of their input while the core's C×H×W stays, else a Reshape layer.
        const bool reshape_op = op == "Reshape" || op == "Transpose" || op == "Squeeze" || op == "Unsqueeze" ||
                                (op == "Flatten" && feats[0]->shape.size() != 4);
        if (op == "Identity" || op == "Dropout" || op == "Cast" || reshape_op) {
            if (feats[0]->pad_h || feats[0]->pad_w) return fail(r, "a Pad that does not feed a pool has no layer kind");
            Shape from, to;
            if (op == "Identity" || op == "Dropout" || op == "Cast" ||
                (chw(feats[0]->shape, from) && chw(r.output_shapes[0], to) && from == to)) {
                set_output(feats[0]->layer);
                continue;
            }
        }
        // Reshape and Select layers: the file's output shape, stated (one layer per output of a Split).
        if (reshape_op || op == "Slice" || op == "Gather" || op == "Split" || op == "Expand" || op == "Pad") {
            if (feats.size() != 1 || (op == "Gather" && tensors[n.inputs[0]].feature == false))
                return fail(r, "only a selection from one tensor maps onto a layer");
            Shape src_view;
            if (!chw(feats[0]->shape, src_view)) return fail(r, "its input is not a batch-1 tensor");
            const int src = feats[0]->layer;
            if (feats[0]->pad_h || feats[0]->pad_w) return fail(r, "a Pad that does not feed a pool has no layer kind");
            for (std::size_t k = 0; k < n.outputs.size(); ++k) {
                if (n.outputs[k].empty()) continue;
                Shape o;
                if (k >= r.output_shapes.size() || !chw(r.output_shapes[k], o)) return fail(r, "its output is not a batch-1 tensor");
                Layer l;
                l.name = new_layer_name(r.module.empty() ? r.name : r.module);
                l.kind = reshape_op ? LayerKind::Reshape : LayerKind::Select;
                l.out_channels = o.c;
                l.out_h = o.h;
                l.out_w = o.w;
                if (src != static_cast<int>(out.layers.size()) - 1 || out.layers.empty()) l.inputs = {src};
                layer_out.push_back(o);
                out.layers.push_back(std::move(l));
                MapTensor& t = tensors[n.outputs[k]];
                t.feature = true;
                t.layer = static_cast<int>(out.layers.size()) - 1;
                t.shape = r.output_shapes[k];
            }
            continue;
        }
        // A constant, symmetric spatial Pad that only pools read is the pools' padding field (torch exports
        // AvgPool2d(padding=...) that way at some opsets); any other Pad (tf2onnx's explicit "SAME" padding
        // in front of a conv, an asymmetric or reflecting one) is a Select layer of the padded shape below:
        // zero cost, and the layer after it reads the padded tensor, as in the file.
        if (op == "Pad" && feats.size() == 1 && !feats[0]->pad_h && !feats[0]->pad_w) {
            const auto& in = feats[0]->shape;
            const auto& o = r.output_shapes[0];
            const Attribute* mode = n.attribute("mode");
            const bool constant = !mode || mode->s.empty() || mode->s == "constant";
            const bool spatial = in.size() == 4 && o.size() == 4 && o[0] == in[0] && o[1] == in[1];
            const std::int64_t ph = spatial ? o[2] - in[2] : -1, pw = spatial ? o[3] - in[3] : -1;
            bool only_pools = n.outputs.size() == 1 && consumers.count(n.outputs[0]) > 0;
            if (only_pools)
                for (const int c : consumers[n.outputs[0]]) {
                    const std::string& cop = g.nodes[static_cast<std::size_t>(c)].op_type;
                    only_pools = only_pools && (cop == "MaxPool" || cop == "AveragePool");
                }
            if (constant && spatial && only_pools && ph >= 0 && pw >= 0 && ph % 2 == 0 && pw % 2 == 0) {
                const std::vector<std::int64_t> unpadded = in;
                set_output(feats[0]->layer, ph / 2, pw / 2, &unpadded);
                continue;
            }
        }

        // Layers: the inputs must be C×H×W views of their source layers.
        Layer l;
        l.name = new_layer_name(r.module);
        std::int64_t pending_h = 0, pending_w = 0;
        for (const MapTensor* f : feats) {
            Shape view;
            if (!chw(f->shape, view)) return fail(r, "its input is not a batch-1 C×H×W tensor (" + std::to_string(f->shape.size()) + "-D)");
            const Shape src = f->layer == kNetworkInput ? input : layer_out[static_cast<std::size_t>(f->layer)];
            if (!(view == src)) return fail(r, "reads a reshaped view of its input, which no layer kind expresses");
            l.inputs.push_back(f->layer);
            pending_h = f->pad_h;
            pending_w = f->pad_w;
        }
        if ((pending_h || pending_w) && !(op == "AveragePool" || op == "MaxPool"))
            return fail(r, "a Pad that does not feed a pool has no layer kind");
        // ONNX broadcasts over a dim the core merged into c (Swin's [1, heads, N, N] position bias on
        // [windows, heads, N, N] scores): an explicit expand (a Select, zero cost), as the zoo writes it.
        Shape result;
        if ((op == "Add" || op == "Mul") && !gelu_of.count(ni) && !layernorm_of.count(ni) && chw(r.output_shapes[0], result))
            for (std::size_t i = 0; i < feats.size(); ++i) {
                Shape v;
                if (!chw(feats[i]->shape, v)) continue;
                auto fits = [](std::int64_t a, std::int64_t b) { return a == b || a == 1; };
                if (fits(v.c, result.c) && fits(v.h, result.h) && fits(v.w, result.w)) continue;
                Layer e;
                e.name = new_layer_name(r.module + ".expand");
                e.kind = LayerKind::Select;
                e.out_channels = result.c;
                e.out_h = result.h;
                e.out_w = result.w;
                e.inputs = {l.inputs[i]};
                layer_out.push_back(result);
                out.layers.push_back(std::move(e));
                l.inputs[i] = static_cast<int>(out.layers.size()) - 1;
            }

        std::string why;
        if (op == "Conv") {
            if (r.output_shapes[0].size() != 4) return fail(r, "only 2-D convolutions map onto a layer");
            l.kind = LayerKind::Conv;
            l.out_channels = r.output_shapes[0][1];
            l.groups = 1;
            if (const Attribute* gr = n.attribute("group")) l.groups = gr->i;
            if (!window_2d(n, l, why)) return fail(r, why);
            // The kernel is the weight's (kernel_shape is optional and, when present, checked equal to it).
            const auto& wshape = r.input_shapes[1];
            if (wshape.size() != 4) return fail(r, "its weight is not 4-D");
            l.kernel_h = wshape[2];
            l.kernel_w = wshape[3];
            l.bias = n.inputs.size() > 2 && !n.inputs[2].empty();
        } else if (op == "MatMul" && feats.size() == 2) {
            l.kind = LayerKind::MatMul;  // attention: Q·Kᵀ, A·V
        } else if (op == "MatMul" && feats.size() == 1 && tensors[n.inputs[0]].feature && r.output_shapes[0].size() >= 3) {
            if (r.input_shapes.size() < 2 || r.input_shapes[1].size() != 2) return fail(r, "only a 2-D weight maps onto a token linear layer");
            l.kind = LayerKind::TokenLinear;  // nn.Linear on tokens; its bias is the Add that follows
            l.out_channels = r.input_shapes[1][1];
        } else if (layernorm_of.count(ni)) {
            l.kind = LayerKind::LayerNorm;
        } else if (op == "LayerNormalization") {
            const Attribute* axis = n.attribute("axis");
            const std::int64_t rank = static_cast<std::int64_t>(feats[0]->shape.size());
            if (axis && axis->i != -1 && axis->i != rank - 1) return fail(r, "only a LayerNorm over the last dimension maps onto a layer");
            if (n.inputs.size() < 3 || n.inputs[2].empty()) return fail(r, "a LayerNorm without bias has no layer kind (the kind has scale and shift)");
            l.kind = LayerKind::LayerNorm;
        } else if (op == "Softmax") {
            const Attribute* axis = n.attribute("axis");
            const std::int64_t rank = static_cast<std::int64_t>(feats[0]->shape.size());
            if (axis && axis->i != -1 && axis->i != rank - 1) return fail(r, "only a softmax over the last dimension maps onto an activation");
            if (!axis && n.attribute("axis") == nullptr && model.opset < 13) return fail(r, "an opset < 13 Softmax (axis 1, flattened) has no layer kind");
            l.kind = LayerKind::Activation;
            l.activation = ActivationKind::Softmax;
        } else if (gelu_of.count(ni)) {
            l.kind = LayerKind::Activation;
            l.activation = ActivationKind::GELU;
        } else if (op == "Gemm" || op == "MatMul") {
            const Attribute* ta = n.attribute("transA");
            if (feats.size() != 1 || (ta && ta->i) || tensors[n.inputs[0]].feature == false)
                return fail(r, "only activation × weight maps onto a linear layer");
            const auto& o = r.output_shapes[0];
            if (o.size() != 2) return fail(r, "only a [1, K] or [T, K] × weight product maps onto a layer");
            // [1, K]: the classifier's Linear; [T, K]: nn.Linear on T tokens (MultiheadAttention's out_proj).
            l.kind = o[0] == 1 ? LayerKind::Linear : LayerKind::TokenLinear;
            l.out_channels = o[1];
            l.bias = op == "Gemm" && n.inputs.size() > 2 && !n.inputs[2].empty();
        } else if (op == "BatchNormalization") {
            l.kind = LayerKind::BatchNorm;
        } else if (op == "Relu" || op == "Sigmoid" || op == "Tanh" || op == "HardSigmoid" || op == "HardSwish" || op == "Clip") {
            l.kind = LayerKind::Activation;
            l.activation = op == "Relu" ? ActivationKind::ReLU : op == "Sigmoid" ? ActivationKind::Sigmoid
                         : op == "Tanh" ? ActivationKind::Tanh : op == "HardSigmoid" ? ActivationKind::HardSigmoid
                                                                : ActivationKind::HardSwish;
            if (op == "Clip") {
                double lo = 0, hi = 0;
                const Attribute* amin = n.attribute("min");
                const Attribute* amax = n.attribute("max");
                const bool have_lo = amin ? (lo = amin->f, true) : n.inputs.size() > 1 && scalar_of(model, n.inputs[1], lo);
                const bool have_hi = amax ? (hi = amax->f, true) : n.inputs.size() > 2 && scalar_of(model, n.inputs[2], hi);
                if (!(have_lo && have_hi && lo == 0 && hi == 6)) return fail(r, "only Clip(0, 6) (ReLU6) maps onto an activation kind");
                l.activation = ActivationKind::ReLU6;
            }
        } else if (op == "MaxPool" || op == "AveragePool") {
            l.kind = LayerKind::Pool;
            l.pool = op == "MaxPool" ? PoolKind::Max : PoolKind::Avg;
            if (!window_2d(n, l, why)) return fail(r, why);
            if (l.dilation_h != 1 || l.dilation_w != 1) return fail(r, "dilated pooling has no layer field");
            l.dilation_h = l.dilation_w = 1;
            l.pad_h += pending_h;
            l.pad_w += pending_w;
            if (const Attribute* c = n.attribute("ceil_mode")) l.ceil_mode = c->i != 0;
        } else if (op == "GlobalAveragePool" || op == "GlobalMaxPool" ||
                   (op == "ReduceMean" && r.output_shapes[0].size() >= 2 && feats[0]->shape.size() == 4)) {
            if (op == "ReduceMean") {
                const Attribute* axes = n.attribute("axes");
                bool spatial = axes && axes->ints.size() == 2;
                for (std::int64_t a : axes ? axes->ints : std::vector<std::int64_t>{})
                    spatial = spatial && (a == 2 || a == 3 || a == -1 || a == -2);
                if (!spatial) return fail(r, "only a mean over height and width maps onto a pool");
            }
            l.kind = LayerKind::Pool;
            l.pool = op == "GlobalMaxPool" ? PoolKind::AdaptiveMax : PoolKind::AdaptiveAvg;
            l.out_h = l.out_w = 1;
        } else if (op == "Add" || op == "Mul") {
            if (feats.size() != n.inputs.size()) return fail(r, op + " with a constant operand has no layer kind");
            l.kind = op == "Add" ? LayerKind::Add : LayerKind::Mul;
        } else if (op == "Concat") {
            const Attribute* axis = n.attribute("axis");
            // Any axis: the core joins along the one dimension where the inputs differ (checked by evaluate()).
            if (feats.size() != n.inputs.size() || !axis) return fail(r, "only a concatenation of activations maps onto a layer");
            l.kind = LayerKind::Concat;
        } else if (op == "Flatten") {
            const Attribute* axis = n.attribute("axis");
            if (axis && axis->i != 1) return fail(r, "only Flatten(axis=1) maps onto a layer");
            l.kind = LayerKind::Flatten;
        } else {
            return fail(r, "has no layer kind in the core yet");
        }
        if (l.inputs.size() == 1 && l.inputs[0] == static_cast<int>(out.layers.size()) - 1 && !out.layers.empty())
            l.inputs.clear();  // the previous layer: the core's default
        Shape o;
        if (!chw(r.output_shapes[0], o)) return fail(r, "its output is not a batch-1 C×H×W tensor");
        if (l.kind == LayerKind::Concat) {
            // The core joins equal shapes along c; a concatenation of equal shapes on another axis (Swin's
            // patch merging joins four H×W×C maps on C) is that Concat, then a Reshape (both zero cost).
            std::vector<Shape> ins;
            for (int i : l.inputs) ins.push_back(i == kNetworkInput ? input : layer_out[static_cast<std::size_t>(i)]);
            if (l.inputs.empty()) ins.push_back(layer_out.back());
            bool equal = true;
            Shape joined = ins.front();
            joined.c = 0;
            for (const Shape& in : ins) {
                equal = equal && in == ins.front();
                joined.c += in.c;
            }
            if (equal && !(joined == o) && joined.elements().value == o.elements().value) {
                layer_out.push_back(joined);
                out.layers.push_back(std::move(l));
                Layer v;
                v.name = new_layer_name(r.module.empty() ? r.name : r.module);
                v.kind = LayerKind::Reshape;
                v.out_channels = o.c;
                v.out_h = o.h;
                v.out_w = o.w;
                layer_out.push_back(o);
                out.layers.push_back(std::move(v));
                set_output(static_cast<int>(out.layers.size()) - 1);
                continue;
            }
        }
        layer_out.push_back(o);
        out.layers.push_back(std::move(l));
        set_output(static_cast<int>(out.layers.size()) - 1);
        // The layer's output must be what the core computes for it; checked by the caller's evaluate().
    }
    if (out.layers.empty()) { error = "the graph has no layers"; return false; }
    if (folded_params && notes)
        notes->push_back(std::to_string(folded_params) + (folded_params == 1 ? " tensor" : " tensors") +
                         " the exporter folded from parameters (named onnx::…) " + (folded_params == 1 ? "is" : "are") +
                         " counted as parameters at " + (folded_params == 1 ? "its" : "their") + " folded size, " +
                         (folded_values.ok() ? std::to_string(folded_values.value) : std::string("too many")) +
                         " values; the model's own parameters behind them can be fewer (Swin gathers each "
                         "attention's position bias from a smaller table): export with do_constant_folding=False "
                         "to count the tables themselves");
    if (mask_adds && notes)
        notes->push_back("the attention masks of " + std::to_string(mask_adds) + " shifted-window attention " +
                         (mask_adds == 1 ? "layer" : "layers") + " (constants the exporter computes, " +
                         (mask_elements.ok() ? std::to_string(mask_elements.value) : std::string("too many")) +
                         " element-wise additions to the scores) are not counted, as in the built-in Swin");
    // The core must compute the file's shapes, layer by layer; otherwise the mapping is not faithful.
    const Evaluation ev = evaluate(out, Counting{});
    if (!ev.ok()) { error = "the mapped network does not evaluate: " + ev.error; return false; }
    for (std::size_t i = 0; i < layer_out.size(); ++i)
        if (!(ev.layers[i].out == layer_out[i])) {
            error = "layer \"" + out.layers[i].name + "\": the core computes " + std::to_string(ev.layers[i].out.c) + "×" +
                    std::to_string(ev.layers[i].out.h) + "×" + std::to_string(ev.layers[i].out.w) + ", the file " +
                    std::to_string(layer_out[i].c) + "×" + std::to_string(layer_out[i].h) + "×" + std::to_string(layer_out[i].w);
            return false;
        }
    return true;
}

} // namespace flopscope::onnx
