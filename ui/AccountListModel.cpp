#include "AccountListModel.h"

#include <QLocale>

namespace clinicdesk {

AccountListModel::AccountListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AccountListModel::setUsers(const QList<User> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

QDateTime AccountListModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int AccountListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &u = m_users.at(index.row());
    const bool locked = u.isLockedAt(now());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case UsernameColumn:
            return u.username;
        case DisplayNameColumn:
            return u.displayName;
        case RoleColumn:
            return u.isAdmin() ? tr("Administrator") : tr("Staff");
        case StatusColumn:
            return u.disabled ? tr("Disabled") : tr("Active");
        case LockedUntilColumn:
            return locked ? QLocale().toString(u.lockedUntil.toLocalTime(), QLocale::ShortFormat)
                          : (role == Qt::AccessibleTextRole ? tr("Not locked") : QString());
        }
    }
    // Sorting by the raw values, not their translations.
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case RoleColumn:
            return int(u.role);
        case StatusColumn:
            return u.disabled;
        case LockedUntilColumn:
            return locked ? u.lockedUntil : QDateTime();
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant AccountListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UsernameColumn:
        return tr("Username");
    case DisplayNameColumn:
        return tr("Display name");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        return tr("Status");
    case LockedUntilColumn:
        return tr("Locked until");
    }
    return {};
}

} // namespace clinicdesk
