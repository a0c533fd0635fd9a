#pragma once

#include "base/Result.h"
#include "crypto/FieldCipher.h"
#include "notify/NotificationSettings.h"

#include <QMutex>
#include <QObject>
#include <QThread>

class QTimer;

#include <functional>
#include <memory>
#include <optional>

namespace clinicdesk {

class Database;
class NotificationSender;

// Runs a NotificationSender every `intervalMs` on its own thread with its own connection to the
// store (a send may take up to the transport's timeout; the relay's polling never waits on it).
// followSettings() re-reads the settings on the thread that owns this object and hands changed
// ones to the sender's next run: `notifications configure` takes effect without a restart. The
// keychain is read there, never on the worker's thread (QtKeychain is not safe on a second thread:
// tst_notificationsender crashed in it). While neither e-mail nor texts are configured it sends
// nothing (the rows stay queued). clinicdesk-relay owns one (docs/notifications.md: why the relay).
class NotificationWorker : public QObject
{
    Q_OBJECT

public:
    using Opener = std::function<Result<std::unique_ptr<Database>>()>;
    using SettingsSource = std::function<Result<NotificationSettings>()>;

    // [notifications] of <dataDir>/clinicdesk.ini with the keychain's secrets, read again
    // whenever the file changes (every `notifications configure` rewrites it); unchanged, the
    // last reading is returned without touching the keychain.
    static SettingsSource settingsFile(const QString &dataDir);

    NotificationWorker(Opener opener, FieldCipher cipher, NotificationSettings settings,
                       QString owner, int intervalMs);
    ~NotificationWorker() override;

    // Calls `source` every intervalMs on this object's thread (its event loop must run); changed
    // settings reach the next run. An error keeps the last settings (logged once).
    void followSettings(SettingsSource source);
    // Thread-safe: the settings of the next run.
    void setSettings(NotificationSettings settings);

    void start();
    // Finishes the send under way, closes the connection, stops the thread.
    void stop();

Q_SIGNALS:
    // After each run (from the worker's thread); 0, 0 while nothing is configured.
    void ran(int claimed, int sent);

private:
    void runOnce();
    void readSource();

    Opener m_opener;
    FieldCipher m_cipher;
    QMutex m_pendingMutex;
    std::optional<NotificationSettings> m_pending; // guarded by m_pendingMutex
    NotificationSettings m_settings;               // the worker's thread's copy
    bool m_started = false;                        // the worker's thread: a first run was made
    SettingsSource m_source;                       // this object's thread
    QTimer *m_follow = nullptr;                    // child of this, this object's thread
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
