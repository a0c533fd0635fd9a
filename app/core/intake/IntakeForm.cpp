#include "intake/IntakeForm.h"

#include "intake/DemographicRules.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <functional>

namespace clinicdesk {
namespace {

using Type = QuestionnaireItem::Type;

bool isBlank(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().trimmed().isEmpty());
}

// A comparable form of an answer for enableWhen: numbers as numbers, dates and codes as text.
std::optional<QPartialOrdering> compareValues(const QJsonValue &answer, const QJsonValue &target)
{
    if (answer.isBool() && target.isBool())
        return answer.toBool() == target.toBool() ? QPartialOrdering::Equivalent
                                                  : QPartialOrdering::Unordered;
    if (answer.isDouble() && target.isDouble()) {
        const double a = answer.toDouble();
        const double b = target.toDouble();
        return a < b ? QPartialOrdering::Less
                     : (a > b ? QPartialOrdering::Greater : QPartialOrdering::Equivalent);
    }
    if (answer.isString() && target.isString()) {
        const int c = QString::compare(answer.toString(), target.toString());
        return c < 0 ? QPartialOrdering::Less
                     : (c > 0 ? QPartialOrdering::Greater : QPartialOrdering::Equivalent);
    }
    return std::nullopt;
}

QString boundText(const QVariant &bound)
{
    if (bound.userType() == QMetaType::QDate)
        return bound.toDate().toString(QStringLiteral("MM/dd/yyyy"));
    return bound.toString();
}

} // namespace

IntakeForm::IntakeForm(Questionnaire questionnaire)
    : m_questionnaire(std::move(questionnaire))
{}

void IntakeForm::applyInitialValues()
{
    for (const QString &linkId : m_questionnaire.linkIds()) {
        const QuestionnaireItem *item = m_questionnaire.item(linkId);
        if (!item->initial.isEmpty() && !m_answers.contains(linkId))
            m_answers.insert(linkId, item->initial);
    }
}

QString IntakeForm::text(const QString &linkId) const
{
    const QJsonValue v = answer(linkId);
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return v.toString();
}

void IntakeForm::setAnswers(const QString &linkId, const QJsonArray &values)
{
    QJsonArray kept;
    for (const QJsonValue &v : values) {
        if (!isBlank(v))
            kept.append(v);
    }
    if (kept.isEmpty())
        m_answers.remove(linkId);
    else
        m_answers.insert(linkId, kept);
}

void IntakeForm::setAnswer(const QString &linkId, const QJsonValue &value)
{
    setAnswers(linkId, QJsonArray{value});
}

void IntakeForm::setAllAnswers(const QJsonObject &answers)
{
    m_answers = {};
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        if (it.value().isArray())
            setAnswers(it.key(), it.value().toArray());
    }
}

bool IntakeForm::isAnswered(const QString &linkId) const
{
    return !answers(linkId).isEmpty();
}

bool IntakeForm::conditionHolds(const EnableWhen &c) const
{
    // The answers of a hidden question do not count (FHIR: they are not part of the response).
    const QJsonArray values = isEnabled(c.question) ? answers(c.question) : QJsonArray();
    using Op = EnableWhen::Operator;
    if (c.op == Op::Exists)
        return values.isEmpty() != c.answer.toBool();
    for (const QJsonValue &v : values) {
        const auto order = compareValues(v, c.answer);
        bool holds = false;
        switch (c.op) {
        case Op::Equal:
            holds = order == QPartialOrdering::Equivalent;
            break;
        case Op::NotEqual:
            holds = order != QPartialOrdering::Equivalent;
            break;
        case Op::Greater:
            holds = order == QPartialOrdering::Greater;
            break;
        case Op::Less:
            holds = order == QPartialOrdering::Less;
            break;
        case Op::GreaterOrEqual:
            holds = order == QPartialOrdering::Greater || order == QPartialOrdering::Equivalent;
            break;
        case Op::LessOrEqual:
            holds = order == QPartialOrdering::Less || order == QPartialOrdering::Equivalent;
            break;
        case Op::Exists:
            break;
        }
        if (holds)
            return true; // FHIR R4: at least one answer satisfies the condition
    }
    return false;
}

bool IntakeForm::isEnabled(const QString &linkId) const
{
    const QuestionnaireItem *item = m_questionnaire.item(linkId);
    if (!item)
        return false;
    // Cycles are refused at load, so this recursion ends.
    if (const QString parent = m_questionnaire.parentOf(linkId);
        !parent.isEmpty() && !isEnabled(parent))
        return false;
    if (item->enableWhen.isEmpty())
        return true;
    for (const EnableWhen &c : item->enableWhen) {
        const bool holds = conditionHolds(c);
        if (item->enableAll && !holds)
            return false;
        if (!item->enableAll && holds)
            return true;
    }
    return item->enableAll;
}

