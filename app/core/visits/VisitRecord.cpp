#include "visits/VisitRecord.h"

#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "domain/VisitEvent.h"
#include "intake/IntakeForm.h"
#include "provider/ProviderStatusSync.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"
#include "visits/CareRequests.h"
#include "visits/NameCorrection.h"
#include "visits/PatientMessageTimeline.h"
#include "visits/StaffTimeline.h"
#include "visits/VisitLabs.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <functional>

namespace clinicdesk {
namespace {

// A stored time (TimeText; older rows may lack the milliseconds); invalid when none.
QDateTime parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

// A JSON scalar as text: the provider sends quantities and refills as strings or numbers.
QString scalarText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString().trimmed();
}

// " POSSIBLE ANSWERS: a; b" is for the clinician's form, not for reading back.
QString questionText(QString question)
{
    const int cut = question.indexOf(QLatin1String(" POSSIBLE ANSWERS:"));
    if (cut >= 0)
        question.truncate(cut);
    return question.trimmed();
}

} // namespace

VisitRecordReader::VisitRecordReader(LocalStore &store)
    : m_store(store)
{}

Result<VisitRecord> VisitRecordReader::openForView(const QString &visitId, AuditLog &audit,
                                                   const QString &username)
{
    auto record = read(visitId);
    AuditEvent event{AuditAction::PhiView,    username,
                     QStringLiteral("visit"), visitId,
                     AuditOutcome::Success,   QStringLiteral("visit detail")};
    if (!record) {
        event.outcome = AuditOutcome::Failure;
        event.detail =
            QStringLiteral("visit detail not read: error code %1").arg(int(record.error().code));
    } else if (!record->problems.isEmpty()) {
        event.outcome = AuditOutcome::Failure;
        event.detail = QStringLiteral("visit detail: %1 sealed value(s) failed authentication")
                           .arg(record->problems.size());
    }
    if (auto logged = audit.append(event); !logged)
        return makeError(logged.error().code,
                         tr("The visit is not shown because its view could not be recorded in "
                            "the audit log: %1")
                             .arg(logged.error().message));
    return record;
}

