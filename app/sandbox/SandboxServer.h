#pragma once

#include "Result.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace clinicdesk {

class TlsIdentity;

// The HTTP(S) side of clinicdesk-sandbox. Serves GET /healthz and a JSON 404 for every other
// route; the provider API of DESIGN ("Provider API"), the simulated clinician, webhook delivery
// and the /_sandbox/ control routes are not implemented yet.
class SandboxServer final : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(QObject *parent = nullptr);

    // HTTPS with `identity`, or plain HTTP when it is null. Returns the bound port.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const TlsIdentity *identity);

private:
    QHttpServer m_http;
};

} // namespace clinicdesk
