// Flopscope core — one registration function per model family (one file each under src/core/zoo/).
#pragma once

#include "core/zoo.h"

#include <vector>

namespace flopscope::zoo {

void register_seed(std::vector<ModelInfo>& zoo);     // seed.cpp: resnet18_seed
void register_resnets(std::vector<ModelInfo>& zoo);  // resnet.cpp: resnet18/34/50/101/152, resnext, wide_resnet
void register_vggs(std::vector<ModelInfo>& zoo);          // vgg.cpp: vgg11/13/16/19 and their _bn variants
void register_alexnet(std::vector<ModelInfo>& zoo);       // alexnet.cpp
void register_squeezenets(std::vector<ModelInfo>& zoo);   // squeezenet.cpp: squeezenet1_0, squeezenet1_1
void register_densenets(std::vector<ModelInfo>& zoo);     // densenet.cpp: densenet121, densenet169
void register_googlenet(std::vector<ModelInfo>& zoo);     // googlenet.cpp (eval mode: no auxiliary heads)
void register_mobilenets(std::vector<ModelInfo>& zoo);    // mobilenet.cpp: mobilenet_v2, mobilenet_v3_large/small
void register_shufflenets(std::vector<ModelInfo>& zoo);   // shufflenet.cpp: shufflenet_v2_x1_0
void register_mnasnets(std::vector<ModelInfo>& zoo);      // mnasnet.cpp: mnasnet1_0
void register_efficientnets(std::vector<ModelInfo>& zoo); // efficientnet.cpp: efficientnet_b0
void register_regnets(std::vector<ModelInfo>& zoo);       // regnet.cpp: regnet_y_400mf
void register_vits(std::vector<ModelInfo>& zoo);          // vit.cpp: vit_b_16, vit_b_32, vit_l_16, vit_l_32, vit_h_14
void register_convnexts(std::vector<ModelInfo>& zoo);     // convnext.cpp: convnext_tiny, _small, _base, _large
void register_swins(std::vector<ModelInfo>& zoo);         // swin.cpp: swin_t, swin_s, swin_b, swin_v2_t/s/b

} // namespace flopscope::zoo
