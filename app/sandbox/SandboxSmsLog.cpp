#include "SandboxSmsLog.h"

#include "SandboxStore.h"

#include <QJsonDocument>

namespace clinicdesk {

SandboxSmsLog::SandboxSmsLog(SandboxStore &store)
    : m_store(store)
{}

Result<void> SandboxSmsLog::add(const QString &sid, const QString &accountSid,
                                const QJsonObject &message, qint64 atMs)
{
    auto sealed = m_store.seal(QStringLiteral("sms"), sid, QStringLiteral("message"),
                               QJsonDocument(message).toJson(QJsonDocument::Compact));
    if (!sealed)
        return sealed.error();
    auto q = m_store.db().exec(
        QStringLiteral("INSERT INTO sms (sid, account_sid, message, at) VALUES (?, ?, ?, ?)"),
        {sid, accountSid, sealed.value(), atMs});
    if (!q)
        return q.error();
    return {};
}

Result<QList<QJsonObject>> SandboxSmsLog::all()
{
    auto q = m_store.db().exec(QStringLiteral("SELECT sid, message FROM sms ORDER BY seq"));
    if (!q)
        return q.error();
    QList<QJsonObject> list;
    while (q->next()) {
        auto plain = m_store.open(QStringLiteral("sms"), q->value(0).toString(),
                                  QStringLiteral("message"), q->value(1).toByteArray());
        if (!plain)
            return plain.error();
        list << QJsonDocument::fromJson(plain.value()).object();
    }
    return list;
}

} // namespace clinicdesk
