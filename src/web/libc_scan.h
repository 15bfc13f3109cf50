// Flopscope web — strtod and sscanf for the page, on the core's correctly rounded read_decimal (see
// libc_scan.cpp for why). The functions carry their own names so the native tests can compare them with
// glibc's; on the page libc_scan.cpp also defines the C library's strtod, atof, sscanf and vsscanf
// with them.
#pragma once

#include <cstdarg>

namespace flopscope::web {

// strtod: leading spaces, then [+|-] and a decimal number, "inf", "infinity" or "nan" (any case). No
// hexadecimal. *end (when given) points past the number, or at `s` when there is none (and 0 is returned).
double scan_double(const char* s, char** end);

// vsscanf for the conversions Dear ImGui 1.90.1 uses: %d %i %u %x %X with an optional width and h, hh,
// l or ll; %f %e %g (float*, or double* with l); %c; %n; %%; literal characters; whitespace (any run,
// also none). Integers that do not fit are clamped to their type's range (musl stored the low bits).
// Anything else ends the scan. Returns the number of values stored, or EOF (-1) when the input ended
// before the first one.
int scan_values(const char* input, const char* format, va_list args);

} // namespace flopscope::web
