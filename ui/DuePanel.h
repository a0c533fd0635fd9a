#pragma once

#include "visits/DueList.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <memory>

class QButtonGroup;
class QSortFilterProxyModel;
class QTableView;

namespace Ui {
class DuePanel;
}

namespace clinicdesk {

class DueListModel;
class FilterChip;
class LocalStore;
class VisitBoardSource;

// The board's Due view (issue 15, "What is due"): the weight-loss patients whose next titration
// window is open, whose check-in is due or whose programme ended, computed from the local store
// alone (DueList) and listed by days left, most urgent first. Filter chips with their counts
// choose a kind (one Tab stop, arrows inside, as the board's status chips); Enter or "Open
// programme visit" opens the visit the titration or check-in starts from.
class DuePanel : public QWidget
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>;

    // `names` opens patients' names for display (the board's source); null shows ids.
    DuePanel(LocalStore &store, VisitBoardSource *names, QWidget *parent = nullptr);
    ~DuePanel() override;

    // The moment "now" (ms since the epoch) is taken from; the wall clock unless set (tests, the
    // demo).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // Computes the list again from the store.
    void reload();
    // Puts the keyboard on the list (or on the chips when the list is empty).
    void activate();

    DueList::Counts counts() const { return m_counts; }
    // -1: every kind; else int(DueList::Kind).
    void showKind(int kind);
    QTableView *view() const;
    QString currentVisitId() const;
    FilterChip *chip(int kind) const { return m_chips.value(kind); }

Q_SIGNALS:
    void openVisitRequested(const QString &visitId);
    void countsChanged(const DueList::Counts &counts);

private:
    void updateCounts();
    void openCurrent();
    void updateActions();

    std::unique_ptr<Ui::DuePanel> m_ui;
    LocalStore &m_store;
    Clock m_clock;
    DueListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QButtonGroup *m_kinds;
    QHash<int, FilterChip *> m_chips;
    DueList::Counts m_counts;
};

} // namespace clinicdesk
