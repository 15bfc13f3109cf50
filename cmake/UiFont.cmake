# The UI font, for the app (src/app embeds a subset of it) and the core (src/core measures text with its
# advance widths, so the CLI lays out exported charts as the page does). Included by the top CMakeLists.
set(FLOPSCOPE_UI_FONT "/usr/share/fonts/opentype/inter/Inter-Regular.otf" CACHE FILEPATH "UI font (TTF/OTF)")
if(NOT EXISTS "${FLOPSCOPE_UI_FONT}")
  message(FATAL_ERROR "UI font ${FLOPSCOPE_UI_FONT} not found (Debian package fonts-inter; tools/setup.sh)")
endif()
# fontTools is Debian's python3-fonttools: use an interpreter that can import it (a pyenv/venv python3
# earlier in PATH usually cannot).
if(NOT FLOPSCOPE_FONT_PYTHON)
  foreach(candidate /usr/bin/python3 python3)
    find_program(_py NAMES ${candidate} NO_CACHE)
    if(_py)
      execute_process(COMMAND ${_py} -c "import fontTools.subset" RESULT_VARIABLE _rc OUTPUT_QUIET ERROR_QUIET)
      if(_rc EQUAL 0)
        set(FLOPSCOPE_FONT_PYTHON "${_py}" CACHE FILEPATH "Python with fontTools (python3-fonttools)")
        break()
      endif()
    endif()
    unset(_py)
  endforeach()
endif()
if(NOT FLOPSCOPE_FONT_PYTHON)
  message(FATAL_ERROR "No python3 with fontTools found (Debian package python3-fonttools; tools/setup.sh)")
endif()


# The advance widths, generated at configure time into the build tree (src/core/text_measure.cpp).
set(FLOPSCOPE_FONT_METRICS_DIR ${PROJECT_BINARY_DIR}/generated/font_metrics)
file(MAKE_DIRECTORY ${FLOPSCOPE_FONT_METRICS_DIR})
execute_process(
  COMMAND ${FLOPSCOPE_FONT_PYTHON} ${PROJECT_SOURCE_DIR}/tools/embed_font.py --metrics ${FLOPSCOPE_UI_FONT}
          ${FLOPSCOPE_FONT_METRICS_DIR}/ui_font_metrics.inc --tabular-figures
  RESULT_VARIABLE _metrics_rc OUTPUT_QUIET)
if(NOT _metrics_rc EQUAL 0)
  message(FATAL_ERROR "tools/embed_font.py --metrics failed (${_metrics_rc})")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tools/embed_font.py
             ${FLOPSCOPE_UI_FONT})
