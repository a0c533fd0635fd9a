#pragma once

namespace clinicdesk {

// The provider's routes that carry a request body, by what they do (BelugaAdapter maps each to
// its path and to the normaliser that reads its replies). An outbox can queue a route and a
// body and send it later with ProviderClient::post.
enum class ProviderRoute
{
    CreateVisit,           // a visit from the intake
    CreateVisitWithPhotos, // a visit that waits for its photo ID and clinical photos
    Photos,                // photos for a visit (after either create)
    Pdf,                   // a PDF document for a visit
    StaffChat,             // a staff reply to the clinician, text or a photo
    SupportMessage,        // a message to the provider's support
    PharmacySearch,        // the provider's pharmacy directory
    UpdateVisit,           // change the preference or pharmacy; change or resend the Rx
    NextTitration,         // the next prescription of a titration programme
    UpdateName,            // correct the patient's name
};

} // namespace clinicdesk
