// Flopscope web — the C library's number scanners, replaced (see libc_scan.h).
//
// Why: musl's strtod and sscanf read numbers through __floatscan, which computes in 128-bit long
// double; on wasm that is software floating point (__divtf3, __multf3, __addtf3, fmodl, scalbnl...),
// and with vfscanf it came to ~18 KB of the page's wasm, all for ImGui's few calls: a typed value in an
// input field or a Ctrl+clicked slider (sscanf "%lf", "%lld"), RoundScalarWithFormat's atof, and the
// .ini settings handlers (linked, never called: io.IniFilename is null). wasm-ld takes a libc archive
// member only for a symbol still undefined, so defining strtod, atof, sscanf and vsscanf here keeps
// musl's out. strtof and strtold are defined too, only because libc++'s string.o (std::stof, std::stold,
// never called here) names them and musl's strtod.o, which defines all three, would clash with this
// strtod; they round through double. Numbers are read by the core's read_decimal, correctly rounded as
// a correct strtod.
#include "web/libc_scan.h"

#include "core/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace flopscope::web {

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A number as strtod reads it after the spaces, within the first n characters of s: [+|-] then a
// decimal, "infinity", "inf" or "nan" (what printf writes for a value that is not finite, so a
// formatted value reads back). Returns the characters read, 0 for none.
std::size_t read_number(const char* s, std::size_t n, double& out) {
    const std::size_t sign = (n > 0 && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    for (const char* word : {"infinity", "inf", "nan"}) {
        const std::size_t len = std::strlen(word);
        if (n - sign < len) continue;
        std::size_t k = 0;
        while (k < len && (s[sign + k] | 0x20) == word[k]) ++k;
        if (k < len) continue;
        out = std::copysign(word[1] == 'a' ? NAN : INFINITY, s[0] == '-' ? -1.0 : 1.0);
        return sign + len;
    }
    return read_decimal(std::string_view(s, n), out);
}

// An integer as scanf reads it, within the first n characters of s: [+|-], then for base 16 an optional
// 0x, for base 0 the base its prefix says (0x: 16, 0: 8, else 10). The magnitude saturates at 2^64 - 1.
// Returns the characters read, 0 for no digits.
std::size_t read_integer(const char* s, std::size_t n, int base, bool& negative, std::uint64_t& magnitude) {
    std::size_t i = 0;
    negative = false;
    if (n > 0 && (s[0] == '+' || s[0] == '-')) negative = s[i++] == '-';
    const auto is_hex = [](char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); };
    if ((base == 0 || base == 16) && n - i > 2 && s[i] == '0' && (s[i + 1] | 0x20) == 'x' && is_hex(s[i + 2])) {
        i += 2;
        base = 16;
    } else if (base == 0) {
        base = (i < n && s[i] == '0') ? 8 : 10;
    }
    magnitude = 0;
    const auto [ptr, ec] = std::from_chars(s + i, s + n, magnitude, base);
    if (ptr == s + i) return 0;
    if (ec == std::errc::result_out_of_range) magnitude = UINT64_MAX;
    return std::size_t(ptr - s);
}

} // namespace

double scan_double(const char* s, char** end) {
    const char* p = s;
    while (is_space(*p)) ++p;
    double v = 0;
    const std::size_t used = read_number(p, std::strlen(p), v);
    if (end) *end = const_cast<char*>(used ? p + used : s);
    return v;
}

int scan_values(const char* input, const char* format, va_list args) {
    const char* s = input;
    int stored = 0;
    // A failed match ends the scan; EOF when the input ran out before the first value.
    const auto stop = [&] { return stored == 0 && *s == '\0' ? EOF : stored; };
    for (const char* f = format; *f; ++f) {
        if (is_space(*f)) {
            while (is_space(*s)) ++s;
            continue;
        }
        if (*f != '%' || f[1] == '%') {
            if (*f == '%') ++f;
            if (*s != *f) return stop();
            ++s;
            continue;
        }
        ++f;
        std::size_t width = 0;
        while (*f >= '0' && *f <= '9') width = width * 10 + std::size_t(*f++ - '0');
        int longs = 0, shorts = 0;
        for (; *f == 'l'; ++f) ++longs;
        for (; *f == 'h'; ++f) ++shorts;
        const char conversion = *f;
        if (conversion == 'n') {
            *va_arg(args, int*) = int(s - input);
            continue;
        }
        if (conversion != 'c')
            while (is_space(*s)) ++s;
        const std::size_t left = std::strlen(s), n = width ? std::min(width, left) : left;
        std::size_t used = 0;
        if (conversion == 'c') {
            used = width ? width : 1;
            if (left < used) return stop();
            std::memcpy(va_arg(args, char*), s, used);
        } else if (conversion == 'f' || conversion == 'e' || conversion == 'g' || conversion == 'F' ||
                   conversion == 'E' || conversion == 'G') {
            double v = 0;
            if (!(used = read_number(s, n, v))) return stop();
            if (longs) *va_arg(args, double*) = v;
            else *va_arg(args, float*) = float(v);
        } else if (conversion == 'd' || conversion == 'i' || conversion == 'u' || conversion == 'x' ||
                   conversion == 'X') {
            const bool is_signed = conversion == 'd' || conversion == 'i';
            const int base = conversion == 'i' ? 0 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
            bool negative = false;
            std::uint64_t magnitude = 0;
            if (!(used = read_integer(s, n, base, negative, magnitude))) return stop();
            // Clamp to the destination type, then store its low bytes (wasm is little-endian); a negative
            // value for an unsigned conversion wraps, as C's strtoul does.
            const int bytes = longs >= 2 ? 8 : longs ? int(sizeof(long)) : shorts >= 2 ? 1 : shorts ? 2 : int(sizeof(int));
            const std::uint64_t max = ~std::uint64_t(0) >> (64 - 8 * bytes + (is_signed ? 1 : 0));
            std::uint64_t value = std::min(magnitude, max + (is_signed && negative ? 1 : 0));
            if (negative) value = 0 - value;
            std::memcpy(va_arg(args, void*), &value, std::size_t(bytes));
        } else {
            return stop();  // a conversion ImGui does not use
        }
        s += used;
        ++stored;
    }
    return stored;
}

} // namespace flopscope::web

#ifdef __EMSCRIPTEN__
extern "C" {
double strtod(const char* s, char** end) { return flopscope::web::scan_double(s, end); }
double atof(const char* s) { return flopscope::web::scan_double(s, nullptr); }
float strtof(const char* s, char** end) { return float(flopscope::web::scan_double(s, end)); }
long double strtold(const char* s, char** end) { return flopscope::web::scan_double(s, end); }
int vsscanf(const char* input, const char* format, va_list args) {
    return flopscope::web::scan_values(input, format, args);
}
int sscanf(const char* input, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int stored = flopscope::web::scan_values(input, format, args);
    va_end(args);
    return stored;
}
} // extern "C"
#endif
