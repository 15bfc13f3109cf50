// Flopscope core — number formatting (see format.h).
#include "core/format.h"

#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace flopscope {

std::string format_double(double v) {
    if (!std::isfinite(v)) return "null";
    if (v == 0) return "0";  // also turns -0 into 0
    char buf[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        double back = 0;
        read_decimal(buf, back);
        if (back == v) break;
    }
    return buf;
}

ScalePrefix scale_prefix(double v) {
    static const ScalePrefix prefixes[] = {{1e15, "P"}, {1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "K"}};
    const double a = std::fabs(v);
    for (const ScalePrefix& p : prefixes)
        if (a >= p.scale) return p;
    return {1, ""};
}

std::string format_scaled(double v, int decimals) {
    if (!std::isfinite(v)) return "n/a";
    const ScalePrefix p = scale_prefix(v);
    char buf[64];
    if (p.scale > 1) std::snprintf(buf, sizeof buf, "%.*f %s", decimals, v / p.scale, p.name);
    else if (v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f ", v);
    else std::snprintf(buf, sizeof buf, "%.*f ", decimals, v);
    return buf;
}

int decimals_for_significant(double v, double scale, int significant) {
    const double a = std::fabs(v / scale);
    if (!std::isfinite(a) || a == 0) return std::max(0, significant - 1);
    // Digits left of the point once rounded to `significant` digits (999.7 at 3 digits is "1000").
    int integer_digits = a < 1 ? 0 : static_cast<int>(std::floor(std::log10(a))) + 1;  // "0.83": 2 significant
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::max(0, significant - integer_digits), a);
    double rounded = 0;
    read_decimal(buf, rounded);
    if (rounded >= std::pow(10.0, integer_digits)) ++integer_digits;
    return std::max(0, significant - integer_digits);
}

std::string group_digits(const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// Negated in unsigned arithmetic: -INT64_MIN does not fit an int64 (a link can carry that value).
std::string with_commas_signed(std::int64_t v) {
    const bool negative = v < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    return (negative ? "-" : "") + group_digits(std::to_string(magnitude));
}

std::string with_commas_double(double v) {
    if (!std::isfinite(v)) return format_double(v);
    const bool negative = v < 0;
    const std::string s = format_double(std::fabs(v));
    // format_double may use an exponent for huge/tiny values, which is left as is.
    if (s.find_first_of("eE") != std::string::npos) return (negative ? "-" : "") + s;
    const std::size_t dot = s.find('.');
    const std::string integer = dot == std::string::npos ? s : s.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : s.substr(dot);
    return (negative ? "-" : "") + group_digits(integer) + fraction;
}

std::string format_bytes(double bytes) {
    if (!std::isfinite(bytes)) return "n/a";
    if (std::fabs(bytes) < 1000 && bytes == std::floor(bytes)) return with_commas_double(bytes) + " B";
    return format_scaled(bytes, 2) + "B";  // "1.77 M" + "B"; "512.50 " + "B"
}

std::string format_percent(double percent, int decimals) {
    if (!std::isfinite(percent)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f %%", decimals, percent);
    return buf;
}

std::string format_fraction_percent(double fraction, int max_decimals) {
    if (!std::isfinite(fraction)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", max_decimals, fraction * 100.0);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s + " %";
}

namespace {

// Appends a unit to a scaled number: "2.7793 G" + "FLOPs" → "2.7793 GFLOPs"; "512.0000" → "512.0000 FLOPs".
std::string with_unit(std::string number, const char* unit) {
    if (!unit || !*unit) {
        while (!number.empty() && number.back() == ' ') number.pop_back();
        return number;
    }
    if (!number.empty() && std::isdigit(static_cast<unsigned char>(number.back()))) number += ' ';
    return number + unit;
}

} // namespace

std::string format_cost(double value, const char* unit, bool exact, int decimals) {
    return format_cost(value, unit, exact, NumberWidth::Full, decimals);
}

std::string format_cost_as(double value, double reference, const char* unit, bool exact, int decimals) {
    return format_cost_as(value, reference, unit, exact, NumberWidth::Full, decimals);
}

std::string format_cost(double value, const char* unit, bool exact, NumberWidth width, int decimals) {
    return format_cost_as(value, value, unit, exact, width, decimals);
}

// Scaled with the prefix `reference` gets, so a difference reads in the unit of what it differs from.
std::string format_cost_as(double value, double reference, const char* unit, bool exact, NumberWidth width,
                           int decimals) {
    if (width == NumberWidth::Tiny) unit = "";
    if (exact) return with_unit(with_commas_double(value), unit);
    if (!std::isfinite(value)) return with_unit(format_scaled(value, decimals), unit);
    ScalePrefix p = scale_prefix(reference);
    if (p.scale <= 1) p = scale_prefix(value);
    if (p.scale <= 1 && value == std::floor(value)) return with_unit(format_scaled(value, decimals), unit);
    if (width != NumberWidth::Full) decimals = decimals_for_significant(value, p.scale, width == NumberWidth::Short ? 4 : 3);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f %s", decimals, value / p.scale, p.name);
    return with_unit(buf, unit);
}

std::string format_amount(double value, bool exact, int decimals) {
    if (exact) return with_commas_double(value);
    if (std::fabs(value) < 1000 && value == std::floor(value)) return with_commas_double(value);
    return with_unit(format_scaled(value, decimals), "");
}

} // namespace flopscope
