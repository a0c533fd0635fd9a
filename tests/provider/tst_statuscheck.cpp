#include "ProviderTestSupport.h"
#include "SandboxPayloads.h"
#include "SandboxProcess.h"
#include "TestSupport.h"
#include "keys/KeyFileKeyProvider.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderClient.h"
#include "provider/ProviderStatusSync.h"
#include "relay/VisitEventApplier.h"
#include "visits/VisitRecord.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;
using providertest::visitColumn;

// "Check with provider" against the real sandbox (issue 13, point 5): a status check concludes
// an open visit, never moves one back or sideways past a prescription (the sandbox's "refer"
// decision resolves a visit with an empty rxHistory, which turned Prescribed visits into
// Referred), and what it changes is on the visit's timeline as a status check.
class TestStatusCheck : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_keyFile;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    int m_phone = 0;

    // A visit submitted through the real outbox, with the sandbox's decision still pending.
    QString submitted(QString *masterId)
    {
        const auto queued = providertest::submitQueuedVisit(
            *m_store, QStringLiteral("51266%1").arg(10000 + ++m_phone));
        const QString visitId = queued.visitId;
        *masterId = queued.masterId;
        ProviderClient client(m_sandbox->clientConfig());
        OutboxSender::Options fast;
        fast.baseBackoffMs = 20;
        fast.pollIntervalMs = 100;
        OutboxSender sender(*m_store, client, fast);
        QSignalSpy sent(&sender, &OutboxSender::entrySent);
        sender.start();
        if (!sent.wait(20000))
            qWarning("visit %s not sent", qPrintable(*masterId));
        sender.stop();
        return visitId;
    }

    bool decide(const QString &masterId, const char *decision)
    {
        return m_sandbox
                   ->request("POST", QStringLiteral("/_sandbox/visits/%1/decision").arg(masterId),
                             {{"decision", decision}})
                   .http == 200;
    }

    QString check(const QString &visitId)
    {
        ProviderClient client(m_sandbox->clientConfig());
        ProviderStatusSync sync(*m_store, client);
        QSignalSpy refreshed(&sync, &ProviderStatusSync::refreshed);
        sync.refresh(visitId);
        if (!refreshed.wait(20000))
            return QStringLiteral("no answer");
        return refreshed.at(0).at(1).toString();
    }

    QStringList timeline(const QString &visitId)
    {
        QStringList labels;
        auto record = VisitRecordReader(*m_store).read(visitId);
        if (record) {
            for (const VisitRecord::TimelineEntry &entry : record->timeline)
                labels << entry.label;
        }
        return labels;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keyFile = test::writeKeyFile(m_dir);
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
        m_keys = std::make_unique<KeyFileKeyProvider>(m_keyFile);
        m_store = test::openStore(m_dir.filePath("store"), *m_keys);
    }

    void aCheckNeverTurnsAPrescriptionIntoAReferral()
    {
        QString rxMaster;
        const QString visitId = submitted(&rxMaster);
        // The prescription arrived as a webhook, through the relay.
        VisitEventApplier applier(*m_store);
        QJsonObject rx{{QStringLiteral("masterId"), rxMaster},
                       {QStringLiteral("event"), QStringLiteral("RX_WRITTEN")},
                       {QStringLiteral("docName"), QStringLiteral("Dr Test")},
                       {QStringLiteral("medsPrescribed"), QJsonArray{}}};
        QVERIFY(applier.applyBatch(
            {QJsonObject{{QStringLiteral("cursor"), 1},
                         {QStringLiteral("id"), QStringLiteral("sc_rx_1")},
                         {QStringLiteral("provider"), QStringLiteral("beluga")},
                         {QStringLiteral("receivedAt"), QStringLiteral("2026-01-01T00:00:00.000Z")},
                         {QStringLiteral("payload"), rx}}}));
        QCOMPARE(visitColumn(*m_store, visitId, "status"), QStringLiteral("Prescribed"));
        // The provider then reports the visit resolved with an empty rxHistory.
        QVERIFY(decide(rxMaster, "refer"));
        QCOMPARE(check(visitId), QStringLiteral("Prescribed"));
        QCOMPARE(visitColumn(*m_store, visitId, "status"), QStringLiteral("Prescribed"));
        QCOMPARE(visitColumn(*m_store, visitId, "rx_status"), QStringLiteral("Written"));
        for (const QString &label : timeline(visitId))
            QVERIFY2(!label.startsWith(QLatin1String("Status check with the provider:")),
                     qPrintable(label));
    }

    void aCheckConcludesAnOpenVisitOnTheTimeline()
    {
        QString refMaster;
        const QString referred = submitted(&refMaster);
        QVERIFY(decide(refMaster, "refer"));
        QCOMPARE(check(referred), QStringLiteral("Referred"));
        QVERIFY(timeline(referred).contains(QStringLiteral(
            "Status check with the provider: resolved without a prescription (referred)")));
        // A second check changes nothing and adds nothing.
        QCOMPARE(check(referred), QStringLiteral("Referred"));
        QCOMPARE(timeline(referred).count(QStringLiteral(
                     "Status check with the provider: resolved without a prescription (referred)")),
                 1);

        QString cancelMaster;
        const QString canceled = submitted(&cancelMaster);
        QVERIFY(decide(cancelMaster, "cancel"));
        QCOMPARE(check(canceled), QStringLiteral("Canceled"));
        QVERIFY(timeline(canceled).contains(
            QStringLiteral("Status check with the provider: canceled there")));
        // A concluded visit stays as it is whatever a later check says.
        QCOMPARE(check(referred), QStringLiteral("Referred"));
    }

    void cleanupTestCase()
    {
        m_store.reset();
        if (m_sandbox)
            QVERIFY(m_sandbox->stop());
    }
};

QTEST_GUILESS_MAIN(TestStatusCheck)
#include "tst_statuscheck.moc"
