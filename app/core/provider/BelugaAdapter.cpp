#include "provider/BelugaAdapter.h"

#include "intake/DemographicRules.h"
#include "intake/IntakeConsent.h"
#include "intake/IntakeForm.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace clinicdesk {
namespace {

using Type = QuestionnaireItem::Type;

// Intake linkIds that map onto named formObj fields rather than Qn/An (only IntakeForm's names
// of the demographics are used from it: the answers themselves arrive as IntakeAnswers).
const QList<std::pair<QString, QString>> &namedFields()
{
    static const QList<std::pair<QString, QString>> all = {
        {IntakeForm::kFirstName, QStringLiteral("firstName")},
        {IntakeForm::kLastName, QStringLiteral("lastName")},
        {IntakeForm::kDob, QStringLiteral("dob")},
        {IntakeForm::kSex, QStringLiteral("sex")},
        {IntakeForm::kPhone, QStringLiteral("phone")},
        {IntakeForm::kEmail, QStringLiteral("email")},
        {IntakeForm::kAddress, QStringLiteral("address")},
        {IntakeForm::kCity, QStringLiteral("city")},
        {IntakeForm::kState, QStringLiteral("state")},
        {IntakeForm::kZip, QStringLiteral("zip")},
        {QStringLiteral("medications"), QStringLiteral("selfReportedMeds")},
        {QStringLiteral("allergies"), QStringLiteral("allergies")},
        {QStringLiteral("conditions"), QStringLiteral("medicalConditions")},
    };
    return all;
}

// The questionnaire conventions the adapter reads (docs/intake.md): the medication choice, the
// pharmacy id, and the consent group.
const QString kMedication = QStringLiteral("medication");
const QString kPharmacyId = QStringLiteral("pharmacy.id");
const QString kConsentGroup = QStringLiteral("consent");

void insertText(QJsonObject &obj, const QString &key, const QString &value)
{
    if (!value.trimmed().isEmpty())
        obj.insert(key, value.trimmed());
}

// The medication an answer chose, as a patientPreference entry: the option's medication
// properties, its display as the name and its code as the medId unless the properties say.
QJsonObject preferenceOf(const QuestionnaireOption &o)
{
    QJsonObject med;
    const QJsonObject props = o.properties.value(QLatin1String("medication")).toObject();
    for (auto it = props.begin(); it != props.end(); ++it) {
        if (it.value().isString() && !it.value().toString().trimmed().isEmpty())
            med.insert(it.key(), it.value().toString().trimmed());
        else if (it.value().isDouble())
            med.insert(it.key(), it.value());
    }
    if (!med.contains(QLatin1String("name")))
        med.insert(QStringLiteral("name"), o.display.text);
    if (!med.contains(QLatin1String("medId")) && o.value.isString())
        med.insert(QStringLiteral("medId"), o.value.toString());
    return med;
}

// A custom question as the clinician's form shows it: the text, and for a choice or yes/no
// question " POSSIBLE ANSWERS: a; b".
QString questionText(const IntakeAnswers::Item &item)
{
    QString question = item.question;
    const bool choice = item.type == Type::Choice || item.type == Type::OpenChoice;
    if (choice || item.type == Type::Boolean) {
        QStringList possible;
        if (item.type == Type::Boolean)
            possible << QStringLiteral("Yes") << QStringLiteral("No");
        possible << item.optionTexts;
        question += QStringLiteral(" POSSIBLE ANSWERS: ") + possible.join(QStringLiteral("; "));
    }
    return question;
}

} // namespace

QJsonObject BelugaAdapter::formObj(const IntakeAnswers &intake)
{
    QJsonObject obj;
    QSet<QString> named;
    for (const auto &[linkId, key] : namedFields()) {
        named.insert(linkId);
        const IntakeAnswers::Item *item = intake.item(linkId);
        if (!item)
            continue;
        if (linkId == IntakeForm::kDob) {
            const QDate dob = QDate::fromString(item->firstText, Qt::ISODate);
            if (dob.isValid())
                obj.insert(key, providerDob(dob));
        } else if (linkId == IntakeForm::kPhone) {
            insertText(obj, key, DemographicRules::usPhoneDigits(item->firstText));
        } else if (linkId == IntakeForm::kState) {
            insertText(obj, key, item->firstText.toUpper());
        } else {
            insertText(obj, key, item->texts.join(QLatin1Char(';')));
        }
    }

    int n = 0;
    QJsonArray preference;
    bool consentsSigned = true;
    int consentCount = 0;
    for (const IntakeAnswers::Item &item : intake.items) {
        if (!item.isQuestion() || named.contains(item.linkId) || item.linkId == kPharmacyId ||
            IntakeConsent::isConsentItem(item.linkId))
            continue; // the message consent is the clinic's, not the provider's
        if (item.isWithin(kConsentGroup)) {
            ++consentCount;
            consentsSigned = consentsSigned && item.values.first().toBool();
            continue;
        }
        if (item.linkId == kMedication) {
            for (const QuestionnaireOption &o : item.chosen)
                preference.append(preferenceOf(o));
            continue;
        }
        const QString answer = item.texts.join(QLatin1Char(';'));
        if (answer.isEmpty())
            continue;
        ++n;
        obj.insert(QStringLiteral("Q%1").arg(n), questionText(item));
        obj.insert(QStringLiteral("A%1").arg(n), answer);
    }
    if (!preference.isEmpty())
        obj.insert(QStringLiteral("patientPreference"), preference);
    // Submission is refused unless every consent is given, so this is true when sent.
    obj.insert(QStringLiteral("consentsSigned"), consentCount > 0 && consentsSigned);
    return obj;
}

