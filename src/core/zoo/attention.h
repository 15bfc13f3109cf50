// Flopscope core — multi-head self-attention, shared by ViT, Swin and MaxViT: the projections, Q·Kᵀ
// and A·V as torch runs them (F.multi_head_attention_forward, Swin's shifted_window_attention).
#pragma once

#include "core/zoo.h"

#include <cstdint>
#include <functional>
#include <string>

namespace flopscope::zoo {

struct Attention {
    std::int64_t groups = 1;  // independent sequences (Swin's windows), each of `tokens` tokens
    std::int64_t tokens = 0, dim = 0, heads = 1;
    const char* in_proj = "in_proj";    // name of the fused q, k, v projection (Swin: "qkv")
    const char* out_proj = "out_proj";  // name of the output projection (Swin: "proj")
    bool qkv_bias = true;
    // The token tensor's layout: false, 1 × (groups·tokens) × dim (the rows torch's F.linear multiplies:
    // ViT, Swin); true, groups × tokens × dim (MaxViT's nn.Linear on [B, G, P, D]).
    bool grouped = false;
};

// Self-attention on layer `input`, a token tensor (see Attention::grouped), under `prefix`: in_proj
// (dim → 3·dim), q, k, v split into heads ((groups·heads) × tokens × dim/heads; kᵀ as (groups·heads) × dim/heads × tokens), prefix.scores =
// q·kᵀ, then `on_scores` (Swin's position bias, may be empty), softmax, prefix.context = A·v, the heads
// merged back and out_proj. Returns out_proj's index (the input's shape).
int self_attention(NetBuilder& b, const std::string& prefix, const Attention& a, int input,
                   const std::function<int(int scores)>& on_scores = {});

} // namespace flopscope::zoo
