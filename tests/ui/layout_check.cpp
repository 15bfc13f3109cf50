// Flopscope UI tests — recording every text ImGui draws (see layout_check.h).
//
// The linker's --wrap turns each call of ImDrawList::AddText from another object file (ImGui's
// RenderText*, widgets, the app's charts) into a call of __wrap_<symbol>, which records the text and
// calls the original, __real_<symbol>. Only this test binary is linked so.
#include "layout_check.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace flopscope::ui_test {

namespace {

std::vector<DrawnText> g_texts;

bool blank(const char* b, const char* e) {
    for (; b < e; ++b)
        if (*b != ' ' && *b != '\n' && *b != '\t') return false;
    return true;
}

void record(ImDrawList* list, const ImFont* font, float size, const ImVec2& pos, const char* begin, const char* end,
            float wrap_width, const ImVec4* fine_clip) {
    if (!begin) return;
    if (!end) end = begin + std::strlen(begin);
    if (begin == end || blank(begin, end)) return;
    if (!font) font = list->_Data->Font;
    if (size == 0.0f) size = list->_Data->FontSize;
    if (!font) return;
    DrawnText t;
    t.text.assign(begin, end);
    const ImVec2 sz = font->CalcTextSizeA(size, FLT_MAX, wrap_width, begin, end);
    t.min = pos;
    t.max = ImVec2(pos.x + sz.x, pos.y + sz.y);
    t.clip = list->_CmdHeader.ClipRect;
    t.wrap_width = wrap_width;
    t.font = font;
    t.size = size;
    if (fine_clip) {
        t.clip.x = std::max(t.clip.x, fine_clip->x);
        t.clip.y = std::max(t.clip.y, fine_clip->y);
        t.clip.z = std::min(t.clip.z, fine_clip->z);
        t.clip.w = std::min(t.clip.w, fine_clip->w);
    }
    if (const ImGuiWindow* w = GImGui ? GImGui->CurrentWindow : nullptr) {
        t.window = w->Name;
        t.root = w->RootWindow ? w->RootWindow->Name : w->Name;
        // Content wider than a window without a horizontal scrollbar is cut, not reachable.
        t.may_scroll_x = w->ScrollMax.x > 0.0f && w->ScrollbarX;
        t.window_clip = ImVec4(w->InnerClipRect.Min.x, w->InnerClipRect.Min.y, w->InnerClipRect.Max.x, w->InnerClipRect.Max.y);
    }
    g_texts.push_back(std::move(t));
}

std::string describe(const DrawnText& t) {
    char buf[160];
    std::snprintf(buf, sizeof buf, " [%.0f..%.0f × %.0f..%.0f, clip %.0f..%.0f] in %s", t.min.x, t.max.x, t.min.y, t.max.y,
                  t.clip.x, t.clip.z, t.window.c_str());
    return "\"" + t.text + "\"" + buf;
}

bool blank_char(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where ImGui's word wrap (ImFont::RenderText) breaks `t` inside a word: the first such line end, or
// nullptr. ImGui may break after a space or after . , ; ! ? " ; a word wider than the line is cut anywhere.
const char* mid_word_break(const DrawnText& t) {
    if (t.wrap_width <= 0.0f || t.font == nullptr) return nullptr;
    const char* begin = t.text.c_str();
    const char* end = begin + t.text.size();
    const float scale = t.size / t.font->FontSize;
    for (const char* s = begin; s < end;) {
        const char* eol = t.font->CalcWordWrapPositionA(scale, s, end, t.wrap_width);
        if (eol >= end) break;
        const char before = eol[-1];
        if (!blank_char(*eol) && !blank_char(before) && std::strchr(".,;!?\"", before) == nullptr) return eol;
        s = eol;  // the next line starts after the blanks and one line return (CalcWordWrapNextLineStartA)
        while (s < end && (*s == ' ' || *s == '\t')) ++s;
        if (s < end && *s == '\n') ++s;
    }
    return nullptr;
}

} // namespace

void begin_text_trace() { g_texts.clear(); }
const std::vector<DrawnText>& drawn_texts() { return g_texts; }

std::vector<std::string> layout_problems(float min_gap) {
    std::vector<std::string> out;
    const float tol = 1.0f;  // the last glyph's advance may reach a pixel past its ink
    struct Visible {
        const DrawnText* t;
        ImVec4 r;
    };
    std::vector<Visible> visible;
    for (const DrawnText& t : g_texts) {
        // Cut vertically: scrolled out of view (windows scroll vertically everywhere), not a defect.
        const bool shown_y = t.max.y > t.clip.y + tol && t.min.y < t.clip.w - tol;
        const bool shown_x = t.max.x > t.clip.x + tol && t.min.x < t.clip.z - tol;
        if (!shown_y || !shown_x) continue;
        const bool cut_right = t.max.x > t.clip.z + tol;
        const bool cut_left = t.min.x < t.clip.x - tol;
        const bool at_scroll_edge_right = t.may_scroll_x && t.clip.z >= t.window_clip.z - tol;
        const bool at_scroll_edge_left = t.may_scroll_x && t.clip.x <= t.window_clip.x + tol;
        if ((cut_right && !at_scroll_edge_right) || (cut_left && !at_scroll_edge_left)) out.push_back("cut off: " + describe(t));
        if (const char* at = mid_word_break(t)) {
            const std::size_t i = static_cast<std::size_t>(at - t.text.c_str());
            const std::size_t from = t.text.rfind(' ', i) == std::string::npos ? 0 : t.text.rfind(' ', i) + 1;
            out.push_back("broken mid-word: \"" + t.text.substr(from, i - from) + "|" + t.text.substr(i, t.text.find(' ', i) - i) +
                          "\" in " + describe(t));
        }
        visible.push_back({&t, ImVec4(std::max(t.min.x, t.clip.x), std::max(t.min.y, t.clip.y), std::min(t.max.x, t.clip.z),
                                      std::min(t.max.y, t.clip.w))});
    }
    // Tabs narrower than their label: ImGui shrinks them and ends the label with "..." (drawn glyph by
    // glyph, not through AddText).
    ImGuiContext& g = *GImGui;
    for (int b = 0; b < g.TabBars.GetMapSize(); ++b) {
        const ImGuiTabBar* bar = g.TabBars.TryGetMapData(b);
        if (!bar || bar->PrevFrameVisible < g.FrameCount - 1) continue;
        for (const ImGuiTabItem& tab : bar->Tabs)
            if (tab.LastFrameVisible >= g.FrameCount - 1 && tab.Width + tol < tab.ContentWidth)
                out.push_back(std::string("cut off: tab \"") + ImGui::TabBarGetTabName(const_cast<ImGuiTabBar*>(bar), const_cast<ImGuiTabItem*>(&tab)) + "\" shrunk below its label");
    }
    for (std::size_t i = 0; i < visible.size(); ++i) {
        for (std::size_t j = i + 1; j < visible.size(); ++j) {
            const Visible& a = visible[i];
            const Visible& b = visible[j];
            if (a.t->root != b.t->root) continue;
            // Lines of text stacked with no spacing are fine; beside each other they need `min_gap`.
            const bool overlap_y = a.r.y < b.r.w - tol && b.r.y < a.r.w - tol;
            const bool overlap_x = a.r.x < b.r.z + min_gap && b.r.x < a.r.z + min_gap;
            if (overlap_x && overlap_y) out.push_back("overlap: " + describe(*a.t) + " and " + describe(*b.t));
        }
    }
    return out;
}

} // namespace flopscope::ui_test

// The wrapped symbols (Itanium mangling of the two ImDrawList::AddText overloads; `this` comes first).
extern "C" {
void __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(ImDrawList*, const ImFont*, float, const ImVec2&,
                                                                          ImU32, const char*, const char*, float,
                                                                          const ImVec4*);
void __real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(ImDrawList*, const ImVec2&, ImU32, const char*, const char*);

void __wrap__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(ImDrawList* self, const ImFont* font, float size,
                                                                          const ImVec2& pos, ImU32 col, const char* b,
                                                                          const char* e, float wrap, const ImVec4* clip) {
    if ((col & IM_COL32_A_MASK) != 0) flopscope::ui_test::record(self, font, size, pos, b, e, wrap, clip);
    __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(self, font, size, pos, col, b, e, wrap, clip);
}
void __wrap__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(ImDrawList* self, const ImVec2& pos, ImU32 col, const char* b,
                                                     const char* e) {
    if ((col & IM_COL32_A_MASK) != 0) flopscope::ui_test::record(self, nullptr, 0.0f, pos, b, e, 0.0f, nullptr);
    __real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(self, pos, col, b, e);
}
}
