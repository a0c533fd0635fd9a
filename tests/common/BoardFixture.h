#pragma once

#include "domain/Patient.h"
#include "domain/VisitStateMachine.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"

#include <QDateTime>
#include <QList>
#include <QUuid>

#include <cstdio>

namespace clinicdesk::test {

// Writes visits straight into a store for the board's tests and benchmark: the rows the intake,
// the outbox and the relay would leave behind, without running them (their own tests do).
class BoardFixture
{
public:
    explicit BoardFixture(LocalStore &store)
        : m_store(store)
    {}

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

    QString addVisit(const Visit &v)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto form = m_store.cipher().sealText(QStringLiteral("visits"), id,
                                              QStringLiteral("form_obj"), QStringLiteral("{}"));
        if (!form)
            qFatal("fixture visit: %s", qPrintable(form.error().message));
        auto done = m_store.db().exec(
            QStringLiteral("INSERT INTO visits (id, master_id, patient_id, visit_type, status, "
                           "rx_status, form_obj, created_by, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, QUuid::createUuid().toString(QUuid::WithoutBraces), v.patientId, v.type,
             VisitStateMachine::name(v.status), VisitStateMachine::name(v.rx), form.value(),
             v.createdBy, at(v.createdMsAgo), at(v.updatedMsAgo)});
        if (!done)
            qFatal("fixture visit: %s", qPrintable(done.error().message));
        return id;
    }

    // An undelivered outbox entry for a visit ('visit' kind) with `attempts` failures so far.
    void addPendingOutbox(const QString &visitId, int attempts, qint64 createdMsAgo,
                          const QString &kind = QStringLiteral("visit"),
                          const QString &state = QStringLiteral("pending"))
    {
        auto done = m_store.db().exec(
            QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, state, attempts, "
                           "next_attempt_at, created_by, created_at, updated_at) "
                           "SELECT ?, ?, id, master_id, ?, ?, ?, 'ana', ?, ? FROM visits "
                           "WHERE id = ?"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces), kind, state, attempts, at(0),
             at(createdMsAgo), at(createdMsAgo), visitId});
        if (!done)
            qFatal("fixture outbox: %s", qPrintable(done.error().message));
    }

    QString masterIdOf(const QString &visitId)
    {
        auto row = m_store.db().exec(QStringLiteral("SELECT master_id FROM visits WHERE id = ?"),
                                     {visitId});
        if (!row || !row->next())
            qFatal("fixture: no visit %s", qPrintable(visitId));
        return row->value(0).toString();
    }

    void setUpdated(const QString &visitId, VisitStateMachine::Status status, qint64 updatedMsAgo)
    {
        auto done = m_store.db().exec(
            QStringLiteral("UPDATE visits SET status = ?, updated_at = ? WHERE id = ?"),
            {VisitStateMachine::name(status), at(updatedMsAgo), visitId});
        if (!done)
            qFatal("fixture update: %s", qPrintable(done.error().message));
    }

private:
    LocalStore &m_store;
};

} // namespace clinicdesk::test
