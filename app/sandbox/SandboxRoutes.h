#pragma once

#include "SandboxReply.h"

#include <QHttpServerRequest>
#include <QJsonObject>
#include <QString>

namespace clinicdesk {

struct SandboxContext;

// One family of the sandbox's routes (visits, media, pharmacies, care, SMS, control). The server
// authenticates, injects faults and parses JSON bodies; a family says which paths it owns,
// answers them (405 for a known path with the wrong method) and, where the provider does so
// differently, how it refuses a bad API key.
class SandboxRoutes
{
public:
    using Method = QHttpServerRequest::Method;

    struct Call
    {
        const QHttpServerRequest &request;
        QString path;
        QJsonObject json; // a POST's JSON object body, empty otherwise
        bool get() const { return request.method() == Method::Get; }
        bool post() const { return request.method() == Method::Post; }
    };

    explicit SandboxRoutes(SandboxContext &context)
        : m_ctx(context)
    {}
    virtual ~SandboxRoutes() = default;
    SandboxRoutes(const SandboxRoutes &) = delete;
    SandboxRoutes &operator=(const SandboxRoutes &) = delete;

    virtual bool owns(const QString &path) const = 0;
    // The SMS gateway stand-in checks its own (Basic) credentials, reads forms rather than JSON
    // and has its own fault queue; every other family is the provider's API.
    virtual bool smsGateway() const { return false; }
    virtual SandboxReply handle(const Call &call) = 0;
    // The answer to a request without a valid API key: 401 unless the provider says otherwise.
    virtual SandboxReply unauthorised(const QString &path) const
    {
        Q_UNUSED(path);
        return SandboxReply::httpError(401, QStringLiteral("Unauthorized"));
    }

protected:
    // The rest of the path after `prefix` when it starts with it and is not empty.
    static QString tail(const QString &path, const QString &prefix)
    {
        return path.startsWith(prefix) && path.size() > prefix.size() ? path.mid(prefix.size())
                                                                      : QString();
    }

    SandboxContext &m_ctx;
};

} // namespace clinicdesk
