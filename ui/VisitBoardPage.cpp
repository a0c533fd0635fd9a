#include "VisitBoardPage.h"
#include "ui_VisitBoardPage.h"

#include "DuePanel.h"
#include "FilterChip.h"
#include "PageStyle.h"
#include "VisitBoardModel.h"
#include "VisitBoardProxy.h"
#include "VisitStatusStyle.h"
#include "base/Logging.h"
#include "store/LocalStore.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QShortcut>
#include <QTimer>

namespace clinicdesk {

namespace {

using Status = VisitStateMachine::Status;

constexpr int kAllStatuses = -2;
constexpr int kNeedsAttention = -1;
constexpr int kDue = -3;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

const QList<Status> &boardStatuses()
{
    static const QList<Status> all = {Status::Queued,     Status::Submitted, Status::NeedsInfo,
                                      Status::Prescribed, Status::Referred,  Status::Canceled,
                                      Status::Rejected};
    return all;
}

} // namespace

VisitBoardPage::VisitBoardPage(LocalStore &store, AuditLog *audit, const QString &userName,
                               QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::VisitBoardPage>())
    , m_store(store)
    , m_audit(audit)
    , m_source(std::make_unique<VisitBoardSource>(store, userName))
    , m_model(new VisitBoardModel(m_source.get(), this))
    , m_proxy(new VisitBoardProxy(this))
    , m_statusGroup(new QButtonGroup(this))
    , m_attentionTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("VisitBoardPage"));
    m_proxy->setBoardModel(m_model);
    PageStyle::makeTitle(m_ui->title);
    m_ui->boardMessage->hide();
    setUpView();
    setUpFilters();
    setUpDue();

    connect(m_ui->attentionFirst, &QCheckBox::toggled, m_proxy,
            &VisitBoardProxy::setAttentionFirst);
    connect(m_ui->boardView, &QTableView::activated, this, &VisitBoardPage::openCurrent);
    connect(m_ui->openVisitButton, &QPushButton::clicked, this, &VisitBoardPage::openCurrent);
    connect(m_ui->waitingForPatientButton, &QPushButton::clicked, this,
            &VisitBoardPage::toggleWaitingForPatient);
    connect(m_model, &VisitBoardModel::countsChanged, this, &VisitBoardPage::updateCounts);
    connect(m_model, &VisitBoardModel::filterChoicesChanged, this,
            &VisitBoardPage::updateFilterChoices);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &VisitBoardPage::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &VisitBoardPage::updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &VisitBoardPage::updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &VisitBoardPage::updateCounts);
    connect(m_ui->boardView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &VisitBoardPage::updateActions);
    // Sorting by patient opens every name once (they are not in memory until shown).
    connect(m_ui->boardView->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder) {
                if (column != VisitBoardModel::PatientColumn)
                    return;
                QString error;
                if (!m_model->loadAllPatientNames(&error))
                    report(tr("Some patient names could not be read: %1").arg(error));
            });

    // Ctrl+F from anywhere on the board goes to the patient search.
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->boardSearch->setFocus(Qt::ShortcutFocusReason);
        m_ui->boardSearch->selectAll();
    });

    m_attentionTimer->setInterval(60 * 1000);
    connect(m_attentionTimer, &QTimer::timeout, this, &VisitBoardPage::refreshAttention);
    m_attentionTimer->start();
    updateActions();
}

VisitBoardPage::~VisitBoardPage() = default;

QTableView *VisitBoardPage::view() const
{
    return m_ui->boardView;
}

QLineEdit *VisitBoardPage::searchField() const
{
    return m_ui->boardSearch;
}

