// Flopscope core — peer conventions (see conventions.h). Each preset's rule was read from the counter's
// own source; the file is named next to it. Expected ResNet-18 figures, derived op class by op class,
// are in tests/conventions_test.cpp.
//
// Attention and the transformer kinds (core/layer.h). Every preset counts MatMul (Q·Kᵀ, A·V) and
// TokenLinear (projections, MLPs) as dense MACs, as it counts convolutions; normalization puts LayerNorm
// (5 per element) with batch norm; softmax is an activation function. What each counter does:
//   torchvision  its __torch_dispatch__ counter counts every mm/addmm/bmm once as a MAC: the attention
//                projections (F.linear, F.multi_head_attention_forward), Q·Kᵀ and A·V. Nothing else.
//   fvcore       matmul/bmm/einsum/linear handles: one "flop" per MAC (reproduced); aten::layer_norm
//                norm_flop_counter: 5 per element with affine parameters (reproduced); softmax and GELU
//                have no handle (zero, reproduced).
//   ptflops      counts nn.MultiheadAttention as a module, with its own hook (projections and their
//                biases, Q·Kᵀ, A·V and extra terms of its own); Flopscope counts the same products op by
//                op, so a ViT's attention matches only in its dense MACs. Swin's functional q @ kᵀ is no
//                module. Its LayerNorm hook is its batch-norm hook (2 per element with affine), which the
//                preset does not reproduce (it counts layer norm 5 per element). Not exact for transformers.
//   thop         no hook for functional matmuls (zero in thop); the preset still counts MatMul MACs, so
//                transformer totals are not thop's.
//   torchinfo    counts parameters × positions: MatMul and Softmax have none (zero in torchinfo); the
//                preset still counts MatMul MACs. LayerNorm's 2·features parameters count once
//                (batchnorm_per_channel, reproduced).
//   calflops     patches torch.matmul/bmm and F.linear (MACs, FLOPs = 2 × MACs: reproduced), F.softmax
//                (1 per element: softmax is in its activation kinds), F.layer_norm (5 per element with
//                affine parameters: reproduced), F.gelu (1 per element).
//   convnet-burden  MatConvNet has no attention; MatMul counts as its MACs, like a convolution.
// Excluding MatMul MACs (thop, torchinfo) needs a Counting field, and so a link key: not done yet.
#include "core/conventions.h"

#include <utility>

