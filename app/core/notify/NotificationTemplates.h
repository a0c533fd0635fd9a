#pragma once

#include "base/Result.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace clinicdesk {

class Database;

// The wording of patient messages (issue 17): one subject and body per template (event) and
// language (en, es). Built-in defaults carry the minimum necessary: the clinic's name and phone,
// the first name, a carrier and tracking number, a date; never a diagnosis, a medication or an
// answer. An admin may replace them (the `notification_templates` table); a template that uses
// any placeholder outside PatientNotice::safePlaceholders() is refused when saved. A placeholder
// is written {name}.
class NotificationTemplates
{
public:
    struct Template
    {
        QString subject;
        QString body;
    };

    explicit NotificationTemplates(Database &db)
        : m_db(db)
    {}

    // What is wrong with a template, for a caller that words it itself (the console, in the
    // user's language); validate() words the same finding for the CLI and the log.
    struct Problem
    {
        enum class Kind
        {
            UnknownTemplate,
            UnknownLanguage,
            EmptyBody,
            TooLong,
            UnsafePlaceholder, // `name` holds the placeholder, without braces
            UnbalancedBrace,
        };
        Kind kind;
        QString name;
    };

    static const QStringList &languages(); // en, es
    static Template builtIn(const QString &templateKey, const QString &language);
    // The one validator: the first problem, or none.
    static std::optional<Problem> check(const QString &templateKey, const QString &language,
                                        const Template &text);
    // InvalidInput naming the first placeholder outside the safe set (or an unknown template or
    // language, or an unbalanced brace): check()'s finding in words.
    static Result<void> validate(const QString &templateKey, const QString &language,
                                 const Template &text);
    // The values a preview renders with: the clinic's own name and phone, sample values for the
    // patient's placeholders (first name Ana, UPS, a tracking number, `date`).
    static QHash<QString, QString> sampleValues(const QString &clinicName,
                                                const QString &clinicPhone, const QDate &date);
    // The exact text sent: every {placeholder} replaced by its value (empty when missing).
    static QString render(const QString &text, const QHash<QString, QString> &values);

    // The admin's wording when there is one, else the built-in one.
    Result<Template> get(const QString &templateKey, const QString &language);
    // True when an admin's wording replaces the built-in one.
    Result<bool> isCustom(const QString &templateKey, const QString &language);
    Result<void> save(const QString &templateKey, const QString &language, const Template &text,
                      const QString &byUser);
    // Back to the built-in wording.
    Result<void> reset(const QString &templateKey, const QString &language);

private:
    Database &m_db;
};

} // namespace clinicdesk
