#pragma once

#include "Result.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace clinicdesk {

class TlsIdentity;

// The HTTP(S) side of clinicdesk-inbox. Serves GET /healthz and a JSON 404 for every other
// route; the webhook and event routes of DESIGN ("Webhooks into the inbox", "Inbox → relay")
// are not implemented yet.
class InboxServer final : public QObject
{
    Q_OBJECT

public:
    explicit InboxServer(QObject *parent = nullptr);

    // HTTPS with `identity`, or plain HTTP when it is null. Returns the bound port.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const TlsIdentity *identity);

private:
    QHttpServer m_http;
};

} // namespace clinicdesk
