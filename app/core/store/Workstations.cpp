#include "store/Workstations.h"

#include "base/TimeText.h"
#include "crypto/Crypto.h"
#include "crypto/SecretBytes.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QSysInfo>
#include <QVariant>

#include <cstring>
#include <optional>

namespace clinicdesk {

namespace {

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kCodeLength = 20;
constexpr int kIdLength = 4;
// scrypt at N = 2^15, r = 8, p = 1: 32 MiB and about a tenth of a second per try, on top of the
// 80 secret bits and the five tries an invitation allows.
constexpr quint64 kScryptN = quint64(1) << 15;
constexpr quint32 kScryptR = 8;
constexpr quint32 kScryptP = 1;
const QString kKdf = QStringLiteral("scrypt-n32768-r8-p1");

QByteArray aad(const QString &id, const QString &storeId)
{
    return QByteArrayLiteral("clinicdesk-workstation-invite\n") + id.toLatin1() + '\n' +
           storeId.toUtf8();
}

QByteArray wrappingKey(const QString &code, const QByteArray &salt)
{
    return crypto::scrypt(code.toLatin1(), salt, kScryptN, kScryptR, kScryptP, crypto::kKeyBytes);
}

Error refused(ErrorCode code, const QString &message)
{
    return Error{code, message};
}

} // namespace

Workstations::Workstations(Database &db)
    : m_db(db)
{}

QString Workstations::thisWorkstation()
{
    const QString configured = qEnvironmentVariable("CLINICDESK_WORKSTATION").trimmed();
    if (!configured.isEmpty())
        return configured;
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QStringLiteral("unknown") : host;
}

QString Workstations::normaliseCode(const QString &typed)
{
    QString code;
    for (QChar c : typed) {
        if (c == u'-' || c.isSpace())
            continue;
        c = c.toUpper();
        if (c == u'I' || c == u'L')
            c = u'1';
        else if (c == u'O')
            c = u'0';
        if (c.unicode() > 127 || !std::strchr(kAlphabet, char(c.unicode())))
            return {};
        code += c;
    }
    return code.size() == kCodeLength ? code : QString();
}

Result<Workstations::Invitation> Workstations::invite(const QString &storeId, const KeyRing &ring,
                                                      const QString &by, qint64 nowMs)
{
    for (int attempt = 0; attempt < 8; ++attempt) {
        const QByteArray random = crypto::randomBytes(kCodeLength);
        QString code;
        for (char byte : random)
            code += QLatin1Char(kAlphabet[quint8(byte) & 31]);
        const QString id = code.left(kIdLength);
        const QByteArray salt = crypto::randomBytes(16);
        QByteArray key = wrappingKey(code, salt);
        if (key.isEmpty())
            return Error{ErrorCode::InvalidInput, QStringLiteral("scrypt refused its parameters")};
        QByteArray plain = ring.serialize();
        auto wrapped = crypto::aesGcmSeal(key, plain, aad(id, storeId));
        SecretBytes::wipeInPlace(plain);
        SecretBytes::wipeInPlace(key);
        if (!wrapped)
            return wrapped.error();
        bool taken = false;
        auto written = m_db.transaction([&]() -> Result<void> {
            // A void or expired invitation with the same first group makes way.
            auto gone = m_db.exec(
                QStringLiteral("DELETE FROM workstation_invites WHERE expires_ms <= ?"), {nowMs});
            if (!gone)
                return gone.error();
            auto exists =
                m_db.exec(QStringLiteral("SELECT 1 FROM workstation_invites WHERE id = ?"), {id});
            if (!exists)
                return exists.error();
            if (exists->next()) {
                taken = true;
                return {};
            }
            auto r = m_db.exec(
                QStringLiteral("INSERT INTO workstation_invites (id, store_id, kdf, salt, wrapped,"
                               " created_by, created_ms, expires_ms, wrong_codes)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)"),
                {id, storeId, kKdf, salt, wrapped.value(), by, nowMs, nowMs + kInviteLifetimeMs});
            if (!r)
                return r.error();
            return {};
        });
        if (!written)
            return written.error();
        if (taken)
            continue;
        QString grouped;
        for (int i = 0; i < kCodeLength; i += kIdLength)
            grouped += (i ? QStringLiteral("-") : QString()) + code.mid(i, kIdLength);
        return Invitation{id, grouped, nowMs + kInviteLifetimeMs};
    }
    return Error{ErrorCode::Conflict, QStringLiteral("could not find a free invitation id; try "
                                                     "again")};
}

Result<Workstations::Joined> Workstations::join(const QString &typed, const QString &workstation,
                                                qint64 nowMs)
{
    const QString code = normaliseCode(typed);
    if (code.isEmpty())
        return refused(ErrorCode::InvalidInput,
                       QStringLiteral("A workstation code has 20 letters and digits in five "
                                      "groups of four (XXXX-XXXX-XXXX-XXXX-XXXX)."));
    if (workstation.trimmed().isEmpty())
        return refused(ErrorCode::InvalidInput, QStringLiteral("The workstation needs a name."));
    const QString id = code.left(kIdLength);
    std::optional<Joined> joined;
    std::optional<Error> refusal;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto row = m_db.exec(QStringLiteral("SELECT store_id, kdf, salt, wrapped, created_by,"
                                            " expires_ms, wrong_codes"
                                            " FROM workstation_invites WHERE id = ?"),
                             {id});
        if (!row)
            return row.error();
        if (!row->next()) {
            refusal = refused(ErrorCode::NotFound,
                              QStringLiteral("No invitation matches this code: it was used, it "
                                             "expired or it never existed. Ask an admin for a "
                                             "new code."));
            return {};
        }
        const QString storeId = row->value(0).toString();
        const QByteArray salt = row->value(2).toByteArray();
        const QByteArray wrapped = row->value(3).toByteArray();
        const QString createdBy = row->value(4).toString();
        const qint64 expiresMs = row->value(5).toLongLong();
        const int wrongCodes = row->value(6).toInt();
        if (row->value(1).toString() != kKdf)
            return Error{ErrorCode::InvalidInput,
                         QStringLiteral("the invitation was made by a newer ClinicDesk")};
        if (expiresMs <= nowMs) {
            auto gone =
                m_db.exec(QStringLiteral("DELETE FROM workstation_invites WHERE id = ?"), {id});
            if (!gone)
                return gone.error();
            refusal = refused(ErrorCode::NotFound,
                              QStringLiteral("This invitation expired at %1. Ask an admin for a "
                                             "new code.")
                                  .arg(TimeText::utcFromMs(expiresMs)));
            return {};
        }
        QByteArray key = wrappingKey(code, salt);
        auto opened = crypto::aesGcmOpen(key, wrapped, aad(id, storeId));
        SecretBytes::wipeInPlace(key);
        if (!opened) {
            const int wrong = wrongCodes + 1;
            const int left = kMaxWrongCodes - wrong;
            auto counted =
                left > 0 ? m_db.exec(QStringLiteral("UPDATE workstation_invites SET wrong_codes ="
                                                    " ? WHERE id = ?"),
                                     {wrong, id})
                         : m_db.exec(QStringLiteral("DELETE FROM workstation_invites WHERE id = ?"),
                                     {id});
            if (!counted)
                return counted.error();
            refusal = refused(
                ErrorCode::AccessDenied,
                left > 0 ? QStringLiteral("Wrong code. %1 more wrong code(s) and the invitation "
                                          "is void.")
                               .arg(left)
                         : QStringLiteral("Wrong code. After %1 wrong codes the invitation is "
                                          "void: ask an admin for a new code.")
                               .arg(kMaxWrongCodes));
            return {};
        }
        auto ring = KeyRing::parse(opened.value());
        SecretBytes::wipeInPlace(opened.value());
        if (!ring)
            return ring.error();
        auto used = m_db.exec(QStringLiteral("DELETE FROM workstation_invites WHERE id = ?"), {id});
        if (!used)
            return used.error();
        if (used->numRowsAffected() != 1)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("the invitation was used by another workstation")};
        auto recorded = m_db.exec(
            QStringLiteral("INSERT INTO workstations (name, joined_ms, joined_by)"
                           " VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                           " joined_ms = excluded.joined_ms, joined_by = excluded.joined_by,"
                           " revoked_ms = NULL, revoked_by = NULL"),
            {workstation, nowMs, QStringLiteral("invitation %1 by %2").arg(id, createdBy)});
        if (!recorded)
            return recorded.error();
        joined = Joined{storeId, std::move(ring).value(), createdBy};
        return {};
    });
    if (!done)
        return done.error();
    if (refusal)
        return *refusal;
    return std::move(*joined);
}

