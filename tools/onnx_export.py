#!/usr/bin/env python3
"""Export ONNX fixtures for Flopscope's ONNX import tests (tests/onnx_*_test.cpp).

The doctest suite never needs torch: this script is run by hand, and its output is committed.
Made with Debian 12's python3-torch 1.13.1, python3-torchvision 0.14.1 and python3-onnx 1.12:

    /usr/bin/python3 tools/onnx_export.py                 # writes tests/data/onnx/
    /usr/bin/python3 tools/onnx_export.py --models resnet18 --out /tmp/onnx
    /usr/bin/python3 tools/onnx_export.py --transformers     # writes tests/data/onnx/transformer/ only

What it writes:
  * zoo/<model>_<H>x<W>_op<N>.onnx: torchvision classifiers exported at opsets 13 and 17, at 224x224 and
    at one non-square size, with weights=None. These are STRIPPED copies: every float initializer keeps
    its name, data type and dims, but its payload is removed and the tensor is marked as external data
    (location "stripped"), the form a >2 GB export takes once its data file is gone. That keeps each file
    at a few KB instead of up to 550 MB. The counter needs no weights, only dims; the tests read these.
  * handmade_cnn_op<N>.onnx: a small hand-written CNN (asymmetric kernels and strides, dilation, groups,
    ceil-mode max pooling, padded average pooling with and without count_include_pad, a BN that the
    exporter cannot fold, ReLU6, Hardswish, a Linear), exported WITH its weights (it is small), so tests
    can check that the reader skips payloads it does not need.
  * reference.txt: what PyTorch says about each file, to compare against:
        file FILE MODEL H W OPSET HOOK_MACS                 (total of Conv2d+Linear forward hooks)
        layer FILE MODULE MACS                              (one per Conv2d/Linear module, in call order)
    MACs follow torchvision's convention: Conv2d = output elements x Cin/groups x kh x kw,
    Linear = output elements x in_features; no bias.
"""
import argparse
import io
import os
import sys

import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import models

# 21 of Flopscope's built-in zoo models (all in src/core/zoo); 84 files, ~3 MB stripped. densenet169
# is left out only for size (its four stripped files are ~0.9 MB; densenet121 covers the family).
MODELS = [
    "resnet18", "resnet34", "resnet50", "resnext50_32x4d", "wide_resnet50_2",
    "vgg11", "vgg11_bn", "alexnet", "squeezenet1_0", "squeezenet1_1",
    "densenet121", "googlenet", "mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small",
    "shufflenet_v2_x1_0", "mnasnet1_0", "efficientnet_b0", "regnet_y_400mf", "resnet101",
    "vgg16",
]
OPSETS = [13, 17]
# The non-square size. AlexNet and VGG need a feature map that their adaptive pooling divides (torch's
# exporter refuses adaptive pooling that is not a whole-window average): VGG's 7x7 pool needs 224x448
# (7x14 features), AlexNet's 6x6 pool 224x415 (6x12 features).
NON_SQUARE = (192, 256)
NON_SQUARE_OF = {"vgg11": (224, 448), "vgg11_bn": (224, 448), "vgg16": (224, 448), "alexnet": (224, 415)}


def build(name):
    kwargs = {"weights": None}
    if name == "googlenet":
        kwargs.update(aux_logits=False, init_weights=False)
    torch.manual_seed(0)
    return getattr(models, name)(**kwargs).eval()


