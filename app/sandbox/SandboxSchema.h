#pragma once

#include "store/Database.h"

#include <QList>

namespace clinicdesk {

// The sandbox store's schema (sandbox.db), one migration per step; SandboxStore applies them.
class SandboxSchema
{
public:
    static const QList<Migration> &migrations();
};

} // namespace clinicdesk
