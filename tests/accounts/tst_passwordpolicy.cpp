#include "accounts/PasswordPolicy.h"

#include <QTest>

using namespace clinicdesk;
using Problem = PasswordPolicy::Problem;

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedListLoaded()
    {
        const PasswordPolicy policy;
        QVERIFY2(policy.commonPasswordCount() > 1000,
                 "resources/common-passwords.txt not embedded");
    }

    void check_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("username");
        QTest::addColumn<Problem>("expected");
        QTest::newRow("empty") << QString() << QString() << Problem::TooShort;
        QTest::newRow("11 characters")
            << QStringLiteral("abcdefghijk") << QString() << Problem::TooShort;
        QTest::newRow("12 characters")
            << QStringLiteral("river cat 12") << QString() << Problem::None;
        // Length counts characters, not UTF-16 units: 6 emoji are 12 units but 6 characters.
        QTest::newRow("6 emoji") << QStringLiteral("🔒🔒🔒🔒🔒🔒") << QString() << Problem::TooShort;
        QTest::newRow("128 characters")
            << QString(128, QLatin1Char('k')) << QString() << Problem::None;
        QTest::newRow("129 characters")
            << QString(129, QLatin1Char('k')) << QString() << Problem::TooLong;
        QTest::newRow("common") << QStringLiteral("qwertyuiop123") << QString() << Problem::Common;
        QTest::newRow("common, other case")
            << QStringLiteral("1QAZ2WSX3EDC") << QString() << Problem::Common;
        QTest::newRow("common, mixed case")
            << QStringLiteral("JustinBieber") << QString() << Problem::Common;
        QTest::newRow("same as username")
            << QStringLiteral("maria.lopez.rn") << QStringLiteral("maria.lopez.rn")
            << Problem::SameAsUsername;
        QTest::newRow("same as username, case")
            << QStringLiteral("Maria.Lopez.RN") << QStringLiteral("maria.lopez.rn")
            << Problem::SameAsUsername;
        QTest::newRow("contains username is fine")
            << QStringLiteral("maria.lopez.rn likes tea") << QStringLiteral("maria.lopez.rn")
            << Problem::None;
        QTest::newRow("passphrase")
            << QStringLiteral("tangerine ladder oboe") << QStringLiteral("ana") << Problem::None;
    }

    void check()
    {
        QFETCH(QString, password);
        QFETCH(QString, username);
        QFETCH(Problem, expected);
        const PasswordPolicy policy;
        QCOMPARE(policy.check(password, username), expected);
    }

    void explicitList()
    {
        const PasswordPolicy policy(PasswordPolicy::parseList(
            "# comment\n\nCorrectHorseBatteryStaple\r\n  spaced entry here  \n"));
        QCOMPARE(policy.commonPasswordCount(), 2);
        QCOMPARE(policy.check(QStringLiteral("correcthorsebatterystaple")), Problem::Common);
        QCOMPARE(policy.check(QStringLiteral("SPACED ENTRY HERE")), Problem::Common);
        QCOMPARE(policy.check(QStringLiteral("# comment is not listed")), Problem::None);
    }

    void eachProblemHasItsOwnMessage()
    {
        QVERIFY(PasswordPolicy::message(Problem::None).isEmpty());
        const QList<Problem> problems = {Problem::TooShort, Problem::TooLong, Problem::Common,
                                         Problem::SameAsUsername};
        QSet<QString> messages;
        for (Problem p : problems) {
            const QString m = PasswordPolicy::message(p);
            QVERIFY(!m.isEmpty());
            messages.insert(m);
        }
        QCOMPARE(messages.size(), problems.size());
        QVERIFY(PasswordPolicy::message(Problem::TooShort).contains(QLatin1String("12")));
        QVERIFY(PasswordPolicy::message(Problem::TooLong).contains(QLatin1String("128")));
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
