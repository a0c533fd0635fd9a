#include "store/StoreLocation.h"

#include "keys/Keychain.h"
#include "store/LocalStore.h"

#include <QFile>

#include <sys/stat.h>
#include <unistd.h>

namespace clinicdesk {

Result<QString> StoreLocation::readPasswordFile(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("database password file %1 does not exist").arg(path));
    if (!S_ISREG(st.st_mode))
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("database password file %1 is not a regular file").arg(path));
    const unsigned mode = st.st_mode & 07777;
    if ((mode & 077) != 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("database password file %1 has mode %2, which lets other "
                                        "users read it; it must be 0600 (chmod 600 %1)")
                             .arg(path)
                             .arg(mode, 4, 8, QLatin1Char('0')));
    if (st.st_uid != ::geteuid())
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("database password file %1 belongs to another user").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot read database password file %1: %2")
                             .arg(path, file.errorString()));
    const QString password = QString::fromUtf8(file.readAll()).trimmed();
    if (password.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("database password file %1 is empty").arg(path));
    return password;
}

Result<StoreLocation> StoreLocation::fromOptions(const QString &uri, const QString &passwordFile)
{
    StoreLocation location;
    if (uri.isEmpty()) {
        if (!passwordFile.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("--database-password-file needs --database "
                                            "postgresql://…"));
        return location;
    }
    auto settings = PostgresSettings::parse(uri);
    if (!settings)
        return settings.error();
    location.postgres = settings.value();
    if (!passwordFile.isEmpty()) {
        auto password = readPasswordFile(passwordFile);
        if (!password)
            return password.error();
        location.password = password.value();
        return location;
    }
    auto stored = keychain::read(keychainService(), settings->keychainEntry(),
                                 QStringLiteral("reading the database password"));
    if (stored) {
        location.password = QString::fromUtf8(stored.value());
        return location;
    }
    if (stored.error().code != ErrorCode::KeyNotFound)
        return stored.error();
    // No password anywhere: fine for a Unix socket with peer authentication; the server says
    // so clearly otherwise ("password authentication failed").
    return location;
}

QString StoreLocation::describe(const QString &dataDir) const
{
    return postgres ? postgres->displayUri() : LocalStore::databasePath(dataDir);
}

} // namespace clinicdesk
