#include "DraftListModel.h"

#include "intake/IntakeForm.h"

#include <QJsonArray>
#include <QLocale>

namespace clinicdesk {

DraftListModel::DraftListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DraftListModel::setDrafts(QList<Draft> drafts)
{
    beginResetModel();
    m_drafts = std::move(drafts);
    endResetModel();
}

const Draft *DraftListModel::draft(int row) const
{
    return row >= 0 && row < m_drafts.size() ? &m_drafts[row] : nullptr;
}

int DraftListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_drafts.size());
}

int DraftListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DraftListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Draft &d = m_drafts[index.row()];
    if (role == DraftIdRole)
        return d.id;
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case PatientColumn: {
        const QString name =
            (d.answers.value(IntakeForm::kFirstName).toArray().first().toString() +
             QLatin1Char(' ') + d.answers.value(IntakeForm::kLastName).toArray().first().toString())
                .trimmed();
        return name.isEmpty() ? tr("(no name yet)") : name;
    }
    case VisitTypeColumn:
        return d.visitType.isEmpty() ? tr("(not chosen)")
                                     : m_typeNames.value(d.visitType, d.visitType);
    case StaffColumn:
        return d.ownerUser;
    case LastEditColumn:
        if (role == SortRole)
            return d.updatedAt;
        return QLocale().toString(d.updatedAt.toLocalTime(), QLocale::ShortFormat);
    case CompletionColumn:
        if (role == SortRole)
            return d.completion;
        return tr("%1%").arg(d.completion);
    default:
        return {};
    }
}

QVariant DraftListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PatientColumn:
        return tr("Patient");
    case VisitTypeColumn:
        return tr("Visit type");
    case StaffColumn:
        return tr("Staff");
    case LastEditColumn:
        return tr("Last edit");
    case CompletionColumn:
        return tr("Complete");
    default:
        return {};
    }
}

} // namespace clinicdesk
