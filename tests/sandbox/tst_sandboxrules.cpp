#include "SandboxCheckin.h"
#include "SandboxFileChecks.h"
#include "SandboxMedications.h"
#include "SandboxPdf.h"
#include "SandboxPharmacyDirectory.h"
#include "TestImages.h"
#include "crypto/Crypto.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;

// The sandbox's building blocks on their own: what it accepts as a JPEG or a PDF, the PDF it
// writes (opened by real readers: qpdf and poppler's pdftotext), the pharmacy directory and its
// search, the medication catalogue and the check-in's field rules.
class TestSandboxRules : public QObject
{
    Q_OBJECT

private:
    static QJsonObject item(const QString &mime, const QByteArray &bytes)
    {
        return {{"mime", mime}, {"data", QString::fromLatin1(bytes.toBase64())}};
    }

    static QString tool(const char *name)
    {
        return QStandardPaths::findExecutable(QString::fromLatin1(name));
    }

private slots:
    void jpegs()
    {
        const QByteArray real = sandboxtest::jpeg(64, 48);
        QVERIFY(SandboxFileChecks::isJpeg(real));
        QVERIFY(SandboxFileChecks::acceptedJpeg(item("image/jpeg", real)));
        QCOMPARE(*SandboxFileChecks::acceptedJpeg(item("image/jpeg", real)), real);
        QVERIFY(SandboxFileChecks::acceptedJpeg(item("IMAGE/JPEG", real))); // any case
        // The mime is not enough, and neither are the bytes.
        QVERIFY(!SandboxFileChecks::acceptedJpeg(item("image/png", real)));
        QVERIFY(!SandboxFileChecks::acceptedJpeg(item("image/jpeg", "\x89PNG\r\n\x1a\n....")));
        QVERIFY(!SandboxFileChecks::acceptedJpeg(item("image/jpeg", real.chopped(2)))); // no EOI
        QVERIFY(!SandboxFileChecks::acceptedJpeg(item("image/jpeg", real.mid(1))));     // no SOI
        QVERIFY(!SandboxFileChecks::acceptedJpeg(QJsonObject{{"mime", "image/jpeg"}}));
        QVERIFY(
            !SandboxFileChecks::acceptedJpeg(QJsonObject{{"mime", "image/jpeg"}, {"data", ""}}));
        QVERIFY(!SandboxFileChecks::acceptedJpeg(QJsonValue("not an object")));
        // Base64 as is: no data: prefix, no line breaks.
        const QString b64 = QString::fromLatin1(real.toBase64());
        QVERIFY(!SandboxFileChecks::acceptedJpeg(
            QJsonObject{{"mime", "image/jpeg"}, {"data", "data:image/jpeg;base64," + b64}}));
        QVERIFY(!SandboxFileChecks::acceptedJpeg(
            QJsonObject{{"mime", "image/jpeg"}, {"data", b64.left(40) + "\n" + b64.mid(40)}}));
    }

    // 3 MiB decoded is the most; one byte more is refused.
    void jpegSizeLimit()
    {
        const QByteArray real = sandboxtest::jpeg(64, 48);
        const QByteArray atLimit = sandboxtest::padded(real, SandboxFileChecks::kMaxBytes);
        QCOMPARE(atLimit.size(), SandboxFileChecks::kMaxBytes);
        QVERIFY(SandboxFileChecks::acceptedJpeg(item("image/jpeg", atLimit)));
        const QByteArray over = sandboxtest::padded(real, SandboxFileChecks::kMaxBytes + 1);
        QCOMPARE(over.size(), SandboxFileChecks::kMaxBytes + 1);
        QVERIFY(SandboxFileChecks::isJpeg(over));
        QVERIFY(!SandboxFileChecks::acceptedJpeg(item("image/jpeg", over)));
    }

    void pdfs()
    {
        const QByteArray pdf = SandboxPdf::document("Title", {"one line"});
        QVERIFY(SandboxFileChecks::isPdf(pdf));
        QVERIFY(SandboxFileChecks::acceptedPdf(item("application/pdf", pdf)));
        QVERIFY(!SandboxFileChecks::acceptedPdf(item("image/jpeg", pdf)));
        QVERIFY(!SandboxFileChecks::acceptedPdf(item("application/pdf", "%PDF-1.4\n")));
        QVERIFY(!SandboxFileChecks::acceptedPdf(item("application/pdf", pdf.left(pdf.size() - 7))));
        QVERIFY(
            !SandboxFileChecks::acceptedPdf(item("application/pdf", sandboxtest::jpeg(16, 16))));
    }