QString BelugaAdapter::pharmacyId(const IntakeAnswers &intake)
{
    const IntakeAnswers::Item *item = intake.item(kPharmacyId);
    return item ? item->firstText.trimmed() : QString();
}

QJsonObject BelugaAdapter::createVisitBody(const IntakeAnswers &intake, const QString &masterId,
                                           const QString &company)
{
    QJsonObject body{{QStringLiteral("formObj"), formObj(intake)},
                     {QStringLiteral("masterId"), masterId},
                     {QStringLiteral("visitType"), intake.visitType}};
    insertText(body, QStringLiteral("pharmacyId"), pharmacyId(intake));
    insertText(body, QStringLiteral("company"), company);
    return body;
}

// --- The provider API as the client speaks it ---

QString BelugaAdapter::createVisitPath()
{
    return QStringLiteral("/visit/createNoPay");
}

QString BelugaAdapter::visitStatusPath(const QString &masterId)
{
    return QStringLiteral("/visit/externalFetch/") +
           QString::fromLatin1(QUrl::toPercentEncoding(masterId));
}

QString BelugaAdapter::patientPath(const QString &phone)
{
    return QStringLiteral("/patient/externalFetch/") +
           QString::fromLatin1(QUrl::toPercentEncoding(DemographicRules::usPhoneDigits(phone)));
}

QString BelugaAdapter::staffChatPath()
{
    return QStringLiteral("/external/receiveChat");
}

QString BelugaAdapter::supportMessagePath()
{
    return QStringLiteral("/external/receiveCSMessage");
}

QString BelugaAdapter::pharmacySearchPath()
{
    return QStringLiteral("/external/pharmacies");
}

QJsonObject BelugaAdapter::staffChatBody(const QString &firstName, const QString &lastName,
                                         const QString &text, const QString &masterId)
{
    return {{QStringLiteral("firstName"), firstName.trimmed()},
            {QStringLiteral("lastName"), lastName.trimmed()},
            {QStringLiteral("content"), text.trimmed()},
            {QStringLiteral("isMedia"), false},
            {QStringLiteral("masterId"), masterId}};
}

QJsonObject BelugaAdapter::supportMessageBody(const QString &text, const QString &masterId)
{
    return {{QStringLiteral("content"), text.trimmed()}, {QStringLiteral("masterId"), masterId}};
}

QJsonObject BelugaAdapter::pharmacySearchBody(const QString &name, const QString &city,
                                              const QString &state, const QString &zip)
{
    QJsonObject body;
    insertText(body, QStringLiteral("name"), name);
    insertText(body, QStringLiteral("city"), city);
    insertText(body, QStringLiteral("state"), state.toUpper());
    insertText(body, QStringLiteral("zip"), zip);
    return body;
}

QString BelugaAdapter::masterIdOf(const QJsonObject &createVisitBody)
{
    return createVisitBody.value(QLatin1String("masterId")).toString();
}

int BelugaAdapter::supplyDaysOf(const QJsonObject &createVisitBody)
{
    int days = 0;
    const QJsonArray items = createVisitBody.value(QLatin1String("formObj"))
                                 .toObject()
                                 .value(QLatin1String("patientPreference"))
                                 .toArray();
    for (const QJsonValue &item : items)
        days = std::max(days, item.toObject().value(QLatin1String("daysSupply")).toInt());
    return days;
}

