// BelugaAdapter, continued: the rest of the provider's surface (photos and documents, pharmacies,
// prescription changes and titrations, name corrections, the full reads). Still the adapter: the
// only place besides BelugaAdapter.cpp that spells the provider's paths, fields and texts.
#include "provider/BelugaAdapter.h"

#include "intake/DemographicRules.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace clinicdesk {
namespace {

QString text(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString().trimmed();
}

QString field(const QJsonObject &o, const char *key)
{
    return text(o.value(QLatin1String(key)));
}

void insertText(QJsonObject &obj, const QString &key, const QString &value)
{
    if (!value.trimmed().isEmpty())
        obj.insert(key, value.trimmed());
}

QDateTime utc(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

const QList<std::pair<QString, CareStatus>> &careStatuses()
{
    using S = CareStatus;
    static const QList<std::pair<QString, CareStatus>> all = {
        {QStringLiteral("NEW_RX_SENT"), S::NewRxSent},
        {QStringLiteral("VISIT_DATA_UPDATED"), S::VisitDataUpdated},
        {QStringLiteral("NO_VISIT"), S::NoVisit},
        {QStringLiteral("VISIT_WAS_REFERRED"), S::VisitWasReferred},
        {QStringLiteral("TOO_MANY_RETRIES"), S::TooManyRetries},
        {QStringLiteral("CATEGORY_MISMATCH"), S::CategoryMismatch},
        {QStringLiteral("PHARMACY_MISMATCH"), S::PharmacyMismatch},
        {QStringLiteral("TOO_LONG_AGO"), S::TooLongAgo},
        {QStringLiteral("DURATION_MISMATCH"), S::DurationMismatch},
        {QStringLiteral("TITRATION_MISMATCH"), S::TitrationMismatch},
        {QStringLiteral("RX_ERROR"), S::RxError},
        {QStringLiteral("GENERIC"), S::Generic},
        {QStringLiteral("NOT_RESOLVED"), S::NotResolved},
        {QStringLiteral("VISIT_MISMATCH"), S::VisitMismatch},
        {QStringLiteral("MAX_MONTHS_REACHED"), S::MaxMonthsReached},
        {QStringLiteral("NEEDS_CHECKIN"), S::NeedsCheckin},
        {QStringLiteral("FOLLOWUP_REQUIRED"), S::FollowupRequired},
        {QStringLiteral("TOO_MANY_ITEMS"), S::TooManyItems},
        {QStringLiteral("RX_TIME_OUT_OF_RANGE"), S::RxTimeOutOfRange},
    };
    return all;
}

CareStatus careStatus(const QString &name)
{
    for (const auto &[n, s] : careStatuses()) {
        if (n == name)
            return s;
    }
    return CareStatus::Unknown;
}

// A care status is a name; "400" or 500 are the provider's numeric habit (errors, faults).
bool isStatusName(const QJsonValue &v)
{
    bool numeric = false;
    v.toString().toInt(&numeric);
    return v.isString() && !v.toString().isEmpty() && !numeric;
}

QJsonObject preferenceItem(const MedicationPreference &p)
{
    QJsonObject item;
    insertText(item, QStringLiteral("name"), p.name);
    insertText(item, QStringLiteral("strength"), p.strength);
    insertText(item, QStringLiteral("quantity"), p.quantity);
    insertText(item, QStringLiteral("refills"), p.refills);
    if (p.daysSupply > 0)
        item.insert(QStringLiteral("daysSupply"), p.daysSupply);
    insertText(item, QStringLiteral("medId"), p.medId);
    return item;
}

PrescribedMedication prescribed(const QJsonObject &m)
{
    // The reply's rx* names; a webhook's or history's plain names where those are missing.
    auto either = [&m](const char *rx, const char *plain) {
        const QString value = field(m, rx);
        return value.isEmpty() ? field(m, plain) : value;
    };
    return {either("rxName", "name"),
            either("rxStrength", "strength"),
            either("rxRefills", "refills"),
            either("rxQuantity", "quantity"),
            field(m, "rxId"),
            field(m, "medId")};
}

} // namespace

QString BelugaAdapter::routePath(ProviderRoute route)
{
    switch (route) {
    case ProviderRoute::CreateVisit:
        return createVisitPath();
    case ProviderRoute::CreateVisitWithPhotos:
        return QStringLiteral("/visit/createNoPayPhotos");
    case ProviderRoute::Photos:
        return QStringLiteral("/external/receivePhotos");
    case ProviderRoute::Pdf:
        return QStringLiteral("/external/receivePdf");
    case ProviderRoute::StaffChat:
        return staffChatPath();
    case ProviderRoute::SupportMessage:
        return supportMessagePath();
    case ProviderRoute::PharmacySearch:
        return pharmacySearchPath();
    case ProviderRoute::UpdateVisit:
        return QStringLiteral("/external/updateVisit");
    case ProviderRoute::NextTitration:
        return QStringLiteral("/external/nextTitration");
    case ProviderRoute::UpdateName:
        return QStringLiteral("/external/updateName");
    }
    return {};
}

ProviderResult BelugaAdapter::normalise(ProviderRoute route, int httpStatus, const QByteArray &body)
{
    const bool care = route == ProviderRoute::UpdateVisit || route == ProviderRoute::NextTitration;
    const QJsonObject obj = QJsonDocument::fromJson(body).object();
    const QJsonValue status = obj.value(QLatin1String("status"));
    if (!care || httpStatus < 200 || httpStatus > 299 || !isStatusName(status))
        return normaliseReply(httpStatus, body);
    ProviderResult r;
    r.httpStatus = httpStatus;
    r.data = obj;
    r.info = field(obj, "info");
    const CareStatus s = careStatus(status.toString());
    const bool accepted = s == CareStatus::NewRxSent || s == CareStatus::VisitDataUpdated;
    r.outcome = accepted ? ProviderResult::Outcome::Ok : ProviderResult::Outcome::Refused;
    r.providerStatus = accepted ? 200 : 400;
    if (!accepted)
        r.message = r.info.isEmpty() ? status.toString() : r.info;
    return r;
}

ProviderResult BelugaAdapter::normaliseRead(int httpStatus, const QByteArray &body)
{
    if (httpStatus == 400 && body.trimmed().isEmpty()) {
        ProviderResult r;
        r.httpStatus = httpStatus;
        r.outcome = ProviderResult::Outcome::Unauthorized;
        r.message = QStringLiteral("the provider did not accept the API key");
        return r;
    }
    return normaliseReply(httpStatus, body);
}

QJsonObject BelugaAdapter::withApiKey(ProviderRoute route, QJsonObject body,
                                      const QByteArray &apiKey)
{
    if (route == ProviderRoute::UpdateVisit)
        body.insert(QStringLiteral("apiKey"), QString::fromUtf8(apiKey));
    return body;
}

QJsonObject BelugaAdapter::withVerifiedId(QJsonObject body, const QString &verificationId)
{
    body.insert(QStringLiteral("patientVerified"), true);
    body.insert(QStringLiteral("verificationId"), verificationId.trimmed());
    return body;
}

QJsonObject BelugaAdapter::asCheckin(QJsonObject body, CheckinTitration titration, int bmi)
{
    QJsonObject form = body.value(QLatin1String("formObj")).toObject();
    form.remove(QStringLiteral("patientPreference"));
    form.insert(QStringLiteral("titration"),
                titration == CheckinTitration::Increase   ? QStringLiteral("Increase")
                : titration == CheckinTitration::Decrease ? QStringLiteral("Decrease")
                                                          : QStringLiteral("Stay the same"));
    form.insert(QStringLiteral("BMI"), QString::number(bmi));
    body.insert(QStringLiteral("formObj"), form);
    body.insert(QStringLiteral("visitType"), QStringLiteral("weightlossCheckin"));
    return body;
}

QJsonObject BelugaAdapter::photosBody(const QString &providerVisitId,
                                      const QList<ProviderImage> &images)
{
    QJsonArray list;
    for (const ProviderImage &image : images)
        list.append(
            QJsonObject{{QStringLiteral("mime"), image.mime},
                        {QStringLiteral("data"), QString::fromLatin1(image.bytes.toBase64())}});
    return {{QStringLiteral("visitId"), providerVisitId}, {QStringLiteral("images"), list}};
}

QJsonObject BelugaAdapter::pdfBody(const QString &providerVisitId, const QByteArray &pdf)
{
    return {{QStringLiteral("visitId"), providerVisitId},
            {QStringLiteral("image"),
             QJsonObject{{QStringLiteral("mime"), QStringLiteral("application/pdf")},
                         {QStringLiteral("data"), QString::fromLatin1(pdf.toBase64())}}}};
}

QJsonObject BelugaAdapter::staffMediaBody(const QString &firstName, const QString &lastName,
                                          const QByteArray &jpeg, const QString &masterId)
{
    QJsonObject body = staffChatBody(firstName, lastName, QString(), masterId);
    body.insert(QStringLiteral("content"), QString::fromLatin1(jpeg.toBase64()));
    body.insert(QStringLiteral("isMedia"), true);
    return body;
}

QJsonObject BelugaAdapter::pharmacySearchBody(const PharmacySearch &s)
{
    return pharmacySearchBody(s.name, s.city, s.state, s.zip);
}

QJsonObject BelugaAdapter::updateVisitBody(const PrescriptionRequest &request)
{
    QJsonObject body{{QStringLiteral("masterId"), request.masterId}};
    insertText(body, QStringLiteral("pharmacyId"), request.pharmacyId);
    QJsonArray preference;
    for (const MedicationPreference &p : request.preference)
        preference.append(preferenceItem(p));
    if (!preference.isEmpty())
        body.insert(QStringLiteral("patientPreference"), preference);
    return body;
}

QJsonObject BelugaAdapter::nextTitrationBody(const PrescriptionRequest &request)
{
    QJsonArray preference;
    for (const MedicationPreference &p : request.preference)
        preference.append(preferenceItem(p));
    return {{QStringLiteral("patientPreference"), preference},
            {QStringLiteral("pharmacyId"), request.pharmacyId.trimmed()},
            {QStringLiteral("masterId"), request.masterId}};
}

QString BelugaAdapter::sentPharmacyId(const QJsonObject &createVisitBody)
{
    return field(createVisitBody, "pharmacyId");
}

QList<MedicationPreference> BelugaAdapter::sentPreference(const QJsonObject &createVisitBody)
{
    QList<MedicationPreference> out;
    const QJsonArray items = createVisitBody.value(QLatin1String("formObj"))
                                 .toObject()
                                 .value(QLatin1String("patientPreference"))
                                 .toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject m = v.toObject();
        out.append({field(m, "name"), field(m, "strength"), field(m, "quantity"),
                    field(m, "refills"), field(m, "daysSupply").toInt(), field(m, "medId")});
    }
    return out;
}

