// Flopscope fuzzing — the ONNX reader, shape inference and the mapping onto layer kinds
// (core/onnx/*.h), from raw bytes. Properties: tools/fuzz/onnx_properties.h. Seeds: tools/fuzz/corpus/onnx
// (small real exports and hand-built models); regressions: tools/fuzz/regressions/onnx/.
//
//   build/fuzz/fuzz/fuzz_onnx -max_len=65536 /tmp/onnx-corpus tools/fuzz/corpus/onnx
#include "fuzz_support.h"
#include "onnx_properties.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::string broken = flopscope::fuzz::check_onnx_bytes(bytes);
    if (!broken.empty()) flopscope::fuzz::fuzz_fail("onnx property", broken);
    return 0;
}
