#include "MediaFixtures.h"
#include "media/ImagePipeline.h"
#include "media/JpegSegments.h"

#include <QImage>
#include <QTest>

using namespace clinicdesk;

// The image pipeline of issue 14 item 1, on images made here with known metadata (MediaFixtures.h).
// "Clean" is proven by parsing the output's segments and by looking for the canary bytes, not by
// trusting the encoder.
class TestImagePipeline : public QObject
{
    Q_OBJECT

    static QColor colourAt(const QImage &image, double fx, double fy)
    {
        return image.pixelColor(int(image.width() * fx), int(image.height() * fy));
    }

    static bool near(const QColor &actual, const QColor &expected)
    {
        return qAbs(actual.red() - expected.red()) < 40 &&
               qAbs(actual.green() - expected.green()) < 40 &&
               qAbs(actual.blue() - expected.blue()) < 40;
    }

    static QList<quint8> markers(const QByteArray &jpeg)
    {
        auto segments = JpegSegments::parse(jpeg);
        if (!segments)
            qFatal("output does not parse: %s", qPrintable(segments.error().message));
        QList<quint8> out;
        for (const auto &s : *segments)
            out << s.marker;
        return out;
    }

private Q_SLOTS:
    void phonePhotoComesOutUprightSmallAndWithoutMetadata()
    {
        // Stored sideways (2400 x 1600) with EXIF orientation 6: upright it is 1600 x 2400.
        const QByteArray input =
            test::withCameraMetadata(test::encodeJpeg(test::quadrants(2400, 1600)), 6);
        QVERIFY(input.contains(test::kMetadataCanary));
        QVERIFY(markers(input).contains(0xE1));
        QVERIFY(markers(input).contains(0xFE));

        auto out = ImagePipeline::process(input);
        QVERIFY2(out, out ? "" : qPrintable(out.error().message));
        QCOMPARE(out->size, QSize(1000, 1500));
        QCOMPARE(out->quality, ImagePipeline::kFirstQuality);
        QVERIFY(out->jpeg.size() <= ImagePipeline::kMaxBytes);

        // Segments: SOI, the bare JFIF APP0, then only coding segments. No APP1..APP15, no COM.
        const QList<quint8> found = markers(out->jpeg);
        QCOMPARE(found.first(), JpegSegments::kSoi);
        QCOMPARE(found.last(), JpegSegments::kEoi);
        for (quint8 m : found) {
            QVERIFY2(!(JpegSegments::isApp(m) && m != JpegSegments::kApp0),
                     qPrintable(QStringLiteral("APP%1 left").arg(m - 0xE0)));
            QVERIFY(m != JpegSegments::kCom);
        }
        QCOMPARE(found.count(JpegSegments::kApp0), 1);
        QVERIFY(!out->jpeg.contains(test::kMetadataCanary));
        QVERIFY(!out->jpeg.contains("Exif"));
        QVERIFY(!out->jpeg.contains("http://ns.adobe.com"));
        QVERIFY(!out->jpeg.contains("ICC_PROFILE"));

        // Upright: turned 90 degrees clockwise, the stored top-left (red) is now top-right.
        QImage shown;
        QVERIFY(shown.loadFromData(out->jpeg, "JPEG"));
        QCOMPARE(shown.size(), QSize(1000, 1500));
        QVERIFY(near(colourAt(shown, 0.25, 0.25), Qt::blue));
        QVERIFY(near(colourAt(shown, 0.75, 0.25), Qt::red));
        QVERIFY(near(colourAt(shown, 0.25, 0.75), Qt::yellow));
        QVERIFY(near(colourAt(shown, 0.75, 0.75), Qt::green));
    }

    void smallUprightPhotoKeepsItsSize()
    {
        const QByteArray input =
            test::withCameraMetadata(test::encodeJpeg(test::quadrants(640, 480)), 1);
        auto out = ImagePipeline::process(input);
        QVERIFY(out);
        QCOMPARE(out->size, QSize(640, 480));
        QVERIFY(*JpegSegments::isClean(out->jpeg));
        QImage shown;
        QVERIFY(shown.loadFromData(out->jpeg, "JPEG"));
        QVERIFY(near(colourAt(shown, 0.25, 0.25), Qt::red));
    }

