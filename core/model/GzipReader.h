// gzip (RFC 1952) and DEFLATE (RFC 1951) decoding in plain C++, so that the model layer
// can read CLIP's gzipped BPE vocabulary without linking zlib.
#pragma once

#include <string>

namespace vigil {

/// Inflates a whole gzip file held in memory (one or more members, as `gzip -d` and
/// Python's gzip module accept), checking each member's CRC-32 and length. `what` names
/// the source in error messages. Throws vigil::Error on any malformed input or when the
/// output would pass 64 MiB; never reads out of bounds. Any thread.
std::string inflateGzip(const std::string& compressed, const std::string& what);

/// Reads a file (at most 64 MiB) and inflates it if it starts with the gzip magic bytes,
/// else returns its bytes as they are. Throws vigil::Error naming the path. Any thread.
std::string readMaybeGzipFile(const std::string& path);

} // namespace vigil