Result<VisitRecord> VisitRecordReader::read(const QString &visitId)
{
    Database &db = m_store.db();
    const FieldCipher &cipher = m_store.cipher();
    VisitRecord r;
    VisitRepository visits(m_store);
    auto v = visits.find(visitId);
    if (!v)
        return v.error();
    if (!v.value())
        return makeError(ErrorCode::NotFound, tr("There is no visit %1.").arg(visitId));
    const VisitRepository::Row &row = *v.value();
    r.id = row.id;
    r.masterId = row.masterId;
    r.providerVisitId = row.providerVisitId;
    r.visitType = row.visitType;
    r.status = row.state.status;
    r.rxStatus = row.state.rx;
    r.createdBy = row.createdBy;
    r.createdAt = parseTime(row.createdAt);
    r.updatedAt = parseTime(row.updatedAt);
    r.providerCheckedAt = parseTime(row.providerCheckedAt);
    r.patientId = row.patientId;

    // Staff display names (not PHI) for "who".
    QHash<QString, QString> staffNames;
    if (auto u = db.exec(QStringLiteral("SELECT username, display_name FROM users"))) {
        while (u->next())
            staffNames.insert(u->value(0).toString(), u->value(1).toString());
    }
    auto staffName = [&](const QString &username) {
        const QString name = staffNames.value(username);
        return name.isEmpty() ? username : name;
    };
    r.createdByName = staffName(r.createdBy);

    const QString failedAuth =
        tr("it failed authentication (the stored value was altered, moved or truncated)");
    auto whyNot = [&](const Error &error) {
        return error.code == ErrorCode::DecryptFailed ? failedAuth : error.message;
    };

    // --- The provider's reason for a refusal (sealed: providers echo patient values) ---
    if (auto reason = visits.openRejectedReason(r.id)) {
        r.rejectedReason = reason.value();
    } else {
        r.rejectedReason =
            tr("The provider's reason cannot be shown: %1.").arg(whyNot(reason.error()));
        r.problems << r.rejectedReason;
    }

    // --- Demographics ---
    if (auto p = PatientRepository(m_store).get(r.patientId)) {
        r.patient = p.value();
    } else {
        r.patientError =
            p.error().code == ErrorCode::DecryptFailed
                ? tr("The patient's details cannot be shown: %1.").arg(failedAuth)
                : tr("The patient's details cannot be shown: %1").arg(p.error().message);
        r.problems << r.patientError;
    }

    // --- Intake answers: the QuestionnaireResponse when kept, else the formObj's Qn/An ---
    // A sealed JSON object as opened, or why it is not in `*error`.
    auto jsonOf = [&](const Result<QByteArray> &opened, QString *error) -> QJsonObject {
        if (!opened) {
            *error = opened.error().code == ErrorCode::DecryptFailed ? failedAuth
                                                                     : opened.error().message;
            return {};
        }
        const QJsonDocument doc = QJsonDocument::fromJson(opened.value());
        if (!doc.isObject()) {
            *error = tr("the stored value is not readable JSON");
            return {};
        }
        return doc.object();
    };
    auto openJson = [&](const QString &table, const QString &row, const QString &column,
                        const QByteArray &sealed, QString *error) -> QJsonObject {
        return jsonOf(cipher.open(table, row, column, sealed), error);
    };
    QString error;
    auto responseOpened = visits.openQuestionnaireResponse(r.id);
    if (!responseOpened || responseOpened->has_value()) {
        const QJsonObject response =
            jsonOf(responseOpened ? Result<QByteArray>(**responseOpened)
                                  : Result<QByteArray>(responseOpened.error()),
                   &error);
        std::function<void(const QJsonArray &)> walk = [&](const QJsonArray &items) {
            for (const QJsonValue &node : items) {
                const QJsonObject item = node.toObject();
                const QString linkId = item.value(QLatin1String("linkId")).toString();
                // Demographics have their own section.
                if (linkId == QLatin1String("patient") ||
                    linkId.startsWith(QLatin1String("patient.")))
                    continue;
                const QJsonArray answers = item.value(QLatin1String("answer")).toArray();
                QStringList parts;
                for (const QJsonValue &a : answers) {
                    const QJsonObject o = a.toObject();
                    if (o.contains(QLatin1String("valueBoolean")))
                        parts << (o.value(QLatin1String("valueBoolean")).toBool() ? tr("Yes")
                                                                                  : tr("No"));
                    else if (o.contains(QLatin1String("valueCoding")))
                        parts << o.value(QLatin1String("valueCoding"))
                                     .toObject()
                                     .value(QLatin1String("display"))
                                     .toString();
                    else if (o.contains(QLatin1String("valueDate")))
                        parts << IntakeForm::dateText(o.value(QLatin1String("valueDate")));
                    else if (!o.isEmpty())
                        parts << scalarText(o.begin().value());
                }
                if (!parts.isEmpty()) {
                    QString question = item.value(QLatin1String("text")).toString();
                    r.answers.append(
                        {question.isEmpty() ? linkId : question, parts.join(QStringLiteral("; "))});
                }
                walk(item.value(QLatin1String("item")).toArray());
            }
        };
        walk(response.value(QLatin1String("item")).toArray());
    } else {
        const QJsonObject body = jsonOf(visits.openCreateBody(r.id), &error);
        const QJsonObject form = body.value(QLatin1String("formObj")).toObject();
        for (int n = 1; form.contains(QStringLiteral("Q%1").arg(n)); ++n)
            r.answers.append({questionText(form.value(QStringLiteral("Q%1").arg(n)).toString()),
                              scalarText(form.value(QStringLiteral("A%1").arg(n)))});
    }
    if (!error.isEmpty()) {
        r.answersError = tr("The intake answers cannot be shown: %1.").arg(error);
        r.problems << r.answersError;
    }

    // --- Local history: the outbox (submission, replies, support messages; care requests are
    // timeline entries of their own) ---
    QList<VisitRecord::TimelineEntry> local;
    local.append({r.createdAt, VisitRecord::Source::Staff, r.createdByName,
                  tr("Intake submitted and queued for the provider")});
    auto o =
        db.exec(QStringLiteral("SELECT id, kind, state, attempts, last_error, rejected_reason, "
                               "created_by, created_at, updated_at, sent_at, payload "
                               "FROM outbox WHERE visit_id = ? AND kind IN ('visit', 'chat', "
                               "'support') ORDER BY created_at, id"),
                {r.id});
    if (!o)
        return o.error();
    while (o->next()) {
        const QString entryId = o->value(0).toString();
        const QString kind = o->value(1).toString();
        const QString state = o->value(2).toString();
        const QDateTime createdAt = parseTime(o->value(7).toString());
        const QDateTime updatedAt = parseTime(o->value(8).toString());
        const QDateTime sentAt = parseTime(o->value(9).toString());
        // The provider's texts on the entry, sealed; one that does not open says so instead.
        auto providerText = [&](int index, const QString &column) {
            auto text = cipher.openText(QStringLiteral("outbox"), entryId, column,
                                        o->value(index).toByteArray());
            if (text)
                return text.value();
            const QString problem =
                tr("The provider's answer cannot be shown: %1.").arg(whyNot(text.error()));
            r.problems << problem;
            return problem;
        };
        const QString lastError = providerText(4, QStringLiteral("last_error"));
        const QString rejected = providerText(5, QStringLiteral("rejected_reason"));
        if (kind == QLatin1String("visit")) {
            if (state == QLatin1String("sent"))
                local.append(
                    {sentAt, VisitRecord::Source::System, {}, tr("Delivered to the provider")});
            else if (state == QLatin1String("rejected"))
                local.append({updatedAt,
                              VisitRecord::Source::Provider,
                              {},
                              tr("Refused by the provider: %1").arg(rejected)});
            else if (o->value(3).toInt() > 0)
                local.append(
                    {updatedAt,
                     VisitRecord::Source::System,
                     {},
                     tr("Not delivered yet after %n attempt(s): %1", nullptr, o->value(3).toInt())
                         .arg(lastError)});
            continue;
        }
        VisitRecord::Message m;
        const bool chat = kind == QLatin1String("chat");
        m.from =
            chat ? VisitRecord::Message::From::Staff : VisitRecord::Message::From::StaffToSupport;
        m.at = createdAt;
        m.who = staffName(o->value(6).toString());
        m.outboxId = entryId;
        m.attempts = o->value(3).toInt();
        m.lastError = lastError;
        m.rejectedReason = rejected;
        m.delivery = state == QLatin1String("sent") ? VisitRecord::Message::Delivery::Delivered
                     : state == QLatin1String("rejected") ? VisitRecord::Message::Delivery::Rejected
                                                          : VisitRecord::Message::Delivery::Sending;
        QString messageError;
        const QJsonObject body =
            openJson(QStringLiteral("outbox"), entryId, QStringLiteral("payload"),
                     o->value(10).toByteArray(), &messageError);
        if (messageError.isEmpty()) {
            m.text = body.value(QLatin1String("content")).toString();
        } else {
            const QString problem = tr("A message cannot be shown: %1.").arg(messageError);
            r.problems << problem;
            m.text = problem;
        }
        r.messages.append(m);
        local.append(
            {createdAt, VisitRecord::Source::Staff, m.who,
             chat ? tr("Reply to the clinician written") : tr("Message to support written")});
        if (m.delivery == VisitRecord::Message::Delivery::Delivered)
            local.append({sentAt,
                          VisitRecord::Source::System,
                          {},
                          chat ? tr("Reply delivered to the clinician")
                               : tr("Message delivered to support")});
        else if (m.delivery == VisitRecord::Message::Delivery::Rejected)
            local.append({updatedAt,
                          VisitRecord::Source::Provider,
                          {},
                          tr("Message refused: %1").arg(rejected)});
    }
    if (r.providerCheckedAt.isValid())
        local.append({r.providerCheckedAt,
                      VisitRecord::Source::System,
                      {},
                      tr("Status checked with the provider")});
    std::stable_sort(local.begin(), local.end(),
                     [](const auto &a, const auto &b) { return a.at < b.at; });

    // --- Provider events, in inbox order ---
    QList<VisitRecord::TimelineEntry> provider;
    auto e = db.exec(QStringLiteral("SELECT id, event_type, received_at, status_after, "
                                    "rx_status_after, payload FROM visit_events "
                                    "WHERE visit_id = ? ORDER BY inbox_cursor, id"),
                     {r.id});
    if (!e)
        return e.error();
    while (e->next()) {
        const QString eventId = e->value(0).toString();
        const QString type = e->value(1).toString();
        const QDateTime at = parseTime(e->value(2).toString());
        QString eventError;
        const QJsonObject payload =
            openJson(QStringLiteral("visit_events"), eventId, QStringLiteral("payload"),
                     e->value(5).toByteArray(), &eventError);
        if (!eventError.isEmpty()) {
            const QString problem = tr("A %1 event cannot be shown: %2.").arg(type, eventError);
            r.problems << problem;
            provider.append({at, VisitRecord::Source::Provider, {}, problem});
            continue;
        }
        if (type == QLatin1String(ProviderStatusSync::kStatusCheckEvent)) {
            // A change made by "Check with provider", not by an event: said as such.
            const QString after = e->value(3).toString();
            provider.append({at,
                             VisitRecord::Source::Provider,
                             {},
                             after == QLatin1String("Canceled")
                                 ? tr("Status check with the provider: canceled there")
                             : after == QLatin1String("Prescribed")
                                 ? tr("Status check with the provider: resolved with a "
                                      "prescription")
                                 : tr("Status check with the provider: resolved without a "
                                      "prescription (referred)")});
            continue;
        }
        if (const QString label = StaffTimeline::label(type, payload);
            !label.isEmpty()) { // a name correction, a link, a care request: staff's
            provider.append({at, VisitRecord::Source::Staff, {}, label});
            continue;
        }
        if (type == QLatin1String(CareRequests::kNewPrescriptionEvent)) {
            // A titration or change the provider confirmed in its reply (no event follows).
            const bool titration =
                payload.value(QLatin1String("source")).toString() == QLatin1String("titration");
            VisitRecord::Prescription rx;
            rx.at = at;
            for (const QJsonValue &med : payload.value(QLatin1String("medsPrescribed")).toArray()) {
                const QJsonObject m = med.toObject();
                rx.medications.append({m.value(QLatin1String("name")).toString(),
                                       m.value(QLatin1String("strength")).toString(),
                                       m.value(QLatin1String("quantity")).toString(),
                                       m.value(QLatin1String("refills")).toString()});
            }
            r.prescriptions.append(rx);
            provider.append({at,
                             VisitRecord::Source::Provider,
                             {},
                             titration ? tr("Next titration prescription sent to the pharmacy")
                                       : tr("Changed prescription sent to the pharmacy")});
            continue;
        }
        if (auto lab = VisitLabs::add(r.labs, type, payload, at)) {
            provider.append({at, VisitRecord::Source::Provider, {}, *lab});
            continue;
        }
        auto parsed = VisitEvent::fromPayload(payload);
        if (!parsed) {
            const QString label = tr("%1 (unreadable: %2)").arg(type, parsed.error().message);
            provider.append({at, VisitRecord::Source::Provider, {}, label});
            continue;
        }
        const VisitEvent &ev = parsed.value();
        QString label;
        switch (ev.type) {
        case VisitEvent::Type::RxWritten: {
            VisitRecord::Prescription rx;
            rx.at = at;
            rx.doctor = payload.value(QLatin1String("docName")).toString();
            for (const QJsonValue &med : payload.value(QLatin1String("medsPrescribed")).toArray()) {
                const QJsonObject m = med.toObject();
                rx.medications.append({scalarText(m.value(QLatin1String("name"))),
                                       scalarText(m.value(QLatin1String("strength"))),
                                       scalarText(m.value(QLatin1String("quantity"))),
                                       scalarText(m.value(QLatin1String("refills")))});
            }
            r.prescriptions.append(rx);
            label = rx.doctor.isEmpty() ? tr("Prescription written")
                                        : tr("Prescription written by %1").arg(rx.doctor);
            break;
        }
        case VisitEvent::Type::ConsultConcluded:
            label = ev.outcome == VisitEvent::Outcome::Referred
                        ? tr("Consultation concluded: referred")
                        : tr("Consultation concluded: prescribed");
            break;
        case VisitEvent::Type::ConsultCanceled:
            label = tr("Consultation canceled by the provider");
            break;
        case VisitEvent::Type::DoctorChat:
        case VisitEvent::Type::CsMessage: {
            const bool doctor = ev.type == VisitEvent::Type::DoctorChat;
            VisitRecord::Message m;
            m.from = doctor ? VisitRecord::Message::From::Clinician
                            : VisitRecord::Message::From::Support;
            m.at = at;
            m.who = doctor ? tr("Clinician") : tr("Provider support");
            m.text = payload.value(QLatin1String("content")).toString();
            r.messages.append(m);
            label = doctor ? tr("Message from the clinician") : tr("Message from provider support");
            break;
        }
        case VisitEvent::Type::NameUpdate:
            label = NameCorrection::timelineLabel(payload, true);
            break;
        case VisitEvent::Type::PharmacyInFulfillment:
        case VisitEvent::Type::PharmacyShipped:
        case VisitEvent::Type::PharmacyDelivered: {
            VisitRecord::PharmacyOrder &p = r.pharmacy;
            p.present = true;
            const QString orderId = scalarText(payload.value(QLatin1String("orderId")));
            const QJsonObject info = payload.value(QLatin1String("info")).toObject();
            if (!orderId.isEmpty())
                p.orderId = orderId;
            if (const QString c = scalarText(info.value(QLatin1String("carrier"))); !c.isEmpty())
                p.carrier = c;
            if (const QString t = scalarText(info.value(QLatin1String("tracking"))); !t.isEmpty())
                p.tracking = t;
            p.updatedAt = at;
            label = ev.type == VisitEvent::Type::PharmacyInFulfillment
                        ? tr("Pharmacy order being filled")
                    : ev.type == VisitEvent::Type::PharmacyShipped ? tr("Pharmacy order shipped")
                                                                   : tr("Pharmacy order delivered");
            break;
        }
        case VisitEvent::Type::LabShippedToPatient: // VisitLabs::add above
        case VisitEvent::Type::LabDeliveredToPatient:
        case VisitEvent::Type::LabShippedToLab:
        case VisitEvent::Type::LabReceivedByLab:
        case VisitEvent::Type::LabResults:
        case VisitEvent::Type::LabRequisitionCreated:
            break;
        }
        provider.append({at, VisitRecord::Source::Provider, {}, label});
    }
    if (r.pharmacy.present)
        r.pharmacy.state = r.rxStatus;

    if (auto added = PatientMessageTimeline::addTo(local, db, cipher, r.id); !added)
        return added.error();

    // Merge: provider events keep their inbox order; local entries slot in by time.
    int i = 0;
    int j = 0;
    while (i < provider.size() || j < local.size()) {
        if (j >= local.size() || (i < provider.size() && provider[i].at < local[j].at))
            r.timeline.append(provider[i++]);
        else
            r.timeline.append(local[j++]);
    }
    std::stable_sort(r.messages.begin(), r.messages.end(),
                     [](const auto &a, const auto &b) { return a.at < b.at; });
    if (!r.problems.isEmpty())
        qCWarning(lcVisits) << "visit" << r.id
                            << "has sealed values that failed to open:" << r.problems.size();
    return r;
}

} // namespace clinicdesk
