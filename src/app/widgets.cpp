// Flopscope app — shared ImGui helpers (see widgets.h).
#include "app/widgets.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace flopscope::app {

namespace {
std::map<std::string, std::pair<ImVec2, ImVec2>> g_items;

// Number fields accept only what a number can be written with (ImGui's filters: digits . + - * / and,
// for reals, e E). The flags also tell a phone to show its decimal keyboard (src/web/soft_keyboard.cpp).
constexpr ImGuiInputTextFlags kIntegerChars = ImGuiInputTextFlags_CharsDecimal;
constexpr ImGuiInputTextFlags kRealChars = ImGuiInputTextFlags_CharsScientific;
} // namespace

void begin_item_registry() { g_items.clear(); }

void track_item(const std::string& name) {
    if (ImGui::IsItemVisible()) g_items[name] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

void track_rect(const std::string& name, ImVec2 min, ImVec2 max) { g_items[name] = {min, max}; }

bool find_item(const std::string& name, ImVec2& min, ImVec2& max) {
    auto it = g_items.find(name);
    if (it == g_items.end()) return false;
    min = it->second.first;
    max = it->second.second;
    return true;
}

void item_help(const char* text) {
    if (!text || !*text) return;
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(em(26));
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void text_muted(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void text_colored(const ImVec4& color, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void text_right(const char* text, const ImVec4* color) {
    const float w = ImGui::CalcTextSize(text).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    if (color) text_colored(*color, text);
    else ImGui::TextUnformatted(text);
}

void text_wrapped_colored(const ImVec4& color, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    paragraph(text);
    ImGui::PopStyleColor();
}

void paragraph(const char* text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

void text_big(const char* text, const ImVec4* color) {
    ImGuiIO& io = ImGui::GetIO();
    ImFont* big = io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : nullptr;
    if (big) ImGui::PushFont(big);
    else ImGui::SetWindowFontScale(1.6f);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
    ImGui::TextUnformatted(text);
    if (color) ImGui::PopStyleColor();
    if (big) ImGui::PopFont();
    else ImGui::SetWindowFontScale(1.0f);
}

float big_text_width(const char* text) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.Fonts->Fonts.Size > 1) {
        ImFont* big = io.Fonts->Fonts[1];
        return big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.0f, text).x;
    }
    return ImGui::CalcTextSize(text).x * 1.6f;
}

void section(const char* title) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    ImGui::SeparatorText(title);
    ImGui::PopStyleColor();
}

bool segmented(const char* id, const char* const* labels, int count, int* current, float width) {
    ImGui::PushID(id);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float spacing = style.ItemSpacing.x * 0.5f;
    float each = 0, widest = 0;
    for (int i = 0; i < count; ++i) widest = std::max(widest, ImGui::CalcTextSize(labels[i]).x + style.FramePadding.x * 2);
    if (width > 0) each = std::max(1.0f, (width - spacing * static_cast<float>(count - 1)) / static_cast<float>(count));
    const bool flow = width > 0 && widest > each;
    float line_used = 0;
    bool changed = false;
    for (int i = 0; i < count; ++i) {
        const float natural = ImGui::CalcTextSize(labels[i]).x + style.FramePadding.x * 2;
        if (i > 0 && (!flow || line_used + spacing + natural <= width)) {
            ImGui::SameLine(0, spacing);
            line_used += spacing;
        } else {
            line_used = 0;
        }
        const float w = flow ? natural : each;
        line_used += w;
        const bool on = *current == i;
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().accent);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        }
        // A label longer than the whole row breaks at its last space that lets the first line fit.
        std::string shown = labels[i];
        if (flow && natural > width)
            for (std::size_t sp = shown.rfind(' '); sp != std::string::npos && sp > 0; sp = shown.rfind(' ', sp - 1))
                if (ImGui::CalcTextSize(shown.c_str(), shown.c_str() + sp).x + style.FramePadding.x * 2 <= width) {
                    shown[sp] = '\n';
                    break;
                }
        const float button_w = flow ? std::min(width, ImGui::CalcTextSize(shown.c_str()).x + style.FramePadding.x * 2) : w;
        if (ImGui::Button((shown + "###" + labels[i]).c_str(), ImVec2(button_w, 0)) && !on) {
            *current = i;
            changed = true;
        }
        track_item(std::string(id) + ":" + labels[i]);
        if (on) ImGui::PopStyleColor(3);
    }
    ImGui::PopID();
    return changed;
}

