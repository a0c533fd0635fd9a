#include "SandboxMedications.h"

#include "crypto/Crypto.h"

#include <QJsonArray>
#include <QList>

#include <algorithm>

namespace clinicdesk {
namespace {

QList<SandboxMedications::Medication> catalogue()
{
    QList<SandboxMedications::Medication> all;
    auto ladder = [&](const char *molecule, const char *name, const char *volume,
                      std::initializer_list<const char *> doses) {
        int step = 0;
        for (const char *dose : doses) {
            const QString d = QString::fromLatin1(dose);
            all.append({QStringLiteral("%1-%2").arg(QString::fromLatin1(molecule), d),
                        QString::fromLatin1(name),
                        QStringLiteral("%1 mg/%2").arg(d, QString::fromLatin1(volume)),
                        QStringLiteral("weightloss"), QString::fromLatin1(molecule), step++});
        }
    };
    ladder("sema", "Semaglutide", "0.5 mL", {"0.25", "0.5", "1.0", "1.7", "2.4"});
    ladder("tirz", "Tirzepatide", "0.5 mL", {"2.5", "5", "7.5", "10", "12.5", "15"});
    auto plain = [&](const char *id, const char *name, const char *strength, const char *cat) {
        all.append({QString::fromLatin1(id), QString::fromLatin1(name),
                    QString::fromLatin1(strength), QString::fromLatin1(cat), QString(), -1});
    };
    plain("sild-50", "Sildenafil", "50 mg", "ED");
    plain("sild-100", "Sildenafil", "100 mg", "ED");
    plain("tada-5", "Tadalafil", "5 mg", "ED");
    plain("tada-20", "Tadalafil", "20 mg", "ED");
    plain("sert-50", "Sertraline", "50 mg", "PE");
    plain("sert-prn", "Sertraline", "50 mg", "PE");
    plain("parox-10", "Paroxetine", "10 mg", "PE");
    plain("lido", "Lidocaine-prilocaine", "2.5%/2.5%", "PE");
    plain("fin-1", "Finasteride", "1 mg", "hairloss");
    plain("minox-oral", "Minoxidil", "2.5 mg", "hairloss");
    plain("minox-top", "Minoxidil", "5% solution", "hairloss");
    plain("fin-minox", "Finasteride and minoxidil", "1 mg / 5%", "hairloss");
    return all;
}

const QList<SandboxMedications::Medication> &all()
{
    static const QList<SandboxMedications::Medication> list = catalogue();
    return list;
}

QString text(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString().trimmed();
}

} // namespace

const SandboxMedications::Medication *SandboxMedications::find(const QString &medId)
{
    for (const Medication &m : all()) {
        if (m.medId == medId)
            return &m;
    }
    return nullptr;
}

const SandboxMedications::Medication *SandboxMedications::atStep(const QString &molecule, int step)
{
    for (const Medication &m : all()) {
        if (!molecule.isEmpty() && m.molecule == molecule && m.step == step)
            return &m;
    }
    return nullptr;
}

QString SandboxMedications::categoryOf(const QString &visitType)
{
    if (isWeightLossProgramme(visitType))
        return QStringLiteral("weightloss");
    for (const char *t : {"ED", "PE", "hairloss"}) {
        if (visitType == QLatin1String(t))
            return visitType;
    }
    return {};
}

bool SandboxMedications::isWeightLossProgramme(const QString &visitType)
{
    return visitType == QLatin1String("weightloss") ||
           visitType == QLatin1String("weightlossfollowup") ||
           visitType == QLatin1String("weightlossCheckin");
}

int SandboxMedications::months(const QJsonObject &item)
{
    return text(item.value(QLatin1String("daysSupply"))).toInt() >= 84 ? 3 : 1;
}

int SandboxMedications::rxMonths(const QJsonObject &rx)
{
    int longest = 1;
    for (const QJsonValue &med : rx.value(QLatin1String("medsPrescribed")).toArray())
        longest = std::max(longest, months(med.toObject()));
    return longest;
}

const SandboxMedications::Medication *SandboxMedications::titrated(const QJsonObject &rx)
{
    for (const QJsonValue &med : rx.value(QLatin1String("medsPrescribed")).toArray()) {
        const Medication *m = find(med.toObject().value(QLatin1String("medId")).toString());
        if (m && !m->molecule.isEmpty())
            return m;
    }
    return nullptr;
}

bool SandboxMedications::isComplete(const QJsonValue &item)
{
    if (!item.isObject())
        return false;
    const QJsonObject o = item.toObject();
    for (const char *key : {"name", "strength", "quantity", "refills", "daysSupply", "medId"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!(v.isString() || v.isDouble()) || text(v).isEmpty())
            return false;
    }
    bool ok = false;
    return text(o.value(QLatin1String("daysSupply"))).toInt(&ok) > 0 && ok;
}

QJsonObject SandboxMedications::prescribe(const QJsonObject &item)
{
    QJsonObject med = item;
    med.insert(QStringLiteral("rxName"), text(item.value(QLatin1String("name"))));
    med.insert(QStringLiteral("rxStrength"), text(item.value(QLatin1String("strength"))));
    med.insert(QStringLiteral("rxRefills"), text(item.value(QLatin1String("refills"))));
    med.insert(QStringLiteral("rxQuantity"), text(item.value(QLatin1String("quantity"))));
    med.insert(QStringLiteral("rxId"),
               QStringLiteral("rx_") + QString::fromLatin1(crypto::randomBytes(6).toHex()));
    return med;
}

QJsonObject SandboxMedications::preferenceItem(const Medication &med, int months)
{
    return {
        {QStringLiteral("name"), med.name},
        {QStringLiteral("strength"), med.strength},
        {QStringLiteral("quantity"), months == 3 ? QStringLiteral("6 mL") : QStringLiteral("2 mL")},
        {QStringLiteral("refills"), QStringLiteral("0")},
        {QStringLiteral("daysSupply"), months == 3 ? QStringLiteral("84") : QStringLiteral("28")},
        {QStringLiteral("medId"), med.medId}};
}

} // namespace clinicdesk
