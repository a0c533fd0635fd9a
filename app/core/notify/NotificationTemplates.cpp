#include "notify/NotificationTemplates.h"

#include "base/TimeText.h"
#include "domain/PatientNotice.h"
#include "store/Database.h"

#include <QRegularExpression>

namespace clinicdesk {
namespace {

struct Wording
{
    const char *key;
    const char *subjectEn;
    const char *bodyEn;
    const char *subjectEs;
    const char *bodyEs;
};

// Deliberately bare: who is writing, that there is news, how to call back.
const Wording kBuiltIn[] = {
    {"prescription_written", "{clinic_name}: an update on your visit",
     "Hello {first_name}, there is an update on your visit with {clinic_name}. Questions? Call "
     "{clinic_phone}.",
     "{clinic_name}: novedades sobre su consulta",
     "Hola {first_name}, hay novedades sobre su consulta con {clinic_name}. ¿Preguntas? Llame al "
     "{clinic_phone}."},
    {"more_information_needed", "{clinic_name}: please contact us",
     "Hello {first_name}, {clinic_name} needs a little more information to continue your visit. "
     "Please call {clinic_phone}.",
     "{clinic_name}: comuníquese con nosotros",
     "Hola {first_name}, {clinic_name} necesita un poco más de información para continuar su "
     "consulta. Llame al {clinic_phone}."},
    {"shipped", "{clinic_name}: your order has shipped",
     "Hello {first_name}, your order from {clinic_name} has shipped with {carrier}, tracking "
     "{tracking}. Questions? Call {clinic_phone}.",
     "{clinic_name}: su pedido fue enviado",
     "Hola {first_name}, su pedido de {clinic_name} fue enviado por {carrier}, número de "
     "seguimiento {tracking}. ¿Preguntas? Llame al {clinic_phone}."},
    {"delivered", "{clinic_name}: your order was delivered",
     "Hello {first_name}, your order from {clinic_name} was delivered on {date}. Questions? Call "
     "{clinic_phone}.",
     "{clinic_name}: su pedido fue entregado",
     "Hola {first_name}, su pedido de {clinic_name} fue entregado el {date}. ¿Preguntas? Llame "
     "al {clinic_phone}."},
    {"referred", "{clinic_name}: an update on your visit",
     "Hello {first_name}, {clinic_name} has an update on your visit and would like to talk with "
     "you. Please call {clinic_phone}.",
     "{clinic_name}: novedades sobre su consulta",
     "Hola {first_name}, {clinic_name} tiene novedades sobre su consulta y desea hablar con usted. "
     "Llame al {clinic_phone}."},
    {"canceled", "{clinic_name}: your visit was closed",
     "Hello {first_name}, your visit with {clinic_name} was closed. Please call {clinic_phone} "
     "if you have questions.",
     "{clinic_name}: su consulta fue cerrada",
     "Hola {first_name}, su consulta con {clinic_name} fue cerrada. Llame al {clinic_phone} si "
     "tiene preguntas."},
    {"lab_requisition_ready", "{clinic_name}: your lab form is ready",
     "Hello {first_name}, your lab form from {clinic_name} is ready. Please call {clinic_phone} "
     "to arrange it.",
     "{clinic_name}: su orden de laboratorio está lista",
     "Hola {first_name}, su orden de laboratorio de {clinic_name} está lista. Llame al "
     "{clinic_phone} para coordinarla."},
};

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{([^{}]*)\\}"));
    return pattern;
}

} // namespace

const QStringList &NotificationTemplates::languages()
{
    static const QStringList all = {QStringLiteral("en"), QStringLiteral("es")};
    return all;
}

NotificationTemplates::Template NotificationTemplates::builtIn(const QString &templateKey,
                                                               const QString &language)
{
    for (const Wording &w : kBuiltIn) {
        if (templateKey == QLatin1String(w.key)) {
            const bool es = language == QLatin1String("es");
            return {QString::fromUtf8(es ? w.subjectEs : w.subjectEn),
                    QString::fromUtf8(es ? w.bodyEs : w.bodyEn)};
        }
    }
    return {};
}

