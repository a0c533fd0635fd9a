// Linking a patient the provider already knows (issue 15, item 6) against the real
// clinicdesk-sandbox over HTTPS: a phone no local patient has is looked up at the provider
// (GET /patient/externalFetch/{phone}) only when staff ask; a patient found is linked only when
// staff say so, and then becomes a local patient with the provider's visits (masterIds) recorded
// against them, concluded by a status check; "Patient not found" and a provider that does not
// answer are said calmly; the lookup and the link are audited without a name or a phone.
#include "AccessibilityAudit.h"
#include "CareSandboxScenes.h"
#include "ConsoleServices.h"
#include "IntakeWizard.h"
#include "SandboxPayloads.h"
#include "SandboxProcess.h"
#include "TestSupport.h"
#include "WindowSupport.h"
#include "audit/AuditLog.h"
#include "intake/DraftRepository.h"
#include "provider/ProviderConnection.h"
#include "provider/ProviderStatusSync.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"
#include "visits/ProviderPatientLink.h"
#include "visits/VisitRecord.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace clinicdesk;

class TestProviderLink : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ConsoleServices> m_services;
    LocalStore *m_store = nullptr;

    ProviderClient &client() { return *m_services->provider()->client(); }

    // A patient only the provider knows: one weight-loss visit, resolved `daysAgo` days ago.
    void providerOnlyPatient(const QString &masterId, const QString &phone, int daysAgo)
    {
        const auto created = m_sandbox->request(
            "POST", QStringLiteral("/visit/createNoPay"),
            sandboxtest::createBody(masterId, phone, QStringLiteral("weightloss")));
        QCOMPARE(created.body.value("status").toInt(), 200);
        QVERIFY(m_sandbox->control(QStringLiteral("/_sandbox/visits/") + masterId +
                                       QStringLiteral("/resolve"),
                                   {{QStringLiteral("medId"), QStringLiteral("sema-0.5")},
                                    {QStringLiteral("daysAgo"), daysAgo}}));
    }
    ProviderReply<ProviderPatient> lookup(const QString &phone)
    {
        std::optional<ProviderReply<ProviderPatient>> got;
        client().lookupPatient(phone, [&](const ProviderReply<ProviderPatient> &r) { got = r; });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 30000))
            qFatal("no answer from the sandbox within 30 s");
        return *got;
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
    QList<AuditEntry> auditEntries()
    {
        QList<AuditEntry> all;
        const auto read = m_services->audit()->forEach({}, [&](const AuditEntry &e) {
            all << e;
            return true;
        });
        if (!read)
            qFatal("audit log not read");
        return all;
    }
    std::unique_ptr<IntakeWizard> makeWizard()
    {
        auto w = std::make_unique<IntakeWizard>(*m_store, QStringLiteral("alice"));
        w->setProviderClient(&client());
        w->setAuditLog(m_services->audit());
        w->resize(1366, 768);
        w->show();
        QApplication::setActiveWindow(w.get());
        if (!QTest::qWaitForWindowActive(w.get()))
            qFatal("window not active");
        w->goToStep(0);
        return w;
    }
    static void press(QPushButton *button)
    {
        QVERIFY(button->isVisible() && button->isEnabled());
        button->setFocus(Qt::TabFocusReason);
        QTest::keyClick(button, Qt::Key_Space);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString failure = test::startSandboxConsole(m_dir, m_keys, m_sandbox, m_services);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_store = m_services->store();
    }
    void cleanup() { QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{}}, {"failRate", 0}})); }
    void cleanupTestCase() { QVERIFY(test::stopSandboxConsole(m_services, m_sandbox)); }

    // The core: found, linked, the provider's visit recorded and concluded, audited without PHI.
    void linkRecordsTheProvidersVisits()
    {
        const QString phone = QStringLiteral("5125550931");
        providerOnlyPatient(QStringLiteral("pl-one"), phone, 20);
        auto onFile = PatientRepository(*m_store).findByPhone(phone);
        QVERIFY(onFile);
        QVERIFY(onFile->isEmpty());
        const auto found = lookup(phone);
        QVERIFY2(found.ok(), qPrintable(found.result.message));
        QCOMPARE(found.value.lastName, QStringLiteral("McTestface"));
        QCOMPARE(found.value.dob, QDate(1985, 4, 23));
        QCOMPARE(found.value.visits.size(), 1);
        QCOMPARE(found.value.visits.first().masterId, QStringLiteral("pl-one"));
        QCOMPARE(found.value.visits.first().stage, ProviderVisitStatus::Stage::Resolved);

        const qsizetype auditBefore = auditEntries().size();
        auto linked = ProviderPatientLink::link(*m_store, *m_services->audit(),
                                                ProviderPatientLink::demographics(found.value),
                                                found.value, QStringLiteral("alice"));
        QVERIFY2(linked, qPrintable(linked ? QString() : linked.error().message));
        QCOMPARE(linked->visitIds.size(), 1);
        auto patient = PatientRepository(*m_store).get(linked->patientId);
        QVERIFY(patient);
        QCOMPARE(patient->lastName, QStringLiteral("McTestface"));
        QCOMPARE(patient->zip, QStringLiteral("78701"));
        QCOMPARE(PatientRepository(*m_store).findByPhone(phone)->size(), 1);
        auto row = VisitRepository(*m_store).findByMasterId(QStringLiteral("pl-one"));
        QVERIFY(row && row.value());
        QCOMPARE(row.value()->patientId, linked->patientId);
        QCOMPARE(row.value()->visitType, QStringLiteral("weightloss"));
        // Never Queued: the outbox must not send the provider's own visit back to it.
        QCOMPARE(row.value()->state.status, VisitStateMachine::Status::Submitted);
        auto queued = VisitRepository(*m_store).queuedWithoutOutboxEntry();
        QVERIFY(queued);
        QVERIFY(!queued->contains(row.value()->id));
        QVERIFY2(timeline(row.value()->id)
                     .contains(ProviderPatientLink::timelineLabel({{"by", "alice"}})),
                 qPrintable(timeline(row.value()->id).join('\n')));

        // The status check concludes it: resolved with a prescription there.
        ProviderStatusSync sync(*m_store, client());
        QSignalSpy refreshed(&sync, &ProviderStatusSync::refreshed);
        sync.refresh(row.value()->id);
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(refreshed.first().at(1).toString(), QStringLiteral("Prescribed"));
        QCOMPARE(VisitRepository(*m_store).find(row.value()->id)->value().state.status,
                 VisitStateMachine::Status::Prescribed);

        // Linked again (another workstation, say): the patient is on file now, no second record.
        auto again = ProviderPatientLink::link(*m_store, *m_services->audit(),
                                               ProviderPatientLink::demographics(found.value),
                                               found.value, QStringLiteral("alice"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(PatientRepository(*m_store).findByPhone(phone)->size(), 1);

        const QList<AuditEntry> entries = auditEntries().mid(auditBefore);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.first().action, QStringLiteral("create"));
        QCOMPARE(entries.last().outcome, QStringLiteral("failure"));
        QCOMPARE(entries.first().entityId, linked->patientId);
        QVERIFY2(entries.first().detail.contains(QStringLiteral("pl-one")),
                 qPrintable(entries.first().detail));
        for (const AuditEntry &e : entries)
            for (const QString &phi : {phone, QStringLiteral("McTestface"), QStringLiteral("Testy"),
                                       QStringLiteral("1985")})
                QVERIFY2(!e.detail.contains(phi) && !e.entityId.contains(phi),
                         qPrintable(e.detail));
    }

    // Staff at the intake, keyboard only: an unknown phone, a provider that does not answer,
    // then one it knows, linked; the form prefilled, the draft for the linked patient.
    void wizardAsksOnlyWhenToldAndLinksOnConfirmation()
    {
        const QString phone = QStringLiteral("5125550932");
        providerOnlyPatient(QStringLiteral("pl-two"), phone, 30);
        auto w = makeWizard();
        auto *panel = w->findChild<QWidget *>(QStringLiteral("providerPatient"));
        QVERIFY(panel);
        QVERIFY(!panel->isVisible());
        auto *phoneEdit = w->findChild<QLineEdit *>(QStringLiteral("edit:patient.phone"));
        auto *ask = panel->findChild<QPushButton *>(QStringLiteral("askProvider"));
        auto *link = panel->findChild<QPushButton *>(QStringLiteral("linkProviderPatient"));
        auto *text = panel->findChild<QLabel *>(QStringLiteral("providerPatientText"));

        // Nobody at the provider with this phone: said calmly, nothing recorded.
        phoneEdit->setFocus();
        QTest::keyClicks(phoneEdit, QStringLiteral("(512) 555-0999"));
        QVERIFY(panel->isVisible());
        QVERIFY(!link->isVisible());
        const qsizetype auditBefore = auditEntries().size();
        press(ask);
        QTRY_COMPARE_WITH_TIMEOUT(
            text->text(),
            ProviderPatientLink::explain(ProviderPatientLink::LookupOutcome::NotFound), 30000);
        QVERIFY(!link->isVisible());

        // The provider down (503): said as such, and asking again is offered.
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"5xx"}}}));
        press(ask);
        QTRY_COMPARE_WITH_TIMEOUT(
            text->text(),
            ProviderPatientLink::explain(ProviderPatientLink::LookupOutcome::Unreachable), 30000);
        QVERIFY(ask->isVisible() && ask->isEnabled());
        QVERIFY(ask->hasFocus());

        // A phone the provider knows: shown, nothing linked until Link.
        phoneEdit->setFocus();
        phoneEdit->selectAll();
        QTest::keyClicks(phoneEdit, QStringLiteral("(512) 555-0932"));
        QVERIFY(panel->isVisible());
        press(ask);
        QTRY_VERIFY_WITH_TIMEOUT(link->isVisible(), 30000);
        QVERIFY(link->hasFocus());
        QVERIFY2(text->text().contains(QStringLiteral("Testy McTestface, born 04/23/1985")),
                 qPrintable(text->text()));
        QVERIFY(panel->findChild<QLabel *>(QStringLiteral("providerPatientVisits"))
                    ->text()
                    .contains(QStringLiteral("pl-two")));
        QVERIFY(PatientRepository(*m_store).findByPhone(phone)->isEmpty());
        const QStringList findings = test::auditTree(panel);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join('\n')));

        QTest::keyClick(link, Qt::Key_Space);
        QVERIFY(!panel->isVisible());
        const auto onFile = PatientRepository(*m_store).findByPhone(phone);
        QCOMPARE(onFile->size(), 1);
        QCOMPARE(w->form().patient().lastName, QStringLiteral("McTestface"));
        QCOMPARE(w->findChild<QLineEdit *>(QStringLiteral("edit:patient.city"))->text(),
                 QStringLiteral("Austin"));
        w->flushDraft();
        QCOMPARE(DraftRepository(*m_store).get(w->draftId())->patientId, onFile->first().id);
        auto row = VisitRepository(*m_store).findByMasterId(QStringLiteral("pl-two"));
        QVERIFY(row && row.value());
        QCOMPARE(row.value()->patientId, onFile->first().id);
        // The panel asked for the status check: resolved there, Prescribed here.
        QTRY_COMPARE_WITH_TIMEOUT(
            VisitRepository(*m_store).find(row.value()->id)->value().state.status,
            VisitStateMachine::Status::Prescribed, 30000);

        // Three lookups (not found, unreachable, found) and the link, each audited, no PHI.
        const QList<AuditEntry> entries = auditEntries().mid(auditBefore);
        QStringList details;
        for (const AuditEntry &e : entries)
            details << e.detail;
        QVERIFY2(details.contains(QStringLiteral("provider patient lookup by phone: not found")),
                 qPrintable(details.join('\n')));
        QVERIFY(details.contains(
            QStringLiteral("provider patient lookup by phone: provider unreachable")));
        QVERIFY(
            details.contains(QStringLiteral("provider patient lookup by phone: found, 1 visits")));
        QVERIFY(details.contains(
            QStringLiteral("linked to the provider's patient; visits recorded: pl-two")));
        for (const QString &d : std::as_const(details))
            QVERIFY2(!d.contains(QStringLiteral("555")) && !d.contains(QStringLiteral("Testy")),
                     qPrintable(d));
    }
};

QTEST_MAIN(TestProviderLink)
#include "tst_providerlink.moc"
