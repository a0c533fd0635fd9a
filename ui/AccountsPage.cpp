#include "AccountsPage.h"
#include "ui_AccountsPage.h"

#include "AccountCreateDialog.h"
#include "AccountListModel.h"
#include "AccountPasswordDialog.h"
#include "PageStyle.h"
#include "access/AccountAdmin.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>

namespace clinicdesk {

AccountsPage::AccountsPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AccountsPage>())
    , m_model(new AccountListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    PageStyle::makeTitle(m_ui->titleLabel);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_ui->accountsView->setModel(m_proxy);
    m_ui->accountsView->sortByColumn(AccountListModel::UsernameColumn, Qt::AscendingOrder);
    m_ui->accountsView->verticalHeader()->hide();
    QHeaderView *header = m_ui->accountsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AccountListModel::DisplayNameColumn, QHeaderView::Stretch);
    m_ui->generalError->setField(m_ui->accountsView);

    connect(m_ui->accountsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsPage::updateButtons);
    connect(m_ui->accountsView, &QAbstractItemView::activated, this, &AccountsPage::resetPassword);
    connect(m_ui->newButton, &QPushButton::clicked, this, &AccountsPage::createAccount);
    connect(m_ui->disableButton, &QPushButton::clicked, this, [this] { toggleDisabled(); });
    connect(m_ui->resetButton, &QPushButton::clicked, this, &AccountsPage::resetPassword);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &AccountsPage::closeRequested);
    updateButtons();
}

AccountsPage::~AccountsPage() = default;

void AccountsPage::setAdmin(AccountAdmin *admin, const User &actor)
{
    m_admin = admin;
    m_actor = actor;
    if (!admin)
        m_model->setUsers({});
}

void AccountsPage::activate()
{
    m_ui->statusLabel->clear();
    reload();
    m_ui->accountsView->setFocus(Qt::OtherFocusReason);
    if (!m_ui->accountsView->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_ui->accountsView->selectRow(0);
}

bool AccountsPage::reload()
{
    m_ui->generalError->clearError();
    if (!m_admin)
        return false;
    const QString selected = selectedRow() >= 0 ? m_model->user(selectedRow()).id : QString();
    auto users = m_admin->listAccounts(m_actor);
    if (!users) {
        m_model->setUsers({});
        m_ui->generalError->showError(
            tr("The accounts could not be listed: %1").arg(users.error().message));
        updateButtons();
        return false;
    }
    m_model->setUsers(users.value());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->user(row).id == selected)
            m_ui->accountsView->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
    }
    updateButtons();
    return true;
}

int AccountsPage::selectedRow() const
{
    const QModelIndexList rows = m_ui->accountsView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_proxy->mapToSource(rows.first()).row();
}

bool AccountsPage::selectUsername(const QString &username)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->user(row).username == username) {
            m_ui->accountsView->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
            return true;
        }
    }
    return false;
}

void AccountsPage::updateButtons()
{
    const int row = selectedRow();
    const bool any = row >= 0;
    m_ui->resetButton->setEnabled(any);
    m_ui->disableButton->setEnabled(any && m_model->user(row).id != m_actor.id);
    m_ui->disableButton->setText(any && m_model->user(row).disabled ? tr("&Enable")
                                                                    : tr("&Disable"));
    m_ui->newButton->setEnabled(m_admin != nullptr);
}

void AccountsPage::showResult(const QString &message)
{
    m_ui->statusLabel->setText(message);
}

void AccountsPage::createAccount()
{
    if (!m_admin)
        return;
    AccountCreateDialog dialog(*m_admin, m_actor, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    selectUsername(dialog.createdUser().username);
    showResult(tr("Account %1 created.").arg(dialog.createdUser().username));
    m_ui->accountsView->setFocus(Qt::OtherFocusReason);
}

void AccountsPage::toggleDisabled(bool confirm)
{
    const int row = selectedRow();
    if (!m_admin || row < 0)
        return;
    const User target = m_model->user(row);
    const bool disable = !target.disabled;
    if (disable && confirm &&
        QMessageBox::question(
            this, tr("Disable account"),
            tr("Disable %1's account? They cannot sign in until an administrator enables it "
               "again.")
                .arg(target.displayName),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    auto changed = m_admin->setDisabled(m_actor, target.id, disable);
    if (!changed) {
        m_ui->generalError->showError(changed.error().message);
        return;
    }
    reload();
    showResult(disable ? tr("Account %1 disabled.").arg(target.username)
                       : tr("Account %1 enabled.").arg(target.username));
    m_ui->accountsView->setFocus(Qt::OtherFocusReason);
}

void AccountsPage::resetPassword()
{
    const int row = selectedRow();
    if (!m_admin || row < 0)
        return;
    const User target = m_model->user(row);
    AccountPasswordDialog dialog(*m_admin, m_actor, target, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    showResult(tr("New password set for %1. Any lockout was cleared.").arg(target.username));
    m_ui->accountsView->setFocus(Qt::OtherFocusReason);
}

} // namespace clinicdesk
