#include "keys/KeyFileKeyProvider.h"

#include "base/Logging.h"
#include "crypto/Crypto.h"

#include <QFile>
#include <QSaveFile>

#include <sys/stat.h>
#include <unistd.h>

namespace clinicdesk {

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

Result<KeyRing> KeyFileKeyProvider::load(const QString &)
{
    if (auto check = checkPermissions(m_path); !check)
        return check.error();
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::KeyFileInvalid,
            QStringLiteral("cannot read key file %1: %2").arg(m_path, file.errorString()));
    QByteArray bytes = file.readAll();
    auto ring = KeyRing::parse(bytes);
    crypto::wipe(bytes);
    if (!ring)
        return makeError(ErrorCode::KeyFileInvalid,
                         QStringLiteral("key file %1: %2").arg(m_path, ring.error().message));
    return ring;
}

namespace {

// Atomic replace of an owner-only file: permissions are set on the temporary file before any
// byte is written, and the rename makes the new content appear whole or not at all.
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
    return {};
}

} // namespace

Result<void> KeyFileKeyProvider::save(const QString &, const KeyRing &ring)
{
    if (auto r = writePrivateFile(m_path, ring.serialize()); !r)
        return r.error();
    qCInfo(lcKeys) << "key ring saved to key file, keys:" << ring.ids().size();
    return {};
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
