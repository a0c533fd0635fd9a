#pragma once

// Images for the media tests, made here rather than checked in: a JPEG with the metadata a phone
// camera writes (an EXIF APP1 segment with the orientation tag and a GPS IFD, a comment, an XMP
// packet), built with a tiny hand-written segment writer so every byte is known.

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>

namespace clinicdesk::test {

// A canary that must never survive the pipeline (it sits in the comment, the GPS IFD and XMP).
inline const QByteArray kMetadataCanary = QByteArrayLiteral("CANARYGPS-Zyxwquanary");

inline QByteArray encodeJpeg(const QImage &image, int quality = 90)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.write(image);
    return bytes;
}

inline QByteArray encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.write(image);
    return bytes;
}

// Four solid quadrants: top-left red, top-right green, bottom-left blue, bottom-right yellow.
inline QImage quadrants(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter p(&image);
    p.fillRect(0, 0, width / 2, height / 2, Qt::red);
    p.fillRect(width / 2, 0, width - width / 2, height / 2, Qt::green);
    p.fillRect(0, height / 2, width / 2, height - height / 2, Qt::blue);
    p.fillRect(width / 2, height / 2, width - width / 2, height - height / 2, Qt::yellow);
    return image;
}

inline QImage noise(int width, int height, quint32 seed = 14)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = 0xFF000000u | (random.generate() & 0xFFFFFFu);
    }
    return image;
}

inline void put16(QByteArray &out, int v)
{
    out.append(char((v >> 8) & 0xFF)).append(char(v & 0xFF));
}

inline void put32(QByteArray &out, quint32 v)
{
    put16(out, int(v >> 16));
    put16(out, int(v & 0xFFFF));
}

// One marker segment: FF <marker> <length incl. itself> <payload>.
inline QByteArray segment(quint8 marker, const QByteArray &payload)
{
    QByteArray out;
    out.append(char(0xFF)).append(char(marker));
    put16(out, int(payload.size() + 2));
    return out + payload;
}

// "Exif\0\0" + a big-endian TIFF: IFD0 {Orientation = orientation, GPSInfo -> GPS IFD},
// GPS IFD {GPSLatitudeRef "N", GPSLatitude 40/1 26/1 4625/100, GPSProcessingMethod canary}.
inline QByteArray exifPayload(int orientation)
{
    QByteArray tiff("MM\0\x2A", 4);
    put32(tiff, 8);
    // IFD0 at 8: 2 entries -> 2 + 24 + 4 = 30 bytes; GPS IFD at 38.
    put16(tiff, 2);
    put16(tiff, 0x0112), put16(tiff, 3), put32(tiff, 1), put16(tiff, orientation), put16(tiff, 0);
    put16(tiff, 0x8825), put16(tiff, 4), put32(tiff, 1), put32(tiff, 38);
    put32(tiff, 0);
    // GPS IFD at 38: 3 entries -> 2 + 36 + 4 = 42 bytes; its data at 80.
    put16(tiff, 3);
    put16(tiff, 0x0001), put16(tiff, 2), put32(tiff, 2), tiff.append("N\0\0\0", 4);
    put16(tiff, 0x0002), put16(tiff, 5), put32(tiff, 3), put32(tiff, 80);
    put16(tiff, 0x001B), put16(tiff, 7), put32(tiff, quint32(kMetadataCanary.size())),
        put32(tiff, 104);
    put32(tiff, 0);
    for (quint32 v : {40u, 1u, 26u, 1u, 4625u, 100u})
        put32(tiff, v);
    tiff += kMetadataCanary;
    return QByteArray("Exif\0\0", 6) + tiff;
}

// `jpeg` with, right after SOI: APP1 EXIF (orientation + GPS), APP1 XMP, COM; all carry the canary.
inline QByteArray withCameraMetadata(const QByteArray &jpeg, int orientation)
{
    const QByteArray xmp = QByteArray("http://ns.adobe.com/xap/1.0/\0", 29) +
                           "<x:xmpmeta><rdf:Description exif:GPSLatitude=\"" + kMetadataCanary +
                           "\"/></x:xmpmeta>";
    return jpeg.left(2) + segment(0xE1, exifPayload(orientation)) + segment(0xE1, xmp) +
           segment(0xFE, "patient " + kMetadataCanary) + jpeg.mid(2);
}

// A JPEG whose frame header (SOF0/SOF2) claims width x height: a decompression bomb's header.
inline QByteArray withDeclaredSize(QByteArray jpeg, int width, int height)
{
    for (int i = 2; i + 9 < jpeg.size(); ++i) {
        const auto m = quint8(jpeg[i + 1]);
        if (quint8(jpeg[i]) == 0xFF && (m == 0xC0 || m == 0xC2)) {
            jpeg[i + 5] = char(height >> 8), jpeg[i + 6] = char(height & 0xFF);
            jpeg[i + 7] = char(width >> 8), jpeg[i + 8] = char(width & 0xFF);
            break;
        }
    }
    return jpeg;
}

} // namespace clinicdesk::test
