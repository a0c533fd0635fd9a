#pragma once

#include "IntakeSupport.h"
#include "provider/ProviderClient.h"
#include "store/LocalStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>

namespace providertest {

// A queued visit as staff leave one: a complete intake for a new patient with `phone`, submitted
// through IntakeSubmission (tests/common/IntakeSupport.h). Returns its ids.
inline clinicdesk::IntakeSubmission::Outcome submitQueuedVisit(clinicdesk::LocalStore &store,
                                                               const QString &phone)
{
    return clinicdesk::test::submitVisit(store, phone, true);
}

inline QString visitColumn(clinicdesk::LocalStore &store, const QString &visitId,
                           const QString &column)
{
    auto q = store.db().exec(QStringLiteral("SELECT %1 FROM visits WHERE id = ?").arg(column),
                             {visitId});
    return q && q->next() ? q->value(0).toString() : QStringLiteral("<none>");
}

} // namespace providertest
