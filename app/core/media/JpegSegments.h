#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace clinicdesk {

// A JPEG file read as its marker segments (ITU T.81 B.1), without decoding a pixel. The image
// pipeline uses it twice: to drop every segment that can carry metadata from the encoder's output
// (APP1..APP15: EXIF with GPS and maker notes, XMP, ICC, Photoshop IRB; COM comments), and to prove
// that what it stores has none left. Bytes come from outside (imported files), so every length is
// checked against what is there; a malformed file is an InvalidInput error, never a crash
// (fuzz_jpegsegments).
class JpegSegments
{
public:
    struct Segment
    {
        quint8 marker = 0; // the byte after 0xFF: 0xD8 SOI, 0xE0..0xEF APPn, 0xFE COM, 0xDA SOS...
        qsizetype offset = 0; // of the 0xFF
        qsizetype length = 0; // whole segment, marker included; for SOS, header plus scan data
    };

    static bool isApp(quint8 marker) { return marker >= 0xE0 && marker <= 0xEF; }
    static constexpr quint8 kSoi = 0xD8;
    static constexpr quint8 kEoi = 0xD9;
    static constexpr quint8 kSos = 0xDA;
    static constexpr quint8 kCom = 0xFE;
    static constexpr quint8 kApp0 = 0xE0;

    // Every segment from SOI to EOI, in order. Bytes after EOI are refused (a place to hide data).
    static Result<QList<Segment>> parse(QByteArrayView jpeg);

    // The same file without APP1..APP15 and COM, and without APP0 unless it is the JFIF header
    // (its optional thumbnail removed). Everything else is copied byte for byte.
    static Result<QByteArray> stripMetadata(QByteArrayView jpeg);

    // True if the file has no segment stripMetadata would remove.
    static Result<bool> isClean(QByteArrayView jpeg);
};

} // namespace clinicdesk
