#include "VisitPatientTab.h"
#include "ui_VisitPatientTab.h"

#include "VisitText.h"

#include <QHeaderView>
#include <QPushButton>

namespace clinicdesk {

VisitPatientTab::VisitPatientTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::VisitPatientTab>())
{
    m_ui->setupUi(this);
    for (QLabel *heading : {m_ui->patientTitle, m_ui->answersTitle}) {
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
    }
    m_values = {{m_ui->firstNameLabel, m_ui->firstNameValue},
                {m_ui->lastNameLabel, m_ui->lastNameValue},
                {m_ui->dobLabel, m_ui->dobValue},
                {m_ui->sexLabel, m_ui->sexValue},
                {m_ui->phoneLabel, m_ui->phoneValue},
                {m_ui->emailLabel, m_ui->emailValue},
                {m_ui->addressLabel, m_ui->addressValue},
                {m_ui->cityLabel, m_ui->cityValue},
                {m_ui->stateLabel, m_ui->stateValue},
                {m_ui->zipLabel, m_ui->zipValue}};
    // After the values, before the spacer: Tab reaches it after the last value.
    m_correctName = new QPushButton(tr("Correct &name…"), this);
    m_correctName->setObjectName(QStringLiteral("correctNameButton"));
    m_correctName->setAccessibleName(tr("Correct the patient's name"));
    m_correctName->setEnabled(false);
    m_ui->patientBox->insertWidget(m_ui->patientBox->count() - 1, m_correctName, 0, Qt::AlignLeft);
    connect(m_correctName, &QPushButton::clicked, this, &VisitPatientTab::correctNameRequested);
    // Reading order: the patient's column (its values, then this button), then the answers.
    QWidget::setTabOrder(m_correctName, m_ui->answers);
    VisitText::setUpTable(m_ui->answers);
    m_ui->answers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->answers->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
}

VisitPatientTab::~VisitPatientTab() = default;

void VisitPatientTab::display(const VisitRecord &r)
{
    m_ui->patientError->setText(r.patientError);
    m_ui->patientError->setVisible(!r.patientError.isEmpty());
    const Patient p = r.patient.value_or(Patient{});
    m_correctName->setEnabled(r.patient.has_value() && !p.id.isEmpty());
    const QStringList values = {
        p.firstName, p.lastName,
        p.dob.isValid() ? QLocale().toString(p.dob, QLocale::ShortFormat) : QString(),
        // Stored in the provider's English; shown in the user's language
        // (the fix dialog's words, so both screens say the same).
        p.sex.isEmpty() ? QString()
                        : QCoreApplication::translate("VisitFixDialog", p.sex.toUtf8().constData()),
        p.phone, p.email, p.address, p.city, p.state, p.zip};
    for (int i = 0; i < m_values.size(); ++i) {
        const auto &[caption, value] = m_values[i];
        const QString text = values.value(i);
        value->setText(text);
        QString field = caption->text();
        field.chop(1); // the colon
        value->setAccessibleName(tr("%1: %2").arg(field, text.isEmpty() ? tr("not given") : text));
    }
    m_ui->answersError->setText(r.answersError);
    m_ui->answersError->setVisible(!r.answersError.isEmpty());
    m_ui->answers->setRowCount(0);
    for (const VisitRecord::Answer &a : r.answers) {
        const int row = m_ui->answers->rowCount();
        m_ui->answers->insertRow(row);
        m_ui->answers->setItem(row, 0, VisitText::cell(a.question));
        m_ui->answers->setItem(row, 1, VisitText::cell(a.answer));
    }
}

} // namespace clinicdesk
