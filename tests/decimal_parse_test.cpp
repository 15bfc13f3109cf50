// read_decimal (src/core/text.h): the core's own correctly rounded decimal-to-double reader, which the
// page uses instead of musl's strtod. Hand-made hard cases with their arithmetic, exact halfway points
// built here digit by digit, and a randomized comparison with glibc's strtod (correctly rounded).
#include "core/text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace flopscope;

namespace {

std::uint64_t bits_of(double v) {
    std::uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return b;
}

double read(const std::string& s) {
    double v = -12345.0;  // a value no case here expects
    REQUIRE(read_decimal(s, v) == s.size());
    return v;
}

// Same bits: tells -0 from 0 and compares inf exactly.
#define CHECK_READS(text, expected) CHECK(bits_of(read(text)) == bits_of(expected))

// Decimal digits of an unsigned integer, most significant first, with multiplication by a small factor:
// enough to write the exact decimal value of m · 2^e, independently of the code under test.
struct DecimalInt {
    std::vector<int> little;  // least significant digit first
    explicit DecimalInt(std::uint64_t v) {
        do little.push_back(int(v % 10)), v /= 10; while (v);
    }
    void times(int k) {
        int carry = 0;
        for (int& d : little) {
            const int t = d * k + carry;
            d = t % 10;
            carry = t / 10;
        }
        while (carry) little.push_back(carry % 10), carry /= 10;
    }
    void decrement() {  // *this ≥ 1
        for (int& d : little) {
            if (d > 0) { --d; break; }
            d = 9;
        }
        while (little.size() > 1 && little.back() == 0) little.pop_back();
    }
};

std::string digits_of(const DecimalInt& n) {
    std::string s;
    for (auto it = n.little.rbegin(); it != n.little.rend(); ++it) s += char('0' + *it);
    return s;
}

// The exact decimal of odd · 2^e as "digits" or "digitse-k": 2^-k = 5^k / 10^k.
std::string exact_decimal(std::uint64_t odd, int e) {
    DecimalInt n(odd);
    if (e >= 0) {
        for (int i = 0; i < e; ++i) n.times(2);
        return digits_of(n);
    }
    for (int i = 0; i < -e; ++i) n.times(5);
    return digits_of(n) + "e-" + std::to_string(-e);
}

// The point halfway between positive finite x and the next double up, exactly, and that point nudged
// by one unit in a digit past its last one, up and down.
struct Halfway {
    std::string exact, above, below;
};
Halfway halfway_after(double x) {
    int e2;
    const double fraction = std::frexp(x, &e2);  // x = fraction · 2^e2, fraction in [0.5, 1)
    // x = m · 2^(e2-53) with m < 2^53 an integer (subnormals: scale to the fixed lowest exponent 2^-1074).
    int e = e2 - 53;
    if (e < -1074) e = -1074;
    const auto m = std::uint64_t(std::ldexp(fraction, e2 - e));
    // Halfway = (2m + 1) · 2^(e-1).
    const std::uint64_t odd = 2 * m + 1;
    Halfway h;
    h.exact = exact_decimal(odd, e - 1);
    // Append a digit: N·10 + 1 (above) and N·10 - 1 = (N - 1)·10 + 9 (below), one place further right.
    DecimalInt n(odd);
    std::string exponent;
    if (e - 1 >= 0) {
        for (int i = 0; i < e - 1; ++i) n.times(2);
        exponent = "e-1";
    } else {
        for (int i = 0; i < 1 - e; ++i) n.times(5);
        exponent = "e-" + std::to_string(1 - e + 1);
    }
    h.above = digits_of(n) + "1" + exponent;
    n.decrement();
    h.below = digits_of(n) + "9" + exponent;
    return h;
}

void check_against_strtod(const std::string& s) {
    double ours = 0;
    REQUIRE(read_decimal(s, ours) == s.size());
    const double theirs = std::strtod(s.c_str(), nullptr);
    if (bits_of(ours) != bits_of(theirs)) {
        INFO("input: " << s);
        CHECK(bits_of(ours) == bits_of(theirs));
    }
}

} // namespace

TEST_CASE("read_decimal: how much of the text is a number") {
    double v = 7;
    CHECK(read_decimal("", v) == 0);
    CHECK(read_decimal("-", v) == 0);
    CHECK(read_decimal(".", v) == 0);
    CHECK(read_decimal("+.e5", v) == 0);
    CHECK(read_decimal("e5", v) == 0);
    CHECK(read_decimal(" 1", v) == 0);  // no spaces
    CHECK(read_decimal("inf", v) == 0);
    CHECK(read_decimal("nan", v) == 0);
    CHECK(v == 7);  // untouched when nothing is read
    CHECK(read_decimal("1e", v) == 1);
    CHECK(v == 1);
    CHECK(read_decimal("2e+", v) == 1);
    CHECK(read_decimal("3E-x", v) == 1);
    CHECK(read_decimal("1.5x", v) == 3);
    CHECK(v == 1.5);
    CHECK(read_decimal("0x10", v) == 1);  // no hex: the "0"
    CHECK(v == 0);
    CHECK(read_decimal(".5", v) == 2);
    CHECK(v == 0.5);
    CHECK(read_decimal("5.", v) == 2);
    CHECK(v == 5);
    CHECK(read_decimal("+.5e-1,", v) == 6);
    CHECK(v == 0.05);
    CHECK(read_decimal("-25E+1", v) == 6);
    CHECK(v == -250);
}

