// Flopscope core — small text helpers for the link codec (see text.h).
#include "core/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace flopscope {

namespace {
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
constexpr char kHex[] = "0123456789ABCDEF";
} // namespace

//-----------------------------------------------------------------------------------------------------
// [SECTION] Decimal to double, correctly rounded
//-----------------------------------------------------------------------------------------------------
// The value is D × 10^e10 with D the significant digits as an integer. When D and 10^|e10| are both
// exact doubles (D ≤ 2^53, |e10| ≤ 22) one multiplication or division rounds once, correctly (Clinger's
// fast path). Otherwise the ratio num/den (D·10^e10 as a fraction of integers) is divided exactly, bit by
// bit, into a 54- or 55-bit quotient plus "remainder is not zero", which is all that round-half-even
// needs. No long double and no tables: this replaces strtod on the page to keep musl's scanner and its
// 128-bit soft-float out of the wasm.

namespace {

// Unsigned integer in 32-bit limbs, least significant first. The slow path's numbers stay below 2^3800:
// D < 10^801 (800 digits and a sticky one), den ≤ 10^1124 · 2^54 (a value ≥ 10^-324 with 801 digits),
// and num < 2 · den during the division.
struct BigNum {
    static constexpr int kLimbs = 128;
    std::uint32_t limb[kLimbs];
    int size = 0;