QJsonObject BelugaAdapter::updateNameBody(const QString &masterId, const QString &firstName,
                                          const QString &lastName)
{
    return {{QStringLiteral("masterId"), masterId},
            {QStringLiteral("firstName"), firstName.trimmed()},
            {QStringLiteral("lastName"), lastName.trimmed()}};
}

QList<Pharmacy> BelugaAdapter::pharmacies(const QJsonValue &data)
{
    QList<Pharmacy> all;
    for (const QJsonValue &v : data.toArray()) {
        const QJsonObject o = v.toObject();
        Pharmacy p{field(o, "pharmacyId"), field(o, "name"), field(o, "address"), field(o, "city"),
                   field(o, "state"),      field(o, "zip"),  field(o, "phone")};
        if (o.value(QLatin1String("pharmacyId")).isDouble()) // ids may come as numbers
            p.pharmacyId = QString::number(o.value(QLatin1String("pharmacyId")).toInteger());
        if (!p.pharmacyId.isEmpty())
            all << p;
    }
    return all;
}

CareReply BelugaAdapter::careReply(const ProviderResult &result)
{
    CareReply reply;
    const QJsonObject obj = result.data.toObject();
    if (isStatusName(obj.value(QLatin1String("status")))) {
        reply.providerStatus = obj.value(QLatin1String("status")).toString();
        reply.status = careStatus(reply.providerStatus);
        reply.info = field(obj, "info");
        for (const QJsonValue &m : obj.value(QLatin1String("medsPrescribed")).toArray())
            reply.medsPrescribed << prescribed(m.toObject());
    } else if (result.outcome == ProviderResult::Outcome::Refused ||
               result.outcome == ProviderResult::Outcome::NotFound) {
        reply.status = CareStatus::Generic; // e.g. an HTTP 400 "Invalid JSON"
        reply.info = result.message;
    }
    return reply;
}

