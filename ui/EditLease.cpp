#include "EditLease.h"

#include "store/LocalStore.h"

#include <QDateTime>
#include <QLocale>

namespace clinicdesk {

Result<LeaseKeeper *> EditLease::take(LocalStore &store, const QString &resource,
                                      const Leases::Owner &owner, QObject *holder)
{
    auto outcome = Leases(store.db()).acquire(resource, owner);
    if (!outcome)
        return outcome.error();
    if (!outcome->taken)
        return makeError(ErrorCode::Conflict, inUseMessage(outcome->lease));
    return new LeaseKeeper(store.db(), outcome->lease, holder);
}

QString EditLease::inUseMessage(const Lease &lease)
{
    const QDateTime since =
        QDateTime::fromString(lease.acquiredAt, Qt::ISODateWithMs).toLocalTime();
    return tr("It is in use by %1 at %2 since %3.")
        .arg(lease.ownerName.isEmpty() ? lease.ownerUser : lease.ownerName, lease.workstation,
             QLocale().toString(since, QLocale::ShortFormat));
}

QString EditLease::lostMessage()
{
    return tr("This workstation was away too long and another one has taken this over; "
              "changes made here from now on are not saved.");
}

} // namespace clinicdesk
