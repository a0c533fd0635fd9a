#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSize>

namespace clinicdesk {

// Turns a photo or scan a staff member imports (JPEG or PNG, as bytes: never through a temporary
// file, which would put PHI on disk in clear) into what the provider accepts and the store keeps
// (shared/DESIGN.md, issue 14): upright (the EXIF orientation applied), at most kMaxWidth pixels
// wide, one JPEG under kMaxBytes, with no metadata segment at all: no EXIF (GPS, maker notes,
// camera serials), no XMP, no ICC profile (colours are converted to sRGB first), no comments. The
// output is parsed again (JpegSegments) and refused if anything but the JFIF header is left.
//
// Bytes from outside are hostile: a file that is not an image, an image in another format, and a
// "decompression bomb" (a small file that declares huge dimensions) each fail with their own
// InvalidInput error before any pixel buffer is allocated: the declared size is checked against
// Limits::maxPixels, and Qt's own allocation limit stays on as a second fence.
//
// Pure function of its input; safe to call on any thread (MediaImporter runs it off the GUI one).
class ImagePipeline
{
public:
    static constexpr int kMaxWidth = 1000;
    static constexpr qsizetype kMaxBytes = 3 * 1000 * 1000; // the provider's "over 3 MB"
    static constexpr int kFirstQuality = 85;
    static constexpr int kMinQuality = 35;
    static constexpr int kQualityStep = 10;

    struct Limits
    {
        int maxWidth = kMaxWidth;
        qsizetype maxBytes = kMaxBytes;
        // 40 megapixels (a 12 MP phone photo is 12; 40 MP covers every camera a clinic uses) and
        // no side over 20000 px: decoding that as RGB32 takes at most 160 MB.
        qint64 maxPixels = 40'000'000;
        int maxSide = 20000;
        // The input file itself.
        qsizetype maxInputBytes = 64 * 1024 * 1024;
    };

    struct Output
    {
        QByteArray jpeg;
        QSize size;
        int quality = 0; // the JPEG quality that met maxBytes
    };

    static Result<Output> process(QByteArrayView input, const Limits &limits);
    static Result<Output> process(QByteArrayView input) { return process(input, Limits{}); }
};

} // namespace clinicdesk
