#include "SandboxProcess.h"
#include "TestSupport.h"
#include "VisitTestSupport.h"
#include "audit/AuditLog.h"
#include "keys/KeyFileKeyProvider.h"
#include "provider/Outbox.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderClient.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"
#include "visits/VisitCorrection.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;
using namespace visittest;

// Fix and resubmit: the intake's rules on the corrected demographics, the patient record and its
// blind index, the re-sealed createNoPay body, the audit entry, and, against the real sandbox,
// a refused visit that lands exactly once after its correction.
class TestVisitCorrection : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SandboxProcess> m_sandbox;

    OutboxSender::Options fast() const
    {
        OutboxSender::Options o;
        o.baseBackoffMs = 20;
        o.maxBackoffMs = 400;
        o.pollIntervalMs = 200;
        return o;
    }

    // A queued visit whose patient lives in state "ZZ" (the provider refuses it).
    AddedVisit badStateVisit(const QString &phone)
    {
        Patient p = samplePatient(phone);
        p.state = QStringLiteral("ZZ");
        QJsonObject body = sandboxtest::createBody({}, phone);
        QJsonObject form = body.value(QLatin1String("formObj")).toObject();
        form.insert(QStringLiteral("state"), QStringLiteral("ZZ"));
        body.insert(QStringLiteral("formObj"), form);
        return addVisit(*m_store, p, body);
    }
    QJsonObject formObj(const QString &visitId)
    {
        auto q = m_store->db().exec(QStringLiteral("SELECT form_obj FROM visits WHERE id = ?"),
                                    {visitId});
        if (!q || !q->next())
            return {};
        auto opened = m_store->cipher().open(QStringLiteral("visits"), visitId,
                                             QStringLiteral("form_obj"), q->value(0).toByteArray());
        return opened ? QJsonDocument::fromJson(*opened).object().value("formObj").toObject()
                      : QJsonObject();
    }
    int sandboxVisits(const QString &masterId) const
    {
        int n = 0;
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray())
            n += v.toObject().value("masterId").toString() == masterId;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
        m_store = test::openStore(m_dir.filePath(QStringLiteral("store")), *m_keys);
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath(QStringLiteral("sandbox")));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
    }

    void validationUsesTheIntakeRules()
    {
        Patient p = samplePatient(QStringLiteral("5125550100"));
        QVERIFY(VisitCorrection::validate(p).isEmpty());
        p.state = QStringLiteral("ZZ");
        p.zip = QStringLiteral("123");
        p.phone = QStringLiteral("0125550100");
        p.email.clear();
        QStringList fields;
        for (const IntakeIssue &issue : VisitCorrection::validate(p))
            fields << issue.linkId;
        fields.sort();
        QStringList expected{IntakeForm::kState, IntakeForm::kZip, IntakeForm::kPhone,
                             IntakeForm::kEmail};
        expected.sort();
        QCOMPARE(fields, expected);
    }

    void onlyARejectedVisitIsResubmitted()
    {
        const QString id = badStateVisit(QStringLiteral("5125550140"));
        AuditLog audit(*m_store, nullptr);
        auto r = VisitCorrection::resubmit(*m_store, audit, id,
                                           samplePatient(QStringLiteral("5125550140")),
                                           QStringLiteral("alice"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QCOMPARE(formObj(id).value("state").toString(), QStringLiteral("ZZ")); // untouched
    }

    void refusedThenCorrectedLandsExactlyOnce()
    {
        const QString oldPhone = QStringLiteral("5125550150");
        const QString newPhone = QStringLiteral("5125550151");
        const AddedVisit visit = badStateVisit(oldPhone);
        const QString id = visit.id;
        const QString masterId = visit.masterId;
        ProviderClient client(m_sandbox->clientConfig());
        OutboxSender sender(*m_store, client, fast());
        QSignalSpy rejected(&sender, &OutboxSender::entryRejected);
        QSignalSpy sent(&sender, &OutboxSender::entrySent);
        QVERIFY(Outbox(*m_store).enqueueVisit(id, QStringLiteral("alice")));
        sender.start();
        QTRY_COMPARE_WITH_TIMEOUT(column(*m_store, "visits", id, "status"),
                                  QStringLiteral("Rejected"), 15000);
        QVERIFY(!rejected.isEmpty());
        QCOMPARE(VisitRepository(*m_store).openRejectedReason(id).value(),
                 QStringLiteral("State not valid"));
        QCOMPARE(sandboxVisits(masterId), 0);

        AuditLog audit(*m_store, nullptr);
        const qint64 audited = *audit.count({});
        const QString patientId = column(*m_store, "visits", id, "patient_id");
        Patient corrected = *VisitCorrection::demographics(*m_store, id);
        QCOMPARE(corrected.state, QStringLiteral("ZZ"));
        // Still wrong: refused here, nothing changes.
        corrected.zip = QStringLiteral("7870");
        auto bad =
            VisitCorrection::resubmit(*m_store, audit, id, corrected, QStringLiteral("alice"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
        QVERIFY2(bad.error().message.contains(QLatin1String("state code")),
                 qPrintable(bad.error().message));
        QCOMPARE(column(*m_store, "visits", id, "status"), QStringLiteral("Rejected"));
        QCOMPARE(*audit.count({}), audited); // nothing was attempted

        corrected.state = QStringLiteral("tx");
        corrected.zip = QStringLiteral("78701");
        corrected.phone = QStringLiteral("(512) 555-0151");
        auto ok =
            VisitCorrection::resubmit(*m_store, audit, id, corrected, QStringLiteral("alice"));
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        const QJsonObject form = formObj(id);
        QCOMPARE(form.value("state").toString(), QStringLiteral("TX"));
        QCOMPARE(form.value("phone").toString(), newPhone);
        QCOMPARE(form.value("A1").toString(), QStringLiteral("Sometimes")); // the rest is kept
        QCOMPARE(form.value("consentsSigned").toBool(), true);
        // The patient record and its blind index follow.
        PatientRepository patients(*m_store);
        QCOMPARE(patients.get(patientId)->state, QStringLiteral("TX"));
        QCOMPARE(patients.findByPhone(newPhone)->size(), 1);
        QCOMPARE(patients.findByPhone(oldPhone)->size(), 0);
        // Audited, naming fields but no values.
        QList<AuditEntry> entries;
        QVERIFY(audit.forEach({}, [&](const AuditEntry &e) {
            if (e.seq > audited)
                entries << e;
            return true;
        }));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].action, auditActionName(AuditAction::Submit));
        QCOMPARE(entries[0].entityId, id);
        QVERIFY2(entries[0].detail.contains(QLatin1String("state")) &&
                     entries[0].detail.contains(QLatin1String("phone")),
                 qPrintable(entries[0].detail));
        QVERIFY(!entries[0].detail.contains(QLatin1String("TX")));
        QVERIFY(!entries[0].detail.contains(newPhone));

        sender.kick();
        QTRY_COMPARE_WITH_TIMEOUT(column(*m_store, "visits", id, "status"),
                                  QStringLiteral("Submitted"), 15000);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sandboxVisits(masterId), 1);
        // Resubmitting again is refused: it is no longer rejected.
        QCOMPARE(VisitCorrection::resubmit(*m_store, audit, id, corrected, QStringLiteral("alice"))
                     .error()
                     .code,
                 ErrorCode::Conflict);
        QCOMPARE(sandboxVisits(masterId), 1);
    }
};

QTEST_GUILESS_MAIN(TestVisitCorrection)
#include "tst_visitcorrection.moc"
