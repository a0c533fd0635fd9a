#include "SandboxFaults.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <type_traits>

namespace clinicdesk {
namespace {

const QList<std::pair<SandboxFaults::Kind, QString>> &names()
{
    using K = SandboxFaults::Kind;
    static const QList<std::pair<K, QString>> all = {
        {K::None, QStringLiteral("none")},
        {K::ServerError, QStringLiteral("5xx")},
        {K::ErrorAfter, QStringLiteral("5xx-after")},
        {K::Reset, QStringLiteral("reset")},
        {K::Drop, QStringLiteral("drop")},
        {K::ErrorIn200, QStringLiteral("200-error")},
        {K::TooManyRequests, QStringLiteral("429")},
        {K::Delay, QStringLiteral("delay")},
    };
    return all;
}

Result<QList<SandboxFaults::Kind>> kinds(const QJsonValue &value, const QString &what)
{
    QList<SandboxFaults::Kind> out;
    for (const QJsonValue &v : value.toArray()) {
        const auto kind = SandboxFaults::parse(v.toString());
        if (!kind)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("%1: unknown fault \"%2\"").arg(what, v.toString()));
        out << *kind;
    }
    return out;
}

} // namespace

QString SandboxFaults::name(Kind kind)
{
    for (const auto &[k, n] : names()) {
        if (k == kind)
            return n;
    }
    return {};
}

std::optional<SandboxFaults::Kind> SandboxFaults::parse(const QString &name)
{
    for (const auto &[k, n] : names()) {
        if (n == name)
            return k;
    }
    return std::nullopt;
}

SandboxFaults::Kind SandboxFaults::next()
{
    if (!queue.isEmpty())
        return queue.takeFirst();
    if (failRate <= 0.0 || modes.isEmpty() ||
        QRandomGenerator::global()->generateDouble() >= failRate)
        return Kind::None;
    return modes.at(int(QRandomGenerator::global()->bounded(qsizetype(modes.size()))));
}

SandboxFaults::Kind SandboxFaults::nextSms()
{
    return smsQueue.isEmpty() ? Kind::None : smsQueue.takeFirst();
}

Result<void> SandboxFaults::apply(const QJsonObject &s)
{
    SandboxFaults n = *this;
    auto number = [&](const char *key, auto &field, double lo, double hi) -> bool {
        const QJsonValue v = s.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isDouble() || v.toDouble() < lo || v.toDouble() > hi)
            return false;
        field = static_cast<std::decay_t<decltype(field)>>(v.toDouble());
        return true;
    };
    if (!number("failRate", n.failRate, 0, 1) || !number("delayMs", n.delayMs, 0, 600000) ||
        !number("retryAfterSeconds", n.retryAfterSeconds, 0, 3600) ||
        !number("duplicateRate", n.duplicateRate, 0, 1) ||
        !number("webhookDelayMs", n.webhookDelayMs, 0, 600000) ||
        !number("webhookBackoffMs", n.webhookBackoffMs, 1, 600000) ||
        !number("webhookMaxBackoffMs", n.webhookMaxBackoffMs, 1, 86400000))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("a number is out of range"));
    if (s.contains(QLatin1String("modes"))) {
        auto m = kinds(s.value(QLatin1String("modes")), QStringLiteral("modes"));
        if (!m)
            return m.error();
        n.modes = m.value();
    }
    if (s.contains(QLatin1String("next"))) {
        auto m = kinds(s.value(QLatin1String("next")), QStringLiteral("next"));
        if (!m)
            return m.error();
        n.queue = m.value();
    }
    if (s.contains(QLatin1String("smsNext"))) {
        auto m = kinds(s.value(QLatin1String("smsNext")), QStringLiteral("smsNext"));
        if (!m)
            return m.error();
        n.smsQueue = m.value();
    }
    if (s.contains(QLatin1String("reorder")))
        n.reorder = s.value(QLatin1String("reorder")).toBool();
    *this = n;
    return {};
}

QJsonObject SandboxFaults::toJson() const
{
    QJsonArray m, q, sms;
    for (Kind k : modes)
        m.append(name(k));
    for (Kind k : queue)
        q.append(name(k));
    for (Kind k : smsQueue)
        sms.append(name(k));
    return QJsonObject{{QStringLiteral("failRate"), failRate},
                       {QStringLiteral("modes"), m},
                       {QStringLiteral("next"), q},
                       {QStringLiteral("smsNext"), sms},
                       {QStringLiteral("delayMs"), delayMs},
                       {QStringLiteral("retryAfterSeconds"), retryAfterSeconds},
                       {QStringLiteral("duplicateRate"), duplicateRate},
                       {QStringLiteral("reorder"), reorder},
                       {QStringLiteral("webhookDelayMs"), webhookDelayMs},
                       {QStringLiteral("webhookBackoffMs"), webhookBackoffMs},
                       {QStringLiteral("webhookMaxBackoffMs"), webhookMaxBackoffMs}};
}

} // namespace clinicdesk
