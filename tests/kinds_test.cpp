// The layer kinds transformers need (core/layer.h): shapes, parameters and costs, each worked out here
// from the formulas, and a tiny ViT-like block built by hand and checked layer by layer.
#include "app/ui_logic.h"
#include "core/conventions.h"
#include "core/link.h"
#include "core/network.h"

#include <doctest/doctest.h>

#include <string>

using namespace flopscope;

namespace {

Layer kind(std::string name, LayerKind k, std::vector<int> inputs = {}) {
    Layer l;
    l.name = std::move(name);
    l.kind = k;
    l.inputs = std::move(inputs);
    return l;
}
// Reshape, Select and Param state their output c × h × w.
Layer shaped(std::string name, LayerKind k, std::int64_t c, std::int64_t h, std::int64_t w, std::vector<int> inputs = {}) {
    Layer l = kind(std::move(name), k, std::move(inputs));
    l.out_channels = c;
    l.out_h = h;
    l.out_w = w;
    return l;
}
Layer token_linear(std::string name, std::int64_t out, bool bias = true) {
    Layer l = kind(std::move(name), LayerKind::TokenLinear);
    l.out_channels = out;
    l.bias = bias;
    return l;
}
Layer activation(std::string name, ActivationKind a) {
    Layer l = kind(std::move(name), LayerKind::Activation);
    l.activation = a;
    return l;
}

// A ViT encoder block in miniature: 3×32×32 image, 8×8 patches (4×4 = 16 of them), D = 16 features,
// a class token (N = 17 tokens), 2 heads of d = 8, an MLP of 32. torchvision's ViT has the same layers:
// conv_proj, class_token, pos_embedding, ln_1, self_attention (in_proj, Q·Kᵀ, softmax, A·V, out_proj),
// the residual add, ln_2, mlp (Linear, GELU, Linear), the residual add.
Network tiny_vit() {
    Network net;
    net.name = "tiny_vit";
    net.input = Shape{3, 32, 32};
    net.layers = {
        make_conv("patch", 16, 8, 8, 0, 1, true),                     // 0: 16×4×4
        shaped("tokens", LayerKind::Reshape, 1, 16, 16),              // 1: flatten(2).transpose(1, 2): 1×16×16
        shaped("class_token", LayerKind::Param, 1, 1, 16),            // 2: 1×1×16
        kind("cat", LayerKind::Concat, {2, 1}),                       // 3: 1×17×16
        shaped("pos_embedding", LayerKind::Param, 1, 17, 16),         // 4: 1×17×16
        kind("add_pos", LayerKind::Add, {3, 4}),                      // 5
        kind("ln_1", LayerKind::LayerNorm),                           // 6
        token_linear("qkv", 48),                                      // 7: 1×17×48
        shaped("heads", LayerKind::Reshape, 6, 17, 8),                // 8: [3, heads, N, d] → 6×17×8
        shaped("q", LayerKind::Select, 2, 17, 8, {8}),                // 9: qkv[0]
        shaped("k", LayerKind::Select, 2, 17, 8, {8}),                // 10: qkv[1]
        shaped("v", LayerKind::Select, 2, 17, 8, {8}),                // 11: qkv[2]
        shaped("k_t", LayerKind::Reshape, 2, 8, 17, {10}),            // 12: k.transpose(-2, -1)
        kind("scores", LayerKind::MatMul, {9, 12}),                   // 13: 2×17×17
        activation("softmax", ActivationKind::Softmax),               // 14
        kind("attend", LayerKind::MatMul, {14, 11}),                  // 15: 2×17×8
        shaped("merge", LayerKind::Reshape, 1, 17, 16),               // 16: heads back into features
        token_linear("proj", 16),                                     // 17
        kind("residual_1", LayerKind::Add, {17, 5}),                  // 18
        kind("ln_2", LayerKind::LayerNorm),                           // 19
        token_linear("fc1", 32),                                      // 20: 1×17×32
        activation("gelu", ActivationKind::GELU),                     // 21
        token_linear("fc2", 16),                                      // 22
        kind("residual_2", LayerKind::Add, {22, 18}),                 // 23
    };
    return net;
}

} // namespace

