#pragma once

#include <QByteArray>

namespace clinicdesk {

// The one table of HTTP reason phrases for the status lines ClinicDesk's own servers write (the
// inbox's HTTP layer and the sandbox). One table so that both say the same words for the same
// code; a status not listed gets "Status", which clients ignore (RFC 9112 §4: the reason
// phrase carries no meaning).
class HttpStatus
{
public:
    static QByteArray reasonPhrase(int status);
};

} // namespace clinicdesk
