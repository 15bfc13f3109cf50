// Flopscope core — one registration function per model family (one file each under src/core/zoo/).
#pragma once

#include "core/zoo.h"

#include <vector>

namespace flopscope::zoo {

void register_seed(std::vector<ModelInfo>& zoo);     // seed.cpp: resnet18_seed
void register_resnets(std::vector<ModelInfo>& zoo);  // resnet.cpp: resnet18/34/50/101/152, resnext, wide_resnet

} // namespace flopscope::zoo
