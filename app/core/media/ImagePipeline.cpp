#include "media/ImagePipeline.h"

#include "media/JpegSegments.h"

#include <QBuffer>
#include <QColorSpace>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

namespace clinicdesk {
namespace {

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

// The size the decoder should produce (before the EXIF rotation) so that the upright image is
// at most maxWidth wide; libjpeg then scales while decoding (DCT scaling), which is much faster
// than decoding 12 megapixels and scaling them down afterwards.
QSize decodeSize(QSize stored, QImageIOHandler::Transformations transform, int maxWidth)
{
    const bool quarterTurn = transform.testFlag(QImageIOHandler::TransformationRotate90);
    const int uprightWidth = quarterTurn ? stored.height() : stored.width();
    if (uprightWidth <= maxWidth)
        return stored;
    const double factor = double(maxWidth) / uprightWidth;
    QSize scaled(qMax(1, qRound(stored.width() * factor)),
                 qMax(1, qRound(stored.height() * factor)));
    // Never one pixel over the limit from rounding.
    if (quarterTurn)
        scaled.setHeight(qMin(scaled.height(), maxWidth));
    else
        scaled.setWidth(qMin(scaled.width(), maxWidth));
    return scaled;
}

// A fresh RGB32 image holding only the pixels: no text keys (Qt writes them back as COM
// segments), no colour space (Qt writes it back as an ICC APP2 segment), no DPI.
QImage pixelsOnly(const QImage &decoded)
{
    QImage source = decoded;
    if (source.colorSpace().isValid() && source.colorSpace() != QColorSpace(QColorSpace::SRgb))
        source.convertToColorSpace(QColorSpace(QColorSpace::SRgb));
    QImage out(source.size(), QImage::Format_RGB32);
    if (out.isNull())
        return out;
    if (source.hasAlphaChannel()) {
        out.fill(Qt::white); // a transparent PNG shows on white, as on the page it came from
        QPainter painter(&out);
        painter.drawImage(0, 0, source);
    } else {
        const QImage rgb = source.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < rgb.height(); ++y)
            memcpy(out.scanLine(y), rgb.constScanLine(y), size_t(rgb.width()) * 4);
    }
    return out;
}

Result<QByteArray> encode(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return makeError(ErrorCode::Io,
                         QStringLiteral("the JPEG encoder failed: %1").arg(writer.errorString()));
    return bytes;
}

} // namespace

Result<ImagePipeline::Output> ImagePipeline::process(QByteArrayView input, const Limits &limits)
{
    if (input.isEmpty())
        return invalid(QStringLiteral("the file is empty"));
    if (input.size() > limits.maxInputBytes)
        return invalid(QStringLiteral("the file is %1 MB; at most %2 MB can be imported")
                           .arg(input.size() / (1024 * 1024))
                           .arg(limits.maxInputBytes / (1024 * 1024)));
    // QBuffer needs a QByteArray; fromRawData shares the caller's bytes (no copy, no file).
    QByteArray raw = QByteArray::fromRawData(input.data(), input.size());
    QBuffer buffer(&raw);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    if (format.isEmpty())
        return invalid(QStringLiteral("the file is not an image"));
    if (format != "jpeg" && format != "png")
        return invalid(QStringLiteral("%1 images are not supported; import a JPEG or PNG")
                           .arg(QString::fromLatin1(format.toUpper())));
    const QSize stored = reader.size();
    if (!stored.isValid())
        return invalid(QStringLiteral("the image's size cannot be read (damaged file)"));
    if (stored.width() > limits.maxSide || stored.height() > limits.maxSide ||
        qint64(stored.width()) * stored.height() > limits.maxPixels)
        return invalid(QStringLiteral("the image is %1 x %2 pixels; at most %3 megapixels "
                                      "(%4 px a side) can be imported")
                           .arg(stored.width())
                           .arg(stored.height())
                           .arg(limits.maxPixels / 1'000'000)
                           .arg(limits.maxSide));
    // Qt's own fence against allocating more than this for one image (0 would disable it).
    const int fenceMb = int((limits.maxPixels * 4) / (1024 * 1024)) + 1;
    if (QImageReader::allocationLimit() == 0 || QImageReader::allocationLimit() > fenceMb)
        QImageReader::setAllocationLimit(fenceMb);

    reader.setAutoTransform(true);
    const QImageIOHandler::Transformations transform = reader.transformation();
    const QSize target = decodeSize(stored, transform, limits.maxWidth);
    if (target != stored) {
        reader.setScaledSize(target);
        // Qt's JPEG reader lets libjpeg scale in the DCT domain (1/2, 1/4, 1/8: a proper average,
        // then a smooth scale for the rest) only below "quality" 50; above, it decodes every
        // pixel and scales afterwards, about 3 times slower for a 12 MP photo (bench_media).
        reader.setQuality(49);
    }
    QImage decoded;
    if (!reader.read(&decoded) || decoded.isNull())
        return invalid(
            QStringLiteral("the image cannot be decoded (%1)").arg(reader.errorString()));
    if (decoded.width() > limits.maxWidth) // a decoder that ignored the scaled size
        decoded = decoded.scaledToWidth(limits.maxWidth, Qt::SmoothTransformation);

    const QImage clean = pixelsOnly(decoded);
    if (clean.isNull())
        return makeError(ErrorCode::Io, QStringLiteral("out of memory for the image"));
    for (int quality = kFirstQuality; quality >= kMinQuality; quality -= kQualityStep) {
        auto encoded = encode(clean, quality);
        if (!encoded)
            return encoded.error();
        auto stripped = JpegSegments::stripMetadata(*encoded);
        if (!stripped)
            return stripped.error();
        auto verified = JpegSegments::isClean(*stripped);
        if (!verified || !*verified)
            return makeError(ErrorCode::Integrity,
                             QStringLiteral("a metadata segment survived stripping"));
        if (stripped->size() <= limits.maxBytes)
            return Output{std::move(stripped).value(), decoded.size(), quality};
    }
    return invalid(QStringLiteral("the image stays over %1 MB even at the lowest quality; crop "
                                  "it or scan it smaller")
                       .arg(double(limits.maxBytes) / 1e6, 0, 'g', 3));
}

} // namespace clinicdesk
