#include "intake/QuestionnaireParser.h"

#include "intake/Questionnaire.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <functional>

namespace clinicdesk::questionnaireparser {

[[noreturn]] void fail(const QString &linkId, const QString &problem)
{
    throw ParseError{linkId, problem};
}

namespace {

const QString kTranslation = QStringLiteral("http://hl7.org/fhir/StructureDefinition/translation");
const QString kMinValue = QStringLiteral("http://hl7.org/fhir/StructureDefinition/minValue");
const QString kMaxValue = QStringLiteral("http://hl7.org/fhir/StructureDefinition/maxValue");
const QString kMinLength = QStringLiteral("http://hl7.org/fhir/StructureDefinition/minLength");
const QString kRegex = QStringLiteral("http://hl7.org/fhir/StructureDefinition/regex");
const QString kEntryFormat = QStringLiteral("http://hl7.org/fhir/StructureDefinition/entryFormat");
const QString kItemControl =
    QStringLiteral("http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl");

// The value[x] of an extension or answer[x] of an enableWhen: which suffix and the value.
std::pair<QString, QJsonValue> choiceValue(const QJsonObject &o, const QString &prefix)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key().startsWith(prefix) && it.key().size() > prefix.size() &&
            it.key().at(prefix.size()).isUpper())
            return {it.key().mid(prefix.size()), it.value()};
    }
    return {};
}

// A FHIR value as an answer stores it: a Coding by its code, everything else as is.
QJsonValue answerForm(const QString &suffix, const QJsonValue &v)
{
    if (suffix == QLatin1String("Coding"))
        return v.toObject().value(QLatin1String("code"));
    return v;
}

QVariant boundValue(QuestionnaireItem::Type type, const QString &suffix, const QJsonValue &v,
                    const QString &linkId, const QString &what)
{
    using T = QuestionnaireItem::Type;
    if (type == T::Integer && suffix == QLatin1String("Integer") && v.isDouble())
        return v.toInteger();
    if (type == T::Decimal &&
        (suffix == QLatin1String("Decimal") || suffix == QLatin1String("Integer")) && v.isDouble())
        return v.toDouble();
    if (type == T::Date && suffix == QLatin1String("Date")) {
        const QDate date = QDate::fromString(v.toString(), Qt::ISODate);
        if (date.isValid())
            return date;
    }
    fail(linkId, QStringLiteral("%1 value%2 does not fit an item of type %3")
                     .arg(what, suffix, QuestionnaireItem::typeName(type)));
}

QJsonValue extensionValue(const QJsonObject &ext)
{
    const auto [suffix, value] = choiceValue(ext, QStringLiteral("value"));
    if (!suffix.isEmpty())
        return value;
    QJsonObject nested;
    for (const QJsonValue &part : ext.value(QLatin1String("extension")).toArray()) {
        const QJsonObject p = part.toObject();
        nested.insert(p.value(QLatin1String("url")).toString().section(QLatin1Char('/'), -1),
                      extensionValue(p));
    }
    return nested;
}

bool valueFits(QuestionnaireItem::Type type, const QJsonValue &v)
{
    using T = QuestionnaireItem::Type;
    switch (type) {
    case T::Boolean:
        return v.isBool();
    case T::Integer:
        return v.isDouble() && v.toDouble() == double(v.toInteger());
    case T::Decimal:
        return v.isDouble();
    case T::Date:
        return QDate::fromString(v.toString(), Qt::ISODate).isValid();
    case T::String:
    case T::Text:
    case T::Choice:
    case T::OpenChoice:
        return v.isString() || v.isDouble();
    case T::Group:
    case T::Display:
        return false;
    }
    return false;
}

class Parser
{
public:
    explicit Parser(QSet<QString> &seen)
        : m_seen(seen)
    {}

