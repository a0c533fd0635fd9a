// The next titration and a prescription change through the console's outbox (issue 15, item 2),
// real widgets against the real clinicdesk-sandbox: a provider that fails (503) is tried again and
// one request takes effect (one new prescription at the provider); with its dialog closed, the
// answer still reaches the visit's prescription track and timeline, a refusal too; a request queued
// before the console stopped is sent by the next one.
#include "CareRequestDialog.h"
#include "CareSandboxScenes.h"
#include "ConsoleServices.h"
#include "TestSupport.h"
#include "VisitDetailPage.h"
#include "WindowSupport.h"
#include "provider/Outbox.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderConnection.h"
#include "visits/CareGuidance.h"
#include "visits/CareRequests.h"
#include "visits/VisitRecord.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace clinicdesk;
using Request = CareGuidance::Request;

class TestCareOutbox : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ConsoleServices> m_services;
    LocalStore *m_store = nullptr;
    User m_user;
    int m_phones = 0;

    QString nextPhone() { return QStringLiteral("51255505%1").arg(10 + ++m_phones); }
    OutboxSender &sender() { return *m_services->provider()->sender(); }
    int providerPrescriptions(const QString &masterId)
    {
        return m_sandbox->request("GET", QStringLiteral("/visit/externalFetch/") + masterId)
            .body.value("data")
            .toObject()
            .value("rxHistory")
            .toArray()
            .size();
    }
    QStringList timeline(const QString &visitId)
    {
        auto record = VisitRecordReader(*m_store).read(visitId);
        QStringList labels;
        if (record)
            for (const auto &e : record->timeline)
                labels << e.label;
        return labels;
    }
    int localPrescriptions(const QString &visitId)
    {
        auto record = VisitRecordReader(*m_store).read(visitId);
        return record ? int(record->prescriptions.size()) : -1;
    }
    std::optional<Outbox::Entry> entry(const QString &id)
    {
        auto e = sender().outbox().entry(id);
        return e ? e.value() : std::nullopt;
    }
    struct Opened
    {
        std::unique_ptr<VisitDetailPage> page;
        CareRequestDialog *dialog = nullptr;
    };
    Opened open(const QString &visitId, Request request = Request::NextTitration)
    {
        Opened o;
        o.page = std::make_unique<VisitDetailPage>(*m_store, *m_services->audit(), m_user,
                                                   m_services->provider(), visitId);
        o.page->resize(1366, 768);
        o.page->show();
        o.dialog = o.page->openCareDialog(request);
        return o;
    }
    static void sendByKeyboard(CareRequestDialog *dialog)
    {
        QTest::keyClick(dialog->findChild<QComboBox *>(QStringLiteral("medication")),
                        Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CareReply>();
        const QString failure = test::startSandboxConsole(m_dir, m_keys, m_sandbox, m_services);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_store = m_services->store();
        QVERIFY(m_services->provider()->sender());
        visittest::addUser(*m_store, QStringLiteral("alice"), QStringLiteral("Alice Front"));
        m_user.username = QStringLiteral("alice");
        m_user.displayName = QStringLiteral("Alice Front");
    }
    void cleanup() { QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{}}, {"failRate", 0}})); }
    void cleanupTestCase() { QVERIFY(test::stopSandboxConsole(m_services, m_sandbox)); }

    // A 503 first: the dialog says the console keeps trying, the retry gets the prescription,
    // and the provider wrote exactly one.
    void providerFailureIsRetriedAndOneRequestTakesEffect()
    {
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, nextPhone(), 20);
        QCOMPARE(providerPrescriptions(visit.masterId), 1);
        Opened o = open(visit.id);
        QVERIFY(o.dialog);
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"5xx"}}}));
        QSignalSpy retrying(&sender(), &OutboxSender::entryRetrying);
        QSignalSpy answered(o.dialog, &CareRequestDialog::answered);
        QSignalSpy prescribed(o.dialog, &CareRequestDialog::prescribed);
        sendByKeyboard(o.dialog);
        const QString entryId = o.dialog->queuedEntry();
        QVERIFY(!entryId.isEmpty());
        QVERIFY(!o.dialog->findChild<QPushButton *>(QStringLiteral("send"))->isEnabled());
        QVERIFY(retrying.wait(30000));
        QCOMPARE(retrying.first().at(0).toString(), entryId);
        QVERIFY2(o.dialog->findChild<QLabel *>(QStringLiteral("outcome"))
                     ->text()
                     .contains(QStringLiteral("attempt 1")),
                 qPrintable(o.dialog->findChild<QLabel *>(QStringLiteral("outcome"))->text()));
        QVERIFY(answered.wait(30000));
        const CareReply reply = answered.first().at(0).value<CareReply>();
        QCOMPARE(int(reply.status), int(CareStatus::NewRxSent));
        QCOMPARE(prescribed.size(), 1);
        QCOMPARE(entry(entryId)->state, QStringLiteral("sent"));
        QCOMPARE(entry(entryId)->attempts, 2);
        QCOMPARE(providerPrescriptions(visit.masterId), 2);
        QCOMPARE(localPrescriptions(visit.id), 2);
        const QStringList labels = timeline(visit.id);
        QVERIFY2(labels.contains(QStringLiteral("Next titration requested by alice; the console "
                                                "sends it until the provider answers")),
                 qPrintable(labels.join('\n')));
        QVERIFY(
            labels.contains(QStringLiteral("Next titration prescription sent to the pharmacy")));
        o.dialog->reject();
    }

    // Closed before the answer: the prescription, or a refusal, still reaches the visit.
    void answerReachesTheVisitWithTheDialogClosed()
    {
        const auto granted = test::careProgrammeVisit(*m_store, *m_sandbox, nextPhone(), 20);
        const auto refused = test::careProgrammeVisit(*m_store, *m_sandbox, nextPhone(), 95);
        QSignalSpy sent(&sender(), &OutboxSender::entrySent);
        QStringList entries;
        for (const QString &visitId : {granted.id, refused.id}) {
            Opened o = open(visitId);
            QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"5xx"}}}));
            sendByKeyboard(o.dialog);
            entries << o.dialog->queuedEntry();
            QVERIFY(!entries.last().isEmpty());
            o.dialog->reject(); // closed at once, the request in the outbox
            QVERIFY(!o.dialog->isVisible());
        }
        QTRY_VERIFY_WITH_TIMEOUT(entry(entries[0])->state == QLatin1String("sent") &&
                                     entry(entries[1])->state == QLatin1String("sent"),
                                 30000);
        QCOMPARE(localPrescriptions(granted.id), 2);
        QVERIFY(timeline(granted.id)
                    .contains(QStringLiteral("Next titration prescription sent to the pharmacy")));
        QCOMPARE(localPrescriptions(refused.id), 1);
        const QString explained =
            QStringLiteral("Next titration request answered by the provider: ") +
            CareGuidance::message(Request::NextTitration, CareStatus::NeedsCheckin);
        QVERIFY2(timeline(refused.id).contains(explained),
                 qPrintable(timeline(refused.id).join('\n')));
    }

    // A resend to another pharmacy (updateVisit) the same way: a 503, then one new prescription,
    // and the stored body never holds the API key.
    void changeIsRetriedToo()
    {
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, nextPhone(), 0);
        Opened o = open(visit.id, Request::PrescriptionChange);
        QVERIFY(o.dialog);
        o.dialog->findChild<QLineEdit *>(QStringLiteral("pharmacy"))
            ->setText(QStringLiteral("ph_2"));
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"5xx"}}}));
        QSignalSpy retrying(&sender(), &OutboxSender::entryRetrying);
        QSignalSpy answered(o.dialog, &CareRequestDialog::answered);
        sendByKeyboard(o.dialog);
        const QString entryId = o.dialog->queuedEntry();
        QVERIFY(!entryId.isEmpty());
        auto stored = sender().outbox().body(*entry(entryId));
        QVERIFY(stored);
        QVERIFY(!stored->contains(QStringLiteral("apiKey")));
        QCOMPARE(stored->value(QStringLiteral("pharmacyId")).toString(), QStringLiteral("ph_2"));
        QVERIFY(retrying.wait(30000));
        QVERIFY(answered.wait(30000));
        QCOMPARE(int(answered.first().at(0).value<CareReply>().status), int(CareStatus::NewRxSent));
        QCOMPARE(entry(entryId)->attempts, 2);
        QCOMPARE(providerPrescriptions(visit.masterId), 2);
        QCOMPARE(localPrescriptions(visit.id), 2);
        const QStringList labels = timeline(visit.id);
        QVERIFY2(labels.contains(QStringLiteral("Prescription change requested by alice; the "
                                                "console sends it until the provider answers")),
                 qPrintable(labels.join('\n')));
        QVERIFY(labels.contains(QStringLiteral("Changed prescription sent to the pharmacy")));
        o.dialog->reject();
    }

    // Queued while no sender runs (the console stopped): the next sender delivers it, once.
    void queuedRequestSurvivesARestart()
    {
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, nextPhone(), 20);
        sender().stop();
        auto request = CareRequests::nextTitration(*m_store, visit.id);
        QVERIFY(request);
        Outbox outbox(*m_store);
        auto queued = CareRequests::queue(*m_store, *m_services->audit(), outbox, visit.id,
                                          request.value(), true, QStringLiteral("alice"));
        QVERIFY(queued);
        QCOMPARE(entry(queued.value())->state, QStringLiteral("pending"));
        QCOMPARE(providerPrescriptions(visit.masterId), 1);
        // The next console's sender (and its services' recording of the answer).
        sender().start();
        QTRY_COMPARE_WITH_TIMEOUT(entry(queued.value())->state, QStringLiteral("sent"), 30000);
        QCOMPARE(providerPrescriptions(visit.masterId), 2);
        QCOMPARE(localPrescriptions(visit.id), 2);
    }
};

QTEST_MAIN(TestCareOutbox)
#include "tst_careoutbox.moc"