TEST_CASE("kinds: a tiny ViT block, every layer's shape, params and MACs") {
    const Network net = tiny_vit();
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE_MESSAGE(ev.ok(), ev.error);
    REQUIRE(ev.layers.size() == 24);
    auto at = [&](int i) -> const LayerCost& { return ev.layers[static_cast<std::size_t>(i)]; };
    const std::uint64_t N = 17, D = 16, H = 2, d = 8, M = 32;

    // Patch embedding: a 8×8/8 conv, 3 → 16, with bias.
    CHECK(at(0).out == Shape{16, 4, 4});
    CHECK(at(0).macs.value == 16ull * 4 * 4 * (8 * 8 * 3));
    CHECK(at(0).params.value == 8ull * 8 * 3 * 16 + 16);
    // Tokens: the same 256 elements as 16 tokens of 16 features; nothing computed.
    CHECK(at(1).out == Shape{1, 16, 16});
    CHECK(at(1).macs.value == 0);
    CHECK(at(1).params.value == 0);
    // Class token: D parameters; concatenated in front of the tokens along h.
    CHECK(at(2).out == Shape{1, 1, 16});
    CHECK(at(2).params.value == D);
    CHECK(at(2).input_elements.value == 0);  // a Param reads nothing
    CHECK(at(2).output_elements.value == 0);  // ... and writes nothing: a stored weight, not an activation
    CHECK(at(4).output_elements.value == 0);
    // The activations are the other layers' outputs only: the total skips both Params' 16 + 17·16.
    std::uint64_t written = 0;
    for (int i = 0; i < 24; ++i)
        if (i != 2 && i != 4) written += at(i).out.elements().value;
    CHECK(ev.totals.activation_elements.value == written);
    CHECK(at(3).out == Shape{1, 17, 16});
    CHECK(at(3).params.value == 0);
    // Position embedding: N·D parameters, one add per element.
    CHECK(at(4).params.value == N * D);
    CHECK(at(5).out == Shape{1, 17, 16});
    CHECK(at(5).elementwise_ops.value == N * D);
    // LayerNorm over the last dimension: 2·D parameters, 5 ops per element.
    CHECK(at(6).out == Shape{1, 17, 16});
    CHECK(at(6).params.value == 2 * D);
    CHECK(at(6).batchnorm_ops.value == 5 * N * D);
    // qkv projection on every token: N·D·3D MACs; 3D·D weights + 3D biases.
    CHECK(at(7).out == Shape{1, 17, 48});
    CHECK(at(7).macs.value == N * D * 3 * D);
    CHECK(at(7).params.value == D * 3 * D + 3 * D);
    CHECK(at(7).bias_ops.value == N * 3 * D);
    // Split into heads and chunks: all free.
    CHECK(at(8).out == Shape{6, 17, 8});
    for (int i : {9, 10, 11}) {
        CHECK(at(i).out == Shape{2, 17, 8});
        CHECK(at(i).macs.value == 0);
    }
    CHECK(at(12).out == Shape{2, 8, 17});
    // Q·Kᵀ per head: [H, N, d] · [H, d, N] → [H, N, N], H·N·d·N MACs.
    CHECK(at(13).out == Shape{2, 17, 17});
    CHECK(at(13).macs.value == H * N * d * N);
    CHECK(at(13).params.value == 0);
    // Softmax over the keys: one op per score.
    CHECK(at(14).out == Shape{2, 17, 17});
    CHECK(at(14).activation_ops.value == H * N * N);
    // A·V: [H, N, N] · [H, N, d] → [H, N, d], H·N·N·d MACs.
    CHECK(at(15).out == Shape{2, 17, 8});
    CHECK(at(15).macs.value == H * N * N * d);
    CHECK(at(16).out == Shape{1, 17, 16});
    // Output projection D → D.
    CHECK(at(17).macs.value == N * D * D);
    CHECK(at(17).params.value == D * D + D);
    CHECK(at(18).elementwise_ops.value == N * D);
    CHECK(at(19).params.value == 2 * D);
    // MLP: D → M → D, GELU between.
    CHECK(at(20).out == Shape{1, 17, 32});
    CHECK(at(20).macs.value == N * D * M);
    CHECK(at(20).params.value == D * M + M);
    CHECK(at(21).activation_ops.value == N * M);
    CHECK(at(22).out == Shape{1, 17, 16});
    CHECK(at(22).macs.value == N * M * D);
    CHECK(at(22).params.value == M * D + D);
    CHECK(at(23).out == Shape{1, 17, 16});

    // torchvision's convention: every matrix product once, nothing element-wise.
    const std::uint64_t macs = 16ull * 4 * 4 * 192 + N * D * 3 * D + H * N * d * N + H * N * N * d + N * D * D +
                               N * D * M + N * M * D;
    CHECK(macs == 93216);
    CHECK(ev.totals.macs.value == macs);
    CHECK(ev.totals.dense_macs.value == macs);
    CHECK(ev.totals.flops.value == 2 * macs);
    // Parameters as torchvision's VisionTransformer has them: conv_proj, class_token, pos_embedding, ln_1,
    // in_proj, out_proj, ln_2, mlp.
    const std::uint64_t params = (3 * 64 * 16 + 16) + D + N * D + 2 * D + (3 * D * D + 3 * D) + (D * D + D) +
                                 2 * D + (D * M + M) + (M * D + D);
    CHECK(params == 5600);
    CHECK(ev.totals.params.value == params);

    // Every switch on: biases, layer norms (5 per element), softmax and GELU, the three adds.
    Counting all;
    all.bias = all.batchnorm = all.activations = all.pooling = all.elementwise = true;
    const Evaluation every = evaluate(net, all);
    REQUIRE(every.ok());
    const std::uint64_t bias = 16 * 16 + N * 3 * D + N * D + N * M + N * D;
    const std::uint64_t norm = 2 * 5 * N * D;
    const std::uint64_t act = H * N * N + N * M;
    const std::uint64_t elt = 3 * N * D;
    CHECK(every.totals.macs.value == macs + bias + norm + act + elt);
}

