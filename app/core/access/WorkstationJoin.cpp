#include "access/WorkstationJoin.h"

#include "audit/AuditLog.h"
#include "keys/KeyProvider.h"
#include "store/Database.h"
#include "store/LocalStore.h"
#include "store/Schema.h"
#include "store/Workstations.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace clinicdesk {

Result<WorkstationJoin::Joined> WorkstationJoin::join(const StoreLocation &location,
                                                      KeyProvider &keys, const QString &dataDir,
                                                      const QString &code,
                                                      const QString &operatorName)
{
    if (!location.isPostgres())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("joining needs the clinic's store: --database "
                                        "postgresql://..."));
    auto db = Database::openPostgres(*location.postgres, location.password, {});
    if (!db)
        return db.error();
    if (db.value()->schemaVersion() == 0)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no ClinicDesk store in %1 (clinicdesk-admin store init "
                                        "--database makes one)")
                             .arg(location.describe({})));
    if (auto r = db.value()->migrate(schema::migrations()); !r)
        return r.error();
    auto storeId =
        db.value()->exec(QStringLiteral("SELECT value FROM meta WHERE key = 'store_id'"));
    if (!storeId)
        return storeId.error();
    if (!storeId->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("the store has no id yet"));
    if (auto existing = keys.load(storeId->value(0).toString());
        !existing && existing.error().code != ErrorCode::KeyNotFound)
        return makeError(existing.error().code,
                         existing.error().message + QStringLiteral(" (the code was not used)"));

    const QString name = Workstations::thisWorkstation();
    auto joined = Workstations(*db.value()).join(code, name, QDateTime::currentMSecsSinceEpoch());
    if (!joined)
        return joined.error();
    db.value().reset();
    if (auto saved = keys.save(joined->storeId, joined->ring); !saved)
        return makeError(saved.error().code,
                         QStringLiteral("the invitation was used but the keys could not be saved "
                                        "(%1); ask an admin for a new code")
                             .arg(saved.error().message));
    auto store = LocalStore::open({dataDir, &keys, false, location, false});
    if (!store)
        return store.error();
    AuditLog audit(*store.value(), &keys);
    auto appended =
        audit.append({AuditAction::Admin, operatorName, QStringLiteral("workstation"), name,
                      AuditOutcome::Success,
                      QStringLiteral("joined with an invitation by %1").arg(joined->invitedBy)});
    if (!appended)
        return appended.error();
    return Joined{name, joined->storeId, joined->invitedBy};
}

} // namespace clinicdesk
