#pragma once

#include "intake/Draft.h"

#include <QAbstractTableModel>
#include <QCoreApplication>

namespace clinicdesk {

// The unfinished intakes for the drafts list: patient, visit type, staff, last edit,
// completion. The patient's name comes from the sealed answers, decrypted for display only.
class DraftListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        PatientColumn,
        VisitTypeColumn,
        StaffColumn,
        LastEditColumn,
        CompletionColumn,
        ColumnCount
    };
    static constexpr int DraftIdRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit DraftListModel(QObject *parent = nullptr);

    void setDrafts(QList<Draft> drafts);
    // Visit type codes to the names shown (from the questionnaires' titles).
    void setVisitTypeNames(QHash<QString, QString> names) { m_typeNames = std::move(names); }
    const Draft *draft(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Draft> m_drafts;
    QHash<QString, QString> m_typeNames;
};

} // namespace clinicdesk
