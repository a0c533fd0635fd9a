// Hostile bytes through the JPEG segment parser the image pipeline relies on to strip metadata
// (media/JpegSegments). Nothing may crash, hang or read out of bounds; a parsed file's segments
// tile it exactly from SOI to EOI; stripping yields a file that parses again, is clean, and is
// never longer than the input plus the rewritten JFIF header.
#include "media/JpegSegments.h"

#include <cstdint>
#include <cstdlib>

using namespace clinicdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    auto segments = JpegSegments::parse(bytes);
    auto stripped = JpegSegments::stripMetadata(bytes);
    if (!segments) {
        if (stripped)
            std::abort(); // strip accepted what parse refused
        return 0;
    }
    qsizetype next = 0;
    for (const auto &s : *segments) {
        if (s.offset != next || s.length < 2)
            std::abort();
        next = s.offset + s.length;
    }
    if (next != bytes.size() || segments->first().marker != JpegSegments::kSoi ||
        segments->last().marker != JpegSegments::kEoi)
        std::abort();
    if (!stripped)
        return 0; // a JFIF header too short to rewrite
    if (stripped->size() > bytes.size() + 18)
        std::abort();
    auto again = JpegSegments::isClean(*stripped);
    if (!again || !*again)
        std::abort();
    return 0;
}
