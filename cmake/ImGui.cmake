# Dear ImGui 1.90.1 for Flopscope: where its sources are and how the app's copy of it is built, in one
# place, so an ImGui upgrade is one edit. Included by the top-level CMakeLists.txt.
#
#   IMGUI_DIR                 the source tree (tools/setup.sh unpacks Debian's into third_party/;
#                             -DIMGUI_DIR=... or the IMGUI_DIR environment variable points elsewhere)
#   FLOPSCOPE_IMGUI_SOURCES   ImGui's core sources without the demo (the headless UI tests compile them
#                             with their own imconfig)
#   flopscope_add_imgui(NAME CONFIG header)
#                             the app's ImGui library (src/app); on the web without the default font
include_guard(GLOBAL)

if(DEFINED ENV{IMGUI_DIR} AND NOT "$ENV{IMGUI_DIR}" STREQUAL "")
  set(_imgui_default "$ENV{IMGUI_DIR}")
else()
  set(_imgui_default "${PROJECT_SOURCE_DIR}/third_party/imgui-1.90.1")
endif()
set(IMGUI_DIR "${_imgui_default}" CACHE PATH "Dear ImGui 1.90.1 source tree")

set(FLOPSCOPE_IMGUI_SOURCES
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp)

# flopscope_imgui_draw_without_default_font(OUT_VAR): the path of a copy of imgui_draw.cpp without
# ProggyClean, written to the calling directory's binary dir (or imgui_draw.cpp itself, with a warning,
# when the file is not 1.90.1's).
#
# The page draws only the embedded UI font, yet ImFontAtlas::Build() references ImGui's default
# ProggyClean font, so its ~12 KB base85 literal (~10 KB gzipped) ships in every page. 1.90.1 has no
# switch for that, so the web build compiles a copy of imgui_draw.cpp whose literal is empty; the
# sources in IMGUI_DIR stay untouched. src/web/fonts.cpp adds the UI font before every Build(), so
# AddFontDefault() is never called.
function(flopscope_imgui_draw_without_default_font out_var)
  set(_imgui_draw ${IMGUI_DIR}/imgui_draw.cpp)
  file(READ ${_imgui_draw} _draw_source)
  set(_literal_start "static const char proggy_clean_ttf_compressed_data_base85[")
  set(_literal_user "static const char* GetDefaultCompressedFontDataTTFBase85()")
  string(FIND "${_draw_source}" "${_literal_start}" _from)
  string(FIND "${_draw_source}" "${_literal_user}" _to)
  if(_from GREATER 0 AND _to GREATER _from)
    string(SUBSTRING "${_draw_source}" 0 ${_from} _head)
    string(SUBSTRING "${_draw_source}" ${_to} -1 _tail)
    set(_imgui_draw ${CMAKE_CURRENT_BINARY_DIR}/generated/imgui_draw_no_default_font.cpp)
    # Written only when it changes, so re-configuring does not rebuild it.
    # The software mouse cursors' pixel art goes too: the page shows the browser's cursors (src/web/cursor)
    # and sets ImFontAtlasFlags_NoMouseCursors (src/web/fonts.cpp), so it is never read (~450 B gzipped).
    set(_cursor_start "static const char FONT_ATLAS_DEFAULT_TEX_DATA_PIXELS[")
    set(_cursor_end "static const ImVec2 FONT_ATLAS_DEFAULT_TEX_CURSOR_DATA")
    string(FIND "${_head}" "${_cursor_start}" _c_from)
    string(FIND "${_head}" "${_cursor_end}" _c_to)
    if(_c_from GREATER 0 AND _c_to GREATER _c_from)
      string(SUBSTRING "${_head}" 0 ${_c_from} _before)
      string(SUBSTRING "${_head}" ${_c_to} -1 _after)
      set(_head "${_before}// Flopscope (cmake/ImGui.cmake): no cursor art; the page uses the browser's cursors.\nstatic const char FONT_ATLAS_DEFAULT_TEX_DATA_PIXELS[FONT_ATLAS_DEFAULT_TEX_DATA_W * FONT_ATLAS_DEFAULT_TEX_DATA_H + 1] = \"\";\n\n${_after}")
    endif()
    file(WRITE ${_imgui_draw}.tmp
         "${_head}// Flopscope (cmake/ImGui.cmake): ProggyClean removed; the page only uses its own font.\nstatic const char proggy_clean_ttf_compressed_data_base85[] = \"\";\n\n${_tail}")
    file(COPY_FILE ${_imgui_draw}.tmp ${_imgui_draw} ONLY_IF_DIFFERENT)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${IMGUI_DIR}/imgui_draw.cpp)
  else()
    message(WARNING "imgui_draw.cpp in ${IMGUI_DIR} does not have 1.90.1's ProggyClean literal: "
                    "building it unchanged (the page carries the unused default font)")
  endif()
  set(${out_var} ${_imgui_draw} PARENT_SCOPE)
endfunction()

# flopscope_add_imgui(NAME CONFIG header): ImGui's core and demo sources as a static library configured by
# `header` (third party: no project warnings). On the web: no default font, no debug tools, no demo
# windows.
function(flopscope_add_imgui name)
  cmake_parse_arguments(PARSE_ARGV 1 _arg "" "CONFIG" "")
  if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in IMGUI_DIR=${IMGUI_DIR}. Run tools/setup.sh, "
                        "or pass -DIMGUI_DIR=/path/to/imgui-1.90.1")
  endif()
  set(_imgui_draw ${IMGUI_DIR}/imgui_draw.cpp)
  if(EMSCRIPTEN)
    flopscope_imgui_draw_without_default_font(_imgui_draw)
  endif()
  add_library(${name} STATIC
    ${IMGUI_DIR}/imgui.cpp
    ${_imgui_draw}
    ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp
    ${IMGUI_DIR}/imgui_demo.cpp)
  target_include_directories(${name} SYSTEM PUBLIC ${IMGUI_DIR})
  target_compile_definitions(${name} PUBLIC IMGUI_USER_CONFIG="${_arg_CONFIG}")
  if(EMSCRIPTEN)
    # Size: no metrics/debug-log/ID-stack windows and no demo window in the shipped page (~6 KB of wasm).
    target_compile_definitions(${name} PUBLIC IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_DEMO_WINDOWS)
  endif()
endfunction()
