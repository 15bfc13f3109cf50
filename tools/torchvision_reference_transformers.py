#!/usr/bin/env python3
"""Recount Flopscope's transformer models (ViT, Swin, Swin V2, ConvNeXt, MaxViT) from torchvision's definitions.

Writes tests/data/torchvision_reference_transformers.txt in the line format of tools/torchvision_reference.py
(min / layer / total lines), which tests/zoo_test.cpp reads next to the CNN file, plus the weights lines of
tests/data/torchvision_published.txt (tools/torchvision_reference.py --published):

    weights MODEL WEIGHTS_ENUM CROP NUM_PARAMS GFLOPS

WEIGHTS, CROP (weights.transforms().crop_size) and NUM_PARAMS (weights.meta["num_params"]) come from Debian's
torchvision 0.14; GFLOPS is torchvision's published "_ops" (GMACs) (torchvision >= 0.15), copied from
/work/shared/data/torchvision-published-ops.tsv (--published), which transcribes torchvision/models/*.py.

    /usr/bin/python3 tools/torchvision_reference_transformers.py [-o FILE] [--models vit_b_16,...]

How it counts: hooks on Conv2d and Linear modules are not enough here, because attention runs its matrix
products functionally (F.multi_head_attention_forward in ViT, F.linear and torch.matmul in Swin and MaxViT).
A TorchDispatchMode counts every aten.convolution, mm, addmm and bmm, as torchvision's published figures were
made (pytorch/vision PR 6936): MACs = output elements x the contracted dimension. Each product is named by
  * the Conv2d/Linear module it runs in (one row per module call, its output shape without the batch), or
  * the innermost module plus a label for its functional products, in order (LABELS below), with the
    product's own output shape.
A shape is written C H W: rank 1 as F 1 1, rank 2 as 1 H W, leading dimensions of rank 4+ merged into C.
PARAMS of a row: the module's own parameters; for a functional projection, its weight and bias operands.
"""
import argparse
import math
import os
import sys

import torch
import torch.nn.init

# Counts depend on shapes only: skip the random initialisation (seconds per model for ViT-H's 632 M
# parameters) and count on the meta device (shapes without arithmetic; the same aten operations run).
for _init in ("trunc_normal_", "normal_", "zeros_", "ones_", "xavier_uniform_", "kaiming_uniform_",
              "kaiming_normal_", "uniform_", "constant_"):
    setattr(torch.nn.init, _init, lambda tensor, *args, **kwargs: tensor)
import torchvision  # noqa: E402 (after the patch: torchvision's modules take torch.nn.init's functions at call time)
from torch.utils._python_dispatch import TorchDispatchMode
from torchvision import models

# Default crop first, then two other resolutions the architecture accepts.
MODELS = {
    "vit_b_16": [224, 384, 160], "vit_b_32": [224, 384, 160], "vit_l_16": [224, 512, 160],
    "vit_l_32": [224, 384, 160], "vit_h_14": [518, 224, 140],
    "convnext_tiny": [224, 160, 193], "convnext_small": [224, 160, 193], "convnext_base": [224, 160, 193],
    "convnext_large": [224, 160, 193],
    "swin_t": [224, 160, 193], "swin_s": [224, 160, 193], "swin_b": [224, 160, 193],
    "swin_v2_t": [256, 224, 193], "swin_v2_s": [256, 224, 193], "swin_v2_b": [256, 224, 193],
    "maxvit_t": [224, 448, 672],
}
# Functional products inside a module, in the order they run: (label, has weight operands).
LABELS = {
    "MultiheadAttention": [("in_proj", True), ("scores", False), ("context", False), ("out_proj", True)],
    "ShiftedWindowAttention": [("qkv", True), ("scores", False), ("context", False), ("proj", True)],
    "ShiftedWindowAttentionV2": [("qkv", True), ("scores", False), ("context", False), ("proj", True)],
    "RelativePositionalMultiHeadAttention": [("scores", False), ("context", False)],
}
aten = torch.ops.aten
PRODUCTS = {aten.convolution.default, aten.mm.default, aten.addmm.default, aten.bmm.default}


def is_vit(name):
    return name.startswith("vit_")


def sized_at_build(name):
    # ViT sizes its position embedding for one image size; MaxViT sizes its grid partitions (and checks
    # that every block's input divides into 7×7 windows) for one input size.
    return is_vit(name) or name.startswith("maxvit_")


def build(name, res):
    kwargs = {"weights": None}
    if is_vit(name):
        kwargs["image_size"] = res  # the position embedding is sized for it
    elif sized_at_build(name):
        kwargs["input_size"] = (res, res)
    model = getattr(models, name)(**kwargs)
    model.eval()
    return model


def chw(shape):
    s = list(shape)
    if len(s) == 1:
        return (s[0], 1, 1)
    if len(s) == 2:
        return (1, s[0], s[1])
    return (math.prod(s[:-2]), s[-2], s[-1])


