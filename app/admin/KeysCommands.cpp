#include "AdminCommand.h"

#include "audit/AuditLog.h"
#include "keys/KeyProvider.h"
#include "store/LocalStore.h"

#include <QJsonArray>

namespace clinicdesk {
namespace {

Result<AdminOutput> keysStatus(AdminContext &ctx, const QStringList &)
{
    const KeyRing &ring = ctx.store->cipher().ring();
    QJsonArray ids;
    QStringList idText;
    for (quint32 id : ring.ids()) {
        ids.append(qint64(id));
        idText << QString::number(id);
    }
    AdminOutput out;
    out.json = {{QStringLiteral("storeId"), ctx.store->storeId()},
                {QStringLiteral("keyProvider"), ctx.keys->description()},
                {QStringLiteral("currentKeyId"), qint64(ring.currentId())},
                {QStringLiteral("keyIds"), ids}};
    out.text = QStringLiteral(
                   "store id:       %1\nkey provider:   %2\ncurrent key id: %3\nkey ids:        %4")
                   .arg(ctx.store->storeId(), ctx.keys->description())
                   .arg(ring.currentId())
                   .arg(idText.join(QStringLiteral(", ")));
    return out;
}

Result<AdminOutput> keysRotate(AdminContext &ctx, const QStringList &)
{
    const quint32 oldId = ctx.store->cipher().ring().currentId();
    auto newId = ctx.store->rotateDataKey(*ctx.keys);
    if (!newId)
        return newId.error();
    if (auto a = ctx.recordAdmin(QStringLiteral("data_key"), QString::number(*newId),
                                 QStringLiteral("data key rotated from key %1").arg(oldId));
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("previousKeyId"), qint64(oldId)},
                {QStringLiteral("currentKeyId"), qint64(*newId)}};
    out.text = QStringLiteral("data key rotated: key %1 replaced by key %2; every sealed value was "
                              "re-encrypted and the search index rebuilt")
                   .arg(oldId)
                   .arg(*newId);
    return out;
}

} // namespace

// `keys`: the store's data keys (ids only, never key bytes).
QList<AdminCommand> keysCommands()
{
    return {
        {QStringLiteral("keys"), QStringLiteral("status"),
         QStringLiteral("show the store id and the ids of its data keys (never key bytes)"),
         keysStatus},
        {QStringLiteral("keys"), QStringLiteral("rotate"),
         QStringLiteral(
             "add a new data key, re-encrypt everything in one transaction, retire the old key"),
         keysRotate},
    };
}

} // namespace clinicdesk
