#pragma once

#include "provider/ProviderCare.h"
#include "provider/ProviderResult.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace clinicdesk {

// What the provider tells about pharmacies, patients and visits, in ClinicDesk's terms
// (BelugaAdapter reads the provider's replies into these). All of it is PHI except the
// pharmacy directory: keep it sealed at rest and out of logs.

// One entry of the provider's pharmacy directory.
struct Pharmacy
{
    QString pharmacyId;
    QString name;
    QString address;
    QString city;
    QString state;
    QString zip;
    QString phone; // digits as the provider sent them
};

// A pharmacy search: the ZIP is required by the provider; the rest narrows it.
struct PharmacySearch
{
    QString zip;
    QString name;
    QString city;
    QString state;
};

// GET /patient/externalFetch/{phone}: a patient the provider already knows.
struct ProviderPatient
{
    struct Visit
    {
        QString masterId;
        QString visitType;
        ProviderVisitStatus::Stage stage = ProviderVisitStatus::Stage::Unknown;
    };
    QString firstName;
    QString lastName;
    QDate dob;
    QString sex;
    QString phone;
    QString email;
    QString address;
    QString city;
    QString state;
    QString zip;
    QList<Visit> visits;
};

// A lab result of a visit's lab order.
struct LabResult
{
    QString orderId;
    QString test;
    QString value;
    QString unit;
    QString referenceRange;
    QString flag;
    QDateTime resultedAt; // UTC
};

// One question of the intake as the provider recorded it.
struct IntakeAnswer
{
    QString question;
    QString answer;
};

// One prescription of a visit's rxHistory.
struct ProviderPrescription
{
    QDateTime writtenAt; // UTC; invalid when the provider did not say
    QString doctor;
    QString pharmacyId;
    QList<PrescribedMedication> medications;
};

// GET /visit/externalFetch/{masterId} in full.
struct ProviderVisitDetails
{
    ProviderVisitStatus status;
    QString visitType;
    QList<ProviderPrescription> rxHistory;
    QList<LabResult> labResults;
    QList<IntakeAnswer> intakeResults;
};

} // namespace clinicdesk
