#include "DraftsPage.h"
#include "ui_DraftsPage.h"

#include "DraftListModel.h"
#include "PageStyle.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "intake/DraftRepository.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QShortcut>
#include <QSortFilterProxyModel>

namespace clinicdesk {

DraftsPage::DraftsPage(LocalStore &store, const QString &username, QWidget *parent,
                       const QuestionnaireLibrary &library)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DraftsPage>())
    , m_store(store)
    , m_username(username)
    , m_model(new DraftListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("draftsPage"));
    PageStyle::makeTitle(m_ui->titleLabel);
    m_model->setVisitTypeNames(library.visitTypeTitles());
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DraftListModel::SortRole);
    QTableView *view = m_ui->drafts;
    view->setModel(m_proxy);
    view->sortByColumn(DraftListModel::LastEditColumn, Qt::DescendingOrder);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(DraftListModel::PatientColumn,
                                                   QHeaderView::Stretch);

    auto *back = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    back->setContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QShortcut::activated, this, &DraftsPage::closeRequested);
    connect(m_ui->backButton, &QPushButton::clicked, this, &DraftsPage::closeRequested);
    connect(m_ui->newButton, &QPushButton::clicked, this, &DraftsPage::newIntakeRequested);
    connect(m_ui->resumeButton, &QPushButton::clicked, this, [this]() {
        if (const QString id = selectedDraftId(); !id.isEmpty())
            Q_EMIT resumeRequested(id);
    });
    connect(view, &QTableView::activated, this, [this]() {
        if (const QString id = selectedDraftId(); !id.isEmpty())
            Q_EMIT resumeRequested(id);
    });
    connect(m_ui->discardButton, &QPushButton::clicked, this, [this]() { discardSelected(true); });
    connect(m_ui->handOverButton, &QPushButton::clicked, this, &DraftsPage::askHandOver);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DraftsPage::updateButtons);
    reload();
}

DraftsPage::~DraftsPage() = default;

QTableView *DraftsPage::view() const
{
    return m_ui->drafts;
}

void DraftsPage::activate()
{
    if (m_proxy->rowCount() > 0)
        m_ui->drafts->setFocus(Qt::OtherFocusReason);
    else
        m_ui->newButton->setFocus(Qt::OtherFocusReason);
}

void DraftsPage::reload()
{
    const QString selected = selectedDraftId();
    auto drafts = DraftRepository(m_store).list();
    if (!drafts) {
        qCWarning(lcIntake) << "drafts list failed, error code" << int(drafts.error().code);
        m_ui->emptyLabel->setText(
            tr("The drafts could not be read: %1").arg(drafts.error().message));
        m_ui->emptyLabel->show();
        m_model->setDrafts({});
        updateButtons();
        return;
    }
    m_model->setDrafts(drafts.value());
    m_ui->emptyLabel->setVisible(drafts->isEmpty());
    m_ui->emptyLabel->setText(tr("No unfinished intakes. Start a new one."));
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(DraftListModel::DraftIdRole).toString() == selected || selected.isEmpty()) {
            m_ui->drafts->selectRow(row);
            break;
        }
    }
    updateButtons();
}

QString DraftsPage::selectedDraftId() const
{
    const QModelIndexList rows = m_ui->drafts->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(DraftListModel::DraftIdRole).toString();
}

void DraftsPage::updateButtons()
{
    const bool any = !selectedDraftId().isEmpty();
    m_ui->resumeButton->setEnabled(any);
    m_ui->discardButton->setEnabled(any);
    m_ui->handOverButton->setEnabled(any);
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
