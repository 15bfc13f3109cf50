// Flopscope core — number formatting: the one place a number becomes text, for the page and the CLI
// alike (after Tracy's TracyPrint). SI prefixes, thousands separators, bytes, percents and the shortest
// round-trip decimal each live here once.
//
// Numbers use snprintf in the C locale (read back with read_decimal, core/text.h), not the
// floating-point std::to_chars, which Emscripten 3.1.6's libc++ does not provide.
#pragma once

#include <cstdint>
#include <string>

namespace flopscope {

// A whole number in plain decimal ("-1234"), as links, CLI messages and JSON keys write it.
inline std::string decimal(std::int64_t v) { return std::to_string(v); }

// Shortest decimal that parses back to exactly `v` ("0.2", "3613153689.6"); "null" for NaN/inf (the
// JSON number format). -0 prints "0".
std::string format_double(double v);

// The decimal SI prefix for `v`: {1e9, "G"} for 2779348992; {1, ""} below 1000 (and for non-finite v).
struct ScalePrefix {
    double scale;
    const char* name;
};
ScalePrefix scale_prefix(double v);
// Auto-scaled with a unit prefix and fixed decimals: 2779348992 → "2.7793 G" (decimals = 4); whole
// numbers below 1000 without decimals and with a trailing space ("512 "), so a unit can follow.
std::string format_scaled(double v, int decimals = 4);
// The decimals that leave `significant` digits of `v` once divided by `scale` (never fewer than the
// integer part, never negative): (2779348992, 1e9, 3) → 2 ("2.78"); (601548500, 1e6, 3) → 0 ("602");
// (833804697.6, 1e9, 3) → 3 ("0.834").
int decimals_for_significant(double v, double scale, int significant);

// A string of decimal digits with a ',' every three from the right: "1234567" → "1,234,567".
std::string group_digits(const std::string& digits);
// An integer with thousands separators (negative values get a minus sign): -1234567 → "-1,234,567".
std::string with_commas_signed(std::int64_t v);
// A double with thousands separators in its integer part and its shortest exact fraction: "1,234.5".
std::string with_commas_double(double v);

// Bytes, scaled with decimal prefixes: "1.77 MB", "200.70 KB", "512 B"; "n/a" when not finite.
std::string format_bytes(double bytes);

// A percentage with fixed decimals: 130 → "130.00 %"; "n/a" when not finite.
std::string format_percent(double percent, int decimals = 2);
// A fraction as a percentage with at most `max_decimals`, trailing zeros cut: 0.2 → "20 %",
// 0.125 → "12.5 %"; "n/a" when not finite.
std::string format_fraction_percent(double fraction, int max_decimals = 2);

// A cost in the chosen unit: "2.7793 GFLOPs" (auto-scaled, 4 decimals) or, exact, "2,779,348,992 FLOPs"
// ("3,613,153,689.6 FLOPs" when a scenario cost is fractional). `unit` is "FLOPs", "MACs" or "" (bare).
std::string format_cost(double value, const char* unit, bool exact, int decimals = 4);
// Like format_cost, but scaled with the unit prefix `reference` would get, so a difference reads in the
// same unit as what it is a difference of: -833804697.6 next to 2779348992 → "-0.8338 GFLOPs".
std::string format_cost_as(double value, double reference, const char* unit, bool exact, int decimals = 4);
// How much room a cost has. Full: "2.7793 GFLOPs" (the decimals asked for); Short: "2.779 GFLOPs" (4
// significant digits); Tiny: "2.78 G" (3 significant digits, the unit left to the row or axis that
// names it). Exact values keep every digit at every width; Tiny drops their unit.
enum class NumberWidth : std::uint8_t { Full, Short, Tiny };
inline constexpr NumberWidth kNumberWidths[] = {NumberWidth::Full, NumberWidth::Short, NumberWidth::Tiny};
std::string format_cost(double value, const char* unit, bool exact, NumberWidth width, int decimals = 4);
std::string format_cost_as(double value, double reference, const char* unit, bool exact, NumberWidth width,
                           int decimals = 4);
// A count with thousands separators when exact, else scaled: "11,689,512" / "11.69 M".
std::string format_amount(double value, bool exact, int decimals = 2);

} // namespace flopscope
