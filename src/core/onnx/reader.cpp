// Flopscope core — ONNX import, part 1: the protobuf wire reader (see reader.h for why it is ours).
//
// [SECTION] Names
// [SECTION] Wire: windowed, bounds-checked primitives over a ByteSource
// [SECTION] Messages: TensorProto, TypeProto, ValueInfoProto, AttributeProto, NodeProto
// [SECTION] Messages: GraphProto, ModelProto
#include "core/onnx/reader.h"

#include "core/count.h"

#include <algorithm>
#include <cstring>

namespace flopscope::onnx {

//-----------------------------------------------------------------------------
// [SECTION] Names
//-----------------------------------------------------------------------------

const char* read_error_name(ReadErrorCode c) {
    switch (c) {
    case ReadErrorCode::None: return "none";
    case ReadErrorCode::Truncated: return "truncated";
    case ReadErrorCode::NotOnnx: return "not_onnx";
    case ReadErrorCode::Malformed: return "malformed";
    case ReadErrorCode::UnsupportedOpset: return "unsupported_opset";
    case ReadErrorCode::TooDeep: return "too_deep";
    case ReadErrorCode::TooLarge: return "too_large";
    case ReadErrorCode::NegativeDim: return "negative_dim";
    case ReadErrorCode::CyclicGraph: return "cyclic_graph";
    case ReadErrorCode::MissingInput: return "missing_input";
    case ReadErrorCode::IoError: return "io_error";
    }
    return "?";
}

int data_type_size(std::int32_t t) {
    switch (static_cast<DataType>(t)) {
    case DataType::Uint8: case DataType::Int8: case DataType::Bool: return 1;
    case DataType::Uint16: case DataType::Int16: case DataType::Float16: case DataType::Bfloat16: return 2;
    case DataType::Float: case DataType::Int32: case DataType::Uint32: return 4;
    case DataType::Int64: case DataType::Double: case DataType::Uint64: case DataType::Complex64: return 8;
    case DataType::Complex128: return 16;
    default: return 0;
    }
}

const char* data_type_name(std::int32_t t) {
    static const char* const names[] = {"undefined", "float32", "uint8", "int8", "uint16", "int16", "int32", "int64",
                                        "string", "bool", "float16", "float64", "uint32", "uint64", "complex64",
                                        "complex128", "bfloat16"};
    return t >= 0 && t <= 16 ? names[t] : "unknown";
}

std::size_t MemorySource::read(std::uint64_t offset, std::uint8_t* dst, std::size_t len) {
    if (offset >= size_) return 0;
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(len, size_ - offset));
    std::memcpy(dst, data_ + offset, n);
    return n;
}

const Attribute* Node::attribute(const char* attr_name) const {
    for (const Attribute& a : attributes)
        if (a.name == attr_name) return &a;
    return nullptr;
}