def hook_macs(model, h, w):
    """Conv2d + Linear forward-hook MACs, in call order: [(module name, macs)]."""
    rows = []
    handles = []
    for name, m in model.named_modules():
        if isinstance(m, nn.Conv2d):
            def conv_hook(mod, inp, out, name=name):
                k = mod.kernel_size[0] * mod.kernel_size[1] * (mod.in_channels // mod.groups)
                rows.append((name, out.numel() * k))
            handles.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            def linear_hook(mod, inp, out, name=name):
                rows.append((name, out.numel() * mod.in_features))
            handles.append(m.register_forward_hook(linear_hook))
    with torch.no_grad():
        model(torch.zeros(1, 3, h, w))
    for hd in handles:
        hd.remove()
    return rows


def export_bytes(model, h, w, opset, grad=False, fold=True):
    """grad=True exports with autograd on: ViT's MHA fast path fails to export under no_grad.
    fold=False turns torch's constant folding off (Swin's relative-position bias then stays a Gather on
    its parameter table instead of a folded [1, heads, 49, 49] constant)."""
    buf = io.BytesIO()
    with torch.set_grad_enabled(grad):
        torch.onnx.export(model, torch.zeros(1, 3, h, w), buf, opset_version=opset,
                          input_names=["input"], output_names=["logits"], do_constant_folding=fold)
    return buf.getvalue()


# Transformer fixtures (tests/onnx_import_test.cpp and onnx_transformer_test.cpp assert their numbers
# from written-out arithmetic and the zoo, not from reference.txt): stripped, at 224x224. At opset 17
# LayerNorm is one LayerNormalization node; at opset 13 it is the nine-node decomposition.
# swin_t is also written without constant folding (..._op13_nofold.onnx), the one form whose file still
# holds the relative-position tables as parameters.
TRANSFORMERS = {"convnext_tiny": [13, 17], "vit_b_32": [17], "vit_b_16": [13, 17], "swin_t": [13, 17]}
UNFOLDED = {"swin_t": [13]}


def strip(data):
    """Removes every float initializer's payload; keeps name, type and dims (external data 'stripped')."""
    m = onnx.load_from_string(data)
    for t in m.graph.initializer:
        if t.data_type != onnx.TensorProto.FLOAT:
            continue
        t.ClearField("raw_data")
        del t.float_data[:]
        t.data_location = onnx.TensorProto.EXTERNAL
        del t.external_data[:]
        e = t.external_data.add()
        e.key, e.value = "location", "stripped"
    return m.SerializeToString()


class HandmadeCNN(nn.Module):
    """Every conv/pool corner the reader must get right, in one small network."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 12, kernel_size=(3, 5), stride=(2, 1), padding=(1, 2), bias=False)
        self.stem_bn = nn.BatchNorm2d(12)           # folded into stem by the exporter
        self.dilated = nn.Conv2d(12, 16, kernel_size=3, padding=2, dilation=2)
        self.grouped = nn.Conv2d(16, 24, kernel_size=(1, 3), stride=(1, 2), padding=(0, 1), groups=4)
        self.pool_ceil = nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True)
        self.post_bn = nn.BatchNorm2d(24)           # after a ReLU: kept as BatchNormalization
        self.depthwise = nn.Conv2d(24, 24, kernel_size=(5, 1), stride=(1, 1), padding=(2, 0), groups=24)
        self.pointwise = nn.Conv2d(24, 32, kernel_size=1)
        self.avg_pad = nn.AvgPool2d(kernel_size=3, stride=1, padding=1)                  # count_include_pad
        self.avg_nopad = nn.AvgPool2d(kernel_size=2, stride=2, padding=1, count_include_pad=False,
                                      ceil_mode=True)
        self.act6 = nn.ReLU6()
        self.hswish = nn.Hardswish()
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        x = F.relu(self.stem_bn(self.stem(x)))
        x = self.dilated(x)
        x = self.grouped(x)
        x = self.pool_ceil(x)
        x = self.post_bn(F.relu(x))
        x = self.act6(self.depthwise(x))
        x = self.hswish(self.pointwise(x))
        x = self.avg_pad(x) + x
        x = self.avg_nopad(x)
        x = torch.flatten(self.gap(x), 1)
        return self.fc(x)


HANDMADE_INPUT = (67, 45)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "data", "onnx"))
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--transformers", action="store_true",
                    help="only write transformer/<model>_224x224_op<N>.onnx for TRANSFORMERS (or those of them in "
                         "--models); reference.txt untouched")
    ap.add_argument("--reuse", action="store_true",
                    help="keep model files that already exist (export is slow); always recount the hooks")
    ap.add_argument("--fuzz-seeds", action="store_true",
                    help="only write tools/fuzz/corpus/onnx/tiny_vit_32x32_op<N>.onnx (a 1-layer, 16-wide ViT)")
    args = ap.parse_args()
    if args.fuzz_seeds:
        from torchvision.models.vision_transformer import VisionTransformer
        torch.manual_seed(0)
        vit = VisionTransformer(image_size=32, patch_size=16, num_layers=1, num_heads=2, hidden_dim=16,
                                mlp_dim=32, num_classes=10).eval()
        corpus = os.path.join(os.path.dirname(__file__), "fuzz", "corpus", "onnx")
        for opset in OPSETS:
            with open(os.path.join(corpus, "tiny_vit_32x32_op%d.onnx" % opset), "wb") as f:
                f.write(strip(export_bytes(vit, 32, 32, opset, grad=True)))
        return
    if args.transformers:
        os.makedirs(os.path.join(args.out, "transformer"), exist_ok=True)
        for name, opsets in TRANSFORMERS.items():
            if args.models != ",".join(MODELS) and name not in args.models.split(","):
                continue
            variants = [(opset, True) for opset in opsets] + [(opset, False) for opset in UNFOLDED.get(name, [])]
            for opset, fold in variants:
                data = strip(export_bytes(build(name), 224, 224, opset, grad=name.startswith("vit_"), fold=fold))
                fname = "transformer/%s_224x224_op%d%s.onnx" % (name, opset, "" if fold else "_nofold")
                with open(os.path.join(args.out, fname), "wb") as f:
                    f.write(data)
                print("%s %8d bytes" % (fname, len(data)), file=sys.stderr)
        return
    os.makedirs(os.path.join(args.out, "zoo"), exist_ok=True)
    lines = ["# Written by tools/onnx_export.py (torch %s, torchvision models, onnx %s); see its docstring."
             % (torch.__version__, onnx.__version__)]

    def record(fname, model_name, model, h, w, opset):
        rows = hook_macs(model, h, w)
        lines.append("file %s %s %d %d %d %d" % (fname, model_name, h, w, opset, sum(m for _, m in rows)))
        for name, macs in rows:
            lines.append("layer %s %s %d" % (fname, name, macs))

    # The hand-written CNN, with weights.
    torch.manual_seed(0)
    cnn = HandmadeCNN().eval()
    with torch.no_grad():  # non-trivial BN statistics, so the folded and kept BNs are not identities
        for bn in (cnn.stem_bn, cnn.post_bn):
            bn.running_mean.uniform_(-1, 1)
            bn.running_var.uniform_(0.5, 2)
    h, w = HANDMADE_INPUT
    for opset in OPSETS:
        fname = "handmade_cnn_op%d.onnx" % opset
        with open(os.path.join(args.out, fname), "wb") as f:
            f.write(export_bytes(cnn, h, w, opset))
        record(fname, "handmade_cnn", cnn, h, w, opset)

    for name in args.models.split(","):
        model = build(name)
        sizes = [(224, 224), NON_SQUARE_OF.get(name, NON_SQUARE)]
        for (h, w) in sizes:
            for opset in OPSETS:
                fname = "zoo/%s_%dx%d_op%d.onnx" % (name, h, w, opset)
                path = os.path.join(args.out, fname)
                if args.reuse and os.path.exists(path):
                    with open(path, "rb") as f:
                        data = f.read()
                else:
                    data = strip(export_bytes(model, h, w, opset))
                    with open(path, "wb") as f:
                        f.write(data)
                record(fname, name, model, h, w, opset)
                print("%-40s %8d bytes" % (fname, len(data)), file=sys.stderr)

    with open(os.path.join(args.out, "reference.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
