#include "IdleMonitor.h"
#include "MainWindow.h"
#include "SignInPage.h"
#include "VisitBoardPage.h" // MainWindow.h inlines QPointer<VisitBoardPage>::data()
#include "access/WorkstationJoin.h"
#include "base/Logging.h"
#include "base/ProcessHardening.h"
#include "base/Version.h"
#include "keys/KeyFileKeyProvider.h"
#include "keys/KeychainKeyProvider.h"
#include "store/LocalStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <pwd.h>

#include <unistd.h>

using namespace clinicdesk;

namespace {

// Who joined this PC, for the audit log (nobody is signed in yet): the OS account, as
// clinicdesk-admin names its operator.
QString osLogin()
{
    const passwd *pw = ::getpwuid(::geteuid());
    return QStringLiteral("os:%1").arg(pw ? QString::fromLocal8Bit(pw->pw_name)
                                          : QString::number(::geteuid()));
}

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

// Milliseconds since the kernel started this process (/proc/self/stat field 22, in clock ticks
// since boot, against CLOCK_BOOTTIME); -1 when unreadable. Resolution: one tick (usually 10 ms).
qint64 msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 2 (the command name) is in parentheses and may hold spaces: count from its end.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    timespec now{};
    if (fields.size() < 20 || ticksPerSecond <= 0 || ::clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const qint64 startMs = fields[19].toLongLong() * 1000 / ticksPerSecond;
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000 - startMs;
}

// CLINICDESK_STARTUP_PROBE=1, for tests/bench/bench_startup.cpp (console cold start): once the
// sign-in page has been painted for the first time, prints "startup-ready <ms since the process
// started>" on stdout and quits with status 0. Prints nothing else, and nothing about the store's
// contents. Any other first page (first run, store error) quits with status 3 instead.
class StartupProbe : public QObject
{
public:
    explicit StartupProbe(QWidget *page)
        : QObject(page)
    {
        page->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The first paint is done when control is back in the event loop (and the backing store
        // has been flushed).
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [] {
                std::printf("startup-ready %lld\n", msSinceProcessStart());
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    disableCoreDumps(); // before anything secret is in memory
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
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("The clinic's PostgreSQL store (postgresql://USER@HOST/DBNAME?"
                       "sslmode=verify-full&sslrootcert=CA; never with a password) instead of "
                       "the SQLite file in the data dir."),
        QStringLiteral("URI"));
    const QCommandLineOption databasePasswordOption(
        QStringLiteral("database-password-file"),
        QStringLiteral("File (mode 0600) with the database login's password (default: the "
                       "keychain)."),
        QStringLiteral("FILE"));
    parser.addOptions({dataDirOption, keyFileOption, databaseOption, databasePasswordOption,
                       langOption, idleLockOption});
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
    // The installed .desktop file's id (packaging/), so desktops match windows to it.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.clinicdesk.ClinicDesk"));
    QIcon icon = QIcon::fromTheme(QStringLiteral("org.clinicdesk.ClinicDesk"));
    if (icon.isNull()) {
        for (const int size : {48, 64, 128, 256})
            icon.addFile(
                QStringLiteral(":/clinicdesk/icons/org.clinicdesk.ClinicDesk-%1.png").arg(size));
    }
    QApplication::setWindowIcon(icon);

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

    auto location = StoreLocation::fromOptions(parser.value(databaseOption),
                                               parser.value(databasePasswordOption));
    if (!location)
        return fail(location.error().message);

    std::unique_ptr<KeyProvider> keys;
    if (parser.isSet(keyFileOption))
        keys = std::make_unique<KeyFileKeyProvider>(parser.value(keyFileOption));
    else
        keys = std::make_unique<KeychainKeyProvider>();

    // The key provider also keeps the audit chain's anchor (its newest entry), outside the
    // database.
    MainWindow window(
        [&]() {
            return LocalStore::open({dataDir, keys.get(), false, location.value()});
        },
        PasswordHasher(), keys.get());
    window.setIdleTimeout(idleLock);
    if (location->isPostgres()) {
        window.setWorkstationJoiner([&](const QString &code) -> Result<void> {
            auto joined = WorkstationJoin::join(location.value(), *keys, dataDir, code, osLogin());
            if (!joined)
                return joined.error();
            return {};
        });
    }
    // Most of the screen, never less than the window needs: fits 1366x768 and scales up.
    if (const QScreen *screen = window.screen()) {
        const QSize available = screen->availableSize();
        window.resize(window.sizeHint().expandedTo(available * 0.8).boundedTo(available));
    }
    window.show();
    window.start();
    if (qEnvironmentVariable("CLINICDESK_STARTUP_PROBE") == QLatin1String("1")) {
        auto *signIn = qobject_cast<SignInPage *>(window.currentPage());
        if (!signIn) {
            std::fprintf(stderr, "clinicdesk: startup probe: the first page is not sign-in\n");
            return 3;
        }
        new StartupProbe(signIn);
    }
    const int status = app->exec();
    qCInfo(lcUi) << "clinicdesk exiting, status" << status;
    return status;
}
