#pragma once

#include "VisitTestSupport.h"
#include "domain/User.h"
#include "provider/Outbox.h"
#include "relay/VisitEventApplier.h"

// Three visits as staff meet them, submitted as intakes (addVisit) and moved on through the same
// paths the console and the relay use (the outbox, provider events): a prescribed visit whose
// pharmacy order shipped after one question from the clinician, a visit waiting for staff to
// answer, and one the provider refused (State not valid). Synthetic patients; used by the
// screenshots and the accessibility tests.
namespace visittest {

struct VisitScenes
{
    QString prescribed; // Ana Sample
    QString needsInfo;  // Ben Example
    QString refused;    // Cara Demo
    clinicdesk::User alice;
};

inline void applyEvents(clinicdesk::LocalStore &store, const QList<QJsonObject> &events)
{
    if (!clinicdesk::VisitEventApplier(store).applyBatch(events))
        qFatal("events not applied");
}

inline clinicdesk::Patient ana()
{
    clinicdesk::Patient p = samplePatient(QStringLiteral("5125550123"));
    p.firstName = QStringLiteral("Ana");
    p.lastName = QStringLiteral("Sample");
    p.sex = QStringLiteral("Female");
    p.email = QStringLiteral("ana.sample@example.org");
    p.address = QStringLiteral("100 Example Ave");
    return p;
}

// The visit as submitted at `when` (IntakeSubmission stamps the time of the call).
inline void submittedAt(clinicdesk::LocalStore &store, const QString &visitId,
                        const QDateTime &when)
{
    clinicdesk::test::VisitAmendment amend;
    amend.createdAt = iso(when);
    clinicdesk::test::amendVisitRow(store, visitId, amend);
}

// Adds the account "alice" unless `withUser` is false (the store already has her).
inline VisitScenes seedVisitScenes(clinicdesk::LocalStore &store, bool withUser = true)
{
    using namespace clinicdesk;
    VisitScenes scenes;
    if (withUser)
        addUser(store, QStringLiteral("alice"), QStringLiteral("Alice Front"));
    User &alice = scenes.alice;
    alice.username = QStringLiteral("alice");
    alice.displayName = QStringLiteral("Alice Front");
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    auto at = [&](int minutes) { return start.addSecs(minutes * 60); };

    // A prescribed visit whose order shipped, after one question from the clinician.
    const AddedVisit prescribed = addVisit(store, ana(), sandboxtest::createBody({}, ana().phone),
                                           QStringLiteral("Queued"), sampleResponse());
    const QString id = prescribed.id;
    const QString masterId = prescribed.masterId;
    submittedAt(store, id, at(0));
    Outbox outbox(store);
    const QString entry = *outbox.enqueueVisit(id, alice.username);
    must(outbox.markSent(**outbox.entry(entry), QStringLiteral("pv-demo-1")));
    exec(store, QStringLiteral("UPDATE outbox SET sent_at = ? WHERE id = ?"), {iso(at(1)), entry});
    applyEvents(store,
                {inboxEvent(1, at(12), masterId, QStringLiteral("DOCTOR_CHAT"),
                            {{QStringLiteral("content"),
                              QStringLiteral("Do you take any nitrate medicines for chest pain? "
                                             "Please confirm before I prescribe.")}})});
    const QString reply = *outbox.enqueueStaffChat(
        id, QStringLiteral("Alice"), QStringLiteral("Front"),
        QStringLiteral("The patient confirms she takes no nitrates."), alice.username);
    exec(store, QStringLiteral("UPDATE outbox SET created_at = ? WHERE id = ?"),
         {iso(at(20)), reply});
    must(outbox.markSent(**outbox.entry(reply), {}));
    exec(store, QStringLiteral("UPDATE outbox SET sent_at = ? WHERE id = ?"), {iso(at(21)), reply});
    const QJsonArray meds{QJsonObject{{QStringLiteral("name"), QStringLiteral("Sildenafil")},
                                      {QStringLiteral("strength"), QStringLiteral("50 mg")},
                                      {QStringLiteral("quantity"), QStringLiteral("10")},
                                      {QStringLiteral("refills"), QStringLiteral("1")}}};
    applyEvents(store,
                {inboxEvent(2, at(35), masterId, QStringLiteral("RX_WRITTEN"),
                            {{QStringLiteral("docName"), QStringLiteral("Dr. Rivera")},
                             {QStringLiteral("medsPrescribed"), meds}}),
                 inboxEvent(3, at(35), masterId, QStringLiteral("CONSULT_CONCLUDED"),
                            {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}}),
                 inboxEvent(4, at(50), masterId, QStringLiteral("PHARMACY_ORDER_IN_FULFILLMENT"),
                            {{QStringLiteral("orderId"), QStringLiteral("ORD-10442")}}),
                 inboxEvent(5, at(95), masterId, QStringLiteral("PHARMACY_ORDER_SHIPPED"),
                            {{QStringLiteral("orderId"), QStringLiteral("ORD-10442")},
                             {QStringLiteral("info"),
                              QJsonObject{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                                          {QStringLiteral("tracking"),
                                           QStringLiteral("1Z999AA10123456784")}}}})});

    // A visit waiting for an answer.
    Patient ben = samplePatient(QStringLiteral("5125550124"));
    ben.firstName = QStringLiteral("Ben");
    ben.lastName = QStringLiteral("Example");
    const AddedVisit askedVisit = addVisit(store, ben, sandboxtest::createBody({}, ben.phone),
                                           QStringLiteral("Submitted"), sampleResponse());
    const QString asked = askedVisit.id;
    const QString askedMaster = askedVisit.masterId;
    submittedAt(store, asked, QDateTime::currentDateTimeUtc().addSecs(-3600));
    applyEvents(store,
                {inboxEvent(6, QDateTime::currentDateTimeUtc().addSecs(-600), askedMaster,
                            QStringLiteral("DOCTOR_CHAT"),
                            {{QStringLiteral("content"),
                              QStringLiteral("How long have the symptoms lasted, and has the "
                                             "patient tried any treatment before?")}})});

    // A visit the provider refused.
    Patient cara = samplePatient(QStringLiteral("5125550125"));
    cara.firstName = QStringLiteral("Cara");
    cara.lastName = QStringLiteral("Demo");
    cara.state = QStringLiteral("ZZ");
    const QString refused = addVisit(store, cara, sandboxtest::createBody({}, cara.phone),
                                     QStringLiteral("Queued"), sampleResponse());
    const QString refusedEntry = *outbox.enqueueVisit(refused, alice.username);
    must(outbox.markRejected(**outbox.entry(refusedEntry), QStringLiteral("State not valid"), 200));

    scenes.prescribed = id;
    scenes.needsInfo = asked;
    scenes.refused = refused;
    return scenes;
}

} // namespace visittest
