#pragma once

#include "audit/AuditHead.h"
#include "base/InboxEndpoint.h"
#include "base/Result.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace clinicdesk {

// Sends an audit log's head off the machine to clinicdesk-inbox (DESIGN, "Inbox → relay":
// POST /v1/witness) and reads it back (GET /v1/witness?store=), so that truncating the log
// together with its local anchor is still detected by `audit verify`.
//
// witness() is batched: the newest head wins, one request at a time, and a failed one is retried
// with back-off; the console calls it after each anchor save and never waits. flush() waits
// (a local event loop, bounded) for what is pending: the admin CLI calls it before it exits.
// The inbox refuses (409) a head behind the one it holds: that is logged with ids only and not
// retried: `audit verify` then shows the break.
class AuditWitness final : public QObject
{
    Q_OBJECT

public:
    AuditWitness(InboxEndpoint endpoint, QString storeId, QObject *parent = nullptr);
    ~AuditWitness() override;

    // The inbox of the console's clinicdesk.ini ([relay]: the same consumer token); null when
    // none is configured or the configuration is unusable (logged).
    static std::unique_ptr<AuditWitness> fromConsoleSettings(const QString &dataDir,
                                                             const QString &storeId);

    void witness(const AuditHead &head);
    // True when nothing is left unsent (or refused) within `timeoutMs`.
    bool flush(int timeoutMs);
    // The head the inbox holds for this store; nullopt when it holds none (404). Waits at most
    // `timeoutMs`.
    Result<std::optional<AuditHead>> fetch(int timeoutMs);

    qint64 witnessedSeq() const { return m_witnessedSeq; }
    QString inbox() const { return m_endpoint.url.toDisplayString(); }

Q_SIGNALS:
    void witnessed(qint64 seq);
    void refused(qint64 seq, int status);
    void failed(const QString &reason);

private:
    void postNext();
    void onPosted(QNetworkReply *reply, const AuditHead &head);
    QNetworkRequest request(const QString &pathAndQuery) const;

    InboxEndpoint m_endpoint;
    QString m_storeId;
    QNetworkAccessManager *m_network;
    std::optional<AuditHead> m_pending;
    QPointer<QNetworkReply> m_inFlight;
    QTimer m_retry;
    int m_backoffMs = 0;
    qint64 m_witnessedSeq = 0;
};

} // namespace clinicdesk