bool Node::has_subgraph() const {
    for (const Attribute& a : attributes)
        if (a.graphs > 0) return true;
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Wire
//-----------------------------------------------------------------------------

namespace {

enum WireType : int { kVarint = 0, kFixed64 = 1, kLen = 2, kFixed32 = 5 };

std::string at(std::uint64_t pos) { return with_commas(Count(pos)); }

class Wire {
public:
    Wire(ByteSource& src, ReadStats& stats) : src_(src), size_(src.size()), stats_(stats), buf_(kReadWindow) {}

    std::uint64_t size() const { return size_; }
    std::uint64_t pos = 0;
    const char* context = "the model";  // the message being read, for error messages
    ReadError error;

    bool fail(ReadErrorCode code, std::string msg, std::uint64_t offset) {
        if (error.ok()) error = ReadError{code, std::move(msg), offset};
        return false;
    }
    bool failed() const { return !error.ok(); }

    // The end of a field: past the file is truncation; past the parent message is a malformed length.
    bool check_end(std::uint64_t len, std::uint64_t end, const char* what) {
        if (len <= end - pos) return true;
        if (len > size_ - pos || end == size_)
            return fail(ReadErrorCode::Truncated,
                        "the file ends at byte " + at(size_) + " inside " + context + " (" + what + " at byte " +
                            at(pos) + " needs " + at(len) + " bytes)",
                        pos);
        return fail(ReadErrorCode::Malformed,
                    std::string(what) + " at byte " + at(pos) + " in " + context + " is longer than its message", pos);
    }

    bool byte(std::uint8_t& b, std::uint64_t end) {
        if (pos >= end) return check_end(1, end, "a value");
        if (pos < win_start_ || pos >= win_start_ + win_len_) {
            if (!refill(pos)) return false;
        }
        b = buf_[static_cast<std::size_t>(pos - win_start_)];
        ++pos;
        return true;
    }

    bool varint(std::uint64_t& v, std::uint64_t end) {
        v = 0;
        const std::uint64_t start = pos;
        for (int shift = 0; shift < 70; shift += 7) {
            std::uint8_t b = 0;
            if (!byte(b, end)) return false;
            if (shift == 63 && b > 1) break;  // the 10th byte may only carry the top bit
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return true;
        }
        return fail(ReadErrorCode::Malformed, std::string("a number longer than 10 bytes at byte ") + at(start) + " in " + context,
                    start);
    }

    bool fixed(std::uint64_t& v, int bytes, std::uint64_t end) {
        if (!check_end(static_cast<std::uint64_t>(bytes), end, "a fixed-size value")) return false;
        v = 0;
        for (int i = 0; i < bytes; ++i) {
            std::uint8_t b = 0;
            if (!byte(b, end)) return false;
            v |= static_cast<std::uint64_t>(b) << (8 * i);
        }
        return true;
    }

    // A field's tag. Field 0 and the group wire types (3, 4) and 6, 7 are errors.
    bool tag(std::uint32_t& field, int& wt, std::uint64_t end) {
        const std::uint64_t start = pos;
        std::uint64_t t = 0;
        if (!varint(t, end)) return false;
        field = static_cast<std::uint32_t>(t >> 3);
        wt = static_cast<int>(t & 7);
        if ((t >> 3) == 0 || (t >> 3) > 0x1fffffff || !(wt == kVarint || wt == kFixed64 || wt == kLen || wt == kFixed32))
            return fail(ReadErrorCode::Malformed,
                        "an invalid field tag at byte " + at(start) + " in " + context + " (not protobuf)", start);
        return true;
    }

    // A length-delimited field's length; on success [pos, pos + len) lies inside the message.
    bool length(std::uint64_t& len, std::uint64_t end, const char* what) {
        if (!varint(len, end)) return false;
        return check_end(len, end, what);
    }

    bool skip(int wt, std::uint64_t end) {
        std::uint64_t v = 0;
        switch (wt) {
        case kVarint: return varint(v, end);
        case kFixed64: return check_end(8, end, "a fixed-size value") && seek_forward(8);
        case kFixed32: return check_end(4, end, "a fixed-size value") && seek_forward(4);
        case kLen: return length(v, end, "a field") && seek_forward(v);
        default: return fail(ReadErrorCode::Malformed, "an invalid wire type", pos);
        }
    }

    // Moves past `n` bytes already checked to be inside the file, without reading them.
    bool seek_forward(std::uint64_t n) {
        if (n > kReadWindow) stats_.bytes_skipped += n;
        pos += n;
        return true;
    }

    bool bytes(std::string& out, std::uint64_t end, const char* what) {
        std::uint64_t len = 0;
        if (!length(len, end, what)) return false;
        if (len > kMaxString)
            return fail(ReadErrorCode::TooLarge, std::string(what) + " of " + at(len) + " bytes in " + context +
                                                     " is above the limit of " + at(kMaxString),
                        pos);
        out.resize(static_cast<std::size_t>(len));
        for (std::size_t i = 0; i < out.size(); ++i) {
            std::uint8_t b = 0;
            if (!byte(b, end)) return false;
            out[i] = static_cast<char>(b);
        }
        return true;
    }

private:
    bool refill(std::uint64_t at_pos) {
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kReadWindow, size_ - at_pos));
        const std::size_t got = src_.read(at_pos, buf_.data(), n);
        ++stats_.reads;
        stats_.bytes_read += got;
        if (got != n)
            return fail(ReadErrorCode::IoError, "reading " + at(n) + " bytes at byte " + at(at_pos) + " gave only " + at(got),
                        at_pos);
        win_start_ = at_pos;
        win_len_ = n;
        return true;
    }

    ByteSource& src_;
    std::uint64_t size_;
    ReadStats& stats_;
    std::vector<std::uint8_t> buf_;
    std::uint64_t win_start_ = 0, win_len_ = 0;
};

