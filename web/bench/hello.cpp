// The floor for web/bench/measure.mjs: the smallest honest Dear ImGui page — GLFW + WebGL2 + ImGui's
// backends, one window with a slider and a 10-row table (design notes §3.9's "tiny app"), built with
// exactly the app's compile definitions and link flags (tools/CMakeLists.txt copies them from
// flopscope_web) and the same shell. It renders every frame (no idle logic) and tells the shell it is
// ready after its first frame, as the app does, so start-up is measured the same way for both.
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <emscripten.h>

namespace {

GLFWwindow* g_window = nullptr;
float g_value = 0.2f;
bool g_ready = false;

EM_JS(void, js_mark_ready, (), {
    if (typeof Module["onFlopscopeReady"] === "function") Module["onFlopscopeReady"]({});
});

void frame() {
    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("hello");
    ImGui::SliderFloat("value", &g_value, 0.0f, 1.0f);
    if (ImGui::BeginTable("rows", 2)) {
        for (int i = 0; i < 10; ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("row %d", i);
            ImGui::TableNextColumn();
            ImGui::Text("%.3f", g_value * static_cast<float>(i));
        }
        ImGui::EndTable();
    }
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, w, h);
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!g_ready) {
        g_ready = true;
        js_mark_ready();
    }
}

} // namespace

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(800, 600, "hello", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
