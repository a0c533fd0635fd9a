#include "ServiceProcess.h"
#include "base/Version.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

// The command-line contract of all five programs: --help and --version answer with exit code 0,
// and a usage error is a non-zero exit with exactly one clear line on stderr.
class TestServiceCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;

    // The GUI under the offscreen platform; a private XDG_RUNTIME_DIR so Qt has nothing to warn
    // about on stderr.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
        return env;
    }

    void addPrograms()
    {
        QTest::addColumn<QString>("program");
        for (const char *program : {"clinicdesk", "clinicdesk-relay", "clinicdesk-inbox",
                                    "clinicdesk-sandbox", "clinicdesk-admin"})
            QTest::newRow(program) << QString::fromLatin1(program);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        QFile::setPermissions(m_runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ExeOwner);
        const QString relay = ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay"));
        QVERIFY2(QFileInfo(relay).isExecutable(), qPrintable(relay + QStringLiteral(" not built")));
    }

    void help_data() { addPrograms(); }
    void help()
    {
        QFETCH(QString, program);
        ServiceProcess process(program);
        process.setEnvironment(environment());
        QVERIFY2(process.run({QStringLiteral("--help")}), qPrintable(process.failureReason()));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QString text = process.stdoutLines().join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("Usage:")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("--version")), qPrintable(text));
    }

    void version_data() { addPrograms(); }
    void version()
    {
        QFETCH(QString, program);
        ServiceProcess process(program);
        process.setEnvironment(environment());
        QVERIFY2(process.run({QStringLiteral("--version")}), qPrintable(process.failureReason()));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QStringList out = process.stdoutLines();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.constFirst(), program + QLatin1Char(' ') + QLatin1String(CLINICDESK_VERSION));
    }

    void unknownOption_data() { addPrograms(); }
    void unknownOption()
    {
        QFETCH(QString, program);
        ServiceProcess process(program);
        process.setEnvironment(environment());
        QVERIFY2(process.run({QStringLiteral("--no-such-option")}),
                 qPrintable(process.failureReason()));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY(process.exitCode() != 0);
        const QStringList err = process.stderrLines();
        QVERIFY2(err.size() == 1, qPrintable(err.join(QLatin1Char('\n'))));
        QVERIFY2(err.constFirst().contains(QStringLiteral("no-such-option")),
                 qPrintable(err.constFirst()));
    }

    // The contract's option names appear in each service's --help.
    void contractOptionsInHelp_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("options");
        const QStringList listening = {"--data-dir", "--listen",     "--key-file", "--tls-cert",
                                       "--tls-key",  "--plain-http", "--config"};
        QTest::newRow("inbox") << QStringLiteral("clinicdesk-inbox")
                               << (listening + QStringList{"--provider", "--consumer"});
        QTest::newRow("sandbox") << QStringLiteral("clinicdesk-sandbox")
                                 << (listening + QStringList{"--api-key-file", "--webhook-url",
                                                             "--webhook-secret-file",
                                                             "--enable-control"});
        QTest::newRow("relay") << QStringLiteral("clinicdesk-relay")
                               << QStringList{"--data-dir", "--key-file",   "--config",
                                              "--inbox",    "--token-file", "--ca-file"};
    }
    void contractOptionsInHelp()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, options);
        ServiceProcess process(program);
        QVERIFY(process.run({QStringLiteral("--help")}));
        const QString text = process.stdoutLines().join(QLatin1Char('\n'));
        for (const QString &option : options)
            QVERIFY2(text.contains(option), qPrintable(program + QLatin1Char(' ') + option));
    }

    // Usage errors of the headless services: exit code 2, one line naming the option.
    void usageErrors_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const QString inbox = QStringLiteral("clinicdesk-inbox");
        const QString sandbox = QStringLiteral("clinicdesk-sandbox");
        const QString relay = QStringLiteral("clinicdesk-relay");
        QTest::newRow("bad listen") << inbox << QStringList{"--listen", "nonsense"} << "--listen";
        QTest::newRow("bad port") << sandbox << QStringList{"--listen", "127.0.0.1:70000"}
                                  << "--listen";
        QTest::newRow("listen without value") << inbox << QStringList{"--listen"} << "listen";
        QTest::newRow("plain-http on any address")
            << inbox << QStringList{"--plain-http", "--listen", "0.0.0.0:0"} << "--plain-http";
        QTest::newRow("provider without =")
            << inbox << QStringList{"--provider", "beluga"} << "--provider";
        QTest::newRow("consumer file missing")
            << inbox << QStringList{"--consumer", "desk1=/nonexistent/token"} << "--consumer";
        QTest::newRow("tls-cert without tls-key")
            << sandbox << QStringList{"--tls-cert", "/etc/hostname"} << "--tls-key";
        QTest::newRow("missing key file")
            << inbox << QStringList{"--key-file", "/nonexistent/key"} << "--key-file";
        QTest::newRow("missing config")
            << sandbox << QStringList{"--config", "/nonexistent.ini"} << "--config";
        QTest::newRow("bad webhook url")
            << sandbox << QStringList{"--webhook-url", "http://example.org/hook"}
            << "--webhook-url";
        QTest::newRow("relay without inbox") << relay << QStringList{} << "--inbox";
        QTest::newRow("relay http inbox")
            << relay << QStringList{"--inbox", "http://example.org"} << "--inbox";
        QTest::newRow("positional") << inbox << QStringList{"stray"} << "stray";
    }
    void usageErrors()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        ServiceProcess process(program);
        QVERIFY(process.run(arguments));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        const QStringList err = process.stderrLines();
        QVERIFY2(err.size() == 1, qPrintable(err.join(QLatin1Char('\n'))));
        QVERIFY2(err.constFirst().startsWith(program + QStringLiteral(": ")),
                 qPrintable(err.constFirst()));
        QVERIFY2(err.constFirst().contains(expected), qPrintable(err.constFirst()));
        QVERIFY(process.stdoutLines().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServiceCli)
#include "tst_servicecli.moc"
