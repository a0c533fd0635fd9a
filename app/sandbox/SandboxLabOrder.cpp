#include "SandboxLabOrder.h"

#include "SandboxAttachments.h"
#include "SandboxClinician.h"
#include "SandboxClock.h"
#include "SandboxPdf.h"
#include "SandboxStore.h"
#include "crypto/Crypto.h"

#include <QDateTime>
#include <QJsonArray>

namespace clinicdesk {
namespace {

QString shortId(const char *prefix)
{
    return QString::fromLatin1(prefix) + QString::fromLatin1(crypto::randomBytes(6).toHex());
}

struct Test
{
    const char *name;
    const char *value;
    const char *unit;
    const char *range;
};

constexpr Test kPanel[] = {
    {"Hemoglobin A1c", "5.4", "%", "4.0-5.6"}, {"Glucose, fasting", "92", "mg/dL", "70-99"},
    {"TSH", "2.1", "mIU/L", "0.4-4.0"},        {"Lipase", "35", "U/L", "13-60"},
    {"Creatinine", "0.9", "mg/dL", "0.6-1.3"},
};

} // namespace

SandboxLabOrder::SandboxLabOrder(SandboxStore &store, SandboxAttachments &attachments,
                                 SandboxClinician &clinician, const SandboxClock &clock)
    : m_store(store)
    , m_attachments(attachments)
    , m_clinician(clinician)
    , m_clock(clock)
{}

Result<QJsonObject> SandboxLabOrder::run(const QString &masterId)
{
    auto v = m_store.visit(masterId);
    if (!v)
        return v.error();
    if (!v.value())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such visit"));
    const QJsonObject form = v.value()->request.value(QLatin1String("formObj")).toObject();
    const QString orderId = shortId("lab_");
    const QString now =
        QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC).toString(Qt::ISODate);

    QStringList tests;
    QJsonArray results;
    for (const Test &t : kPanel) {
        tests << QString::fromLatin1(t.name);
        results.append(QJsonObject{{QStringLiteral("orderId"), orderId},
                                   {QStringLiteral("test"), QString::fromLatin1(t.name)},
                                   {QStringLiteral("value"), QString::fromLatin1(t.value)},
                                   {QStringLiteral("unit"), QString::fromLatin1(t.unit)},
                                   {QStringLiteral("referenceRange"), QString::fromLatin1(t.range)},
                                   {QStringLiteral("flag"), QStringLiteral("normal")},
                                   {QStringLiteral("resultedAt"), now}});
    }
    const QByteArray pdf = SandboxPdf::document(
        QStringLiteral("Laboratory requisition"),
        {QStringLiteral("Order: %1").arg(orderId),
         QStringLiteral("Patient: %1 %2")
             .arg(form.value(QLatin1String("firstName")).toString(),
                  form.value(QLatin1String("lastName")).toString()),
         QStringLiteral("Date of birth: %1").arg(form.value(QLatin1String("dob")).toString()),
         QStringLiteral("Tests: %1").arg(tests.join(QStringLiteral("; "))),
         QStringLiteral("Collection: fasting for 8 hours before the sample"),
         QStringLiteral("Ordering clinician: Dr. Sandbox Clinician"),
         QStringLiteral("Issued: %1 by clinicdesk-sandbox (test data)").arg(now)});

    const QJsonObject toPatient{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                                {QStringLiteral("tracking"), shortId("1Z")}};
    const QJsonObject toLab{{QStringLiteral("carrier"), QStringLiteral("FedEx")},
                            {QStringLiteral("tracking"), shortId("7")}};
    const QJsonObject order{{QStringLiteral("orderId"), orderId}};
    auto with = [&order](const QString &key, const QJsonValue &value) {
        QJsonObject o = order;
        o.insert(key, value);
        return o;
    };
    const QList<std::pair<QString, QJsonObject>> events = {
        {QStringLiteral("LAB_ORDER_SHIPPED_TO_PATIENT"), with(QStringLiteral("info"), toPatient)},
        {QStringLiteral("LAB_ORDER_DELIVERED_TO_PATIENT"), with(QStringLiteral("info"), toPatient)},
        {QStringLiteral("LAB_ORDER_SHIPPED_TO_LAB"), with(QStringLiteral("info"), toLab)},
        {QStringLiteral("LAB_ORDER_RECEIVED_BY_LAB"), order},
        {QStringLiteral("LAB_ORDER_RESULTS"),
         with(QStringLiteral("bookingLink"),
              QStringLiteral("https://labs.sandbox.invalid/book/%1").arg(orderId))},
        {QStringLiteral("LAB_ORDER_REQUISITION_CREATED"),
         with(QStringLiteral("labReqPdf"), QString::fromLatin1(pdf.toBase64()))},
    };
    QJsonArray names;
    auto r = m_store.db().transaction([&]() -> Result<void> {
        for (const auto &[event, fields] : events) {
            if (auto e = m_clinician.emitEvent(masterId, event, fields); !e)
                return e;
            names.append(event);
        }
        return m_attachments.setLabResults(masterId, results);
    });
    if (!r)
        return r.error();
    return QJsonObject{{QStringLiteral("orderId"), orderId}, {QStringLiteral("events"), names}};
}

} // namespace clinicdesk
