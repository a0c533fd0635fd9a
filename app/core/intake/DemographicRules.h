#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace clinicdesk {

class IntakeForm;

// The format rules for a US patient's demographics that an intake checks as staff type: name
// length, a real past date of birth, a 10-digit NANP phone, a state code, a 5-digit ZIP, an
// e-mail address, the provider's three sexes. They match what the provider accepts (DESIGN.md,
// formObj), so a visit that passes here is not refused for its format; the provider adapter
// uses the same functions to normalise what it sends.
class DemographicRules
{
    Q_DECLARE_TR_FUNCTIONS(DemographicRules)

public:
    static constexpr int kMaxNameLength = 100;

    // The rule for one intake answer (names, DOB, phone, state, ZIP, e-mail, sex); empty when it
    // passes or when there is no format rule for that question.
    static QString issue(const IntakeForm &form, const QString &linkId);

    // Why `typed` is not a date as MM/DD/YYYY: eight digits are taken for a date typed without
    // its slashes (the message shows it with them); anything else gets the expected format.
    static QString dateFormatIssue(const QString &typed);

    // The two-letter codes accepted for `state`: the 50 states and DC.
    static const QStringList &usStates();
    static bool isUsState(const QString &code);
    // 10 digits (US), from any usual formatting; empty if it is not a US phone number.
    static QString usPhoneDigits(const QString &phone);
};

} // namespace clinicdesk
