// src/web/libc_scan.cpp: the page's own strtod and sscanf (musl's pull in 128-bit soft-float), compared
// with glibc's on the formats Dear ImGui 1.90.1 passes and on what a user may type into a field.
#include "web/libc_scan.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace flopscope::web;

namespace {

int scan(const char* input, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int stored = scan_values(input, format, args);
    va_end(args);
    return stored;
}

// One conversion into T, ours and glibc's: same return value, same stored value (when stored).
template <typename T>
void check_one(const char* input, const char* format) {
    T ours{}, theirs{};
    const int r_ours = scan(input, format, &ours);
    const int r_theirs = std::sscanf(input, format, &theirs);
    INFO("input \"" << input << "\", format \"" << format << "\"");
    CHECK(r_ours == r_theirs);
    if (r_theirs == 1) CHECK(std::memcmp(&ours, &theirs, sizeof ours) == 0);
}

} // namespace

TEST_CASE("libc_scan: strtod, where it stops and what it reads") {
    const char* inputs[] = {"  12.5e3xyz", "-0", "+.5", "1e", "1e+", ".", "", "  ", "-inf", "INFINITY", "Infinit",
                            "nan", "-1e400", "1e-400", "0x1p3", "3.14159 %", "9007199254740993", "\t\n7"};
    for (const char* s : inputs) {
        char* end_ours = nullptr;
        char* end_theirs = nullptr;
        const double ours = scan_double(s, &end_ours);
        const double theirs = std::strtod(s, &end_theirs);
        INFO("input \"" << s << "\"");
        if (std::isnan(theirs)) {
            CHECK(std::isnan(ours));
        } else if (std::strncmp(s, "0x", 2) != 0) {  // glibc reads hexadecimal floats; ours reads the 0
            CHECK(std::memcmp(&ours, &theirs, sizeof ours) == 0);
            CHECK(end_ours - s == end_theirs - s);
        }
    }
    char* end = nullptr;
    CHECK(scan_double("0x1p3", &end) == 0);
    CHECK(*end == 'x');
    CHECK(scan_double("abc", &end) == 0);
    CHECK(std::strcmp(end, "abc") == 0);
}

TEST_CASE("libc_scan: ImGui's typed-value formats, as glibc reads them") {
    // DataTypeApplyFromText: "%d" "%u" "%lld" "%llu" "%f" "%lf" after the spaces are skipped, and the
    // sanitized user formats (e.g. "%.1f %%" scans as "%f %%").
    const char* typed[] = {"42", "-42", "+7", "  13", "0", "-0", "12abc", "abc", "", "3.75", "1e3", "-2.5e-3",
                           "99999999999", "18446744073709551615", "9223372036854775807", "-9223372036854775808",
                           "0x1F", "007", "1.0000000000000002", "0.1", "12.5 %", "-", "4294967295", "2147483648"};
    for (const char* s : typed) {
        if (std::strstr(s, "0x") == nullptr) {  // glibc reads hexadecimal floats; ours reads the 0
            check_one<double>(s, "%lf");
            check_one<float>(s, "%f");
            check_one<float>(s, "%f %%");
        }
        check_one<long long>(s, "%lld");
        check_one<unsigned long long>(s, "%llu");
        // Within the 32-bit types' range glibc and ours agree; past it glibc keeps the low bits, ours clamps.
        const long long decimal = std::strtoll(s, nullptr, 10), any_base = std::strtoll(s, nullptr, 0),
                        hex = std::strtoll(s, nullptr, 16);
        if (decimal >= INT32_MIN && decimal <= INT32_MAX) check_one<int>(s, "%d");
        if (any_base >= INT32_MIN && any_base <= INT32_MAX) check_one<int>(s, "%i");
        if (decimal >= -(long long)UINT32_MAX && decimal <= (long long)UINT32_MAX) check_one<unsigned>(s, "%u");
        if (hex >= -(long long)UINT32_MAX && hex <= (long long)UINT32_MAX) {
            check_one<unsigned>(s, "%x");
            check_one<unsigned>(s, "%X");
        }
    }
    int v = 5;
    CHECK(scan("99999999999", "%d", &v) == 1);
    CHECK(v == 2147483647);  // clamped (musl stored the low 32 bits)
    CHECK(scan("-99999999999", "%d", &v) == 1);
    CHECK(v == -2147483647 - 1);
    long long ll = 0;
    CHECK(scan("-99999999999999999999", "%lld", &ll) == 1);
    CHECK(ll == INT64_MIN);
    CHECK(scan("", "%d", &v) == EOF);
    CHECK(scan("   ", "%d", &v) == EOF);
    CHECK(scan("x", "%d", &v) == 0);
}

TEST_CASE("libc_scan: ImGui's settings and color formats") {
    int x = 0, y = 0, n = 0, r = -1;
    CHECK(scan("Pos=60,-20", "Pos=%i,%i", &x, &y) == 2);
    CHECK(x == 60);
    CHECK(y == -20);
    CHECK(scan("Size=0x10,010", "Size=%i,%i", &x, &y) == 2);  // %i takes the base from the prefix
    CHECK(x == 16);
    CHECK(y == 8);
    CHECK(scan("Collapsed=1", "Pos=%i,%i", &x, &y) == 0);
    unsigned id = 0;
    int columns = 0;
    CHECK(scan("0x1A2B3C4D,5", "0x%08X,%d", &id, &columns) == 2);
    CHECK(id == 0x1A2B3C4Du);
    CHECK(columns == 5);
    CHECK(scan("Column 3  Width=120 Sort=0v", "Column %d%n", &n, &r) == 1);
    CHECK(n == 3);
    CHECK(r == 8);
    float f = 0;
    CHECK(scan("Weight=0.5000 Visible=1", "Weight=%f%n", &f, &r) == 1);
    CHECK(f == 0.5f);
    CHECK(r == 13);
    char c = 0;
    CHECK(scan("Sort=0v", "Sort=%d%c%n", &n, &c, &r) == 2);
    CHECK(n == 0);
    CHECK(c == 'v');
    CHECK(r == 7);
    unsigned rgba[4] = {0, 0, 0, 255};
    CHECK(scan("FF8000", "%02X%02X%02X%02X", &rgba[0], &rgba[1], &rgba[2], &rgba[3]) == 3);
    CHECK(rgba[0] == 0xFF);
    CHECK(rgba[1] == 0x80);
    CHECK(rgba[2] == 0x00);
    CHECK(rgba[3] == 255);
    // The same calls through glibc, for the stored counts.
    unsigned g[4] = {0, 0, 0, 255};
    CHECK(std::sscanf("FF8000", "%02X%02X%02X%02X", &g[0], &g[1], &g[2], &g[3]) == 3);
    CHECK(std::memcmp(g, rgba, sizeof g) == 0);
}
