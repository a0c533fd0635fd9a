#pragma once

#include "visits/VisitBoard.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QHash>
#include <QIcon>

namespace clinicdesk {

// The visit board's rows: every visit, one row each, with ids, states and times held in memory
// (a few hundred bytes a row) and the patient's name, which is PHI, opened from the store only
// when a row is shown (and cached until the session ends). Sorting by patient opens every name
// once. Live changes come in through upsertRows(); time-based attention ("no news for 48 h") is
// recomputed by refreshAttention().
class VisitBoardModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        PatientColumn,
        TypeColumn,
        StatusColumn,
        RxColumn,
        WaitingColumn,
        SubmittedByColumn,
        SubmittedAtColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role
    {
        VisitIdRole = Qt::UserRole + 1,
        SortRole,      // a value that sorts the column (times as numbers, states by rank)
        AttentionRole, // VisitBoardRow::Attention flags
        UnreadRole,    // bool
    };

    // `source` is not owned and must outlive the model; null shows ids instead of names (tests).
    explicit VisitBoardModel(VisitBoardSource *source, QObject *parent = nullptr);
    ~VisitBoardModel() override;

    void setRules(const AttentionRules &rules);
    const AttentionRules &rules() const { return m_rules; }
    // Visit type code -> title in the user's language (codes are shown when missing).
    void setTypeTitles(const QHash<QString, QString> &titles);

    // Replaces everything (reset).
    void setRows(QList<VisitBoardRow> rows, qint64 nowMs);
    // Updates rows in place and appends new visits; returns the ids that became unread.
    QStringList upsertRows(const QList<VisitBoardRow> &rows, qint64 nowMs);
    // Re-evaluates attention at `nowMs` (silent visits, stuck outbox); returns ids that became
    // unread.
    QStringList refreshAttention(qint64 nowMs);
    void markSeen(const QString &visitId, qint64 atMs);

    const VisitBoardRow &rowAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &visitId) const;
    int attentionCount() const;
    int unreadCount() const;
    QHash<VisitStateMachine::Status, int> countsByStatus() const;
    QStringList visitTypes() const;
    QStringList staffNames() const;
    QString typeTitle(const QString &code) const;

    // The patient's display name; opened from the store on first use.
    QString patientName(int row) const;
    // Opens every name at once (sorting by patient); false with the reason when one fails.
    bool loadAllPatientNames(QString *error = nullptr);
    // Forgets the names held in memory (sign-out, lock).
    void clearPatientNames();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // Counts per status, attention or unread changed.
    void countsChanged();
    // The visit types or staff names present changed (the board's filter choices).
    void filterChoicesChanged();

private:
    // Recomputes a row's attention; adds its id to `becameUnread` when it turned unread.
    void setAttention(VisitBoardRow &row, bool wasUnread, qint64 nowMs, QStringList *becameUnread);
    // Counts per status, attention and unread: recounted after every change, read often.
    void recount();

    VisitBoardSource *m_source;
    AttentionRules m_rules;
    QHash<QString, QString> m_typeTitles;
    QList<VisitBoardRow> m_rows;
    mutable QHash<QString, int> m_index;     // visit id -> row, built on first use
    mutable QHash<QString, QString> m_names; // patient id -> "Last, First"
    bool m_allNamesLoaded = false;
    QHash<int, QIcon> m_statusIcons;
    QIcon m_attentionIcon;
    QFont m_boldFont; // unread rows
    QHash<VisitStateMachine::Status, int> m_counts;
    int m_attentionCount = 0;
    int m_unreadCount = 0;
    QStringList m_visitTypes;
    QStringList m_staffNames;
};

} // namespace clinicdesk
