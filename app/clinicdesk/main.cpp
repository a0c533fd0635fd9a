#include "IdleMonitor.h"
#include "KeyFileKeyProvider.h"
#include "KeychainKeyProvider.h"
#include "LocalStore.h"
#include "Logging.h"
#include "MainWindow.h"
#include "Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QTranslator>

#include <chrono>
#include <cstdio>
#include <memory>

using namespace clinicdesk;

namespace {

// Loads our own messages (embedded by qt_add_translations under :/i18n) and Qt's for the
// standard widgets, for `locale`'s language. English needs no catalogue: it is the source text.
void installTranslations(QCoreApplication &app, const QLocale &locale)
{
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("clinicdesk"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

// --help and --version answer without a display (scripts, CI, SSH sessions): only they get a
// QCoreApplication, everything else needs the GUI.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" ||
            arg == "-v")
            return std::make_unique<QCoreApplication>(argc, argv);
    }
    return std::make_unique<QApplication>(argc, argv);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "clinicdesk: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ClinicDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("clinicdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLINICDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ClinicDesk console: staff sign-in, patient intake and visit tracking for async "
        "telehealth visits."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QStringLiteral("Directory of the encrypted store and the log (default: %1).")
            .arg(LocalStore::defaultDataDir()),
        QStringLiteral("DIR"));
    const QCommandLineOption keyFileOption(
        QStringLiteral("key-file"),
        QStringLiteral("Read the data key from FILE (mode 0600) instead of the OS keychain."),
        QStringLiteral("FILE"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QStringLiteral("Language of the interface: en or es (default: the system's)."),
        QStringLiteral("LANG"));
    const QCommandLineOption idleLockOption(
        QStringLiteral("idle-lock-minutes"),
        QStringLiteral("Lock the console after N minutes without keyboard or mouse input "
                       "(1 to 240, default %1).")
            .arg(IdleMonitor::kDefaultTimeout.count()),
        QStringLiteral("N"));
    parser.addOptions({dataDirOption, keyFileOption, langOption, idleLockOption});
    parser.process(*app);
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument; see --help"));
    std::chrono::minutes idleLock = IdleMonitor::kDefaultTimeout;
    if (parser.isSet(idleLockOption)) {
        bool ok = false;
        const int minutes = parser.value(idleLockOption).toInt(&ok);
        if (!ok || minutes < 1 || minutes > 240)
            return fail(QStringLiteral("--idle-lock-minutes must be a whole number from 1 to 240"));
        idleLock = std::chrono::minutes(minutes);
    }

    QGuiApplication::setApplicationDisplayName(QStringLiteral("ClinicDesk"));
    QGuiApplication::setDesktopFileName(QStringLiteral("clinicdesk"));

    QLocale locale = QLocale::system();
    if (parser.isSet(langOption)) {
        const QString lang = parser.value(langOption);
        if (lang == QLatin1String("en"))
            locale = QLocale(QLocale::English, QLocale::UnitedStates);
        else if (lang == QLatin1String("es"))
            locale = QLocale(QLocale::Spanish);
        else
            return fail(QStringLiteral("--lang must be en or es"));
        QLocale::setDefault(locale);
    }
    installTranslations(*app, locale);

    const QString dataDir =
        parser.isSet(dataDirOption) ? parser.value(dataDirOption) : LocalStore::defaultDataDir();
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot create data directory %1").arg(dataDir));
    QFile::setPermissions(dataDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QString logError;
    const QString logPath = QDir(dataDir).filePath(QStringLiteral("clinicdesk.log"));
    if (!installLogFile(logPath, &logError))
        return fail(QStringLiteral("cannot open log file %1: %2").arg(logPath, logError));
    qCInfo(lcUi) << "clinicdesk" << CLINICDESK_VERSION << "starting, language" << locale.name();

    std::unique_ptr<KeyProvider> keys;
    if (parser.isSet(keyFileOption))
        keys = std::make_unique<KeyFileKeyProvider>(parser.value(keyFileOption));
    else
        keys = std::make_unique<KeychainKeyProvider>();

    // The key provider also keeps the audit chain's anchor (its newest entry), outside the
    // database.
    MainWindow window(
        [&]() {
            return LocalStore::open({dataDir, keys.get(), false});
        },
        PasswordHasher(), keys.get());
    window.setIdleTimeout(idleLock);
    // Most of the screen, never less than the window needs: fits 1366x768 and scales up.
    if (const QScreen *screen = window.screen()) {
        const QSize available = screen->availableSize();
        window.resize(window.sizeHint().expandedTo(available * 0.8).boundedTo(available));
    }
    window.show();
    window.start();
    const int status = app->exec();
    qCInfo(lcUi) << "clinicdesk exiting, status" << status;
    return status;
}
