#include "IntakeWizard.h"

#include "Accessibility.h"
#include "EditLease.h"
#include "FieldErrorLabel.h"
#include "IntakePharmacyChooser.h"
#include "IntakeReview.h"
#include "IntakeStepList.h"
#include "PageSwitch.h"
#include "PatientLookupPanel.h"
#include "ProviderPatientPanel.h"
#include "QuestionnaireItemWidget.h"
#include "QuestionnairePage.h"
#include "StatusMessage.h"
#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "intake/DraftAutosaver.h"
#include "intake/DraftRepository.h"
#include "provider/ProviderClient.h"
#include "store/LocalStore.h"
#include "visits/IntakeSubmission.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTime>
#include <QVBoxLayout>

namespace clinicdesk {
namespace {

const QString kVisitGroup = QStringLiteral("visit");
const QString kConsentGroup = QStringLiteral("consent");

} // namespace

IntakeWizard::IntakeWizard(LocalStore &store, const QString &username, QWidget *parent,
                           QuestionnaireLibrary library)
    : QWidget(parent)
    , m_store(store)
    , m_username(username)
    , m_library(std::move(library))
    , m_form(m_library.patient())
    , m_autosaver(std::make_unique<DraftAutosaver>(store))
{
    setObjectName(QStringLiteral("intakeWizard"));
    auto *outer = new QHBoxLayout(this);
    m_steps = new IntakeStepList(this);
    outer->addWidget(m_steps);

    auto *right = new QVBoxLayout;
    m_stack = new QStackedWidget(this);
    right->addWidget(m_stack, 1);
    auto *buttons = new QHBoxLayout;
    m_status = new StatusMessage(this);
    m_status->setObjectName(QStringLiteral("saveStatus"));
    m_back = new QPushButton(tr("&Back"), this);
    m_saveClose = new QPushButton(tr("&Save and close"), this);
    m_next = new QPushButton(tr("&Next"), this);
    m_next->setObjectName(QStringLiteral("next"));
    m_back->setObjectName(QStringLiteral("back"));
    m_saveClose->setObjectName(QStringLiteral("saveClose"));
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_saveClose);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    right->addLayout(buttons);
    outer->addLayout(right, 1);

    // The visit type selector sits on the visit step; it survives the rebuilds a new visit type
    // causes.
    m_visitHeader = new QWidget(this);
    auto *vh = new QVBoxLayout(m_visitHeader);
    vh->setContentsMargins(0, 0, 0, 0);
    auto *typeLabel = new QLabel(tr("Visit type *"), m_visitHeader);
    m_visitType = new QComboBox(m_visitHeader);
    m_visitType->setObjectName(QStringLiteral("visitType"));
    // The "*" is said in words, by the label (a combo box's name is its value on Linux).
    Accessibility::setRequiredName(m_visitType, tr("Visit type"), true);
    Accessibility::setRequiredName(typeLabel, tr("Visit type"), true);
    typeLabel->setBuddy(m_visitType);
    m_visitType->addItem(tr("Choose..."), QString());
    for (const QString &type : m_library.visitTypes())
        m_visitType->addItem(m_library.visitType(type).title().in(language()), type);
    m_visitType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_visitTypeError = new FieldErrorLabel(m_visitHeader);
    m_visitTypeError->setField(m_visitType);
    vh->addWidget(typeLabel);
    vh->addWidget(m_visitType, 0, Qt::AlignLeft);
    vh->addWidget(m_visitTypeError);

    connect(m_next, &QPushButton::clicked, this, [this]() {
        if (currentStep() == stepCount() - 1)
            submit();
        else
            goNext();
    });
    // Besides the buttons' Alt mnemonics: Ctrl+Return / Ctrl+PgDown next (or submit),
    // Ctrl+PgUp back, Ctrl+S save and close.
    m_next->setToolTip(tr("Next step (Ctrl+Return)"));
    m_back->setToolTip(tr("Previous step (Ctrl+Page Up)"));
    m_saveClose->setToolTip(tr("Save the draft and close (Ctrl+S)"));
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter),
          QKeySequence(Qt::CTRL | Qt::Key_PageDown)})
        connect(new QShortcut(key, this), &QShortcut::activated, m_next, &QPushButton::click);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp), this), &QShortcut::activated,
            m_back, &QPushButton::click);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_S), this), &QShortcut::activated,
            m_saveClose, &QPushButton::click);
    connect(m_back, &QPushButton::clicked, this, &IntakeWizard::goBack);
    connect(m_saveClose, &QPushButton::clicked, this, [this]() {
        flushDraft();
        Q_EMIT closed();
    });
    connect(m_visitType, &QComboBox::currentIndexChanged, this, [this]() {
        if (m_restoring)
            return;
        setVisitType(m_visitType->currentData().toString());
        m_visitTypeError->clearError();
        scheduleSave();
    });
    connect(m_autosaver.get(), &DraftAutosaver::saved, this, [this]() {
        if (m_autosaver->isPending())
            return;
        const QString saved =
            tr("Draft saved at %1")
                .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
        // Said once per intake: every pause in typing saves, and saying so each time would
        // drown what the user is reading.
        if (m_savedOnce) {
            m_status->setText(saved);
        } else {
            m_savedOnce = true;
            m_status->announce(saved);
        }
    });
    connect(m_autosaver.get(), &DraftAutosaver::failed, this, [this](const QString &message) {
        m_status->announce(tr("The draft could not be saved: %1").arg(message));
    });
    startNew();
}

