// The number formats of src/core/format.h, shared by the page and the CLI: exact strings.
#include "core/count.h"
#include "core/format.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <limits>

using namespace flopscope;

TEST_CASE("format: thousands separators, one routine for counts, signed integers and doubles") {
    CHECK(group_digits("1234567") == "1,234,567");
    CHECK(group_digits("123") == "123");
    CHECK(group_digits("1000") == "1,000");
    CHECK(group_digits("") == "");
    CHECK(with_commas(Count(std::uint64_t{11689512})) == "11,689,512");
    CHECK(with_commas_signed(-1234567) == "-1,234,567");
    CHECK(with_commas_signed(0) == "0");
    // -2^63 = -9,223,372,036,854,775,808: its magnitude does not fit an int64.
    CHECK(with_commas_signed(std::numeric_limits<std::int64_t>::min()) == "-9,223,372,036,854,775,808");
    CHECK(with_commas_double(1234.5) == "1,234.5");
    CHECK(with_commas_double(-3613153689.6) == "-3,613,153,689.6");
}

TEST_CASE("format: SI prefixes from one table") {
    CHECK(scale_prefix(2779348992.0).scale == 1e9);
    CHECK(std::string(scale_prefix(2779348992.0).name) == "G");
    CHECK(std::string(scale_prefix(999.0).name).empty());
    CHECK(std::string(scale_prefix(1e15).name) == "P");
    CHECK(format_scaled(2779348992.0) == "2.7793 G");  // 2.779348992 at 4 decimals
    CHECK(format_scaled(512.0) == "512 ");
    CHECK(format_scaled(std::numeric_limits<double>::infinity()) == "n/a");
}

TEST_CASE("format: bytes, one implementation for the page and the CLI") {
    CHECK(format_bytes(1766195.2) == "1.77 MB");
    CHECK(format_bytes(512.0) == "512 B");
    CHECK(format_bytes(200704.0) == "200.70 KB");
    CHECK(format_bytes(4.0 * 25557032.0) == "102.23 MB");  // resnet50's params at 4 bytes: 102,228,128 B
    CHECK(format_bytes(2.5e15) == "2.50 PB");
    CHECK(format_bytes(std::numeric_limits<double>::quiet_NaN()) == "n/a");
}

TEST_CASE("format: percents, fixed and trimmed") {
    CHECK(format_percent(130.0) == "130.00 %");
    CHECK(format_percent(12.5, 1) == "12.5 %");
    CHECK(format_percent(std::numeric_limits<double>::infinity()) == "n/a");
    CHECK(format_fraction_percent(0.2) == "20 %");
    CHECK(format_fraction_percent(0.125) == "12.5 %");
    CHECK(format_fraction_percent(1.0 / 3.0, 1) == "33.3 %");
    CHECK(format_fraction_percent(0.5, 1) == "50 %");
    CHECK(format_fraction_percent(2.5, 1) == "250 %");
    CHECK(format_fraction_percent(-0.0) == "0 %");
    CHECK(format_fraction_percent(std::numeric_limits<double>::quiet_NaN()) == "n/a");
}

TEST_CASE("format: the shortest round-trip decimal, JSON style") {
    CHECK(format_double(0.2) == "0.2");
    CHECK(format_double(3613153689.6) == "3613153689.6");
    CHECK(format_double(-0.0) == "0");
    CHECK(format_double(std::numeric_limits<double>::quiet_NaN()) == "null");
}
