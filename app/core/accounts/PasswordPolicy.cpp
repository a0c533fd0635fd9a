#include "accounts/PasswordPolicy.h"

#include "base/Logging.h"

#include <QCoreApplication>
#include <QFile>

namespace clinicdesk {
namespace {

const QString kListResource = QStringLiteral(":/clinicdesk/common-passwords.txt");

const QSet<QString> &shippedList()
{
    static const QSet<QString> list = [] {
        QFile file(kListResource);
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcAccounts)
                << "common-password list missing from the build:" << kListResource;
            return QSet<QString>();
        }
        return PasswordPolicy::parseList(file.readAll());
    }();
    return list;
}

} // namespace

PasswordPolicy::PasswordPolicy()
    : m_common(shippedList())
{}

PasswordPolicy::PasswordPolicy(QSet<QString> commonPasswords)
    : m_common(std::move(commonPasswords))
{}

QSet<QString> PasswordPolicy::parseList(const QByteArray &text)
{
    QSet<QString> out;
    for (const QByteArray &raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        out.insert(QString::fromUtf8(line).toLower());
    }
    return out;
}

PasswordPolicy::Problem PasswordPolicy::check(const QString &password,
                                              const QString &username) const
{
    const auto length = password.toUcs4().size();
    if (length < kMinLength)
        return Problem::TooShort;
    if (length > kMaxLength)
        return Problem::TooLong;
    if (!username.trimmed().isEmpty() &&
        password.compare(username.trimmed(), Qt::CaseInsensitive) == 0)
        return Problem::SameAsUsername;
    if (m_common.contains(password.toLower()))
        return Problem::Common;
    return Problem::None;
}

QString PasswordPolicy::message(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::TooShort:
        return QCoreApplication::translate("PasswordPolicy",
                                           "Too short: use at least %1 characters.")
            .arg(kMinLength);
    case Problem::TooLong:
        return QCoreApplication::translate("PasswordPolicy", "Use at most %1 characters.")
            .arg(kMaxLength);
    case Problem::Common:
        return QCoreApplication::translate("PasswordPolicy",
                                           "This password is on a list of common or leaked "
                                           "passwords. Choose another one.");
    case Problem::SameAsUsername:
        return QCoreApplication::translate("PasswordPolicy",
                                           "The password must not be the same as the username.");
    }
    return {};
}

} // namespace clinicdesk
