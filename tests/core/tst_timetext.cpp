#include "base/TimeText.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace clinicdesk;

// TimeText is the one form every stored time is written in. The audit chain hashes these strings
// and SQL compares them as text, so the form must stay byte for byte what the store already
// holds: Qt::ISODateWithMs of a UTC QDateTime.
class TestTimeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedMoments()
    {
        const QDateTime moment(QDate(2026, 11, 24), QTime(1, 50, 0, 123), Qt::UTC);
        QCOMPARE(TimeText::utc(moment), QStringLiteral("2026-11-24T01:50:00.123Z"));
        // Whole seconds keep their three zeros: every stored time has the same length.
        QCOMPARE(TimeText::utc(QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC)),
                 QStringLiteral("2024-02-29T23:59:59.000Z"));
        QCOMPARE(TimeText::utcFromMs(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
        QCOMPARE(TimeText::utcFromMs(moment.toMSecsSinceEpoch()),
                 QStringLiteral("2026-11-24T01:50:00.123Z"));
    }

    void otherZonesAreWrittenInUtc()
    {
        const QDateTime offset(QDate(2026, 11, 24), QTime(3, 50, 0, 123), Qt::OffsetFromUTC,
                               2 * 3600);
        QCOMPARE(TimeText::utc(offset), QStringLiteral("2026-11-24T01:50:00.123Z"));
        const QDateTime zoned(QDate(2026, 7, 1), QTime(9, 0, 0, 5),
                              QTimeZone(QByteArrayLiteral("America/Chicago")));
        QCOMPARE(TimeText::utc(zoned), QStringLiteral("2026-07-01T14:00:00.005Z"));
    }

    // The exact expression each of the old helpers used, over many moments.
    void sameBytesAsTheFormAlreadyStored()
    {
        QRandomGenerator random(20261124);
        for (int i = 0; i < 2000; ++i) {
            const qint64 ms = random.bounded(Q_INT64_C(4102444800000)); // up to 2100
            const QDateTime moment = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            const QString stored = moment.toUTC().toString(Qt::ISODateWithMs);
            QCOMPARE(TimeText::utc(moment), stored);
            QCOMPARE(TimeText::utc(moment.toLocalTime()), stored);
            QCOMPARE(TimeText::utcFromMs(ms), stored);
        }
    }

    void nowIsUtcWithMilliseconds()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QString now = TimeText::utcNow();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        static const QRegularExpression form(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        QVERIFY2(form.match(now).hasMatch(), qPrintable(now));
        const qint64 parsed = QDateTime::fromString(now, Qt::ISODateWithMs).toMSecsSinceEpoch();
        QVERIFY(parsed >= before && parsed <= after);
    }

    // Text order is time order: what SQL's ORDER BY and <= on these columns rely on.
    void textOrderIsTimeOrder()
    {
        QRandomGenerator random(7);
        QList<qint64> moments;
        for (int i = 0; i < 500; ++i)
            moments << random.bounded(Q_INT64_C(4102444800000));
        QStringList texts;
        for (qint64 ms : std::as_const(moments))
            texts << TimeText::utcFromMs(ms);
        std::sort(moments.begin(), moments.end());
        std::sort(texts.begin(), texts.end());
        for (int i = 0; i < moments.size(); ++i)
            QCOMPARE(texts[i], TimeText::utcFromMs(moments[i]));
    }
};

QTEST_GUILESS_MAIN(TestTimeText)
#include "tst_timetext.moc"
