#include "SandboxValidation.h"

#include "SandboxCheckin.h"
#include "SandboxPharmacyDirectory.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace clinicdesk {
namespace {

const QStringList &usStates()
{
    static const QStringList all =
        QStringLiteral("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA "
                       "ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
                       "PA RI SC SD TN TX UT VT VA WA WV WI WY")
            .split(QLatin1Char(' '));
    return all;
}

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(QStringLiteral("^(?:%1)$").arg(pattern)).match(value).hasMatch();
}

bool isBlank(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().trimmed().isEmpty()) ||
           (v.isArray() && v.toArray().isEmpty());
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

} // namespace

const QStringList &SandboxValidation::visitTypes()
{
    static const QStringList all = {
        QStringLiteral("weightloss"), QStringLiteral("weightlossfollowup"),
        QStringLiteral("ED"),         QStringLiteral("PE"),
        QStringLiteral("hairloss"),   QStringLiteral("weightlossCheckin")};
    return all;
}

bool SandboxValidation::isUsState(const QString &code)
{
    return usStates().contains(code);
}

QStringList SandboxValidation::badFields(const QJsonObject &body, bool photoVisit)
{
    QStringList bad;
    const QString masterId = text(body, "masterId");
    if (masterId.isEmpty() || masterId.size() > 100)
        bad << QStringLiteral("masterId");
    if (!visitTypes().contains(text(body, "visitType")))
        bad << QStringLiteral("visitType");
    for (const char *key : {"pharmacyId", "company"}) {
        if (body.contains(QLatin1String(key)) && isBlank(body.value(QLatin1String(key))))
            bad << QString::fromLatin1(key);
    }
    if (!bad.contains(QStringLiteral("pharmacyId")) && body.contains(QLatin1String("pharmacyId")) &&
        !SandboxPharmacyDirectory::find(body.value(QLatin1String("pharmacyId")).toString()))
        bad << QStringLiteral("pharmacyId");
    const bool verified = body.contains(QLatin1String("patientVerified"));
    if (verified &&
        (photoVisit || body.value(QLatin1String("patientVerified")) != QJsonValue(true)))
        bad << QStringLiteral("patientVerified");
    const QString verificationId = text(body, "verificationId");
    if ((verified || body.contains(QLatin1String("verificationId"))) &&
        (!body.value(QLatin1String("verificationId")).isString() || verificationId.isEmpty() ||
         verificationId.size() > 100 || !verified))
        bad << QStringLiteral("verificationId");
    const bool checkin = text(body, "visitType") == SandboxCheckin::kVisitType;
    if (!body.value(QLatin1String("formObj")).isObject())
        return bad << QStringLiteral("formObj");
    const QJsonObject f = body.value(QLatin1String("formObj")).toObject();

    static const QStringList required = {QStringLiteral("firstName"), QStringLiteral("lastName"),
                                         QStringLiteral("dob"),       QStringLiteral("phone"),
                                         QStringLiteral("email"),     QStringLiteral("address"),
                                         QStringLiteral("city"),      QStringLiteral("state"),
                                         QStringLiteral("zip"),       QStringLiteral("sex")};
    static const QSet<QString> known = {
        QStringLiteral("consentsSigned"), QStringLiteral("selfReportedMeds"),
        QStringLiteral("allergies"), QStringLiteral("medicalConditions"),
        QStringLiteral("patientPreference")};
    static const QRegularExpression qa(QStringLiteral("^[QA]([1-9][0-9]*)$"));

    if (f.value(QLatin1String("consentsSigned")) != QJsonValue(true))
        bad << QStringLiteral("consentsSigned");
    for (const QString &key : required) {
        if (isBlank(f.value(key)) || !f.value(key).isString())
            bad << key;
    }
    auto check = [&](const char *key, bool ok) {
        const QString k = QString::fromLatin1(key);
        if (!bad.contains(k) && !ok)
            bad << k;
    };
    check("firstName", text(f, "firstName").size() <= 100);
    check("lastName", text(f, "lastName").size() <= 100);
    const QDate dob = QDate::fromString(text(f, "dob"), QStringLiteral("MM/dd/yyyy"));
    check("dob", dob.isValid() && dob < QDate::currentDate());
    check("phone", matches(QStringLiteral("[0-9]{10}"), text(f, "phone")));
    check("email", matches(QStringLiteral("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), text(f, "email")));
    check("zip", matches(QStringLiteral("[0-9]{5}"), text(f, "zip")));
    check("sex",
          QStringList{QStringLiteral("Male"), QStringLiteral("Female"), QStringLiteral("Other")}
              .contains(text(f, "sex")));

    for (auto it = f.begin(); it != f.end(); ++it) {
        const QString key = it.key();
        if (required.contains(key) || key == QLatin1String("consentsSigned"))
            continue;
        if (SandboxCheckin::isCheckinField(key)) {
            if (!checkin)
                bad << key; // only a check-in carries them; SandboxCheckin checks their values
            continue;
        }
        if (checkin && key == QLatin1String("patientPreference")) {
            bad << key; // a check-in asks for no medication
            continue;
        }
        const auto m = qa.match(key);
        if (!known.contains(key) && !m.hasMatch()) {
            bad << key; // the provider refuses fields it does not know
            continue;
        }
        if (isBlank(it.value())) {
            bad << key;
            continue;
        }
        if (m.hasMatch()) {
            const QString pair =
                (key.at(0) == u'Q' ? QStringLiteral("A") : QStringLiteral("Q")) + m.captured(1);
            if (isBlank(f.value(pair)))
                bad << key;
        }
        if (key == QLatin1String("patientPreference")) {
            if (!it.value().isArray()) {
                bad << key;
                continue;
            }
            for (const QJsonValue &med : it.value().toArray()) {
                if (!med.isObject() || isBlank(med.toObject().value(QLatin1String("name")))) {
                    bad << key;
                    break;
                }
            }
        }
    }
    bad.removeDuplicates();
    return bad;
}

QString SandboxValidation::createVisitError(const QJsonObject &body, bool photoVisit)
{
    const QStringList bad = badFields(body, photoVisit);
    if (!bad.isEmpty())
        return QStringLiteral("Payload contains bad fields: ") + bad.join(QStringLiteral(", "));
    const QString state = body.value(QLatin1String("formObj"))
                              .toObject()
                              .value(QLatin1String("state"))
                              .toString()
                              .trimmed();
    if (!usStates().contains(state))
        return QStringLiteral("State not valid");
    if (text(body, "visitType") == SandboxCheckin::kVisitType)
        return SandboxCheckin::fieldError(body.value(QLatin1String("formObj")).toObject());
    return {};
}

} // namespace clinicdesk
