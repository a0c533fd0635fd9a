#pragma once

#include "visits/VisitBoard.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;

namespace clinicdesk {

class AuditLog;
class LocalStore;
class VisitBoardModel;
class VisitBoardProxy;

// The visit and prescription board: every visit of the clinic in one sortable, filterable table,
// with the ones that need staff action first and counted in the "Needs attention" filter.
//
// It reads the store once when opened and then only the rows the relay or the outbox report as
// changed (visitsChanged()), so updates appear without anyone refreshing; a minute timer
// re-evaluates time-based attention ("no news for 48 h") from memory. Searching by phone, or by
// name and date of birth, goes through the blind index and is audited.
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

    int unreadCount() const;
    // Focus the table (or the search when the board is empty).
    void activate();

    VisitBoardModel *model() const { return m_model; }
    VisitBoardProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QString currentVisitId() const;

public Q_SLOTS:
    void search();
    void clearSearch();

Q_SIGNALS:
    void openVisitRequested(const QString &visitId);
    // New visits need attention (ids only); `unread` is the user's unread count now.
    void attentionArrived(const QStringList &visitIds, int unread);
    void unreadCountChanged(int unread);

private:
    void buildFilters();
    void updateCounts();
    void updateFilterChoices();
    void applyStatusFilter(int id);
    void applyDates();
    void openCurrent();
    void toggleWaitingForPatient();
    void updateActions();
    void report(const QString &message);
    void announce(const QStringList &becameUnread);

    LocalStore &m_store;
    AuditLog *m_audit;
    std::unique_ptr<VisitBoardSource> m_source;
    VisitBoardModel *m_model;
    VisitBoardProxy *m_proxy;
    QTableView *m_view;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_message;
    QButtonGroup *m_statusGroup;
    QHash<int, QToolButton *> m_statusButtons;
    QLineEdit *m_search;
    QPushButton *m_searchButton;
    QPushButton *m_clearSearchButton;
    QComboBox *m_typeFilter;
    QComboBox *m_staffFilter;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QCheckBox *m_attentionFirst;
    QPushButton *m_openButton;
    QPushButton *m_waitingButton;
    QTimer *m_attentionTimer;
    int m_lastUnread = -1;
};

} // namespace clinicdesk