namespace flopscope {

namespace {

Counting torchvision_counting() { return Counting{}; }

// facebookresearch/fvcore, fvcore/nn/flop_count.py (_DEFAULT_SUPPORTED_OPS) and fvcore/nn/jit_handles.py:
// conv_flop_jit / linear_flop_jit / addmm_flop_jit count multiplies only ("Computation for addition and
// bias is ignored"), one per multiply-add; batchnorm_flop_jit in eval mode: numel × (2 if affine else 1);
// "aten::adaptive_avg_pool2d": elementwise_flop_counter(1, 0), i.e. 1 per input element. Every other
// operator (relu, max_pool2d, avg_pool2d, add, mul, sigmoid, …) has no handle and counts zero.
Counting fvcore_counting() {
    Counting c;
    c.batchnorm = true;
    c.batchnorm_ops = 2;
    c.pooling = true;
    c.pool_rule = PoolRule::Input;
    c.pool_kinds = bit(PoolKind::AdaptiveAvg);
    c.flops_per_mac = 1;
    return c;
}

// sovrasov/flops-counter.pytorch, ptflops/pytorch_ops.py (MODULES_MAPPING, pytorch backend):
// conv_flops_counter_hook: MACs + out_channels × output positions for the bias; linear_flops_counter_hook:
// MACs + out_features for the bias; bn_flops_counter_hook: numel × 2 when affine; relu_flops_counter_hook
// for ReLU, PReLU, ELU, LeakyReLU, ReLU6, GELU: 1 per output element; pool_flops_counter_hook for every
// max/avg/adaptive pooling: 1 per input element. Hardswish, Hardsigmoid, Sigmoid, SiLU modules have no
// hook; `out += identity` and `scale * x` are not the torch.add/torch.mul calls it can patch.
Counting ptflops_counting() {
    Counting c;
    c.bias = true;
    c.batchnorm = true;
    c.activations = true;
    c.activation_kinds = bit(ActivationKind::ReLU) | bit(ActivationKind::ReLU6) | bit(ActivationKind::GELU);
    c.pooling = true;
    c.pool_rule = PoolRule::Input;
    c.flops_per_mac = 1;
    return c;
}

// Lyken17/pytorch-OpCounter (thop), thop/profile.py (register_hooks), thop/vision/basic_hooks.py and
// thop/vision/calc_func.py: count_convNd → calculate_conv2d_flops = output numel × (in_c / groups) × kh × kw
// (bias ignored); count_linear = in_features × output numel (bias ignored); count_normalization =
// calculate_norm(numel) = 2 × numel, × 2 again when affine; count_avgpool = 1 per output element;
// count_adap_avgpool = (prod(in_size / out_size) + 1) per output element; nn.ReLU, nn.ReLU6, max pools:
// zero_ops; Hardswish, Hardsigmoid, Sigmoid, SiLU: no rule ("Treat it as zero Macs").
Counting thop_counting() {
    Counting c;
    c.batchnorm = true;
    c.batchnorm_ops = 4;
    c.pooling = true;
    c.pool_rule = PoolRule::Thop;
    c.pool_kinds = bit(PoolKind::Avg) | bit(PoolKind::AdaptiveAvg);
    c.flops_per_mac = 1;
    return c;
}

// TylerYep/torchinfo, torchinfo/layer_info.py (LayerInfo.calculate_macs): for each "weight" and "bias"
// parameter of a layer, Conv: params × output positions (N·H·W: weight → the MACs, bias → 1 per output
// element); Linear: params × leading output dims (batch 1: weight → MACs, bias → out_features); any other
// layer: params × batch (batch norm: its 2·C scale and shift, once). Layers without parameters add nothing.
Counting torchinfo_counting() {
    Counting c;
    c.bias = true;
    c.batchnorm = true;
    c.batchnorm_ops = 2;
    c.batchnorm_per_channel = true;
    c.flops_per_mac = 1;
    return c;
}

// MrYxJ/calculate-flops.pytorch (calflops), calflops/pytorch_ops.py (patched torch.nn.functional):
// _conv_flops_compute: FLOPs = 2 × MACs + out_channels × output positions for the bias, MACs = MACs;
// _linear_flops_compute: FLOPs = 2 × MACs (bias ignored); _batch_norm_flops_compute (eval): numel × 2
// when affine, 0 MACs; _relu/_relu6/_silu/_gelu/_elu/_leaky_relu/_prelu_flops_compute: 1 per element,
// 0 MACs (F.hardswish, F.hardsigmoid, torch.sigmoid are not patched); _pool_flops_compute for every
// max/avg/adaptive pooling: 1 per input element; _softmax_flops_compute: 1 per element; _matmul_flops_compute
// (torch.matmul, bmm): MACs; _layer_norm_flops_compute: 5 per element with affine parameters (4 without);
// torch.add/torch.mul are patched, but torchvision's
// `out += identity` and `scale * input` use the operators, which are not.
Counting calflops_counting() {
    Counting c;
    c.bias = true;
    c.linear_bias = false;
    c.batchnorm = true;
    c.batchnorm_ops = 2;
    c.activations = true;
    c.activation_kinds = bit(ActivationKind::ReLU) | bit(ActivationKind::ReLU6) | bit(ActivationKind::SiLU) |
                         bit(ActivationKind::GELU) | bit(ActivationKind::Softmax);
    c.pooling = true;
    c.pool_rule = PoolRule::Input;
    c.flops_per_mac = 2;
    return c;
}

// calflops' MACs column: only _conv_flops_compute, _linear_flops_compute (and matmuls) return MACs.
Counting calflops_macs_counting() { return Counting{}; }

// albanie/convnet-burden, core/burden.m (computeFlops), "Fused multiply-adds are counted as single
// operations": vl_nnconv (fully-connected layers are convolutions there) = output numel × filter size,
// + output numel with a bias; vl_nnrelu = 2 × output numel ("comparison + multiply"); vl_nnpool =
// 2 × output numel × prod(stride) ("two flops per location"); vl_nnbnorm = 0 ("assume merged at test
// time"); vl_nnwsum (residual sums) = output numel; cat, reshape, flatten, dropout = 0. It has no rule for
// other activations or multiplies (it stops with "layer not recognised"); they count zero here. An
// adaptive pool counts as the fixed pool PyTorch's old definitions used in its place, stride = input /
// output size (SqueezeNet's AvgPool2d(13): stride 13, which reproduces the README's 837 MFLOPS; the old
// ResNets' AvgPool2d(7, stride=1) would count 2·C·48 less, below the README's printed precision).
Counting burden_counting() {
    Counting c;
    c.bias = true;
    c.activations = true;
    c.activation_ops = 2;
    c.activation_kinds = bit(ActivationKind::ReLU) | bit(ActivationKind::ReLU6);
    c.pooling = true;
    c.pool_rule = PoolRule::Stride2;
    c.elementwise = true;
    c.elementwise_mul = false;
    c.flops_per_mac = 1;
    return c;
}

} // namespace

const std::vector<Convention>& conventions() {
    static const std::vector<Convention> all = {
        {"torchvision", "torchvision's table of model weights (GFLOPS column)", torchvision_counting(),
         Headline::MACs, "GFLOPS (which are GMACs)",
         "MACs of every matrix product, one per multiply-accumulate: convolutions, fully-connected layers "
         "(attention's projections and MLPs included) and attention's Q·Kᵀ and A·V; bias additions, batch and "
         "layer norm, activations, softmax, pooling and element-wise operations are not counted. "
         "torchvision's \"GFLOPS\" column is this number in billions (it counts multiply-accumulates). "
         "FLOPs = 2 × MACs.",
         "pytorch/vision, torchvision/models/*.py (weights meta \"_ops\"); docs: models.html"},
        {"fvcore", "fvcore FlopCountAnalysis(model, x).total()", fvcore_counting(), Headline::MACs,
         "flops (one per fused multiply-add)",
         "One \"flop\" per multiply-add of convolutions and linear layers, bias not counted; batch norm (eval "
         "mode) 2 per element (1 without affine parameters); adaptive average pooling 1 per input element. "
         "Activations, max and average pooling, additions and multiplications have no handle and count "
         "zero (reported as unsupported operators). Attention: matmul, bmm and einsum count one per "
         "multiply-add; layer norm 5 per element; softmax zero.",
         "facebookresearch/fvcore: fvcore/nn/flop_count.py (_DEFAULT_SUPPORTED_OPS), fvcore/nn/jit_handles.py"},
        {"ptflops", "ptflops get_model_complexity_info (pytorch backend)", ptflops_counting(), Headline::MACs,
         "GMac",
         "Convolutions: MACs plus 1 per output element for the bias; linear layers: MACs plus out_features "
         "for the bias; batch norm 2 per element; ReLU, ReLU6 and GELU (also PReLU, ELU, LeakyReLU) 1 per "
         "output element, other activations (hardswish, hardsigmoid, sigmoid, SiLU) not counted; every "
         "pooling layer (max, average, adaptive) 1 per input element; residual additions and "
         "squeeze-excitation multiplications not counted. Attention: ptflops counts nn.MultiheadAttention "
         "as one module with its own hook; here its products count as MACs and layer norm 5 per element, "
         "so transformer totals are not exactly ptflops'.",
         "sovrasov/flops-counter.pytorch: ptflops/pytorch_ops.py (MODULES_MAPPING)"},
        {"thop", "thop profile(model, inputs)", thop_counting(), Headline::MACs, "MACs",
         "Convolutions and linear layers: MACs, bias not counted; batch norm 4 per element (2 per element, "
         "doubled for the affine scale and shift); average pooling 1 per output element; adaptive average "
         "pooling (input area / output area + 1) per output element; ReLU, ReLU6 and max pooling zero; "
         "other activations have no rule and count zero; additions and multiplications not counted. "
         "(thop up to 0.0.31 counted batch norm 2 per element: ResNet-50's often quoted 4,111,514,624.) "
         "Attention: thop has no hook for functional matmuls; here they count as MACs, so transformer "
         "totals are not thop's.",
         "Lyken17/pytorch-OpCounter: thop/profile.py (register_hooks), thop/vision/basic_hooks.py, "
         "thop/vision/calc_func.py"},
        {"torchinfo", "torchinfo summary(): \"Total mult-adds\"", torchinfo_counting(), Headline::MACs,
         "Total mult-adds",
         "Every parameter of a layer times the positions it is applied at: convolution weights × output "
         "height × width (the MACs) and bias × output height × width (1 per output element); linear weights "
         "and bias once each (MACs + out_features); batch norm's scale and shift once each (2 per channel, "
         "not per element; layer norm likewise). Layers without parameters (activations, pooling, additions) "
         "add nothing. Attention: torchinfo counts no matmul (it has no parameters); here it counts as MACs, "
         "so transformer totals are not torchinfo's.",
         "TylerYep/torchinfo: torchinfo/layer_info.py (LayerInfo.calculate_macs)"},
        {"calflops", "calflops calculate_flops(): FLOPs", calflops_counting(), Headline::FLOPs, "FLOPS",
         "FLOPs = 2 × MACs of convolutions and linear layers, plus 1 per output element for a convolution's "
         "bias (a linear layer's bias is not counted); batch norm 2 per element; ReLU, ReLU6, SiLU and GELU 1 "
         "per element (hardswish, hardsigmoid, sigmoid not counted); every pooling 1 per input element; "
         "residual additions and multiplications not counted (torchvision writes them as operators, "
         "which calflops does not patch). Attention: torch.matmul and bmm count 2 per MAC, softmax 1 per "
         "element, layer norm 5 per element.",
         "MrYxJ/calculate-flops.pytorch: calflops/pytorch_ops.py (_patch_functionals, *_flops_compute)"},
        {"calflops-macs", "calflops calculate_flops(): MACs", calflops_macs_counting(), Headline::MACs, "MACs",
         "calflops' MACs: only convolutions, linear layers and matrix products (torch.matmul, bmm) return "
         "MACs, bias not counted — the same number as torchvision's.",
         "MrYxJ/calculate-flops.pytorch: calflops/pytorch_ops.py (_conv_flops_compute, _linear_flops_compute)"},
        {"convnet-burden", "convnet-burden burden.m (README \"flops\" column)", burden_counting(), Headline::MACs,
         "FLOPS (fused multiply-adds)",
         "Fused multiply-adds count as one: convolutions and fully-connected layers MACs plus 1 per output "
         "element for the bias; ReLU 2 per element (comparison + multiply); pooling 2 per output element × "
         "stride area (adaptive pooling: stride = input size / output size); batch norm 0 (merged at test "
         "time); residual sums 1 "
         "per output element; concatenation 0; other activations and multiplications have no rule and "
         "count zero.",
         "albanie/convnet-burden: core/burden.m (computeFlops)"},
    };
    return all;
}

const Convention* find_convention(std::string_view name) {
    for (const Convention& c : conventions())
        if (name == c.name) return &c;
    return nullptr;
}

Count headline_value(const Totals& totals, const Convention& convention) {
    return convention.headline == Headline::FLOPs ? totals.flops : totals.macs;
}


std::vector<ConventionTotals> compare_conventions(const Network& net) {
    std::vector<ConventionTotals> rows;
    for (const Convention& c : conventions()) {
        ConventionTotals row;
        row.convention = &c;
        const Evaluation ev = evaluate(net, c.counting);
        if (!ev.ok()) {
            row.error = ev.error;
            rows.push_back(row);
            continue;
        }
        row.macs = ev.totals.macs;
        row.flops = ev.totals.flops;
        row.dense_macs = ev.totals.dense_macs;
        row.value = headline_value(ev.totals, c);
        for (const LayerCost& l : ev.layers) row.extra += counted_ops(l, c.counting);
        rows.push_back(row);
    }
    return rows;
}

std::string explain_difference(const ConventionTotals& row) {
    if (!row.convention || !row.error.empty()) return row.error;
    std::string s;
    if (row.convention->headline == Headline::FLOPs && row.convention->counting.flops_per_mac == 2)
        s = "× 2 (multiply and add counted apart)";
    for (const OpClassInfo& oc : kOpClasses) {
        const Count n = row.extra.*oc.ops;
        if (n.value == 0 && n.ok()) continue;
        if (!s.empty()) s += " ";
        s += "+ " + std::string(oc.name) + " " + with_commas(n);
    }
    return s;
}

} // namespace flopscope
