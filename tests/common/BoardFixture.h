#pragma once

#include "IntakeSupport.h"
#include "domain/Patient.h"
#include "domain/VisitStateMachine.h"
#include "provider/Outbox.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace clinicdesk::test {

// Visits for the board's tests and benchmark, made the way staff and the provider make them
// (tests/common/IntakeSupport.h): an intake of the visit's type submitted through
// IntakeSubmission for the patient, the provider's answer recorded by the outbox (accepted or
// refused), provider events applied as the relay applies them for the later states and the
// prescription track. Only the visit's age is set afterwards (no production path makes a visit
// in the past): created_at with amendVisitRow, updated_at through VisitRepository.
class BoardFixture
{
public:
    explicit BoardFixture(LocalStore &store)
        : m_store(store)
    {}
    ~BoardFixture()
    {
        if (!m_deferred.isEmpty())
            qFatal("BoardFixture: deferred visits never finished (call finish())");
    }

    static QString at(qint64 msAgo)
    {
        return QDateTime::currentDateTimeUtc().addMSecs(-msAgo).toString(Qt::ISODateWithMs);
    }
    static qint64 hours(int h) { return qint64(h) * 3600 * 1000; }

    QString addPatient(const QString &first, const QString &last, QDate dob, const QString &phone)
    {
        Patient p;
        p.firstName = first;
        p.lastName = last;
        p.dob = dob;
        p.sex = QStringLiteral("Female");
        p.phone = phone;
        p.email = QStringLiteral("demo@example.invalid");
        p.address = QStringLiteral("100 Demo St");
        p.city = QStringLiteral("Austin");
        p.state = QStringLiteral("TX");
        p.zip = QStringLiteral("78701");
        auto id = PatientRepository(m_store).save(p, QStringLiteral("fixture"));
        if (!id)
            qFatal("fixture patient: %s", qPrintable(id.error().message));
        p.id = id.value();
        m_patients.insert(p.id, p);
        return id.value();
    }

    struct Visit
    {
        QString patientId;
        QString type = QStringLiteral("weightloss");
        VisitStateMachine::Status status = VisitStateMachine::Status::Submitted;
        VisitStateMachine::RxStatus rx = VisitStateMachine::RxStatus::None;
        QString createdBy = QStringLiteral("ana");
        qint64 createdMsAgo = 3600 * 1000;
        qint64 updatedMsAgo = 60 * 1000;
    };

    // Submits the visit's intake and moves it to its state; returns the visit id.
    QString addVisit(const Visit &v)
    {
        auto patient = m_patients.find(v.patientId);
        if (patient == m_patients.end()) {
            auto stored = PatientRepository(m_store).get(v.patientId);
            if (!stored)
                qFatal("fixture: no patient %s", qPrintable(v.patientId));
            patient = m_patients.insert(v.patientId, stored.value());
        }
        // One filled-in intake per visit type, given each visit's patient (filling in a
        // questionnaire is most of the cost when a benchmark makes 100,000 visits).
        auto form = m_forms.find(v.type);
        if (form == m_forms.end())
            form = m_forms.insert(v.type, completeIntake(v.type, *patient));
        form->setPatient(*patient);
        const auto out = submitIntake(m_store, *form, v.createdBy, v.patientId);
        m_masterIds.insert(out.visitId, out.masterId);
        using S = VisitStateMachine::Status;
        if (v.status == S::Rejected)
            markRejected(m_store, out.visitId, QStringLiteral("State not valid"));
        else if (v.status != S::Queued)
            markSubmitted(m_store, out.visitId);
        Deferred d{out.visitId, eventsTo(out.masterId, v.status, v.rx), at(v.createdMsAgo),
                   at(v.updatedMsAgo)};
        if (m_deferring)
            m_deferred << d;
        else
            finish(d);
        return out.visitId;
    }

    // Until finish(), visits wait for their provider events and their age, which finish() then
    // applies in one relay batch (a benchmark's 100,000 visits; the applier commits durably, so
    // it cannot run inside the caller's transaction).
    void deferEvents() { m_deferring = true; }
    void finish()
    {
        QList<QJsonObject> events;
        for (const Deferred &d : std::as_const(m_deferred))
            events << d.events;
        applyEvents(m_store, events);
        auto aged = m_store.db().transaction([&]() -> Result<void> {
            for (const Deferred &d : std::as_const(m_deferred))
                age(d);
            return {};
        });
        if (!aged)
            qFatal("fixture: %s", qPrintable(aged.error().message));
        m_deferred.clear();
        m_deferring = false;
    }

    // The outbox still owing something for a visit: its own entry ('visit') failed `attempts`
    // times so far, or (kind 'chat', state 'rejected') a staff reply the provider refused.
    void addPendingOutbox(const QString &visitId, int attempts,
                          const QString &kind = QStringLiteral("visit"),
                          const QString &state = QStringLiteral("pending"))
    {
        Outbox outbox(m_store);
        auto id = kind == QLatin1String("chat")
                      ? outbox.enqueueStaffChat(
                            visitId, QStringLiteral("Ana"), QStringLiteral("Ruiz"),
                            QStringLiteral("The patient has no allergies."), QStringLiteral("ana"))
                      : outbox.enqueueVisit(visitId, QStringLiteral("ana"));
        if (!id)
            qFatal("fixture outbox: %s", qPrintable(id.error().message));
        for (int i = 0; i < attempts; ++i) {
            auto e = outbox.entry(*id);
            if (!e || !e.value() ||
                !outbox.markRetry(*e.value(), QStringLiteral("timed out"), 0,
                                  QDateTime::currentDateTimeUtc()))
                qFatal("fixture outbox: retry not recorded");
        }
        if (state == QLatin1String("rejected")) {
            auto e = outbox.entry(*id);
            if (!e || !e.value() ||
                !outbox.markRejected(*e.value(), QStringLiteral("Visit not found"), 404))
                qFatal("fixture outbox: refusal not recorded");
        }
    }

    QString masterIdOf(const QString &visitId) const
    {
        const QString masterId = m_masterIds.value(visitId);
        if (masterId.isEmpty())
            qFatal("fixture: no visit %s", qPrintable(visitId));
        return masterId;
    }

    // The visit moves on to `status` (provider events, as the relay applies them), its last
    // change `updatedMsAgo` ago.
    void setUpdated(const QString &visitId, VisitStateMachine::Status status, qint64 updatedMsAgo)
    {
        auto row = VisitRepository(m_store).find(visitId);
        if (!row || !row.value())
            qFatal("fixture: no visit %s", qPrintable(visitId));
        const VisitStateMachine::State now = row.value()->state;
        if (now.status == VisitStateMachine::Status::Queued && status != now.status)
            markSubmitted(m_store, visitId);
        applyEvents(m_store, eventsTo(masterIdOf(visitId), status, now.rx));
        backdateUpdate(m_store, visitId, at(updatedMsAgo));
    }

private:
    struct Deferred
    {
        QString visitId;
        QList<QJsonObject> events;
        QString createdAt;
        QString updatedAt;
    };
    void finish(const Deferred &d)
    {
        applyEvents(m_store, d.events);
        age(d);
    }
    void age(const Deferred &d)
    {
        amendVisitRow(m_store, d.visitId, {d.createdAt, std::nullopt, false, {}});
        backdateUpdate(m_store, d.visitId, d.updatedAt);
    }

    LocalStore &m_store;
    QHash<QString, Patient> m_patients;
    QHash<QString, IntakeForm> m_forms;
    QHash<QString, QString> m_masterIds;
    QList<Deferred> m_deferred;
    bool m_deferring = false;
};

} // namespace clinicdesk::test
