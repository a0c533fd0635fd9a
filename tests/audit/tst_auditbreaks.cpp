#include "TestSupport.h"
#include "audit/AuditLog.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace clinicdesk;

// A break in the audit chain stays visible (issue 13, point 1): an append never re-anchors
// behind the anchor or over a broken chain, an anchor that is missing after having existed,
// unreadable or malformed is a break (never "no anchor"), the inbox's witnessed head catches a
// truncation together with the deletion of the local anchor, and an acknowledged restart is
// reported with the breaks it names, never as a plain "intact".
class TestAuditBreaks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_keyPath;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<AuditLog> m_log;

    QString anchorPath() const { return m_keyPath + QStringLiteral(".audit-anchor"); }

    void append(int n, const QString &who = QStringLiteral("maria"))
    {
        for (int i = 0; i < n; ++i)
            QVERIFY(m_log->append({AuditAction::SignIn, who, QStringLiteral("user"), who,
                                   AuditOutcome::Success, QString()}));
    }

    void exec(const QString &sql, const QVariantList &values = {})
    {
        auto r = m_store->db().exec(sql, values);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    }

    qint64 anchorSeq()
    {
        auto bytes = m_keys->loadAnchor(m_store->storeId());
        return bytes ? QJsonDocument::fromJson(*bytes)
                           .object()
                           .value(QStringLiteral("seq"))
                           .toInteger()
                     : -1;
    }

    void writeAnchor(const QByteArray &bytes)
    {
        QFile file(anchorPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }

    AuditLog::Verification verified(const std::optional<AuditLog::Head> &witnessed = {})
    {
        auto v = m_log->verify({}, witnessed);
        if (!v)
            qWarning("verify failed: %s", qPrintable(v.error().message));
        return v ? v.value() : AuditLog::Verification{};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString sub = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_keyPath = m_dir.filePath(sub + QStringLiteral(".key"));
        m_keys = std::make_unique<KeyFileKeyProvider>(m_keyPath);
        m_store = test::openStore(m_dir.filePath(sub), *m_keys);
        m_log = std::make_unique<AuditLog>(*m_store, m_keys.get());
    }
    void cleanup()
    {
        m_log.reset();
        m_store.reset();
        m_keys.reset();
    }

    void truncationStaysBrokenAfterTheNextAppend()
    {
        // The attack as found: delete the newest rows with sqlite3, then the next sign-in.
        append(10);
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 7"));
        append(1);
        QCOMPARE(anchorSeq(), 10); // never re-anchored behind itself
        auto v = verified();
        QVERIFY2(!v.intact, "the truncation was forgotten by the next entry");
        QCOMPARE(v.firstBrokenSeq, 9);
        QVERIFY(v.problem.contains(QLatin1String("anchor records entry 10")));
        auto refused = m_log->saveAnchor();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Integrity);
    }

    void truncationStaysBrokenWhenTheLogGrowsPastTheAnchor()
    {
        append(10);
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 7"));
        append(6); // entries 8 to 13: entry 10 is another one now
        QCOMPARE(anchorSeq(), 10);
        auto v = verified();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 10);
        QVERIFY(v.problem.contains(QLatin1String("does not match the anchor")));
    }

    void aBrokenEntryStaysBrokenAfterAppends()
    {
        // Entries before the anchor are covered by their MACs, whatever the anchor does: the
        // anchor only ever moves over a tail that verifies from it.
        append(6);
        exec(QStringLiteral("UPDATE audit_log SET detail = 'forged' WHERE seq = 3"));
        append(3);
        auto v = verified();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 3);
        // A forged tail is not anchored over.
        exec(QStringLiteral("UPDATE audit_log SET detail = 'forged' WHERE seq = 9"));
        const qint64 anchored = anchorSeq();
        append(2);
        QCOMPARE(anchorSeq(), anchored);
        QVERIFY(!m_log->saveAnchor());
    }

    void malformedAnchorIsBroken_data()
    {
        QTest::addColumn<QByteArray>("anchor");
        QTest::newRow("blanked to {}") << QByteArray("{}");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not JSON") << QByteArray("anchor");
        QTest::newRow("an array") << QByteArray("[1]");
        QTest::newRow("seq 0") << QByteArray("{\"seq\":0,\"hash\":\"") + QByteArray(64, 'a') +
                                      "\"}";
        QTest::newRow("seq as text")
            << QByteArray("{\"seq\":\"3\",\"hash\":\"") + QByteArray(64, 'a') + "\"}";
        QTest::newRow("short hash") << QByteArray("{\"seq\":3,\"hash\":\"abcd\"}");
        QTest::newRow("hash not hex")
            << QByteArray("{\"seq\":3,\"hash\":\"") + QByteArray(64, 'z') + "\"}";
        QTest::newRow("no hash") << QByteArray("{\"seq\":3}");
    }
    void malformedAnchorIsBroken()
    {
        QFETCH(QByteArray, anchor);
        append(3);
        writeAnchor(anchor);
        auto v = verified();
        QVERIFY2(!v.intact, "a malformed anchor switched the check off");
        QCOMPARE(v.firstBrokenSeq, 1);
        QVERIFY2(v.problem.contains(QLatin1String("malformed")), qPrintable(v.problem));
        // And the next append does not "repair" it by re-anchoring.
        append(1);
        QVERIFY(!verified().intact);
    }

    void unreadableAnchorIsBroken()
    {
        append(3);
        QVERIFY(QFile::remove(anchorPath()));
        QVERIFY(QDir().mkpath(anchorPath())); // a directory where the file was: cannot be read
        auto v = m_log->verify();
        QVERIFY2(v, "an unreadable anchor must be a break, not an error");
        QVERIFY(!v->intact);
        QCOMPARE(v->firstBrokenSeq, 1);
        QVERIFY2(v->problem.contains(QLatin1String("cannot be read")), qPrintable(v->problem));
        QVERIFY(QDir(anchorPath()).removeRecursively());
    }

    void anchorMissingAfterHavingExistedIsBroken()
    {
        append(3);
        QVERIFY(QFile::remove(anchorPath()));
        append(1); // never re-creates it
        QCOMPARE(anchorSeq(), -1);
        QVERIFY(!verified().intact);
        // Even with every entry gone too.
        exec(QStringLiteral("DELETE FROM audit_log"));
        auto v = verified();
        QVERIFY2(!v.intact, "no entries and no anchor read as a new log");
        QVERIFY(v.problem.contains(QLatin1String("anchor is missing")));
    }

    void truncationWithTheAnchorDeletedIsCaughtByTheWitness()
    {
        append(10);
        const AuditLog::Head witnessed = m_log->head().value();
        // The attacker removes the newest entries, the anchor and the store's note that an
        // anchor existed: the next append anchors the truncated log afresh...
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 6"));
        QVERIFY(QFile::remove(anchorPath()));
        exec(QStringLiteral("DELETE FROM meta WHERE key LIKE 'audit_anchor_saved%'"));
        append(1);
        QCOMPARE(anchorSeq(), 7);
        QVERIFY(verified().intact); // what the machine alone can see
        // ...but the head witnessed off the machine says otherwise.
        auto v = verified(witnessed);
        QVERIFY(v.witnessChecked);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 8);
        QVERIFY2(v.problem.contains(QLatin1String("inbox witnessed entry 10")),
                 qPrintable(v.problem));
        // A rewritten entry at the witnessed position is caught too.
        append(3); // entries 8 to 10 again, other ones
        auto rewritten = verified(witnessed);
        QVERIFY(!rewritten.intact);
        QCOMPARE(rewritten.firstBrokenSeq, 10);
        QVERIFY(rewritten.problem.contains(QLatin1String("head the inbox witnessed")));
    }

    void acknowledgedRestartIsReportedWithItsBreaks()
    {
        append(10);
        const AuditLog::Head witnessed = m_log->head().value();
        exec(QStringLiteral("UPDATE audit_log SET user_name = 'forged' WHERE seq = 4"));
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 8"));
        QVERIFY(!verified(witnessed).intact);
        auto restart = m_log->acknowledgeBreaks(QStringLiteral("os:admin"), witnessed);
        QVERIFY2(restart, qPrintable(restart ? QString() : restart.error().message));
        QCOMPARE(*restart, 9);
        QCOMPARE(anchorSeq(), 9);
        append(2);
        QCOMPARE(anchorSeq(), 11); // anchored again from the restart on
        auto v = verified(witnessed);
        QVERIFY2(v.intact, qPrintable(v.problem));
        // ...but never plainly: the breaks and the restart that named them are reported.
        QVERIFY(v.everBroken());
        QCOMPARE(v.restarts.size(), 1);
        QCOMPARE(v.restarts.first().seq, 9);
        QCOMPARE(v.restarts.first().user, QStringLiteral("os:admin"));
        int chain = 0;
        for (const AuditBreak &b : std::as_const(v.breaks)) {
            QCOMPARE(b.acknowledgedBy, 9);
            chain += b.kind == AuditBreak::Kind::Chain && b.seq == 4;
        }
        QCOMPARE(chain, 1);
        QVERIFY(v.breaks.size() >= 2); // entry 4 and the witnessed head
        // The anchor's complaint was settled by anchoring again; the restart records it.
        QVERIFY(v.restarts.first()
                    .problems.join(QLatin1Char('\n'))
                    .contains(QLatin1String("anchor records entry 10")));
        // A break after the restart is a new one.
        exec(QStringLiteral("UPDATE audit_log SET detail = 'forged' WHERE seq = 10"));
        auto after = verified(witnessed);
        QVERIFY(!after.intact);
        QCOMPARE(after.firstBrokenSeq, 10);
        // And a second edit of the acknowledged entry is not hidden behind the restart: it is
        // still the same break at entry 4, still named.
        QVERIFY(m_log->acknowledgeBreaks(QStringLiteral("os:admin"), witnessed));
        QVERIFY(verified(witnessed).intact);
    }

    void nothingToAcknowledgeOnAnIntactLog()
    {
        append(3);
        auto refused = m_log->acknowledgeBreaks(QStringLiteral("os:admin"), std::nullopt);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QCOMPARE(m_log->head()->seq, 3);
    }

    void everyBreakIsListed()
    {
        append(12);
        exec(QStringLiteral("UPDATE audit_log SET detail = 'x' WHERE seq = 3"));
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 7"));
        exec(QStringLiteral("UPDATE audit_log SET seq = 1000 WHERE seq = 10"));
        exec(QStringLiteral("UPDATE audit_log SET seq = 10 WHERE seq = 11"));
        exec(QStringLiteral("UPDATE audit_log SET seq = 11 WHERE seq = 1000"));
        auto v = verified();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 3);
        QList<qint64> seqs;
        for (const AuditBreak &b : std::as_const(v.breaks))
            seqs << b.seq;
        QVERIFY(seqs.contains(3));
        QVERIFY(seqs.contains(7));
        QVERIFY(seqs.contains(10));
    }
};

QTEST_GUILESS_MAIN(TestAuditBreaks)
#include "tst_auditbreaks.moc"
