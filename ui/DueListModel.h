#pragma once

#include "visits/DueList.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace clinicdesk {

// The board's Due view as a table (issue 15, "What is due"): one row per DueList item, with the
// patient's name (opened when shown, through `nameOf`), what is due, the days left and the days
// since the prescription or resolution. Sorting by days left sorts numbers, not text.
class DueListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        PatientColumn,
        KindColumn,
        DaysLeftColumn,
        SinceColumn,
        ColumnCount
    };
    static constexpr int VisitIdRole = Qt::UserRole + 1;
    static constexpr int KindRole = Qt::UserRole + 2;
    static constexpr int SortRole = Qt::UserRole + 3;

    using NameLookup = std::function<QString(const QString &patientId)>;

    explicit DueListModel(QObject *parent = nullptr);

    void setNameLookup(NameLookup nameOf) { m_nameOf = std::move(nameOf); }
    void setItems(QList<DueList::Item> items);
    const QList<DueList::Item> &items() const { return m_items; }
    // Forgets the names held in memory.
    void forgetNames() { m_names.clear(); }

    // "Titration", "Check-in", "Programme ended", translated.
    static QString kindText(DueList::Kind kind);
    // "12 days left", "3 days overdue", "due today".
    static QString daysLeftText(const DueList::Item &item);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString nameOf(const QString &patientId) const;

    QList<DueList::Item> m_items;
    NameLookup m_nameOf;
    mutable QHash<QString, QString> m_names;
};

} // namespace clinicdesk
