// Flopscope core — the zoo registry and the network builder.
#include "core/zoo.h"

#include "core/zoo/families.h"

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Zoo
//-----------------------------------------------------------------------------

const std::vector<ModelInfo>& model_zoo() {
    static const std::vector<ModelInfo> zoo = [] {
        std::vector<ModelInfo> all;
        zoo::register_seed(all);
        zoo::register_resnets(all);
        zoo::register_vggs(all);
        zoo::register_alexnet(all);
        zoo::register_squeezenets(all);
        zoo::register_densenets(all);
        zoo::register_googlenet(all);
        zoo::register_inception(all);
        zoo::register_mobilenets(all);
        zoo::register_shufflenets(all);
        zoo::register_mnasnets(all);
        zoo::register_efficientnets(all);
        zoo::register_regnets(all);
        zoo::register_vits(all);
        zoo::register_convnexts(all);
        zoo::register_swins(all);
        zoo::register_maxvit(all);
        return all;
    }();
    return zoo;
}

const ModelInfo* find_model(std::string_view name) {
    for (const ModelInfo& m : model_zoo())
        if (name == m.name) return &m;
    return nullptr;
}

std::string input_refusal(const ModelInfo& m, std::int64_t height, std::int64_t width) {
    for (std::int64_t side : {height, width}) {
        if (side < m.min_resolution || side > kMaxSpatial)
            return std::string(m.name) + " needs an input between " + std::to_string(m.min_resolution) + " and " +
                   std::to_string(kMaxSpatial) + " pixels per side, not " + std::to_string(side);
        if (side % m.side_multiple != 0)
            return std::string(m.name) + " needs a height and width that are multiples of its " +
                   std::to_string(m.side_multiple) + "-pixel patch (it cuts the image into whole patches), not " +
                   std::to_string(height) + "×" + std::to_string(width);
    }
    return m.refuses ? m.refuses(height, width) : std::string();
}

