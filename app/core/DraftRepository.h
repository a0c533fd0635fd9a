#pragma once

#include "Draft.h"
#include "Result.h"

#include <QList>

namespace clinicdesk {

class LocalStore;

class DraftRepository
{
public:
    explicit DraftRepository(LocalStore &store)
        : m_store(store)
    {}

    // Insert or replace; returns the id (a new UUID for a new draft).
    Result<QString> save(const Draft &draft);
    Result<Draft> get(const QString &id);
    // Newest first; answers included (callers show the patient's name from them).
    Result<QList<Draft>> list();
    Result<void> remove(const QString &id);

private:
    LocalStore &m_store;
};

} // namespace clinicdesk
