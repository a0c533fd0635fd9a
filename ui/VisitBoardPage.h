#pragma once

#include "VisitBoardProxy.h" // proxy() callers use it: the page hands it out
#include "visits/VisitBoard.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QButtonGroup;
class QLineEdit;
class QTableView;
class QTimer;

namespace Ui {
class VisitBoardPage;
}

namespace clinicdesk {

class AuditLog;
class DuePanel;
class FilterChip;
class LocalStore;
class VisitBoardModel;

// The visit and prescription board: every visit of the clinic in one sortable, filterable table,
// with the ones that need staff action first and counted in the "Needs attention" filter.
//
// It reads the store once when opened and then only the rows the relay or the outbox report as
// changed (visitsChanged()), so updates appear without anyone refreshing; a minute timer
// re-evaluates time-based attention ("no news for 48 h") from memory. Searching by phone, or by
// name and date of birth, goes through the blind index and is audited.
//
// From the keyboard: the status filters are one group of radio buttons (Tab enters it, arrows
// choose), the date filters say "Any" until a day is picked (Up or Down starts at today, Delete
// clears them) and Tab always moves on; Ctrl+F goes to the patient search. The last chip, "Due",
// shows the weight-loss programmes' Due view (DuePanel) in place of the visits (Ctrl+D).
class VisitBoardPage : public QWidget
{
    Q_OBJECT

public:
    VisitBoardPage(LocalStore &store, AuditLog *audit, const QString &userName,
                   QWidget *parent = nullptr);
    ~VisitBoardPage() override;

    void setAttentionRules(const AttentionRules &rules);
    void setTypeTitles(const QHash<QString, QString> &titles);

    // Reads every visit again (first show, or after a store-wide change).
    void reloadAll();
    // The relay, the outbox or a local action changed these visits: re-read just them.
    void visitsChanged(const QStringList &visitIds);
    // The user opened this visit's detail: it is no longer unread for them.
    void markSeen(const QString &visitId);
    // Re-evaluates attention against the clock now (also every minute by itself).
    void refreshAttention();
    // Shows `message` above the table and has a screen reader say it (empty: hides it).
    void report(const QString &message);

    int unreadCount() const;
    // Focus the table (or the search when the board is empty).
    void activate();

    VisitBoardModel *model() const { return m_model; }
    VisitBoardProxy *proxy() const { return m_proxy; }
    QTableView *view() const;
    QLineEdit *searchField() const;
    QString currentVisitId() const;
    // The Due view (the "Due" chip shows it in place of the visits).
    DuePanel *duePanel() const { return m_due; }
    void showDue(bool due);

public Q_SLOTS:
    void search();
    void clearSearch();

Q_SIGNALS:
    void openVisitRequested(const QString &visitId);
    // New visits need attention (ids only); `unread` is the user's unread count now.
    void attentionArrived(const QStringList &visitIds, int unread);
    void unreadCountChanged(int unread);

private:
    void setUpView();
    void setUpFilters();
    void updateCounts();
    void updateFilterChoices();
    void applyStatusFilter(int id);
    void applyDates();
    void openCurrent();
    void toggleWaitingForPatient();
    void updateActions();
    void announce(const QStringList &becameUnread);
    void setUpDue();
    void scheduleDueReload();

    std::unique_ptr<Ui::VisitBoardPage> m_ui;
    LocalStore &m_store;
    AuditLog *m_audit;
    std::unique_ptr<VisitBoardSource> m_source;
    VisitBoardModel *m_model;
    VisitBoardProxy *m_proxy;
    QButtonGroup *m_statusGroup;
    QHash<int, FilterChip *> m_statusButtons;
    QTimer *m_attentionTimer;
    DuePanel *m_due = nullptr;
    FilterChip *m_dueChip = nullptr;
    bool m_dueReloadPending = false;
    int m_lastUnread = -1;
};

} // namespace clinicdesk
