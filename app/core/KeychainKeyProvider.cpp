#include "KeychainKeyProvider.h"

#include "Crypto.h"
#include "Logging.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace clinicdesk {
namespace {

QString entryName(const QString &storeId)
{
    return QStringLiteral("data-key/%1").arg(storeId);
}

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

KeychainKeyProvider::KeychainKeyProvider(QString service)
    : m_service(std::move(service))
{}

QString KeychainKeyProvider::description() const
{
    return QStringLiteral("the OS keychain");
}

Result<QByteArray> KeychainKeyProvider::readEntry(const QString &entry, const QString &what)
{
    auto job = runWithRetry<QKeychain::ReadPasswordJob>(
        m_service, [&](QKeychain::ReadPasswordJob &j) { j.setKey(entry); });
    if (!job)
        return timeoutError(what);
    if (job->error() != QKeychain::NoError)
        return keychainError(*job, what);
    return job->binaryData();
}

Result<void> KeychainKeyProvider::writeEntry(const QString &entry, const QByteArray &bytes,
                                             const QString &what)
{
    auto job =
        runWithRetry<QKeychain::WritePasswordJob>(m_service, [&](QKeychain::WritePasswordJob &j) {
            j.setKey(entry);
            j.setBinaryData(bytes);
        });
    if (!job)
        return timeoutError(what);
    if (job->error() != QKeychain::NoError)
        return keychainError(*job, what);
    return {};
}

Result<KeyRing> KeychainKeyProvider::load(const QString &storeId)
{
    auto bytes = readEntry(entryName(storeId), QStringLiteral("reading the data key"));
    if (!bytes)
        return bytes.error();
    auto ring = KeyRing::parse(bytes.value());
    crypto::wipe(bytes.value());
    if (!ring)
        return makeError(ErrorCode::WrongKey,
                         QStringLiteral("the keychain entry for this store is corrupt: %1")
                             .arg(ring.error().message));
    return ring;
}

Result<void> KeychainKeyProvider::save(const QString &storeId, const KeyRing &ring)
{
    QByteArray bytes = ring.serialize();
    auto r = writeEntry(entryName(storeId), bytes, QStringLiteral("saving the data key"));
    crypto::wipe(bytes);
    if (!r)
        return r.error();
    qCInfo(lcKeys) << "key ring saved to the OS keychain, keys:" << ring.ids().size();
    return {};
}

Result<QByteArray> KeychainKeyProvider::loadAnchor(const QString &storeId)
{
    return readEntry(QStringLiteral("audit-anchor/%1").arg(storeId),
                     QStringLiteral("reading the audit anchor"));
}

Result<void> KeychainKeyProvider::saveAnchor(const QString &storeId, const QByteArray &anchor)
{
    return writeEntry(QStringLiteral("audit-anchor/%1").arg(storeId), anchor,
                      QStringLiteral("saving the audit anchor"));
}

Result<void> KeychainKeyProvider::remove(const QString &storeId)
{
    const QString what = QStringLiteral("removing the data key");
    auto job = runWithRetry<QKeychain::DeletePasswordJob>(
        m_service, [&](QKeychain::DeletePasswordJob &j) { j.setKey(entryName(storeId)); });
    if (!job)
        return timeoutError(what);
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        return keychainError(*job, what);
    return {};
}

} // namespace clinicdesk
