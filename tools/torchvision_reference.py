#!/usr/bin/env python3
"""Recount Flopscope's built-in models from torchvision's own definitions.

Writes tests/data/torchvision_reference.txt, which tests/zoo_test.cpp compares against layer by layer
(the doctest suite itself never needs torch). Needs torch and torchvision; the reference was made with
Debian 12's python3-torch 1.13.1 and python3-torchvision 0.14.1:

    apt-get install -y python3-torchvision
    /usr/bin/python3 tools/torchvision_reference.py            # writes tests/data/torchvision_reference.txt
    /usr/bin/python3 tools/torchvision_reference.py -o FILE --models resnet18,alexnet --res 224,97
    /usr/bin/python3 tools/torchvision_reference.py --published ../shared/data/torchvision-published-ops.tsv
                                                      # writes tests/data/torchvision_published.txt

How it counts (torchvision's convention, the one its documentation's "GFLOPS" column uses):
  * a forward hook on every Conv2d and Linear leaf module records, in execution order, the module's name
    (torchvision's module path, e.g. features.0.0), its output shape (C H W of one sample) and
      MACs   = output elements x (input channels / groups) x kernel height x kernel width   (Conv2d)
      MACs   = input features x output features                                           (Linear)
      params = weight.numel() + bias.numel()
    bias additions are not counted as MACs;
  * the model's totals are the sum of those MACs, and params = sum(p.numel() for p in model.parameters())
    (which includes batch-norm scale and shift);
  * all forward passes run on the meta device (shapes only, the same shape checks as real tensors);
  * min_resolution is the smallest square input (searched upwards from 1) on which the model's eval-mode
    forward pass runs, checked to keep working for the next 64 sizes.

Line format (space-separated, '#' starts a comment):
  min   MODEL MIN_RESOLUTION
  layer MODEL RES MODULE C H W MACS PARAMS
  total MODEL RES MACS PARAMS CONV_LINEAR_LAYERS
  default MODEL CROP                         (the eval crop of the model's DEFAULT weights)
  regnet MODEL WIDTHS DEPTHS GROUP_WIDTHS    (per stage, as the built model has them, comma-separated)
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
    # Added with the rest of torchvision 0.14's convolutional classifiers (issue 15):
    "resnext101_32x8d", "resnext101_64x4d", "wide_resnet101_2", "densenet161", "densenet201", "inception_v3",
    "shufflenet_v2_x0_5", "shufflenet_v2_x1_5", "shufflenet_v2_x2_0", "mnasnet0_5", "mnasnet0_75", "mnasnet1_3",
    "efficientnet_b1", "efficientnet_b2", "efficientnet_b3", "efficientnet_b4", "efficientnet_b5",
    "efficientnet_b6", "efficientnet_b7", "efficientnet_v2_s", "efficientnet_v2_m", "efficientnet_v2_l",
    "regnet_y_800mf", "regnet_y_1_6gf", "regnet_y_3_2gf", "regnet_y_8gf", "regnet_y_16gf", "regnet_y_32gf",
    "regnet_y_128gf", "regnet_x_400mf", "regnet_x_800mf", "regnet_x_1_6gf", "regnet_x_3_2gf", "regnet_x_8gf",
    "regnet_x_16gf", "regnet_x_32gf",
]
# The first 28 models are checked at these; the later ones at their default crop and two others.
RESOLUTIONS = [224, 160, 320, 193]
LATER_RESOLUTIONS = [224, 193]


def default_crop(name):
    """The evaluation crop of the model's DEFAULT weights (weights.transforms().crop_size)."""
    return models.get_model_weights(name).DEFAULT.transforms().crop_size[0]


def resolutions_of(name, override):
    if override:
        return override
    if name in MODELS[:28]:
        return RESOLUTIONS
    crop = default_crop(name)
    return [crop] + [r for r in LATER_RESOLUTIONS if r != crop][:1] + ([160] if crop == 224 else [193])


def _no_init(tensor, *args, **kwargs):
    return tensor


def build(name):
    """The model in eval mode, its parameters left uninitialised: their values change no shape or count,
    and initialising RegNetY-128GF's 645 M parameters would take most of the run."""
    kwargs = {"weights": None}
    if name in ("googlenet", "inception_v3"):
        # Eval mode never runs the auxiliary heads, so they add no rows. Their parameters count as the
        # published weights hold them: googlenet's weights drop aux1/aux2 (6.6 M), inception_v3's keep
        # AuxLogits (num_params 27,161,264; the zoo holds it as training-only Param layers).
        # transform_input only rescales the input (no MACs).
        kwargs.update(aux_logits=name == "inception_v3", init_weights=False)
    inits = ("normal_", "uniform_", "trunc_normal_", "kaiming_normal_", "kaiming_uniform_", "xavier_uniform_",
             "constant_", "zeros_", "ones_")
    saved = {f: getattr(torch.nn.init, f) for f in inits}
    try:
        for f in inits:
            setattr(torch.nn.init, f, _no_init)
        model = getattr(models, name)(**kwargs)
    finally:
        for f, fn in saved.items():
            setattr(torch.nn.init, f, fn)
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
            model(torch.zeros(1, 3, res, res, device=next(model.parameters()).device))
    finally:
        for h in handles:
            h.remove()
    return rows