    QuestionnaireItem item(const QJsonValue &json, int depth, const QString &parentLinkId)
    {
        if (!json.isObject())
            fail(parentLinkId, QStringLiteral("an item is not a JSON object"));
        const QJsonObject o = json.toObject();
        QuestionnaireItem item;
        item.linkId = o.value(QLatin1String("linkId")).toString().trimmed();
        if (item.linkId.isEmpty())
            fail(parentLinkId.isEmpty() ? QStringLiteral("(top level)") : parentLinkId,
                 QStringLiteral("an item has no linkId"));
        const QString &id = item.linkId;
        if (item.linkId.size() > 200)
            fail(id.left(40), QStringLiteral("linkId longer than 200 characters"));
        if (m_seen.contains(id))
            fail(id, QStringLiteral("duplicate linkId"));
        m_seen.insert(id);
        if (++m_count > Questionnaire::kMaxItems)
            fail(id, QStringLiteral("more than %1 items").arg(Questionnaire::kMaxItems));
        if (depth > Questionnaire::kMaxDepth)
            fail(id, QStringLiteral("nested deeper than %1 levels").arg(Questionnaire::kMaxDepth));

        const QString typeName = o.value(QLatin1String("type")).toString();
        const auto type = QuestionnaireItem::typeFromName(typeName);
        if (!type)
            fail(id,
                 typeName.isEmpty()
                     ? QStringLiteral("no type")
                     : QStringLiteral("unknown or unsupported type '%1'").arg(typeName.left(40)));
        item.type = *type;
        item.text = localized(o, QStringLiteral("text"), id);
        item.required = o.value(QLatin1String("required")).toBool(false);
        item.repeats = o.value(QLatin1String("repeats")).toBool(false);
        item.readOnly = o.value(QLatin1String("readOnly")).toBool(false);
        if (item.type == QuestionnaireItem::Type::Group && item.repeats)
            fail(id, QStringLiteral("repeating groups are not supported"));
        if (!item.isQuestion() && item.required && item.type == QuestionnaireItem::Type::Display)
            fail(id, QStringLiteral("a display item cannot be required"));
        if (item.type == QuestionnaireItem::Type::Boolean && item.repeats)
            fail(id, QStringLiteral("a boolean item cannot repeat"));
        if (o.contains(QLatin1String("maxLength"))) {
            const QJsonValue v = o.value(QLatin1String("maxLength"));
            if (!v.isDouble() || v.toInt() < 1)
                fail(id, QStringLiteral("maxLength must be a positive integer"));
            item.maxLength = v.toInt();
        }
        extensions(o, item);
        options(o, item);
        initial(o, item);
        enableWhen(o, item);

        const QJsonValue children = o.value(QLatin1String("item"));
        if (!children.isUndefined() && !children.isArray())
            fail(id, QStringLiteral("'item' must be an array"));
        if (item.type == QuestionnaireItem::Type::Display && !children.toArray().isEmpty())
            fail(id, QStringLiteral("a display item cannot contain items"));
        for (const QJsonValue &child : children.toArray())
            item.items << this->item(child, depth + 1, id);
        if (item.type == QuestionnaireItem::Type::Group && item.items.isEmpty())
            fail(id, QStringLiteral("a group without items"));
        return item;
    }

private:
    void extensions(const QJsonObject &o, QuestionnaireItem &item)
    {
        const QString &id = item.linkId;
        for (const QJsonValue &extValue : o.value(QLatin1String("extension")).toArray()) {
            const QJsonObject ext = extValue.toObject();
            const QString url = ext.value(QLatin1String("url")).toString();
            const auto [suffix, value] = choiceValue(ext, QStringLiteral("value"));
            if (url == kMinValue || url == kMaxValue) {
                const bool isMin = url == kMinValue;
                QVariant bound =
                    boundValue(item.type, suffix, value, id,
                               isMin ? QStringLiteral("minValue") : QStringLiteral("maxValue"));
                (isMin ? item.minValue : item.maxValue) = bound;
            } else if (url == kMinLength) {
                if (suffix != QLatin1String("Integer") || value.toInt() < 0)
                    fail(id, QStringLiteral("minLength must be a valueInteger >= 0"));
                item.minLength = value.toInt();
            } else if (url == kRegex) {
                const QString pattern = value.toString();
                const QRegularExpression re(pattern);
                if (suffix != QLatin1String("String") || pattern.isEmpty() || !re.isValid())
                    fail(id, QStringLiteral("bad regex: %1")
                                 .arg(re.isValid() ? QStringLiteral("empty or not a valueString")
                                                   : re.errorString()));
                item.regex = pattern;
            } else if (url == kEntryFormat) {
                item.hint = localized(ext, QStringLiteral("valueString"), id);
            } else if (url == kItemControl) {
                const QJsonArray codings =
                    value.toObject().value(QLatin1String("coding")).toArray();
                item.itemControl =
                    codings.first().toObject().value(QLatin1String("code")).toString();
            }
        }
        if (item.minLength && item.maxLength && *item.minLength > *item.maxLength)
            fail(id, QStringLiteral("minLength is greater than maxLength"));
        if (item.minValue.isValid() && item.maxValue.isValid() &&
            QVariant::compare(item.minValue, item.maxValue) == QPartialOrdering::Greater)
            fail(id, QStringLiteral("minValue is greater than maxValue"));
        if ((item.minLength || !item.regex.isEmpty()) &&
            !(item.type == QuestionnaireItem::Type::String ||
              item.type == QuestionnaireItem::Type::Text ||
              item.type == QuestionnaireItem::Type::OpenChoice))
            fail(id, QStringLiteral("minLength and regex apply to text items only"));
    }

