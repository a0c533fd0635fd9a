#include "store/PostgresSettings.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace clinicdesk {
namespace {

// libpq keywords the URI may carry. Connection identity (host, port, dbname, user) comes from
// the URI itself; secrets (password, passfile, service files) never from it.
const QStringList &allowedKeywords()
{
    static const QStringList keywords = {
        QStringLiteral("sslmode"),
        QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),
        QStringLiteral("ssl_min_protocol_version"),
        QStringLiteral("channel_binding"),
        QStringLiteral("connect_timeout"),
        QStringLiteral("keepalives"),
        QStringLiteral("keepalives_idle"),
        QStringLiteral("keepalives_interval"),
        QStringLiteral("keepalives_count"),
        QStringLiteral("tcp_user_timeout"),
        QStringLiteral("application_name"),
        QStringLiteral("target_session_attrs"),
        QStringLiteral("options"),
    };
    return keywords;
}

// Defaults for a connection that must notice a dead server or a network black hole: QPSQL has
// no query timeout, and a blocked exec() would otherwise wait for ever.
const QList<std::pair<QString, QString>> &defaultKeywords()
{
    static const QList<std::pair<QString, QString>> defaults = {
        {QStringLiteral("connect_timeout"), QStringLiteral("10")},
        {QStringLiteral("keepalives"), QStringLiteral("1")},
        {QStringLiteral("keepalives_idle"), QStringLiteral("10")},
        {QStringLiteral("keepalives_interval"), QStringLiteral("5")},
        {QStringLiteral("keepalives_count"), QStringLiteral("3")},
        {QStringLiteral("tcp_user_timeout"), QStringLiteral("30000")},
    };
    return defaults;
}

Error invalid(const QString &problem)
{
    return makeError(ErrorCode::InvalidInput, QStringLiteral("database URI: %1").arg(problem));
}

QString decode(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

QString quotedValue(const QString &value)
{
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

const QString kPasswordRule =
    QStringLiteral("give it with --database-password-file FILE (mode 0600) or keep it in the "
                   "keychain (clinicdesk-admin store password)");

Result<void> parseAuthority(const QString &authority, PostgresSettings *s)
{
    QString hostPort = authority;
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QString userInfo = authority.left(at);
        if (userInfo.contains(QLatin1Char(':')))
            return invalid(
                QStringLiteral("a password in the URI is refused; %1").arg(kPasswordRule));
        s->user = decode(userInfo);
        hostPort = authority.mid(at + 1);
    }
    if (hostPort.contains(QLatin1Char(',')))
        return invalid(QStringLiteral("several hosts are not supported; give one"));
    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return invalid(QStringLiteral("an IPv6 address needs a closing ]"));
        s->host = hostPort.mid(1, close - 1);
        const QString rest = hostPort.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':')))
            return invalid(QStringLiteral("unexpected text after the IPv6 address"));
        portText = rest.mid(1);
    } else {
        const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
        s->host = decode(colon >= 0 ? hostPort.left(colon) : hostPort);
        portText = colon >= 0 ? hostPort.mid(colon + 1) : QString();
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return invalid(
                QStringLiteral("port \"%1\" is not a number from 1 to 65535").arg(portText));
        s->port = port;
    }
    return {};
}

Result<void> parseOptions(const QString &value, PostgresSettings *s)
{
    // Only a schema choice: other server settings would change what the store's SQL means.
    static const QRegularExpression searchPath(
        QStringLiteral("^\\s*-c\\s*search_path\\s*=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$"));
    const auto match = searchPath.match(value);
    if (!match.hasMatch())
        return invalid(QStringLiteral("options may only be \"-c search_path=SCHEMA\""));
    if (!PostgresSettings::isValidSchemaName(match.captured(1)))
        return invalid(QStringLiteral("schema \"%1\" must be lower-case letters, digits and _")
                           .arg(match.captured(1)));
    s->searchPath = match.captured(1);
    return {};
}

Result<void> parseQuery(const QString &query, PostgresSettings *s)
{
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QString key = decode(eq >= 0 ? pair.left(eq) : pair);
        const QString value = eq >= 0 ? decode(pair.mid(eq + 1)) : QString();
        if (key == QLatin1String("password") || key == QLatin1String("passfile"))
            return invalid(QStringLiteral("%1= in the URI is refused; %2").arg(key, kPasswordRule));
        if (key == QLatin1String("host") && s->host.isEmpty() &&
            value.startsWith(QLatin1Char('/'))) {
            s->host = value; // postgresql:///db?host=/run/postgresql: a Unix socket directory
            continue;
        }
        if (!allowedKeywords().contains(key))
            return invalid(
                QStringLiteral("the libpq keyword \"%1\" is not accepted here (accepted: "
                               "%2)")
                    .arg(key, allowedKeywords().join(QStringLiteral(", "))));
        if (value.isEmpty())
            return invalid(QStringLiteral("%1 has no value").arg(key));
        if (value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('\'')) ||
            value.contains(QLatin1Char('\\')))
            return invalid(QStringLiteral("the value of %1 may not contain ; ' or \\ (Qt's "
                                          "PostgreSQL driver cannot pass them on)")
                               .arg(key));
        for (const auto &existing : std::as_const(s->keywords)) {
            if (existing.first == key)
                return invalid(QStringLiteral("%1 is given twice").arg(key));
        }
        if (key == QLatin1String("options")) {
            if (auto r = parseOptions(value, s); !r)
                return r;
            continue;
        }
        s->keywords.append({key, value});
    }
    return {};
}

} // namespace