UploadStatus BelugaAdapter::uploadStatus(const ProviderResult &result)
{
    switch (result.outcome) {
    case ProviderResult::Outcome::Ok:
        return UploadStatus::Accepted;
    case ProviderResult::Outcome::NotFound:
        return UploadStatus::VisitMissing;
    case ProviderResult::Outcome::Refused:
        return UploadStatus::NotAccepted;
    default:
        return UploadStatus::NoReply;
    }
}

NameChangeStatus BelugaAdapter::nameChangeStatus(const ProviderResult &result)
{
    using O = ProviderResult::Outcome;
    if (result.outcome == O::Ok)
        return NameChangeStatus::Updated;
    if (result.outcome == O::NotFound)
        return NameChangeStatus::VisitMissing;
    if (result.outcome != O::Refused)
        return NameChangeStatus::NoReply;
    if (result.message == QLatin1String("Name change no longer allowed"))
        return NameChangeStatus::NoLongerAllowed;
    if (result.message == QLatin1String("Data format incorrect"))
        return NameChangeStatus::BadFormat;
    return NameChangeStatus::NotAccepted;
}

ProviderPatient BelugaAdapter::patient(const QJsonValue &data)
{
    const QJsonObject o = data.toObject();
    ProviderPatient p;
    p.firstName = field(o, "firstName");
    p.lastName = field(o, "lastName");
    p.dob = QDate::fromString(field(o, "dob"), QStringLiteral("MM/dd/yyyy"));
    p.sex = field(o, "sex");
    p.phone = DemographicRules::usPhoneDigits(field(o, "phone"));
    p.email = field(o, "email");
    p.address = field(o, "address");
    p.city = field(o, "city");
    p.state = field(o, "state");
    p.zip = field(o, "zip");
    for (const QJsonValue &v : o.value(QLatin1String("visits")).toArray()) {
        ProviderPatient::Visit visit;
        if (v.isString()) { // a bare masterId
            visit.masterId = v.toString();
        } else {
            const QJsonObject vo = v.toObject();
            visit.masterId = field(vo, "masterId");
            visit.visitType = field(vo, "visitType");
            visit.stage = visitStatus(vo).stage;
        }
        if (!visit.masterId.isEmpty())
            p.visits << visit;
    }
    return p;
}

