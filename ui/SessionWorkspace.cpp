#include "SessionWorkspace.h"

#include "CheckinPage.h"
#include "ConsoleServices.h"
#include "DraftsPage.h"
#include "IntakeWizard.h"
#include "PageSwitch.h"
#include "VisitBoardPage.h"
#include "VisitDetailPage.h"
#include "audit/AuditLog.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderConnection.h"
#include "visits/CheckinStart.h"

#include <QMessageBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace clinicdesk {

SessionWorkspace::SessionWorkspace(ConsoleServices &services, const User &user,
                                   QStackedWidget *pages, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_user(user)
    , m_pages(pages)
{
    auto *board = new VisitBoardPage(*services.store(), services.audit(), user.username);
    board->setAttentionRules(services.attentionRules());
    board->setTypeTitles(QuestionnaireLibrary::load().visitTypeTitles());
    connect(board, &VisitBoardPage::openVisitRequested, this, &SessionWorkspace::openVisit);
    m_board = board;
    board->reloadAll();
    if (ProviderConnection *provider = services.provider(); provider && provider->sender())
        connect(provider->sender(), &OutboxSender::followupNeeded, this,
                &SessionWorkspace::followupNeeded);
}

void SessionWorkspace::followupNeeded(const QString &checkinVisitId)
{
    auto draft = CheckinStart::followupDraft(*m_services.store(), QuestionnaireLibrary::load(),
                                             checkinVisitId, m_user.username);
    if (!draft) {
        if (m_board)
            m_board->report(tr("The provider asks for a follow-up visit after the check-in, but "
                               "its draft could not be made: %1")
                                .arg(draft.error().message));
        return;
    }
    // Opened at once when staff are on the home page (no other page of theirs in front);
    // otherwise it waits in the unfinished intakes.
    const bool onHome = std::none_of(m_open.cbegin(), m_open.cend(), [this](const auto &page) {
        return page && m_pages->currentWidget() == page.data();
    });
    if (onHome) {
        openIntake(draft.value());
        return;
    }
    if (m_board)
        m_board->report(tr("The provider asks for a follow-up visit after the check-in: a "
                           "follow-up intake, filled in from it, is in the unfinished intakes."));
}

SessionWorkspace::~SessionWorkspace()
{
    delete m_board.data();
    for (const QPointer<QWidget> &page : std::as_const(m_open))
        delete page.data();
}

void SessionWorkspace::openPage(QWidget *page)
{
    m_open.removeIf([](const QPointer<QWidget> &p) { return p.isNull(); });
    m_open << page;
    m_pages->addWidget(page);
    PageSwitch::show(m_pages, page);
}

void SessionWorkspace::closePage(QWidget *page)
{
    if (m_beforeLock == page)
        m_beforeLock.clear();
    // Called from the page's own signals: delete it once they return. It stays listed until
    // then, so the destructor still deletes it before the store closes if the session ends first.
    page->hide();
    page->deleteLater();
    Q_EMIT homeRequested();
}

QWidget *SessionWorkspace::takePageBeforeLock()
{
    QWidget *page = m_beforeLock.data();
    m_beforeLock.clear();
    return page;
}

void SessionWorkspace::openIntake(const QString &draftId)
{
    auto *wizard = new IntakeWizard(*m_services.store(), m_user.username);
    wizard->setAuditLog(m_services.audit());
    // The draft is this user's at this workstation while the wizard has it (store/Leases).
    wizard->setLeaseOwner({m_user.username, m_user.displayName, AuditLog::workstation()});
    wizard->setProviderClient(m_services.provider() ? m_services.provider()->client() : nullptr);
    // A new wizard starts a new intake; a draft id resumes that one.
    if (auto resumed = draftId.isEmpty() ? Result<void>() : wizard->resume(draftId); !resumed) {
        delete wizard;
        QMessageBox::warning(m_pages->window(), tr("Open intake"),
                             tr("The intake could not be opened: %1").arg(resumed.error().message));
        return;
    }
    connect(wizard, &IntakeWizard::closed, this, [this, wizard] { closePage(wizard); });
    connect(wizard, &IntakeWizard::submitted, this, [this, wizard] {
        m_services.kickOutbox();
        closePage(wizard);
        // Said on the board, where the keyboard goes back to.
        if (m_board)
            m_board->report(tr("The visit was submitted and is queued for the provider."));
    });
    openPage(wizard);
    wizard->activate();
}

void SessionWorkspace::showDrafts()
{
    auto *drafts = new DraftsPage(*m_services.store(), m_user.username);
    drafts->setAuditLog(m_services.audit());
    connect(drafts, &DraftsPage::resumeRequested, this, [this, drafts](const QString &id) {
        closePage(drafts);
        openIntake(id);
    });
    connect(drafts, &DraftsPage::newIntakeRequested, this, [this, drafts] {
        closePage(drafts);
        openIntake();
    });
    connect(drafts, &DraftsPage::closeRequested, this, [this, drafts] { closePage(drafts); });
    // Drafts saved, continued or removed at other workstations (PostgreSQL): re-read, at most
    // twice a second (a colleague's autosave writes several times a second while typing).
    auto *refresh = new QTimer(drafts);
    refresh->setSingleShot(true);
    refresh->setInterval(500);
    connect(refresh, &QTimer::timeout, drafts, &DraftsPage::reload);
    connect(&m_services, &ConsoleServices::draftsChanged, refresh, [refresh] {
        if (!refresh->isActive())
            refresh->start();
    });
    connect(&m_services, &ConsoleServices::resynced, drafts, &DraftsPage::reload);
    openPage(drafts);
    drafts->activate();
}

void SessionWorkspace::openVisit(const QString &visitId)
{
    auto *page = new VisitDetailPage(*m_services.store(), *m_services.audit(), m_user,
                                     m_services.provider(), visitId);
    connect(page, &VisitDetailPage::closeRequested, this, [this, page] { closePage(page); });
    // The page has already re-read itself after a reply or a resubmit: only the board follows.
    connect(page, &VisitDetailPage::visitChanged, this, [this](const QString &id) {
        if (m_board)
            m_board->visitsChanged({id});
    });
    // The programme's next steps (issue 15): a check-in from this visit, or a new intake.
    connect(page, &VisitDetailPage::checkinRequested, this, &SessionWorkspace::openCheckin);
    connect(page, &VisitDetailPage::followupRequested, this, [this] { openIntake(); });
    connect(page, &VisitDetailPage::newVisitRequested, this, [this] { openIntake(); });
    if (m_board)
        m_board->markSeen(visitId);
    openPage(page);
    page->activate();
}

void SessionWorkspace::openCheckin(const QString &programmeVisitId)
{
    auto *page = new CheckinPage(*m_services.store(), m_user.username);
    page->setAuditLog(m_services.audit());
    if (auto started = page->start(programmeVisitId); !started) {
        delete page;
        QMessageBox::warning(
            m_pages->window(), tr("Start check-in"),
            tr("The check-in could not be started: %1").arg(started.error().message));
        return;
    }
    connect(page, &CheckinPage::closed, this, [this, page] { closePage(page); });
    connect(page, &CheckinPage::submitted, this, [this, page] {
        m_services.kickOutbox();
        closePage(page);
        if (m_board)
            m_board->report(tr("The check-in was submitted and is queued for the provider."));
    });
    openPage(page);
    page->activate();
}

void SessionWorkspace::visitsChanged(const QStringList &visitIds)
{
    if (m_board)
        m_board->visitsChanged(visitIds);
    for (const QPointer<QWidget> &page : std::as_const(m_open))
        if (auto *detail = qobject_cast<VisitDetailPage *>(page.data()))
            detail->visitsChanged(visitIds);
}

void SessionWorkspace::resynced()
{
    if (m_board)
        m_board->reloadAll();
    for (const QPointer<QWidget> &page : std::as_const(m_open))
        if (auto *detail = qobject_cast<VisitDetailPage *>(page.data()))
            detail->reload();
}

} // namespace clinicdesk
