#pragma once

#include "relay/VisitEventApplier.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace clinicdesk {

// The relay's loop (DESIGN, "Inbox → relay"): long-polls GET /v1/events, applies each reply's
// events to the console store in one transaction (VisitEventApplier: every event with its
// processed-event record), then commits the cursor at the inbox and says which visits changed.
// Failures back off exponentially with jitter; nothing is committed that was not applied.
// A QObject in core, so it runs in clinicdesk-relay and can equally run inside the console.
class RelayClient final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl inbox;
        QByteArray token;
        QList<QSslCertificate> caCertificates; // empty: the system's CAs
        int limit = 1000; // the inbox's largest page (InboxServer::Config::maxLimit)
        int waitSeconds = 25;
        int initialBackoffMs = 500;
        int maxBackoffMs = 60000;

        // The inbox URL (https, or http to a loopback host; never credentials in it:
        // base/EndpointUrl), the bearer token from an owner-only file, and extra CA
        // certificates from a PEM file (empty: the system's). Errors name the file and the
        // problem. The same rule for the service and the relay inside the console.
        static Result<Options> load(const QUrl &inbox, const QString &tokenFile,
                                    const QString &caFile);
    };
    // [relay] in the console's clinicdesk.ini (inbox, tokenFile, caFile): the relay that runs
    // inside the console. Nothing configured: nullopt.
    static Result<std::optional<Options>> fromSettings(const QString &settingsPath);

    RelayClient(LocalStore &store, Options options, QObject *parent = nullptr);
    ~RelayClient() override;

    void start();
    // Aborts the request in flight (a batch being applied finishes first: it runs to completion
    // on this thread before the event loop can deliver a stop). Emits stopped().
    void stop();

    qint64 appliedCount() const { return m_applied; }
    qint64 lastCursor() const { return m_after; }

Q_SIGNALS:
    void visitsChanged(const QStringList &visitIds);
    void batchApplied(int events, qint64 nextCursor);
    void pollFailed(const QString &reason);
    void stopped();

private:
    void poll();
    void fetch(qint64 after);
    void dropFetch();
    void onPollFinished(QNetworkReply *reply);
    void commit(qint64 cursor);
    void retryLater(const QString &reason);
    QNetworkRequest request(const QString &path) const;

    LocalStore &m_store;
    Options m_options;
    VisitEventApplier m_applier;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_poll;
    QTimer m_retry;
    QTimer m_pendingTimer;
    qint64 m_after = -1; // applied up to here; -1: start from the committed cursor
    int m_backoffMs = 0;
    qint64 m_applied = 0;
    bool m_running = false;
};

} // namespace clinicdesk
