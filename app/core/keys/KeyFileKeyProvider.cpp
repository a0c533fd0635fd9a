#include "keys/KeyFileKeyProvider.h"

#include "base/Logging.h"
#include "crypto/Crypto.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace clinicdesk {
namespace {

// Makes a rename in `directory` durable: without it a power cut can bring back the old file.
void syncDirectory(const QString &directory)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return;
    if (::fsync(fd) != 0)
        qCWarning(lcKeys) << "could not sync the key file's directory";
    ::close(fd);
}

// Atomic replace of an owner-only file: permissions are set on the temporary file before any
// byte is written, the content is on disk (QSaveFile syncs it) before the rename, and the rename
// is on disk before this returns.
Result<void> writePrivateFile(const QString &path, QByteArray bytes)
{
    QSaveFile file(path);
    bool good = file.open(QIODevice::WriteOnly) &&
                file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    good = good && file.write(bytes) == bytes.size();
    crypto::wipe(bytes);
    if (!good || !file.commit())
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    syncDirectory(QFileInfo(path).absolutePath());
    return {};
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return makeError(
            ErrorCode::KeyFileInvalid,
            QStringLiteral("cannot read key file %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

KeyFileKeyProvider::KeyFileKeyProvider(QString path)
    : m_path(std::move(path))
{}

QString KeyFileKeyProvider::description() const
{
    return QStringLiteral("key file %1").arg(m_path);
}

Result<void> KeyFileKeyProvider::checkPermissions(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return makeError(ErrorCode::KeyNotFound,
                         QStringLiteral("key file %1 does not exist").arg(path));
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::KeyFileInvalid,
                         QStringLiteral("key file %1 is not a regular file").arg(path));
    const unsigned mode = st.st_mode & 07777;
    if ((mode & 077) != 0) {
        return makeError(ErrorCode::KeyFileInsecure,
                         QStringLiteral("key file %1 has mode %2, which lets other users read it; "
                                        "it must be 0600 (chmod 600 %1)")
                             .arg(path)
                             .arg(mode, 4, 8, QLatin1Char('0')));
    }
    if (st.st_uid != ::geteuid())
        return makeError(ErrorCode::KeyFileInsecure,
                         QStringLiteral("key file %1 belongs to another user").arg(path));
    return {};
}

Result<KeyRing> KeyFileKeyProvider::load(const QString &storeId)
{
    if (auto check = checkPermissions(m_path); !check)
        return check.error();
    auto bytes = readFile(m_path);
    if (!bytes)
        return bytes.error();
    QStringList stores;
    auto ring = KeyRing::parse(bytes.value(), &stores);
    crypto::wipe(bytes.value());
    if (!ring)
        return makeError(ErrorCode::KeyFileInvalid,
                         QStringLiteral("key file %1: %2").arg(m_path, ring.error().message));
    // A store the file has not served before is recorded (unless the operator made the file
    // read-only), so that a rotation by another store knows about it.
    if (!storeId.isEmpty() && !stores.contains(storeId) &&
        (QFile::permissions(m_path) & QFileDevice::WriteOwner)) {
        stores << storeId;
        if (auto record = writePrivateFile(m_path, ring.value().serialize(stores)); !record)
            qCWarning(lcKeys) << "key file does not record its store:" << record.error().message;
    }
    return ring;
}

Result<void> KeyFileKeyProvider::save(const QString &storeId, const KeyRing &ring)
{
    QStringList stores;
    if (QFile::exists(m_path)) {
        if (auto bytes = readFile(m_path)) {
            (void)KeyRing::parse(bytes.value(), &stores);
            crypto::wipe(bytes.value());
        }
    }
    if (!storeId.isEmpty() && !stores.contains(storeId))
        stores << storeId;
    if (auto r = writePrivateFile(m_path, ring.serialize(stores)); !r)
        return r.error();
    qCInfo(lcKeys) << "key ring saved to key file, keys:" << ring.ids().size();
    return {};
}

Result<QStringList> KeyFileKeyProvider::otherStores(const QString &storeId)
{
    auto bytes = readFile(m_path);
    if (!bytes)
        return bytes.error();
    QStringList stores;
    (void)KeyRing::parse(bytes.value(), &stores);
    crypto::wipe(bytes.value());
    stores.removeAll(storeId);
    return stores;
}

Result<QByteArray> KeyFileKeyProvider::loadAnchor(const QString &)
{
    QFile file(m_path + QStringLiteral(".audit-anchor"));
    if (!file.exists())
        return makeError(ErrorCode::KeyNotFound,
                         QStringLiteral("no audit anchor beside %1").arg(m_path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    return file.readAll();
}

Result<void> KeyFileKeyProvider::saveAnchor(const QString &, const QByteArray &anchor)
{
    return writePrivateFile(m_path + QStringLiteral(".audit-anchor"), anchor);
}

} // namespace clinicdesk
