#pragma once

#include <QByteArray>
#include <QString>

namespace clinicdesk {

// A photo or document to send to the provider: the bytes as they are to be sent (a JPEG already
// scaled, oriented and stripped of metadata by the intake; a PDF) and their MIME type.
struct ProviderImage
{
    QString mime = QStringLiteral("image/jpeg");
    QByteArray bytes;
};

// The provider's answer to photos, a PDF, or a staff photo in the chat.
enum class UploadStatus
{
    NoReply,      // no answer (network, timeout, 5xx, key refused): retry the same upload
    Accepted,     // "Successfully received image(s)"
    VisitMissing, // "Visit does not exist": the visit id is not (yet) the provider's
    NotAccepted,  // "Error accepting image(s)": wrong type, too large, or the visit is closed
};

// The provider's answer to a patient name correction.
enum class NameChangeStatus
{
    NoReply,         // no answer: retry
    Updated,         // "Successfully updated patient name"
    NoLongerAllowed, // "Name change no longer allowed": the patient's ID is approved
    VisitMissing,    // "Visit does not exist"
    BadFormat,       // "Data format incorrect"
    NotAccepted,     // "Error accepting name change"
};

} // namespace clinicdesk
