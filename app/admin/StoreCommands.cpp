#include "AdminCommand.h"

#include "keys/KeyProvider.h"
#include "store/LocalStore.h"
#include "store/Schema.h"

namespace clinicdesk {
namespace {

Result<qint64> countRows(LocalStore &store, const QString &table)
{
    auto q = store.db().exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toLongLong();
}

Result<AdminOutput> storeInfo(AdminContext &ctx, const QStringList &)
{
    AdminOutput out;
    out.json = {{QStringLiteral("path"), ctx.store->db().path()},
                {QStringLiteral("storeId"), ctx.store->storeId()},
                {QStringLiteral("schemaVersion"), ctx.store->db().schemaVersion()},
                {QStringLiteral("latestSchemaVersion"), schema::latestVersion()}};
    QStringList lines = {QStringLiteral("database:       %1").arg(ctx.store->db().path()),
                         QStringLiteral("store id:       %1").arg(ctx.store->storeId()),
                         QStringLiteral("schema version: %1 (latest %2)")
                             .arg(ctx.store->db().schemaVersion())
                             .arg(schema::latestVersion())};
    for (const QString &table :
         {QStringLiteral("users"), QStringLiteral("patients"), QStringLiteral("drafts")}) {
        auto n = countRows(*ctx.store, table);
        if (!n)
            return n.error();
        out.json.insert(table, *n);
        lines << QStringLiteral("%1 %2").arg(table + QLatin1Char(':'), -15).arg(*n);
    }
    out.text = lines.join(QLatin1Char('\n'));
    return out;
}

Result<AdminOutput> storeInit(AdminContext &ctx, const QStringList &)
{
    AdminOutput out;
    out.json = {{QStringLiteral("storeId"), ctx.store->storeId()},
                {QStringLiteral("path"), ctx.store->db().path()},
                {QStringLiteral("keyProvider"), ctx.keys->description()}};
    out.text = QStringLiteral("store %1 ready at %2, data key in %3")
                   .arg(ctx.store->storeId(), ctx.store->db().path(), ctx.keys->description());
    return out;
}

Result<AdminOutput> storeMigrate(AdminContext &ctx, const QStringList &)
{
    // Opening the store already migrated it inside a transaction; report where it stands.
    AdminOutput out;
    out.json = {{QStringLiteral("schemaVersion"), ctx.store->db().schemaVersion()}};
    out.text =
        QStringLiteral("schema is at version %1 (latest)").arg(ctx.store->db().schemaVersion());
    return out;
}

} // namespace

// `store`: the console's store itself. Only `store init` may create one (main.cpp).
QList<AdminCommand> storeCommands()
{
    return {
        {QStringLiteral("store"), QStringLiteral("init"),
         QStringLiteral(
             "create an empty store and its data key (keychain, or --key-file created 0600)"),
         storeInit},
        {QStringLiteral("store"), QStringLiteral("info"),
         QStringLiteral("show the database path, schema version and row counts"), storeInfo},
        {QStringLiteral("store"), QStringLiteral("migrate"),
         QStringLiteral("bring the schema to the latest version (also done on every open)"),
         storeMigrate},
    };
}

} // namespace clinicdesk
