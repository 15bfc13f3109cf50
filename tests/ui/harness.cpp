// Flopscope UI tests — the headless ImGui harness (see harness.h).
#include "harness.h"

#include "fonts/ui_font.h"
#include "layout_check.h"

#include <cmath>
#include <cstdio>

namespace flopscope::ui_test {

namespace {
std::vector<std::string> g_asserts;
} // namespace

void record_imgui_assert(const char* expr, const char* file, int line) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "IM_ASSERT(%s) failed at %s:%d", expr, file, line);
    std::fprintf(stderr, "%s\n", buf);
    g_asserts.push_back(buf);
}

std::vector<std::string> take_imgui_asserts() {
    std::vector<std::string> out;
    out.swap(g_asserts);
    return out;
}

bool FakePlatform::copy_to_clipboard(const std::string& text) {
    if (refuse_clipboard) return false;
    clipboard = text;
    return true;
}

void FakePlatform::download_file(const std::string& filename, const std::string&, const std::string& content) {
    downloads.push_back(filename);
    download_content = content;
}

void FakePlatform::download_svg_as_png(const std::string& filename, const std::string& svg, float scale) {
    downloads.push_back(filename);
    download_content = svg;
    png_scale = scale;
}

void FakePlatform::write_document(const DocumentRequest& request, std::function<void(const Document&)> done) {
    document_requests.push_back(request);
    if (!refuse_documents.empty()) {
        Document refused;
        refused.error = refuse_documents;
        done(refused);
        return;
    }
    done(flopscope::write_document(request));
}

Harness::Harness(float width, float height, float ratio, bool big_font) : ratio_(ratio) {
    IMGUI_CHECKVERSION();
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 1;
    cfg.PixelSnapH = true;
    void* data = const_cast<unsigned char*>(fonts::ui_font_data);
    const int size = static_cast<int>(fonts::ui_font_size);
    const auto* ranges = reinterpret_cast<const ImWchar*>(fonts::ui_font_ranges);
    io.Fonts->AddFontFromMemoryTTF(data, size, std::floor(15.0f * ratio), &cfg, ranges);
    if (big_font) io.Fonts->AddFontFromMemoryTTF(data, size, std::floor(25.0f * ratio), &cfg, ranges);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    resize(width, height);
    io.DeltaTime = 1.0f / 60.0f;
}

Harness::~Harness() { ImGui::DestroyContext(ctx_); }

void Harness::resize(float width, float height) { ImGui::GetIO().DisplaySize = ImVec2(width * ratio_, height * ratio_); }

// The text a frame renders: ImGui's logging captures every rendered text until the first top-level window
// ends (the app's one full-screen window) and hands it to the clipboard function, which collects it here.
void Harness::begin() {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    io.ClipboardUserData = this;
    io.SetClipboardTextFn = [](void* self, const char* text) { static_cast<Harness*>(self)->text_ += text; };
    text_.clear();
    begin_text_trace();
    ImGui::NewFrame();
    ImGui::LogToClipboard(0);
}

void Harness::end() {
    ImGui::LogFinish();
    ImGui::Render();
}

void Harness::mouse_move(float x, float y) { ImGui::GetIO().AddMousePosEvent(x, y); }
void Harness::mouse_button(bool down) { ImGui::GetIO().AddMouseButtonEvent(0, down); }
void Harness::key(ImGuiKey k, bool down) { ImGui::GetIO().AddKeyEvent(k, down); }
void Harness::chars(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }

AppDriver::AppDriver(Harness& h, FakePlatform& p) : app(p), h_(h) {}

const std::string& AppDriver::frame() {
    return h_.frame([&] { app::draw_app(app); });
}

void AppDriver::frames(int n) {
    for (int i = 0; i < n; ++i) frame();
}

bool AppDriver::rect(const std::string& item, ImVec2& min, ImVec2& max) const { return app::find_item(item, min, max); }

bool AppDriver::click(const std::string& item) {
    ImVec2 min, max;
    if (!rect(item, min, max)) return false;
    h_.mouse_move((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    frame();
    h_.mouse_button(true);
    frame();
    h_.mouse_button(false);
    frames(2);
    return true;
}

bool AppDriver::type_into(const std::string& item, const std::string& text) {
    if (!click(item)) return false;
    h_.key(ImGuiMod_Ctrl, true);
    h_.key(ImGuiKey_A, true);
    frame();
    h_.key(ImGuiKey_A, false);
    h_.key(ImGuiMod_Ctrl, false);
    frame();
    h_.chars(text.c_str());
    frame();
    h_.key(ImGuiKey_Enter, true);
    frame();
    h_.key(ImGuiKey_Enter, false);
    frames(2);
    return true;
}

bool AppDriver::drag_slider(const std::string& item, float fraction) {
    ImVec2 min, max;
    if (!rect(item, min, max)) return false;
    const float y = (min.y + max.y) * 0.5f;
    h_.mouse_move(min.x + 2, y);
    frame();
    h_.mouse_button(true);
    frame();
    for (int i = 1; i <= 4; ++i) {
        h_.mouse_move(min.x + (max.x - min.x) * fraction * static_cast<float>(i) / 4.0f, y);
        frame();
    }
    h_.mouse_button(false);
    frames(2);
    return true;
}

} // namespace flopscope::ui_test