// Sets the error context for one message and restores it after.
struct Context {
    Wire& w;
    const char* saved;
    Context(Wire& wire, const char* what) : w(wire), saved(wire.context) { w.context = what; }
    ~Context() { w.context = saved; }
};

bool cap(Wire& w, std::size_t count, std::size_t limit, const char* what) {
    if (count < limit) return true;
    return w.fail(ReadErrorCode::TooLarge,
                  std::string("more than ") + at(limit) + " " + what + " in " + w.context, w.pos);
}

// Walks a message's fields: `on_field(field, wire_type)` reads or skips each one; false stops.
template <class OnField>
bool read_fields(Wire& w, std::uint64_t end, OnField on_field) {
    std::uint32_t f = 0;
    int wt = 0;
    while (w.pos < end)
        if (!w.tag(f, wt, end) || !on_field(f, wt)) return false;
    return true;
}

// One entry of a repeated string field.
bool read_string_entry(Wire& w, std::uint64_t end, std::vector<std::string>& list, std::size_t limit, const char* what,
                       const char* entry) {
    if (!cap(w, list.size(), limit, what)) return false;
    list.emplace_back();
    return w.bytes(list.back(), end, entry);
}

// One entry of a repeated message field, read by `read(wire, end, entry)`.
template <class T, class Read>
bool read_message_entry(Wire& w, std::uint64_t end, std::vector<T>& list, std::size_t limit, const char* what,
                        const char* entry, Read read) {
    std::uint64_t len = 0;
    if (!cap(w, list.size(), limit, what) || !w.length(len, end, entry)) return false;
    list.emplace_back();
    return read(w, w.pos + len, list.back());
}

// A repeated int64 field, packed (one length-delimited run) or not (one varint per tag).
// With `counted`, entries past `limit` are counted there instead of failing (tensor payloads).
bool read_int64s(Wire& w, int wt, std::uint64_t end, std::vector<std::int64_t>& out, std::size_t limit, const char* what,
                 std::uint64_t* counted = nullptr) {
    std::uint64_t v = 0;
    auto one = [&](std::uint64_t stop) {
        if (!counted && !cap(w, out.size(), limit, what)) return false;
        if (!w.varint(v, stop)) return false;
        if (counted) ++*counted;
        if (out.size() < limit) out.push_back(static_cast<std::int64_t>(v));
        return true;
    };
    if (wt == kVarint) return one(end);
    if (wt != kLen) return w.skip(wt, end);
    std::uint64_t len = 0;
    if (!w.length(len, end, what)) return false;
    const std::uint64_t stop = w.pos + len;
    while (w.pos < stop)
        if (!one(stop)) return false;
    return true;
}

