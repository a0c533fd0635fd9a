#include "store/Leases.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "store/Database.h"

#include <QUuid>

namespace clinicdesk {
namespace {

Lease leaseFrom(const QSqlQuery &row, const QString &resource)
{
    Lease lease;
    lease.resource = resource;
    lease.ownerUser = row.value(1).toString();
    lease.ownerName = row.value(2).toString();
    lease.workstation = row.value(3).toString();
    lease.acquiredAt = row.value(4).toString();
    lease.expiresMs = row.value(5).toLongLong();
    return lease;
}

} // namespace

Result<Leases::Outcome> Leases::acquire(const QString &resource, const Owner &owner, int ttlMs)
{
    if (resource.isEmpty() || owner.user.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("a lease needs a resource and "
                                                                 "an owner"));
    Outcome outcome;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto row = m_db.exec(
            m_db.dialectSql(QStringLiteral(
                "SELECT token, owner_user, owner_name, workstation, acquired_at, expires_ms,"
                " {NOW_MS} FROM leases WHERE resource = ?")),
            {resource});
        if (!row)
            return row.error();
        if (row->next()) {
            const bool live = row->value(5).toLongLong() > row->value(6).toLongLong();
            const bool mine = row->value(1).toString() == owner.user &&
                              row->value(3).toString() == owner.workstation;
            if (live && !mine) {
                outcome.lease = leaseFrom(row.value(), resource);
                return {};
            }
        }
        Lease lease{resource,
                    QUuid::createUuid().toString(QUuid::WithoutBraces),
                    owner.user,
                    owner.name,
                    owner.workstation,
                    TimeText::utcNow(),
                    0};
        auto written = m_db.exec(
            m_db.dialectSql(QStringLiteral(
                "INSERT INTO leases (resource, token, owner_user, owner_name, workstation,"
                " acquired_at, expires_ms) VALUES (?, ?, ?, ?, ?, ?, {NOW_MS} + ?)"
                " ON CONFLICT (resource) DO UPDATE SET token = excluded.token,"
                " owner_user = excluded.owner_user, owner_name = excluded.owner_name,"
                " workstation = excluded.workstation, acquired_at = excluded.acquired_at,"
                " expires_ms = excluded.expires_ms RETURNING expires_ms")),
            {lease.resource, lease.token, lease.ownerUser, lease.ownerName, lease.workstation,
             lease.acquiredAt, qint64(ttlMs)});
        if (!written)
            return written.error();
        if (written->next())
            lease.expiresMs = written->value(0).toLongLong();
        outcome.taken = true;
        outcome.lease = lease;
        return {};
    });
    if (!done)
        return done.error();
    return outcome;
}

Result<void> Leases::renew(const Lease &lease, int ttlMs)
{
    // Still ours (the token), or expired and taken by nobody since: extend it.
    auto r = m_db.exec(m_db.dialectSql(QStringLiteral(
                           "UPDATE leases SET expires_ms = {NOW_MS} + ? WHERE resource = ? AND "
                           "token = ?")),
                       {qint64(ttlMs), lease.resource, lease.token});
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 0)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("the lease on %1 expired and was taken by another "
                                        "holder")
                             .arg(lease.resource));
    return {};
}

Result<void> Leases::release(const Lease &lease)
{
    auto r = m_db.exec(QStringLiteral("DELETE FROM leases WHERE resource = ? AND token = ?"),
                       {lease.resource, lease.token});
    if (!r)
        return r.error();
    return {};
}

Result<std::optional<Lease>> Leases::holder(const QString &resource)
{
    auto row = m_db.exec(m_db.dialectSql(QStringLiteral(
                             "SELECT token, owner_user, owner_name, workstation, acquired_at,"
                             " expires_ms FROM leases WHERE resource = ? AND expires_ms > "
                             "{NOW_MS}")),
                         {resource});
    if (!row)
        return row.error();
    if (!row->next())
        return std::optional<Lease>();
    return std::optional<Lease>(leaseFrom(row.value(), resource));
}

LeaseKeeper::LeaseKeeper(Database &db, Lease lease, QObject *parent, int renewMs, int ttlMs)
    : QObject(parent)
    , m_db(db)
    , m_lease(std::move(lease))
    , m_ttlMs(ttlMs)
{
    m_timer.setInterval(renewMs);
    connect(&m_timer, &QTimer::timeout, this, &LeaseKeeper::renew);
    m_timer.start();
}

LeaseKeeper::~LeaseKeeper()
{
    if (!m_held)
        return;
    if (auto r = Leases(m_db).release(m_lease); !r)
        qCWarning(lcStore) << "lease not released (it expires on its own), error code"
                           << int(r.error().code);
}

void LeaseKeeper::renew()
{
    auto r = Leases(m_db).renew(m_lease, m_ttlMs);
    if (r)
        return;
    if (r.error().code != ErrorCode::Conflict) {
        // The database is away: try again at the next renewal (the lease may expire meanwhile).
        qCWarning(lcStore) << "lease not renewed, error code" << int(r.error().code);
        return;
    }
    m_held = false;
    m_timer.stop();
    Q_EMIT lost();
}

} // namespace clinicdesk
