// Flopscope UI tests — the doctest runner for the headless ImGui tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
