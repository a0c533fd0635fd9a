#include "ConsoleSettingsFile.h"

#include "provider/ProviderConnection.h"

#include <QFileInfo>

namespace clinicdesk {

Result<QString> ConsoleSettingsFile::edit(const QString &dataDir,
                                          const std::function<void(QSettings &)> &edit)
{
    const QString path = ProviderConnection::settingsPath(dataDir);
    QSettings settings(path, QSettings::IniFormat);
    edit(settings);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1").arg(path));
    return path;
}

void ConsoleSettingsFile::setPathOrRemove(QSettings &settings, const QString &key,
                                          const QString &file)
{
    if (file.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, QFileInfo(file).absoluteFilePath());
}

} // namespace clinicdesk
