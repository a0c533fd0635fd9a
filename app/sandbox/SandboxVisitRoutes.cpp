#include "SandboxVisitRoutes.h"

#include "SandboxAttachments.h"
#include "SandboxCheckin.h"
#include "SandboxClinician.h"
#include "SandboxClock.h"
#include "SandboxContext.h"
#include "SandboxStore.h"
#include "SandboxValidation.h"
#include "base/Logging.h"
#include "base/TimeText.h"
#include "crypto/Crypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace clinicdesk {
namespace {

const QString kCreate = QStringLiteral("/visit/createNoPay");
const QString kCreatePhotos = QStringLiteral("/visit/createNoPayPhotos");
const QString kVisitFetch = QStringLiteral("/visit/externalFetch/");
const QString kPatientFetch = QStringLiteral("/patient/externalFetch/");
const QString kUpdateName = QStringLiteral("/external/updateName");

QString isoUtc(qint64 ms)
{
    return TimeText::utcFromMs(ms);
}

SandboxReply internalError()
{
    return SandboxReply::httpError(500, QStringLiteral("Internal server error"));
}

// The intake as the provider's clinicians read it: each Qn with its An, in order, then a
// check-in's titration and BMI.
QJsonArray intakeResults(const QJsonObject &form)
{
    static const QRegularExpression question(QStringLiteral("^Q([1-9][0-9]*)$"));
    QList<int> numbers;
    for (auto it = form.begin(); it != form.end(); ++it) {
        const auto m = question.match(it.key());
        if (m.hasMatch())
            numbers << m.captured(1).toInt();
    }
    std::sort(numbers.begin(), numbers.end());
    QJsonArray results;
    for (const int n : numbers)
        results.append(
            QJsonObject{{QStringLiteral("question"), form.value(QStringLiteral("Q%1").arg(n))},
                        {QStringLiteral("answer"), form.value(QStringLiteral("A%1").arg(n))}});
    for (const char *key : {"titration", "BMI"}) {
        if (form.contains(QLatin1String(key)))
            results.append(QJsonObject{{QStringLiteral("question"), QString::fromLatin1(key)},
                                       {QStringLiteral("answer"), form.value(QLatin1String(key))}});
    }
    return results;
}

bool isNamePart(const QJsonValue &v)
{
    static const QRegularExpression name(QStringLiteral("^[\\p{L}\\p{M}' .-]{1,100}$"));
    return v.isString() && !v.toString().trimmed().isEmpty() &&
           name.match(v.toString().trimmed()).hasMatch();
}

} // namespace

bool SandboxVisitRoutes::owns(const QString &path) const
{
    return path == kCreate || path == kCreatePhotos || path == kUpdateName ||
           !tail(path, kVisitFetch).isEmpty() || !tail(path, kPatientFetch).isEmpty();
}

SandboxReply SandboxVisitRoutes::unauthorised(const QString &path) const
{
    if (path.startsWith(kVisitFetch) || path.startsWith(kPatientFetch))
        return SandboxReply::empty(400);
    return SandboxRoutes::unauthorised(path);
}

SandboxReply SandboxVisitRoutes::handle(const Call &call)
{
    if (call.post() && call.path == kCreate)
        return createVisit(call.json, false);
    if (call.post() && call.path == kCreatePhotos)
        return createVisit(call.json, true);
    if (call.post() && call.path == kUpdateName)
        return updateName(call.json);
    if (call.get() && !tail(call.path, kVisitFetch).isEmpty())
        return fetchVisit(tail(call.path, kVisitFetch));
    if (call.get() && !tail(call.path, kPatientFetch).isEmpty())
        return fetchPatient(tail(call.path, kPatientFetch));
    return SandboxReply::methodNotAllowed(call.path.contains(QLatin1String("externalFetch"))
                                              ? QByteArray("GET")
                                              : QByteArray("POST"));
}

