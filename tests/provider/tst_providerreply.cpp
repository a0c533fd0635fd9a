#include "provider/BelugaAdapter.h"

#include <QJsonArray>
#include <QTest>

using namespace clinicdesk;
using Outcome = ProviderResult::Outcome;

// BelugaAdapter::normaliseReply: every reply shape the provider sends, in our terms.
class TestProviderReply : public QObject
{
    Q_OBJECT

private slots:
    void normalise_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("message");
        QTest::newRow("ok") << 200 << QByteArray(R"({"status":200,"data":{"visitId":"v1"}})")
                            << int(Outcome::Ok) << QString();
        QTest::newRow("200 with 400")
            << 200 << QByteArray(R"({"status":400,"error":"State not valid"})")
            << int(Outcome::Refused) << "State not valid";
        QTest::newRow("200 with 400 as text")
            << 200 << QByteArray(R"({"status":"400","error":"Patient not eligible for new visit"})")
            << int(Outcome::Refused) << "Patient not eligible for new visit";
        QTest::newRow("bad fields") << 200
                                    << QByteArray(R"({"status":400,"error":"Payload contains )"
                                                  R"(bad fields: zip"})")
                                    << int(Outcome::Refused) << "Payload contains bad fields: zip";
        QTest::newRow("error without status") << 200 << QByteArray(R"({"error":"Something"})")
                                              << int(Outcome::Refused) << "Something";
        QTest::newRow("200 with 500") << 200 << QByteArray(R"({"status":500,"error":"Internal"})")
                                      << int(Outcome::Transient) << "Internal";
        QTest::newRow("200 with 404")
            << 200 << QByteArray(R"({"status":404,"error":"Visit not found"})")
            << int(Outcome::NotFound) << "Visit not found";
        QTest::newRow("200 with 401")
            << 200 << QByteArray(R"({"status":401,"error":"no"})") << int(Outcome::Unauthorized)
            << "the provider did not accept the API key";
        QTest::newRow("200 not json") << 200 << QByteArray("<html>") << int(Outcome::Transient)
                                      << "the provider's reply could not be read";
        QTest::newRow("503") << 503 << QByteArray() << int(Outcome::Transient)
                             << "the provider answered HTTP 503";
        QTest::newRow("429") << 429 << QByteArray() << int(Outcome::Transient)
                             << "the provider answered HTTP 429";
        QTest::newRow("401") << 401 << QByteArray(R"({"status":401,"error":"Unauthorized"})")
                             << int(Outcome::Unauthorized)
                             << "the provider did not accept the API key";
        QTest::newRow("404") << 404 << QByteArray() << int(Outcome::NotFound)
                             << "not found at the provider";
        QTest::newRow("400") << 400 << QByteArray(R"({"error":"Invalid JSON"})")
                             << int(Outcome::Refused) << "Invalid JSON";
    }
    void normalise()
    {
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(int, outcome);
        QFETCH(QString, message);
        const ProviderResult r = BelugaAdapter::normaliseReply(http, body);
        QCOMPARE(ProviderResult::outcomeName(r.outcome),
                 ProviderResult::outcomeName(Outcome(outcome)));
        QCOMPARE(r.message, message);
        QCOMPARE(r.httpStatus, http);
    }

    void okCarriesData()
    {
        const ProviderResult r = BelugaAdapter::normaliseReply(
            200, R"({"status":200,"data":{"masterId":"m","visitId":"v9"}})");
        QVERIFY(r.ok());
        QCOMPARE(BelugaAdapter::providerVisitId(r.data), QStringLiteral("v9"));
    }

    void visitStatus()
    {
        const QJsonObject data{{"masterId", "m"},
                               {"visitId", "v"},
                               {"visitStatus", "resolved"},
                               {"resolvedStatus", "closed"},
                               {"updateTimestamp", "2026-01-02T03:04:05.000Z"},
                               {"rxHistory", QJsonArray{QJsonObject{}, QJsonObject{}}}};
        const ProviderVisitStatus s = BelugaAdapter::visitStatus(data);
        QCOMPARE(int(s.stage), int(ProviderVisitStatus::Stage::Resolved));
        QVERIFY(s.closed);
        QCOMPARE(s.prescriptions, 2);
        QCOMPARE(s.updatedAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(int(BelugaAdapter::visitStatus(QJsonObject{{"visitStatus", "weird"}}).stage),
                 int(ProviderVisitStatus::Stage::Unknown));
    }

    void messageBodies()
    {
        const QJsonObject chat = BelugaAdapter::staffChatBody(" A ", "B", " hi ", "m1");
        QCOMPARE(chat.value("firstName").toString(), QStringLiteral("A"));
        QCOMPARE(chat.value("content").toString(), QStringLiteral("hi"));
        QCOMPARE(chat.value("isMedia").toBool(true), false);
        QCOMPARE(chat.value("masterId").toString(), QStringLiteral("m1"));
        QCOMPARE(BelugaAdapter::supportMessageBody("x", "m2").keys(),
                 (QStringList{"content", "masterId"}));
        QCOMPARE(BelugaAdapter::visitStatusPath("a/b"),
                 QStringLiteral("/visit/externalFetch/a%2Fb"));
    }
};

QTEST_GUILESS_MAIN(TestProviderReply)
#include "tst_providerreply.moc"
