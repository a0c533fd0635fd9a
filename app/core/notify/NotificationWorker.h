#pragma once

#include "base/Result.h"
#include "crypto/FieldCipher.h"
#include "notify/NotificationSettings.h"

#include <QObject>
#include <QThread>

class QTimer;

#include <functional>
#include <memory>

namespace clinicdesk {

class Database;
class NotificationSender;

// Runs a NotificationSender every `intervalMs` on its own thread with its own connection to the
// store (a send may take up to the transport's timeout; the relay's polling never waits on it).
// Before each run it asks its settings source for the settings: `notifications configure` takes
// effect without a restart. While neither e-mail nor texts are configured it sends nothing (the
// rows stay queued). clinicdesk-relay owns one (docs/notifications.md: why the relay).
class NotificationWorker : public QObject
{
    Q_OBJECT

public:
    using Opener = std::function<Result<std::unique_ptr<Database>>()>;
    // Called on the worker's thread before each run; an error keeps the last settings.
    using SettingsSource = std::function<Result<NotificationSettings>()>;

    // [notifications] of <dataDir>/clinicdesk.ini with the keychain's secrets, read again
    // whenever the file changes (every `notifications configure` rewrites it); unchanged, the
    // last reading is returned without touching the keychain.
    static SettingsSource settingsFile(const QString &dataDir);

    NotificationWorker(Opener opener, FieldCipher cipher, SettingsSource settings, QString owner,
                       int intervalMs);
    NotificationWorker(Opener opener, FieldCipher cipher, NotificationSettings settings,
                       QString owner, int intervalMs);
    ~NotificationWorker() override;

    void start();
    // Finishes the send under way, closes the connection, stops the thread.
    void stop();

Q_SIGNALS:
    void ran(int claimed, int sent);

private:
    void runOnce();

    Opener m_opener;
    FieldCipher m_cipher;
    SettingsSource m_source;
    NotificationSettings m_settings; // the last good reading, used on the worker's thread
    bool m_sourceFailing = false;
    QString m_owner;
    int m_intervalMs;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread
    QTimer *m_timer = nullptr;    // child of m_context, touched only in m_thread
    std::unique_ptr<Database> m_db;
    std::unique_ptr<NotificationSender> m_sender;
};

} // namespace clinicdesk
