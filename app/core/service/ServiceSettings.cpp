#include "service/ServiceSettings.h"

#include "base/EndpointUrl.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

#include <sys/stat.h>
#include <unistd.h>

namespace clinicdesk::servicesettings {

Error usage(const QString &source, const QString &problem)
{
    return makeError(ErrorCode::InvalidInput, QStringLiteral("%1: %2").arg(source, problem));
}

QString loopbackRule()
{
    return QStringLiteral("loopback (127.0.0.0/8, ::1, localhost)");
}

QString quoted(const QString &value)
{
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString absolutePath(const QString &path, const QString &baseDir)
{
    QString expanded = path;
    if (expanded == QLatin1String("~") || expanded.startsWith(QLatin1String("~/")))
        expanded.replace(0, 1, QDir::homePath());
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(expanded));
}

Result<void> checkReadableFile(const QString &source, const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return usage(source, QStringLiteral("file %1 does not exist").arg(path));
    if (!info.isFile())
        return usage(source, QStringLiteral("%1 is not a regular file").arg(path));
    if (!info.isReadable())
        return usage(source, QStringLiteral("file %1 is not readable").arg(path));
    return {};
}

// The rule of KeyFileKeyProvider::checkPermissions, for the other secret-bearing files.
Result<void> checkSecretFile(const QString &source, const QString &path)
{
    if (auto readable = checkReadableFile(source, path); !readable)
        return readable;
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return usage(source, QStringLiteral("cannot examine %1").arg(path));
    const unsigned mode = st.st_mode & 07777;
    if ((mode & 077) != 0) {
        return usage(source, QStringLiteral("secret file %1 has mode %2, which lets other users "
                                            "read it; it must be 0600 (chmod 600 %1)")
                                 .arg(path)
                                 .arg(mode, 4, 8, QLatin1Char('0')));
    }
    if (st.st_uid != ::geteuid())
        return usage(source, QStringLiteral("secret file %1 belongs to another user").arg(path));
    return {};
}

Result<bool> parseBool(const RawSetting &raw)
{
    const QString value = raw.values.value(0).trimmed().toLower();
    if (value == QLatin1String("true") || value == QLatin1String("yes") ||
        value == QLatin1String("on") || value == QLatin1String("1"))
        return true;
    if (value == QLatin1String("false") || value == QLatin1String("no") ||
        value == QLatin1String("off") || value == QLatin1String("0"))
        return false;
    return usage(raw.source, QStringLiteral("%1 is not true or false").arg(quoted(value)));
}

Result<Listen> parseListen(const QString &source, const QString &value)
{
    const QString example = QStringLiteral("(for example 127.0.0.1:8443 or [::1]:8443)");
    Listen listen;
    QString portText;
    if (value.startsWith(QLatin1Char('['))) {
        const qsizetype close = value.indexOf(QLatin1Char(']'));
        if (close < 0 || value.mid(close + 1, 1) != QLatin1String(":"))
            return usage(source,
                         QStringLiteral("%1 is not HOST:PORT %2").arg(quoted(value), example));
        listen.host = value.mid(1, close - 1);
        portText = value.mid(close + 2);
    } else {
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return usage(source,
                         QStringLiteral("%1 is not HOST:PORT %2").arg(quoted(value), example));
        listen.host = value.left(colon);
        portText = value.mid(colon + 1);
        if (listen.host.contains(QLatin1Char(':')))
            return usage(source, QStringLiteral("%1: an IPv6 address goes in brackets %2")
                                     .arg(quoted(value), example));
    }
    if (listen.host.isEmpty())
        return usage(source, QStringLiteral("%1 has no HOST %2").arg(quoted(value), example));
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
    const uint port = portText.toUInt();
    if (!digits.match(portText).hasMatch() || port > 65535)
        return usage(
            source,
            QStringLiteral("port %1 is not a number from 0 to 65535").arg(quoted(portText)));
    listen.port = quint16(port);
    if (listen.host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        listen.address = QHostAddress(QHostAddress::LocalHost);
    } else if (!listen.address.setAddress(listen.host)) {
        return usage(
            source,
            QStringLiteral("HOST %1 is not an IP address or localhost").arg(quoted(listen.host)));
    }
    return listen;
}

// The one rule for URLs that carry a secret (base/EndpointUrl).
Result<QUrl> parseServiceUrl(const QString &source, const QString &value)
{
    auto url = endpointUrl::check(QUrl(value.trimmed(), QUrl::StrictMode));
    if (!url)
        return usage(source, url.error().message);
    return url;
}

Result<QList<ServiceOptions::NamedFile>> parseNamedFiles(const RawSetting &raw)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    QList<ServiceOptions::NamedFile> files;
    for (const QString &value : raw.values) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        if (eq < 0)
            return usage(raw.source,
                         QStringLiteral("%1 is not NAME=FILE (no '=')").arg(quoted(value)));
        const QString name = value.left(eq).trimmed();
        const QString path = value.mid(eq + 1).trimmed();
        if (!validName.match(name).hasMatch())
            return usage(raw.source, QStringLiteral("name %1 must be 1 to 64 letters, digits, '.', "
                                                    "'_' or '-'")
                                         .arg(quoted(name)));
        if (path.isEmpty())
            return usage(raw.source, QStringLiteral("%1 has no FILE after '='").arg(quoted(value)));
        for (const auto &existing : std::as_const(files)) {
            if (existing.name == name)
                return usage(raw.source,
                             QStringLiteral("name %1 is given twice").arg(quoted(name)));
        }
        const QString absolute = absolutePath(path, raw.baseDir);
        if (auto check = checkSecretFile(raw.source, absolute); !check)
            return check.error();
        files.append({name, absolute});
    }
    return files;
}