// A repeated float (fixed32) or double (fixed64) field, packed or not.
bool read_reals(Wire& w, int wt, std::uint64_t end, std::vector<double>& out, std::size_t limit, bool is_double,
                const char* what, std::uint64_t* counted = nullptr) {
    const int elem = is_double ? 8 : 4;
    const int want = is_double ? kFixed64 : kFixed32;
    auto one = [&](std::uint64_t stop) {
        std::uint64_t bits = 0;
        if (!counted && !cap(w, out.size(), limit, what)) return false;
        if (!w.fixed(bits, elem, stop)) return false;
        if (counted) ++*counted;
        if (out.size() >= limit) return true;
        if (is_double) {
            double d;
            std::memcpy(&d, &bits, 8);
            out.push_back(d);
        } else {
            const std::uint32_t b32 = static_cast<std::uint32_t>(bits);
            float f;
            std::memcpy(&f, &b32, 4);
            out.push_back(f);
        }
        return true;
    };
    if (wt == want) return one(end);
    if (wt != kLen) return w.skip(wt, end);
    std::uint64_t len = 0;
    if (!w.length(len, end, what)) return false;
    if (len % static_cast<std::uint64_t>(elem) != 0)
        return w.fail(ReadErrorCode::Malformed, std::string("a packed ") + what + " of " + at(len) + " bytes in " + w.context,
                      w.pos);
    if (counted && len / static_cast<std::uint64_t>(elem) + out.size() > limit) {  // weights: seek over them
        *counted += len / static_cast<std::uint64_t>(elem);
        out.clear();
        return w.seek_forward(len);
    }
    const std::uint64_t stop = w.pos + len;
    while (w.pos < stop)
        if (!one(stop)) return false;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Messages: TensorProto, TypeProto, ValueInfoProto, AttributeProto, NodeProto
//-----------------------------------------------------------------------------

std::int64_t element_count(const std::vector<std::int64_t>& dims) {
    std::int64_t n = 1;
    for (std::int64_t d : dims) {
        if (d < 0) return -1;
        if (d != 0 && n > kMaxDim / d) return -1;  // too many to matter here: not a small tensor
        n *= d;
    }
    return n;
}

// Decodes a little-endian raw_data payload of a small tensor into ints/floats.
bool decode_raw(Wire& w, Tensor& t) {
    const int esize = data_type_size(t.data_type);
    const auto type = static_cast<DataType>(t.data_type);
    const bool integral = type == DataType::Int64 || type == DataType::Int32 || type == DataType::Int16 ||
                          type == DataType::Int8 || type == DataType::Uint8 || type == DataType::Uint16 ||
                          type == DataType::Uint32 || type == DataType::Uint64 || type == DataType::Bool;
    const bool real = type == DataType::Float || type == DataType::Double;
    if (esize == 0 || (!integral && !real) || t.payload_bytes > kMaxValueBytes ||
        (real && t.payload_bytes > kMaxRealValues * static_cast<std::uint64_t>(esize)) ||
        t.payload_bytes % static_cast<std::uint64_t>(esize) != 0)
        return true;
    const std::uint64_t saved = w.pos;
    w.pos = t.payload_offset;
    const std::uint64_t n = t.payload_bytes / static_cast<std::uint64_t>(esize);
    const std::uint64_t end = t.payload_offset + t.payload_bytes;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::uint64_t bits = 0;
        if (!w.fixed(bits, esize, end)) return false;
        if (real) {
            if (esize == 8) {
                double d;
                std::memcpy(&d, &bits, 8);
                t.floats.push_back(d);
            } else {
                const std::uint32_t b32 = static_cast<std::uint32_t>(bits);
                float f;
                std::memcpy(&f, &b32, 4);
                t.floats.push_back(f);
            }
        } else {
            std::int64_t v = static_cast<std::int64_t>(bits);
            const bool is_signed = type == DataType::Int64 || type == DataType::Int32 || type == DataType::Int16 ||
                                   type == DataType::Int8;
            if (is_signed && esize < 8) {  // sign-extend
                const int shift = 64 - 8 * esize;
                v = static_cast<std::int64_t>(bits << shift) >> shift;
            }
            t.ints.push_back(v);
        }
    }
    w.pos = saved;
    return true;
}