Result<QList<Workstations::Workstation>> Workstations::list()
{
    auto q = m_db.exec(QStringLiteral("SELECT name, joined_ms, joined_by, revoked_ms, revoked_by"
                                      " FROM workstations ORDER BY name"));
    if (!q)
        return q.error();
    QList<Workstation> all;
    while (q->next())
        all << Workstation{q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString(),
                           q->value(3).toLongLong(), q->value(4).toString()};
    return all;
}

Result<QList<Workstations::PendingInvitation>> Workstations::pendingInvitations(qint64 nowMs)
{
    auto q = m_db.exec(QStringLiteral("SELECT id, created_by, created_ms, expires_ms, wrong_codes"
                                      " FROM workstation_invites WHERE expires_ms > ?"
                                      " ORDER BY created_ms"),
                       {nowMs});
    if (!q)
        return q.error();
    QList<PendingInvitation> all;
    while (q->next())
        all << PendingInvitation{q->value(0).toString(), q->value(1).toString(),
                                 q->value(2).toLongLong(), q->value(3).toLongLong(),
                                 q->value(4).toInt()};
    return all;
}

Result<void> Workstations::revoke(const QString &workstation, const QString &by, qint64 nowMs)
{
    auto q = m_db.exec(QStringLiteral("UPDATE workstations SET revoked_ms = ?, revoked_by = ?"
                                      " WHERE name = ? AND revoked_ms IS NULL"),
                       {nowMs, by, workstation});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{ErrorCode::NotFound,
                     QStringLiteral("no workstation named %1 that is not already revoked "
                                    "(see 'workstation list')")
                         .arg(workstation)};
    return {};
}

