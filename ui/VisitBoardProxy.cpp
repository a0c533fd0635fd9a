#include "VisitBoardProxy.h"

#include "VisitBoardModel.h"

namespace clinicdesk {

using Status = VisitStateMachine::Status;

VisitBoardProxy::VisitBoardProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(VisitBoardModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void VisitBoardProxy::setBoardModel(VisitBoardModel *model)
{
    m_board = model;
    setSourceModel(model);
}

void VisitBoardProxy::setStatus(std::optional<Status> status)
{
    m_status = status;
    invalidateFilter();
}

void VisitBoardProxy::setAttentionOnly(bool only)
{
    m_attentionOnly = only;
    invalidateFilter();
}

void VisitBoardProxy::setVisitType(const QString &code)
{
    m_visitType = code;
    invalidateFilter();
}

void VisitBoardProxy::setSubmittedBy(const QString &name)
{
    m_submittedBy = name;
    invalidateFilter();
}

void VisitBoardProxy::setDateRange(QDate from, QDate to)
{
    m_fromMs = from.isValid() ? from.startOfDay().toMSecsSinceEpoch() : 0;
    m_toMs = to.isValid() ? to.addDays(1).startOfDay().toMSecsSinceEpoch() : 0;
    invalidateFilter();
}

void VisitBoardProxy::setPatients(std::optional<QSet<QString>> patientIds)
{
    m_patients = std::move(patientIds);
    invalidateFilter();
}

void VisitBoardProxy::setAttentionFirst(bool first)
{
    m_attentionFirst = first;
    invalidate();
}

bool VisitBoardProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_board || sourceParent.isValid())
        return true;
    const VisitBoardRow &row = m_board->rowAt(sourceRow);
    if (m_attentionOnly && !row.needsAttention())
        return false;
    if (m_status && row.status != *m_status)
        return false;
    if (!m_visitType.isEmpty() && row.visitType != m_visitType)
        return false;
    if (!m_submittedBy.isEmpty() && row.createdBy != m_submittedBy)
        return false;
    if (m_fromMs && row.createdAtMs < m_fromMs)
        return false;
    if (m_toMs && row.createdAtMs >= m_toMs)
        return false;
    if (m_patients && !m_patients->contains(row.patientId))
        return false;
    return true;
}

bool VisitBoardProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_board)
        return QSortFilterProxyModel::lessThan(left, right);
    const VisitBoardRow &a = m_board->rowAt(left.row());
    const VisitBoardRow &b = m_board->rowAt(right.row());
    if (m_attentionFirst && a.needsAttention() != b.needsAttention()) {
        // Pinned to the top in both orders: a descending sort inverts what this returns.
        const bool ascending = sortOrder() == Qt::AscendingOrder;
        return ascending ? a.needsAttention() : b.needsAttention();
    }
    // Raw fields rather than QVariant: sorting 100,000 rows stays well under a second.
    auto tie = [&]() { return a.updatedAtMs < b.updatedAtMs; };
    switch (left.column()) {
    case VisitBoardModel::StatusColumn:
        return a.status != b.status ? a.status < b.status : tie();
    case VisitBoardModel::RxColumn:
        return a.rx != b.rx ? a.rx < b.rx : tie();
    case VisitBoardModel::WaitingColumn:
        return a.waitingFor() != b.waitingFor() ? a.waitingFor() < b.waitingFor() : tie();
    case VisitBoardModel::SubmittedAtColumn:
        return a.createdAtMs < b.createdAtMs;
    case VisitBoardModel::UpdatedColumn:
        return a.updatedAtMs < b.updatedAtMs;
    case VisitBoardModel::SubmittedByColumn: {
        const int c = QString::compare(a.createdBy, b.createdBy, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : tie();
    }
    default:
        break;
    }
    const int c = QString::localeAwareCompare(left.data(sortRole()).toString(),
                                              right.data(sortRole()).toString());
    return c != 0 ? c < 0 : tie();
}

} // namespace clinicdesk
