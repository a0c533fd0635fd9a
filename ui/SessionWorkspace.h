#pragma once

#include "domain/User.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QStackedWidget;
class QWidget;

namespace clinicdesk {

class ConsoleServices;
class VisitBoardPage;

// What a signed-in user works on: the visit board (shown on the home page) and the pages opened
// from the home page or the board (intakes, the unfinished intakes, visit details), each placed
// in the window's page stack. It lives exactly as long as the session: deleting it deletes the
// board (and the patient names it holds) and every page (an open intake flushes its draft).
class SessionWorkspace : public QObject
{
    Q_OBJECT

public:
    SessionWorkspace(ConsoleServices &services, const User &user, QStackedWidget *pages,
                     QObject *parent = nullptr);
    ~SessionWorkspace() override;

    VisitBoardPage *board() const { return m_board; }
    // Takes `page` into the stack and shows it.
    void openPage(QWidget *page);
    // The intake wizard (a new intake, or the draft `draftId`).
    void openIntake(const QString &draftId = {});
    void showDrafts();
    // One visit's detail (from the board); marks it seen for the user.
    void openVisit(const QString &visitId);
    // A weight-loss check-in from the patient's programme visit (issue 15).
    void openCheckin(const QString &programmeVisitId);
    // The provider took a check-in and wants a follow-up visit: a follow-up intake is drafted
    // from the check-in and opened.
    void followupNeeded(const QString &checkinVisitId);
    // These visits changed: the board and any open detail re-read just them.
    void visitsChanged(const QStringList &visitIds);
    // Changes may have been missed (the change feed reconnected): everything shown is re-read.
    void resynced();

    // The page shown when the console was locked (any page of the window), to go back to on
    // unlocking; null once taken, or when that page has closed meanwhile.
    void setPageBeforeLock(QWidget *page) { m_beforeLock = page; }
    QWidget *takePageBeforeLock();

Q_SIGNALS:
    // A page was closed (or an intake submitted): back to the home page.
    void homeRequested();

private:
    void closePage(QWidget *page);

    ConsoleServices &m_services;
    User m_user;
    QStackedWidget *m_pages;
    QPointer<VisitBoardPage> m_board;
    QList<QPointer<QWidget>> m_open;
    QPointer<QWidget> m_beforeLock;
};

} // namespace clinicdesk
