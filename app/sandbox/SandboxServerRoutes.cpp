// SandboxServer's provider API endpoints: creating and fetching visits and patients, the chat
// and customer-service messages, the pharmacy search. SandboxServer.cpp has the HTTP layer, the
// routing, the faults and the control surface; this file only answers routed, authorised calls.
#include "SandboxServer.h"

#include "SandboxValidation.h"
#include "base/Logging.h"
#include "base/TimeText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace clinicdesk {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

SandboxServer::Reply SandboxServer::createVisit(const QJsonObject &body)
{
    ++m_counters[QStringLiteral("createNoPay")];
    const QString masterId = body.value(QLatin1String("masterId")).toString().trimmed();
    Reply reply;
    auto r = m_store->db().transaction([&]() -> Result<void> {
        if (!masterId.isEmpty()) {
            auto existing = m_store->visit(masterId);
            if (!existing)
                return existing.error();
            if (existing.value()) {
                ++m_counters[QStringLiteral("deduplicated")];
                reply = ok(QJsonObject{{QStringLiteral("masterId"), masterId},
                                       {QStringLiteral("visitId"), existing.value()->visitId}});
                return m_store->countCreateRequest(masterId);
            }
        }
        if (const QString error = SandboxValidation::createVisitError(body); !error.isEmpty()) {
            ++m_counters[QStringLiteral("refused")];
            reply = providerError(error);
            return {};
        }
        const QJsonObject form = body.value(QLatin1String("formObj")).toObject();
        SandboxStore::Visit v;
        v.masterId = masterId;
        v.phone = form.value(QLatin1String("phone")).toString();
        v.visitType = body.value(QLatin1String("visitType")).toString();
        auto open = m_store->openVisitCount(v.phone, v.visitType);
        if (!open)
            return open.error();
        if (open.value() > 0) {
            ++m_counters[QStringLiteral("refused")];
            reply = providerError(QStringLiteral("Patient not eligible for new visit"));
            return {};
        }
        const qint64 now = nowMs();
        v.visitId = QStringLiteral("v_") + QString::fromLatin1(crypto::randomBytes(8).toHex());
        v.visitStatus = QStringLiteral("active");
        v.resolvedStatus = QStringLiteral("open");
        v.createdAtMs = v.updatedAtMs = now;
        v.createRequests = 1;
        v.request = body;
        m_clinician->schedule(v, now);
        if (auto ins = m_store->insertVisit(v); !ins)
            return ins;
        if (auto p = m_store->upsertPatient(form, now); !p)
            return p;
        ++m_counters[QStringLiteral("created")];
        reply = ok(QJsonObject{{QStringLiteral("masterId"), masterId},
                               {QStringLiteral("visitId"), v.visitId}});
        return {};
    });
    if (!r) {
        qCWarning(lcSandbox) << "sandbox: createNoPay failed:" << r.error().message;
        return httpError(500, QStringLiteral("Internal server error"));
    }
    return reply;
}

SandboxServer::Reply SandboxServer::fetchVisit(const QString &masterId)
{
    auto v = m_store->visit(masterId);
    if (!v)
        return httpError(500, QStringLiteral("Internal server error"));
    if (!v.value())
        return providerError(QStringLiteral("Visit not found"), 404);
    auto rx = m_store->rxHistory(masterId);
    QJsonArray history;
    for (const QJsonObject &o : rx ? rx.value() : QList<QJsonObject>())
        history.append(o);
    const SandboxStore::Visit &visit = *v.value();
    return ok(
        QJsonObject{{QStringLiteral("masterId"), visit.masterId},
                    {QStringLiteral("visitId"), visit.visitId},
                    {QStringLiteral("visitType"), visit.visitType},
                    {QStringLiteral("visitStatus"), visit.visitStatus},
                    {QStringLiteral("resolvedStatus"), visit.resolvedStatus},
                    {QStringLiteral("updateTimestamp"), TimeText::utcFromMs(visit.updatedAtMs)},
                    {QStringLiteral("rxHistory"), history}});
}

