#include "base/Logging.h"

#include "base/TimeText.h"

#include <QDateTime>
#include <QFile>
#include <QMutex>

#include <memory>

Q_LOGGING_CATEGORY(lcKeys, "clinicdesk.keys", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "clinicdesk.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "clinicdesk.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccounts, "clinicdesk.accounts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccess, "clinicdesk.access", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "clinicdesk.service", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "clinicdesk.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIntake, "clinicdesk.intake", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProvider, "clinicdesk.provider", QtInfoMsg)
Q_LOGGING_CATEGORY(lcVisits, "clinicdesk.visits", QtInfoMsg)
Q_LOGGING_CATEGORY(lcInbox, "clinicdesk.inbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRelay, "clinicdesk.relay", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "clinicdesk.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMedia, "clinicdesk.media", QtInfoMsg)

namespace clinicdesk {
namespace {

QMutex s_mutex;
QFile *s_file = nullptr;
QtMessageHandler s_previous = nullptr;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void fileHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&s_mutex);
        if (s_file) {
            const QByteArray line = TimeText::utcNow().toUtf8() + ' ' + levelName(type) + ' ' +
                                    (context.category ? context.category : "default") + ": " +
                                    message.toUtf8() + '\n';
            s_file->write(line);
            s_file->flush();
        }
    }
    if (s_previous)
        s_previous(type, context, message);
}

} // namespace

bool installLogFile(const QString &filePath, QString *error)
{
    QMutexLocker lock(&s_mutex);
    auto file = std::make_unique<QFile>(filePath);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = file->errorString();
        return false;
    }
    file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    delete s_file;
    s_file = file.release();
    QtMessageHandler previous = qInstallMessageHandler(fileHandler);
    if (previous != fileHandler)
        s_previous = previous;
    return true;
}

void removeLogFile()
{
    QMutexLocker lock(&s_mutex);
    qInstallMessageHandler(s_previous);
    s_previous = nullptr;
    delete s_file;
    s_file = nullptr;
}

} // namespace clinicdesk
