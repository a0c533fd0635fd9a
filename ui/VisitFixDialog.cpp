#include "VisitFixDialog.h"
#include "ui_VisitFixDialog.h"

#include "Accessibility.h"
#include "FieldErrorLabel.h"
#include "intake/DemographicRules.h"
#include "intake/QuestionnaireLibrary.h"
#include "visits/VisitCorrection.h"

#include <QFontMetrics>
#include <QPushButton>

namespace clinicdesk {

VisitFixDialog::VisitFixDialog(LocalStore &store, AuditLog &audit, const User &user,
                               const QString &visitId, const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::VisitFixDialog>())
    , m_store(store)
    , m_audit(audit)
    , m_user(user)
    , m_visitId(visitId)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("visitFixDialog"));
    setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 64);
    m_ui->reason->setText(
        tr("The provider refused this visit: <b>%1</b><br>Correct the patient's details below "
           "and resubmit. The visit keeps its identifier, so the provider creates it only once.")
            .arg(reason.toHtmlEscaped()));
    m_ui->reason->setObjectName(QStringLiteral("reason"));
    m_ui->message->setObjectName(QStringLiteral("message"));
    m_ui->sexEdit->addItem(tr("Female"), QStringLiteral("Female"));
    m_ui->sexEdit->addItem(tr("Male"), QStringLiteral("Male"));
    m_ui->sexEdit->addItem(tr("Other"), QStringLiteral("Other"));
    describeFields();
    m_resubmit = m_ui->buttonBox->addButton(tr("&Resubmit"), QDialogButtonBox::AcceptRole);
    m_resubmit->setObjectName(QStringLiteral("resubmit"));
    m_resubmit->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this]() { submit(); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

VisitFixDialog::~VisitFixDialog() = default;

void VisitFixDialog::describeFields()
{
    // The fields are the intake's: the same names, format hints and required marks.
    const Questionnaire patient = QuestionnaireLibrary::load().patient();
    const QString language = QLocale().name();
    const struct
    {
        QString linkId;
        QWidget *field;
        FieldErrorLabel *error;
        QLabel *hint;
    } fields[] = {
        {IntakeForm::kFirstName, m_ui->firstNameEdit, m_ui->firstNameError, nullptr},
        {IntakeForm::kLastName, m_ui->lastNameEdit, m_ui->lastNameError, nullptr},
        {IntakeForm::kDob, m_ui->dobEdit, m_ui->dobError, m_ui->dobHint},
        {IntakeForm::kSex, m_ui->sexEdit, m_ui->sexError, nullptr},
        {IntakeForm::kPhone, m_ui->phoneEdit, m_ui->phoneError, m_ui->phoneHint},
        {IntakeForm::kEmail, m_ui->emailEdit, m_ui->emailError, nullptr},
        {IntakeForm::kAddress, m_ui->addressEdit, m_ui->addressError, nullptr},
        {IntakeForm::kCity, m_ui->cityEdit, m_ui->cityError, nullptr},
        {IntakeForm::kState, m_ui->stateEdit, m_ui->stateError, m_ui->stateHint},
        {IntakeForm::kZip, m_ui->zipEdit, m_ui->zipError, m_ui->zipHint},
    };
    for (const auto &f : fields) {
        f.field->setObjectName(f.linkId);
        f.error->setField(f.field);
        const QuestionnaireItem *item = patient.item(f.linkId);
        Accessibility::setRequiredName(f.field, f.field->accessibleName(), item && item->required);
        if (f.hint) {
            const QString hint = item ? item->hint.in(language) : QString();
            f.hint->setText(tr("Format: %1").arg(hint));
            f.error->setHint(f.hint->text());
        }
        m_fields.insert(f.linkId, f.field);
        m_errors.insert(f.linkId, f.error);
    }
}

void VisitFixDialog::load()
{
    auto loaded = VisitCorrection::demographics(m_store, m_visitId);
    if (!loaded) {
        m_ui->message->announce(
            tr("The patient's details cannot be loaded: %1").arg(loaded.error().message));
        m_resubmit->setEnabled(false);
        return;
    }
    m_original = loaded.value();
    const Patient &p = m_original;
    const std::pair<QLineEdit *, QString> values[] = {
        {m_ui->firstNameEdit, p.firstName},
        {m_ui->lastNameEdit, p.lastName},
        {m_ui->dobEdit, p.dob.isValid() ? p.dob.toString(QStringLiteral("MM/dd/yyyy")) : QString()},
        {m_ui->phoneEdit, p.phone},
        {m_ui->emailEdit, p.email},
        {m_ui->addressEdit, p.address},
        {m_ui->cityEdit, p.city},
        {m_ui->stateEdit, p.state},
        {m_ui->zipEdit, p.zip}};
    for (const auto &[edit, value] : values)
        edit->setText(value);
    m_ui->sexEdit->setCurrentIndex(qMax(0, m_ui->sexEdit->findData(p.sex)));
    // Show what is wrong right away: the provider's reason usually names these fields.
    showIssues(VisitCorrection::validate(p));
}

QString VisitFixDialog::text(const QString &linkId) const
{
    return static_cast<QLineEdit *>(m_fields.value(linkId))->text().trimmed();
}

Patient VisitFixDialog::patient() const
{
    Patient p;
    p.id = m_original.id;
    p.firstName = text(IntakeForm::kFirstName);
    p.lastName = text(IntakeForm::kLastName);
    p.dob =
        QDate::fromString(IntakeForm::dateAnswer(text(IntakeForm::kDob)).toString(), Qt::ISODate);
    p.sex = m_ui->sexEdit->currentData().toString();
    p.phone = text(IntakeForm::kPhone);
    p.email = text(IntakeForm::kEmail);
    p.address = text(IntakeForm::kAddress);
    p.city = text(IntakeForm::kCity);
    p.state = text(IntakeForm::kState).toUpper();
    p.zip = text(IntakeForm::kZip);
    return p;
}

bool VisitFixDialog::showIssues(const QList<IntakeIssue> &issues)
{
    QWidget *first = nullptr;
    for (const IntakeIssue &issue : issues) {
        if (FieldErrorLabel *error = m_errors.value(issue.linkId)) {
            error->showError(issue.message);
            if (!first)
                first = m_fields.value(issue.linkId);
        }
    }
    if (first)
        first->setFocus(Qt::OtherFocusReason);
    return issues.isEmpty();
}

bool VisitFixDialog::submit()
{
    for (FieldErrorLabel *error : std::as_const(m_errors))
        error->clearError();
    m_ui->message->clear();
    const Patient p = patient();
    QList<IntakeIssue> issues = VisitCorrection::validate(p);
    const QString typedDob = text(IntakeForm::kDob);
    if (!typedDob.isEmpty() && !p.dob.isValid()) {
        issues.removeIf([](const IntakeIssue &i) { return i.linkId == IntakeForm::kDob; });
        issues.append({IntakeForm::kDob, DemographicRules::dateFormatIssue(typedDob)});
    }
    if (!showIssues(issues)) {
        m_ui->message->announce(tr("%n field(s) need attention.", nullptr, int(issues.size())));
        return false;
    }
    auto r = VisitCorrection::resubmit(m_store, m_audit, m_visitId, p, m_user.username);
    if (!r) {
        m_ui->message->announce(tr("The visit was not resubmitted: %1").arg(r.error().message));
        return false;
    }
    accept();
    return true;
}

} // namespace clinicdesk
