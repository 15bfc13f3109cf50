// Flopscope — Dear ImGui build configuration (IMGUI_USER_CONFIG), the same for every target that
// includes imgui.h, so all translation units agree on these types and switches.
#pragma once

// No .ini files, no ImFileOpen: the page has no file system and state lives in the URL.
#define IMGUI_DISABLE_FILE_FUNCTIONS
// Only current API names.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// 32-bit indices: WebGL2's ImGui backend cannot use per-command vertex offsets, so 16-bit indices would
// cap a window at 64k vertices (a resnet152 layer table or a dense chart passes that).
#define ImDrawIdx unsigned int
