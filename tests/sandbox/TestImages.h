#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QRandomGenerator>

// Real JPEG files for upload tests (Qt's JPEG writer), and exact sizes by padding.
namespace sandboxtest {

// A w x h JPEG: a gradient, or (noise) random pixels at quality 100, which compress badly.
inline QByteArray jpeg(int w, int h, bool noise = false)
{
    QImage image(w, h, QImage::Format_RGB32);
    QRandomGenerator rng(42);
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < w; ++x)
            line[x] = noise ? rng.generate() | 0xff000000u : qRgb(x % 256, y % 256, 128);
    }
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", noise ? 100 : 85);
    return out;
}

// `jpeg` grown to exactly `size` bytes with comment (COM) segments after its SOI marker: still
// a valid JPEG. `size` must be the JPEG's own size or at least 4 bytes more.
inline QByteArray padded(const QByteArray &jpeg, qsizetype size)
{
    qsizetype need = size - jpeg.size();
    QByteArray pad;
    while (need > 0) {
        qsizetype total = qMin<qsizetype>(need, 65537); // marker + 16-bit length + data
        if (need - total > 0 && need - total < 4)
            total -= 4;
        const int length = int(total - 2);
        pad += "\xFF\xFE";
        pad += char((length >> 8) & 0xff);
        pad += char(length & 0xff);
        pad += QByteArray(length - 2, 'x');
        need -= total;
    }
    return jpeg.left(2) + pad + jpeg.mid(2);
}

} // namespace sandboxtest