bool build_model(std::string_view name, std::int64_t height, std::int64_t width, Network& out, std::string& error) {
    const ModelInfo* m = find_model(name);
    if (!m) {
        error = "unknown model \"" + std::string(name) + "\" (flopscope --list-models lists them)";
        return false;
    }
    error = input_refusal(*m, height, width);
    if (!error.empty()) return false;
    out = m->build(height, width);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Builder
//-----------------------------------------------------------------------------

NetBuilder::NetBuilder(std::string name, Shape input) {
    net_.name = std::move(name);
    net_.input = input;
}

int NetBuilder::resolve(int from) const { return from == kLast ? last() : from; }

std::int64_t NetBuilder::channels(int i) const {
    return i == kNetworkInput ? net_.input.c : channels_[static_cast<std::size_t>(i)];
}

int NetBuilder::push(Layer layer, int from) {
    if (layer.inputs.empty()) {
        const int src = resolve(from);
        // The previous layer (the network input for the first layer) is the implicit input.
        if (src != last()) layer.inputs = {src};
    }
    // Track output channels so builders can size later layers without evaluating.
    std::int64_t c = layer.inputs.empty() ? (net_.layers.empty() ? net_.input.c : channels_.back())
                                          : channels(layer.inputs.front());
    switch (layer.kind) {
    case LayerKind::Conv:
    case LayerKind::Linear:
    case LayerKind::Reshape:
    case LayerKind::Select:
    case LayerKind::Param: c = layer.out_channels; break;
    case LayerKind::Concat:
        c = 0;
        for (int i : layer.inputs) c += channels(i);
        break;
    case LayerKind::Flatten: c = -1; break;  // unknown without shapes; a linear layer follows
    default: break;
    }
    net_.layers.push_back(std::move(layer));
    channels_.push_back(c);
    return last();
}

int NetBuilder::conv(std::string name, std::int64_t out_channels, std::int64_t kernel, std::int64_t stride,
                     std::int64_t pad, std::int64_t groups, bool bias, int from, std::int64_t dilation) {
    if (pad < 0) pad = (kernel - 1) / 2 * dilation;
    return push(make_conv(std::move(name), out_channels, kernel, stride, pad, groups, bias, dilation), from);
}

int NetBuilder::batchnorm(std::string name, int from) {
    Layer l;
    l.name = std::move(name);
    l.kind = LayerKind::BatchNorm;
    return push(std::move(l), from);
}

int NetBuilder::activation(std::string name, ActivationKind kind, int from) {
    Layer l;
    l.name = std::move(name);
    l.kind = LayerKind::Activation;
    l.activation = kind;
    return push(std::move(l), from);
}

namespace {
Layer pool_layer(std::string name, PoolKind kind, std::int64_t kernel, std::int64_t stride, std::int64_t pad,
                 bool ceil_mode) {
    Layer l;
    l.name = std::move(name);
    l.kind = LayerKind::Pool;
    l.pool = kind;
    l.kernel_h = l.kernel_w = kernel;
    l.stride_h = l.stride_w = stride;
    l.pad_h = l.pad_w = pad;
    l.ceil_mode = ceil_mode;
    return l;
}
} // namespace

int NetBuilder::max_pool(std::string name, std::int64_t kernel, std::int64_t stride, std::int64_t pad,
                         bool ceil_mode, int from) {
    return push(pool_layer(std::move(name), PoolKind::Max, kernel, stride, pad, ceil_mode), from);
}

int NetBuilder::avg_pool(std::string name, std::int64_t kernel, std::int64_t stride, std::int64_t pad,
                         bool ceil_mode, int from) {
    return push(pool_layer(std::move(name), PoolKind::Avg, kernel, stride, pad, ceil_mode), from);
}

int NetBuilder::adaptive_avg_pool(std::string name, std::int64_t out_h, std::int64_t out_w, int from) {
    Layer l = pool_layer(std::move(name), PoolKind::AdaptiveAvg, 1, 1, 0, false);
    l.out_h = out_h;
    l.out_w = out_w;
    return push(std::move(l), from);
}

int NetBuilder::adaptive_max_pool(std::string name, std::int64_t out_h, std::int64_t out_w, int from) {
    Layer l = pool_layer(std::move(name), PoolKind::AdaptiveMax, 1, 1, 0, false);
    l.out_h = out_h;
    l.out_w = out_w;
    return push(std::move(l), from);
}

namespace {
Layer multi_input(std::string name, LayerKind kind, std::vector<int> inputs) {
    Layer l;
    l.name = std::move(name);
    l.kind = kind;
    l.inputs = std::move(inputs);
    return l;
}
} // namespace

int NetBuilder::add(std::string name, std::initializer_list<int> inputs) {
    return push(multi_input(std::move(name), LayerKind::Add, inputs));
}

int NetBuilder::mul(std::string name, std::initializer_list<int> inputs) {
    return push(multi_input(std::move(name), LayerKind::Mul, inputs));
}

int NetBuilder::concat(std::string name, std::vector<int> inputs) {
    return push(multi_input(std::move(name), LayerKind::Concat, std::move(inputs)));
}

int NetBuilder::flatten(std::string name, int from) {
    Layer l;
    l.name = std::move(name);
    l.kind = LayerKind::Flatten;
    return push(std::move(l), from);
}

int NetBuilder::linear(std::string name, std::int64_t out_features, bool bias, int from) {
    Layer l;
    l.name = std::move(name);
    l.kind = LayerKind::Linear;
    l.out_channels = out_features;
    l.bias = bias;
    return push(std::move(l), from);
}

namespace {
Layer plain(std::string name, LayerKind kind) {
    Layer l;
    l.name = std::move(name);
    l.kind = kind;
    return l;
}
Layer shaped(std::string name, LayerKind kind, std::int64_t c, std::int64_t h, std::int64_t w) {
    Layer l = plain(std::move(name), kind);
    l.out_channels = c;
    l.out_h = h;
    l.out_w = w;
    return l;
}
} // namespace

int NetBuilder::layernorm(std::string name, int from) { return push(plain(std::move(name), LayerKind::LayerNorm), from); }

int NetBuilder::layernorm2d(std::string name, int from) {
    return push(plain(std::move(name), LayerKind::LayerNorm2d), from);
}

int NetBuilder::token_linear(std::string name, std::int64_t out_features, bool bias, int from) {
    Layer l = plain(std::move(name), LayerKind::TokenLinear);
    l.out_channels = out_features;
    l.bias = bias;
    return push(std::move(l), from);
}

int NetBuilder::matmul(std::string name, int a, int b) {
    return push(multi_input(std::move(name), LayerKind::MatMul, {a, b}));
}

int NetBuilder::reshape(std::string name, std::int64_t c, std::int64_t h, std::int64_t w, int from) {
    return push(shaped(std::move(name), LayerKind::Reshape, c, h, w), from);
}

int NetBuilder::select(std::string name, std::int64_t c, std::int64_t h, std::int64_t w, int from) {
    return push(shaped(std::move(name), LayerKind::Select, c, h, w), from);
}

int NetBuilder::param(std::string name, std::int64_t c, std::int64_t h, std::int64_t w) {
    return push(shaped(std::move(name), LayerKind::Param, c, h, w));  // kLast: no input is recorded
}

int NetBuilder::conv_bn_act(const std::string& prefix, std::int64_t out_channels, std::int64_t kernel,
                            std::int64_t stride, std::int64_t groups, ActivationKind act, bool with_act, int from) {
    conv(prefix + ".0", out_channels, kernel, stride, -1, groups, false, from);
    int i = batchnorm(prefix + ".1");
    if (with_act) i = activation(prefix + ".2", act);
    return i;
}

} // namespace flopscope