    explicit BigNum(std::uint32_t v) { if (v) limb[size++] = v; }
    // *this = *this · m + add.
    void mul_add(std::uint32_t m, std::uint32_t add) {
        std::uint64_t carry = add;
        for (int i = 0; i < size; ++i) {
            carry += std::uint64_t(limb[i]) * m;
            limb[i] = std::uint32_t(carry);
            carry >>= 32;
        }
        if (carry) limb[size++] = std::uint32_t(carry);
    }
    void mul_pow10(std::int64_t k) {
        for (; k >= 9; k -= 9) mul_add(1000000000u, 0);
        std::uint32_t p = 1;
        while (k-- > 0) p *= 10;
        mul_add(p, 0);
    }
    void shift_left(std::int64_t bits) {
        if (size == 0 || bits <= 0) return;
        const int words = int(bits / 32), b = int(bits % 32);
        limb[size] = 0;
        for (int i = size; i >= 0; --i) {
            const std::uint32_t lo = (b && i > 0) ? limb[i - 1] >> (32 - b) : 0;
            limb[i + words] = (limb[i] << b) | lo;
        }
        for (int i = 0; i < words; ++i) limb[i] = 0;
        size += words + 1;
        while (size > 0 && limb[size - 1] == 0) --size;
    }
    int bit_length() const {
        if (size == 0) return 0;
        int bits = 32 * (size - 1);
        for (std::uint32_t top = limb[size - 1]; top; top >>= 1) ++bits;
        return bits;
    }
    bool less_than(const BigNum& o) const {
        if (size != o.size) return size < o.size;
        for (int i = size - 1; i >= 0; --i)
            if (limb[i] != o.limb[i]) return limb[i] < o.limb[i];
        return false;
    }
    // *this -= o, with o ≤ *this.
    void subtract(const BigNum& o) {
        std::int64_t borrow = 0;
        for (int i = 0; i < size; ++i) {
            borrow += std::int64_t(limb[i]) - (i < o.size ? o.limb[i] : 0);
            limb[i] = std::uint32_t(borrow);
            borrow >>= 32;  // 0 or -1
        }
        while (size > 0 && limb[size - 1] == 0) --size;
    }
};

// Digits kept exactly; a number with more significant digits keeps its first 800 and a 1 standing for the
// nonzero rest. That changes nothing: a point halfway between two doubles has at most 767 significant
// digits, so no such point (nor any double) lies strictly between the cut number and the cut number plus
// one unit in its 800th digit, where both the true value and the stand-in lie.
constexpr std::int64_t kMaxDigits = 800;

// D · 10^e10 rounded to the nearest double (ties to even), D = the digits [first, first + count) of
// `digit(i)`, the first one nonzero, and the value below 10^310 and at least 10^-324 (the caller sends the
// rest to inf and 0).
template <typename Digit>
double round_exact(const Digit& digit, std::int64_t first, std::int64_t count, std::int64_t e10) {
    BigNum num(0), den(1);
    const std::int64_t kept = std::min(count, kMaxDigits);
    for (std::int64_t i = 0; i < kept; ++i) num.mul_add(10, std::uint32_t(digit(first + i)));
    if (count > kept) num.mul_add(10, 1), e10 += count - kept - 1;  // the sticky digit
    if (e10 >= 0) num.mul_pow10(e10);
    else den.mul_pow10(-e10);
    // num/den lies in (2^(b-1), 2^(b+1)); scaled by 2^s it lies in (2^53, 2^55).
    const std::int64_t b = num.bit_length() - den.bit_length();
    const std::int64_t s = 54 - b;
    if (s >= 0) num.shift_left(s);
    else den.shift_left(-s);
    // Long division, one quotient bit per step: q = floor(num / den) < 2^55, remainder kept in num.
    den.shift_left(54);
    std::uint64_t q = 0;
    for (int step = 0; step < 55; ++step) {
        q <<= 1;
        if (!num.less_than(den)) num.subtract(den), q |= 1;
        num.shift_left(1);
    }
    const bool sticky = num.size != 0;
    // The value is (q + a fraction) · 2^-s. Keep 53 bits, or fewer for a subnormal (lowest bit 2^-1074).
    int q_bits = 0;
    for (std::uint64_t t = q; t; t >>= 1) ++q_bits;
    const std::int64_t e_lsb = std::max<std::int64_t>(q_bits - 53 - s, -1074);
    const std::int64_t drop = e_lsb + s;  // ≥ 1: q has at least 54 bits
    std::uint64_t m = 0;
    if (drop < 64) {
        m = q >> drop;
        const std::uint64_t rest = q & ((std::uint64_t(1) << drop) - 1), half = std::uint64_t(1) << (drop - 1);
        if (rest > half || (rest == half && (sticky || (m & 1)))) ++m;
    }
    // m ≤ 2^53 with the exponent of its lowest bit e_lsb: the biased exponent field is e_lsb + 1075 for
    // m in [2^52, 2^53) and 0 for a subnormal (e_lsb = -1074), so adding m to (e_lsb + 1074) << 52 sets
    // both, and a rounding carry to 2^53 or into the normal range carries into the exponent field.
    std::uint64_t bits = (std::uint64_t(e_lsb + 1074) << 52) + m;
    if (bits >= 0x7FF0000000000000u) bits = 0x7FF0000000000000u;  // inf
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

} // namespace

std::size_t read_decimal(std::string_view s, double& out) {
    const std::size_t n = s.size();
    std::size_t i = 0;
    bool negative = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    const std::size_t digits_begin = i;
    std::int64_t int_digits = 0, all_digits = 0;
    while (i < n && is_digit(s[i])) ++i, ++int_digits;
    bool has_point = false;
    if (i < n && s[i] == '.') {
        has_point = true;
        ++i;
        while (i < n && is_digit(s[i])) ++i;
    }
    all_digits = std::int64_t(i - digits_begin) - (has_point ? 1 : 0);
    if (all_digits == 0) return 0;
    // Digit k of the mantissa (0 = the first), skipping the point.
    const auto digit = [&](std::int64_t k) {
        return s[digits_begin + std::size_t(k) + (k >= int_digits ? 1 : 0)] - '0';
    };
    // The exponent, saturated far beyond any double's (a longer one changes nothing but inf or 0).
    std::int64_t exp10 = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        bool exp_negative = false;
        if (j < n && (s[j] == '+' || s[j] == '-')) exp_negative = s[j++] == '-';
        if (j < n && is_digit(s[j])) {
            while (j < n && is_digit(s[j])) {
                exp10 = std::min<std::int64_t>(exp10 * 10 + (s[j] - '0'), 1000000000);
                ++j;
            }
            if (exp_negative) exp10 = -exp10;
            i = j;
        }
    }
    // Significant digits: from the first nonzero one to the last nonzero one.
    std::int64_t first = 0, last = -1;
    while (first < all_digits && digit(first) == 0) ++first;
    for (std::int64_t k = first; k < all_digits; ++k)
        if (digit(k) != 0) last = k;
    double v = 0;
    if (last >= 0) {
        // value = 0.d_first...d_last · 10^point, so 10^(point-1) ≤ value < 10^point.
        const std::int64_t point = int_digits - first + exp10;
        const std::int64_t count = last - first + 1, e10 = point - count;
        std::uint64_t d = 0;
        for (std::int64_t k = 0; k < count && k < 19; ++k) d = d * 10 + std::uint64_t(digit(first + k));
        if (point > 309) {
            v = HUGE_VAL;  // ≥ 10^309
        } else if (point < -323) {
            v = 0;  // < 10^-324, below half the smallest subnormal (2^-1075 ≈ 2.47e-324)
        } else if (count <= 19 && d <= (std::uint64_t(1) << 53) && e10 >= -22 && e10 <= 22) {
            double p10 = 1;  // 10^|e10| ≤ 10^22 = 2^22 · 5^22, 5^22 < 2^53: every product is exact
            for (std::int64_t k = 0; k < (e10 < 0 ? -e10 : e10); ++k) p10 *= 10;
            v = e10 < 0 ? double(d) / p10 : double(d) * p10;
        } else {
            v = round_exact(digit, first, count, e10);
        }
    }
    out = negative ? -v : v;
    return i;
}

