#include "intake/Questionnaire.h"

#include "intake/QuestionnaireParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <functional>

namespace clinicdesk {

using namespace questionnaireparser;

Questionnaire::Questionnaire()
    : d(std::make_shared<const Data>())
{}

Result<void> Questionnaire::index(Data &data, const QString &source, const Questionnaire &context)
{
    std::function<void(const QList<QuestionnaireItem> &, const QString &)> walk =
        [&](const QList<QuestionnaireItem> &items, const QString &parent) {
            for (const QuestionnaireItem &item : items) {
                data.byLinkId.insert(item.linkId, &item);
                if (!parent.isEmpty())
                    data.parent.insert(item.linkId, parent);
                data.order << item.linkId;
                walk(item.items, item.linkId);
            }
        };
    walk(data.items, {});
    try {
        for (const QString &linkId : std::as_const(data.order)) {
            const QuestionnaireItem &owner = *data.byLinkId.value(linkId);
            for (const EnableWhen &c : owner.enableWhen) {
                const QuestionnaireItem *question = data.byLinkId.value(c.question);
                if (!question)
                    question = context.item(c.question);
                if (!question)
                    fail(linkId, QStringLiteral("enableWhen refers to missing item '%1'")
                                     .arg(c.question.left(80)));
                // A condition on an item inside this one could never become true.
                for (QString p = data.parent.value(c.question); !p.isEmpty();
                     p = data.parent.value(p)) {
                    if (p == linkId)
                        fail(linkId, QStringLiteral("enableWhen refers to '%1', which is inside "
                                                    "this item")
                                         .arg(c.question));
                }
            }
        }
        // enableWhen may not form a cycle (A shown when B, B shown when A): the enabled state
        // of a question depends on its own and its ancestors' conditions.
        QHash<QString, int> state; // 1 visiting, 2 done
        std::function<void(const QString &)> visit = [&](const QString &linkId) {
            if (state.value(linkId) == 2)
                return;
            if (state.value(linkId) == 1)
                fail(linkId, QStringLiteral("enableWhen conditions form a cycle"));
            state.insert(linkId, 1);
            for (const EnableWhen &c : data.byLinkId.value(linkId)->enableWhen) {
                if (data.byLinkId.contains(c.question))
                    visit(c.question);
            }
            if (const QString p = data.parent.value(linkId); !p.isEmpty())
                visit(p);
            state.insert(linkId, 2);
        };
        for (const QString &linkId : std::as_const(data.order))
            visit(linkId);
    } catch (const ParseError &e) {
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("questionnaire %1: item '%2': %3").arg(source, e.linkId, e.problem));
    }
    return {};
}

Result<Questionnaire> Questionnaire::fromJson(const QByteArray &json, const QString &source,
                                              const Questionnaire &context)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("questionnaire %1: not JSON (%2 at offset %3)")
                             .arg(source, parseError.errorString())
                             .arg(parseError.offset));
    const QJsonObject root = doc.object();
    auto refuse = [&](const QString &problem) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("questionnaire %1: %2").arg(source, problem));
    };
    if (root.value(QLatin1String("resourceType")).toString() != QLatin1String("Questionnaire"))
        return refuse(QStringLiteral("resourceType is not Questionnaire"));
    auto data = std::make_shared<Data>();
    data->name = root.value(QLatin1String("name")).toString();
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]{0,63}$"));
    if (!nameRe.match(data->name).hasMatch())
        return refuse(QStringLiteral("'name' (the visit type) must be a short code such as "
                                     "weightloss"));
    data->url = root.value(QLatin1String("url")).toString();
    data->version = root.value(QLatin1String("version")).toString();
    const QJsonValue items = root.value(QLatin1String("item"));
    if (!items.isArray() || items.toArray().isEmpty())
        return refuse(QStringLiteral("no items"));

    QSet<QString> seen;
    try {
        data->title = localized(root, QStringLiteral("title"), QStringLiteral("(title)"));
        for (const QJsonValue &item : items.toArray())
            data->items << parseItem(item, 0, {}, seen);
    } catch (const ParseError &e) {
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("questionnaire %1: item '%2': %3").arg(source, e.linkId, e.problem));
    }
    if (auto r = index(*data, source, context); !r)
        return r.error();
    try {
        for (const QString &linkId : std::as_const(data->order)) {
            const QuestionnaireItem &owner = *data->byLinkId.value(linkId);
            for (const EnableWhen &c : owner.enableWhen)
                checkCondition(owner, c, c.answerType,
                               data->byLinkId.contains(c.question)
                                   ? *data->byLinkId.value(c.question)
                                   : *context.item(c.question));
        }
    } catch (const ParseError &e) {
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("questionnaire %1: item '%2': %3").arg(source, e.linkId, e.problem));
    }
    Questionnaire q;
    q.d = std::move(data);
    return q;
}

Result<Questionnaire> Questionnaire::combine(const Questionnaire &first,
                                             const Questionnaire &second)
{
    auto data = std::make_shared<Data>();
    data->name = second.name();
    data->url = second.url();
    data->version = second.version();
    data->title = second.title();
    data->items = first.items() + second.items();
    for (const QString &linkId : second.linkIds()) {
        if (first.item(linkId))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("questionnaire %1: item '%2': duplicate linkId "
                                            "(already used by %3)")
                                 .arg(second.name(), linkId, first.name()));
    }
    if (auto r = index(*data, second.name(), Questionnaire()); !r)
        return r.error();
    Questionnaire q;
    q.d = std::move(data);
    return q;
}

} // namespace clinicdesk
