// Flopscope UI tests — Dear ImGui configured as for the app, with IM_ASSERT turned into a recorded test
// failure (in every build type, also where NDEBUG removes assert()).
#pragma once

#include "../../src/app/imconfig_flopscope.h"

namespace flopscope::ui_test {
void record_imgui_assert(const char* expr, const char* file, int line);
}
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ::flopscope::ui_test::record_imgui_assert(#_EXPR, __FILE__, __LINE__))