    void options(const QJsonObject &o, QuestionnaireItem &item)
    {
        const QString &id = item.linkId;
        const QJsonArray list = o.value(QLatin1String("answerOption")).toArray();
        if (o.contains(QLatin1String("answerValueSet")))
            fail(id, QStringLiteral("answerValueSet is not supported; list answerOption"));
        if (!item.hasOptions()) {
            if (!list.isEmpty())
                fail(id, QStringLiteral("answerOption on an item of type %1")
                             .arg(QuestionnaireItem::typeName(item.type)));
            return;
        }
        if (list.isEmpty())
            fail(id, QStringLiteral("%1 without answerOption")
                         .arg(QuestionnaireItem::typeName(item.type)));
        QSet<QString> values;
        for (const QJsonValue &optionValue : list) {
            const QJsonObject json = optionValue.toObject();
            const auto [suffix, value] = choiceValue(json, QStringLiteral("value"));
            QuestionnaireOption option;
            if (suffix == QLatin1String("Coding")) {
                const QJsonObject coding = value.toObject();
                option.value = coding.value(QLatin1String("code"));
                option.system = coding.value(QLatin1String("system")).toString();
                option.display = localized(coding, QStringLiteral("display"), id);
                if (!option.value.isString() || option.value.toString().isEmpty())
                    fail(id, QStringLiteral("an answerOption's valueCoding has no code"));
                if (option.display.text.isEmpty())
                    option.display.text = option.value.toString();
            } else if (suffix == QLatin1String("String") || suffix == QLatin1String("Integer") ||
                       suffix == QLatin1String("Date")) {
                option.value = value;
                if (suffix == QLatin1String("String"))
                    option.display = localized(json, QStringLiteral("valueString"), id);
                if (option.display.text.isEmpty())
                    option.display.text =
                        value.isDouble() ? QString::number(value.toInteger()) : value.toString();
                if (suffix == QLatin1String("Integer") && !value.isDouble())
                    fail(id, QStringLiteral("an answerOption's valueInteger is not a number"));
                if (value.isString() && value.toString().isEmpty())
                    fail(id, QStringLiteral("an empty answerOption"));
            } else {
                fail(id, QStringLiteral("an answerOption needs valueCoding, valueString, "
                                        "valueInteger or valueDate"));
            }
            option.initialSelected = json.value(QLatin1String("initialSelected")).toBool(false);
            for (const QJsonValue &ext : json.value(QLatin1String("extension")).toArray()) {
                const QJsonObject e = ext.toObject();
                option.properties.insert(
                    e.value(QLatin1String("url")).toString().section(QLatin1Char('/'), -1),
                    extensionValue(e));
            }
            const QString key = QString::fromUtf8(
                QJsonDocument(QJsonArray{option.value}).toJson(QJsonDocument::Compact));
            if (values.contains(key))
                fail(id, QStringLiteral("duplicate answerOption '%1'").arg(option.display.text));
            values.insert(key);
            if (option.initialSelected)
                item.initial.append(option.value);
            item.options << option;
        }
    }