namespace {
// On a phone the controls go under their labels (one column), so a combo's text is not cut.
bool g_params_stacked = false;
} // namespace

bool begin_params(const char* id) {
    g_params_stacked = ImGui::GetContentRegionAvail().x < em(24);
    if (!ImGui::BeginTable(id, g_params_stacked ? 1 : 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings))
        return false;
    if (!g_params_stacked) ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, em(8.2f));
    ImGui::TableSetupColumn("control", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void param_label(const char* label, const char* tooltip) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (!g_params_stacked) ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    item_help(tooltip);
    if (!g_params_stacked) ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
}

void end_params() { ImGui::EndTable(); }

bool percent_slider(const char* id, double* fraction, const char* tooltip) {
    ImGui::PushID(id);
    const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float typed_w = em(4.2f);
    static const double lo = 0.0, hi = 100.0;
    double pct = *fraction * 100.0;
    bool changed = false;
    ImGui::SetNextItemWidth(std::max(avail - typed_w - spacing, em(3)));
    if (ImGui::SliderScalar("##slider", ImGuiDataType_Double, &pct, &lo, &hi, "%.1f %%", ImGuiSliderFlags_AlwaysClamp))
        changed = true;
    item_help(tooltip);
    track_item(std::string("slider:") + id);
    ImGui::SameLine(0, spacing);
    ImGui::SetNextItemWidth(typed_w);
    double typed = pct;
    if (ImGui::InputScalar("##typed", ImGuiDataType_Double, &typed, nullptr, nullptr, "%g", kRealChars)) {
        if (std::isfinite(typed)) {
            pct = std::clamp(typed, 0.0, 100.0);
            changed = true;
        }
    }
    item_help("Exact value in percent: type it and press Enter.");
    track_item(std::string("input:") + id);
    ImGui::PopID();
    if (changed) *fraction = pct / 100.0;
    return changed;
}

bool int_input(AppState& app, const std::string& key, const char* id, std::int64_t value, std::int64_t* out, float width) {
    const PendingEdit* p = app.pending_for(key);
    std::int64_t v = value;
    if (p) {
        if (auto parsed = parse_int(p->text)) v = *parsed;
        ImGui::PushStyleColor(ImGuiCol_FrameBg, palette().bad_frame);
        ImGui::PushStyleColor(ImGuiCol_Border, palette().warn);
    }
    if (width != 0) ImGui::SetNextItemWidth(width);
    const bool changed = ImGui::InputScalar(id, ImGuiDataType_S64, &v, nullptr, nullptr, "%lld", kIntegerChars);
    track_item(key);
    if (p) {
        ImGui::PopStyleColor(2);
        if (ImGui::BeginItemTooltip()) {
            ImGui::PushTextWrapPos(em(24));
            ImGui::TextUnformatted(p->message.c_str());
            ImGui::TextDisabled("Still counting the last good value, %lld.", static_cast<long long>(value));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    if (changed) *out = v;
    return changed;
}

bool amount_input(const char* id, double* value, const char* unit) {
    ImGui::PushID(id);
    const float reading_w = em(6.5f);
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(std::max(avail - reading_w, em(5)));
    double v = *value;
    bool changed = false;
    if (ImGui::InputScalar("##amount", ImGuiDataType_Double, &v, nullptr, nullptr, "%.0f", kRealChars) && std::isfinite(v) && v >= 0) {
        *value = v;
        changed = true;
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_muted(format_cost(*value, unit, false, 3).c_str());
    ImGui::PopID();
    return changed;
}

bool checkbox_wrapped(const char* label, bool* value) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float box = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
    if (box + ImGui::CalcTextSize(label, nullptr, true).x <= ImGui::GetContentRegionAvail().x)
        return ImGui::Checkbox(label, value);
    ImGui::PushID(label);
    bool changed = ImGui::Checkbox("##box", value);
    ImGui::SameLine(0.0f, style.ItemInnerSpacing.x);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemClicked()) {
        *value = !*value;
        changed = true;
    }
    ImGui::PopID();
    return changed;
}

void same_line_if_fits(float width) {
    const float line_end = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= line_end) ImGui::SameLine();
}

} // namespace flopscope::app