    void pngWithAlphaAndTextBecomesAFlatJpeg()
    {
        QImage image(1200, 300, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter(&image).fillRect(0, 0, 600, 300, Qt::blue);
        image.setText(QStringLiteral("Comment"), QString::fromLatin1(test::kMetadataCanary));
        const QByteArray input = test::encodePng(image);
        QVERIFY(input.contains(test::kMetadataCanary)); // a PNG tEXt chunk

        auto out = ImagePipeline::process(input);
        QVERIFY2(out, out ? "" : qPrintable(out.error().message));
        QCOMPARE(out->size, QSize(1000, 250));
        QVERIFY(*JpegSegments::isClean(out->jpeg));
        QVERIFY(!out->jpeg.contains(test::kMetadataCanary));
        QImage shown;
        QVERIFY(shown.loadFromData(out->jpeg, "JPEG"));
        QVERIFY(near(colourAt(shown, 0.25, 0.5), Qt::blue));
        QVERIFY(near(colourAt(shown, 0.75, 0.5), Qt::white)); // transparency on white
    }

    void overThreeMegabytesLowersTheQualityStepByStep()
    {
        // Noise does not compress: 1000 x 5000 is over 3 MB at quality 85.
        const QByteArray input = test::encodePng(test::noise(1000, 5000));
        auto out = ImagePipeline::process(input);
        QVERIFY2(out, out ? "" : qPrintable(out.error().message));
        qInfo("quality %d, %lld bytes", out->quality, qint64(out->jpeg.size()));
        QVERIFY(out->quality < ImagePipeline::kFirstQuality);
        QVERIFY(out->jpeg.size() <= ImagePipeline::kMaxBytes);
        QVERIFY(out->jpeg.size() > ImagePipeline::kMaxBytes / 2); // not needlessly degraded
        QCOMPARE(out->size, QSize(1000, 5000));
    }

    void stillTooLargeAtTheLowestQualityIsRefused()
    {
        ImagePipeline::Limits limits;
        limits.maxBytes = 200 * 1000;
        auto out = ImagePipeline::process(test::encodePng(test::noise(1000, 1000)), limits);
        QVERIFY(!out);
        QCOMPARE(out.error().code, ErrorCode::InvalidInput);
        QVERIFY2(out.error().message.contains(QStringLiteral("lowest quality")),
                 qPrintable(out.error().message));
    }

    void decompressionBombsAreRefusedBeforeDecoding_data()
    {
        QTest::addColumn<QByteArray>("input");
        // A real PNG bomb: 15000 x 15000 one-bit pixels, a few hundred KB on disk.
        QImage mono(15000, 15000, QImage::Format_Mono);
        mono.fill(0);
        QTest::newRow("png 225 megapixels") << test::encodePng(mono);
        const QByteArray small = test::encodeJpeg(test::quadrants(64, 64));
        QTest::newRow("jpeg header claims 60000 x 60000")
            << test::withDeclaredSize(small, 60000, 60000);
        QTest::newRow("jpeg header claims 30000 x 100")
            << test::withDeclaredSize(small, 30000, 100);
    }

    void decompressionBombsAreRefusedBeforeDecoding()
    {
        QFETCH(QByteArray, input);
        auto out = ImagePipeline::process(input);
        QVERIFY(!out);
        QCOMPARE(out.error().code, ErrorCode::InvalidInput);
        QVERIFY2(out.error().message.contains(QStringLiteral("megapixels")),
                 qPrintable(out.error().message));
    }

    void badInputsGetTheirOwnErrors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("says");
        QByteArray garbage(4096, Qt::Uninitialized);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(garbage.data()), 1024);
        garbage[0] = 'x'; // not by chance a known signature
        QTest::newRow("garbage") << garbage << QStringLiteral("not an image");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("text") << QByteArray("%PDF-1.7 hello") << QStringLiteral("not an image");
        QByteArray gif;
        {
            QBuffer b(&gif);
            b.open(QIODevice::WriteOnly);
            test::quadrants(32, 32).save(&b, "BMP");
        }
        QTest::newRow("bmp") << gif << QStringLiteral("BMP images are not supported");
        const QByteArray jpeg = test::encodeJpeg(test::quadrants(200, 200));
        QTest::newRow("truncated jpeg header") << jpeg.left(20) << QString();
    }

    void badInputsGetTheirOwnErrors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, says);
        auto out = ImagePipeline::process(input);
        QVERIFY(!out);
        QCOMPARE(out.error().code, ErrorCode::InvalidInput);
        QVERIFY2(out.error().message.contains(says), qPrintable(out.error().message));
    }

    void stripMetadataKeepsThePictureAndDropsTheRest()
    {
        const QByteArray input =
            test::withCameraMetadata(test::encodeJpeg(test::quadrants(300, 200)), 6);
        QVERIFY(!*JpegSegments::isClean(input));
        auto stripped = JpegSegments::stripMetadata(input);
        QVERIFY(stripped);
        QVERIFY(*JpegSegments::isClean(*stripped));
        QVERIFY(!stripped->contains(test::kMetadataCanary));
        QImage image;
        QVERIFY(image.loadFromData(*stripped, "JPEG"));
        QCOMPARE(image.size(), QSize(300, 200)); // the orientation went with the EXIF
    }

    void malformedJpegSegmentsAreErrors_data()
    {
        QTest::addColumn<QByteArray>("input");
        const QByteArray jpeg = test::encodeJpeg(test::quadrants(40, 40));
        QTest::newRow("no SOI") << jpeg.mid(2);
        QTest::newRow("no EOI") << jpeg.left(jpeg.size() - 2);
        QTest::newRow("trailing data") << jpeg + QByteArray("hidden");
        QByteArray lying = jpeg;
        lying[4] = char(0x7F); // APP0 length far past the end
        lying[5] = char(0xFF);
        QTest::newRow("length past the end") << lying.left(200);
        QTest::newRow("just SOI") << QByteArray("\xFF\xD8", 2);
    }

    void malformedJpegSegmentsAreErrors()
    {
        QFETCH(QByteArray, input);
        auto segments = JpegSegments::parse(input);
        QVERIFY(!segments);
        QCOMPARE(segments.error().code, ErrorCode::InvalidInput);
        QVERIFY(!JpegSegments::stripMetadata(input));
    }
};

QTEST_GUILESS_MAIN(TestImagePipeline)
#include "tst_imagepipeline.moc"
