#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace clinicdesk {

// What the sandbox provider can prescribe, by medId (the ids ClinicDesk's questionnaires use):
// each medication's category (the visit types it belongs to) and, for the GLP-1 programmes, its
// place on the titration ladder (semaglutide 0.25 → 0.5 → 1 → 1.7 → 2.4 mg; tirzepatide 2.5 → 5
// → 7.5 → 10 → 12.5 → 15 mg). A prescription's length comes from its daysSupply: 84 days or
// more is a 3-month prescription, anything shorter a 1-month one.
class SandboxMedications
{
public:
    struct Medication
    {
        QString medId;
        QString name;
        QString strength;
        QString category; // weightloss, ED, PE, hairloss
        QString molecule; // the titration ladder, empty when not titrated
        int step = -1;    // place on the ladder
    };

    static const Medication *find(const QString &medId);
    // The medication one step up or down the ladder of `med` (nullptr past either end).
    static const Medication *atStep(const QString &molecule, int step);
    // The category a visit type prescribes from (weightlossfollowup and weightlossCheckin are
    // weightloss); empty for an unknown type.
    static QString categoryOf(const QString &visitType);
    static bool isWeightLossProgramme(const QString &visitType);
    // 1 or 3.
    static int months(const QJsonObject &preferenceItem);
    // A prescription's length (its longest medication) and its titrated (GLP-1) medication.
    static int rxMonths(const QJsonObject &rx);
    static const Medication *titrated(const QJsonObject &rx);
    // A patientPreference item with every field the provider needs (name, strength, quantity,
    // refills, daysSupply, medId), none blank.
    static bool isComplete(const QJsonValue &preferenceItem);
    // The medsPrescribed entry written for a preference item: the item's own fields plus rxName,
    // rxStrength, rxRefills, rxQuantity and a new rxId.
    static QJsonObject prescribe(const QJsonObject &preferenceItem);
    // A preference item for `med` lasting `months`.
    static QJsonObject preferenceItem(const Medication &med, int months);
};

} // namespace clinicdesk
