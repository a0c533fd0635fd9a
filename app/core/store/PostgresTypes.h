#pragma once

#include <libpq-fe.h>

namespace clinicdesk::pgtype {

// pg_type OIDs (catalog/pg_type_d.h; fixed since PostgreSQL 7), for reading libpq's results.
enum : Oid
{
    kBool = 16,
    kBytea = 17,
    kInt8 = 20,
    kInt2 = 21,
    kInt4 = 23,
    kOid = 26,
    kFloat4 = 700,
    kFloat8 = 701,
    kNumeric = 1700,
};

} // namespace clinicdesk::pgtype