QJsonValue IntakeForm::dateAnswer(const QString &typed)
{
    const QString t = typed.trimmed();
    QDate date = QDate::fromString(t, QStringLiteral("MM/dd/yyyy"));
    if (!date.isValid())
        date = QDate::fromString(t, QStringLiteral("M/d/yyyy"));
    if (!date.isValid() && t.size() == 10)
        date = QDate::fromString(t, Qt::ISODate);
    if (date.isValid())
        return date.toString(Qt::ISODate);
    return typed;
}

QString IntakeForm::dateText(const QJsonValue &answer)
{
    const QString s = answer.toString();
    const QDate date = s.size() == 10 ? QDate::fromString(s, Qt::ISODate) : QDate();
    return date.isValid() ? date.toString(QStringLiteral("MM/dd/yyyy")) : s;
}

QString IntakeForm::valueIssue(const QuestionnaireItem &item, const QJsonValue &value) const
{
    switch (item.type) {
    case Type::Boolean:
        if (!value.isBool())
            return tr("Answer yes or no.");
        if (item.required && item.itemControl == QLatin1String("check-box") && !value.toBool())
            return tr("Tick this box to continue.");
        return {};
    case Type::Integer:
    case Type::Decimal: {
        if (!value.isDouble())
            return item.type == Type::Integer ? tr("Enter a whole number.") : tr("Enter a number.");
        const double v = value.toDouble();
        if (item.type == Type::Integer && v != double(qint64(v)))
            return tr("Enter a whole number.");
        if (item.minValue.isValid() && v < item.minValue.toDouble())
            return tr("Enter %1 or more.").arg(boundText(item.minValue));
        if (item.maxValue.isValid() && v > item.maxValue.toDouble())
            return tr("Enter %1 or less.").arg(boundText(item.maxValue));
        return {};
    }
    case Type::Date: {
        const QString s = value.toString();
        const QDate date = s.size() == 10 ? QDate::fromString(s, Qt::ISODate) : QDate();
        if (!date.isValid())
            return DemographicRules::dateFormatIssue(s);
        if (item.minValue.isValid() && date < item.minValue.toDate())
            return tr("Enter a date on or after %1.").arg(boundText(item.minValue));
        if (item.maxValue.isValid() && date > item.maxValue.toDate())
            return tr("Enter a date on or before %1.").arg(boundText(item.maxValue));
        return {};
    }
    case Type::Choice:
        if (!item.option(value))
            return tr("Choose one of the listed answers.");
        return {};
    case Type::String:
    case Type::Text:
    case Type::OpenChoice: {
        if (item.type == Type::OpenChoice && item.option(value))
            return {};
        if (!value.isString())
            return tr("Enter text.");
        const QString s = value.toString().trimmed();
        if (item.minLength && s.size() < *item.minLength)
            return tr("Enter at least %n character(s).", nullptr, *item.minLength);
        if (item.maxLength && s.size() > *item.maxLength)
            return tr("Enter at most %n character(s).", nullptr, *item.maxLength);
        if (!item.regex.isEmpty()) {
            const QRegularExpression re(QRegularExpression::anchoredPattern(item.regex));
            if (!re.match(s).hasMatch()) {
                const QString hint = item.hint.in(QLocale().name());
                return hint.isEmpty() ? tr("This answer is not in the expected format.")
                                      : tr("Expected format: %1").arg(hint);
            }
        }
        return {};
    }
    case Type::Group:
    case Type::Display:
        return {};
    }
    return {};
}

QString IntakeForm::validateItem(const QString &linkId) const
{
    const QuestionnaireItem *item = m_questionnaire.item(linkId);
    if (!item || !item->isQuestion() || item->readOnly || !isEnabled(linkId))
        return {};
    const QJsonArray values = answers(linkId);
    if (values.isEmpty()) {
        if (item->required)
            return item->type == Type::Boolean && item->itemControl == QLatin1String("check-box")
                       ? tr("Tick this box to continue.")
                       : tr("This question needs an answer.");
        return {};
    }
    if (values.size() > 1 && !item->repeats)
        return tr("Give one answer only.");
    for (const QJsonValue &v : values) {
        if (const QString issue = valueIssue(*item, v); !issue.isEmpty())
            return issue;
    }
    return DemographicRules::issue(*this, linkId);
}

QList<IntakeIssue> IntakeForm::validate(const QStringList &roots) const
{
    QList<IntakeIssue> issues;
    std::function<void(const QuestionnaireItem &)> walk = [&](const QuestionnaireItem &item) {
        if (!isEnabled(item.linkId))
            return;
        if (const QString m = validateItem(item.linkId); !m.isEmpty())
            issues << IntakeIssue{item.linkId, m};
        for (const QuestionnaireItem &child : item.items)
            walk(child);
    };
    if (roots.isEmpty()) {
        for (const QuestionnaireItem &item : m_questionnaire.items())
            walk(item);
    } else {
        for (const QString &root : roots) {
            if (const QuestionnaireItem *item = m_questionnaire.item(root))
                walk(*item);
        }
    }
    return issues;
}

