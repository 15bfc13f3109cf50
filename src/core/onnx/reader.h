// Flopscope core — ONNX import, part 1: reading the file.
//
// [SECTION] Why a hand-written wire reader, not a protobuf library
// [SECTION] Byte sources
// [SECTION] Errors
// [SECTION] The model as read
// [SECTION] Reading
//
//-----------------------------------------------------------------------------
// [SECTION] Why a hand-written wire reader, not a protobuf library
//-----------------------------------------------------------------------------
// ONNX files are protobuf (onnx.proto). We read the wire format with ~600 lines of our own code
// instead of linking a protobuf runtime, because:
//   * Size: the page has a 300 KB gzipped ceiling. protobuf-lite alone is ~340-500 KB of wasm, more
//     than the whole page; this reader adds a few KB.
//   * Weights: a counter never needs them. Generated decoders (protobuf-lite, protozero's whole-buffer
//     model) copy or at least map every `raw_data` payload; we skip payloads by offset, so the browser
//     can read a 100 MB file in slices and touch ~0.1-3 % of it (design note onnx-import.md §8).
//   * Fuzz safety: every length is checked against its parent message and the file, varints stop at
//     10 bytes, recursion is bounded (kMaxNesting) and every copy is capped. Errors are values: the
//     web build has no exceptions (protozero throws, which Emscripten turns into aborts).
//   * Maintenance: ONNX's field numbers are frozen by protobuf compatibility; unknown fields are
//     skipped by wire type, so newer files still read. No generator, no build dependency.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace flopscope::onnx {

//-----------------------------------------------------------------------------
// [SECTION] Byte sources
//-----------------------------------------------------------------------------
// Where the bytes come from: a file (pread, CLI), a buffer (tests), or the browser's File API in
// slices (an EM_JS callback or WORKERFS). The reader asks only for the ranges it needs, in small
// windows, and seeks over initializer payloads without reading them.
struct ByteSource {
    virtual ~ByteSource() = default;
    virtual std::uint64_t size() const = 0;
    // Copies up to `len` bytes at `offset` into `dst`; returns how many were copied (fewer only at the
    // end of the source or on an I/O error, which the reader reports as a read error).
    virtual std::size_t read(std::uint64_t offset, std::uint8_t* dst, std::size_t len) = 0;
};

// A source over bytes already in memory (not owned).
class MemorySource final : public ByteSource {
public:
    MemorySource(const void* data, std::size_t size) : data_(static_cast<const std::uint8_t*>(data)), size_(size) {}
    std::uint64_t size() const override { return size_; }
    std::size_t read(std::uint64_t offset, std::uint8_t* dst, std::size_t len) override;

private:
    const std::uint8_t* data_;
    std::size_t size_;
};

// Reads are done through a window of this many bytes (each refill is one ByteSource::read).
inline constexpr std::size_t kReadWindow = 16 * 1024;

//-----------------------------------------------------------------------------
// [SECTION] Errors
//-----------------------------------------------------------------------------

enum class ReadErrorCode : std::uint8_t {
    None,
    Truncated,          // the file ends inside a field or message
    NotOnnx,            // the bytes are not an ONNX ModelProto (wrong magic, not protobuf, no graph)
    Malformed,          // protobuf that breaks the wire rules (bad wire type, overlong varint, …)
    UnsupportedOpset,   // no default-domain opset, or one newer than kMaxOpset
    TooDeep,            // messages nested deeper than kMaxNesting
    TooLarge,           // a dim, count or string above the limits below
    NegativeDim,        // a negative dimension
    CyclicGraph,        // the nodes cannot be ordered: a tensor depends on itself
    MissingInput,       // a node reads a tensor that nothing produces
    IoError,            // the byte source returned fewer bytes than it has
};
const char* read_error_name(ReadErrorCode c);  // "truncated", "not_onnx", …

struct ReadError {
    ReadErrorCode code = ReadErrorCode::None;
    std::string message;  // one sentence for the UI/CLI, e.g. "the file ends at byte 1,234 inside a node"
    std::uint64_t offset = 0;  // byte position the error refers to (0 when not about a position)
    bool ok() const { return code == ReadErrorCode::None; }
};

// Limits: far beyond any real model (swin_b, the largest torchvision export, has 13,691 nodes).
inline constexpr int kMaxOpset = 17;                         // the newest default-domain opset understood
inline constexpr int kMaxNesting = 64;                       // nested TypeProto levels
inline constexpr std::size_t kMaxString = 1 << 20;           // bytes in one name or string attribute
inline constexpr std::size_t kMaxRank = 32;                   // dims of one tensor
inline constexpr std::size_t kMaxNodes = 1 << 20;             // nodes, initializers, inputs … of a graph
inline constexpr std::size_t kMaxListEntries = 1 << 16;       // ints/floats/strings in one attribute, node inputs
inline constexpr std::int64_t kMaxDim = std::int64_t{1} << 40;  // one dimension
inline constexpr std::size_t kMaxValueBytes = 64 * 1024;      // payload bytes decoded as small-tensor values
inline constexpr std::size_t kMaxRealValues = 64;             // … of which float/double elements (scalars)