std::string shortest_decimal(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
    char buf[48];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        double back = 0;
        read_decimal(buf, back);
        if (same_bits(back, v)) break;
    }
    // Tidy the exponent: "1e+09" → "1e9", "1.5e-05" → "1.5e-5".
    std::string s = buf;
    const std::size_t e = s.find('e');
    if (e == std::string::npos) return s;
    // Whole numbers read better in full when that is at most two characters longer: 1000, not 1e3.
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
        char fixed[48];
        std::snprintf(fixed, sizeof fixed, "%.0f", v);
        if (std::strlen(fixed) <= s.size()) return fixed;
    }
    std::string mantissa = s.substr(0, e), exponent;
    std::size_t i = e + 1;
    if (s[i] == '-') exponent = "-";
    if (s[i] == '+' || s[i] == '-') ++i;
    while (i + 1 < s.size() && s[i] == '0') ++i;
    exponent += s.substr(i);
    return mantissa + "e" + exponent;
}

bool parse_decimal(std::string_view s, double& out) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    if (i < n && s[i] == '-') ++i;
    std::size_t int_digits = 0, frac_digits = 0;
    while (i < n && is_digit(s[i])) ++i, ++int_digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && is_digit(s[i])) ++i, ++frac_digits;
    }
    if (int_digits + frac_digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (i < n && is_digit(s[i])) ++i, ++exp_digits;
        if (exp_digits == 0) return false;
    }
    if (i != n) return false;
    return read_decimal(s, out) == n;
}

bool parse_integer(std::string_view s, std::int64_t& out) {
    if (s.empty()) return false;
    const char* first = s.data();
    const char* last = s.data() + s.size();
    // from_chars accepts a leading '-' but no '+'; require at least one digit after the sign.
    if (*first == '-' && s.size() == 1) return false;
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || ptr != last) return false;
    out = v;
    return true;
}

std::string percent_encode(std::string_view s, std::string_view keep) {
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || (c < 0x80 && keep.find(ch) != std::string_view::npos)) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

bool percent_decode(std::string_view s, std::string& out) {
    out.clear();
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size()) return false;
        const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

bool is_valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
        else return false;  // continuation byte, overlong lead (C0, C1) or F5..FF
        if (n - i < len) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;  // overlong
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

bool has_control_chars(std::string_view s) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) return true;
    }
    return false;
}

std::string quoted(std::string_view s, std::size_t max_bytes) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (out.size() > max_bytes) {
            out += "…";
            break;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            out += s[i];
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out + "\"";
}

} // namespace flopscope
