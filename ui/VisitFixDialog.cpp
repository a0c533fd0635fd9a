#include "VisitFixDialog.h"

#include "FieldErrorLabel.h"
#include "intake/IntakeForm.h"
#include "visits/VisitCorrection.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace clinicdesk {

VisitFixDialog::VisitFixDialog(LocalStore &store, AuditLog &audit, const User &user,
                               const QString &visitId, const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_audit(audit)
    , m_user(user)
    , m_visitId(visitId)
{
    setObjectName(QStringLiteral("visitFixDialog"));
    setWindowTitle(tr("Fix and resubmit the visit"));
    setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 64);
    auto *layout = new QVBoxLayout(this);
    auto *reasonLabel = new QLabel(
        tr("The provider refused this visit: <b>%1</b><br>Correct the patient's details below "
           "and resubmit. The visit keeps its identifier, so the provider creates it only once.")
            .arg(reason.toHtmlEscaped()),
        this);
    reasonLabel->setObjectName(QStringLiteral("reason"));
    reasonLabel->setWordWrap(true);
    layout->addWidget(reasonLabel);

    auto *form = new QFormLayout;
    layout->addLayout(form);
    auto add = [&](const QString &linkId, const QString &label, const QString &name,
                   QWidget *field) {
        auto *box = new QVBoxLayout;
        box->setSpacing(0);
        box->addWidget(field);
        auto *error = new FieldErrorLabel(this);
        error->setField(field);
        box->addWidget(error);
        auto *caption = new QLabel(label, this);
        caption->setBuddy(field);
        form->addRow(caption, box);
        field->setObjectName(linkId);
        field->setAccessibleName(name);
        m_fields.insert(linkId, field);
        m_errors.insert(linkId, error);
    };
    auto line = [&](const QString &linkId, const QString &label, const QString &name) {
        auto *edit = new QLineEdit(this);
        add(linkId, label, name, edit);
        return edit;
    };
    line(IntakeForm::kFirstName, tr("&First name:"), tr("First name"));
    line(IntakeForm::kLastName, tr("&Last name:"), tr("Last name"));
    line(IntakeForm::kDob, tr("&Date of birth:"), tr("Date of birth"))
        ->setPlaceholderText(tr("MM/DD/YYYY"));
    m_sex = new QComboBox(this);
    m_sex->addItem(tr("Female"), QStringLiteral("Female"));
    m_sex->addItem(tr("Male"), QStringLiteral("Male"));
    m_sex->addItem(tr("Other"), QStringLiteral("Other"));
    add(IntakeForm::kSex, tr("Se&x:"), tr("Sex assigned at birth"), m_sex);
    line(IntakeForm::kPhone, tr("&Phone:"), tr("Mobile phone"));
    line(IntakeForm::kEmail, tr("&E-mail:"), tr("E-mail"));
    line(IntakeForm::kAddress, tr("&Address:"), tr("Street address"));
    line(IntakeForm::kCity, tr("&City:"), tr("City"));
    line(IntakeForm::kState, tr("&State:"), tr("State (2 letters)"));
    line(IntakeForm::kZip, tr("&ZIP code:"), tr("ZIP code"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_resubmit = buttons->addButton(tr("&Resubmit"), QDialogButtonBox::AcceptRole);
    m_resubmit->setObjectName(QStringLiteral("resubmit"));
    m_resubmit->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() { submit(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto loaded = VisitCorrection::demographics(m_store, m_visitId);
    if (!loaded) {
        m_message->setText(
            tr("The patient's details cannot be loaded: %1").arg(loaded.error().message));
        m_resubmit->setEnabled(false);
        return;
    }
    m_original = loaded.value();
    const Patient &p = m_original;
    auto set = [this](const QString &linkId, const QString &text) {
        static_cast<QLineEdit *>(m_fields.value(linkId))->setText(text);
    };
    set(IntakeForm::kFirstName, p.firstName);
    set(IntakeForm::kLastName, p.lastName);
    set(IntakeForm::kDob,
        p.dob.isValid() ? p.dob.toString(QStringLiteral("MM/dd/yyyy")) : QString());
    m_sex->setCurrentIndex(qMax(0, m_sex->findData(p.sex)));
    set(IntakeForm::kPhone, p.phone);
    set(IntakeForm::kEmail, p.email);
    set(IntakeForm::kAddress, p.address);
    set(IntakeForm::kCity, p.city);
    set(IntakeForm::kState, p.state);
    set(IntakeForm::kZip, p.zip);
    // Show what is wrong right away: the provider's reason usually names these fields.
    QWidget *first = nullptr;
    for (const IntakeIssue &issue : VisitCorrection::validate(p)) {
        if (FieldErrorLabel *error = m_errors.value(issue.linkId)) {
            error->showError(issue.message);
            if (!first)
                first = m_fields.value(issue.linkId);
        }
    }
    if (first)
        first->setFocus();
}

VisitFixDialog::~VisitFixDialog() = default;

Patient VisitFixDialog::patient() const
{
    auto text = [this](const QString &linkId) {
        return static_cast<QLineEdit *>(m_fields.value(linkId))->text().trimmed();
    };
    Patient p;
    p.id = m_original.id;
    p.firstName = text(IntakeForm::kFirstName);
    p.lastName = text(IntakeForm::kLastName);
    p.dob =
        QDate::fromString(IntakeForm::dateAnswer(text(IntakeForm::kDob)).toString(), Qt::ISODate);
    p.sex = m_sex->currentData().toString();
    p.phone = text(IntakeForm::kPhone);
    p.email = text(IntakeForm::kEmail);
    p.address = text(IntakeForm::kAddress);
    p.city = text(IntakeForm::kCity);
    p.state = text(IntakeForm::kState).toUpper();
    p.zip = text(IntakeForm::kZip);
    return p;
}

bool VisitFixDialog::submit()
{
    for (FieldErrorLabel *error : std::as_const(m_errors))
        error->clearError();
    m_message->clear();
    const Patient p = patient();
    QList<IntakeIssue> issues = VisitCorrection::validate(p);
    const QString typedDob =
        static_cast<QLineEdit *>(m_fields.value(IntakeForm::kDob))->text().trimmed();
    if (!typedDob.isEmpty() && !p.dob.isValid()) {
        issues.removeIf([](const IntakeIssue &i) { return i.linkId == IntakeForm::kDob; });
        issues.append({IntakeForm::kDob, tr("Enter a real date as MM/DD/YYYY.")});
    }
    if (!issues.isEmpty()) {
        QWidget *first = nullptr;
        for (const IntakeIssue &issue : std::as_const(issues)) {
            if (FieldErrorLabel *error = m_errors.value(issue.linkId)) {
                error->showError(issue.message);
                if (!first)
                    first = m_fields.value(issue.linkId);
            }
        }
        m_message->setText(tr("%n field(s) need attention.", nullptr, int(issues.size())));
        if (first)
            first->setFocus();
        return false;
    }
    auto r = VisitCorrection::resubmit(m_store, m_audit, m_visitId, p, m_user.username);
    if (!r) {
        m_message->setText(tr("The visit was not resubmitted: %1").arg(r.error().message));
        return false;
    }
    accept();
    return true;
}

} // namespace clinicdesk
