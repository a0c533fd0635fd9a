#pragma once

#include "base/Result.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace clinicdesk {

class Database;

// Who has a draft or a visit open for editing (the `leases` table, migration 11): two staff on
// two workstations never edit the same thing unknowingly. A lease names its holder (account and
// display name), the workstation and when it was taken, and expires kTtlMs after its last renewal
// on the database's clock (one clock for every PC): while it is open the holder renews it
// (LeaseKeeper); a workstation that dies lets go when it expires. Resource names: "draft:<id>",
// "visit:<id>". Staff and PC names only, never PHI.
struct Lease
{
    QString resource;
    QString token; // this holding; empty for someone else's
    QString ownerUser;
    QString ownerName;
    QString workstation;
    QString acquiredAt; // TimeText
    qint64 expiresMs = 0;
};

class Leases
{
public:
    static constexpr int kTtlMs = 90 * 1000;
    static constexpr int kRenewMs = 30 * 1000;

    struct Owner
    {
        QString user;
        QString name;
        QString workstation;
    };

    // What acquire() found: the lease taken (`taken`, with its token), or the live lease of
    // someone else (`heldBy`): "in use by NAME at PC since TIME".
    struct Outcome
    {
        bool taken = false;
        Lease lease;
    };

    explicit Leases(Database &db)
        : m_db(db)
    {}

    static QString draft(const QString &id) { return QStringLiteral("draft:") + id; }
    static QString visit(const QString &id) { return QStringLiteral("visit:") + id; }

    // Takes `resource` unless another holder's lease is still live. The same account at the same
    // workstation takes over its own (a console that was restarted there).
    Result<Outcome> acquire(const QString &resource, const Owner &owner, int ttlMs = kTtlMs);
    // Extends a lease this holder still has; Conflict when it expired and someone else took it.
    Result<void> renew(const Lease &lease, int ttlMs = kTtlMs);
    // Lets go (nothing when it is no longer this holder's).
    Result<void> release(const Lease &lease);
    // The live lease on `resource`, if any.
    Result<std::optional<Lease>> holder(const QString &resource);

private:
    Database &m_db;
};

// Holds a taken lease while it lives: renews it every Leases::kRenewMs and releases it when
// destroyed. lost() when a renewal finds it taken by someone else.
class LeaseKeeper final : public QObject
{
    Q_OBJECT

public:
    LeaseKeeper(Database &db, Lease lease, QObject *parent = nullptr,
                int renewMs = Leases::kRenewMs, int ttlMs = Leases::kTtlMs);
    ~LeaseKeeper() override;
    const Lease &lease() const { return m_lease; }
    bool isHeld() const { return m_held; }

Q_SIGNALS:
    void lost();

private:
    void renew();

    Database &m_db;
    Lease m_lease;
    QTimer m_timer;
    int m_ttlMs;
    bool m_held = true;
};

} // namespace clinicdesk