SandboxReply SandboxVisitRoutes::createVisit(const QJsonObject &body, bool photos)
{
    auto &counters = m_ctx.counters;
    ++counters[photos ? QStringLiteral("createNoPayPhotos") : QStringLiteral("createNoPay")];
    SandboxStore &store = m_ctx.store;
    const QString masterId = body.value(QLatin1String("masterId")).toString().trimmed();
    SandboxReply reply;
    auto refuse = [&](const QString &error) {
        ++counters[QStringLiteral("refused")];
        reply = SandboxReply::providerError(error);
        return Result<void>();
    };
    auto r = store.db().transaction([&]() -> Result<void> {
        if (!masterId.isEmpty()) {
            auto existing = store.visit(masterId);
            if (!existing)
                return existing.error();
            if (existing.value()) {
                ++counters[QStringLiteral("deduplicated")];
                reply = SandboxReply::ok(
                    QJsonObject{{QStringLiteral("masterId"), masterId},
                                {QStringLiteral("visitId"), existing.value()->visitId}});
                return store.countCreateRequest(masterId);
            }
        }
        if (const QString error = SandboxValidation::createVisitError(body, photos);
            !error.isEmpty())
            return refuse(error);
        const QJsonObject form = body.value(QLatin1String("formObj")).toObject();
        SandboxStore::Visit v;
        v.masterId = masterId;
        v.phone = form.value(QLatin1String("phone")).toString();
        v.visitType = body.value(QLatin1String("visitType")).toString();
        const qint64 now = m_ctx.clock.nowMs();
        const bool checkin = v.visitType == SandboxCheckin::kVisitType;
        if (checkin) {
            auto all = store.visitsOfPatient(v.phone);
            if (!all)
                return all.error();
            const QString error = SandboxCheckin::eligibilityError(
                all.value(), body.value(QLatin1String("company")).toString().trimmed(), now);
            if (!error.isEmpty())
                return refuse(error);
        }
        auto open = store.openVisitCount(v.phone, v.visitType);
        if (!open)
            return open.error();
        if (open.value() > 0)
            return refuse(QStringLiteral("Patient not eligible for new visit"));
        v.visitId = QStringLiteral("v_") + QString::fromLatin1(crypto::randomBytes(8).toHex());
        v.visitStatus = photos ? QStringLiteral("holding") : QStringLiteral("active");
        v.resolvedStatus = QStringLiteral("open");
        v.createdAtMs = v.updatedAtMs = now;
        v.createRequests = 1;
        v.request = body;
        v.photosRequired = photos;
        if (photos)
            v.idStatus = QStringLiteral("awaiting");
        else if (body.value(QLatin1String("patientVerified")).toBool())
            v.idStatus = QStringLiteral("approved"); // the clinic verified the ID itself
        if (!photos)
            m_ctx.clinician.schedule(v, now);
        if (auto ins = store.insertVisit(v); !ins)
            return ins;
        if (auto p = store.upsertPatient(form, now); !p)
            return p;
        ++counters[QStringLiteral("created")];
        reply = SandboxReply::ok(QJsonObject{{QStringLiteral("masterId"), masterId},
                                             {QStringLiteral("visitId"), v.visitId}});
        if (checkin && SandboxCheckin::needsFollowup(form))
            reply.body.insert(QStringLiteral("info"), SandboxCheckin::kFollowupInfo);
        return {};
    });
    if (!r) {
        qCWarning(lcService) << "sandbox: createNoPay failed:" << r.error().message;
        return internalError();
    }
    return reply;
}

SandboxReply SandboxVisitRoutes::fetchVisit(const QString &masterId)
{
    auto v = m_ctx.store.visit(masterId);
    if (!v)
        return internalError();
    if (!v.value())
        return SandboxReply::providerError(QStringLiteral("Visit not found"));
    auto rx = m_ctx.store.prescriptions(masterId);
    auto labs = m_ctx.attachments.labResults(masterId);
    if (!rx || !labs)
        return internalError();
    QJsonArray history;
    for (const SandboxStore::Rx &r : rx.value()) {
        QJsonObject o = r.rx;
        o.insert(QStringLiteral("writtenAt"), isoUtc(r.atMs));
        history.append(o);
    }
    const SandboxStore::Visit &visit = *v.value();
    SandboxReply reply = SandboxReply::ok(
        QJsonObject{{QStringLiteral("masterId"), visit.masterId},
                    {QStringLiteral("visitId"), visit.visitId},
                    {QStringLiteral("visitType"), visit.visitType},
                    {QStringLiteral("visitStatus"), visit.visitStatus},
                    {QStringLiteral("resolvedStatus"), visit.resolvedStatus},
                    {QStringLiteral("updateTimestamp"), isoUtc(visit.updatedAtMs)},
                    {QStringLiteral("rxHistory"), history},
                    {QStringLiteral("labResults"), labs.value()},
                    {QStringLiteral("intakeResults"),
                     intakeResults(visit.request.value(QLatin1String("formObj")).toObject())}});
    // Integrators' code reads labResults beside data as well as inside it.
    reply.body.insert(QStringLiteral("labResults"), labs.value());
    return reply;
}

