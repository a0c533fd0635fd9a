#pragma once

#include "base/Result.h"
#include "store/StoreLocation.h"

#include <QString>

namespace clinicdesk {

class KeyProvider;

// A new PC joins the clinic's store on PostgreSQL with a one-time code (store/Workstations):
// clinicdesk-admin workstation join and the console's store-error page both run this.
//
// Order matters for a code that can be used once: the store is reached and the key provider
// answers (a keychain that is not there fails here, the invitation still open); then the code
// is used, the ring saved to the provider, the store opened with it (its key check proves the
// ring) and the join written to the audit log by `operatorName`.
class WorkstationJoin
{
public:
    struct Joined
    {
        QString workstation;
        QString storeId;
        QString invitedBy;
    };
    static Result<Joined> join(const StoreLocation &location, KeyProvider &keys,
                               const QString &dataDir, const QString &code,
                               const QString &operatorName);
};

} // namespace clinicdesk
