#pragma once

#include "base/Result.h"
#include "intake/Draft.h"

#include <QList>

namespace clinicdesk {

class Database;
class FieldCipher;
class LocalStore;

class DraftRepository
{
public:
    explicit DraftRepository(LocalStore &store)
        : m_store(store)
    {}

    // Insert or replace; returns the id (a new UUID for a new draft). A draft read from the
    // store (version > 0) replaces that version only: Conflict when the stored one is newer.
    Result<QString> save(const Draft &draft);
    Result<Draft> get(const QString &id);
    // Newest first; answers included (callers show the patient's name from them).
    Result<QList<Draft>> list();
    Result<void> remove(const QString &id);
    // Hands the draft to another staff member (the drafts list's "hand to a colleague").
    Result<void> reassign(const QString &id, const QString &ownerUser);

    // save() on an explicit connection and cipher: the autosave worker thread has its own
    // connection (Qt Sql connections belong to the thread that opened them).
    // `savedVersion`: the version now stored.
    static Result<QString> save(Database &db, const FieldCipher &cipher, const Draft &draft,
                                qint64 *savedVersion = nullptr);

private:
    LocalStore &m_store;
};

} // namespace clinicdesk
