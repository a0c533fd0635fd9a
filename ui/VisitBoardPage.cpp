#include "VisitBoardPage.h"

#include "PageStyle.h"
#include "VisitBoardModel.h"
#include "VisitStatusStyle.h"
#include "base/Logging.h"
#include "store/LocalStore.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace clinicdesk {

namespace {

using Status = VisitStateMachine::Status;

constexpr int kAllStatuses = -2;
constexpr int kNeedsAttention = -1;
const QDate kAnyDate(2000, 1, 1); // the date edits' "Any" (special value) position

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

QDateEdit *makeDateEdit(QWidget *parent, const QString &accessibleName)
{
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kAnyDate);
    edit->setSpecialValueText(VisitBoardPage::tr("Any"));
    edit->setDate(kAnyDate);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

VisitBoardPage::VisitBoardPage(LocalStore &store, AuditLog *audit, const QString &userName,
                               QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_audit(audit)
    , m_source(std::make_unique<VisitBoardSource>(store, userName))
    , m_model(new VisitBoardModel(m_source.get(), this))
    , m_proxy(new VisitBoardProxy(this))
    , m_view(new QTableView(this))
    , m_title(new QLabel(tr("Visits"), this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_statusGroup(new QButtonGroup(this))
    , m_search(new QLineEdit(this))
    , m_searchButton(new QPushButton(tr("Fin&d"), this))
    , m_clearSearchButton(new QPushButton(tr("Show &all"), this))
    , m_typeFilter(new QComboBox(this))
    , m_staffFilter(new QComboBox(this))
    , m_from(makeDateEdit(this, tr("Submitted from")))
    , m_to(makeDateEdit(this, tr("Submitted until")))
    , m_attentionFirst(new QCheckBox(tr("Needs attention &first"), this))
    , m_openButton(new QPushButton(tr("Op&en visit"), this))
    , m_waitingButton(new QPushButton(tr("&Waiting for patient"), this))
    , m_attentionTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("VisitBoardPage"));
    m_proxy->setBoardModel(m_model);
    PageStyle::makeTitle(m_title);

    m_view->setObjectName(QStringLiteral("boardView"));
    m_view->setAccessibleName(tr("Visits"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    m_view->verticalHeader()->hide();
    // Uniform rows: the view never measures 100,000 of them.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    // The patient column takes the slack; the others fit their longest usual content.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(VisitBoardModel::PatientColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(VisitBoardModel::TypeColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
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
        m_view->setColumnWidth(column, widths[column]);
    m_view->sortByColumn(VisitBoardModel::UpdatedColumn, Qt::DescendingOrder);

    m_summary->setObjectName(QStringLiteral("boardSummary"));
    m_message->setObjectName(QStringLiteral("boardMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addStretch(1);
    titleRow->addWidget(m_summary);
    layout->addLayout(titleRow);

    // Status filters with their counts: one exclusive row, reachable with Tab, arrows inside.
    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(4);
    auto addStatusButton = [&](int id, const QIcon &icon) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        if (!icon.isNull())
            button->setIcon(icon);
        m_statusGroup->addButton(button, id);
        m_statusButtons.insert(id, button);
        statusRow->addWidget(button);
    };
    addStatusButton(kAllStatuses, {});
    addStatusButton(kNeedsAttention, VisitStatusStyle::attentionIcon());
    for (const Status status : boardStatuses())
        addStatusButton(int(status), VisitStatusStyle::icon(status));
    statusRow->addStretch(1);
    m_statusButtons.value(kAllStatuses)->setChecked(true);
    layout->addLayout(statusRow);

    buildFilters();
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_openButton);
    actionRow->addWidget(m_waitingButton);
    actionRow->addStretch(1);
    actionRow->addWidget(m_attentionFirst);
    layout->addLayout(actionRow);

    m_attentionFirst->setChecked(true);
    m_openButton->setObjectName(QStringLiteral("openVisitButton"));
    m_waitingButton->setObjectName(QStringLiteral("waitingForPatientButton"));
    m_waitingButton->setToolTip(tr("Mark that the clinic asked the patient for what the "
                                   "clinician needs (or clear that mark)"));

    connect(m_statusGroup, &QButtonGroup::idClicked, this, &VisitBoardPage::applyStatusFilter);
    connect(m_attentionFirst, &QCheckBox::toggled, m_proxy, &VisitBoardProxy::setAttentionFirst);
    connect(m_view, &QTableView::activated, this, &VisitBoardPage::openCurrent);
    connect(m_openButton, &QPushButton::clicked, this, &VisitBoardPage::openCurrent);
    connect(m_waitingButton, &QPushButton::clicked, this, &VisitBoardPage::toggleWaitingForPatient);
    connect(m_model, &VisitBoardModel::countsChanged, this, &VisitBoardPage::updateCounts);
    connect(m_model, &VisitBoardModel::filterChoicesChanged, this,
            &VisitBoardPage::updateFilterChoices);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &VisitBoardPage::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &VisitBoardPage::updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &VisitBoardPage::updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &VisitBoardPage::updateCounts);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &VisitBoardPage::updateActions);
    // Sorting by patient opens every name once (they are not in memory until shown).
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
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
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_attentionTimer->setInterval(60 * 1000);
    connect(m_attentionTimer, &QTimer::timeout, this, &VisitBoardPage::refreshAttention);
    m_attentionTimer->start();
    updateActions();
}

VisitBoardPage::~VisitBoardPage() = default;

void VisitBoardPage::buildFilters()
{
    auto *row = new QHBoxLayout;
    auto *searchLabel = new QLabel(tr("Find &patient:"), this);
    searchLabel->setBuddy(m_search);
    m_search->setObjectName(QStringLiteral("boardSearch"));
    m_search->setPlaceholderText(tr("Phone, or name and date of birth (MM/DD/YYYY)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(m_search->placeholderText()) + 24);
    row->addWidget(searchLabel);
    row->addWidget(m_search);
    row->addWidget(m_searchButton);
    row->addWidget(m_clearSearchButton);
    m_clearSearchButton->setEnabled(false);
    connect(m_search, &QLineEdit::returnPressed, this, &VisitBoardPage::search);
    connect(m_searchButton, &QPushButton::clicked, this, &VisitBoardPage::search);
    connect(m_clearSearchButton, &QPushButton::clicked, this, &VisitBoardPage::clearSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty() && m_clearSearchButton->isEnabled())
            clearSearch();
    });

    auto *filterRow = new QHBoxLayout;
    auto *typeLabel = new QLabel(tr("&Visit type:"), this);
    typeLabel->setBuddy(m_typeFilter);
    m_typeFilter->setObjectName(QStringLiteral("typeFilter"));
    row->addStretch(1);
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
    row = filterRow;
    row->addWidget(typeLabel);
    row->addWidget(m_typeFilter);
    connect(m_typeFilter, &QComboBox::activated, this,
            [this] { m_proxy->setVisitType(m_typeFilter->currentData().toString()); });

    auto *staffLabel = new QLabel(tr("Submitted &by:"), this);
    staffLabel->setBuddy(m_staffFilter);
    m_staffFilter->setObjectName(QStringLiteral("staffFilter"));
    row->addWidget(staffLabel);
    row->addWidget(m_staffFilter);
    connect(m_staffFilter, &QComboBox::activated, this,
            [this] { m_proxy->setSubmittedBy(m_staffFilter->currentData().toString()); });

    auto *fromLabel = new QLabel(tr("F&rom:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    row->addSpacing(12);
    row->addWidget(fromLabel);
    row->addWidget(m_from);
    row->addWidget(toLabel);
    row->addWidget(m_to);
    row->addStretch(1);
    connect(m_from, &QDateEdit::dateChanged, this, &VisitBoardPage::applyDates);
    connect(m_to, &QDateEdit::dateChanged, this, &VisitBoardPage::applyDates);

    static_cast<QVBoxLayout *>(layout())->addLayout(row);
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
    m_view->sortByColumn(m_view->horizontalHeader()->sortIndicatorSection(),
                         m_view->horizontalHeader()->sortIndicatorOrder());
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
        m_view->setFocus(Qt::OtherFocusReason);
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_proxy->index(0, 0));
    } else {
        m_search->setFocus(Qt::OtherFocusReason);
    }
}

QString VisitBoardPage::currentVisitId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(VisitBoardModel::VisitIdRole).toString() : QString();
}

void VisitBoardPage::search()
{
    const BoardSearch query = BoardSearch::parse(m_search->text());
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
    m_clearSearchButton->setEnabled(true);
    report(found->isEmpty() ? tr("No patient matches this search.") : QString());
    updateCounts();
}

void VisitBoardPage::clearSearch()
{
    m_proxy->setPatients(std::nullopt);
    m_clearSearchButton->setEnabled(false);
    if (!m_search->text().isEmpty())
        m_search->clear();
    report({});
    updateCounts();
}

void VisitBoardPage::applyStatusFilter(int id)
{
    m_proxy->setAttentionOnly(id == kNeedsAttention);
    m_proxy->setStatus(id >= 0 ? std::optional<Status>(Status(id)) : std::nullopt);
    updateCounts();
}

void VisitBoardPage::applyDates()
{
    const QDate from = m_from->date() == kAnyDate ? QDate() : m_from->date();
    const QDate to = m_to->date() == kAnyDate ? QDate() : m_to->date();
    m_proxy->setDateRange(from, to);
    updateCounts();
}

void VisitBoardPage::updateCounts()
{
    const auto counts = m_model->countsByStatus();
    const int total = m_model->rowCount();
    const int unread = m_model->unreadCount();
    const int attention = m_model->attentionCount();
    m_statusButtons.value(kAllStatuses)->setText(tr("All (%L1)").arg(total));
    QToolButton *attentionButton = m_statusButtons.value(kNeedsAttention);
    attentionButton->setText(unread
                                 ? tr("Needs attention (%L1, %L2 new)").arg(attention).arg(unread)
                                 : tr("Needs attention (%L1)").arg(attention));
    QFont font = attentionButton->font();
    font.setBold(unread > 0);
    attentionButton->setFont(font);
    for (const Status status : boardStatuses())
        m_statusButtons.value(int(status))
            ->setText(tr("%1 (%L2)").arg(VisitStatusStyle::text(status)).arg(counts.value(status)));
    m_summary->setText(tr("Showing %L1 of %L2 visits").arg(m_proxy->rowCount()).arg(total));
    // Seen marks and time-based changes move the unread count too: the window's counter follows.
    if (unread != m_lastUnread) {
        m_lastUnread = unread;
        Q_EMIT unreadCountChanged(unread);
    }
}

void VisitBoardPage::updateFilterChoices()
{
    const QString type = m_typeFilter->currentData().toString();
    m_typeFilter->clear();
    m_typeFilter->addItem(tr("All types"), QString());
    for (const QString &code : m_model->visitTypes())
        m_typeFilter->addItem(m_model->typeTitle(code), code);
    if (const int at = m_typeFilter->findData(type); at >= 0)
        m_typeFilter->setCurrentIndex(at);

    const QString staff = m_staffFilter->currentData().toString();
    m_staffFilter->clear();
    m_staffFilter->addItem(tr("Anyone"), QString());
    for (const QString &name : m_model->staffNames())
        m_staffFilter->addItem(name, name);
    if (const int at = m_staffFilter->findData(staff); at >= 0)
        m_staffFilter->setCurrentIndex(at);
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
    m_openButton->setEnabled(at >= 0);
    const bool canWait = at >= 0 && m_model->rowAt(at).status == Status::NeedsInfo;
    m_waitingButton->setEnabled(canWait);
    m_waitingButton->setText(canWait && m_model->rowAt(at).waitingForPatientSinceMs
                                 ? tr("No longer &waiting for patient")
                                 : tr("&Waiting for patient"));
}

void VisitBoardPage::report(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

} // namespace clinicdesk
