// Flopscope core — one registration function per model family (one file each under src/core/zoo/).
#pragma once

#include "core/zoo.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

namespace flopscope::zoo {

void register_seed(std::vector<ModelInfo>& zoo);     // seed.cpp: resnet18_seed
void register_resnets(std::vector<ModelInfo>& zoo);  // resnet.cpp: resnet18/34/50/101/152, resnext50/101, wide_resnet50/101
void register_vggs(std::vector<ModelInfo>& zoo);          // vgg.cpp: vgg11/13/16/19 and their _bn variants
void register_alexnet(std::vector<ModelInfo>& zoo);       // alexnet.cpp
void register_squeezenets(std::vector<ModelInfo>& zoo);   // squeezenet.cpp: squeezenet1_0, squeezenet1_1
void register_densenets(std::vector<ModelInfo>& zoo);     // densenet.cpp: densenet121/161/169/201
void register_googlenet(std::vector<ModelInfo>& zoo);     // googlenet.cpp (eval mode: no auxiliary heads)
void register_inception(std::vector<ModelInfo>& zoo);     // inception.cpp: inception_v3 (eval mode: no aux head)
void register_mobilenets(std::vector<ModelInfo>& zoo);    // mobilenet.cpp: mobilenet_v2, mobilenet_v3_large/small
void register_shufflenets(std::vector<ModelInfo>& zoo);   // shufflenet.cpp: shufflenet_v2_x0_5/x1_0/x1_5/x2_0
void register_mnasnets(std::vector<ModelInfo>& zoo);      // mnasnet.cpp: mnasnet0_5/0_75/1_0/1_3
void register_efficientnets(std::vector<ModelInfo>& zoo); // efficientnet.cpp: efficientnet_b0-b7, _v2_s/m/l
void register_regnets(std::vector<ModelInfo>& zoo);       // regnet.cpp: regnet_y_* and regnet_x_*
void register_vits(std::vector<ModelInfo>& zoo);          // vit.cpp: vit_b_16, vit_b_32, vit_l_16, vit_l_32, vit_h_14
void register_convnexts(std::vector<ModelInfo>& zoo);     // convnext.cpp: convnext_tiny, _small, _base, _large
void register_swins(std::vector<ModelInfo>& zoo);         // swin.cpp: swin_t, swin_s, swin_b, swin_v2_t/s/b
void register_maxvit(std::vector<ModelInfo>& zoo);        // maxvit.cpp: maxvit_t

// A family written as a table of configurations and one builder: registers one model per row (each
// row a struct with name, description and crop, the default resolution). ModelInfo holds a plain
// function pointer, so each row gets a one-line thunk that calls build(table[I], h, w).
template <const auto& Table, auto Build>
struct TableFamily {
    template <std::size_t I>
    static Network build_row(std::int64_t h, std::int64_t w) { return Build(Table[I], h, w); }

    template <std::size_t... I>
    static void add(std::vector<ModelInfo>& zoo, const char* family, std::int64_t min_resolution,
                    std::index_sequence<I...>) {
        static constexpr Network (*builders[])(std::int64_t, std::int64_t) = {build_row<I>...};
        for (std::size_t i = 0; i < sizeof...(I); ++i)  // one loop, not one inlined push_back per row
            zoo.push_back({Table[i].name, family, Table[i].description, Table[i].crop, min_resolution, nullptr,
                           builders[i]});
    }
};

template <const auto& Table, auto Build>
void register_table(std::vector<ModelInfo>& zoo, const char* family, std::int64_t min_resolution) {
    TableFamily<Table, Build>::add(zoo, family, min_resolution, std::make_index_sequence<std::size(Table)>{});
}

} // namespace flopscope::zoo