//-----------------------------------------------------------------------------
// [SECTION] The model as read
//-----------------------------------------------------------------------------

// TensorProto.DataType values used here.
enum class DataType : std::int32_t {
    Undefined = 0, Float = 1, Uint8 = 2, Int8 = 3, Uint16 = 4, Int16 = 5, Int32 = 6, Int64 = 7, String = 8,
    Bool = 9, Float16 = 10, Double = 11, Uint32 = 12, Uint64 = 13, Complex64 = 14, Complex128 = 15, Bfloat16 = 16,
};
int data_type_size(std::int32_t data_type);  // bytes per element, 0 for strings/unknown
const char* data_type_name(std::int32_t data_type);

// A tensor's header, and its values when it is small enough to matter for shapes (shape vectors,
// axes, scalars). Weights' payloads are never copied: only their offset and length are recorded.
struct Tensor {
    std::string name;
    std::int32_t data_type = 0;
    std::vector<std::int64_t> dims;
    bool external = false;             // data_location = EXTERNAL (bytes live in another file)
    std::uint64_t payload_offset = 0;  // raw_data position in the source (0 when none)
    std::uint64_t payload_bytes = 0;
    std::uint64_t typed_values = 0;    // elements in float_data/int32_data/int64_data/… (non-raw forms)
    // Decoded values: integers and bools when the payload is at most kMaxValueBytes (shape vectors, axes),
    // floats and doubles when at most kMaxRealValues elements (Clip bounds, scalars): never weights.
    bool has_values = false;
    std::vector<std::int64_t> ints;    // integer and bool types
    std::vector<double> floats;        // float and double types
};

enum class AttrType : std::int32_t {
    Undefined = 0, Float = 1, Int = 2, String = 3, Tensor = 4, Graph = 5, Floats = 6, Ints = 7, Strings = 8,
    Tensors = 9, Graphs = 10, SparseTensor = 11, SparseTensors = 12, TypeProto = 13, TypeProtos = 14,
};

struct Attribute {
    std::string name;
    AttrType type = AttrType::Undefined;
    std::int64_t i = 0;
    double f = 0;
    std::string s;
    std::vector<std::int64_t> ints;
    std::vector<double> floats;
    std::vector<std::string> strings;
    std::vector<Tensor> tensors;  // `t` (one) or `tensors`
    int graphs = 0;               // subgraphs (If/Loop/Scan bodies): counted, skipped unread
};

struct Node {
    std::string name, op_type, domain;
    std::vector<std::string> inputs, outputs;  // "" is an omitted optional input
    std::vector<Attribute> attributes;
    const Attribute* attribute(const char* attr_name) const;
    bool has_subgraph() const;
};

// A dimension: a number, or a symbolic name (dim_param, e.g. "batch"), or neither (unknown).
struct Dim {
    std::int64_t value = -1;  // ≥ 0 when known
    std::string param;
};

struct ValueInfo {
    std::string name;
    bool is_tensor = true;     // false for sequence/map/optional/sparse types
    std::int32_t elem_type = 0;
    bool has_shape = false;
    std::vector<Dim> dims;
};

struct Graph {
    std::string name;
    std::vector<Node> nodes;
    std::vector<Tensor> initializers;
    int sparse_initializers = 0;
    std::vector<ValueInfo> inputs, outputs, value_info;
};

struct OpsetImport {
    std::string domain;  // "" or "ai.onnx" is the default domain
    std::int64_t version = 0;
};

struct Model {
    std::int64_t ir_version = 0;
    std::string producer_name, producer_version;
    std::vector<OpsetImport> opsets;
    std::int64_t opset = 0;  // the default domain's version
    Graph graph;
    int functions = 0;       // model-local functions (counted, not read)
};

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

struct ReadStats {
    std::uint64_t bytes_read = 0;     // bytes fetched from the source (windows)
    std::uint64_t reads = 0;          // ByteSource::read calls
    std::uint64_t bytes_skipped = 0;  // payload bytes seeked over without reading
};

// Reads a ModelProto. On error `model` holds what was read so far and the error says why. Checks the
// wire format, the limits above and the opset; the graph's structure (order, missing inputs) is
// checked by analyse() (core/onnx/analysis.h), which needs the same name maps.
ReadError read_model(ByteSource& source, Model& model, ReadStats* stats = nullptr);

} // namespace flopscope::onnx