def product_macs(func, args, out):
    if func is aten.convolution.default:
        w = args[1]
        return out.numel() * w.shape[1] * w.shape[2] * w.shape[3]
    a = args[1] if func is aten.addmm.default else args[0]
    return out.numel() * a.shape[-1]


class Counter(TorchDispatchMode):
    def __init__(self):
        super().__init__()
        self.stack = []      # (module, name) of the modules running
        self.rows = []       # (name, c, h, w, macs, params)
        self.leaf_macs = {}  # id(module) -> MACs of products inside a running Conv2d/Linear
        self.used = {}       # id(module) -> functional products seen so far

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if func not in PRODUCTS:
            return out
        macs = product_macs(func, args, out)
        module, name = self.stack[-1]
        if isinstance(module, (torch.nn.Conv2d, torch.nn.Linear)):
            self.leaf_macs[id(module)] = self.leaf_macs.get(id(module), 0) + macs
            return out
        k = self.used.get(id(module), 0)
        self.used[id(module)] = k + 1
        label, weighted = LABELS[type(module).__name__][k]
        params = 0
        if weighted:
            params = args[2].numel() + args[0].numel() if func is aten.addmm.default else args[1].numel()
        self.rows.append((f"{name}.{label}", *chw(out.shape), macs, params))
        return out


def count(model, res):
    counter = Counter()

    def pre(module, inputs):
        counter.stack.append((module, module._flopscope_name))
        counter.used.pop(id(module), None)

    def post(module, inputs, output):
        counter.stack.pop()
        if isinstance(module, (torch.nn.Conv2d, torch.nn.Linear)):
            assert output.shape[0] == 1
            params = sum(p.numel() for p in module.parameters(recurse=False))
            counter.rows.append((module._flopscope_name, *chw(output.shape[1:]), counter.leaf_macs.pop(id(module)),
                                 params))

    handles = []
    for name, module in model.named_modules():
        module._flopscope_name = name
        handles.append(module.register_forward_pre_hook(pre))
        handles.append(module.register_forward_hook(post))
    try:
        with counter:
            model(torch.zeros(1, 3, res, res, device="meta"))  # grad enabled: MHA takes its composite (not fused) path
    finally:
        for h in handles:
            h.remove()
    return counter.rows


def runs(model, res):
    try:
        with torch.no_grad():
            model(torch.zeros(1, 3, res, res))
        return True
    except (RuntimeError, AssertionError, ValueError):
        return False


def runs_built(name, res):
    try:
        model = build(name, res)
    except ValueError:  # MaxViT: "Input size ... of block ... is not divisible by partition size 7"
        return False
    return runs(model, res)


def min_resolution(name, model):
    if is_vit(name):
        # ViT is built for one image size, a multiple of its patch: the smallest is one patch.
        patch = model.patch_size
        assert runs(build(name, patch), patch) and not runs(build(name, patch), patch - 1)
        return patch
    res = 1
    while not (runs_built(name, res) if sized_at_build(name) else runs(model, res)):
        res += 1
        if res > 1024:
            raise SystemExit("no resolution up to 1024 works")
    return res


def published(path):
    ops = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            key, value = line.split()
            ops[key] = value
    return ops


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output",
                    default=os.path.join(here, "..", "tests", "data", "torchvision_reference_transformers.txt"))
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--published", default="/work/shared/data/torchvision-published-ops.tsv")
    args = ap.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    ops = published(args.published)

    out = [
        "# Flopscope reference counts of the transformer models; made by tools/torchvision_reference_transformers.py",
        f"# torch {torch.__version__}, torchvision {torchvision.__version__}; do not edit by hand",
        "# min MODEL MIN_RES | layer MODEL RES MODULE C H W MACS PARAMS | total MODEL RES MACS PARAMS LAYERS",
        "# weights MODEL WEIGHTS_ENUM CROP NUM_PARAMS GFLOPS: crop and num_params from torchvision 0.14's weights,",
        "#   GFLOPS = torchvision >= 0.15's published _ops (pytorch/vision PR 6936), as transcribed in",
        "#   torchvision-published-ops.tsv (from torchvision/models/*.py)",
    ]
    for name in args.models.split(","):
        for w in models.get_model_weights(name):
            out.append(f"weights {name} {w} {w.transforms().crop_size[0]} {w.meta['num_params']} {ops[str(w)]}")
        resolutions = MODELS[name]
        model = build(name, resolutions[0])
        out.append(f"default {name} {models.get_model_weights(name).DEFAULT.transforms().crop_size[0]}")
        out.append(f"min {name} {min_resolution(name, model)}")  # on the CPU: real shape checks
        for res in resolutions:
            if sized_at_build(name):
                model = build(name, res)
            params = sum(p.numel() for p in model.parameters())
            rows = count(model.to("meta"), res)
            for (mod, c, h, w, macs, p) in rows:
                out.append(f"layer {name} {res} {mod} {c} {h} {w} {macs} {p}")
            total = sum(r[4] for r in rows)
            out.append(f"total {name} {res} {total} {params} {len(rows)}")
            print(f"{name:20s} {res:4d}  {total:>15,d} MACs  {params:>12,d} params", file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
