#include "audit/AuditAnchor.h"

#include "keys/KeyProvider.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace clinicdesk {

AuditAnchor AuditAnchor::parse(const QByteArray &bytes)
{
    AuditAnchor anchor;
    anchor.state = State::Malformed;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    const QJsonObject object = document.object();
    const QJsonValue seq = object.value(QLatin1String("seq"));
    const QString hex = object.value(QLatin1String("hash")).toString();
    const QByteArray hash = QByteArray::fromHex(hex.toLatin1());
    if (error.error != QJsonParseError::NoError || !document.isObject() || !seq.isDouble() ||
        seq.toDouble() < 1 || seq.toDouble() != double(qint64(seq.toDouble())) ||
        hex.size() != 64 || hash.size() != 32 ||
        QString::fromLatin1(hash.toHex()) != hex.toLower()) {
        anchor.problem = QStringLiteral("it is not {\"seq\":N,\"hash\":\"<64 hex digits>\"}");
        return anchor;
    }
    anchor.state = State::Valid;
    anchor.head = AuditHead{qint64(seq.toDouble()), hash};
    return anchor;
}

AuditAnchor AuditAnchor::load(KeyProvider &keys, const QString &storeId)
{
    auto bytes = keys.loadAnchor(storeId);
    if (!bytes) {
        AuditAnchor anchor;
        if (bytes.error().code == ErrorCode::KeyNotFound)
            return anchor;
        anchor.state = State::Unreadable;
        anchor.problem = bytes.error().message;
        return anchor;
    }
    AuditAnchor anchor = parse(bytes.value());
    if (anchor.state == State::Malformed)
        anchor.problem = QStringLiteral("the audit anchor in %1 is malformed: %2")
                             .arg(keys.description(), anchor.problem);
    return anchor;
}

QByteArray AuditAnchor::serialize(const AuditHead &head)
{
    const QJsonObject anchor{{QStringLiteral("seq"), head.seq},
                             {QStringLiteral("hash"), QString::fromLatin1(head.hash.toHex())}};
    return QJsonDocument(anchor).toJson(QJsonDocument::Compact);
}

Result<void> AuditAnchor::save(KeyProvider &keys, const QString &storeId, const AuditHead &head)
{
    return keys.saveAnchor(storeId, serialize(head));
}

} // namespace clinicdesk
