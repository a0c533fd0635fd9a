#pragma once

#include "store/Database.h"

namespace clinicdesk::schema {

// The console store's migrations, oldest first. Append only: a released migration never changes.
const QList<Migration> &migrations();
inline int latestVersion()
{
    return migrations().last().version;
}

// Every sealed column, by table: key rotation re-encrypts exactly these. A new PHI column is
// added here in the same commit as its migration (tst_schema checks each one exists).
struct SealedTable
{
    QString table;
    QStringList columns;
};
const QList<SealedTable> &sealedTables();

} // namespace clinicdesk::schema
