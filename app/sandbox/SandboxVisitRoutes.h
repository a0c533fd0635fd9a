#pragma once

#include "SandboxRoutes.h"

namespace clinicdesk {

// The visit routes: POST /visit/createNoPay and /visit/createNoPayPhotos (the same body; a photo
// visit waits in "holding" until receivePhotos brings its images), GET /visit/externalFetch/{id}
// (status, rxHistory with when each was written, labResults, intakeResults), GET
// /patient/externalFetch/{phone} (demographics and visits), and POST /external/updateName. The
// two reads refuse a bad API key the provider's way: HTTP 400 with no body.
class SandboxVisitRoutes final : public SandboxRoutes
{
public:
    using SandboxRoutes::SandboxRoutes;

    bool owns(const QString &path) const override;
    SandboxReply handle(const Call &call) override;
    SandboxReply unauthorised(const QString &path) const override;

private:
    SandboxReply createVisit(const QJsonObject &body, bool photos);
    SandboxReply fetchVisit(const QString &masterId);
    SandboxReply fetchPatient(const QString &phone);
    SandboxReply updateName(const QJsonObject &body);
};

} // namespace clinicdesk
