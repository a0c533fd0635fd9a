#pragma once

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <sys/stat.h>

// Provider request bodies for tests (the shape of DESIGN's "Provider API"); synthetic data only.
namespace sandboxtest {

inline QJsonObject formObj(const QString &phone)
{
    return {{QStringLiteral("consentsSigned"), true},
            {QStringLiteral("firstName"), QStringLiteral("Testy")},
            {QStringLiteral("lastName"), QStringLiteral("McTestface")},
            {QStringLiteral("dob"), QStringLiteral("04/23/1985")},
            {QStringLiteral("phone"), phone},
            {QStringLiteral("email"), QStringLiteral("testy@example.com")},
            {QStringLiteral("address"), QStringLiteral("1 Test Lane")},
            {QStringLiteral("city"), QStringLiteral("Austin")},
            {QStringLiteral("state"), QStringLiteral("TX")},
            {QStringLiteral("zip"), QStringLiteral("78701")},
            {QStringLiteral("sex"), QStringLiteral("Male")},
            {QStringLiteral("selfReportedMeds"), QStringLiteral("None")},
            {QStringLiteral("allergies"), QStringLiteral("None")},
            {QStringLiteral("medicalConditions"), QStringLiteral("None")},
            {QStringLiteral("patientPreference"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Sildenafil")},
                                    {QStringLiteral("strength"), QStringLiteral("50 mg")},
                                    {QStringLiteral("quantity"), QStringLiteral("10")},
                                    {QStringLiteral("refills"), QStringLiteral("1")},
                                    {QStringLiteral("daysSupply"), QStringLiteral("30")},
                                    {QStringLiteral("medId"), QStringLiteral("med-1")}}}},
            {QStringLiteral("Q1"),
             QStringLiteral("How often? POSSIBLE ANSWERS: Rarely; Sometimes; Often")},
            {QStringLiteral("A1"), QStringLiteral("Sometimes")}};
}

inline QJsonObject createBody(const QString &masterId,
                              const QString &phone = QStringLiteral("5125550100"),
                              const QString &visitType = QStringLiteral("ED"))
{
    return {{QStringLiteral("formObj"), formObj(phone)},
            {QStringLiteral("pharmacyId"), QStringLiteral("ph_1")},
            {QStringLiteral("masterId"), masterId},
            {QStringLiteral("company"), QStringLiteral("clinicdesk-test")},
            {QStringLiteral("visitType"), visitType}};
}

// A 0600 file holding `text` and a newline.
inline QString writeSecretFile(const QString &dir, const QString &name, const QByteArray &text)
{
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(text + '\n');
        f.close();
    }
    ::chmod(QFile::encodeName(path).constData(), 0600);
    return path;
}

} // namespace sandboxtest
