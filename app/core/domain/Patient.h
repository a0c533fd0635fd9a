#pragma once

#include <QDate>
#include <QString>

namespace clinicdesk {

// Demographics as the provider's formObj wants them. Every field is PHI.
struct Patient
{
    QString id; // store row id (UUID); empty until saved
    QString firstName;
    QString lastName;
    QDate dob;
    QString sex; // Male / Female / Other
    QString phone;
    QString email;
    QString address;
    QString city;
    QString state;
    QString zip;

    friend bool operator==(const Patient &, const Patient &) = default;
};

} // namespace clinicdesk