const OptionSpec *findSpec(const QList<OptionSpec> &specs, const QString &name)
{
    for (const auto &spec : specs) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

Result<void> readConfig(const QString &path, const QList<OptionSpec> &specs, RawSettings *raw)
{
    const QString source = QStringLiteral("--config");
    if (auto check = checkReadableFile(source, path); !check)
        return check;
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return usage(source, QStringLiteral("%1 is not a valid INI file").arg(path));
    const QString baseDir = QFileInfo(path).absolutePath();
    auto sourceOf = [&](const QString &key) { return QStringLiteral("%1 (in %2)").arg(key, path); };

    for (const QString &key : ini.childKeys()) {
        const OptionSpec *spec = findSpec(specs, key);
        if (!spec || key == QLatin1String("config"))
            return usage(source, QStringLiteral("unknown setting %1 in %2").arg(quoted(key), path));
        const QVariant value = ini.value(key);
        QStringList values = value.typeId() == QMetaType::QStringList
                                 ? value.toStringList()
                                 : QStringList{value.toString()};
        // QSettings splits on commas; only repeatable settings are lists.
        if (!spec->repeatable)
            values = QStringList{values.join(QLatin1Char(','))};
        (*raw)[key] = RawSetting{values, sourceOf(key), baseDir};
    }
    // INI arrays: [provider] size=2, 1\name=beluga, 1\file=/path (or 1\value=beluga=/path).
    for (const QString &group : ini.childGroups()) {
        const OptionSpec *spec = findSpec(specs, group);
        if (!spec || !spec->repeatable)
            return usage(source, QStringLiteral("unknown section [%1] in %2").arg(group, path));
        const int size = ini.beginReadArray(group);
        if (size <= 0) {
            ini.endArray();
            return usage(sourceOf(group), QStringLiteral("section [%1] needs size=N").arg(group));
        }
        RawSetting &setting = (*raw)[group];
        setting.source = sourceOf(group);
        setting.baseDir = baseDir;
        for (int i = 0; i < size; ++i) {
            ini.setArrayIndex(i);
            if (ini.contains(QStringLiteral("value"))) {
                setting.values.append(
                    ini.value(QStringLiteral("value")).toStringList().join(QLatin1Char(',')));
            } else if (ini.contains(QStringLiteral("name")) &&
                       ini.contains(QStringLiteral("file"))) {
                setting.values.append(ini.value(QStringLiteral("name")).toString() +
                                      QLatin1Char('=') +
                                      ini.value(QStringLiteral("file")).toString());
            } else {
                ini.endArray();
                return usage(setting.source, QStringLiteral("entry %1 needs name= and file= (or "
                                                            "value=)")
                                                 .arg(i + 1));
            }
        }
        ini.endArray();
    }
    return {};
}

namespace {

// The setting `key` as an absolute path that passes `check`; empty when unset.
Result<QString> checkedPath(const RawSettings &raw, const QString &key,
                            Result<void> (*check)(const QString &source, const QString &path))
{
    if (!raw.contains(key))
        return QString();
    const RawSetting &setting = raw.value(key);
    const QString path = absolutePath(setting.values.value(0), setting.baseDir);
    if (auto checked = check(setting.source, path); !checked)
        return checked.error();
    return path;
}

} // namespace

Result<QString> secretPath(const RawSettings &raw, const QString &key)
{
    return checkedPath(raw, key, &checkSecretFile);
}

Result<QString> readablePath(const RawSettings &raw, const QString &key)
{
    return checkedPath(raw, key, &checkReadableFile);
}

Result<bool> flag(const RawSettings &raw, const QString &key)
{
    return raw.contains(key) ? parseBool(raw.value(key)) : Result<bool>(false);
}

} // namespace clinicdesk::servicesettings
