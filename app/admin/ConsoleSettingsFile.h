#pragma once

#include "base/Result.h"

#include <QSettings>
#include <QString>

#include <functional>

namespace clinicdesk {

// <data dir>/clinicdesk.ini, the console's settings, as the admin commands change them
// (`provider configure`, `relay configure|off`). Paths are written absolute; secrets never are
// (they stay in the keychain or in their owner-only files).
class ConsoleSettingsFile
{
public:
    // Applies `edit` and writes the file out at once; returns its path.
    static Result<QString> edit(const QString &dataDir,
                                const std::function<void(QSettings &)> &edit);
    // Sets `key` to the absolute path of `file`, or removes it when `file` is empty.
    static void setPathOrRemove(QSettings &settings, const QString &key, const QString &file);
};

} // namespace clinicdesk
