#pragma once

#include "SandboxRoutes.h"

namespace clinicdesk {

// POST /external/pharmacies {name, city, state, zip}: the directory's search
// (SandboxPharmacyDirectory). A state that is not a US state code answers "State not valid"; a
// search without a 5-digit ZIP answers {"status":400,"data":"Invalid search parameters"}; else
// {"status":200,"data":[{pharmacyId,name,address,city,state,zip,phone}, … at most 100]}.
class SandboxPharmacyRoutes final : public SandboxRoutes
{
public:
    using SandboxRoutes::SandboxRoutes;

    bool owns(const QString &path) const override;
    SandboxReply handle(const Call &call) override;
};

} // namespace clinicdesk