TEST_CASE("kinds: ConvNeXt's LayerNorm2d and layer scale, Swin's channels-last linear") {
    Network net;
    net.input = Shape{8, 5, 7};
    net.layers = {kind("norm", LayerKind::LayerNorm2d),               // 0: over c at every h, w
                  shaped("gamma", LayerKind::Param, 8, 1, 1),         // 1: layer scale, one per channel
                  kind("scale", LayerKind::Mul, {0, 1}),              // 2
                  shaped("nhwc", LayerKind::Reshape, 5, 7, 8, {2}),   // 3: permute(0, 2, 3, 1)
                  token_linear("pwconv1", 32),                        // 4: 5×7×32
                  kind("ln", LayerKind::LayerNorm)};                  // 5: over the 32 features
    const Evaluation ev = evaluate(net, Counting{});
    REQUIRE_MESSAGE(ev.ok(), ev.error);
    CHECK(ev.layers[0].out == Shape{8, 5, 7});
    CHECK(ev.layers[0].params.value == 2 * 8);
    CHECK(ev.layers[0].batchnorm_ops.value == 5ull * 8 * 5 * 7);
    CHECK(ev.layers[1].params.value == 8);
    CHECK(ev.layers[2].out == Shape{8, 5, 7});
    CHECK(ev.layers[2].elementwise_ops.value == 8ull * 5 * 7);
    CHECK(ev.layers[4].out == Shape{5, 7, 32});
    CHECK(ev.layers[4].macs.value == 5ull * 7 * 8 * 32);
    CHECK(ev.layers[4].params.value == 8ull * 32 + 32);
    CHECK(ev.layers[5].params.value == 2 * 32);
    CHECK(ev.layers[5].batchnorm_ops.value == 5ull * 5 * 7 * 32);
    CHECK(ev.totals.macs.value == 5ull * 7 * 8 * 32);  // only the linear layer under torchvision's convention
}

TEST_CASE("kinds: MatMul broadcasts a batch of 1 and names what does not fit") {
    Network net;
    net.input = Shape{5, 3, 2};  // B: 5 matrices 3×2
    net.layers = {shaped("a", LayerKind::Param, 1, 4, 3), kind("ab", LayerKind::MatMul, {0, kNetworkInput})};
    Evaluation ev = evaluate(net, Counting{});
    REQUIRE_MESSAGE(ev.ok(), ev.error);
    CHECK(ev.layers[1].out == Shape{5, 4, 2});
    CHECK(ev.layers[1].macs.value == 5ull * 4 * 3 * 2);

    net.layers[0].out_w = 4;  // A is now 4×4: K = 4 is not B's 3 rows
    ev = evaluate(net, Counting{});
    CHECK(ev.error == "layer 2 \"ab\": cannot multiply 1×4×4 by 5×3×2: A's last dimension 4 is not B's rows 3");
    net.layers[0] = shaped("a", LayerKind::Param, 2, 4, 3);
    ev = evaluate(net, Counting{});
    CHECK(ev.error == "layer 2 \"ab\": cannot multiply 2×4×3 by 5×3×2: batches 2 and 5 differ");
    net.layers[1].inputs = {0};
    ev = evaluate(net, Counting{});
    CHECK(ev.error == "layer 2 \"ab\": matmul takes two inputs (A · B), not 1");
}