void VisitBoardPage::setUpView()
{
    QTableView *view = m_ui->boardView;
    view->setModel(m_proxy);
    // Uniform rows: the view never measures 100,000 of them.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    // The patient and type columns take the slack; the others fit their longest usual content
    // ("Submitted by" follows the names actually present: updateFilterChoices()).
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(VisitBoardModel::PatientColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(VisitBoardModel::TypeColumn, QHeaderView::Stretch);
    QFont bold = font(); // unread rows are bold: size for them
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    const int timeWidth =
        metrics.horizontalAdvance(QLocale().toString(
            QDateTime(QDate(2026, 12, 28), QTime(22, 59, 59)), QLocale::ShortFormat)) +
        2 * em;
    const int widths[] = {0, 0, 13 * em, 9 * em, 7 * em, 9 * em, timeWidth, timeWidth};
    for (int column = 2; column < VisitBoardModel::ColumnCount; ++column)
        view->setColumnWidth(column, widths[column]);
    view->sortByColumn(VisitBoardModel::UpdatedColumn, Qt::DescendingOrder);
}

void VisitBoardPage::setUpFilters()
{
    // Status filters with their counts: one exclusive group, arrows inside.
    const std::pair<int, FilterChip *> chips[] = {{kAllStatuses, m_ui->allFilter},
                                                  {kNeedsAttention, m_ui->attentionFilter},
                                                  {int(Status::Queued), m_ui->queuedFilter},
                                                  {int(Status::Submitted), m_ui->submittedFilter},
                                                  {int(Status::NeedsInfo), m_ui->needsInfoFilter},
                                                  {int(Status::Prescribed), m_ui->prescribedFilter},
                                                  {int(Status::Referred), m_ui->referredFilter},
                                                  {int(Status::Canceled), m_ui->canceledFilter},
                                                  {int(Status::Rejected), m_ui->rejectedFilter}};
    for (const auto &[id, chip] : chips) {
        if (id == kNeedsAttention)
            chip->setIcon(VisitStatusStyle::attentionIcon());
        else if (id >= 0)
            chip->setIcon(VisitStatusStyle::icon(Status(id)));
        m_statusGroup->addButton(chip, id);
        m_statusButtons.insert(id, chip);
    }
    m_ui->allFilter->setChecked(true);
    connect(m_statusGroup, &QButtonGroup::idClicked, this, &VisitBoardPage::applyStatusFilter);
    // One Tab stop for the group, on the chosen filter, as for radio buttons: Tab and Shift+Tab
    // enter the group there, the arrow keys move (and choose) inside it.
    auto rovingFocus = [this] {
        for (FilterChip *chip : std::as_const(m_statusButtons))
            chip->setFocusPolicy(chip->isChecked() ? Qt::TabFocus : Qt::ClickFocus);
    };
    rovingFocus();
    connect(m_statusGroup, &QButtonGroup::idToggled, this, rovingFocus);

    QLineEdit *search = m_ui->boardSearch;
    search->setMinimumWidth(fontMetrics().horizontalAdvance(search->placeholderText()) + 24);
    m_ui->showAllButton->setEnabled(false);
    connect(search, &QLineEdit::returnPressed, this, &VisitBoardPage::search);
    connect(m_ui->findButton, &QPushButton::clicked, this, &VisitBoardPage::search);
    connect(m_ui->showAllButton, &QPushButton::clicked, this, &VisitBoardPage::clearSearch);
    connect(search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty() && m_ui->showAllButton->isEnabled())
            clearSearch();
    });
    connect(m_ui->typeFilter, &QComboBox::activated, this,
            [this] { m_proxy->setVisitType(m_ui->typeFilter->currentData().toString()); });
    connect(m_ui->staffFilter, &QComboBox::activated, this,
            [this] { m_proxy->setSubmittedBy(m_ui->staffFilter->currentData().toString()); });
    for (DateField *date : {m_ui->fromDate, m_ui->toDate}) {
        date->setAnyAllowed(true);
        connect(date, &QDateEdit::dateChanged, this, &VisitBoardPage::applyDates);
    }
}

void VisitBoardPage::setAttentionRules(const AttentionRules &rules)
{
    m_model->setRules(rules);
    refreshAttention();
}

void VisitBoardPage::setTypeTitles(const QHash<QString, QString> &titles)
{
    m_model->setTypeTitles(titles);
    updateFilterChoices();
}

