#include "SandboxSchema.h"

namespace clinicdesk {

const QList<Migration> &SandboxSchema::migrations()
{
    // Synthetic test patients still get the PHI rules: bodies, messages, prescriptions, images,
    // lab results and text messages are sealed (FieldCipher), phones are kept only as a blind
    // index.
    static const QList<Migration> all = {
        {1,
         QStringLiteral("sandbox provider state"),
         {
             QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE visits ("
                            " master_id TEXT PRIMARY KEY,"
                            " visit_id TEXT NOT NULL UNIQUE,"
                            " phone_bidx {BLOB} NOT NULL,"
                            " visit_type TEXT NOT NULL,"
                            " visit_status TEXT NOT NULL,"
                            " resolved_status TEXT NOT NULL,"
                            " outcome TEXT,"
                            " decision TEXT,"
                            " decide_at INTEGER,"
                            " awaiting_reply INTEGER NOT NULL DEFAULT 0,"
                            " created_at INTEGER NOT NULL,"
                            " updated_at INTEGER NOT NULL,"
                            " create_requests INTEGER NOT NULL DEFAULT 1,"
                            " request {BLOB} NOT NULL)"),
             QStringLiteral("CREATE INDEX visits_phone ON visits (phone_bidx, visit_type)"),
             QStringLiteral("CREATE INDEX visits_decide ON visits (decide_at)"),
             QStringLiteral("CREATE TABLE patients ("
                            " id TEXT PRIMARY KEY,"
                            " form_obj {BLOB} NOT NULL,"
                            " updated_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE messages ("
                            " id TEXT PRIMARY KEY,"
                            " master_id TEXT NOT NULL,"
                            " direction TEXT NOT NULL,"
                            " content {BLOB} NOT NULL,"
                            " at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX messages_master ON messages (master_id, direction)"),
             QStringLiteral("CREATE TABLE rx ("
                            " id TEXT PRIMARY KEY,"
                            " master_id TEXT NOT NULL,"
                            " rx {BLOB} NOT NULL,"
                            " at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE webhooks ("
                            " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " id TEXT NOT NULL UNIQUE,"
                            " master_id TEXT NOT NULL,"
                            " event TEXT NOT NULL,"
                            " body {BLOB} NOT NULL,"
                            " attempts INTEGER NOT NULL DEFAULT 0,"
                            " next_at INTEGER NOT NULL,"
                            " delivered_at INTEGER,"
                            " last_status INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX webhooks_due ON webhooks (delivered_at, next_at)"),
         }},
        {2,
         QStringLiteral("photos, PDFs, lab results, ID review, the clock, SMS"),
         {
             // Sandbox-clock times; resolved_at is when a visit was prescribed or referred.
             QStringLiteral("ALTER TABLE visits ADD COLUMN resolved_at INTEGER"),
             // '' none, 'awaiting' photos, 'review' photos in, 'approved' (no more name changes).
             QStringLiteral("ALTER TABLE visits ADD COLUMN id_status TEXT NOT NULL DEFAULT ''"),
             QStringLiteral(
                 "ALTER TABLE visits ADD COLUMN photos_required INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE visits ADD COLUMN rx_changes INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE visits ADD COLUMN lab_results {BLOB}"),
             QStringLiteral("CREATE TABLE attachments ("
                            " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " id TEXT NOT NULL UNIQUE,"
                            " master_id TEXT NOT NULL,"
                            " kind TEXT NOT NULL,"
                            " item {BLOB} NOT NULL,"
                            " at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX attachments_master ON attachments (master_id, seq)"),
             QStringLiteral("CREATE TABLE sms ("
                            " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " sid TEXT NOT NULL UNIQUE,"
                            " account_sid TEXT NOT NULL,"
                            " message {BLOB} NOT NULL,"
                            " at INTEGER NOT NULL)"),
         }},
    };
    return all;
}

} // namespace clinicdesk
