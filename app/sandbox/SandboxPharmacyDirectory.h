#pragma once

#include <QList>
#include <QString>

namespace clinicdesk {

// The sandbox's pharmacy directory: 450 fictional pharmacies in 32 cities of 8 states (TX, CA,
// FL, NY, IL, AZ, WA, GA), generated the same way on every run from the tables in the .cpp
// (cities with their ZIP and area codes, street and pharmacy names). Phone numbers are in the
// 555-01xx range reserved for fiction. Ids are "ph_1" … "ph_450"; ph_1 is in Austin, TX 78701.
//
// Search (POST /external/pharmacies): a 5-digit ZIP is required; the ZIP's state comes from its
// first digits, and the answer is that state's pharmacies nearest first (by ZIP distance), at
// most 100, narrowed by `state` (must be the ZIP's), `city` (equal, any case) and `name`
// (contained, any case). A ZIP outside the 8 states finds nothing.
class SandboxPharmacyDirectory
{
public:
    struct Pharmacy
    {
        QString pharmacyId;
        QString name;
        QString address;
        QString city;
        QString state;
        QString zip;
        QString phone;
    };

    static constexpr int kMaxResults = 100;

    static const QList<Pharmacy> &all();
    static const Pharmacy *find(const QString &pharmacyId);
    // The state a ZIP belongs to, among the directory's states; empty otherwise.
    static QString stateOfZip(const QString &zip);
    static QList<Pharmacy> search(const QString &name, const QString &city, const QString &state,
                                  const QString &zip);
};

} // namespace clinicdesk