IntakeWizard::~IntakeWizard()
{
    if (!m_done)
        m_autosaver->flush();
}

QString IntakeWizard::language() const
{
    return QLocale().name();
}

void IntakeWizard::startNew()
{
    m_autosaver->flush();
    m_draft = Draft();
    m_draft.ownerUser = m_username;
    m_draft.createdAt = QDateTime::currentDateTimeUtc();
    m_form = IntakeForm(m_library.patient());
    m_form.applyInitialValues();
    m_done = false;
    m_savedOnce = false;
    m_restoring = true;
    m_visitType->setCurrentIndex(0);
    m_restoring = false;
    buildPatientPage();
    rebuildVisitPages();
    goToStep(0);
    m_status->clear();
}

Result<void> IntakeWizard::resume(const QString &draftId)
{
    m_autosaver->flush();
    if (auto leased = leaseDraft(draftId); !leased)
        return leased.error();
    auto draft = DraftRepository(m_store).get(draftId);
    if (!draft)
        return draft.error();
    m_draft = draft.value();
    m_done = false;
    m_form = IntakeForm(m_library.intake(m_draft.visitType));
    m_form.setAllAnswers(m_draft.answers);
    m_restoring = true;
    m_visitType->setCurrentIndex(std::max(0, m_visitType->findData(m_draft.visitType)));
    m_restoring = false;
    buildPatientPage();
    rebuildVisitPages();
    goToStep(std::clamp(m_draft.page, 0, stepCount() - 1));
    m_savedOnce = false;
    m_status->announce(tr("Draft restored"));
    qCInfo(lcIntake) << "draft" << m_draft.id << "resumed at step" << currentStep();
    audit(int(AuditAction::PhiView), QStringLiteral("draft"), m_draft.id,
          QStringLiteral("resumed"));
    return {};
}

void IntakeWizard::buildPatientPage()
{
    if (m_patientPage) {
        m_stack->removeWidget(m_patientPage);
        delete m_patientPage;
    }
    m_patientPage = new QuestionnairePage(tr("Patient"), m_form, m_stack);
    m_patientPage->setObjectName(QStringLiteral("page:patient"));
    m_lookup = new PatientLookupPanel(m_store, m_patientPage);
    m_patientPage->addHeaderWidget(m_lookup);
    connect(m_lookup, &PatientLookupPanel::reuseRequested, this, [this](const Patient &p) {
        m_form.setPatient(p);
        m_draft.patientId = p.id;
        m_patientPage->loadAnswers();
        m_patientPage->revalidateShown();
        m_status->announce(tr("Using the details on file"));
        scheduleSave();
    });
    m_providerPatient = new ProviderPatientPanel(m_store, m_username, m_patientPage);
    m_providerPatient->setProviderClient(m_client);
    m_providerPatient->setAuditLog(m_audit);
    m_patientPage->addHeaderWidget(m_providerPatient);
    connect(m_providerPatient, &ProviderPatientPanel::announce, m_status, &StatusMessage::announce);
    connect(
        m_providerPatient, &ProviderPatientPanel::linked, this, [this](const Patient &p, int n) {
            m_form.setPatient(p);
            m_draft.patientId = p.id;
            m_patientPage->loadAnswers();
            m_patientPage->revalidateShown();
            m_status->announce(tr("Linked to the provider's patient; %n earlier visit(s) recorded. "
                                  "Check the details below.",
                                  nullptr, n));
            m_patientPage->focusFirst();
            scheduleSave();
        });
    for (const QuestionnaireItem &item : m_library.patient().items())
        m_patientPage->addItem(item);
    connect(m_patientPage, &QuestionnairePage::answerEdited, this, &IntakeWizard::onAnswerEdited);
    m_stack->insertWidget(0, m_patientPage);
}