bool read_tensor(Wire& w, std::uint64_t end, Tensor& t) {
    Context ctx(w, "a tensor");
    std::uint32_t f = 0;
    int wt = 0;
    std::string key_value;
    while (w.pos < end) {
        if (!w.tag(f, wt, end)) return false;
        bool ok = true;
        std::uint64_t v = 0;
        const std::size_t small = kMaxValueBytes / 8;
        switch (f) {
        case 1: ok = read_int64s(w, wt, end, t.dims, kMaxRank, "dims"); break;
        case 2: ok = wt == kVarint ? w.varint(v, end) : w.skip(wt, end); t.data_type = static_cast<std::int32_t>(v); break;
        case 8: ok = wt == kLen ? w.bytes(t.name, end, "a tensor name") : w.skip(wt, end); break;
        case 9:  // raw_data: remember where it is, never copy it here
            if (wt != kLen) { ok = w.skip(wt, end); break; }
            ok = w.length(v, end, "raw_data");
            if (ok) {
                t.payload_offset = w.pos;
                t.payload_bytes = v;
                ok = w.seek_forward(v);
            }
            break;
        case 4:   // float_data
        case 10:  // double_data
            ok = read_reals(w, wt, end, t.floats, small, f == 10, "values", &t.typed_values);
            break;
        case 5:   // int32_data (also int8/16, uint8/16, bool, float16 bits)
        case 7:   // int64_data
        case 11:  // uint64_data
            ok = read_int64s(w, wt, end, t.ints, small, "values", &t.typed_values);
            break;
        case 14: ok = wt == kVarint ? w.varint(v, end) : w.skip(wt, end); t.external = v == 1; break;
        default: ok = w.skip(wt, end); break;
        }
        if (!ok) return false;
    }
    for (std::int64_t d : t.dims)
        if (d < 0)
            return w.fail(ReadErrorCode::NegativeDim,
                          "tensor \"" + t.name + "\" has a negative dimension (" + std::to_string(d) + ")", w.pos);
        else if (d > kMaxDim)
            return w.fail(ReadErrorCode::TooLarge,
                          "tensor \"" + t.name + "\" has a dimension of " + at(static_cast<std::uint64_t>(d)) +
                              ", above the limit of " + at(static_cast<std::uint64_t>(kMaxDim)),
                          w.pos);
    if (t.payload_bytes > 0 && !decode_raw(w, t)) return false;
    const std::int64_t n = element_count(t.dims);
    // Typed 32-bit fields carry float16/int8/… too; only integer and real types keep values.
    const auto type = static_cast<DataType>(t.data_type);
    if (type == DataType::Float16 || type == DataType::Bfloat16 || type == DataType::String) {
        t.ints.clear();
        t.floats.clear();
    }
    if ((type == DataType::Float || type == DataType::Double) && (n < 0 || static_cast<std::uint64_t>(n) > kMaxRealValues))
        t.floats.clear();  // weights: never kept
    const std::size_t have = t.ints.size() + t.floats.size();
    const bool one_form = t.payload_bytes == 0 || t.typed_values == 0;
    t.has_values = one_form && n >= 0 && static_cast<std::uint64_t>(n) == have && !(t.ints.size() && t.floats.size());
    if (!t.has_values) {
        t.ints.clear();
        t.floats.clear();
    }
    return true;
}

