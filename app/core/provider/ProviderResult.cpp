#include "provider/ProviderResult.h"

namespace clinicdesk {

QString ProviderResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok:
        return QStringLiteral("ok");
    case Outcome::Transient:
        return QStringLiteral("transient");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::Unauthorized:
        return QStringLiteral("unauthorized");
    case Outcome::NotFound:
        return QStringLiteral("not-found");
    case Outcome::TlsFailed:
        return QStringLiteral("tls-failed");
    }
    return {};
}

} // namespace clinicdesk
