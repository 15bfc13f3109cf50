// Flopscope UI tests — the fixture most app tests start from: the whole app (AppDriver) in a headless
// ImGui (Harness: context, the app's font, the frame loop) at W × H CSS pixels, with a FakePlatform. With
// Settle, two frames are drawn first so that every item has a position to click. Used as
// TEST_CASE_FIXTURE(AppAt<1280, 720>, "..."); the test's body sees h, p and d.
#pragma once

#include "harness.h"

namespace flopscope::ui_test {

template <int W, int H, bool Settle = true>
struct AppAt {
    Harness h{static_cast<float>(W), static_cast<float>(H)};
    FakePlatform p;
    AppDriver d{h, p};
    AppAt() {
        if (Settle) d.frames(2);
    }
};

using DesktopApp = AppAt<1280, 720>;  // the wide layout
using NarrowApp = AppAt<800, 600>;    // the narrow layout (tabs)

} // namespace flopscope::ui_test
