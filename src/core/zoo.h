// Flopscope core — the model zoo: built-in networks at any input resolution, and the builder the zoo
// (and tests) use to write networks down.
#pragma once

#include "core/network.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Zoo
//-----------------------------------------------------------------------------

struct ModelInfo {
    const char* name;         // as torchvision spells it, e.g. "resnet18"
    const char* family;       // e.g. "ResNet", used to group the UI's picker
    const char* description;  // one line
    std::int64_t default_resolution;  // 224 for the ImageNet models
    std::int64_t min_resolution;      // smallest square input the architecture accepts
    // When the model is a part of a larger network (the seed's 13 layers are a prefix of resnet18):
    // that network's name, else nullptr.
    const char* part_of;
    Network (*build)(std::int64_t height, std::int64_t width);
    // Height and width must be multiples of it (ViT: its patch size, as torchvision asserts).
    std::int64_t side_multiple = 1;
    // A rule on height × width beyond the range and side_multiple (MaxViT's window and grid partitions):
    // why the model refuses them, or an empty string.
    std::string (*refuses)(std::int64_t height, std::int64_t width) = nullptr;
};

const std::vector<ModelInfo>& model_zoo();
const ModelInfo* find_model(std::string_view name);

// Why model `m` refuses a height × width input (outside [min_resolution, kMaxSpatial], not a multiple of
// side_multiple, or what `refuses` says), or "" when it accepts it.
std::string input_refusal(const ModelInfo& m, std::int64_t height, std::int64_t width);

// Builds a zoo model at height × width. Returns false with a message for an unknown name or a
// resolution outside [min_resolution, kMaxSpatial], not a multiple of side_multiple or that refuses says why.
bool build_model(std::string_view name, std::int64_t height, std::int64_t width, Network& out, std::string& error);

//-----------------------------------------------------------------------------
// [SECTION] Builder
//-----------------------------------------------------------------------------

// Appends layers one after another; each call returns the new layer's index. `from` names the input
// layer (default: the last one added; kNetworkInput for the network input).
class NetBuilder {
public:
    static constexpr int kLast = -2;

    NetBuilder(std::string name, Shape input);

    int conv(std::string name, std::int64_t out_channels, std::int64_t kernel, std::int64_t stride = 1,
             std::int64_t pad = -1 /* -1: kernel/2 (same) */, std::int64_t groups = 1, bool bias = false,
             int from = kLast, std::int64_t dilation = 1);
    int batchnorm(std::string name, int from = kLast);
    int activation(std::string name, ActivationKind kind, int from = kLast);
    int max_pool(std::string name, std::int64_t kernel, std::int64_t stride, std::int64_t pad = 0,
                 bool ceil_mode = false, int from = kLast);
    int avg_pool(std::string name, std::int64_t kernel, std::int64_t stride, std::int64_t pad = 0,
                 bool ceil_mode = false, int from = kLast);
    int adaptive_avg_pool(std::string name, std::int64_t out_h = 1, std::int64_t out_w = 1, int from = kLast);
    int adaptive_max_pool(std::string name, std::int64_t out_h = 1, std::int64_t out_w = 1, int from = kLast);
    int add(std::string name, std::initializer_list<int> inputs);
    int mul(std::string name, std::initializer_list<int> inputs);
    int concat(std::string name, std::vector<int> inputs);
    int flatten(std::string name, int from = kLast);
    int linear(std::string name, std::int64_t out_features, bool bias = true, int from = kLast);
    // Transformer kinds (core/layer.h): token tensors are 1 × N × D, attention heads × N × d.
    int layernorm(std::string name, int from = kLast);
    int layernorm2d(std::string name, int from = kLast);
    int token_linear(std::string name, std::int64_t out_features, bool bias = true, int from = kLast);
    int matmul(std::string name, int a, int b);
    // Reshape (a view or permute), Select (a slice, gather or expand) and Param (a learned tensor) state
    // the shape c × h × w they produce.
    int reshape(std::string name, std::int64_t c, std::int64_t h, std::int64_t w, int from = kLast);
    int select(std::string name, std::int64_t c, std::int64_t h, std::int64_t w, int from = kLast);
    int param(std::string name, std::int64_t c, std::int64_t h, std::int64_t w);
    int push(Layer layer, int from = kLast);  // any layer, its inputs set from `from` unless already set

    // conv → batchnorm → activation, named prefix + ".0", ".1", ".2" unless names are given (torchvision's
    // Conv2dNormActivation). Returns the index of the last layer.
    int conv_bn_act(const std::string& prefix, std::int64_t out_channels, std::int64_t kernel,
                    std::int64_t stride, std::int64_t groups, ActivationKind act, bool with_act = true,
                    int from = kLast);

    int last() const { return static_cast<int>(net_.layers.size()) - 1; }
    // Output channels of layer i, tracked while building (so builders can size later layers).
    std::int64_t channels(int i) const;
    Network take() { return std::move(net_); }

private:
    Network net_;
    std::vector<std::int64_t> channels_;
    int resolve(int from) const;
};

} // namespace flopscope