TEST_CASE("kinds: reshape keeps the element count, param reads no input, broadcasting") {
    Network net;
    net.input = Shape{4, 6, 6};
    net.layers = {shaped("r", LayerKind::Reshape, 1, 36, 5)};
    Evaluation ev = evaluate(net, Counting{});
    CHECK(ev.error == "layer 1 \"r\": cannot reshape 4×6×6 (144 elements) to 1×36×5 (180)");
    net.layers = {shaped("r", LayerKind::Reshape, 0, 36, 4)};
    ev = evaluate(net, Counting{});
    CHECK(ev.error == "layer 1 \"r\": output channels 0 must be at least 1");

    net.layers = {shaped("p", LayerKind::Param, 4, 1, 1, {kNetworkInput})};
    ev = evaluate(net, Counting{});
    CHECK(ev.error == "layer 1 \"p\": param reads no input");

    // Add broadcasts a 1×6×6 map over 4 channels; a 4×3×3 map does not fit 4×6×6.
    net.layers = {shaped("p", LayerKind::Param, 1, 6, 6), kind("add", LayerKind::Add, {kNetworkInput, 0})};
    ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    CHECK(ev.layers[1].out == Shape{4, 6, 6});
    CHECK(ev.layers[1].elementwise_ops.value == 4ull * 6 * 6);
    net.layers[0] = shaped("p", LayerKind::Param, 4, 3, 3);
    ev = evaluate(net, Counting{});
    CHECK(ev.error == "layer 2 \"add\": cannot add 4×3×3 and 4×6×6 (shapes differ)");

    // Concat along w when c and h agree.
    net.layers = {shaped("p", LayerKind::Param, 4, 6, 2), kind("cat", LayerKind::Concat, {kNetworkInput, 0})};
    ev = evaluate(net, Counting{});
    REQUIRE(ev.ok());
    CHECK(ev.layers[1].out == Shape{4, 6, 8});
}

TEST_CASE("kinds: what the peer conventions count for layer norm, softmax and matmul") {
    const Network net = tiny_vit();
    const std::uint64_t N = 17, D = 16, H = 2;
    const std::uint64_t macs = 93216;
    auto totals = [&](const char* name) {
        const Evaluation ev = evaluate(net, find_convention(name)->counting);
        REQUIRE(ev.ok());
        return ev.totals;
    };
    // fvcore: matmul counted, layer norm 5 per element (batch-norm class), softmax, GELU and adds zero.
    CHECK(totals("fvcore").macs.value == macs + 2 * 5 * N * D);
    // thop: its normalization rule, 4 per element, applies to layer norm too.
    CHECK(totals("thop").macs.value == macs + 2 * 4 * N * D);
    // torchinfo: each layer norm's 2·D parameters once; the biases once per output element
    // (conv: 16 per position × 16 positions; token linears: per token).
    const std::uint64_t bias = 16 * 16 + N * 3 * D + N * D + N * 32 + N * D;
    CHECK(totals("torchinfo").macs.value == macs + bias + 2 * 2 * D);
    // calflops: 2 FLOPs per MAC, conv bias, layer norm 5, softmax and GELU 1 per element; no linear bias.
    CHECK(totals("calflops").flops.value == 2 * macs + 16 * 16 + 2 * 5 * N * D + H * N * N + N * 32);
    CHECK(totals("calflops-macs").macs.value == macs);
    // ptflops: softmax is not among its activations; GELU is.
    CHECK(totals("ptflops").macs.value == macs + bias + 2 * 5 * N * D + N * 32);
}

TEST_CASE("kinds: custom networks with the new kinds round-trip through a link") {
    const Network net = tiny_vit();
    const std::string text = encode_layer_list(net.layers);
    CHECK(text.find("class_token:W.c1.o1x16") != std::string::npos);
    CHECK(text.find("scores:X.f10/13") != std::string::npos);
    CHECK(text.find("softmax:A.softmax") != std::string::npos);
    CHECK(text.find("ln_1:N") != std::string::npos);
    CHECK(text.find("qkv:T.c48.b") != std::string::npos);
    CHECK(text.find("q:G.c2.o17x8.f9") != std::string::npos);
    std::vector<Layer> back;
    CHECK(decode_layer_list(text, back).problems.empty());
    CHECK(back == net.layers);
    CHECK(decode_layer_list("n:O", back).problems.empty());
    REQUIRE(back.size() == 1);
    CHECK(back[0].kind == LayerKind::LayerNorm2d);
    CHECK(decode_layer_list("r:R.c1.o4x4", back).problems.empty());
    CHECK(back[0].kind == LayerKind::Reshape);
}

TEST_CASE("kinds: every kind has a name, a table text, and parses back") {
    for (int k = 0; k < kLayerKindCount; ++k) {
        const LayerKind kind = static_cast<LayerKind>(k);
        LayerKind parsed{};
        CHECK(parse_kind(kind_name(kind), parsed));
        CHECK(parsed == kind);
        Layer l;
        l.kind = kind;
        CHECK_FALSE(layer_kind_text(l).empty());
    }
    ActivationKind a{};
    CHECK(parse_activation("softmax", a));
    CHECK(a == ActivationKind::Softmax);
    Layer r = shaped("r", LayerKind::Reshape, 1, 2, 3);
    CHECK(app::field_applies(r, app::LayerField::OutChannels));
    CHECK(app::field_applies(r, app::LayerField::OutH));
    CHECK_FALSE(app::field_applies(r, app::LayerField::Kernel));
    CHECK(app::field_applies(token_linear("t", 4), app::LayerField::OutChannels));
    CHECK(layer_kind_text(token_linear("t", 4)) == "linear per token +b");
}