    void initial(const QJsonObject &o, QuestionnaireItem &item)
    {
        const QString &id = item.linkId;
        const QJsonArray list = o.value(QLatin1String("initial")).toArray();
        if (!list.isEmpty() && !item.isQuestion())
            fail(
                id,
                QStringLiteral("initial on a %1 item").arg(QuestionnaireItem::typeName(item.type)));
        if (!list.isEmpty() && !item.initial.isEmpty())
            fail(id, QStringLiteral("both initial and answerOption.initialSelected"));
        for (const QJsonValue &entry : list) {
            const auto [suffix, value] = choiceValue(entry.toObject(), QStringLiteral("value"));
            const QJsonValue v = answerForm(suffix, value);
            if (suffix.isEmpty() || !valueFits(item.type, v))
                fail(id, QStringLiteral("initial value%1 does not fit an item of type %2")
                             .arg(suffix, QuestionnaireItem::typeName(item.type)));
            if (item.type == QuestionnaireItem::Type::Choice && !item.option(v))
                fail(id, QStringLiteral("initial value is not one of the answerOption values"));
            item.initial.append(v);
        }
        if (item.initial.size() > 1 && !item.repeats)
            fail(id, QStringLiteral("several initial values on an item that does not repeat"));
    }

    void enableWhen(const QJsonObject &o, QuestionnaireItem &item)
    {
        const QString &id = item.linkId;
        static const QHash<QString, EnableWhen::Operator> operators = {
            {QStringLiteral("exists"), EnableWhen::Operator::Exists},
            {QStringLiteral("="), EnableWhen::Operator::Equal},
            {QStringLiteral("!="), EnableWhen::Operator::NotEqual},
            {QStringLiteral(">"), EnableWhen::Operator::Greater},
            {QStringLiteral("<"), EnableWhen::Operator::Less},
            {QStringLiteral(">="), EnableWhen::Operator::GreaterOrEqual},
            {QStringLiteral("<="), EnableWhen::Operator::LessOrEqual},
        };
        const QJsonValue list = o.value(QLatin1String("enableWhen"));
        if (!list.isUndefined() && !list.isArray())
            fail(id, QStringLiteral("enableWhen must be an array"));
        for (const QJsonValue &entry : list.toArray()) {
            const QJsonObject json = entry.toObject();
            EnableWhen condition;
            condition.question = json.value(QLatin1String("question")).toString();
            if (condition.question.isEmpty())
                fail(id, QStringLiteral("an enableWhen without a question"));
            if (condition.question == id)
                fail(id, QStringLiteral("enableWhen refers to the item itself"));
            const QString op = json.value(QLatin1String("operator")).toString();
            if (!operators.contains(op))
                fail(id, QStringLiteral("unknown enableWhen operator '%1'").arg(op.left(10)));
            condition.op = operators.value(op);
            const auto [suffix, value] = choiceValue(json, QStringLiteral("answer"));
            if (suffix.isEmpty())
                fail(id, QStringLiteral("an enableWhen without answer[x]"));
            static const QStringList known = {QStringLiteral("Boolean"), QStringLiteral("Decimal"),
                                              QStringLiteral("Integer"), QStringLiteral("Date"),
                                              QStringLiteral("String"),  QStringLiteral("Coding")};
            if (!known.contains(suffix))
                fail(id,
                     QStringLiteral("enableWhen answer%1 is not supported").arg(suffix.left(20)));
            if (condition.op == EnableWhen::Operator::Exists && suffix != QLatin1String("Boolean"))
                fail(id, QStringLiteral("enableWhen 'exists' needs answerBoolean"));
            condition.answer = answerForm(suffix, value);
            condition.answerType = suffix;
            item.enableWhen << condition;
        }
        const QString behavior = o.value(QLatin1String("enableBehavior")).toString();
        if (!behavior.isEmpty() && behavior != QLatin1String("all") &&
            behavior != QLatin1String("any"))
            fail(id, QStringLiteral("enableBehavior must be 'all' or 'any'"));
        if (item.enableWhen.size() > 1 && behavior.isEmpty())
            fail(id, QStringLiteral("several enableWhen conditions need an enableBehavior"));
        item.enableAll = behavior != QLatin1String("any");
    }

