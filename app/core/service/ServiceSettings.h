#pragma once

#include "base/Result.h"
#include "service/ServiceOptions.h"

#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace clinicdesk::servicesettings {

// The headless programs' settings as given, on the command line or in a --config INI file, and
// the checks of their values (ServiceOptions builds the options from them). Every error is a
// usage error that names where the setting came from ("--listen", "listen (in /etc/x.ini)").

struct OptionSpec
{
    QString name;      // without dashes; also the INI key
    QString valueName; // empty for a flag
    QString description;
    bool repeatable = false;
};

// One setting as given, and where it came from so that an error can name it.
struct RawSetting
{
    QStringList values;
    QString source;  // "--listen" or "listen (in /etc/clinicdesk/inbox.ini)"
    QString baseDir; // relative paths are relative to this
};
using RawSettings = QMap<QString, RawSetting>;

struct Listen
{
    QString host;
    QHostAddress address;
    quint16 port = 0;
};

Error usage(const QString &source, const QString &problem);
QString quoted(const QString &value);
QString loopbackRule();
// `path` with ~ expanded, relative to `baseDir`.
QString absolutePath(const QString &path, const QString &baseDir);
Result<void> checkReadableFile(const QString &source, const QString &path);
// The rule of KeyFileKeyProvider::checkPermissions, for the other secret-bearing files.
Result<void> checkSecretFile(const QString &source, const QString &path);
Result<bool> parseBool(const RawSetting &raw);
Result<Listen> parseListen(const QString &source, const QString &value);
// http(s) only, no credentials in the URL, plain http only to a loopback host.
Result<QUrl> parseServiceUrl(const QString &source, const QString &value);
Result<QList<ServiceOptions::NamedFile>> parseNamedFiles(const RawSetting &raw);
const OptionSpec *findSpec(const QList<OptionSpec> &specs, const QString &name);
// Adds the settings of INI file `path` to `raw` (only names in `specs`; arrays for repeatable
// ones).
Result<void> readConfig(const QString &path, const QList<OptionSpec> &specs, RawSettings *raw);
// The setting `key` as an absolute path to a secret (0600) or readable file; empty when unset.
Result<QString> secretPath(const RawSettings &raw, const QString &key);
Result<QString> readablePath(const RawSettings &raw, const QString &key);
// A flag's value (false when unset).
Result<bool> flag(const RawSettings &raw, const QString &key);

} // namespace clinicdesk::servicesettings