ProviderResult BelugaAdapter::normaliseReply(int httpStatus, const QByteArray &body)
{
    using Outcome = ProviderResult::Outcome;
    ProviderResult r;
    r.httpStatus = httpStatus;
    const QJsonObject obj = QJsonDocument::fromJson(body).object();
    QString error = obj.value(QLatin1String("error")).toString().trimmed();
    if (error.isEmpty())
        error = obj.value(QLatin1String("message")).toString().trimmed();
    const QJsonValue statusValue = obj.value(QLatin1String("status"));
    if (statusValue.isDouble() || statusValue.isString())
        r.providerStatus = statusValue.toVariant().toInt();
    // A refusal's text may also come as "info" (photos, PDFs, names) or as a "data" string
    // ("Invalid search parameters").
    r.info = obj.value(QLatin1String("info")).toString().trimmed();
    if (error.isEmpty() && r.providerStatus != 0 &&
        (r.providerStatus < 200 || r.providerStatus > 299))
        error = !r.info.isEmpty() ? r.info : obj.value(QLatin1String("data")).toString().trimmed();
    // The provider's not-found texts come with status 400.
    static const QStringList notFound = {QStringLiteral("Visit not found"),
                                         QStringLiteral("Patient not found"),
                                         QStringLiteral("Visit does not exist")};
    auto classify = [&](int status, bool fromBody) {
        if (status == 429 || status == 408 || status >= 500) {
            r.outcome = Outcome::Transient;
            r.message = error.isEmpty() || !fromBody
                            ? QStringLiteral("the provider answered HTTP %1").arg(status)
                            : error;
        } else if (status == 401 || status == 403) {
            r.outcome = Outcome::Unauthorized;
            r.message = QStringLiteral("the provider did not accept the API key");
        } else if (status == 404 || notFound.contains(error)) {
            r.outcome = Outcome::NotFound;
            r.message = error.isEmpty() ? QStringLiteral("not found at the provider") : error;
        } else {
            r.outcome = Outcome::Refused;
            r.message =
                error.isEmpty()
                    ? QStringLiteral("the provider refused the request (status %1)").arg(status)
                    : error;
        }
    };
    if (httpStatus < 200 || httpStatus > 299) {
        classify(httpStatus, false);
        return r;
    }
    if (!QJsonDocument::fromJson(body).isObject()) {
        // A proxy's HTML page or a cut-off body: nothing says the request was refused.
        r.outcome = Outcome::Transient;
        r.message = QStringLiteral("the provider's reply could not be read");
        return r;
    }
    if (r.providerStatus == 0)
        r.providerStatus = error.isEmpty() ? 200 : 400;
    if (r.providerStatus >= 200 && r.providerStatus <= 299 && error.isEmpty()) {
        r.outcome = Outcome::Ok;
        r.data = obj.value(QLatin1String("data"));
        return r;
    }
    classify(r.providerStatus >= 200 && r.providerStatus <= 299 ? 400 : r.providerStatus, true);
    return r;
}

QString BelugaAdapter::providerVisitId(const QJsonValue &data)
{
    return data.toObject().value(QLatin1String("visitId")).toVariant().toString();
}

ProviderVisitStatus BelugaAdapter::visitStatus(const QJsonValue &data)
{
    using Stage = ProviderVisitStatus::Stage;
    const QJsonObject o = data.toObject();
    ProviderVisitStatus s;
    s.masterId = o.value(QLatin1String("masterId")).toString();
    s.providerVisitId = o.value(QLatin1String("visitId")).toVariant().toString();
    static const QList<std::pair<QString, Stage>> stages = {
        {QStringLiteral("active"), Stage::Active},
        {QStringLiteral("pending"), Stage::Pending},
        {QStringLiteral("admin"), Stage::Admin},
        {QStringLiteral("resolved"), Stage::Resolved},
        {QStringLiteral("holding"), Stage::Holding},
        {QStringLiteral("canceled"), Stage::Canceled},
        {QStringLiteral("cancelled"), Stage::Canceled}};
    const QString stage = o.value(QLatin1String("visitStatus")).toString().trimmed().toLower();
    for (const auto &[name, value] : stages) {
        if (name == stage)
            s.stage = value;
    }
    s.closed = o.value(QLatin1String("resolvedStatus"))
                   .toString()
                   .compare(QLatin1String("closed"), Qt::CaseInsensitive) == 0;
    const QJsonValue ts = o.value(QLatin1String("updateTimestamp"));
    if (ts.isDouble()) // epoch milliseconds or seconds
        s.updatedAt = ts.toDouble() > 1e11
                          ? QDateTime::fromMSecsSinceEpoch(qint64(ts.toDouble()), Qt::UTC)
                          : QDateTime::fromSecsSinceEpoch(qint64(ts.toDouble()), Qt::UTC);
    else
        s.updatedAt = QDateTime::fromString(ts.toString(), Qt::ISODateWithMs).toUTC();
    s.prescriptions = int(o.value(QLatin1String("rxHistory")).toArray().size());
    return s;
}

} // namespace clinicdesk