def runs(model, res):
    try:
        with torch.no_grad():
            model(torch.zeros(1, 3, res, res, device=next(model.parameters()).device))
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


TRANSFORMERS = ("vit_", "swin_", "convnext_", "maxvit_")


def write_published(ops_tsv, output):
    """tests/data/torchvision_published.txt: for every weights entry of the convolutional builders, its
    eval crop and num_params (torchvision 0.14's weights metadata) and its published GFLOPS (the "_ops"
    of torchvision >= 0.15, read from ops_tsv: ../shared/data/torchvision-published-ops.tsv)."""
    published = {}
    with open(ops_tsv) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            enum, ops = line.split()
            published[enum] = ops
    out = [
        "# torchvision's published figures for every weights entry of its convolutional classifiers.",
        "# CROP and NUM_PARAMS: weights.transforms().crop_size and weights.meta['num_params'] in torchvision "
        f"{torchvision.__version__};",
        "# GFLOPS: the weights' '_ops' as published by torchvision >= 0.15 (pytorch/vision PR 6936), copied",
        "# from torchvision-published-ops.tsv (transcribed from torchvision/models/*.py). Made by",
        "# tools/torchvision_reference.py --published; do not edit by hand.",
        "# weights MODEL WEIGHTS_ENUM CROP NUM_PARAMS GFLOPS",
    ]
    for name in models.list_models(module=models):
        if name.startswith(TRANSFORMERS):
            continue
        for w in models.get_model_weights(name):
            enum = f"{w.__class__.__name__}.{w.name}"
            out.append(f"weights {name} {enum} {w.transforms().crop_size[0]} {w.meta['num_params']} {published[enum]}")
    with open(output, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default=os.path.join(here, "..", "tests", "data", "torchvision_reference.txt"))
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--res", default="", help="comma-separated; default: per model (see resolutions_of)")
    ap.add_argument("--published", metavar="OPS_TSV",
                    help="write tests/data/torchvision_published.txt (or -o) from this table of published GFLOPS")
    args = ap.parse_args()
    if args.published:
        default = os.path.join(here, "..", "tests", "data", "torchvision_published.txt")
        write_published(args.published, default if "-o" not in sys.argv and "--output" not in sys.argv else args.output)
        return
    names = args.models.split(",")
    override = [int(r) for r in args.res.split(",")] if args.res else []
    torch.manual_seed(0)
    torch.set_num_threads(max(1, os.cpu_count() or 1))

    out = [
        "# Flopscope reference counts from torchvision's definitions; made by tools/torchvision_reference.py",
        f"# torch {torch.__version__}, torchvision {torchvision.__version__}; do not edit by hand",
        "# min MODEL MIN_RES | layer MODEL RES MODULE C H W MACS PARAMS | total MODEL RES MACS PARAMS LAYERS",
    ]
    regnet_lines = []  # written before the models' lines
    for name in names:
        model = build(name)
        if name.startswith("regnet_"):
            # The stage parameters torchvision computes, recorded from the built model itself.
            widths, depths, groups = [], [], []
            for stage in model.trunk_output:
                blocks = list(stage.children())
                widths.append(blocks[0].f.c[0].out_channels)
                depths.append(len(blocks))
                groups.append(blocks[0].f.b[0].out_channels // blocks[0].f.b[0].groups)
            regnet_lines.append(f"regnet {name} " +
                                " ".join(",".join(str(v) for v in xs) for xs in (widths, depths, groups)))
        params = sum(p.numel() for p in model.parameters())
        # Shapes and counts need no arithmetic: every pass runs on the meta device (PyTorch's shape rules
        # and checks, no data), which keeps the 600-pixel EfficientNet-B7 and RegNetY-128GF quick. The
        # first 28 models' lines, made earlier with real tensors, are identical either way.
        model = model.to("meta")
        mr = min_resolution(model)
        out.append(f"min {name} {mr}")
        out.append(f"default {name} {default_crop(name)}")
        for res in resolutions_of(name, override):
            rows = count(model, res)
            for (mod, c, h, w, macs, p) in rows:
                out.append(f"layer {name} {res} {mod} {c} {h} {w} {macs} {p}")
            total = sum(r[4] for r in rows)
            out.append(f"total {name} {res} {total} {params} {len(rows)}")
            print(f"{name:20s} {res:4d}  {total:>15,d} MACs  {params:>12,d} params  min {mr}", file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    out[3:3] = regnet_lines
    with open(args.output, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
