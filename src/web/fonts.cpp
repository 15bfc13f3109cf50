// Flopscope web — font atlas from the embedded, subset UI font (src/app/CMakeLists.txt, tools/embed_font.py).
#include "web/fonts.h"

#include "fonts/ui_font.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <type_traits>

namespace flopscope::web::fonts {

static_assert(std::is_same_v<ImWchar, unsigned short>, "the generated glyph ranges are 16-bit");

void build(float pixel_ratio, bool upload) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // No software cursors in the atlas: the page shows the browser's (src/web/cursor), and the web
    // build's imgui_draw.cpp has no cursor art (cmake/ImGui.cmake).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;

    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // static data: the atlas must not free it
    cfg.OversampleH = 1;               // device pixels already: no horizontal oversampling needed
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    const float px = std::floor(kBaseSizeCssPx * pixel_ratio);
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(flopscope::fonts::ui_font_data),
                                   static_cast<int>(flopscope::fonts::ui_font_size), px, &cfg,
                                   flopscope::fonts::ui_font_ranges);
    // Fonts[1]: the results' big numbers (src/app text_big), rasterized at its own size so it stays sharp.
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(flopscope::fonts::ui_font_data),
                                   static_cast<int>(flopscope::fonts::ui_font_size),
                                   std::floor(kLargeSizeCssPx * pixel_ratio), &cfg, flopscope::fonts::ui_font_ranges);
    io.Fonts->Build();
    if (upload) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

} // namespace flopscope::web::fonts
