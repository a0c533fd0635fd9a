#include "media/JpegSegments.h"

namespace clinicdesk {
namespace {

Error malformed(const char *what, qsizetype offset)
{
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("not a well-formed JPEG: %1 at byte %2")
                         .arg(QString::fromLatin1(what))
                         .arg(offset));
}

quint8 byteAt(QByteArrayView data, qsizetype i)
{
    return quint8(data[i]);
}

// Markers with no length field after them: SOI, EOI, RST0..RST7, TEM.
bool standalone(quint8 marker)
{
    return marker == JpegSegments::kSoi || marker == JpegSegments::kEoi ||
           (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01;
}

// The end of the entropy-coded data that starts at `from`: the first 0xFF followed by a marker
// that is neither a stuffed zero nor a restart marker (those belong to the scan).
qsizetype scanEnd(QByteArrayView data, qsizetype from)
{
    for (qsizetype i = from; i + 1 < data.size(); ++i) {
        if (byteAt(data, i) != 0xFF)
            continue;
        const quint8 next = byteAt(data, i + 1);
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7) || next == 0xFF)
            continue;
        return i;
    }
    return -1;
}

bool isJfifHeader(QByteArrayView data, const JpegSegments::Segment &s)
{
    return s.marker == JpegSegments::kApp0 && s.length >= 2 + 2 + 5 &&
           data.sliced(s.offset + 4, 5) == QByteArrayView("JFIF\0", 5);
}

} // namespace

Result<QList<JpegSegments::Segment>> JpegSegments::parse(QByteArrayView data)
{
    if (data.size() < 4 || byteAt(data, 0) != 0xFF || byteAt(data, 1) != kSoi)
        return malformed("no start-of-image marker", 0);
    QList<Segment> out{Segment{kSoi, 0, 2}};
    qsizetype i = 2;
    while (true) {
        if (i >= data.size())
            return malformed("no end-of-image marker", i);
        if (byteAt(data, i) != 0xFF)
            return malformed("expected a marker", i);
        qsizetype m = i + 1;
        while (m < data.size() && byteAt(data, m) == 0xFF) // fill bytes
            ++m;
        if (m >= data.size())
            return malformed("truncated marker", i);
        const quint8 marker = byteAt(data, m);
        if (marker == 0x00)
            return malformed("stuffed byte outside a scan", i);
        if (marker == kEoi) {
            out << Segment{marker, i, m + 1 - i};
            if (m + 1 != data.size())
                return malformed("data after the end-of-image marker", m + 1);
            return out;
        }
        if (standalone(marker)) {
            out << Segment{marker, i, m + 1 - i};
            i = m + 1;
            continue;
        }
        if (m + 2 >= data.size())
            return malformed("truncated segment length", m + 1);
        const qsizetype length = (qsizetype(byteAt(data, m + 1)) << 8) | byteAt(data, m + 2);
        if (length < 2 || m + 1 + length > data.size())
            return malformed("segment length out of bounds", m + 1);
        qsizetype end = m + 1 + length;
        if (marker == kSos) {
            end = scanEnd(data, end);
            if (end < 0)
                return malformed("scan without an end", m + 1 + length);
        }
        out << Segment{marker, i, end - i};
        i = end;
    }
}

Result<QByteArray> JpegSegments::stripMetadata(QByteArrayView data)
{
    auto segments = parse(data);
    if (!segments)
        return segments.error();
    QByteArray out;
    out.reserve(data.size());
    for (const Segment &s : *segments) {
        if (s.marker == kCom || (isApp(s.marker) && s.marker != kApp0))
            continue;
        if (s.marker == kApp0) {
            if (!isJfifHeader(data, s))
                continue;
            // JFIF 1.0x header without its thumbnail: version, units, densities, 0x0 thumbnail.
            if (s.length < 2 + 2 + 14)
                return malformed("short JFIF header", s.offset);
            QByteArray jfif = data.sliced(s.offset, 2 + 2 + 12).toByteArray();
            jfif[2] = char(0);
            jfif[3] = char(16);
            jfif.append(char(0)).append(char(0));
            out += jfif;
            continue;
        }
        out += data.sliced(s.offset, s.length);
    }
    return out;
}

Result<bool> JpegSegments::isClean(QByteArrayView data)
{
    auto segments = parse(data);
    if (!segments)
        return segments.error();
    for (const Segment &s : *segments) {
        if (s.marker == kCom || (isApp(s.marker) && s.marker != kApp0))
            return false;
        if (s.marker == kApp0 && (!isJfifHeader(data, s) || s.length != 2 + 16))
            return false;
    }
    return true;
}

} // namespace clinicdesk
