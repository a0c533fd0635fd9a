#include "CheckinPage.h"
#include "ui_CheckinPage.h"

#include "PageStyle.h"
#include "QuestionnaireItemWidget.h"
#include "QuestionnairePage.h"
#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "intake/CheckinRules.h"
#include "intake/Draft.h"
#include "intake/QuestionnaireLibrary.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "visits/CheckinStart.h"
#include "visits/IntakeSubmission.h"

#include <QLocale>
#include <QShortcut>
#include <QVBoxLayout>

namespace clinicdesk {

CheckinPage::CheckinPage(LocalStore &store, const QString &username, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CheckinPage>())
    , m_store(store)
    , m_username(username)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("checkinPage"));
    PageStyle::makeTitle(m_ui->title);
    m_ui->checkinMessage->hide();
    connect(m_ui->submitButton, &QPushButton::clicked, this, [this] { submit(); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &CheckinPage::closed);
    auto *send = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    send->setContext(Qt::WidgetWithChildrenShortcut);
    connect(send, &QShortcut::activated, this, [this] { submit(); });
    auto *cancel = new QShortcut(QKeySequence::Cancel, this);
    cancel->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancel, &QShortcut::activated, this, &CheckinPage::closed);
}

CheckinPage::~CheckinPage() = default;

Result<void> CheckinPage::start(const QString &programmeVisitId)
{
    const QuestionnaireLibrary library = QuestionnaireLibrary::load();
    auto started = CheckinStart::fromVisit(m_store, library, programmeVisitId);
    if (!started)
        return started.error();
    m_form = started->form;
    m_patientId = started->patientId;
    const Patient patient = m_form.patient();
    m_ui->title->setText(
        tr("Weight-loss check-in: %1 %2").arg(patient.firstName, patient.lastName));
    QStringList carried;
    for (const QString &linkId : std::as_const(started->carried))
        if (const QuestionnaireItem *item = m_form.questionnaire().item(linkId))
            carried << item->text.in(QLocale().name());
    m_ui->carried->setText(
        carried.isEmpty()
            ? tr("Nothing was carried over from the programme visit: answer every question.")
            : tr("Change only what changed. Carried over from the programme visit: %1")
                  .arg(QLocale().createSeparatedList(carried)));

    // The check-in's own questions (the patient's details come from the record).
    QStringList patientRoots;
    for (const QuestionnaireItem &item : library.patient().items())
        patientRoots << item.linkId;
    m_page = new QuestionnairePage(tr("Check-in"), m_form, m_ui->questions);
    m_page->setObjectName(QStringLiteral("page:checkin"));
    for (const QuestionnaireItem &item : m_form.questionnaire().items())
        if (!patientRoots.contains(item.linkId))
            m_page->addItem(item);
    auto *layout = new QVBoxLayout(m_ui->questions);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_page);
    m_page->loadAnswers();
    connect(m_page, &QuestionnairePage::answerEdited, this, &CheckinPage::onAnswerEdited);
    setTabOrder(m_ui->cancelButton, m_ui->submitButton);
    showBmi();
    return {};
}

void CheckinPage::activate()
{
    if (m_page)
        m_page->focusFirst();
}

void CheckinPage::onAnswerEdited(const QString &linkId)
{
    if (linkId == CheckinRules::kWeight || linkId == CheckinRules::kHeightFeet ||
        linkId == CheckinRules::kHeightInches) {
        if (CheckinStart::updateBmi(m_form))
            if (auto *bmi = m_page->findChild<QuestionnaireItemWidget *>(QStringLiteral("item:") +
                                                                         CheckinRules::kBmi))
                bmi->loadAnswer();
        showBmi();
    }
    m_page->refresh();
    m_page->revalidateShown();
}

void CheckinPage::showBmi()
{
    const std::optional<double> bmi = CheckinRules::bmi(m_form);
    QString text;
    if (!bmi)
        text = tr("BMI: enter the weight and height");
    else if (*bmi < CheckinRules::kMinimumBmi)
        text = tr("BMI %1: below 19, the provider refuses the check-in")
                   .arg(CheckinRules::display(*bmi));
    else
        text = tr("BMI %1").arg(CheckinRules::display(*bmi));
    m_ui->bmiLive->setText(text);
    m_ui->bmiLive->setAccessibleName(text);
}

bool CheckinPage::submit()
{
    if (m_done || !m_page)
        return false;
    if (!m_page->validate()) {
        const QString bmiIssue = CheckinRules::issue(m_form, CheckinRules::kWeight);
        m_ui->checkinMessage->announce(bmiIssue.isEmpty()
                                           ? tr("Some answers need attention before submitting.")
                                           : tr("Not sent: %1").arg(bmiIssue));
        return false;
    }
    Draft draft;
    draft.ownerUser = m_username;
    draft.patientId = m_patientId;
    draft.visitType = m_form.questionnaire().name();
    auto out = IntakeSubmission::submit(m_store, m_form, draft, m_username);
    if (m_audit)
        if (auto logged = m_audit->append({AuditAction::Submit, m_username, QStringLiteral("visit"),
                                           out ? out->visitId : QString(),
                                           out ? AuditOutcome::Success : AuditOutcome::Failure,
                                           QStringLiteral("check-in queued")});
            !logged)
            qCWarning(lcUi) << "audit entry failed, error code" << int(logged.error().code);
    if (!out) {
        m_ui->checkinMessage->announce(
            tr("The check-in could not be queued: %1").arg(out.error().message));
        return false;
    }
    m_done = true;
    Q_EMIT submitted(out->visitId);
    return true;
}

} // namespace clinicdesk
