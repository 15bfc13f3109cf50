// flopscope CLI — an ONNX ByteSource over a file with pread: the reader asks for windows and seeks over
// weight payloads, so a 500 MB export is never read whole (nor held in memory).
#pragma once

#include "core/onnx/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

namespace flopscope::cli {

class FileSource final : public onnx::ByteSource {
public:
    explicit FileSource(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY)) {
        struct stat st {};
        if (fd_ >= 0 && ::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) size_ = static_cast<std::uint64_t>(st.st_size);
        else if (fd_ >= 0) { ::close(fd_); fd_ = -1; }
    }
    ~FileSource() override { if (fd_ >= 0) ::close(fd_); }
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;
    bool is_open() const { return fd_ >= 0; }
    std::uint64_t size() const override { return size_; }
    std::size_t read(std::uint64_t offset, std::uint8_t* dst, std::size_t len) override {
        std::size_t done = 0;
        while (done < len) {
            const ssize_t n = ::pread(fd_, dst + done, len - done, static_cast<off_t>(offset + done));
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        return done;
    }

private:
    int fd_ = -1;
    std::uint64_t size_ = 0;
};

} // namespace flopscope::cli
