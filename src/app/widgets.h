// Flopscope app — small ImGui helpers the views share: sizes in font units, tooltips, big numbers,
// parameter rows (label | control), a slider with exact typed entry, and inputs that show a rejected
// value in a warning frame with its explanation.
#pragma once

#include "app/app_internal.h"

#include <imgui.h>

#include <cstdint>
#include <string>

namespace flopscope::app {

// n font sizes, in pixels (layout never uses raw pixels: the font scales with the pixel ratio).
inline float em(float n) { return n * ImGui::GetFontSize(); }

// Shows `text` (wrapped) as the tooltip of the last item when it is hovered.
void item_help(const char* text);

void text_muted(const char* text);
void text_colored(const ImVec4& color, const char* text);
// Text flush with the right edge of the cell (numbers in a table column), optionally coloured.
void text_right(const char* text, const ImVec4* color = nullptr);
void text_wrapped_colored(const ImVec4& color, const char* text);
// Text in the large font (the platform's second font when it loaded one, else the base font scaled).
void text_big(const char* text, const ImVec4* color = nullptr);
// The width text_big() gives `text`.
float big_text_width(const char* text);
inline float text_width(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; }
// A section title with a thin rule.
void section(const char* title);

// A row of toggle buttons sharing `width` equally; when a label would not fit its share, the buttons
// flow onto as many lines as they need at their natural widths. Returns true when the selection changed.
bool segmented(const char* id, const char* const* labels, int count, int* current, float width = 0);

// Two-column parameter tables: a label (with tooltip) on the left, the control filling the right.
bool begin_params(const char* id);
void param_label(const char* label, const char* tooltip);
void end_params();

// A fraction in [0, 1] edited as a percentage: a slider (drag) and a typed field for exact values.
// Returns true when the value changed.
bool percent_slider(const char* id, double* fraction, const char* tooltip);

// An integer field keyed for validation: shows the pending (rejected) text in a warning frame with
// its message as tooltip. Returns true with *out set when the user entered a new number.
bool int_input(AppState& app, const std::string& key, const char* id, std::int64_t value, std::int64_t* out,
               float width = -1);
// A non-negative floating-point amount (FLOPs) with its scaled reading beside it.
bool amount_input(const char* id, double* value, const char* unit);

// Wrapped plain text with a colour for the whole paragraph.
void paragraph(const char* text);

// A checkbox whose label wraps onto more lines when the window is too narrow for it (ImGui's own
// label never wraps: on a phone it was cut at the window's edge). A click on the label toggles it too.
bool checkbox_wrapped(const char* label, bool* value);
// SameLine() when an item `width` wide still fits on the current line after the last item; otherwise
// the next item starts a line of its own.
void same_line_if_fits(float width);

} // namespace flopscope::app