bool read_shape(Wire& w, std::uint64_t end, ValueInfo& vi) {
    std::uint32_t f = 0;
    int wt = 0;
    vi.has_shape = true;
    while (w.pos < end) {
        if (!w.tag(f, wt, end)) return false;
        if (f != 1 || wt != kLen) {
            if (!w.skip(wt, end)) return false;
            continue;
        }
        std::uint64_t len = 0;
        if (!w.length(len, end, "a dimension") || !cap(w, vi.dims.size(), kMaxRank, "dimensions")) return false;
        const std::uint64_t stop = w.pos + len;
        Dim d;
        while (w.pos < stop) {
            std::uint32_t g = 0;
            int gt = 0;
            std::uint64_t v = 0;
            if (!w.tag(g, gt, stop)) return false;
            bool ok = true;
            if (g == 1 && gt == kVarint) {
                ok = w.varint(v, stop);
                const auto sv = static_cast<std::int64_t>(v);
                if (ok && sv < 0)
                    return w.fail(ReadErrorCode::NegativeDim,
                                  "\"" + vi.name + "\" has a negative dimension (" + std::to_string(sv) + ")", w.pos);
                if (ok && sv > kMaxDim)
                    return w.fail(ReadErrorCode::TooLarge,
                                  "\"" + vi.name + "\" has a dimension of " + at(v) + ", above the limit of " +
                                      at(static_cast<std::uint64_t>(kMaxDim)),
                                  w.pos);
                d.value = sv;
            } else if (g == 2 && gt == kLen) {
                ok = w.bytes(d.param, stop, "a dimension name");
            } else {
                ok = w.skip(gt, stop);
            }
            if (!ok) return false;
        }
        vi.dims.push_back(std::move(d));
    }
    return true;
}

// TypeProto: tensor types are read; sequence/map/optional types are walked (bounded) and marked.
bool read_type(Wire& w, std::uint64_t end, ValueInfo& vi, int depth) {
    if (depth > kMaxNesting)
        return w.fail(ReadErrorCode::TooDeep,
                      "a type nested more than " + std::to_string(kMaxNesting) + " levels deep in \"" + vi.name + "\"",
                      w.pos);
    std::uint32_t f = 0;
    int wt = 0;
    while (w.pos < end) {
        if (!w.tag(f, wt, end)) return false;
        std::uint64_t len = 0;
        if (wt != kLen || !(f == 1 || f == 4 || f == 5 || f == 8 || f == 9)) {
            if (!w.skip(wt, end)) return false;
            continue;
        }
        if (!w.length(len, end, "a type")) return false;
        const std::uint64_t stop = w.pos + len;
        if (f == 1) {  // tensor_type {elem_type = 1, shape = 2}
            while (w.pos < stop) {
                std::uint32_t g = 0;
                int gt = 0;
                std::uint64_t v = 0;
                if (!w.tag(g, gt, stop)) return false;
                bool ok = true;
                if (g == 1 && gt == kVarint) { ok = w.varint(v, stop); vi.elem_type = static_cast<std::int32_t>(v); }
                else if (g == 2 && gt == kLen) {
                    std::uint64_t slen = 0;
                    ok = w.length(slen, stop, "a shape") && read_shape(w, w.pos + slen, vi);
                } else ok = w.skip(gt, stop);
                if (!ok) return false;
            }
        } else {
            // sequence_type/optional_type {elem_type = 1}, map_type {key = 1, value = 2}, sparse_tensor_type
            vi.is_tensor = false;
            if (f == 8) {
                if (!w.seek_forward(len)) return false;
                continue;
            }
            while (w.pos < stop) {
                std::uint32_t g = 0;
                int gt = 0;
                if (!w.tag(g, gt, stop)) return false;
                std::uint64_t slen = 0;
                if (gt == kLen && (g == 1 || (f == 5 && g == 2))) {
                    ValueInfo inner;
                    inner.name = vi.name;
                    if (!w.length(slen, stop, "a type") || !read_type(w, w.pos + slen, inner, depth + 1)) return false;
                } else if (!w.skip(gt, stop)) {
                    return false;
                }
            }
        }
    }
    return true;
}

bool read_value_info(Wire& w, std::uint64_t end, ValueInfo& vi) {
    Context ctx(w, "an input, output or value_info");
    return read_fields(w, end, [&](std::uint32_t f, int wt) {
        std::uint64_t len = 0;
        if (f == 1 && wt == kLen) return w.bytes(vi.name, end, "a name");
        if (f == 2 && wt == kLen) return w.length(len, end, "a type") && read_type(w, w.pos + len, vi, 0);
        return w.skip(wt, end);
    });
}