TEST_CASE("read_decimal: zeros, signs, overflow and underflow") {
    CHECK_READS("0", 0.0);
    CHECK_READS("-0", -0.0);
    CHECK_READS("-0.000e99", -0.0);
    CHECK_READS("0e99999999999999999999", 0.0);
    CHECK_READS("1e99999999999999999999", HUGE_VAL);
    CHECK_READS("-1e99999999999999999999", -HUGE_VAL);
    CHECK_READS("1e-99999999999999999999", 0.0);
    CHECK_READS("-1e-99999999999999999999", -0.0);
    CHECK_READS("1e309", HUGE_VAL);
    CHECK_READS("-1e-400", -0.0);
    // 1 written with 1000 zeros on either side.
    CHECK_READS("1" + std::string(1000, '0') + "e-1000", 1.0);
    CHECK_READS("0." + std::string(1000, '0') + "1e1001", 1.0);
    CHECK_READS(std::string(500, '0') + "12.5" + std::string(500, '0'), 12.5);
}

TEST_CASE("read_decimal: hard cases, with the arithmetic") {
    // Integers: 2^53 + 1 = 9007199254740993 lies halfway between 2^53 and 2^53 + 2 (doubles are 2 apart
    // there); ties go to the even significand, 2^53 (significand 2^52) rather than 2^53 + 2 (2^52 + 1).
    CHECK_READS("9007199254740993", 0x1p53);
    // 2^53 + 3 lies halfway between 2^53 + 2 (significand 2^52 + 1, odd) and 2^53 + 4 (2^52 + 2, even).
    CHECK_READS("9007199254740995", 0x1p53 + 4);
    // A hair above or below the tie is no tie: the digits far right decide.
    CHECK_READS("9007199254740993.00000000000000000000000000000001", 0x1p53 + 2);
    CHECK_READS("9007199254740992.99999999999999999999999999999999", 0x1p53);
    CHECK_READS("9007199254740993" + std::string(900, '0') + "1e-901", 0x1p53 + 2);  // beyond 800 digits
    CHECK_READS("9007199254740992" + std::string(900, '9') + "e-900", 0x1p53);

    // 0.1 · 2^56 = 7205759403792793.6 rounds up to 7205759403792794 = 0x1999999999999A.
    CHECK_READS("0.1", 0x1.999999999999ap-4);
    // 1e23 = 5^23 · 2^23 and 5^23 = 11920928955078125 needs 54 bits: 1e23 = (5^23 / 2) · 2^24 with
    // 5^23 / 2 = 5960464477539062.5, an exact tie, to even: 5960464477539062 · 2^24 = 0x1.52d02c7e14af6p76.
    CHECK_READS("1e23", 0x1.52d02c7e14af6p76);
    CHECK_READS("8.589973e9", 8589973000.0);  // fast path: 8589973 · 10^3, both exact

    // The largest subnormal, (2^52 - 1) · 2^-1074 = 2.2250738585072009e-308, and the smallest normal
    // 2^-1022 = 2.2250738585072014e-308: 2.2250738585072011e-308 is nearer the subnormal (the midpoint is
    // 2.22507385850720113605...e-308).
    CHECK_READS("2.2250738585072011e-308", 0x0.fffffffffffffp-1022);
    CHECK_READS("2.2250738585072012e-308", 0x1p-1022);
    CHECK_READS("2.2250738585072014e-308", 0x1p-1022);
    // The smallest subnormal 2^-1074 = 4.9406564584124654e-324; half of it, 2^-1075 = 2.4703282292062327e-324
    // (cut), ties to 0 when exact and goes to 2^-1074 when just above.
    CHECK_READS("4.9406564584124654e-324", std::numeric_limits<double>::denorm_min());
    CHECK_READS("5e-324", std::numeric_limits<double>::denorm_min());
    CHECK_READS(exact_decimal(1, -1075), 0.0);
    CHECK_READS("2.4703282292062328e-324", std::numeric_limits<double>::denorm_min());
    CHECK_READS("2.4703282292062327e-324", 0.0);  // cut below the half
    CHECK_READS("-3e-324", -std::numeric_limits<double>::denorm_min());
    // 3/2 of the smallest subnormal ties between 1 and 2 units: to 2 (even).
    CHECK_READS(exact_decimal(3, -1075), 0x1p-1073);

    // The largest double (2^53 - 1) · 2^971 = 1.7976931348623157e308; the midpoint to 2^1024 (where inf
    // starts) is (2^54 - 1) · 2^970 = 1.797693134862315807937...e308, ties to the even significand: inf.
    CHECK_READS("1.7976931348623157e308", std::numeric_limits<double>::max());
    CHECK_READS("1.7976931348623158e308", std::numeric_limits<double>::max());
    CHECK_READS("1.7976931348623159e308", HUGE_VAL);
    CHECK_READS(exact_decimal((std::uint64_t(1) << 54) - 1, 970), HUGE_VAL);
    CHECK_READS("-" + exact_decimal((std::uint64_t(1) << 54) - 1, 970), -HUGE_VAL);
}

