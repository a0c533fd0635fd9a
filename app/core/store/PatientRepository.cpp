#include "store/PatientRepository.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "store/LocalStore.h"

#include <QDateTime>
#include <QUuid>

#include <array>

namespace clinicdesk {
namespace {

const QString kTable = QStringLiteral("patients");
const QString kColumns =
    QStringLiteral("id, first_name, last_name, dob, sex, phone, email, address, city, state, zip");

// Column name and the matching Patient member, in the order of kColumns after id.
using Field = QString Patient::*;
const std::array<std::pair<const char *, Field>, 10> kFields = {{
    {"first_name", &Patient::firstName},
    {"last_name", &Patient::lastName},
    {"dob", nullptr}, // a QDate, handled apart
    {"sex", &Patient::sex},
    {"phone", &Patient::phone},
    {"email", &Patient::email},
    {"address", &Patient::address},
    {"city", &Patient::city},
    {"state", &Patient::state},
    {"zip", &Patient::zip},
}};

Result<Patient> decode(const FieldCipher &cipher, const QSqlQuery &row)
{
    Patient p;
    p.id = row.value(0).toString();
    for (size_t i = 0; i < kFields.size(); ++i) {
        auto text = cipher.openText(kTable, p.id, QLatin1String(kFields[i].first),
                                    row.value(int(i) + 1).toByteArray());
        if (!text)
            return text.error();
        if (kFields[i].second)
            p.*kFields[i].second = text.value();
        else
            p.dob = QDate::fromString(text.value(), Qt::ISODate);
    }
    return p;
}

} // namespace

Result<QString> PatientRepository::save(const Patient &patient, const QString &byUser)
{
    const bool isNew = patient.id.isEmpty();
    const QString id = isNew ? QUuid::createUuid().toString(QUuid::WithoutBraces) : patient.id;
    const FieldCipher &cipher = m_store.cipher();
    QVariantList values;
    for (const auto &[column, member] : kFields) {
        const QString text =
            member ? patient.*member
                   : (patient.dob.isValid() ? patient.dob.toString(Qt::ISODate) : QString());
        auto sealed = cipher.sealText(kTable, id, QLatin1String(column), text);
        if (!sealed)
            return sealed.error();
        values << (sealed->isNull() ? QVariant(QMetaType::fromType<QByteArray>())
                                    : QVariant(*sealed));
    }
    const BlindIndex &index = m_store.blindIndex();
    const QByteArray phoneIdx = index.phone(patient.phone);
    const QByteArray nameDobIdx = index.nameDob(patient.firstName, patient.lastName, patient.dob);
    values << (phoneIdx.isNull() ? QVariant(QMetaType::fromType<QByteArray>())
                                 : QVariant(phoneIdx));
    values << (nameDobIdx.isNull() ? QVariant(QMetaType::fromType<QByteArray>())
                                   : QVariant(nameDobIdx));
    const QString now = TimeText::utcNow();
    Result<QSqlQuery> r = makeError(ErrorCode::Database, {});
    if (isNew) {
        values << byUser << now << now << id;
        r = m_store.db().exec(
            QStringLiteral(
                "INSERT INTO patients (first_name, last_name, dob, sex, phone, email, "
                "address, city, state, zip, phone_bidx, name_dob_bidx, created_by, "
                "created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?)"),
            values);
    } else {
        values << now << id;
        r = m_store.db().exec(
            QStringLiteral("UPDATE patients SET first_name = ?, last_name = ?, dob = ?, sex = ?, "
                           "phone = ?, email = ?, address = ?, city = ?, state = ?, zip = ?, "
                           "phone_bidx = ?, name_dob_bidx = ?, updated_at = ? WHERE id = ?"),
            values);
        if (r && r->numRowsAffected() == 0)
            return makeError(ErrorCode::NotFound, QStringLiteral("no patient with id %1").arg(id));
    }
    if (!r)
        return r.error();
    qCDebug(lcStore) << (isNew ? "patient created" : "patient updated") << id;
    return id;
}

Result<Patient> PatientRepository::get(const QString &id)
{
    auto row = m_store.db().exec(
        QStringLiteral("SELECT %1 FROM patients WHERE id = ?").arg(kColumns), {id});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("no patient with id %1").arg(id));
    return decode(m_store.cipher(), row.value());
}

Result<QList<Patient>> PatientRepository::findBy(const QString &column, const QByteArray &digest)
{
    QList<Patient> found;
    if (digest.isNull())
        return found;
    auto rows =
        m_store.db().exec(QStringLiteral("SELECT %1 FROM patients WHERE %2 = ? ORDER BY created_at")
                              .arg(kColumns, column),
                          {digest});
    if (!rows)
        return rows.error();
    while (rows->next()) {
        auto patient = decode(m_store.cipher(), rows.value());
        if (!patient)
            return patient.error();
        found << patient.value();
    }
    return found;
}

Result<QList<Patient>> PatientRepository::findByPhone(const QString &phone)
{
    return findBy(QStringLiteral("phone_bidx"), m_store.blindIndex().phone(phone));
}

Result<QList<Patient>> PatientRepository::findByNameDob(const QString &firstName,
                                                        const QString &lastName, QDate dob)
{
    return findBy(QStringLiteral("name_dob_bidx"),
                  m_store.blindIndex().nameDob(firstName, lastName, dob));
}

Result<QList<Patient>> PatientRepository::likelyDuplicates(const Patient &patient)
{
    auto byPhone = findByPhone(patient.phone);
    if (!byPhone)
        return byPhone;
    auto byNameDob = findByNameDob(patient.firstName, patient.lastName, patient.dob);
    if (!byNameDob)
        return byNameDob;
    QList<Patient> out;
    for (const QList<Patient> *list : {&byPhone.value(), &byNameDob.value()}) {
        for (const Patient &p : *list) {
            const bool seen = std::any_of(out.cbegin(), out.cend(),
                                          [&](const Patient &o) { return o.id == p.id; });
            if (p.id != patient.id && !seen)
                out << p;
        }
    }
    return out;
}

Result<void> PatientRepository::rebuildBlindIndex()
{
    auto rows = m_store.db().exec(QStringLiteral("SELECT %1 FROM patients").arg(kColumns));
    if (!rows)
        return rows.error();
    const BlindIndex &index = m_store.blindIndex();
    while (rows->next()) {
        auto p = decode(m_store.cipher(), rows.value());
        if (!p)
            return p.error();
        const QByteArray phoneIdx = index.phone(p->phone);
        const QByteArray nameDobIdx = index.nameDob(p->firstName, p->lastName, p->dob);
        auto r = m_store.db().exec(
            QStringLiteral("UPDATE patients SET phone_bidx = ?, name_dob_bidx = ? WHERE id = ?"),
            {phoneIdx.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(phoneIdx),
             nameDobIdx.isNull() ? QVariant(QMetaType::fromType<QByteArray>())
                                 : QVariant(nameDobIdx),
             p->id});
        if (!r)
            return r.error();
    }
    return {};
}

} // namespace clinicdesk
