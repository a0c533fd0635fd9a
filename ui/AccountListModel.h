#pragma once

#include "domain/User.h"

#include <QAbstractTableModel>
#include <QList>

namespace clinicdesk {

// The staff accounts as a table: username, display name, role, status, locked until. Holds a
// copy of the list; AccountsPage reloads it after every change.
class AccountListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        UsernameColumn,
        DisplayNameColumn,
        RoleColumn,
        StatusColumn,
        LockedUntilColumn,
        ColumnCount
    };

    explicit AccountListModel(QObject *parent = nullptr);

    void setUsers(const QList<User> &users);
    // Sets the clock that decides whether a lockout is still running (tests).
    void setNow(const QDateTime &nowUtc) { m_now = nowUtc; }
    const User &user(int row) const { return m_users.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QDateTime now() const;

    QList<User> m_users;
    QDateTime m_now;
};

} // namespace clinicdesk