TEST_CASE("read_decimal: exact halfway points go to the even neighbour, a digit more goes to the nearer one") {
    std::mt19937_64 rng(20261130);
    std::vector<double> xs = {1.0, 0.1, 1e-300, 5e-324, 0x0.fffffffffffffp-1022, 0x1p-1022, 123456789.0,
                              0x1.fffffffffffffp52, 1e300, std::numeric_limits<double>::max()};
    for (int i = 0; i < 300; ++i) {
        double x;
        do {
            const std::uint64_t b = rng() & 0x7FFFFFFFFFFFFFFFu;
            std::memcpy(&x, &b, sizeof x);
        } while (!std::isfinite(x) || x == 0);
        xs.push_back(x);
    }
    for (const double x : xs) {
        const double next = std::nextafter(x, HUGE_VAL);
        const double even = (bits_of(x) & 1) == 0 ? x : next;  // inf's bits are even, as 2^1024 would be
        const Halfway h = halfway_after(x);
        INFO("x = " << x << ", halfway = " << h.exact);
        CHECK(bits_of(read(h.exact)) == bits_of(even));
        CHECK(bits_of(read(h.above)) == bits_of(next));
        CHECK(bits_of(read(h.below)) == bits_of(x));
        check_against_strtod(h.exact);
    }
}

TEST_CASE("read_decimal: the same double as glibc's strtod, randomized") {
    std::mt19937_64 rng(42);
    char buf[64];
    // Every finite double printed the ways snprintf prints them.
    for (int i = 0; i < 40000; ++i) {
        const std::uint64_t b = rng();
        double x;
        std::memcpy(&x, &b, sizeof x);
        if (!std::isfinite(x)) continue;
        for (const char* format : {"%.17g", "%.16g", "%.15g", "%.6g", "%.3e"}) {
            std::snprintf(buf, sizeof buf, format, x);
            check_against_strtod(buf);
        }
        std::snprintf(buf, sizeof buf, "%.17g", x);
        double back = 0;
        read_decimal(buf, back);
        CHECK(bits_of(back) == bits_of(x));
    }
    // Random digit strings: 1 to 40 digits, a point anywhere, exponents across double's range and past it.
    std::uniform_int_distribution<int> length(1, 40), exponent(-360, 340), digit(0, 9);
    for (int i = 0; i < 40000; ++i) {
        std::string s = (rng() & 1) ? "-" : "";
        const int n = length(rng);
        const int point = int(rng() % std::uint64_t(n + 1));
        for (int k = 0; k < n; ++k) {
            if (k == point && k > 0) s += '.';
            s += char('0' + digit(rng));
        }
        s += "e" + std::to_string(exponent(rng));
        check_against_strtod(s);
    }
    // The largest numbers the exact path works with: 1000 digits at the edges of the range it takes
    // (10^-324 ≤ value < 10^309), where the scaled ratio has the most bits.
    for (const char* d : {"9", "2", "25", "1", "17976931348623157", "1797693134862315807937"}) {
        std::string digits = d;
        while (digits.size() < 1000) digits += char('0' + digit(rng));
        check_against_strtod("0." + std::string(323, '0') + digits);  // point -323: 10^-324 ≤ value < 10^-323
        check_against_strtod(digits + "e-691");                        // point 309
        check_against_strtod("0." + digits + "e309");
    }
    // Long strings, past the 800 digits kept exactly.
    std::uniform_int_distribution<int> long_length(100, 1300), long_exponent(-1700, 400);
    for (int i = 0; i < 300; ++i) {
        std::string s = "0.";
        const int n = long_length(rng);
        for (int k = 0; k < n; ++k) s += char('0' + digit(rng));
        if (i % 3 == 0) s.back() = '1', s.insert(s.size() - 1, std::string(rng() % 900, '0'));
        s += "e" + std::to_string(long_exponent(rng) + (i % 2 ? 0 : n));
        check_against_strtod(s);
    }
}