SandboxServer::Reply SandboxServer::fetchPatient(const QString &phone)
{
    auto p = m_store->patient(phone);
    if (!p)
        return httpError(500, QStringLiteral("Internal server error"));
    if (!p.value())
        return providerError(QStringLiteral("Patient not found"), 404);
    QJsonObject data;
    for (const char *key : {"firstName", "lastName", "dob", "phone", "email", "state"})
        data.insert(QLatin1String(key), p.value()->value(QLatin1String(key)));
    QJsonArray visits;
    auto all = m_store->visitsOfPatient(phone);
    for (const SandboxStore::Visit &v : all ? all.value() : QList<SandboxStore::Visit>())
        visits.append(QJsonObject{{QStringLiteral("masterId"), v.masterId},
                                  {QStringLiteral("visitStatus"), v.visitStatus}});
    data.insert(QStringLiteral("visits"), visits);
    return ok(data);
}

// receiveChat and receiveCSMessage: the required fields (reported in this order), the visit,
// then the message and what the clinician does about it, in one transaction.
SandboxServer::Reply
SandboxServer::storeMessage(const QJsonObject &body, const QStringList &required,
                            const QString &sender, const QString &counter,
                            const std::function<Result<void>(const QString &)> &then)
{
    const QString masterId = body.value(QLatin1String("masterId")).toString();
    const QString content = body.value(QLatin1String("content")).toString().trimmed();
    QStringList bad;
    for (const QString &key : required) {
        if (body.value(key).toString().trimmed().isEmpty())
            bad << key;
    }
    if (!bad.isEmpty())
        return providerError(QStringLiteral("Payload contains bad fields: ") +
                             bad.join(QStringLiteral(", ")));
    auto v = m_store->visit(masterId);
    if (!v)
        return httpError(500, QStringLiteral("Internal server error"));
    if (!v.value())
        return providerError(QStringLiteral("Visit not found"), 404);
    auto r = m_store->db().transaction([&]() -> Result<void> {
        if (auto a = m_store->addMessage(masterId, sender, content, nowMs()); !a)
            return a;
        return then(masterId);
    });
    if (!r)
        return httpError(500, QStringLiteral("Internal server error"));
    ++m_counters[counter];
    return ok(QJsonObject{{QStringLiteral("masterId"), masterId}});
}

SandboxServer::Reply SandboxServer::receiveChat(const QJsonObject &body)
{
    return storeMessage(
        body,
        {QStringLiteral("firstName"), QStringLiteral("lastName"), QStringLiteral("content"),
         QStringLiteral("masterId")},
        QStringLiteral("staff"), QStringLiteral("chats"),
        [this](const QString &masterId) { return m_clinician->staffReplied(masterId); });
}

SandboxServer::Reply SandboxServer::receiveCsMessage(const QJsonObject &body)
{
    return storeMessage(
        body, {QStringLiteral("content"), QStringLiteral("masterId")}, QStringLiteral("cs"),
        QStringLiteral("csMessages"),
        [this](const QString &masterId) { return m_clinician->supportMessage(masterId); });
}

SandboxServer::Reply SandboxServer::pharmacies(const QJsonObject &body)
{
    const QString state = body.value(QLatin1String("state")).toString().trimmed().toUpper();
    const QString zip = body.value(QLatin1String("zip")).toString().trimmed();
    const QString city = body.value(QLatin1String("city")).toString().trimmed();
    const QString name = body.value(QLatin1String("name")).toString().trimmed();
    if (!state.isEmpty() && !SandboxValidation::isUsState(state))
        return providerError(QStringLiteral("State not valid"));
    QJsonArray list;
    for (int i = 1; i <= 3; ++i) {
        const QString id = QStringLiteral("ph_%1").arg(QString::fromLatin1(
            crypto::sha256((name + city + state + zip).toUtf8() + QByteArray::number(i))
                .toHex()
                .left(10)));
        list.append(
            QJsonObject{{QStringLiteral("pharmacyId"), id},
                        {QStringLiteral("name"),
                         QStringLiteral("%1 #%2")
                             .arg(name.isEmpty() ? QStringLiteral("Sandbox Pharmacy") : name)
                             .arg(i)},
                        {QStringLiteral("address"), QStringLiteral("%1 Main St").arg(100 * i)},
                        {QStringLiteral("city"), city.isEmpty() ? QStringLiteral("Austin") : city},
                        {QStringLiteral("state"), state.isEmpty() ? QStringLiteral("TX") : state},
                        {QStringLiteral("zip"), zip.isEmpty() ? QStringLiteral("78701") : zip}});
    }
    return ok(list);
}

} // namespace clinicdesk
