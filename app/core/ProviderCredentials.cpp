#include "ProviderCredentials.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace clinicdesk {
namespace {

// Runs a keychain job to completion; a Secret Service that never answers is an error.
bool runJob(QKeychain::Job &job)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(30'000);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

Error jobError(const QKeychain::Job &job, bool finished)
{
    const QString what = QStringLiteral("provider API key");
    if (!finished)
        return makeError(
            ErrorCode::KeychainUnavailable,
            QStringLiteral("%1: the OS keychain did not answer within 30 s").arg(what));
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return makeError(ErrorCode::KeyNotFound,
                         QStringLiteral("%1: none is stored in the OS keychain").arg(what));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return makeError(
            ErrorCode::KeychainDenied,
            QStringLiteral("%1: the OS keychain refused access (is it locked?)").arg(what));
    default:
        return makeError(
            ErrorCode::KeychainUnavailable,
            QStringLiteral("%1: no OS keychain is available: %2").arg(what, job.errorString()));
    }
}

} // namespace

ProviderCredentials::ProviderCredentials(QString name, QString service)
    : m_name(std::move(name))
    , m_service(std::move(service))
{}

QString ProviderCredentials::entry() const
{
    return QStringLiteral("provider-api-key/%1").arg(m_name);
}

Result<QByteArray> ProviderCredentials::apiKey() const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(entry());
    const bool finished = runJob(job);
    if (!finished || job.error() != QKeychain::NoError)
        return jobError(job, finished);
    QByteArray key = job.binaryData();
    if (key.trimmed().isEmpty())
        return makeError(ErrorCode::KeyNotFound,
                         QStringLiteral("provider API key: the keychain entry is empty"));
    return key.trimmed();
}

Result<void> ProviderCredentials::saveApiKey(const QByteArray &apiKey) const
{
    if (apiKey.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the API key is empty"));
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(entry());
    job.setBinaryData(apiKey.trimmed());
    const bool finished = runJob(job);
    if (!finished || job.error() != QKeychain::NoError)
        return jobError(job, finished);
    return {};
}

Result<void> ProviderCredentials::remove() const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(entry());
    const bool finished = runJob(job);
    if (!finished || (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound))
        return jobError(job, finished);
    return {};
}

} // namespace clinicdesk
