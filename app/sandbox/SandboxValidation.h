#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace clinicdesk {

// The provider's checks on a POST /visit/createNoPay body, with the provider's own error texts:
// "Payload contains bad fields: a, b", "State not valid". (Eligibility needs the sandbox's state
// and is checked by SandboxProvider.)
class SandboxValidation
{
public:
    static const QStringList &visitTypes();
    static bool isUsState(const QString &code);
    // Empty when the body is acceptable, else the provider's error text.
    static QString createVisitError(const QJsonObject &body);
    // The offending field names, in a stable order.
    static QStringList badFields(const QJsonObject &body);
};

} // namespace clinicdesk
