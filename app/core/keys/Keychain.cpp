#include "keys/Keychain.h"

#include "base/Logging.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace clinicdesk::keychain {
namespace {

// Runs a job to completion. A job that never answers (a hung Secret Service) is a clear error.
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
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

Error keychainError(const QKeychain::Job &job, const QString &what)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return makeError(
            ErrorCode::KeyNotFound,
            QStringLiteral("%1: no entry for this store in the OS keychain").arg(what));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return makeError(ErrorCode::KeychainDenied,
                         QStringLiteral("%1: the OS keychain refused access (is it locked?): %2")
                             .arg(what, job.errorString()));
    default:
        return makeError(ErrorCode::KeychainUnavailable,
                         QStringLiteral("%1: no OS keychain is available (a Secret Service such as "
                                        "gnome-keyring must be running and unlocked): %2")
                             .arg(what, job.errorString()));
    }
}

// The Secret Service is often still starting when a session begins: try once more (as the
// Nextcloud client does) before giving up.
template<typename JobT, typename Setup>
std::unique_ptr<JobT> runWithRetry(const QString &service, Setup setup)
{
    std::unique_ptr<JobT> job;
    for (int attempt = 0; attempt < 2; ++attempt) {
        job = std::make_unique<JobT>(service);
        job->setAutoDelete(false);
        job->setInsecureFallback(false);
        setup(*job);
        if (!runJob(*job))
            return nullptr;
        const auto err = job->error();
        if (err == QKeychain::NoError || err == QKeychain::EntryNotFound ||
            err == QKeychain::AccessDenied || err == QKeychain::AccessDeniedByUser)
            break;
        qCWarning(lcKeys) << "keychain job failed, code" << int(err) << "attempt" << attempt + 1;
    }
    return job;
}

Error timeoutError(const QString &what)
{
    return makeError(ErrorCode::KeychainUnavailable,
                     QStringLiteral("%1: the OS keychain did not answer within 30 s").arg(what));
}

} // namespace

Result<QByteArray> read(const QString &service, const QString &entry, const QString &what)
{
    auto job = runWithRetry<QKeychain::ReadPasswordJob>(
        service, [&](QKeychain::ReadPasswordJob &j) { j.setKey(entry); });
    if (!job)
        return timeoutError(what);
    if (job->error() != QKeychain::NoError)
        return keychainError(*job, what);
    return job->binaryData();
}

Result<void> write(const QString &service, const QString &entry, const QByteArray &bytes,
                   const QString &what)
{
    auto job =
        runWithRetry<QKeychain::WritePasswordJob>(service, [&](QKeychain::WritePasswordJob &j) {
            j.setKey(entry);
            j.setBinaryData(bytes);
        });
    if (!job)
        return timeoutError(what);
    if (job->error() != QKeychain::NoError)
        return keychainError(*job, what);
    return {};
}

Result<void> remove(const QString &service, const QString &entry, const QString &what)
{
    auto job = runWithRetry<QKeychain::DeletePasswordJob>(
        service, [&](QKeychain::DeletePasswordJob &j) { j.setKey(entry); });
    if (!job)
        return timeoutError(what);
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        return keychainError(*job, what);
    return {};
}

} // namespace clinicdesk::keychain
