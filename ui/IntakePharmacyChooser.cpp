#include "IntakePharmacyChooser.h"

#include "PharmacyPickerDialog.h"
#include "QuestionnaireItemWidget.h"
#include "QuestionnairePage.h"
#include "intake/IntakeForm.h"
#include "provider/ProviderClient.h"

#include <QBoxLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace clinicdesk {

IntakePharmacyChooser *IntakePharmacyChooser::attach(QuestionnairePage *page, IntakeForm &form,
                                                     ProviderClient *client)
{
    QuestionnaireItemWidget *group = page->itemWidget(QStringLiteral("pharmacy"));
    if (!group || !page->itemWidget(kId) || !qobject_cast<QBoxLayout *>(group->layout()))
        return nullptr;
    auto *chooser = new IntakePharmacyChooser(page, form, client, group);
    // After the group's title: the list first, typing by hand below it.
    static_cast<QBoxLayout *>(group->layout())->insertWidget(1, chooser);
    chooser->show(); // the group may be on screen already
    // Tab reaches the button before the fields typed by hand, as it is read.
    QuestionnaireItemWidget *name = page->itemWidget(kName);
    QWidget *before =
        name && name->focusTarget() ? name->focusTarget()->previousInFocusChain() : nullptr;
    while (before && before != chooser->m_button && !(before->focusPolicy() & Qt::TabFocus))
        before = before->previousInFocusChain();
    if (before && before != chooser->m_button)
        QWidget::setTabOrder(before, chooser->m_button);
    return chooser;
}

IntakePharmacyChooser::IntakePharmacyChooser(QuestionnairePage *page, IntakeForm &form,
                                             ProviderClient *client, QWidget *parent)
    : QWidget(parent)
    , m_page(page)
    , m_form(form)
    , m_client(client)
{
    setObjectName(QStringLiteral("pharmacyChooser"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_button = new QPushButton(tr("C&hoose pharmacy…"), this);
    m_button->setObjectName(QStringLiteral("choosePharmacy"));
    m_button->setAccessibleName(tr("Choose pharmacy from the provider's list"));
    m_chosen = new QLabel(this);
    m_chosen->setObjectName(QStringLiteral("chosenPharmacy"));
    m_chosen->setWordWrap(true);
    m_chosen->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_button);
    layout->addWidget(m_chosen, 1);
    connect(m_button, &QPushButton::clicked, this, [this] { openPicker(); });
    showChosen();
}

PharmacyPickerDialog *IntakePharmacyChooser::openPicker()
{
    auto *picker = new PharmacyPickerDialog(m_client, window());
    picker->setAttribute(Qt::WA_DeleteOnClose);
    const QString zip =
        m_form.text(kZip).isEmpty() ? m_form.text(IntakeForm::kZip) : m_form.text(kZip);
    picker->setZip(zip);
    connect(picker, &QDialog::accepted, this, [this, picker] { apply(picker->chosen()); });
    connect(picker, &QDialog::finished, m_button, [this] { m_button->setFocus(); });
    picker->open();
    return picker;
}

void IntakePharmacyChooser::apply(const Pharmacy &p)
{
    if (p.pharmacyId.isEmpty())
        return;
    m_form.setAnswer(kName,
                     QStringLiteral("%1, %2, %3, %4").arg(p.name, p.address, p.city, p.state));
    m_form.setAnswer(kZip, p.zip);
    m_form.setAnswer(kId, p.pharmacyId);
    m_page->loadAnswers();
    showChosen();
    Q_EMIT picked();
}

void IntakePharmacyChooser::showChosen()
{
    const QString id = m_form.text(kId);
    const bool chosen = !id.isEmpty();
    m_chosen->setText(chosen ? tr("Chosen: %1 (provider id %2)").arg(m_form.text(kName), id)
                             : tr("Or type the pharmacy below."));
    m_chosen->setAccessibleName(m_chosen->text());
    // A chosen pharmacy is the provider's: its name and id are not edited by hand.
    for (const QString &linkId : {kName, kId})
        if (QuestionnaireItemWidget *w = m_page->itemWidget(linkId))
            if (auto *edit = qobject_cast<QLineEdit *>(w->focusTarget()))
                edit->setReadOnly(chosen);
}

} // namespace clinicdesk