Result<void> Workstations::checkAllowed(const QString &workstation, qint64 nowMs)
{
    auto q =
        m_db.exec(QStringLiteral("SELECT revoked_ms, revoked_by FROM workstations WHERE name = ?"),
                  {workstation});
    if (!q)
        return q.error();
    if (q->next()) {
        if (q->value(0).isNull())
            return {};
        return Error{ErrorCode::AccessDenied,
                     QStringLiteral("This workstation (%1) was revoked by %2 at %3: it may not "
                                    "open the clinic's store. An admin can invite it again "
                                    "(clinicdesk-admin workstation invite).")
                         .arg(workstation, q->value(1).toString(),
                              TimeText::utcFromMs(q->value(0).toLongLong()))};
    }
    // A workstation that had the keys before invitations existed (or the first one): known from
    // its first open on.
    auto r = m_db.exec(QStringLiteral("INSERT INTO workstations (name, joined_ms, joined_by)"
                                      " VALUES (?, ?, 'first open') ON CONFLICT (name) DO NOTHING"),
                       {workstation, nowMs});
    if (!r)
        return r.error();
    return {};
}

Result<void> Workstations::dropInvitations()
{
    auto r = m_db.exec(QStringLiteral("DELETE FROM workstation_invites"));
    if (!r)
        return r.error();
    return {};
}

} // namespace clinicdesk