bool PostgresSettings::isValidSchemaName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return valid.match(name).hasMatch();
}

Result<PostgresSettings> PostgresSettings::parse(const QString &uri)
{
    const QString text = uri.trimmed();
    QString rest;
    for (const QLatin1String scheme :
         {QLatin1String("postgresql://"), QLatin1String("postgres://")}) {
        if (text.startsWith(scheme, Qt::CaseInsensitive))
            rest = text.mid(scheme.size());
    }
    if (rest.isNull())
        return invalid(QStringLiteral("it must start with postgresql:// (for example "
                                      "postgresql://clinicdesk@db.example.org/clinicdesk?"
                                      "sslmode=verify-full&sslrootcert=/etc/clinicdesk/ca.crt)"));
    PostgresSettings s;
    QString query;
    if (const qsizetype q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        query = rest.mid(q + 1);
        rest = rest.left(q);
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    const QString authority = slash >= 0 ? rest.left(slash) : rest;
    s.database = slash >= 0 ? decode(rest.mid(slash + 1)) : QString();
    if (auto r = parseAuthority(authority, &s); !r)
        return r.error();
    if (auto r = parseQuery(query, &s); !r)
        return r.error();

    if (s.user.isEmpty())
        return invalid(QStringLiteral("no user name (postgresql://USER@HOST/DBNAME)"));
    if (s.database.isEmpty() || s.database.contains(QLatin1Char('/')))
        return invalid(QStringLiteral("no database name (postgresql://USER@HOST/DBNAME)"));
    if (s.host.isEmpty())
        return invalid(QStringLiteral("no host (a name, an address, or ?host=/socket/dir)"));
    for (const QString &part : {s.user, s.host, s.database}) {
        if (part.contains(QLatin1Char(';')) || part.contains(QLatin1Char('\'')) ||
            part.contains(QLatin1Char('\\')) || part.contains(QLatin1Char(' ')))
            return invalid(
                QStringLiteral("user, host and database may not contain spaces, ; ' or \\"));
    }

    const bool local = s.isUnixSocket() || isLoopback(s.host);
    QString mode;
    for (const auto &[key, value] : std::as_const(s.keywords)) {
        if (key == QLatin1String("sslmode"))
            mode = value;
    }
    static const QStringList modes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    if (!mode.isEmpty() && !modes.contains(mode))
        return invalid(QStringLiteral("sslmode \"%1\" is not one of %2")
                           .arg(mode, modes.join(QStringLiteral(", "))));
    if (!local && mode != QLatin1String("verify-full"))
        return invalid(
            QStringLiteral("%1 is not a loopback address or a Unix socket: the connection "
                           "needs sslmode=verify-full (and sslrootcert=CA-FILE), so the "
                           "server's certificate is checked")
                .arg(s.host));
    if (mode.isEmpty()) // explicit, or libpq's PGSSLMODE-or-prefer default would apply
        s.keywords.prepend({QStringLiteral("sslmode"), QStringLiteral("disable")});
    return s;
}

QString PostgresSettings::sslMode() const
{
    for (const auto &[key, value] : keywords) {
        if (key == QLatin1String("sslmode"))
            return value;
    }
    return QStringLiteral("disable");
}

QString PostgresSettings::displayUri() const
{
    QString out = QStringLiteral("postgresql://%1@").arg(user);
    if (isUnixSocket())
        out += QLatin1Char('/') + database + QStringLiteral("?host=") + host;
    else
        out +=
            (host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host) +
            QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + database;
    QStringList query;
    for (const auto &[key, value] : keywords)
        query << key + QLatin1Char('=') + value;
    if (searchPath != QLatin1String("public"))
        query << QStringLiteral("options=-c search_path=") + searchPath;
    if (!query.isEmpty())
        out +=
            (isUnixSocket() ? QLatin1Char('&') : QLatin1Char('?')) + query.join(QLatin1Char('&'));
    return out;
}

QString PostgresSettings::connectOptions(const QString &applicationName) const
{
    QStringList parts;
    bool hasApplicationName = false;
    QStringList given;
    for (const auto &[key, value] : keywords) {
        parts << key + QLatin1Char('=') + quotedValue(value);
        given << key;
        hasApplicationName |= key == QLatin1String("application_name");
    }
    for (const auto &[key, value] : defaultKeywords()) {
        if (!given.contains(key) && !(isUnixSocket() && key.startsWith(QLatin1String("keep"))))
            parts << key + QLatin1Char('=') + quotedValue(value);
    }
    if (!hasApplicationName)
        parts << QStringLiteral("application_name=") + quotedValue(applicationName);
    parts << QStringLiteral("options=") +
                 quotedValue(QStringLiteral("-c TimeZone=UTC -c search_path=") + searchPath);
    // libpq reads ~/.pgpass whenever no password is given; a path that cannot exist stops that
    // (a missing password file is silently skipped, unlike /dev/null, which logs a warning).
    parts << QStringLiteral("passfile='/nonexistent/clinicdesk-reads-no-pgpass'");
    return parts.join(QLatin1Char(';'));
}

QString PostgresSettings::keychainEntry() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

PostgresSettings PostgresSettings::withSearchPath(const QString &schema) const
{
    PostgresSettings copy = *this;
    copy.searchPath = schema;
    return copy;
}

} // namespace clinicdesk
