#include "DraftsPage.h"

#include "DraftListModel.h"
#include "PageStyle.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "intake/DraftRepository.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace clinicdesk {

DraftsPage::DraftsPage(LocalStore &store, const QString &username, QWidget *parent,
                       const QuestionnaireLibrary &library)
    : QWidget(parent)
    , m_store(store)
    , m_username(username)
    , m_model(new DraftListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("draftsPage"));
    m_model->setVisitTypeNames(library.visitTypeTitles());
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DraftListModel::SortRole);

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Unfinished intakes"), this);
    PageStyle::makeTitle(title);
    layout->addWidget(title);
    m_empty = new QLabel(tr("No unfinished intakes. Start a new one."), this);
    layout->addWidget(m_empty);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("drafts"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DraftListModel::LastEditColumn, Qt::DescendingOrder);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(DraftListModel::PatientColumn,
                                                     QHeaderView::Stretch);
    m_view->verticalHeader()->hide();
    m_view->setTabKeyNavigation(false);
    m_view->setAccessibleName(tr("Unfinished intakes"));
    layout->addWidget(m_view, 1);

    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("&New intake"), this);
    m_resume = new QPushButton(tr("&Resume"), this);
    m_discard = new QPushButton(tr("&Discard..."), this);
    m_handOver = new QPushButton(tr("&Hand to a colleague..."), this);
    for (QPushButton *b : {m_new, m_resume, m_handOver, m_discard})
        buttons->addWidget(b);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_new, &QPushButton::clicked, this, &DraftsPage::newIntakeRequested);
    connect(m_resume, &QPushButton::clicked, this, [this]() {
        if (const QString id = selectedDraftId(); !id.isEmpty())
            Q_EMIT resumeRequested(id);
    });
    connect(m_view, &QTableView::activated, this, [this]() {
        if (const QString id = selectedDraftId(); !id.isEmpty())
            Q_EMIT resumeRequested(id);
    });
    connect(m_discard, &QPushButton::clicked, this, [this]() { discardSelected(true); });
    connect(m_handOver, &QPushButton::clicked, this, &DraftsPage::askHandOver);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DraftsPage::updateButtons);
    reload();
}

void DraftsPage::reload()
{
    const QString selected = selectedDraftId();
    auto drafts = DraftRepository(m_store).list();
    if (!drafts) {
        qCWarning(lcIntake) << "drafts list failed, error code" << int(drafts.error().code);
        m_empty->setText(tr("The drafts could not be read: %1").arg(drafts.error().message));
        m_empty->show();
        m_model->setDrafts({});
        updateButtons();
        return;
    }
    m_model->setDrafts(drafts.value());
    m_empty->setVisible(drafts->isEmpty());
    m_empty->setText(tr("No unfinished intakes. Start a new one."));
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(DraftListModel::DraftIdRole).toString() == selected || selected.isEmpty()) {
            m_view->selectRow(row);
            break;
        }
    }
    updateButtons();
}

QString DraftsPage::selectedDraftId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(DraftListModel::DraftIdRole).toString();
}

void DraftsPage::updateButtons()
{
    const bool any = !selectedDraftId().isEmpty();
    m_resume->setEnabled(any);
    m_discard->setEnabled(any);
    m_handOver->setEnabled(any);
}

bool DraftsPage::discardSelected(bool confirm)
{
    const QString id = selectedDraftId();
    if (id.isEmpty())
        return false;
    if (confirm) {
        const auto answer = QMessageBox::question(
            this, tr("Discard intake"),
            tr("Discard this unfinished intake? Its answers are deleted and cannot be recovered."),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return false;
    }
    if (auto r = DraftRepository(m_store).remove(id); !r) {
        QMessageBox::warning(this, tr("Discard intake"), r.error().message);
        return false;
    }
    qCInfo(lcIntake) << "draft" << id << "discarded by" << m_username;
    if (m_audit)
        (void)m_audit->append({AuditAction::Update, m_username, QStringLiteral("draft"), id,
                               AuditOutcome::Success, QStringLiteral("discarded")});
    reload();
    return true;
}

bool DraftsPage::handOverSelected(const QString &toUser)
{
    const QString id = selectedDraftId();
    if (id.isEmpty() || toUser.isEmpty())
        return false;
    if (auto r = DraftRepository(m_store).reassign(id, toUser); !r) {
        QMessageBox::warning(this, tr("Hand to a colleague"), r.error().message);
        return false;
    }
    qCInfo(lcIntake) << "draft" << id << "handed from" << m_username << "to" << toUser;
    if (m_audit)
        (void)m_audit->append({AuditAction::Update, m_username, QStringLiteral("draft"), id,
                               AuditOutcome::Success, QStringLiteral("handed to ") + toUser});
    reload();
    return true;
}

void DraftsPage::askHandOver()
{
    auto users = UserRepository(m_store).list();
    if (!users)
        return;
    QStringList names;
    for (const User &u : users.value())
        if (u.username != m_username && !u.disabled)
            names << u.username;
    if (names.isEmpty()) {
        QMessageBox::information(this, tr("Hand to a colleague"),
                                 tr("There is no other active staff account."));
        return;
    }
    bool ok = false;
    const QString to =
        QInputDialog::getItem(this, tr("Hand to a colleague"),
                              tr("Colleague who continues this intake:"), names, 0, false, &ok);
    if (ok)
        handOverSelected(to);
}

} // namespace clinicdesk
