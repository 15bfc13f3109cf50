// Flopscope core — exact, non-negative integer counts that detect overflow instead of wrapping.
//
// Every MAC, FLOP, parameter and byte count in Flopscope is a Count. Arithmetic on Counts saturates a
// sticky `overflow` flag; whoever prints a Count must check it (Network evaluation turns it into an
// error message naming the layer).
#pragma once

#include <cstdint>
#include <string>

namespace flopscope {

struct Count {
    std::uint64_t value = 0;
    bool overflow = false;

    constexpr Count() = default;
    constexpr Count(std::uint64_t v) : value(v) {}  // NOLINT: implicit on purpose, counts are numbers
    static constexpr Count overflowed() { Count c; c.overflow = true; return c; }

    constexpr bool ok() const { return !overflow; }
    friend constexpr bool operator==(const Count& a, const Count& b) = default;
};

inline Count operator+(Count a, Count b) {
    Count r;
    r.overflow = a.overflow || b.overflow || __builtin_add_overflow(a.value, b.value, &r.value);
    if (r.overflow) r.value = 0;
    return r;
}

inline Count operator*(Count a, Count b) {
    Count r;
    r.overflow = a.overflow || b.overflow || __builtin_mul_overflow(a.value, b.value, &r.value);
    if (r.overflow) r.value = 0;
    return r;
}

inline Count& operator+=(Count& a, Count b) { return a = a + b; }
inline Count& operator*=(Count& a, Count b) { return a = a * b; }

// Converts a signed size to a Count; negative values count as overflow (they never reach here from a
// validated network, so this only guards against programming errors).
inline Count count_of(std::int64_t v) { return v < 0 ? Count::overflowed() : Count(static_cast<std::uint64_t>(v)); }

// Decimal digits with thousands separators, e.g. 1,814,073,344. "overflow" when the count overflowed.
std::string with_commas(Count c);
// A count as a JSON or CSV number: plain digits, "null" when the count overflowed.
std::string count_or_null(Count c);

} // namespace flopscope
