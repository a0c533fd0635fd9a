#include "intake/QuestionnaireItem.h"

namespace clinicdesk {

QString LocalizedText::in(const QString &language) const
{
    if (translated.isEmpty() || language.isEmpty())
        return text;
    QString lang = language;
    lang.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (auto it = translated.constFind(lang); it != translated.cend())
        return *it;
    if (auto it = translated.constFind(lang.section(QLatin1Char('-'), 0, 0));
        it != translated.cend())
        return *it;
    return text;
}

const QuestionnaireOption *QuestionnaireItem::option(const QJsonValue &value) const
{
    for (const QuestionnaireOption &o : options) {
        if (o.value == value)
            return &o;
        // A JSON number read back from a draft compares equal to the same integer option.
        if (o.value.isDouble() && value.isDouble() && o.value.toDouble() == value.toDouble())
            return &o;
    }
    return nullptr;
}

QString QuestionnaireItem::typeName(Type type)
{
    switch (type) {
    case Type::Group:
        return QStringLiteral("group");
    case Type::Display:
        return QStringLiteral("display");
    case Type::Boolean:
        return QStringLiteral("boolean");
    case Type::Decimal:
        return QStringLiteral("decimal");
    case Type::Integer:
        return QStringLiteral("integer");
    case Type::Date:
        return QStringLiteral("date");
    case Type::String:
        return QStringLiteral("string");
    case Type::Text:
        return QStringLiteral("text");
    case Type::Choice:
        return QStringLiteral("choice");
    case Type::OpenChoice:
        return QStringLiteral("open-choice");
    }
    return {};
}

std::optional<QuestionnaireItem::Type> QuestionnaireItem::typeFromName(const QString &name)
{
    for (Type t : {Type::Group, Type::Display, Type::Boolean, Type::Decimal, Type::Integer,
                   Type::Date, Type::String, Type::Text, Type::Choice, Type::OpenChoice}) {
        if (typeName(t) == name)
            return t;
    }
    return std::nullopt;
}

} // namespace clinicdesk