int IntakeForm::completion() const
{
    int required = 0;
    int requiredDone = 0;
    int all = 0;
    int allDone = 0;
    for (const QString &linkId : m_questionnaire.linkIds()) {
        const QuestionnaireItem *item = m_questionnaire.item(linkId);
        if (!item->isQuestion() || item->readOnly || !isEnabled(linkId))
            continue;
        const bool done = isAnswered(linkId) && validateItem(linkId).isEmpty();
        ++all;
        allDone += done ? 1 : 0;
        if (item->required) {
            ++required;
            requiredDone += done ? 1 : 0;
        }
    }
    if (required > 0)
        return requiredDone * 100 / required;
    return all > 0 ? allDone * 100 / all : 0;
}

QJsonObject IntakeForm::questionnaireResponse(const QString &status,
                                              const QString &identifier) const
{
    std::function<QJsonArray(const QList<QuestionnaireItem> &)> build =
        [&](const QList<QuestionnaireItem> &items) {
            QJsonArray out;
            for (const QuestionnaireItem &item : items) {
                if (!isEnabled(item.linkId) || item.type == Type::Display)
                    continue;
                QJsonObject node{{QStringLiteral("linkId"), item.linkId}};
                if (!item.text.text.isEmpty())
                    node.insert(QStringLiteral("text"), item.text.text);
                const QJsonArray children = build(item.items);
                if (item.type == Type::Group) {
                    if (children.isEmpty())
                        continue;
                    node.insert(QStringLiteral("item"), children);
                    out.append(node);
                    continue;
                }
                QJsonArray answerList;
                for (const QJsonValue &v : answers(item.linkId)) {
                    QJsonObject a;
                    switch (item.type) {
                    case Type::Boolean:
                        a.insert(QStringLiteral("valueBoolean"), v);
                        break;
                    case Type::Integer:
                        a.insert(QStringLiteral("valueInteger"), v.toInteger());
                        break;
                    case Type::Decimal:
                        a.insert(QStringLiteral("valueDecimal"), v);
                        break;
                    case Type::Date:
                        a.insert(QStringLiteral("valueDate"), v);
                        break;
                    case Type::Choice:
                    case Type::OpenChoice:
                        if (const QuestionnaireOption *o = item.option(v)) {
                            if (o->value.isString()) {
                                QJsonObject coding{{QStringLiteral("code"), o->value},
                                                   {QStringLiteral("display"), o->display.text}};
                                if (!o->system.isEmpty())
                                    coding.insert(QStringLiteral("system"), o->system);
                                a.insert(QStringLiteral("valueCoding"), coding);
                            } else {
                                a.insert(QStringLiteral("valueInteger"), o->value);
                            }
                        } else {
                            a.insert(QStringLiteral("valueString"), v.toString().trimmed());
                        }
                        break;
                    default:
                        a.insert(QStringLiteral("valueString"), v.toString().trimmed());
                        break;
                    }
                    answerList.append(a);
                }
                if (answerList.isEmpty())
                    continue;
                if (!children.isEmpty()) {
                    QJsonObject first = answerList.first().toObject();
                    first.insert(QStringLiteral("item"), children);
                    answerList.replace(0, first);
                }
                node.insert(QStringLiteral("answer"), answerList);
                out.append(node);
            }
            return out;
        };
    QJsonObject response{
        {QStringLiteral("resourceType"), QStringLiteral("QuestionnaireResponse")},
        {QStringLiteral("status"), status},
        {QStringLiteral("authored"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("item"), build(m_questionnaire.items())},
    };
    if (!m_questionnaire.url().isEmpty()) {
        QString canonical = m_questionnaire.url();
        if (!m_questionnaire.version().isEmpty())
            canonical += QLatin1Char('|') + m_questionnaire.version();
        response.insert(QStringLiteral("questionnaire"), canonical);
    }
    if (!identifier.isEmpty())
        response.insert(
            QStringLiteral("identifier"),
            QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:ietf:rfc:3986")},
                        {QStringLiteral("value"), QStringLiteral("urn:uuid:") + identifier}});
    return response;
}

Patient IntakeForm::patient() const
{
    Patient p;
    p.firstName = text(kFirstName).trimmed();
    p.lastName = text(kLastName).trimmed();
    p.dob = QDate::fromString(text(kDob), Qt::ISODate);
    p.sex = text(kSex);
    p.phone = text(kPhone).trimmed();
    p.email = text(kEmail).trimmed();
    p.address = text(kAddress).trimmed();
    p.city = text(kCity).trimmed();
    p.state = text(kState).trimmed().toUpper();
    p.zip = text(kZip).trimmed();
    return p;
}

void IntakeForm::setPatient(const Patient &p)
{
    setAnswer(kFirstName, p.firstName);
    setAnswer(kLastName, p.lastName);
    setAnswer(kDob, p.dob.isValid() ? QJsonValue(p.dob.toString(Qt::ISODate)) : QJsonValue());
    setAnswer(kSex, p.sex);
    setAnswer(kPhone, p.phone);
    setAnswer(kEmail, p.email);
    setAnswer(kAddress, p.address);
    setAnswer(kCity, p.city);
    setAnswer(kState, p.state);
    setAnswer(kZip, p.zip);
}

} // namespace clinicdesk