    // The hand-written PDF opens in real readers, with its text where it should be.
    void pdfOpensInRealReaders()
    {
        const QString qpdf = tool("qpdf");
        const QString pdftotext = tool("pdftotext");
        if (qpdf.isEmpty() || pdftotext.isEmpty())
            QFAIL("qpdf and pdftotext are needed (Debian qpdf, poppler-utils: scripts/lib.sh)");
        QTemporaryDir dir;
        const QString path = dir.filePath("requisition.pdf");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            SandboxPdf::document("Laboratory requisition",
                                 {"Order: lab_123", "Tests (fasting): A1c; TSH", "\u00e9t\u00e9"}));
        file.close();
        QProcess check;
        check.start(qpdf, {"--check", path});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());
        QProcess text;
        text.start(pdftotext, {path, "-"});
        QVERIFY(text.waitForFinished(30000));
        QCOMPARE(text.exitCode(), 0);
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(out.contains("Laboratory requisition"), qPrintable(out));
        QVERIFY(out.contains("Order: lab_123"));
        QVERIFY(out.contains("Tests (fasting): A1c; TSH"));
        QVERIFY(out.contains("?t?")); // outside ASCII: replaced, never a broken file
    }

    void pharmacyDirectory()
    {
        const auto &all = SandboxPharmacyDirectory::all();
        QCOMPARE(all.size(), 450);
        QSet<QString> ids, states, cities;
        static const QRegularExpression phone(QStringLiteral("^[2-9][0-9]{2}55501[0-9]{2}$"));
        static const QRegularExpression zip(QStringLiteral("^[0-9]{5}$"));
        QByteArray fingerprint;
        for (const auto &p : all) {
            ids.insert(p.pharmacyId);
            states.insert(p.state);
            cities.insert(p.city);
            for (const QString &f : {p.pharmacyId, p.name, p.address, p.city, p.state, p.zip})
                QVERIFY(!f.isEmpty());
            QVERIFY2(phone.match(p.phone).hasMatch(), qPrintable(p.phone));
            QVERIFY(zip.match(p.zip).hasMatch());
            QCOMPARE(SandboxPharmacyDirectory::stateOfZip(p.zip), p.state);
            fingerprint +=
                (p.pharmacyId + p.name + p.address + p.city + p.state + p.zip + p.phone).toUtf8();
        }
        QCOMPARE(ids.size(), all.size());
        QCOMPARE(states.size(), 8);
        QCOMPARE(cities.size(), 32);
        const auto *first = SandboxPharmacyDirectory::find("ph_1");
        QVERIFY(first);
        QCOMPARE(first->city, QStringLiteral("Austin"));
        QCOMPARE(first->state, QStringLiteral("TX"));
        QCOMPARE(first->zip, QStringLiteral("78701"));
        QVERIFY(SandboxPharmacyDirectory::find("ph_450"));
        QVERIFY(!SandboxPharmacyDirectory::find("ph_451"));
        QVERIFY(!SandboxPharmacyDirectory::find("PH-42"));
        // Generated the same way on every run (a change of the tables changes this on purpose).
        QCOMPARE(crypto::sha256(fingerprint).toHex().left(16), QByteArray("fe7313bc9e214a46"));
    }

    void pharmacySearch()
    {
        const auto texas = SandboxPharmacyDirectory::search({}, {}, {}, "78701");
        QCOMPARE(texas.size(), 100); // of 120 in Texas
        QCOMPARE(texas.first().zip, QStringLiteral("78701"));
        int previous = 0;
        for (const auto &p : texas) {
            QCOMPARE(p.state, QStringLiteral("TX"));
            const int distance = std::abs(p.zip.toInt() - 78701);
            QVERIFY(distance >= previous); // nearest first
            previous = distance;
        }
        const auto named = SandboxPharmacyDirectory::search("greenleaf", "austin", "TX", "78701");
        QVERIFY(!named.isEmpty());
        for (const auto &p : named) {
            QVERIFY(p.name.startsWith("Greenleaf"));
            QCOMPARE(p.city, QStringLiteral("Austin"));
        }
        QVERIFY(SandboxPharmacyDirectory::search({}, {}, "CA", "78701").isEmpty());
        QVERIFY(SandboxPharmacyDirectory::search({}, {}, {}, "59001").isEmpty()); // Montana
        QVERIFY(SandboxPharmacyDirectory::search({}, {}, {}, "7870").isEmpty());
        QCOMPARE(SandboxPharmacyDirectory::search({}, "Seattle", {}, "98101").size(), 13);
    }

    void medications()
    {
        QCOMPARE(SandboxMedications::months({{"daysSupply", 28}}), 1);
        QCOMPARE(SandboxMedications::months({{"daysSupply", "30"}}), 1);
        QCOMPARE(SandboxMedications::months({{"daysSupply", 83}}), 1);
        QCOMPARE(SandboxMedications::months({{"daysSupply", 84}}), 3);
        QCOMPARE(SandboxMedications::months({{"daysSupply", "90"}}), 3);
        const auto *sema = SandboxMedications::find("sema-0.5");
        QVERIFY(sema);
        QCOMPARE(sema->molecule, QStringLiteral("sema"));
        QCOMPARE(sema->step, 1);
        QCOMPARE(SandboxMedications::atStep("sema", 2)->medId, QStringLiteral("sema-1.0"));
        QVERIFY(!SandboxMedications::atStep("sema", 5));
        QCOMPARE(SandboxMedications::atStep("tirz", 5)->medId, QStringLiteral("tirz-15"));
        QCOMPARE(SandboxMedications::find("sild-50")->category, QStringLiteral("ED"));
        QVERIFY(!SandboxMedications::find("med-1"));
        QCOMPARE(SandboxMedications::categoryOf("weightlossCheckin"), QStringLiteral("weightloss"));
        QCOMPARE(SandboxMedications::categoryOf("hairloss"), QStringLiteral("hairloss"));
        QVERIFY(SandboxMedications::categoryOf("astrology").isEmpty());
        QVERIFY(SandboxMedications::isComplete(QJsonObject{{"name", "A"},
                                                           {"strength", "1 mg"},
                                                           {"quantity", "1"},
                                                           {"refills", 0},
                                                           {"daysSupply", 28},
                                                           {"medId", "x"}}));
        QVERIFY(!SandboxMedications::isComplete(QJsonObject{{"name", "A"},
                                                            {"strength", "1 mg"},
                                                            {"quantity", "1"},
                                                            {"refills", 0},
                                                            {"daysSupply", "many"},
                                                            {"medId", "x"}}));
        QVERIFY(!SandboxMedications::isComplete(QJsonObject{{"name", "A"}}));
        const QJsonObject med = SandboxMedications::prescribe({{"name", "A"},
                                                               {"strength", "1 mg"},
                                                               {"quantity", "2"},
                                                               {"refills", 1},
                                                               {"daysSupply", 28},
                                                               {"medId", "x"}});
        QCOMPARE(med.value("rxName").toString(), QStringLiteral("A"));
        QCOMPARE(med.value("rxRefills").toString(), QStringLiteral("1"));
        QVERIFY(med.value("rxId").toString().startsWith("rx_"));
    }

    void checkinFields_data()
    {
        QTest::addColumn<QJsonObject>("form");
        QTest::addColumn<QString>("error");
        const QString titration = QStringLiteral("Titration details missing");
        const QString bmi = QStringLiteral("BMI malformed or missing");
        QTest::newRow("fine") << QJsonObject{{"titration", "Increase"}, {"BMI", "31"}} << QString();
        QTest::newRow("fine, BMI a number")
            << QJsonObject{{"titration", "Stay the same"}, {"BMI", 19}} << QString();
        QTest::newRow("both missing: titration first") << QJsonObject{} << titration;
        QTest::newRow("titration unknown")
            << QJsonObject{{"titration", "More"}, {"BMI", "30"}} << titration;
        QTest::newRow("titration case")
            << QJsonObject{{"titration", "increase"}, {"BMI", "30"}} << titration;
        QTest::newRow("BMI missing") << QJsonObject{{"titration", "Decrease"}} << bmi;
        QTest::newRow("BMI decimal")
            << QJsonObject{{"titration", "Decrease"}, {"BMI", "27.5"}} << bmi;
        QTest::newRow("BMI words")
            << QJsonObject{{"titration", "Decrease"}, {"BMI", "thirty"}} << bmi;
        QTest::newRow("BMI fraction")
            << QJsonObject{{"titration", "Decrease"}, {"BMI", 27.5}} << bmi;
        QTest::newRow("BMI 18") << QJsonObject{{"titration", "Increase"}, {"BMI", "18"}}
                                << "BMI below eligibility level";
        QTest::newRow("BMI 19") << QJsonObject{{"titration", "Increase"}, {"BMI", "19"}}
                                << QString();
    }
    void checkinFields()
    {
        QFETCH(QJsonObject, form);
        QFETCH(QString, error);
        QCOMPARE(SandboxCheckin::fieldError(form), error);
    }

    void checkinFollowup()
    {
        QVERIFY(SandboxCheckin::needsFollowup({{"titration", "Decrease"}, {"BMI", "30"}}));
        QVERIFY(SandboxCheckin::needsFollowup({{"titration", "Increase"}, {"BMI", "24"}}));
        QVERIFY(!SandboxCheckin::needsFollowup({{"titration", "Increase"}, {"BMI", "25"}}));
        QVERIFY(!SandboxCheckin::needsFollowup({{"titration", "Stay the same"}, {"BMI", "40"}}));
    }
};

QTEST_GUILESS_MAIN(TestSandboxRules)
#include "tst_sandboxrules.moc"
