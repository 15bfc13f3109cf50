// Flopscope app — light and dark themes: ImGui colours, spacing and rounding, plus the palette the
// views use for meaning (warning, saving, the chart series). Sizes are in unscaled pixels and scaled by
// the pixel ratio, like the font (the platform renders in device pixels).
#include "app/app_internal.h"
#include "core/chart_style.h"

namespace flopscope::app {

namespace {

Palette g_palette;

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

// The theme's other colours; text, muted text, the window's ground and the chart colours are the core's
// chart_palette (core/chart_style.h), so exported figures match the screen.
struct Colors {
    unsigned card, border, frame, frame_hover, frame_active, button, button_hover, button_active,
        header, header_hover, accent, accent_hover, table_header, row_alt, scrollbar, popup;
};

ImVec4 vec(const Rgba& c, float alpha = 1.0f) { return ImVec4(c.r, c.g, c.b, c.a * alpha); }

void set_colors(ImGuiStyle& s, const Colors& c, const ChartPalette& cp, bool dark) {
    ImVec4* k = s.Colors;
    k[ImGuiCol_Text] = vec(cp.text);
    k[ImGuiCol_TextDisabled] = vec(cp.muted);
    k[ImGuiCol_WindowBg] = vec(cp.background);
    k[ImGuiCol_ChildBg] = rgb(c.card, 0.0f);
    k[ImGuiCol_PopupBg] = rgb(c.popup);
    k[ImGuiCol_Border] = rgb(c.border);
    k[ImGuiCol_BorderShadow] = rgb(0, 0.0f);
    k[ImGuiCol_FrameBg] = rgb(c.frame);
    k[ImGuiCol_FrameBgHovered] = rgb(c.frame_hover);
    k[ImGuiCol_FrameBgActive] = rgb(c.frame_active);
    k[ImGuiCol_TitleBg] = vec(cp.background);
    k[ImGuiCol_TitleBgActive] = vec(cp.background);
    k[ImGuiCol_TitleBgCollapsed] = vec(cp.background);
    k[ImGuiCol_MenuBarBg] = rgb(c.card);
    k[ImGuiCol_ScrollbarBg] = vec(cp.background, 0.0f);
    k[ImGuiCol_ScrollbarGrab] = rgb(c.scrollbar);
    k[ImGuiCol_ScrollbarGrabHovered] = rgb(c.scrollbar, 0.8f);
    k[ImGuiCol_ScrollbarGrabActive] = rgb(c.accent);
    k[ImGuiCol_CheckMark] = rgb(c.accent);
    k[ImGuiCol_SliderGrab] = rgb(c.accent);
    k[ImGuiCol_SliderGrabActive] = rgb(c.accent_hover);
    k[ImGuiCol_Button] = rgb(c.button);
    k[ImGuiCol_ButtonHovered] = rgb(c.button_hover);
    k[ImGuiCol_ButtonActive] = rgb(c.button_active);
    k[ImGuiCol_Header] = rgb(c.header);
    k[ImGuiCol_HeaderHovered] = rgb(c.header_hover);
    k[ImGuiCol_HeaderActive] = rgb(c.header_hover);
    k[ImGuiCol_Separator] = rgb(c.border);
    k[ImGuiCol_SeparatorHovered] = rgb(c.accent);
    k[ImGuiCol_SeparatorActive] = rgb(c.accent);
    k[ImGuiCol_ResizeGrip] = rgb(c.border, 0.0f);
    k[ImGuiCol_ResizeGripHovered] = rgb(c.accent, 0.5f);
    k[ImGuiCol_ResizeGripActive] = rgb(c.accent);
    k[ImGuiCol_Tab] = rgb(c.button);
    k[ImGuiCol_TabHovered] = rgb(c.button_hover);
    k[ImGuiCol_TabActive] = rgb(c.card);
    k[ImGuiCol_TabUnfocused] = rgb(c.button);
    k[ImGuiCol_TabUnfocusedActive] = rgb(c.card);
    k[ImGuiCol_PlotLines] = rgb(c.accent);
    k[ImGuiCol_PlotLinesHovered] = rgb(c.accent_hover);
    k[ImGuiCol_PlotHistogram] = rgb(c.accent);
    k[ImGuiCol_PlotHistogramHovered] = rgb(c.accent_hover);
    k[ImGuiCol_TableHeaderBg] = rgb(c.table_header);
    k[ImGuiCol_TableBorderStrong] = rgb(c.border);
    k[ImGuiCol_TableBorderLight] = rgb(c.border, 0.6f);
    k[ImGuiCol_TableRowBg] = rgb(c.card, 0.0f);
    k[ImGuiCol_TableRowBgAlt] = rgb(c.row_alt);
    k[ImGuiCol_TextSelectedBg] = rgb(c.accent, dark ? 0.45f : 0.25f);
    k[ImGuiCol_DragDropTarget] = rgb(c.accent);
    k[ImGuiCol_NavHighlight] = rgb(c.accent);
    k[ImGuiCol_NavWindowingHighlight] = rgb(c.accent);
    k[ImGuiCol_NavWindowingDimBg] = rgb(0, 0.3f);
    k[ImGuiCol_ModalWindowDimBg] = rgb(0, dark ? 0.55f : 0.3f);
}

} // namespace

const Palette& palette() { return g_palette; }

void apply_style(bool dark, float scale) {
    ImGuiStyle s;
    if (dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);

    s.WindowPadding = ImVec2(14, 12);
    s.FramePadding = ImVec2(8, 6);  // frame height 27 CSS px at a 15 px font: comfortable to tap
    s.CellPadding = ImVec2(7, 4);
    s.ItemSpacing = ImVec2(8, 7);
    s.ItemInnerSpacing = ImVec2(6, 5);
    s.IndentSpacing = 18;
    s.ScrollbarSize = 14;
    s.GrabMinSize = 14;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 1;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 1;
    s.TabBorderSize = 0;
    s.WindowRounding = 0;
    s.ChildRounding = 6;
    s.FrameRounding = 5;
    s.PopupRounding = 6;
    s.ScrollbarRounding = 7;
    s.GrabRounding = 4;
    s.TabRounding = 5;
    s.SeparatorTextBorderSize = 1;
    s.SeparatorTextPadding = ImVec2(0, 3);
    s.SelectableTextAlign = ImVec2(0, 0.5f);
    // Tooltips appear after a short rest, also on touch (a tap-and-hold shows them).
    s.HoverDelayShort = 0.25f;

    const ChartPalette cp = chart_palette(dark);
    if (dark) {
        set_colors(s, {0x1D2027, 0x30353F, 0x242830, 0x2C313B, 0x343A46, 0x2A2F39,
                       0x343A46, 0x3E4553, 0x2B3A55, 0x34476A, 0x6E9BF5, 0x8DB1F8, 0x20242B, 0x1A1D23, 0x3A404C,
                       0x1F2229},
                   cp, true);
    } else {
        set_colors(s, {0xFFFFFF, 0xD5DAE1, 0xFFFFFF, 0xF1F5FB, 0xE6EEFA, 0xECEFF3,
                       0xDFE5EE, 0xD1DAE7, 0xDCE7F8, 0xCADCF5, 0x2563EB, 0x1D4FC4, 0xEDF0F4, 0xF7F9FB, 0xC3C9D1,
                       0xFFFFFF},
                   cp, false);
    }
    const ImVec4 bad_frame = dark ? rgb(0xE0704F, 0.55f) : rgb(0xDC4A26, 0.35f);
    g_palette = Palette{vec(cp.accent), vec(cp.accent_soft), vec(cp.warn), vec(cp.good), vec(cp.muted), bad_frame,
                        vec(cp.computed), vec(cp.student), vec(cp.lookup), vec(cp.baseline), vec(cp.grid),
                        s.Colors[ImGuiCol_MenuBarBg]};  // the card colour
    s.ScaleAllSizes(scale);
    ImGui::GetStyle() = s;
}

} // namespace flopscope::app
