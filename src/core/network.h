// Flopscope core — networks: an ordered list of layers with shape inference and totals.
#pragma once

#include "core/counting.h"
#include "core/layer.h"

#include <string>
#include <vector>

namespace flopscope {

struct Network {
    std::string name;          // zoo name, or "custom"
    Shape input{3, 224, 224};  // one sample, C × H × W
    std::vector<Layer> layers;
    friend bool operator==(const Network&, const Network&) = default;
};

struct Totals {
    Count macs;             // under the convention
    Count flops;            // under the convention
    Count dense_macs;       // conv, linear, token-linear and matmul multiply-accumulates (convention-independent)
    Count params;
    Count activation_elements;  // Σ output elements of every layer
    Count input_elements;       // Σ elements read by every layer
};

struct Evaluation {
    std::vector<LayerCost> layers;  // one per layer (valid up to the failing layer on error)
    Totals totals;
    std::string error;              // empty when the network is valid
    int error_layer = -1;           // index of the layer the error names, -1 for none / the network
    bool ok() const { return error.empty(); }
};

// Infers every layer's shape from the network input and computes all costs. Never throws: an invalid
// network (bad field, shapes that do not fit, a count that overflows 64 bits) gives an Evaluation whose
// `error` names the layer and what is wrong.
Evaluation evaluate(const Network& net, const Counting& counting);

// Checks one layer's own fields (ranges, positivity) without shapes; "" when valid.
std::string validate_fields(const Layer& layer);

// Bytes a layer reads and writes at `bytes_per_element`: inputs + weights + outputs.
Count layer_traffic_bytes(const LayerCost& c, Count bytes_per_element);

} // namespace flopscope
