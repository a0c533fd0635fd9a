#include "TestSupport.h"
#include "audit/AuditLog.h"

#include "crypto/Crypto.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace clinicdesk;

class TestAuditLog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_keyPath;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<AuditLog> m_log;

    void fill(int n)
    {
        for (int i = 0; i < n; ++i) {
            auto seq = m_log->append({AuditAction::PhiView, QStringLiteral("maria"),
                                      QStringLiteral("patient"), QStringLiteral("p-%1").arg(i),
                                      AuditOutcome::Success, QString()});
            QVERIFY2(seq, qPrintable(seq ? QString() : seq.error().message));
            QCOMPARE(*seq, qint64(i + 1));
        }
    }

    void exec(const QString &sql, const QVariantList &values = {})
    {
        auto r = m_store->db().exec(sql, values);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    }

    void expectBroken(qint64 seq, const char *problemPart)
    {
        auto v = m_log->verify();
        QVERIFY(v);
        QVERIFY2(!v->intact, "tampering went unnoticed");
        QCOMPARE(v->firstBrokenSeq, seq);
        QVERIFY2(v->problem.contains(QLatin1String(problemPart)), qPrintable(v->problem));
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

    void emptyLogVerifies()
    {
        auto v = m_log->verify();
        QVERIFY(v);
        QVERIFY(v->intact);
        QCOMPARE(v->entries, 0);
    }

    void intactChainVerifies()
    {
        fill(50);
        auto v = m_log->verify();
        QVERIFY(v);
        QVERIFY2(v->intact, qPrintable(v->problem));
        QCOMPARE(v->entries, 50);
        QCOMPARE(v->head.seq, 50);
        // Entries carry what was asked, plus time and workstation.
        QList<AuditEntry> seen;
        QVERIFY(m_log->forEach({}, [&](const AuditEntry &e) {
            seen << e;
            return true;
        }));
        QCOMPARE(seen.size(), 50);
        QCOMPARE(seen[3].action, QStringLiteral("phi-view"));
        QCOMPARE(seen[3].entityId, QStringLiteral("p-3"));
        QCOMPARE(seen[3].workstation, AuditLog::workstation());
        QVERIFY(qAbs(seen[3].at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(seen[3].prevHash, seen[2].hash);
    }

    void editedFieldDetected_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        for (const char *c : {"user_name", "workstation", "action", "entity_type", "entity_id",
                              "outcome", "detail"})
            QTest::newRow(c) << QString::fromLatin1(c) << QVariant(QStringLiteral("forged"));
        QTest::newRow("at") << QStringLiteral("at")
                            << QVariant(QStringLiteral("2020-01-01T00:00:00.000Z"));
    }
    void editedFieldDetected()
    {
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        fill(10);
        exec(QStringLiteral("UPDATE audit_log SET %1 = ? WHERE seq = 7").arg(column), {value});
        expectBroken(7, "modified");
    }

    void rewrittenHashDetected()
    {
        fill(10);
        // Editing an entry and recomputing a plain SHA-256 is no use without the chain key.
        exec(QStringLiteral("UPDATE audit_log SET detail = 'x', hash = ? WHERE seq = 4"),
             {crypto::sha256("anything")});
        expectBroken(4, "modified");
    }

    void deletedMiddleEntryDetected()
    {
        fill(10);
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 5"));
        expectBroken(5, "missing");
    }

    void deletedAndRenumberedDetected()
    {
        fill(10);
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 5"));
        exec(QStringLiteral("UPDATE audit_log SET seq = seq - 1 WHERE seq > 5"));
        expectBroken(5, "does not follow");
    }

    void reorderedEntriesDetected()
    {
        fill(10);
        exec(QStringLiteral("UPDATE audit_log SET seq = 1000 WHERE seq = 3"));
        exec(QStringLiteral("UPDATE audit_log SET seq = 3 WHERE seq = 4"));
        exec(QStringLiteral("UPDATE audit_log SET seq = 4 WHERE seq = 1000"));
        expectBroken(3, "does not follow");
    }

    void truncatedNewestEntriesDetectedByAnchor()
    {
        fill(10);
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 7"));
        expectBroken(8, "anchor records entry 10");
    }

    void everythingDeletedDetectedByAnchor()
    {
        fill(3);
        exec(QStringLiteral("DELETE FROM audit_log"));
        expectBroken(1, "anchor records entry 3");
    }

    void rewrittenWholeLogDetectedByAnchor()
    {
        fill(5);
        // An attacker who could compute valid hashes (say, with the key) rebuilds the log with
        // different content: the anchor outside the database no longer matches.
        {
            AuditLog detached(*m_store, nullptr);
            exec(QStringLiteral("DELETE FROM audit_log"));
            for (int i = 0; i < 5; ++i)
                QVERIFY(detached.append({AuditAction::Admin,
                                         QStringLiteral("mallory"),
                                         {},
                                         {},
                                         AuditOutcome::Success,
                                         {}}));
        }
        expectBroken(5, "does not match the anchor");
    }

    void missingAnchorIsReported()
    {
        fill(3);
        QVERIFY(QFile::remove(m_keyPath + QStringLiteral(".audit-anchor")));
        expectBroken(1, "anchor is missing");
    }

    void batchAppendChains()
    {
        QList<AuditEvent> batch;
        for (int i = 0; i < 100; ++i)
            batch << AuditEvent{AuditAction::Update,     QStringLiteral("relay"),
                                QStringLiteral("visit"), QString::number(i),
                                AuditOutcome::Success,   {}};
        auto last = m_log->appendBatch(batch);
        QVERIFY(last);
        QCOMPARE(*last, 100);
        QVERIFY(m_log->append(
            {AuditAction::SignIn, QStringLiteral("ana"), {}, {}, AuditOutcome::Success, {}}));
        auto v = m_log->verify();
        QVERIFY(v && v->intact);
        QCOMPARE(v->entries, 101);
    }

    void filterByUserAndTime()
    {
        fill(3);
        QVERIFY(m_log->append(
            {AuditAction::SignIn, QStringLiteral("ana"), {}, {}, AuditOutcome::Success, {}}));
        QCOMPARE(*m_log->count({{}, {}, QStringLiteral("ana")}), 1);
        QCOMPARE(*m_log->count({{}, {}, QStringLiteral("maria")}), 3);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(*m_log->count({now.addSecs(-3600), now.addSecs(3600), {}}), 4);
        QCOMPARE(*m_log->count({now.addSecs(3600), {}, {}}), 0);
    }

    void chainSurvivesKeyRotation()
    {
        fill(5);
        QVERIFY(m_store->rotateDataKey(*m_keys));
        AuditLog reopened(*m_store, m_keys.get());
        QVERIFY(reopened.append({AuditAction::Admin,
                                 QStringLiteral("ana"),
                                 QStringLiteral("keys"),
                                 {},
                                 AuditOutcome::Success,
                                 QStringLiteral("rotated")}));
        auto v = reopened.verify();
        QVERIFY(v);
        QVERIFY2(v->intact, qPrintable(v->problem));
        QCOMPARE(v->entries, 6);
    }

    void deferredAnchorCatchesUpOncePerBurst()
    {
        fill(2);
        auto anchorSeq = [&] {
            auto bytes = m_keys->loadAnchor(m_store->storeId());
            return bytes ? QJsonDocument::fromJson(*bytes)
                               .object()
                               .value(QStringLiteral("seq"))
                               .toInteger()
                         : -1;
        };
        QCOMPARE(anchorSeq(), 2);
        m_log->setDeferredAnchor(true);
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_log->append({AuditAction::PhiView,
                                   QStringLiteral("maria"),
                                   {},
                                   {},
                                   AuditOutcome::Success,
                                   {}}));
        QCOMPARE(m_log->head()->seq, 7); // committed at once
        QCOMPARE(anchorSeq(), 2);        // the anchor waits for the event loop...
        QTRY_COMPARE(anchorSeq(), 7);    // ...then catches up
        QVERIFY(m_log->verify()->intact);
        // A save still pending when the log goes away is made then.
        QVERIFY(m_log->append(
            {AuditAction::SignOut, QStringLiteral("maria"), {}, {}, AuditOutcome::Success, {}}));
        m_log.reset();
        QCOMPARE(anchorSeq(), 8);
    }

    void chainKeyIsSealed()
    {
        fill(1);
        auto row = m_store->db().exec(QStringLiteral("SELECT chain_key FROM audit_keys"));
        QVERIFY(row && row->next());
        QVERIFY(FieldCipher::keyIdOf(row->value(0).toByteArray()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
