// Flopscope core — multi-head self-attention (see attention.h).
#include "core/zoo/attention.h"

namespace flopscope::zoo {

int self_attention(NetBuilder& b, const std::string& p, const Attention& a, int input,
                   const std::function<int(int)>& on_scores) {
    const std::int64_t batch = a.groups * a.heads, d = a.dim / a.heads;
    const std::int64_t lead = a.grouped ? a.groups : 1, rows = a.grouped ? a.tokens : a.groups * a.tokens;
    const int qkv = b.token_linear(p + "." + a.in_proj, 3 * a.dim, a.qkv_bias, input);
    // chunk / unflatten into q, k, v, then view and transpose into heads: no computation.
    b.select(p + ".q", lead, rows, a.dim, qkv);
    const int q = b.reshape(p + ".q_heads", batch, a.tokens, d);
    b.select(p + ".k", lead, rows, a.dim, qkv);
    const int k_t = b.reshape(p + ".k_heads_t", batch, d, a.tokens);
    b.select(p + ".v", lead, rows, a.dim, qkv);
    const int v = b.reshape(p + ".v_heads", batch, a.tokens, d);
    int scores = b.matmul(p + ".scores", q, k_t);
    if (on_scores) scores = on_scores(scores);
    const int attn = b.activation(p + ".softmax", ActivationKind::Softmax, scores);
    b.matmul(p + ".context", attn, v);
    b.reshape(p + ".merge_heads", lead, rows, a.dim);
    return b.token_linear(p + "." + a.out_proj, a.dim);
}

} // namespace flopscope::zoo
