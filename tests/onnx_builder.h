// A tiny protobuf writer for tests: builds ONNX models byte by byte (malformed ones included), so the
// reader's tests need no onnx package. Field numbers are onnx.proto's.
#pragma once

#include "core/onnx/reader.h"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace onnx_test {

struct Pb {
    std::string b;
    Pb& varint(std::uint64_t v) {
        while (v >= 0x80) {
            b += static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        b += static_cast<char>(v);
        return *this;
    }
    Pb& tag(int field, int wt) { return varint(static_cast<std::uint64_t>(field) << 3 | static_cast<std::uint64_t>(wt)); }
    Pb& u(int field, std::uint64_t v) { return tag(field, 0).varint(v); }
    Pb& i(int field, std::int64_t v) { return u(field, static_cast<std::uint64_t>(v)); }
    Pb& s(int field, std::string_view x) {
        tag(field, 2).varint(x.size());
        b.append(x.data(), x.size());
        return *this;
    }
    Pb& m(int field, const Pb& sub) { return s(field, sub.b); }
    Pb& f32(int field, float f) {
        tag(field, 5);
        std::uint32_t bits;
        std::memcpy(&bits, &f, 4);
        for (int k = 0; k < 4; ++k) b += static_cast<char>((bits >> (8 * k)) & 0xff);
        return *this;
    }
};

// ValueInfoProto with a float tensor type; a dim < 0 is written as the symbol "batch".
inline Pb value_info(std::string_view name, const std::vector<std::int64_t>& dims, int elem = 1) {
    Pb shape;
    for (std::int64_t d : dims) {
        Pb dim;
        if (d >= 0) dim.i(1, d);
        else dim.s(2, "batch");
        shape.m(1, dim);
    }
    Pb tensor_type;
    tensor_type.u(1, static_cast<std::uint64_t>(elem)).m(2, shape);
    Pb type;
    type.m(1, tensor_type);
    Pb vi;
    vi.s(1, name).m(2, type);
    return vi;
}

// TensorProto with raw_data (payload bytes as given).
inline Pb tensor(std::string_view name, const std::vector<std::int64_t>& dims, int dtype, std::string_view raw) {
    Pb t;
    for (std::int64_t d : dims) t.i(1, d);
    t.u(2, static_cast<std::uint64_t>(dtype)).s(8, name).s(9, raw);
    return t;
}

inline std::string int64_raw(const std::vector<std::int64_t>& v) {
    std::string raw;
    for (std::int64_t x : v)
        for (int k = 0; k < 8; ++k) raw += static_cast<char>((static_cast<std::uint64_t>(x) >> (8 * k)) & 0xff);
    return raw;
}

inline Pb attr_int(std::string_view name, std::int64_t v) {
    Pb a;
    a.s(1, name).u(20, 2).i(3, v);
    return a;
}
inline Pb attr_ints(std::string_view name, const std::vector<std::int64_t>& v) {
    Pb a;
    a.s(1, name).u(20, 7);
    for (std::int64_t x : v) a.i(8, x);
    return a;
}
inline Pb attr_tensor(std::string_view name, const Pb& t) {
    Pb a;
    a.s(1, name).u(20, 4).m(5, t);
    return a;
}

inline Pb node(std::string_view op, std::string_view name, const std::vector<std::string>& ins,
               const std::vector<std::string>& outs, const std::vector<Pb>& attrs = {}) {
    Pb n;
    for (const auto& s : ins) n.s(1, s);
    for (const auto& s : outs) n.s(2, s);
    n.s(3, name).s(4, op);
    for (const Pb& a : attrs) n.m(5, a);
    return n;
}

inline std::string model(const Pb& graph, std::int64_t opset = 13) {
    Pb op;
    op.s(1, "").i(2, opset);
    Pb m;
    m.i(1, 8).s(2, "flopscope-test").m(7, graph).m(8, op);
    return m.b;
}

// A ByteSource that counts what is read.
class CountingSource final : public flopscope::onnx::ByteSource {
public:
    explicit CountingSource(const std::string& bytes) : bytes_(bytes) {}
    std::uint64_t size() const override { return bytes_.size(); }
    std::size_t read(std::uint64_t offset, std::uint8_t* dst, std::size_t len) override {
        ++reads;
        if (offset >= bytes_.size()) return 0;
        const std::size_t n = std::min<std::size_t>(len, bytes_.size() - static_cast<std::size_t>(offset));
        std::memcpy(dst, bytes_.data() + offset, n);
        bytes_read += n;
        return n;
    }
    std::uint64_t bytes_read = 0, reads = 0;

private:
    const std::string& bytes_;
};

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::filesystem::path onnx_data_dir() {
    return std::filesystem::path(__FILE__).parent_path() / "data" / "onnx";
}

} // namespace onnx_test