SandboxReply SandboxVisitRoutes::fetchPatient(const QString &phone)
{
    auto p = m_ctx.store.patient(phone);
    if (!p)
        return internalError();
    if (!p.value())
        return SandboxReply::providerError(QStringLiteral("Patient not found"));
    QJsonObject data;
    for (const char *key : {"firstName", "lastName", "dob", "sex", "phone", "email", "address",
                            "city", "state", "zip"})
        data.insert(QLatin1String(key), p.value()->value(QLatin1String(key)));
    QJsonArray visits;
    auto all = m_ctx.store.visitsOfPatient(phone);
    for (const SandboxStore::Visit &v : all ? all.value() : QList<SandboxStore::Visit>())
        visits.append(QJsonObject{{QStringLiteral("masterId"), v.masterId},
                                  {QStringLiteral("visitType"), v.visitType},
                                  {QStringLiteral("visitStatus"), v.visitStatus}});
    data.insert(QStringLiteral("visits"), visits);
    return SandboxReply::ok(data);
}

// Field errors first ("Data format incorrect"), then the visit, then whether the name may still
// change: not once the ID is approved, not on a canceled visit.
SandboxReply SandboxVisitRoutes::updateName(const QJsonObject &body)
{
    ++m_ctx.counters[QStringLiteral("updateName")];
    const QString masterId = body.value(QLatin1String("masterId")).toString().trimmed();
    const QJsonValue first = body.value(QLatin1String("firstName"));
    const QJsonValue last = body.value(QLatin1String("lastName"));
    if (masterId.isEmpty() || !isNamePart(first) || !isNamePart(last))
        return SandboxReply::info(400, QStringLiteral("Data format incorrect"));
    SandboxReply reply;
    auto r = m_ctx.store.db().transaction([&]() -> Result<void> {
        auto v = m_ctx.store.visit(masterId);
        if (!v)
            return v.error();
        if (!v.value()) {
            reply = SandboxReply::info(400, QStringLiteral("Visit does not exist"));
            return {};
        }
        SandboxStore::Visit visit = *v.value();
        if (visit.idStatus == QLatin1String("approved")) {
            reply = SandboxReply::info(400, QStringLiteral("Name change no longer allowed"));
            return {};
        }
        if (visit.visitStatus == QLatin1String("canceled")) {
            reply = SandboxReply::info(400, QStringLiteral("Error accepting name change"));
            return {};
        }
        QJsonObject form = visit.request.value(QLatin1String("formObj")).toObject();
        form.insert(QStringLiteral("firstName"), first.toString().trimmed());
        form.insert(QStringLiteral("lastName"), last.toString().trimmed());
        visit.request.insert(QStringLiteral("formObj"), form);
        const qint64 now = m_ctx.clock.nowMs();
        visit.updatedAtMs = now;
        if (auto u = m_ctx.store.updateRequest(masterId, visit.request); !u)
            return u;
        if (auto u = m_ctx.store.updateVisit(visit); !u)
            return u;
        if (auto u = m_ctx.store.upsertPatient(form, now); !u)
            return u;
        reply = SandboxReply::info(200, QStringLiteral("Successfully updated patient name"));
        return m_ctx.clinician.emitEvent(
            masterId, QStringLiteral("NAME_UPDATE"),
            {{QStringLiteral("firstName"), form.value(QLatin1String("firstName"))},
             {QStringLiteral("lastName"), form.value(QLatin1String("lastName"))}});
    });
    if (!r) {
        qCWarning(lcService) << "sandbox: updateName failed:" << r.error().message;
        return SandboxReply::info(400, QStringLiteral("Error accepting name change"));
    }
    return reply;
}

} // namespace clinicdesk