std::optional<NotificationTemplates::Problem>
NotificationTemplates::check(const QString &templateKey, const QString &language,
                             const Template &text)
{
    using Kind = Problem::Kind;
    if (!PatientNotice::templateKeys().contains(templateKey))
        return Problem{Kind::UnknownTemplate, templateKey};
    if (!languages().contains(language))
        return Problem{Kind::UnknownLanguage, language};
    if (text.body.trimmed().isEmpty())
        return Problem{Kind::EmptyBody, {}};
    if (text.body.size() > 1000 || text.subject.size() > 200)
        return Problem{Kind::TooLong, {}};
    for (const QString &part : {text.subject, text.body}) {
        auto it = placeholderPattern().globalMatch(part);
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            if (!PatientNotice::safePlaceholders().contains(name))
                return Problem{Kind::UnsafePlaceholder, name};
        }
        QString rest = part;
        rest.remove(placeholderPattern());
        if (rest.contains(QLatin1Char('{')) || rest.contains(QLatin1Char('}')))
            return Problem{Kind::UnbalancedBrace, {}};
    }
    return std::nullopt;
}

Result<void> NotificationTemplates::validate(const QString &templateKey, const QString &language,
                                             const Template &text)
{
    const auto problem = check(templateKey, language, text);
    if (!problem)
        return {};
    QString message;
    switch (problem->kind) {
    case Problem::Kind::UnknownTemplate:
        message = QStringLiteral("unknown template '%1' (one of: %2)")
                      .arg(templateKey, PatientNotice::templateKeys().join(u", "));
        break;
    case Problem::Kind::UnknownLanguage:
        message = QStringLiteral("unknown language '%1' (en or es)").arg(language);
        break;
    case Problem::Kind::EmptyBody:
        message = QStringLiteral("the body is empty");
        break;
    case Problem::Kind::TooLong:
        message = QStringLiteral("too long (subject at most 200, body 1000 characters)");
        break;
    case Problem::Kind::UnsafePlaceholder:
        message = QStringLiteral("placeholder {%1} is not allowed: a message may use only %2")
                      .arg(problem->name, QLatin1Char('{') +
                                              PatientNotice::safePlaceholders().join(u"}, {") +
                                              QLatin1Char('}'));
        break;
    case Problem::Kind::UnbalancedBrace:
        message = QStringLiteral("unbalanced { or } in the template");
        break;
    }
    return makeError(ErrorCode::InvalidInput, message);
}

QHash<QString, QString> NotificationTemplates::sampleValues(const QString &clinicName,
                                                            const QString &clinicPhone,
                                                            const QDate &date)
{
    return {{QStringLiteral("clinic_name"), clinicName},
            {QStringLiteral("clinic_phone"), clinicPhone},
            {QStringLiteral("first_name"), QStringLiteral("Ana")},
            {QStringLiteral("carrier"), QStringLiteral("UPS")},
            {QStringLiteral("tracking"), QStringLiteral("1Z999AA10123456784")},
            {QStringLiteral("date"), date.toString(Qt::ISODate)}};
}

QString NotificationTemplates::render(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    qsizetype from = 0;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        out += values.value(m.captured(1));
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

Result<NotificationTemplates::Template> NotificationTemplates::get(const QString &templateKey,
                                                                   const QString &language)
{
    auto row = m_db.exec(QStringLiteral("SELECT subject, body FROM notification_templates "
                                        "WHERE template = ? AND language = ?"),
                         {templateKey, language});
    if (!row)
        return row.error();
    if (row->next())
        return Template{row->value(0).toString(), row->value(1).toString()};
    return builtIn(templateKey, language);
}

Result<bool> NotificationTemplates::isCustom(const QString &templateKey, const QString &language)
{
    auto row = m_db.exec(QStringLiteral("SELECT 1 FROM notification_templates "
                                        "WHERE template = ? AND language = ?"),
                         {templateKey, language});
    if (!row)
        return row.error();
    return row->next();
}

Result<void> NotificationTemplates::save(const QString &templateKey, const QString &language,
                                         const Template &text, const QString &byUser)
{
    if (auto valid = validate(templateKey, language, text); !valid)
        return valid;
    const QString now = TimeText::utcNow();
    auto r = m_db.exec(QStringLiteral("INSERT INTO notification_templates (template, language, "
                                      "subject, body, updated_by, updated_at) VALUES (?, ?, ?, ?, "
                                      "?, ?) ON CONFLICT (template, language) DO UPDATE SET "
                                      "subject = excluded.subject, body = excluded.body, "
                                      "updated_by = excluded.updated_by, "
                                      "updated_at = excluded.updated_at"),
                       {templateKey, language, text.subject, text.body, byUser, now});
    if (!r)
        return r.error();
    return {};
}

Result<void> NotificationTemplates::reset(const QString &templateKey, const QString &language)
{
    auto r = m_db.exec(
        QStringLiteral("DELETE FROM notification_templates WHERE template = ? AND language = ?"),
        {templateKey, language});
    if (!r)
        return r.error();
    return {};
}

} // namespace clinicdesk