bool read_attribute(Wire& w, std::uint64_t end, Attribute& a) {
    Context ctx(w, "a node attribute");
    return read_fields(w, end, [&](std::uint32_t f, int wt) {
        bool ok = true;
        std::uint64_t v = 0;
        switch (f) {
        case 1: ok = wt == kLen ? w.bytes(a.name, end, "an attribute name") : w.skip(wt, end); break;
        case 20: ok = wt == kVarint ? w.varint(v, end) : w.skip(wt, end); a.type = static_cast<AttrType>(v & 0xff); break;
        case 2:
            if (wt == kFixed32) {
                ok = w.fixed(v, 4, end);
                const std::uint32_t b32 = static_cast<std::uint32_t>(v);
                float fl;
                std::memcpy(&fl, &b32, 4);
                a.f = fl;
            } else ok = w.skip(wt, end);
            break;
        case 3: ok = wt == kVarint ? w.varint(v, end) : w.skip(wt, end); a.i = static_cast<std::int64_t>(v); break;
        case 4: ok = wt == kLen ? w.bytes(a.s, end, "a string attribute") : w.skip(wt, end); break;
        case 5:   // t
        case 10:  // tensors
            ok = wt == kLen ? read_message_entry(w, end, a.tensors, kMaxListEntries, "tensors", "a tensor", read_tensor)
                            : w.skip(wt, end);
            break;
        case 6:   // g
        case 11:  // graphs: counted, skipped by length (never recursed into)
            ++a.graphs;
            ok = w.skip(wt, end);
            break;
        case 7: ok = read_reals(w, wt, end, a.floats, kMaxListEntries, false, "floats"); break;
        case 8: ok = read_int64s(w, wt, end, a.ints, kMaxListEntries, "ints"); break;
        case 9:
            ok = wt == kLen ? read_string_entry(w, end, a.strings, kMaxListEntries, "strings", "a string attribute")
                            : w.skip(wt, end);
            break;
        default: ok = w.skip(wt, end); break;
        }
        return ok;
    });
}

bool read_node(Wire& w, std::uint64_t end, Node& n) {
    Context ctx(w, "a node");
    return read_fields(w, end, [&](std::uint32_t f, int wt) {
        if (wt != kLen) return w.skip(wt, end);
        switch (f) {
        case 1: return read_string_entry(w, end, n.inputs, kMaxListEntries, "inputs", "a tensor name");
        case 2: return read_string_entry(w, end, n.outputs, kMaxListEntries, "outputs", "a tensor name");
        case 3: return w.bytes(n.name, end, "a node name");
        case 4: return w.bytes(n.op_type, end, "an op type");
        case 7: return w.bytes(n.domain, end, "a domain");
        case 5: return read_message_entry(w, end, n.attributes, kMaxListEntries, "attributes", "an attribute", read_attribute);
        default: return w.skip(wt, end);
        }
    });
}

//-----------------------------------------------------------------------------
// [SECTION] Messages: GraphProto, ModelProto
//-----------------------------------------------------------------------------

bool read_graph(Wire& w, std::uint64_t end, Graph& g) {
    Context ctx(w, "the graph");
    return read_fields(w, end, [&](std::uint32_t f, int wt) {
        if (wt != kLen) return w.skip(wt, end);
        switch (f) {
        case 1: return read_message_entry(w, end, g.nodes, kMaxNodes, "nodes", "a node", read_node);
        case 2: return w.bytes(g.name, end, "the graph name");
        case 5: return read_message_entry(w, end, g.initializers, kMaxNodes, "initializers", "an initializer", read_tensor);
        case 15: ++g.sparse_initializers; return w.skip(wt, end);
        case 11:
        case 12:
        case 13:
            return read_message_entry(w, end, f == 11 ? g.inputs : f == 12 ? g.outputs : g.value_info, kMaxNodes,
                                      "inputs, outputs or value_infos", "a value info", read_value_info);
        default: return w.skip(wt, end);
        }
    });
}

bool is_default_domain(const std::string& d) { return d.empty() || d == "ai.onnx"; }

} // namespace

