#pragma once

#include <QSet>
#include <QString>

namespace clinicdesk {

// What a new staff password must satisfy (NIST SP 800-63B style): long enough, not absurdly
// long (hashing cost), not on the shipped list of common and breached passwords, and not the
// username. No composition rules: they make passwords harder to remember, not stronger.
class PasswordPolicy
{
public:
    enum class Problem
    {
        None,
        TooShort,
        TooLong,
        Common,
        SameAsUsername,
    };

    static constexpr int kMinLength = 12; // characters (Unicode code points)
    static constexpr int kMaxLength = 128;

    // The policy with the list shipped as the Qt resource :/clinicdesk/common-passwords.txt
    // (resources/common-passwords.txt), loaded once per process.
    PasswordPolicy();
    // A policy with an explicit list (lower-case entries), for tests.
    explicit PasswordPolicy(QSet<QString> commonPasswords);

    Problem check(const QString &password, const QString &username = {}) const;
    // A translated sentence for people (context "PasswordPolicy"); empty for Problem::None.
    static QString message(Problem problem);

    int commonPasswordCount() const { return int(m_common.size()); }

    // Parses a list: one password per line, lines starting with '#' and blank lines ignored.
    static QSet<QString> parseList(const QByteArray &text);

private:
    QSet<QString> m_common;
};

} // namespace clinicdesk