void IntakeWizard::setProviderClient(ProviderClient *client)
{
    m_client = client;
    m_providerPatient->setProviderClient(client);
}

void IntakeWizard::setAuditLog(AuditLog *log)
{
    m_audit = log;
    m_providerPatient->setAuditLog(log);
}

void IntakeWizard::rebuildVisitPages()
{
    const QString visitType = m_visitType->currentData().toString();
    // Every step after the visit step goes; the visit step itself stays (its type selector may
    // have the keyboard) and only its questions change: nothing with the focus is hidden or
    // deleted.
    for (int i = m_stack->count() - 1; i >= 0; --i) {
        QWidget *w = m_stack->widget(i);
        if (w == m_patientPage || w == m_visitPage)
            continue;
        m_stack->removeWidget(w);
        // Not deleteLater: the tests and screen readers must never find the old pages.
        delete w;
    }
    if (!m_visitPage) {
        m_visitPage = new QuestionnairePage(tr("Visit, medication and pharmacy"), m_form, m_stack);
        m_visitPage->setObjectName(QStringLiteral("page:visit"));
        m_visitPage->addHeaderWidget(m_visitHeader);
        connect(m_visitPage, &QuestionnairePage::answerEdited, this, &IntakeWizard::onAnswerEdited);
        m_stack->insertWidget(1, m_visitPage);
    }
    m_visitPage->clearItems();
    m_pages = {m_patientPage, m_visitPage};
    const Questionnaire clinical = m_library.visitType(visitType);
    std::optional<QuestionnaireItem> consent;
    for (const QuestionnaireItem &item : clinical.items()) {
        if (item.linkId == kVisitGroup) {
            m_visitPage->addItem(item);
        } else if (item.linkId == kConsentGroup) {
            consent = item;
        } else {
            const QString title = item.type == QuestionnaireItem::Type::Group
                                      ? item.text.in(language())
                                      : clinical.title().in(language());
            auto *page = new QuestionnairePage(title, m_form, m_stack);
            page->setObjectName(QStringLiteral("page:") + item.linkId);
            page->addItem(item);
            m_pages << page;
        }
    }
    if (auto *chooser = IntakePharmacyChooser::attach(m_visitPage, m_form, m_client))
        connect(chooser, &IntakePharmacyChooser::picked, this,
                [this] { onAnswerEdited(IntakePharmacyChooser::kId); });
    // The summary first, then the consents: the order they are read in, on screen and by Tab.
    auto *consentPage = new QuestionnairePage(tr("Review and consent"), m_form, m_stack);
    consentPage->setObjectName(QStringLiteral("page:review"));
    m_review = new IntakeReview(consentPage);
    consentPage->addHeaderWidget(m_review);
    if (consent)
        consentPage->addItem(*consent);
    m_pages << consentPage;
    for (int i = 2; i < m_pages.size(); ++i) {
        connect(m_pages[i], &QuestionnairePage::answerEdited, this, &IntakeWizard::onAnswerEdited);
        m_stack->addWidget(m_pages[i]);
    }
    QStringList titles;
    for (QuestionnairePage *p : std::as_const(m_pages))
        titles << p->title();
    m_steps->setSteps(titles);
    keepButtonsLast();
    updateChrome();
}

void IntakeWizard::keepButtonsLast()
{
    // Tab goes through the step's fields, then the buttons below them, left to right. New
    // fields join the focus chain at its end, after the buttons: move the buttons back there.
    QWidget *last = window()->previousInFocusChain();
    if (last != m_next) {
        setTabOrder(last, m_saveClose);
        setTabOrder(m_saveClose, m_back);
        setTabOrder(m_back, m_next);
    }
}

void IntakeWizard::setVisitType(const QString &visitType)
{
    const int step = currentStep();
    m_form.setQuestionnaire(m_library.intake(visitType));
    m_form.applyInitialValues();
    m_draft.visitType = visitType;
    const Questionnaire &q = m_form.questionnaire();
    m_draft.questionnaire = q.url().isEmpty() ? q.name() : q.url() + QLatin1Char('|') + q.version();
    rebuildVisitPages();
    m_stack->setCurrentIndex(std::min(step, int(m_stack->count()) - 1));
    updateChrome();
}

int IntakeWizard::currentStep() const
{
    return m_pages.indexOf(static_cast<QuestionnairePage *>(m_stack->currentWidget()));
}

int IntakeWizard::stepCount() const
{
    return int(m_pages.size());
}

