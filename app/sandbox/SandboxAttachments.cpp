#include "SandboxAttachments.h"

#include "SandboxStore.h"
#include "crypto/Crypto.h"

#include <QJsonDocument>

namespace clinicdesk {

const QString SandboxAttachments::kPhoto = QStringLiteral("photo");
const QString SandboxAttachments::kPdf = QStringLiteral("pdf");
const QString SandboxAttachments::kChat = QStringLiteral("chat");

SandboxAttachments::SandboxAttachments(SandboxStore &store)
    : m_store(store)
{}

Result<void> SandboxAttachments::add(const QString &masterId, const QString &kind,
                                     const QJsonObject &item, qint64 atMs)
{
    const QString id = QString::fromLatin1(crypto::randomBytes(12).toHex());
    auto sealed = m_store.seal(QStringLiteral("attachments"), id, QStringLiteral("item"),
                               QJsonDocument(item).toJson(QJsonDocument::Compact));
    if (!sealed)
        return sealed.error();
    auto q = m_store.db().exec(QStringLiteral("INSERT INTO attachments (id, master_id, kind, "
                                              "item, at) VALUES (?, ?, ?, ?, ?)"),
                               {id, masterId, kind, sealed.value(), atMs});
    if (!q)
        return q.error();
    return {};
}

Result<QList<SandboxAttachments::Attachment>> SandboxAttachments::list(const QString &masterId)
{
    auto q = m_store.db().exec(QStringLiteral("SELECT id, kind, item, at FROM attachments WHERE "
                                              "master_id = ? ORDER BY seq"),
                               {masterId});
    if (!q)
        return q.error();
    QList<Attachment> all;
    while (q->next()) {
        auto plain = m_store.open(QStringLiteral("attachments"), q->value(0).toString(),
                                  QStringLiteral("item"), q->value(2).toByteArray());
        if (!plain)
            return plain.error();
        all << Attachment{q->value(1).toString(), QJsonDocument::fromJson(plain.value()).object(),
                          q->value(3).toLongLong()};
    }
    return all;
}

Result<int> SandboxAttachments::count(const QString &masterId, const QString &kind)
{
    auto q = m_store.db().exec(
        QStringLiteral("SELECT COUNT(*) FROM attachments WHERE master_id = ? AND kind = ?"),
        {masterId, kind});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<void> SandboxAttachments::setLabResults(const QString &masterId, const QJsonArray &results)
{
    auto sealed = m_store.seal(QStringLiteral("visits"), masterId, QStringLiteral("lab_results"),
                               QJsonDocument(results).toJson(QJsonDocument::Compact));
    if (!sealed)
        return sealed.error();
    auto q =
        m_store.db().exec(QStringLiteral("UPDATE visits SET lab_results = ? WHERE master_id = ?"),
                          {sealed.value(), masterId});
    if (!q)
        return q.error();
    return {};
}

Result<QJsonArray> SandboxAttachments::labResults(const QString &masterId)
{
    auto q = m_store.db().exec(QStringLiteral("SELECT lab_results FROM visits WHERE master_id = ?"),
                               {masterId});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return QJsonArray();
    auto plain = m_store.open(QStringLiteral("visits"), masterId, QStringLiteral("lab_results"),
                              q->value(0).toByteArray());
    if (!plain)
        return plain.error();
    return QJsonDocument::fromJson(plain.value()).array();
}

} // namespace clinicdesk
