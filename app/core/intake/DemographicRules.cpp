#include "intake/DemographicRules.h"

#include "crypto/BlindIndex.h"
#include "intake/IntakeForm.h"

#include <QDate>
#include <QRegularExpression>

namespace clinicdesk {

const QStringList &DemographicRules::usStates()
{
    static const QStringList all = {
        QStringLiteral("AL"), QStringLiteral("AK"), QStringLiteral("AZ"), QStringLiteral("AR"),
        QStringLiteral("CA"), QStringLiteral("CO"), QStringLiteral("CT"), QStringLiteral("DE"),
        QStringLiteral("DC"), QStringLiteral("FL"), QStringLiteral("GA"), QStringLiteral("HI"),
        QStringLiteral("ID"), QStringLiteral("IL"), QStringLiteral("IN"), QStringLiteral("IA"),
        QStringLiteral("KS"), QStringLiteral("KY"), QStringLiteral("LA"), QStringLiteral("ME"),
        QStringLiteral("MD"), QStringLiteral("MA"), QStringLiteral("MI"), QStringLiteral("MN"),
        QStringLiteral("MS"), QStringLiteral("MO"), QStringLiteral("MT"), QStringLiteral("NE"),
        QStringLiteral("NV"), QStringLiteral("NH"), QStringLiteral("NJ"), QStringLiteral("NM"),
        QStringLiteral("NY"), QStringLiteral("NC"), QStringLiteral("ND"), QStringLiteral("OH"),
        QStringLiteral("OK"), QStringLiteral("OR"), QStringLiteral("PA"), QStringLiteral("RI"),
        QStringLiteral("SC"), QStringLiteral("SD"), QStringLiteral("TN"), QStringLiteral("TX"),
        QStringLiteral("UT"), QStringLiteral("VT"), QStringLiteral("VA"), QStringLiteral("WA"),
        QStringLiteral("WV"), QStringLiteral("WI"), QStringLiteral("WY")};
    return all;
}

bool DemographicRules::isUsState(const QString &code)
{
    return usStates().contains(code.trimmed().toUpper());
}

QString DemographicRules::usPhoneDigits(const QString &phone)
{
    static const QRegularExpression allowed(QStringLiteral("^[0-9 ()+.\\-]+$"));
    if (!allowed.match(phone.trimmed()).hasMatch())
        return {};
    const QString digits = BlindIndex::normalizePhone(phone);
    // NANP: neither the area code nor the exchange starts with 0 or 1.
    if (digits.size() != 10 || digits.at(0) < u'2' || digits.at(3) < u'2')
        return {};
    return digits;
}

QString DemographicRules::dateFormatIssue(const QString &typed)
{
    static const QRegularExpression digits(QStringLiteral("^([0-9]{2})([0-9]{2})([0-9]{4})$"));
    const QRegularExpressionMatch m = digits.match(typed.trimmed());
    if (m.hasMatch()) {
        const QString slashed =
            QStringLiteral("%1/%2/%3").arg(m.captured(1), m.captured(2), m.captured(3));
        if (QDate::fromString(slashed, QStringLiteral("MM/dd/yyyy")).isValid())
            return tr("Type the date with slashes, as MM/DD/YYYY: %1.").arg(slashed);
    }
    return tr("Enter a real date as MM/DD/YYYY.");
}

QString DemographicRules::issue(const IntakeForm &form, const QString &linkId)
{
    const QString value = form.text(linkId).trimmed();
    if (value.isEmpty())
        return {};
    if (linkId == IntakeForm::kFirstName || linkId == IntakeForm::kLastName) {
        if (value.size() > kMaxNameLength)
            return tr("Use at most %n characters.", nullptr, kMaxNameLength);
        static const QRegularExpression letters(QStringLiteral("\\p{L}"));
        if (!letters.match(value).hasMatch())
            return tr("A name needs at least one letter.");
    } else if (linkId == IntakeForm::kDob) {
        const QDate dob = QDate::fromString(value, Qt::ISODate);
        const QDate today = QDate::currentDate();
        if (!dob.isValid())
            return dateFormatIssue(value);
        if (dob >= today)
            return tr("The date of birth must be in the past.");
        if (dob < today.addYears(-120))
            return tr("Check the year: that is more than 120 years ago.");
    } else if (linkId == IntakeForm::kPhone) {
        if (usPhoneDigits(value).isEmpty())
            return tr("Enter a 10-digit US phone number, e.g. (512) 555-0123.");
    } else if (linkId == IntakeForm::kState) {
        static const QRegularExpression twoLetters(QStringLiteral("^[A-Za-z]{2}$"));
        if (!isUsState(value) && twoLetters.match(value).hasMatch())
            return tr("%1 is not a US state. Enter a two-letter US state code, e.g. TX.")
                .arg(value.toUpper());
        if (!isUsState(value))
            return tr("Enter a two-letter US state code, e.g. TX.");
    } else if (linkId == IntakeForm::kZip) {
        static const QRegularExpression zip(QStringLiteral("^[0-9]{5}$"));
        if (!zip.match(value).hasMatch())
            return tr("Enter a 5-digit ZIP code.");
    } else if (linkId == IntakeForm::kEmail) {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"));
        if (!email.match(value).hasMatch())
            return tr("Enter an e-mail address such as name@example.com.");
    } else if (linkId == IntakeForm::kSex) {
        static const QStringList sexes = {QStringLiteral("Male"), QStringLiteral("Female"),
                                          QStringLiteral("Other")};
        if (!sexes.contains(value))
            return tr("Choose Male, Female or Other.");
    }
    return {};
}

} // namespace clinicdesk