QString IntakeWizard::stepTitle(int step) const
{
    return m_pages.value(step) ? m_pages.value(step)->title() : QString();
}

QuestionnairePage *IntakeWizard::page(int step) const
{
    return m_pages.value(step);
}

void IntakeWizard::onAnswerEdited(const QString &linkId)
{
    for (QuestionnairePage *p : std::as_const(m_pages)) {
        p->refresh();
        p->revalidateShown();
    }
    const bool identity = linkId == IntakeForm::kPhone || linkId == IntakeForm::kFirstName ||
                          linkId == IntakeForm::kLastName || linkId == IntakeForm::kDob;
    if (identity && m_lookup) {
        // The demographics now differ from the reused record: they update it on submit.
        m_lookup->lookup(m_form.patient(), m_draft.patientId);
        m_providerPatient->offer(m_form.patient(), m_lookup->hasUnresolvedMatch(),
                                 !m_draft.patientId.isEmpty());
    }
    scheduleSave();
}

void IntakeWizard::updateChrome()
{
    const int step = currentStep();
    m_steps->setCurrentStep(step);
    m_back->setEnabled(step > 0);
    m_next->setText(step == stepCount() - 1 ? tr("S&ubmit") : tr("&Next"));
    if (step == stepCount() - 1 && m_review)
        m_review->summarize(m_form, m_pages.mid(0, stepCount() - 1), m_visitType->currentText());
}

bool IntakeWizard::validateVisitType()
{
    if (!m_visitType->currentData().toString().isEmpty()) {
        m_visitTypeError->clearError();
        return true;
    }
    m_visitTypeError->showError(tr("Choose the visit type."));
    m_visitType->setFocus(Qt::OtherFocusReason);
    return false;
}

bool IntakeWizard::goNext()
{
    const int step = currentStep();
    QuestionnairePage *page = m_pages.value(step);
    if (!page)
        return false;
    const bool typeOk = step != 1 || validateVisitType();
    if (!page->validate() || !typeOk) {
        if (!typeOk)
            m_visitType->setFocus(Qt::OtherFocusReason);
        m_status->announce(tr("Some answers on this step need attention."));
        return false;
    }
    goToStep(step + 1);
    return true;
}

void IntakeWizard::goBack()
{
    goToStep(currentStep() - 1);
}

void IntakeWizard::goToStep(int step)
{
    if (step < 0 || step >= stepCount())
        return;
    QuestionnairePage *page = m_pages[step];
    page->refresh();
    // Once shown, the keyboard goes to the new step's first field, and only there.
    PageSwitch::show(m_stack, page);
    updateChrome();
    page->focusFirst();
    if (!m_restoring && !m_draft.id.isEmpty())
        scheduleSave(); // the step is part of the draft
}

void IntakeWizard::activate()
{
    if (QuestionnairePage *page = m_pages.value(currentStep()))
        page->focusFirst();
}

bool IntakeWizard::submit()
{
    if (m_done)
        return false; // submitted already: never a second visit from one intake
    // Every step again: the same validator the provider client runs.
    for (int i = 0; i < stepCount(); ++i) {
        if ((i == 1 && !m_visitType->currentData().toString().isEmpty()) || i != 1) {
            if (m_pages[i]->validate())
                continue;
        }
        goToStep(i);
        if (i == 1)
            validateVisitType();
        m_pages[i]->validate();
        m_status->announce(tr("Some answers need attention before submitting."));
        return false;
    }
    if (m_draft.patientId.isEmpty() && m_lookup) {
        m_lookup->lookup(m_form.patient(), {});
        if (m_lookup->hasUnresolvedMatch()) {
            goToStep(0);
            m_lookup->setFocus(Qt::OtherFocusReason);
            m_status->announce(tr("This patient may already be on file: reuse the record or "
                                  "confirm it is a different person."));
            return false;
        }
    }
    m_autosaver->flush();
    m_draft.answers = m_form.allAnswers();
    auto outcome = IntakeSubmission::submit(m_store, m_form, m_draft, m_username);
    if (!outcome) {
        m_status->announce(outcome.error().message);
        QMessageBox::warning(this, tr("Submit"), outcome.error().message);
        return false;
    }
    m_done = true;
    audit(int(AuditAction::Submit), QStringLiteral("visit"), outcome->visitId,
          QStringLiteral("queued from draft %1, visit type %2").arg(m_draft.id, m_draft.visitType));
    m_status->setText(tr("Submitted: the visit is queued for the provider."));
    Q_EMIT submitted(outcome->visitId, outcome->masterId);
    return true;
}

} // namespace clinicdesk
