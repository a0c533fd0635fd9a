#pragma once

#include "domain/VisitStateMachine.h"

#include <QDate>
#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace clinicdesk {

class VisitBoardModel;

// Filters and sorts the board. Filters read the model's rows directly (no PHI involved except the
// search, which arrives as a set of patient ids from the blind index). Visits that need attention
// come first whatever the column and order, unless setAttentionFirst(false).
class VisitBoardProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit VisitBoardProxy(QObject *parent = nullptr);

    void setBoardModel(VisitBoardModel *model);

    // No status: every status. Attention only: just the visits that need staff action.
    void setStatus(std::optional<VisitStateMachine::Status> status);
    void setAttentionOnly(bool only);
    void setVisitType(const QString &code);   // empty: all
    void setSubmittedBy(const QString &name); // empty: all
    void setDateRange(QDate from, QDate to);  // submitted between, local dates; null: open
    void setPatients(std::optional<QSet<QString>> patientIds); // nullopt: no search
    void setAttentionFirst(bool first);
    bool attentionFirst() const { return m_attentionFirst; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    VisitBoardModel *m_board = nullptr;
    std::optional<VisitStateMachine::Status> m_status;
    bool m_attentionOnly = false;
    QString m_visitType;
    QString m_submittedBy;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0; // exclusive; 0: open
    std::optional<QSet<QString>> m_patients;
    bool m_attentionFirst = true;
};

} // namespace clinicdesk