void VisitBoardPage::reloadAll()
{
    auto rows = m_source->loadAll();
    if (!rows) {
        report(tr("The visits could not be read: %1").arg(rows.error().message));
        return;
    }
    m_model->setRows(std::move(rows).value(), nowMs());
    m_due->reload();
    m_ui->boardView->sortByColumn(m_ui->boardView->horizontalHeader()->sortIndicatorSection(),
                                  m_ui->boardView->horizontalHeader()->sortIndicatorOrder());
    updateActions();
}

void VisitBoardPage::visitsChanged(const QStringList &visitIds)
{
    if (visitIds.isEmpty())
        return;
    auto rows = m_source->load(visitIds);
    if (!rows) {
        report(tr("Updated visits could not be read: %1").arg(rows.error().message));
        return;
    }
    announce(m_model->upsertRows(rows.value(), nowMs()));
    updateActions();
    scheduleDueReload();
}

void VisitBoardPage::markSeen(const QString &visitId)
{
    if (auto seen = m_source->markSeen(visitId); !seen) {
        qCWarning(lcUi) << "board: seen mark not saved:" << seen.error().message;
        return;
    }
    m_model->markSeen(visitId, nowMs());
}

void VisitBoardPage::refreshAttention()
{
    announce(m_model->refreshAttention(nowMs()));
    scheduleDueReload(); // a day may have passed
}

void VisitBoardPage::announce(const QStringList &becameUnread)
{
    // The unread count itself follows the model's countsChanged (updateCounts).
    if (!becameUnread.isEmpty())
        Q_EMIT attentionArrived(becameUnread, m_model->unreadCount());
}

int VisitBoardPage::unreadCount() const
{
    return m_model->unreadCount();
}

void VisitBoardPage::activate()
{
    if (m_proxy->rowCount() > 0) {
        // The first row current and selected, so the keyboard's place shows (and is said).
        if (!m_ui->boardView->currentIndex().isValid())
            m_ui->boardView->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                               QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
        m_ui->boardView->setFocus(Qt::OtherFocusReason);
    } else {
        m_ui->boardSearch->setFocus(Qt::OtherFocusReason);
    }
}

QString VisitBoardPage::currentVisitId() const
{
    const QModelIndex current = m_ui->boardView->currentIndex();
    return current.isValid() ? current.data(VisitBoardModel::VisitIdRole).toString() : QString();
}

void VisitBoardPage::search()
{
    const BoardSearch query = BoardSearch::parse(m_ui->boardSearch->text());
    if (query.kind == BoardSearch::Kind::Empty) {
        clearSearch();
        return;
    }
    if (query.kind == BoardSearch::Kind::Invalid) {
        report(tr("To find a patient, type a 10-digit phone number, or a first and last name "
                  "with the date of birth (for example: Ana Ruiz 03/14/1985)."));
        return;
    }
    auto found = m_source->findPatients(query, m_audit);
    if (!found) {
        report(tr("The search failed: %1").arg(found.error().message));
        return;
    }
    m_proxy->setPatients(found.value());
    m_ui->showAllButton->setEnabled(true);
    report(found->isEmpty() ? tr("No patient matches this search.") : QString());
    updateCounts();
}

void VisitBoardPage::clearSearch()
{
    m_proxy->setPatients(std::nullopt);
    m_ui->showAllButton->setEnabled(false);
    if (!m_ui->boardSearch->text().isEmpty())
        m_ui->boardSearch->clear();
    report({});
    updateCounts();
}

void VisitBoardPage::applyStatusFilter(int id)
{
    showDue(id == kDue);
    if (id == kDue)
        return;
    m_proxy->setAttentionOnly(id == kNeedsAttention);
    m_proxy->setStatus(id >= 0 ? std::optional<Status>(Status(id)) : std::nullopt);
    updateCounts();
}

void VisitBoardPage::applyDates()
{
    m_proxy->setDateRange(m_ui->fromDate->value(), m_ui->toDate->value());
    updateCounts();
}

