#pragma once

#include "HttpMessage.h"
#include "base/Result.h"

#include <QString>

namespace clinicdesk {

class Database;

// The audit witness (DESIGN, "Inbox → relay"): each console store's latest audit head, kept off
// the machine that holds the log, so that truncating the log together with its local anchor is
// still detected by `clinicdesk-admin audit verify`.
//
//   POST /v1/witness {"store":"<store id>","seq":N,"head":"<64 hex>"} records it: 200 when
//   recorded or already recorded; 409 for a lower seq, or another head for the seq already
//   witnessed (the witness never moves back); 403 when another consumer witnesses that store.
//   GET /v1/witness?store=<id> answers the latest {"store","seq","head","witnessedAt"}, or 404.
// A store's witness belongs to the consumer (bearer token) that first recorded it.
class WitnessRegistry
{
public:
    explicit WitnessRegistry(Database &db);

    HttpResponse post(const QString &consumer, const QByteArray &body, qint64 nowMs);
    HttpResponse get(const QString &consumer, const QString &storeId);

    // A store id as the console makes them (a UUID), or anything of [A-Za-z0-9._:-], 1-100.
    static bool isStoreId(const QString &storeId);

private:
    Database &m_db;
};

} // namespace clinicdesk
