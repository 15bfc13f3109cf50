#!/usr/bin/env python3
"""Recount Flopscope's built-in models from torchvision's own definitions.

Writes tests/data/torchvision_reference.txt, which tests/zoo_test.cpp compares against layer by layer
(the doctest suite itself never needs torch). Needs torch and torchvision; the reference was made with
Debian 12's python3-torch 1.13.1 and python3-torchvision 0.14.1:

    apt-get install -y python3-torchvision
    /usr/bin/python3 tools/torchvision_reference.py            # writes tests/data/torchvision_reference.txt
    /usr/bin/python3 tools/torchvision_reference.py -o FILE --models resnet18,alexnet --res 224,97

How it counts (torchvision's convention, the one its documentation's "GFLOPS" column uses):
  * a forward hook on every Conv2d and Linear leaf module records, in execution order, the module's name
    (torchvision's module path, e.g. features.0.0), its output shape (C H W of one sample) and
      MACs   = output elements x (input channels / groups) x kernel height x kernel width   (Conv2d)
      MACs   = input features x output features                                           (Linear)
      params = weight.numel() + bias.numel()
    bias additions are not counted as MACs;
  * the model's totals are the sum of those MACs, and params = sum(p.numel() for p in model.parameters())
    (which includes batch-norm scale and shift);
  * min_resolution is the smallest square input (searched upwards from 1) on which the model's eval-mode
    forward pass runs, checked to keep working for the next 64 sizes.

Line format (space-separated, '#' starts a comment):
  min   MODEL MIN_RESOLUTION
  layer MODEL RES MODULE C H W MACS PARAMS
  total MODEL RES MACS PARAMS CONV_LINEAR_LAYERS
  regnet MODEL WIDTHS DEPTHS GROUP_WIDTHS    (BlockParams.from_init_params, comma-separated)
"""
import argparse
import os
import sys

import torch
import torchvision
from torchvision import models

# Flopscope's built-in zoo, in its registration order (resnet18_seed is Flopscope's own, not torchvision's).
MODELS = [
    "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "resnext50_32x4d", "wide_resnet50_2",
    "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn",
    "alexnet", "squeezenet1_0", "squeezenet1_1", "densenet121", "densenet169", "googlenet",
    "mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small", "shufflenet_v2_x1_0", "mnasnet1_0",
    "efficientnet_b0", "regnet_y_400mf",
]
RESOLUTIONS = [224, 160, 320, 193]


def build(name):
    kwargs = {"weights": None}
    if name == "googlenet":
        # Eval mode never runs the auxiliary heads; without them the parameters match torchvision's
        # published 6.6 M. transform_input only rescales the input (no MACs).
        kwargs.update(aux_logits=False, init_weights=False)
    model = getattr(models, name)(**kwargs)
    model.eval()
    return model


def count(model, res):
    rows = []

    def hook(module, inputs, output):
        name = module._flopscope_name
        if isinstance(module, torch.nn.Conv2d):
            n, c, h, w = output.shape
            kh, kw = module.kernel_size
            macs = c * h * w * (module.in_channels // module.groups) * kh * kw
        else:
            n, c = output.shape
            h = w = 1
            macs = module.in_features * module.out_features
        assert n == 1
        params = sum(p.numel() for p in module.parameters(recurse=False))
        rows.append((name, c, h, w, macs, params))

    handles = []
    for name, module in model.named_modules():
        if isinstance(module, (torch.nn.Conv2d, torch.nn.Linear)):
            module._flopscope_name = name
            handles.append(module.register_forward_hook(hook))
    try:
        with torch.no_grad():
            model(torch.zeros(1, 3, res, res))
    finally:
        for h in handles:
            h.remove()
    return rows


def runs(model, res):
    try:
        with torch.no_grad():
            model(torch.zeros(1, 3, res, res))
        return True
    except RuntimeError:
        return False


def min_resolution(model):
    res = 1
    while not runs(model, res):
        res += 1
        if res > 512:
            raise SystemExit("no resolution up to 512 works")
    for r in range(res + 1, res + 65):
        if not runs(model, r):
            raise SystemExit(f"resolution {r} fails although {res} works")
    return res


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default=os.path.join(here, "..", "tests", "data", "torchvision_reference.txt"))
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--res", default=",".join(map(str, RESOLUTIONS)))
    args = ap.parse_args()
    names = args.models.split(",")
    resolutions = [int(r) for r in args.res.split(",")]
    torch.manual_seed(0)
    torch.set_num_threads(max(1, os.cpu_count() or 1))

    out = [
        "# Flopscope reference counts from torchvision's definitions; made by tools/torchvision_reference.py",
        f"# torch {torch.__version__}, torchvision {torchvision.__version__}; do not edit by hand",
        "# min MODEL MIN_RES | layer MODEL RES MODULE C H W MACS PARAMS | total MODEL RES MACS PARAMS LAYERS",
    ]
    from torchvision.models.regnet import BlockParams
    bp = BlockParams.from_init_params(depth=16, w_0=48, w_a=27.89, w_m=2.09, group_width=8, se_ratio=0.25)
    out.append("regnet regnet_y_400mf " + " ".join(",".join(str(v) for v in xs) for xs in
                                                   (bp.widths, bp.depths, bp.group_widths)))
    for name in names:
        model = build(name)
        params = sum(p.numel() for p in model.parameters())
        mr = min_resolution(model)
        out.append(f"min {name} {mr}")
        for res in resolutions:
            rows = count(model, res)
            for (mod, c, h, w, macs, p) in rows:
                out.append(f"layer {name} {res} {mod} {c} {h} {w} {macs} {p}")
            total = sum(r[4] for r in rows)
            out.append(f"total {name} {res} {total} {params} {len(rows)}")
            print(f"{name:20s} {res:4d}  {total:>15,d} MACs  {params:>12,d} params  min {mr}", file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
