// Test helper shared by the limits and fuzz-regression suites.
#pragma once

#include <string>

// True when `json` holds a bare nan/inf outside a string: a non-finite number was printed.
inline bool json_has_nonfinite(const std::string& json) {
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (in_string) {
            if (json[i] == '\\') ++i;
            else if (json[i] == '"') in_string = false;
        } else if (json[i] == '"') {
            in_string = true;
        } else if (json.compare(i, 3, "nan") == 0 || json.compare(i, 3, "inf") == 0) {
            return true;
        }
    }
    return false;
}
