#pragma once

#include "base/Result.h"
#include "domain/Patient.h"

#include <QList>

namespace clinicdesk {

class LocalStore;

// Patients in the local store: every demographic column sealed, found through the blind index.
class PatientRepository
{
public:
    explicit PatientRepository(LocalStore &store)
        : m_store(store)
    {}

    // Inserts (empty id: a new UUID is assigned and returned) or updates.
    Result<QString> save(const Patient &patient, const QString &byUser = {});
    Result<Patient> get(const QString &id);
    // Exact matches on the normalised phone / name + date of birth.
    Result<QList<Patient>> findByPhone(const QString &phone);
    Result<QList<Patient>> findByNameDob(const QString &firstName, const QString &lastName,
                                         QDate dob);
    // Patients other than `patient` itself that share its phone or its name + date of birth.
    Result<QList<Patient>> likelyDuplicates(const Patient &patient);
    // Recomputes every blind index with the store's current index key (after a key rotation).
    Result<void> rebuildBlindIndex();

private:
    Result<QList<Patient>> findBy(const QString &column, const QByteArray &digest);

    LocalStore &m_store;
};

} // namespace clinicdesk
