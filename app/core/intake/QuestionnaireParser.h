#pragma once

#include "intake/QuestionnaireItem.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>

namespace clinicdesk::questionnaireparser {

// Reading FHIR R4 Questionnaire JSON into QuestionnaireItems, for Questionnaire::fromJson(),
// which is the only caller. The parser is deeply recursive, so a problem is thrown as a
// ParseError inside it (every check would otherwise need its own early return) and turned into
// an Error by Questionnaire; nothing throws past that boundary.
struct ParseError
{
    QString linkId;
    QString problem;
};

[[noreturn]] void fail(const QString &linkId, const QString &problem);

// `owner[key]` with its translations (FHIR's translation extension on `_key`).
LocalizedText localized(const QJsonObject &owner, const QString &key, const QString &linkId);
// One item and everything under it. `seen` collects the linkIds so far (a repeat is an error).
QuestionnaireItem parseItem(const QJsonValue &json, int depth, const QString &parentLinkId,
                            QSet<QString> &seen);
// Whether an enableWhen on `question` with answer[x] `suffix` and its operator makes sense for
// that question's type (fails with the reason otherwise).
void checkCondition(const QuestionnaireItem &owner, const EnableWhen &condition,
                    const QString &suffix, const QuestionnaireItem &question);

} // namespace clinicdesk::questionnaireparser