    QSet<QString> &m_seen;
    int m_count = 0;
};

} // namespace

LocalizedText localized(const QJsonObject &owner, const QString &key, const QString &linkId)
{
    LocalizedText out;
    const QJsonValue base = owner.value(key);
    if (!base.isUndefined() && !base.isString())
        fail(linkId, QStringLiteral("'%1' must be a string").arg(key));
    out.text = base.toString();
    const QJsonObject meta = owner.value(QLatin1Char('_') + key).toObject();
    for (const QJsonValue &ext : meta.value(QLatin1String("extension")).toArray()) {
        const QJsonObject e = ext.toObject();
        if (e.value(QLatin1String("url")).toString() != kTranslation)
            continue;
        QString lang;
        QString content;
        for (const QJsonValue &part : e.value(QLatin1String("extension")).toArray()) {
            const QJsonObject p = part.toObject();
            const QString url = p.value(QLatin1String("url")).toString();
            if (url == QLatin1String("lang"))
                lang = p.value(QLatin1String("valueCode")).toString();
            else if (url == QLatin1String("content"))
                content = p.value(QLatin1String("valueString")).toString();
        }
        if (lang.isEmpty() || content.isEmpty())
            fail(linkId,
                 QStringLiteral("a translation of '%1' lacks its lang or content").arg(key));
        out.translated.insert(lang, content);
    }
    return out;
}

void checkCondition(const QuestionnaireItem &owner, const EnableWhen &c, const QString &suffix,
                    const QuestionnaireItem &question)
{
    using T = QuestionnaireItem::Type;
    using Op = EnableWhen::Operator;
    const QString &id = owner.linkId;
    if (!question.isQuestion())
        fail(id, QStringLiteral("enableWhen refers to '%1', which is a %2 item")
                     .arg(question.linkId, QuestionnaireItem::typeName(question.type)));
    if (c.op == Op::Exists)
        return;
    const bool ordered = c.op != Op::Equal && c.op != Op::NotEqual;
    bool fits = false;
    switch (question.type) {
    case T::Boolean:
        fits = suffix == QLatin1String("Boolean") && !ordered;
        break;
    case T::Integer:
    case T::Decimal:
        fits = suffix == QLatin1String("Integer") || suffix == QLatin1String("Decimal");
        break;
    case T::Date:
        fits = suffix == QLatin1String("Date") &&
               QDate::fromString(c.answer.toString(), Qt::ISODate).isValid();
        break;
    case T::String:
    case T::Text:
        fits = suffix == QLatin1String("String");
        break;
    case T::Choice:
    case T::OpenChoice:
        fits = (suffix == QLatin1String("Coding") || suffix == QLatin1String("String") ||
                suffix == QLatin1String("Integer")) &&
               !ordered;
        if (fits && question.type == T::Choice && !question.option(c.answer))
            fail(id, QStringLiteral("enableWhen on '%1' compares with a value that is not one "
                                    "of its options")
                         .arg(question.linkId));
        break;
    case T::Group:
    case T::Display:
        break;
    }
    if (!fits)
        fail(id, QStringLiteral("enableWhen on '%1' (%2) cannot use answer%3 with this operator")
                     .arg(question.linkId, QuestionnaireItem::typeName(question.type), suffix));
}

QuestionnaireItem parseItem(const QJsonValue &json, int depth, const QString &parentLinkId,
                            QSet<QString> &seen)
{
    return Parser(seen).item(json, depth, parentLinkId);
}

} // namespace clinicdesk::questionnaireparser
