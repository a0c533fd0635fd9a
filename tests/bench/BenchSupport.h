#pragma once

#include <QByteArray>
#include <QDir>
#include <QList>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QString>

#include <algorithm>
#include <cstdio>

namespace clinicdesk::bench {

// The middle value (the upper one of the two middles for an even count); 0 for none.
inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Where a benchmark keeps its stores: beside a real console data dir (the directory that holds
// LocalStore::defaultDataDir(), i.e. $XDG_DATA_HOME or ~/.local/share, whatever test mode or
// scripts/with-keyring say),
// never the system's temporary directory, which is often a tmpfs and would flatter every figure
// that commits to disk. Use as `QTemporaryDir dir(bench::storageTemplate());`.
inline QString storageTemplate()
{
    const bool testMode = QStandardPaths::isTestModeEnabled();
    QStandardPaths::setTestModeEnabled(false);
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    QStandardPaths::setTestModeEnabled(testMode);
    // scripts/with-keyring points XDG_DATA_HOME into its private directory under /tmp (for the
    // keyring): the data dir a console would really use is the user's own.
    const QString keyringHome = qEnvironmentVariable("CLINICDESK_KEYRING_HOME");
    if (!keyringHome.isEmpty() && base.startsWith(keyringHome))
        base = QDir::home().filePath(QStringLiteral(".local/share"));
    QDir().mkpath(base);
    return QDir(base).filePath(QStringLiteral("clinicdesk-bench-XXXXXX"));
}

// Says which file system the stores are on, in one line scripts/bench shows above its table:
//   BENCH-NOTE storage ext4 /dev/vda (/root/.local/share/clinicdesk-bench-Ab12Cd)
// A memory file system is named as such: its commit figures say nothing about a disk.
inline void noteStorage(const QString &path)
{
    const QStorageInfo info(path);
    const QByteArray type = info.fileSystemType();
    const bool memory = type == "tmpfs" || type == "ramfs";
    std::printf("BENCH-NOTE storage %s %s (%s)%s\n", type.isEmpty() ? "unknown" : type.constData(),
                info.device().isEmpty() ? "?" : info.device().constData(),
                qPrintable(QDir::toNativeSeparators(path)),
                memory ? ": a memory file system, not a disk; commit figures are flattered" : "");
    std::fflush(stdout);
}

} // namespace clinicdesk::bench
