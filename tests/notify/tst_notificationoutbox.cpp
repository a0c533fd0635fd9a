#include "IntakeSupport.h"
#include "TestSupport.h"
#include "domain/PatientNotice.h"
#include "intake/IntakeConsent.h"
#include "notify/NotificationTemplates.h"
#include "relay/VisitEventApplier.h"
#include "store/NotificationRepository.h"
#include "store/PatientConsentStore.h"
#include "store/VisitRepository.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;

// The notification outbox on a real store (SQLite, and PostgreSQL as _pg): rows written in the
// relay's transaction, once per (event, template, channel) whatever the redelivery, blocked
// without consent, leases that two senders cannot share, and the templates' safe placeholders.
class TestNotificationOutbox : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sub;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;

    qint64 count(const QString &where = QStringLiteral("1 = 1"), const QVariantList &values = {})
    {
        auto r = m_store->db().exec(
            QStringLiteral("SELECT COUNT(*) FROM notifications WHERE %1").arg(where), values);
        return r && r->next() ? r->value(0).toLongLong() : -1;
    }

    IntakeSubmission::Outcome visitWithConsent(bool email, bool sms)
    {
        static int n = 0;
        const auto v = test::submitVisit(
            *m_store, QStringLiteral("41255%1").arg(++n % 100000, 5, 10, QLatin1Char('0')));
        PatientConsentStore consents(m_store->db(), m_store->cipher());
        if (auto r = consents.setConsent(v.patientId, email, sms, QStringLiteral("en"),
                                         QStringLiteral("alice"));
            !r)
            qFatal("consent: %s", qPrintable(r.error().message));
        return v;
    }

    static QJsonObject shipped(const QString &masterId)
    {
        QJsonObject e = test::providerEvent(masterId, VisitEvent::Type::PharmacyShipped);
        QJsonObject payload = e.value(QStringLiteral("payload")).toObject();
        payload.insert(QStringLiteral("info"),
                       QJsonObject{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                                   {QStringLiteral("tracking"), QStringLiteral("1Z42")}});
        e.insert(QStringLiteral("payload"), payload);
        return e;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_sub = m_dir.filePath(QString::number(QRandomGenerator::global()->generate()));
        QDir().mkpath(m_sub);
        const QString keyFile = QDir(m_sub).filePath(QStringLiteral("store.key"));
        KeyFileKeyProvider(keyFile).save({}, KeyRing::generate()).ok();
        m_keys = std::make_unique<KeyFileKeyProvider>(keyFile);
        m_store = test::openStore(QDir(m_sub).filePath(QStringLiteral("store")), *m_keys);
    }

    void cleanup()
    {
        m_store.reset();
        m_keys.reset();
    }

    void eachNotifyingEventWritesOneRowPerChannel()
    {
        const auto v = visitWithConsent(true, true);
        using T = VisitEvent::Type;
        const QList<QJsonObject> events = {
            test::providerEvent(v.masterId, T::DoctorChat),
            test::providerEvent(v.masterId, T::ConsultConcluded, VisitEvent::Outcome::Prescribed),
            test::providerEvent(v.masterId, T::RxWritten),
            test::providerEvent(v.masterId, T::PharmacyInFulfillment),
            shipped(v.masterId),
            test::providerEvent(v.masterId, T::PharmacyDelivered),
        };
        test::applyEvents(*m_store, events);
        // Chat (needs info), written, shipped, delivered: four templates, two channels each; a
        // conclusion "prescribed" and "in fulfillment" tell the patient nothing.
        QCOMPARE(count(), 8);
        QCOMPARE(count(QStringLiteral("state = 'queued'")), 8);
        for (const char *key :
             {"more_information_needed", "prescription_written", "shipped", "delivered"})
            QCOMPARE(count(QStringLiteral("template = ?"), {QString::fromLatin1(key)}), 2);
        QCOMPARE(count(QStringLiteral("visit_id = ? AND patient_id = ?"), {v.visitId, v.patientId}),
                 8);
        // The shipment's carrier and tracking travel sealed with the row.
        NotificationRepository rows(m_store->db(), m_store->cipher());
        auto shippedRows = rows.list(v.visitId);
        QVERIFY(shippedRows);
        bool seen = false;
        for (const auto &r : std::as_const(shippedRows.value())) {
            if (r.templateKey != QLatin1String("shipped"))
                continue;
            QVERIFY(!r.params.contains("1Z42"));
            auto params = rows.openParams(r);
            QVERIFY(params);
            QCOMPARE(params->value(QStringLiteral("carrier")), QStringLiteral("UPS"));
            QCOMPARE(params->value(QStringLiteral("tracking")), QStringLiteral("1Z42"));
            seen = true;
        }
        QVERIFY(seen);
    }

    void referredAndCanceled()
    {
        const auto a = visitWithConsent(true, false);
        const auto b = visitWithConsent(false, true);
        test::applyEvents(*m_store,
                          {test::providerEvent(a.masterId, VisitEvent::Type::ConsultConcluded,
                                               VisitEvent::Outcome::Referred),
                           test::providerEvent(b.masterId, VisitEvent::Type::ConsultCanceled)});
        QCOMPARE(count(QStringLiteral("template = 'referred'")), 2);
        QCOMPARE(count(QStringLiteral("template = 'canceled'")), 2);
        // Consent decides the state: a channel without it is blocked (visible, never sent).
        QCOMPARE(count(QStringLiteral("visit_id = ? AND channel = 'email' AND state = 'queued'"),
                       {a.visitId}),
                 1);
        QCOMPARE(count(QStringLiteral("visit_id = ? AND channel = 'sms' AND state = 'blocked'"),
                       {a.visitId}),
                 1);
        QCOMPARE(count(QStringLiteral("visit_id = ? AND channel = 'email' AND state = 'blocked'"),
                       {b.visitId}),
                 1);
    }

    void redeliveredOrSecondRelayInsertsNothing()
    {
        const auto v = visitWithConsent(true, true);
        const QJsonObject event = test::providerEvent(v.masterId, VisitEvent::Type::RxWritten);
        test::applyEvents(*m_store, {event});
        QCOMPARE(count(), 2);
        // The same webhook again: a duplicate, nothing new.
        auto again = VisitEventApplier(*m_store).applyBatch({event});
        QVERIFY(again);
        QCOMPARE(again->duplicates, 1);
        QCOMPARE(count(), 2);
        // A second relay on its own connection that lost the processed record (as if two relays
        // raced): the outbox's own UNIQUE (event_id, template, channel) still inserts once.
        QVERIFY(m_store->db().exec(QStringLiteral("DELETE FROM processed_events")));
        QVERIFY(m_store->db().exec(QStringLiteral("DELETE FROM visit_events")));
        auto other = VisitEventApplier(*m_store).applyBatch({event});
        QVERIFY2(other, qPrintable(other ? QString() : other.error().message));
        QCOMPARE(other->applied, 1);
        QCOMPARE(count(), 2);
    }

    void rowsRollBackWithTheirEvent()
    {
        const auto v = visitWithConsent(true, true);
        // A batch whose second event fails to store (the same timeline key twice in one batch
        // cannot happen from the inbox; a visit_events row planted first makes it fail).
        const QJsonObject ok = test::providerEvent(v.masterId, VisitEvent::Type::RxWritten);
        const QJsonObject bad = test::providerEvent(v.masterId, VisitEvent::Type::ConsultCanceled);
        const QString badKey =
            QStringLiteral("beluga:") + bad.value(QStringLiteral("id")).toString();
        QVERIFY(m_store->db().exec(
            QStringLiteral("INSERT INTO visit_events (id, visit_id, inbox_cursor, event_type, "
                           "received_at, applied_at, status_after, rx_status_after, payload) "
                           "VALUES (?, ?, 0, 'X', 'x', 'x', 'x', 'x', ?)"),
            {badKey, v.visitId, QByteArray("x")}));
        auto report = VisitEventApplier(*m_store).applyBatch({ok, bad});
        QVERIFY(!report);
        QCOMPARE(count(), 0); // the first event's rows went with its transaction
    }

    void consentIsRecordedWithTimeAndStaff()
    {
        const auto v = visitWithConsent(true, false);
        PatientConsentStore consents(m_store->db(), m_store->cipher());
        auto c = consents.consent(v.patientId);
        QVERIFY(c);
        QVERIFY(c->email());
        QVERIFY(!c->sms());
        QCOMPARE(c->emailBy, QStringLiteral("alice"));
        QVERIFY(c->emailAt.endsWith(QLatin1Char('Z')));
        // Re-recording the same answer keeps the original time and staff member.
        const QString at = c->emailAt;
        QVERIFY(consents.setConsent(v.patientId, true, true, QStringLiteral("es"),
                                    QStringLiteral("bob")));
        c = consents.consent(v.patientId);
        QCOMPARE(c->emailAt, at);
        QCOMPARE(c->emailBy, QStringLiteral("alice"));
        QCOMPARE(c->smsBy, QStringLiteral("bob"));
        QCOMPARE(c->language, QStringLiteral("es"));
        // Withdrawn.
        QVERIFY(consents.setConsent(v.patientId, false, true, QStringLiteral("es"),
                                    QStringLiteral("bob")));
        QVERIFY(!consents.consent(v.patientId)->email());
        QVERIFY(!consents.setConsent(v.patientId, true, true, QStringLiteral("fr"),
                                     QStringLiteral("bob")));
        // A new patient has none.
        const auto fresh = test::submitVisit(*m_store, QStringLiteral("4125599999"));
        QVERIFY(!consents.consent(fresh.patientId)->email());
        QVERIFY(!consents.consent(fresh.patientId)->sms());
    }

    void theIntakeRecordsConsentForTheClinicOnly()
    {
        IntakeForm form = test::hairLossIntake(test::intakePatient(QStringLiteral("4125588888")));
        form.setAnswer(IntakeConsent::kEmail, false);
        form.setAnswer(IntakeConsent::kSms, true);
        form.setAnswer(IntakeConsent::kLanguage, QStringLiteral("es"));
        const auto v = test::submitIntake(*m_store, form, QStringLiteral("carol"));
        auto c = PatientConsentStore(m_store->db(), m_store->cipher()).consent(v.patientId);
        QVERIFY(c);
        QVERIFY(!c->email());
        QVERIFY(c->sms());
        QCOMPARE(c->smsBy, QStringLiteral("carol"));
        QCOMPARE(c->language, QStringLiteral("es"));
        // The provider never gets the clinic's consent questions.
        auto body = VisitRepository(*m_store).openCreateBody(v.visitId);
        QVERIFY(body);
        QVERIFY2(!body->contains("text the patient") && !body->contains("consentSms") &&
                     !body->contains("Language for messages"),
                 body->constData());
        // The clinic's own QuestionnaireResponse keeps them.
        QVERIFY(QJsonDocument(v.questionnaireResponse).toJson().contains("patient.consentSms"));
    }

    void aLaterIntakeWithdrawsOnlyWhatItSaysNo()
    {
        const Patient patient = test::intakePatient(QStringLiteral("4125577777"));
        IntakeForm first = test::hairLossIntake(patient);
        first.setAnswer(IntakeConsent::kEmail, true);
        first.setAnswer(IntakeConsent::kSms, true);
        first.setAnswer(IntakeConsent::kLanguage, QStringLiteral("es"));
        const auto v1 = test::submitIntake(*m_store, first, QStringLiteral("carol"));
        PatientConsentStore consents(m_store->db(), m_store->cipher());
        // A later intake for the same patient that leaves the questions unanswered keeps what
        // the record says (who gave it and when included)...
        const auto v2 =
            test::submitIntake(*m_store, test::fillIntake(QStringLiteral("weightloss"), patient),
                               QStringLiteral("dave"), v1.patientId);
        QCOMPARE(v2.patientId, v1.patientId);
        auto c = consents.consent(v1.patientId);
        QVERIFY(c);
        QVERIFY(c->email());
        QVERIFY(c->sms());
        QCOMPARE(c->emailBy, QStringLiteral("carol"));
        QCOMPARE(c->language, QStringLiteral("es"));
        // ...and an explicit "no" withdraws that channel only.
        IntakeForm third = test::fillIntake(QStringLiteral("weightloss"), patient);
        third.setAnswer(IntakeConsent::kSms, false);
        test::submitIntake(*m_store, third, QStringLiteral("dave"), v1.patientId);
        c = consents.consent(v1.patientId);
        QVERIFY(c->email());
        QVERIFY(!c->sms());
        QCOMPARE(c->language, QStringLiteral("es"));
    }

    void twoSendersNeverHoldTheSameRow()
    {
        const auto v = visitWithConsent(true, true);
        test::applyEvents(*m_store,
                          {test::providerEvent(v.masterId, VisitEvent::Type::RxWritten),
                           test::providerEvent(v.masterId, VisitEvent::Type::ConsultCanceled)});
        auto otherDb = m_store->connectionOpener()();
        QVERIFY(otherDb);
        NotificationRepository a(m_store->db(), m_store->cipher());
        NotificationRepository b(*otherDb.value(), m_store->cipher());
        const QString now = QStringLiteral("2099-01-01T00:00:00.000Z");
        const QString lease = QStringLiteral("2099-01-01T00:02:00.000Z");
        auto first = a.claim(QStringLiteral("A"), now, lease, 3);
        auto second = b.claim(QStringLiteral("B"), now, lease, 10);
        QVERIFY(first && second);
        QCOMPARE(first->size(), 3);
        QCOMPARE(second->size(), 1);
        QSet<QString> ids;
        for (const auto &r : first.value() + second.value())
            ids.insert(r.id);
        QCOMPARE(ids.size(), 4);
        // B cannot mark A's row; once A's lease ends, B may claim it.
        const QString taken = first->first().id;
        QCOMPARE(b.markSent(taken, QStringLiteral("B"), now).value(), false);
        auto later =
            b.claim(QStringLiteral("B"), lease, QStringLiteral("2099-01-01T00:04:00.000Z"), 10);
        QVERIFY(later);
        QCOMPARE(later->size(), 4); // every lease ended at 00:02, B's own one too
        QCOMPARE(a.markSent(taken, QStringLiteral("A"), now).value(), false); // lease lost
        QCOMPARE(b.markSent(taken, QStringLiteral("B"), lease).value(), true);
        QCOMPARE(count(QStringLiteral("state = 'sent'")), 1);
        // Failed rows go back to the queue only through retry().
        QVERIFY(
            b.markRetry(later->at(1).id, QStringLiteral("B"), QStringLiteral("boom"), lease, true));
        auto failed = b.list({}, QStringLiteral("failed"));
        QCOMPARE(failed->size(), 1);
        QCOMPARE(b.openLastError(failed->first()).value(), QStringLiteral("boom"));
        QVERIFY(!failed->first().lastError.contains("boom"));
        QCOMPARE(b.retry(later->at(1).id, lease).value(), true);
        QCOMPARE(b.retry(later->at(1).id, lease).value(), false);
    }

    void templatesRefuseUnsafePlaceholders()
    {
        NotificationTemplates templates(m_store->db());
        const NotificationTemplates::Template unsafe{QStringLiteral("Hi"),
                                                     QStringLiteral("Your {medication} is ready")};
        auto refused = templates.save(QStringLiteral("shipped"), QStringLiteral("en"), unsafe,
                                      QStringLiteral("admin"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY2(refused.error().message.contains(QStringLiteral("{medication} is not allowed")),
                 qPrintable(refused.error().message));
        QVERIFY(!templates.save(QStringLiteral("shipped"), QStringLiteral("en"),
                                {QStringLiteral("{diagnosis}"), QStringLiteral("x")},
                                QStringLiteral("admin")));
        QVERIFY(!templates.save(QStringLiteral("shipped"), QStringLiteral("en"),
                                {QStringLiteral("s"), QStringLiteral("broken {first_name")},
                                QStringLiteral("admin")));
        QVERIFY(!templates.save(QStringLiteral("nope"), QStringLiteral("en"),
                                {QStringLiteral("s"), QStringLiteral("b")},
                                QStringLiteral("admin")));
        QVERIFY(!templates.save(QStringLiteral("shipped"), QStringLiteral("fr"),
                                {QStringLiteral("s"), QStringLiteral("b")},
                                QStringLiteral("admin")));
        // Nothing was stored: the built-in text is still the one used.
        QCOMPARE(
            templates.get(QStringLiteral("shipped"), QStringLiteral("en"))->body,
            NotificationTemplates::builtIn(QStringLiteral("shipped"), QStringLiteral("en")).body);
        // A safe one is kept and rendered exactly.
        const NotificationTemplates::Template mine{
            QStringLiteral("{clinic_name}"),
            QStringLiteral("{first_name}: {carrier} {tracking}, call {clinic_phone} ({date})")};
        QVERIFY(templates.save(QStringLiteral("shipped"), QStringLiteral("en"), mine,
                               QStringLiteral("admin")));
        const auto got = templates.get(QStringLiteral("shipped"), QStringLiteral("en"));
        QCOMPARE(got->body, mine.body);
        QCOMPARE(NotificationTemplates::render(
                     got->body, {{QStringLiteral("first_name"), QStringLiteral("Ana")},
                                 {QStringLiteral("carrier"), QStringLiteral("UPS")},
                                 {QStringLiteral("tracking"), QStringLiteral("1Z9")},
                                 {QStringLiteral("clinic_phone"), QStringLiteral("555-0100")},
                                 {QStringLiteral("date"), QStringLiteral("2026-12-07")}}),
                 QStringLiteral("Ana: UPS 1Z9, call 555-0100 (2026-12-07)"));
        QVERIFY(templates.reset(QStringLiteral("shipped"), QStringLiteral("en")));
        QCOMPARE(templates.get(QStringLiteral("shipped"), QStringLiteral("en"))->subject,
                 NotificationTemplates::builtIn(QStringLiteral("shipped"), QStringLiteral("en"))
                     .subject);
    }

    void builtInTemplatesAreSafeInBothLanguages()
    {
        for (const QString &key : PatientNotice::templateKeys()) {
            for (const QString &language : NotificationTemplates::languages()) {
                const auto text = NotificationTemplates::builtIn(key, language);
                QVERIFY2(!text.body.isEmpty(), qPrintable(key + language));
                QVERIFY2(NotificationTemplates::validate(key, language, text),
                         qPrintable(key + language));
                for (const char *word : {"medic", "diagnos", "prescri", "receta", "finasteride",
                                         "answer", "respuesta"})
                    QVERIFY2(!(text.subject + text.body)
                                  .contains(QLatin1String(word), Qt::CaseInsensitive),
                             qPrintable(key + QLatin1Char('/') + language + QLatin1Char(' ') +
                                        QLatin1String(word)));
            }
        }
        QVERIFY(NotificationTemplates::builtIn(QStringLiteral("shipped"), QStringLiteral("es"))
                    .body.startsWith(QStringLiteral("Hola")));
    }
};

QTEST_GUILESS_MAIN(TestNotificationOutbox)
#include "tst_notificationoutbox.moc"
