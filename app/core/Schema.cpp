#include "Schema.h"

namespace clinicdesk::schema {

const QList<Migration> &migrations()
{
    static const QList<Migration> all = {
        {1,
         QStringLiteral("store metadata, staff accounts, patients"),
         {
             QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE users ("
                            " id TEXT PRIMARY KEY,"
                            " username TEXT NOT NULL UNIQUE,"
                            " display_name TEXT NOT NULL,"
                            " role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),"
                            " password_hash TEXT NOT NULL,"
                            " disabled INTEGER NOT NULL DEFAULT 0,"
                            " failed_attempts INTEGER NOT NULL DEFAULT 0,"
                            " locked_until TEXT,"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE patients ("
                 " id TEXT PRIMARY KEY,"
                 " first_name {BLOB}, last_name {BLOB}, dob {BLOB}, sex {BLOB},"
                 " phone {BLOB}, email {BLOB}, address {BLOB}, city {BLOB},"
                 " state {BLOB}, zip {BLOB},"
                 " phone_bidx {BLOB}, name_dob_bidx {BLOB},"
                 " created_by TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX patients_phone_bidx ON patients (phone_bidx)"),
             QStringLiteral("CREATE INDEX patients_name_dob_bidx ON patients (name_dob_bidx)"),
         }},
        {2,
         QStringLiteral("intake drafts"),
         {
             QStringLiteral("CREATE TABLE drafts ("
                            " id TEXT PRIMARY KEY,"
                            " patient_id TEXT REFERENCES patients (id),"
                            " visit_type TEXT,"
                            " questionnaire TEXT,"
                            " owner_user TEXT NOT NULL,"
                            " page INTEGER NOT NULL DEFAULT 0,"
                            " completion INTEGER NOT NULL DEFAULT 0,"
                            " payload {BLOB} NOT NULL,"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX drafts_owner ON drafts (owner_user, updated_at)"),
         }},
    };
    return all;
}

const QList<SealedTable> &sealedTables()
{
    static const QList<SealedTable> all = {
        {QStringLiteral("patients"),
         {QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("dob"),
          QStringLiteral("sex"), QStringLiteral("phone"), QStringLiteral("email"),
          QStringLiteral("address"), QStringLiteral("city"), QStringLiteral("state"),
          QStringLiteral("zip")}},
        {QStringLiteral("drafts"), {QStringLiteral("payload")}},
    };
    return all;
}

} // namespace clinicdesk::schema
