#pragma once

#include "base/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace clinicdesk {

class SandboxStore;

// What arrived for a visit besides its intake: photos (receivePhotos), PDFs (receivePdf) and
// media in chat (receiveChat with isMedia), each kept sealed exactly as received ({mime, data}
// with the base64 text untouched) so GET /_sandbox/visits/{masterId}/images can hand them back;
// and the visit's lab results (POST /_sandbox/visits/{masterId}/lab), also sealed.
class SandboxAttachments
{
public:
    static const QString kPhoto; // "photo"
    static const QString kPdf;   // "pdf"
    static const QString kChat;  // "chat"

    struct Attachment
    {
        QString kind;
        QJsonObject item; // as received
        qint64 atMs = 0;  // sandbox clock
    };

    explicit SandboxAttachments(SandboxStore &store);

    Result<void> add(const QString &masterId, const QString &kind, const QJsonObject &item,
                     qint64 atMs);
    Result<QList<Attachment>> list(const QString &masterId);
    Result<int> count(const QString &masterId, const QString &kind);

    Result<void> setLabResults(const QString &masterId, const QJsonArray &results);
    Result<QJsonArray> labResults(const QString &masterId);

private:
    SandboxStore &m_store;
};

} // namespace clinicdesk
