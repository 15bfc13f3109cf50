// Flopscope core — an enum's names, written once (the model is ImGui's
// IM_STATIC_ASSERT(IM_ARRAYSIZE(GStyleVarInfo) == ImGuiStyleVar_COUNT)).
//
// Every enum with names ends with a Count_ sentinel. Its EnumNames table is built from exactly
// enum_count<E> names, in the enum's order, or the build fails: a value added without a name does not
// compile (an std::array of names sized by hand would leave a nullptr). name(), parse() and the lists
// that messages, bit sets and pickers need all read the same table.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace flopscope {

// The number of values of an enum that ends with a Count_ sentinel.
template <typename E>
inline constexpr std::size_t enum_count = static_cast<std::size_t>(E::Count_);

template <typename E>
class EnumNames {
public:
    template <typename... Names>
    constexpr EnumNames(Names... names) : names_{names...} {
        static_assert(sizeof...(Names) == enum_count<E>, "one name for each value of the enum, in its order");
    }

    constexpr const char* name(E e) const { return names_[static_cast<std::size_t>(e)]; }
    static constexpr std::size_t size() { return enum_count<E>; }
    constexpr const char* const* data() const { return names_.data(); }  // for ImGui::Combo
    constexpr auto begin() const { return names_.begin(); }
    constexpr auto end() const { return names_.end(); }

    // The value named `s` exactly; false (and `out` untouched) when no value has that name.
    bool parse(std::string_view s, E& out) const {
        for (std::size_t i = 0; i < names_.size(); ++i) {
            if (s == names_[i]) {
                out = static_cast<E>(i);
                return true;
            }
        }
        return false;
    }

    // "a, b or c", for messages listing what is accepted.
    std::string choices(std::string_view last = " or ") const {
        std::string s;
        for (std::size_t i = 0; i < names_.size(); ++i)
            s += std::string(i == 0 ? "" : i + 1 == names_.size() ? last : ", ") + names_[i];
        return s;
    }

    // The names of the values whose bit (1 << value) is set, joined by `sep` ("" for none), each
    // written by `quote` when given (e.g. json_string).
    std::string names_of_bits(std::uint32_t bits, std::string_view sep,
                              std::string (*quote)(const std::string&) = nullptr) const {
        std::string s;
        for (std::size_t i = 0; i < names_.size(); ++i) {
            if ((bits & (1u << i)) == 0) continue;
            if (!s.empty()) s += sep;
            s += quote ? quote(names_[i]) : std::string(names_[i]);
        }
        return s;
    }

    // Every value's bit set (values from 0 to Count_ − 1).
    static constexpr std::uint32_t all_bits() { return (1u << enum_count<E>) - 1; }

private:
    std::array<const char*, enum_count<E>> names_;
};

} // namespace flopscope
