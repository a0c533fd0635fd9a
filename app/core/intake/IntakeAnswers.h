#pragma once

#include "intake/QuestionnaireItem.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace clinicdesk {

// What an intake submits, as one value (IntakeForm::submissionView()): every enabled item in
// questionnaire order, each with its answers already read the way the clinician reads them
// (option displays, Yes/No, dates as MM/DD/YYYY, numbers as written, blanks dropped). The
// provider adapter turns this into the provider's field names; it needs nothing else from the
// intake (no enableWhen, no re-reading answers), and a hidden item is simply not here.
struct IntakeAnswers
{
    struct Item
    {
        QString linkId;
        QuestionnaireItem::Type type = QuestionnaireItem::Type::String;
        // The enclosing groups' linkIds, innermost first.
        QStringList groups;
        // The question in the base language, white space simplified; the linkId when it has
        // none.
        QString question;
        // Every listed answer option's display, in order (choice questions).
        QStringList optionTexts;
        // The answers as stored: booleans, numbers, ISO dates, option codes, text.
        QJsonArray values;
        // The same answers as read: trimmed, blank ones left out.
        QStringList texts;
        // The options the answers chose, in answer order (unlisted answers have none).
        QList<QuestionnaireOption> chosen;
        // The first answer as typed (IntakeForm::text): for fields the provider wants in its own
        // form (a date, digits only).
        QString firstText;

        bool isQuestion() const
        {
            return type != QuestionnaireItem::Type::Group &&
                   type != QuestionnaireItem::Type::Display;
        }
        // `linkId` is this item or one of its groups.
        bool isWithin(const QString &groupLinkId) const
        {
            return linkId == groupLinkId || groups.contains(groupLinkId);
        }
    };

    // The questionnaire's name: the visit type ("weightloss").
    QString visitType;
    QList<Item> items;

    // The enabled item with this linkId, or null (hidden or not in the questionnaire).
    const Item *item(const QString &linkId) const;
};

} // namespace clinicdesk