void VisitBoardPage::updateCounts()
{
    const auto counts = m_model->countsByStatus();
    const int total = m_model->rowCount();
    const int unread = m_model->unreadCount();
    const int attention = m_model->attentionCount();
    m_statusButtons.value(kAllStatuses)->setText(tr("All (%L1)").arg(total));
    FilterChip *attentionButton = m_statusButtons.value(kNeedsAttention);
    attentionButton->setText(unread
                                 ? tr("Needs attention (%L1, %L2 new)").arg(attention).arg(unread)
                                 : tr("Needs attention (%L1)").arg(attention));
    QFont font = attentionButton->font();
    font.setBold(unread > 0);
    attentionButton->setFont(font);
    for (const Status status : boardStatuses())
        m_statusButtons.value(int(status))
            ->setText(tr("%1 (%L2)").arg(VisitStatusStyle::text(status)).arg(counts.value(status)));
    m_ui->boardSummary->setText(
        tr("Showing %L1 of %L2 visits").arg(m_proxy->rowCount()).arg(total));
    // Seen marks and time-based changes move the unread count too: the window's counter follows.
    if (unread != m_lastUnread) {
        m_lastUnread = unread;
        Q_EMIT unreadCountChanged(unread);
    }
}

void VisitBoardPage::updateFilterChoices()
{
    const QString type = m_ui->typeFilter->currentData().toString();
    m_ui->typeFilter->clear();
    m_ui->typeFilter->addItem(tr("All types"), QString());
    for (const QString &code : m_model->visitTypes())
        m_ui->typeFilter->addItem(m_model->typeTitle(code), code);
    if (const int at = m_ui->typeFilter->findData(type); at >= 0)
        m_ui->typeFilter->setCurrentIndex(at);

    // "Submitted by" as wide as the longest name present, so none is cut (bold: unread rows).
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int staffWidth =
        metrics.horizontalAdvance(
            m_model->headerData(VisitBoardModel::SubmittedByColumn, Qt::Horizontal).toString()) +
        metrics.horizontalAdvance(QStringLiteral("MM"));
    for (const QString &name : m_model->staffNames())
        staffWidth = std::max(staffWidth, metrics.horizontalAdvance(name) +
                                              metrics.horizontalAdvance(QStringLiteral("MM")));
    m_ui->boardView->setColumnWidth(VisitBoardModel::SubmittedByColumn, staffWidth);

    const QString staff = m_ui->staffFilter->currentData().toString();
    m_ui->staffFilter->clear();
    m_ui->staffFilter->addItem(tr("Anyone"), QString());
    for (const QString &name : m_model->staffNames())
        m_ui->staffFilter->addItem(name, name);
    if (const int at = m_ui->staffFilter->findData(staff); at >= 0)
        m_ui->staffFilter->setCurrentIndex(at);
}

void VisitBoardPage::openCurrent()
{
    const QString id = currentVisitId();
    if (!id.isEmpty())
        Q_EMIT openVisitRequested(id);
}

void VisitBoardPage::toggleWaitingForPatient()
{
    const QString id = currentVisitId();
    const int at = m_model->rowOf(id);
    if (at < 0)
        return;
    const bool waiting = m_model->rowAt(at).waitingForPatientSinceMs == 0;
    if (auto done = m_source->setWaitingForPatient(id, waiting, m_audit); !done) {
        report(done.error().message);
        return;
    }
    visitsChanged({id});
}

void VisitBoardPage::updateActions()
{
    const int at = m_model->rowOf(currentVisitId());
    m_ui->openVisitButton->setEnabled(at >= 0);
    const bool canWait = at >= 0 && m_model->rowAt(at).status == Status::NeedsInfo;
    m_ui->waitingForPatientButton->setEnabled(canWait);
    m_ui->waitingForPatientButton->setText(canWait && m_model->rowAt(at).waitingForPatientSinceMs
                                               ? tr("No longer &waiting for patient")
                                               : tr("&Waiting for patient"));
}

void VisitBoardPage::report(const QString &message)
{
    m_ui->boardMessage->announce(message);
}

} // namespace clinicdesk
