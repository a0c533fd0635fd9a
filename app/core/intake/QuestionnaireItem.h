#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

#include <optional>

namespace clinicdesk {

// Text with its translations, from FHIR's translation extension on `_text`, `_display`...
struct LocalizedText
{
    QString text;                      // the base text (English in the shipped files)
    QMap<QString, QString> translated; // language code ("es") -> text

    // The text in `language` ("es", "es_US" or "es-MX"), falling back to the base text.
    QString in(const QString &language) const;
};

// One answerOption. `value` is what an answer stores: the code of a valueCoding, or the
// valueString / valueInteger / valueDate itself.
struct QuestionnaireOption
{
    QJsonValue value;
    QString system; // of a valueCoding
    LocalizedText display;
    bool initialSelected = false;
    // Extra data an option carries through extensions (e.g. a medication's strength), by the
    // extension's last URL segment; complex extensions become nested objects.
    QJsonObject properties;
};

// One enableWhen condition. `answer` holds answer[x] as an answer stores it (code for a
// Coding); for `exists` it is a boolean.
struct EnableWhen
{
    enum class Operator
    {
        Exists,
        Equal,
        NotEqual,
        Greater,
        Less,
        GreaterOrEqual,
        LessOrEqual
    };
    QString question;
    Operator op = Operator::Equal;
    QJsonValue answer;
    QString answerType; // the answer[x] suffix: "Boolean", "Coding", "Integer"...
};

// One item of a FHIR R4 Questionnaire, as far as ClinicDesk supports it (see Questionnaire.h).
struct QuestionnaireItem
{
    enum class Type
    {
        Group,
        Display,
        Boolean,
        Decimal,
        Integer,
        Date,
        String,
        Text,
        Choice,
        OpenChoice
    };

    QString linkId;
    LocalizedText text;
    Type type = Type::String;
    bool required = false;
    bool repeats = false;
    bool readOnly = false;
    std::optional<int> maxLength;
    std::optional<int> minLength;
    QVariant minValue; // int, double or QDate, as the item's type wants
    QVariant maxValue;
    QString regex;       // the regex extension, anchored when matched
    LocalizedText hint;  // the entryFormat extension: a placeholder such as "MM/DD/YYYY"
    QString itemControl; // the questionnaire-itemControl code ("drop-down", "radio-button"...)
    QList<QuestionnaireOption> options;
    QJsonArray initial; // initial values, as answers store them
    QList<EnableWhen> enableWhen;
    bool enableAll = true; // enableBehavior: all (default) or any
    QList<QuestionnaireItem> items;

    bool isQuestion() const { return type != Type::Group && type != Type::Display; }
    bool hasOptions() const { return type == Type::Choice || type == Type::OpenChoice; }
    const QuestionnaireOption *option(const QJsonValue &value) const;

    static QString typeName(Type type);
    static std::optional<Type> typeFromName(const QString &name);
};

} // namespace clinicdesk
