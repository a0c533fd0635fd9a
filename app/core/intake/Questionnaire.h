#pragma once

#include "base/Result.h"
#include "intake/QuestionnaireItem.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <memory>

namespace clinicdesk {

// An intake questionnaire: a subset of FHIR R4 `Questionnaire` JSON (docs/intake.md lists it).
// Questionnaires are data: a new file under resources/questionnaires/ needs no code change.
//
// fromJson() refuses a file it could not render or evaluate faithfully, with a message that
// names the source, the item's linkId and the problem (duplicate linkId, unknown type, an
// enableWhen on a missing item, a bad regex, a choice without options...). A loaded
// questionnaire is immutable and cheap to copy.
class Questionnaire
{
public:
    static constexpr int kMaxDepth = 12;
    static constexpr int kMaxItems = 2000;

    Questionnaire();

    // `context`: a questionnaire this one will be combined with, whose items its enableWhen
    // conditions may refer to (the clinical questions may depend on the patient's sex).
    static Result<Questionnaire> fromJson(const QByteArray &json, const QString &source,
                                          const Questionnaire &context = Questionnaire());
    // A questionnaire made of `first`'s items followed by `second`'s, named after `second`
    // (the patient's demographics and a visit type's clinical questions). Their linkIds must
    // not overlap.
    static Result<Questionnaire> combine(const Questionnaire &first, const Questionnaire &second);

    bool isEmpty() const { return d->items.isEmpty(); }
    // The visit type this questionnaire is for ("weightloss"...), from the `name` element.
    QString name() const { return d->name; }
    QString url() const { return d->url; }
    QString version() const { return d->version; }
    const LocalizedText &title() const { return d->title; }
    const QList<QuestionnaireItem> &items() const { return d->items; }

    const QuestionnaireItem *item(const QString &linkId) const { return d->byLinkId.value(linkId); }
    // The linkId of the item that contains `linkId`, empty at the top level.
    QString parentOf(const QString &linkId) const { return d->parent.value(linkId); }
    // Every linkId, in document order (parents before their children).
    const QStringList &linkIds() const { return d->order; }

private:
    struct Data
    {
        QString name;
        QString url;
        QString version;
        LocalizedText title;
        QList<QuestionnaireItem> items;
        QHash<QString, const QuestionnaireItem *> byLinkId;
        QHash<QString, QString> parent;
        QStringList order;
    };
    static Result<void> index(Data &data, const QString &source, const Questionnaire &context);

    std::shared_ptr<const Data> d;
};

} // namespace clinicdesk
