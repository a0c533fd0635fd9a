#pragma once

#include "crypto/KeyRing.h"
#include "keys/KeyFileKeyProvider.h"
#include "store/LocalStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

namespace clinicdesk::test {

// Writes a fresh key ring to <dir>/data.key with mode 0600 and returns its path.
inline QString writeKeyFile(const QTemporaryDir &dir,
                            const QString &name = QStringLiteral("data.key"))
{
    const QString path = QDir(dir.path()).filePath(name);
    KeyFileKeyProvider provider(path);
    const auto saved = provider.save({}, KeyRing::generate());
    if (!saved)
        qFatal("cannot write test key file: %s", qPrintable(saved.error().message));
    return path;
}

// Opens (creating if needed) a store in `dataDir` with the given provider, failing the test
// with the store's own message otherwise.
inline std::unique_ptr<LocalStore> openStore(const QString &dataDir, KeyProvider &keys)
{
    auto store = LocalStore::open({dataDir, &keys, false});
    if (!store)
        qFatal("cannot open test store: %s", qPrintable(store.error().message));
    return std::move(store).value();
}

// The permission bits of a file, as `ls -l` shows them (0600, 0700...).
inline int fileMode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// Reads every file in `dir` whose name starts with `prefix` (the database, its -wal and -shm).
inline QByteArray readAllStartingWith(const QString &dir, const QString &prefix)
{
    QByteArray all;
    const auto entries = QDir(dir).entryInfoList({prefix + QLatin1Char('*')}, QDir::Files);
    for (const QFileInfo &info : entries) {
        QFile f(info.filePath());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

// The state letter /proc shows for a process (R running, S sleeping, T stopped, Z zombie), or 0
// when there is no such process. A program stopped by a test seam (base/TestSeam.h) shows 'T'.
inline char processState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const qsizetype end = line.lastIndexOf(')'); // after the command name, which may hold spaces
    return end >= 0 && end + 2 < line.size() ? line.at(end + 2) : char(0);
}

} // namespace clinicdesk::test
