#include "DueListModel.h"

namespace clinicdesk {

DueListModel::DueListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DueListModel::setItems(QList<DueList::Item> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

QString DueListModel::kindText(DueList::Kind kind)
{
    switch (kind) {
    case DueList::Kind::Titration:
        return tr("Next titration");
    case DueList::Kind::Checkin:
        return tr("Check-in");
    case DueList::Kind::ProgrammeEnded:
        return tr("Programme ended");
    }
    return {};
}

QString DueListModel::daysLeftText(const DueList::Item &item)
{
    if (item.kind == DueList::Kind::ProgrammeEnded) {
        if (item.daysSince < DueList::kProgrammeDays)
            return tr("all %n months prescribed", nullptr, DueList::kMaxMonths);
        return item.daysLeft < 0 ? tr("ended %n day(s) ago", nullptr, -item.daysLeft)
                                 : tr("ended today");
    }
    if (item.daysLeft > 0)
        return tr("%n day(s) left", nullptr, item.daysLeft);
    if (item.daysLeft == 0)
        return tr("last day today");
    return tr("%n day(s) overdue", nullptr, -item.daysLeft);
}

QString DueListModel::nameOf(const QString &patientId) const
{
    auto known = m_names.constFind(patientId);
    if (known != m_names.constEnd())
        return *known;
    const QString name = m_nameOf ? m_nameOf(patientId) : patientId;
    m_names.insert(patientId, name);
    return name;
}

int DueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int DueListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DueListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const DueList::Item &item = m_items.at(index.row());
    if (role == VisitIdRole)
        return item.visitId;
    if (role == KindRole)
        return int(item.kind);
    if (role == SortRole) {
        switch (index.column()) {
        case PatientColumn:
            return nameOf(item.patientId);
        case KindColumn:
            return int(item.kind);
        case DaysLeftColumn:
            return item.daysLeft;
        case SinceColumn:
            return item.daysSince;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() >= DaysLeftColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case PatientColumn:
        return nameOf(item.patientId);
    case KindColumn:
        return kindText(item.kind);
    case DaysLeftColumn:
        return daysLeftText(item);
    case SinceColumn:
        return item.kind == DueList::Kind::Titration
                   ? tr("prescribed %n day(s) ago", nullptr, item.daysSince)
                   : tr("resolved %n day(s) ago", nullptr, item.daysSince);
    }
    return {};
}

QVariant DueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PatientColumn:
        return tr("Patient");
    case KindColumn:
        return tr("Due");
    case DaysLeftColumn:
        return tr("Days left");
    case SinceColumn:
        return tr("Since");
    }
    return {};
}

} // namespace clinicdesk