ProviderVisitDetails BelugaAdapter::visitDetails(const QJsonValue &data)
{
    const QJsonObject o = data.toObject();
    ProviderVisitDetails d;
    d.status = visitStatus(o);
    d.visitType = field(o, "visitType");
    for (const QJsonValue &v : o.value(QLatin1String("rxHistory")).toArray()) {
        const QJsonObject rx = v.toObject();
        ProviderPrescription p;
        p.writtenAt = utc(rx.value(QLatin1String("writtenAt")));
        p.doctor = field(rx, "docName");
        p.pharmacyId = field(rx, "pharmacyId");
        for (const QJsonValue &m : rx.value(QLatin1String("medsPrescribed")).toArray())
            p.medications << prescribed(m.toObject());
        d.rxHistory << p;
    }
    for (const QJsonValue &v : o.value(QLatin1String("labResults")).toArray()) {
        const QJsonObject l = v.toObject();
        d.labResults << LabResult{field(l, "orderId"),
                                  field(l, "test"),
                                  field(l, "value"),
                                  field(l, "unit"),
                                  field(l, "referenceRange"),
                                  field(l, "flag"),
                                  utc(l.value(QLatin1String("resultedAt")))};
    }
    for (const QJsonValue &v : o.value(QLatin1String("intakeResults")).toArray())
        d.intakeResults << IntakeAnswer{field(v.toObject(), "question"),
                                        field(v.toObject(), "answer")};
    return d;
}

bool BelugaAdapter::needsFollowup(const ProviderResult &createResult)
{
    return createResult.ok() &&
           createResult.info == QLatin1String("Patient needs to submit a followup visit");
}

} // namespace clinicdesk
