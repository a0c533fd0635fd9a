#pragma once

#include "base/Result.h"
#include "store/Leases.h"

#include <QCoreApplication>

namespace clinicdesk {

class LocalStore;

// The console's side of store/Leases: takes the lease on a draft or a visit for the signed-in
// user at this workstation, kept (renewed) by a LeaseKeeper owned by `holder` and released when
// the holder goes. Someone else's live lease is a Conflict whose message says who has it
// ("in use by NAME at PC since TIME").
class EditLease
{
    Q_DECLARE_TR_FUNCTIONS(clinicdesk::EditLease)

public:
    static Result<LeaseKeeper *> take(LocalStore &store, const QString &resource,
                                      const Leases::Owner &owner, QObject *holder);
    static QString inUseMessage(const Lease &lease);
    // A renewal found the lease taken: the workstation was away longer than it lasts.
    static QString lostMessage();
};

} // namespace clinicdesk