ReadError read_model(ByteSource& source, Model& model, ReadStats* stats) {
    ReadStats local;
    ReadStats& st = stats ? *stats : local;
    Wire w(source, st);
    const std::uint64_t end = w.size();
    if (end == 0) return ReadError{ReadErrorCode::NotOnnx, "the file is empty, not an ONNX model", 0};

    bool have_graph = false, have_ir = false;
    std::uint32_t f = 0;
    int wt = 0;
    // ModelProto's fields and their wire types: anything else at the top level means "not ONNX".
    auto top_level_ok = [](std::uint32_t field, int type) {
        switch (field) {
        case 1: case 5: return type == kVarint;
        case 2: case 3: case 4: case 6: case 7: case 8: case 14: case 20: case 25: return type == kLen;
        default: return false;
        }
    };
    while (w.pos < end) {
        const std::uint64_t start = w.pos;
        if (!w.tag(f, wt, end) || !top_level_ok(f, wt)) {
            if (w.error.code == ReadErrorCode::Truncated) return w.error;
            return ReadError{ReadErrorCode::NotOnnx,
                             "not an ONNX model: byte " + at(start) + " does not start a ModelProto field", start};
        }
        bool ok = true;
        std::uint64_t v = 0, len = 0;
        switch (f) {
        case 1: ok = w.varint(v, end); model.ir_version = static_cast<std::int64_t>(v); have_ir = true; break;
        case 2: ok = w.bytes(model.producer_name, end, "the producer name"); break;
        case 3: ok = w.bytes(model.producer_version, end, "the producer version"); break;
        case 7:
            ok = w.length(len, end, "the graph");
            if (ok) {
                have_graph = true;
                ok = read_graph(w, w.pos + len, model.graph);
            }
            break;
        case 8: {
            ok = cap(w, model.opsets.size(), 1024, "opset imports") && w.length(len, end, "an opset import");
            if (!ok) break;
            OpsetImport op;
            const std::uint64_t stop = w.pos + len;
            while (ok && w.pos < stop) {
                std::uint32_t g = 0;
                int gt = 0;
                ok = w.tag(g, gt, stop);
                if (!ok) break;
                if (g == 1 && gt == kLen) ok = w.bytes(op.domain, stop, "an opset domain");
                else if (g == 2 && gt == kVarint) { ok = w.varint(v, stop); op.version = static_cast<std::int64_t>(v); }
                else ok = w.skip(gt, stop);
            }
            if (ok) model.opsets.push_back(std::move(op));
            break;
        }
        case 25: ++model.functions; ok = w.skip(wt, end); break;
        default: ok = w.skip(wt, end); break;
        }
        if (!ok) return w.error;
    }
    if (!have_graph) {
        if (have_ir)
            return ReadError{ReadErrorCode::Truncated, "the file ends at byte " + at(end) + " before the model's graph", end};
        return ReadError{ReadErrorCode::NotOnnx, "not an ONNX model: it has no graph", 0};
    }
    model.opset = 0;
    for (const OpsetImport& op : model.opsets)
        if (is_default_domain(op.domain)) model.opset = op.version;
    if (model.opset <= 0 && !model.opsets.empty())
        return ReadError{ReadErrorCode::UnsupportedOpset,
                         "the model imports no ONNX opset, only \"" + model.opsets[0].domain + "\" version " +
                             std::to_string(model.opsets[0].version) + ", whose ops this reader does not know",
                         0};
    if (model.opset <= 0)
        return ReadError{ReadErrorCode::UnsupportedOpset,
                         "the model imports no ONNX opset (torch writes it last: is the file truncated?)", end};
    if (model.opset > kMaxOpset)
        return ReadError{ReadErrorCode::UnsupportedOpset,
                         "opset " + std::to_string(model.opset) + " is newer than this reader understands (1 to " +
                             std::to_string(kMaxOpset) + ")",
                         0};
    return ReadError{};
}

} // namespace flopscope::onnx
