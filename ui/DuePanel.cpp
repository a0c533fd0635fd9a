#include "DuePanel.h"
#include "ui_DuePanel.h"

#include "DueListModel.h"
#include "FilterChip.h"
#include "visits/VisitBoard.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace clinicdesk {

namespace {

constexpr int kAllKinds = -1;

} // namespace

DuePanel::DuePanel(LocalStore &store, VisitBoardSource *names, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DuePanel>())
    , m_store(store)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_model(new DueListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_kinds(new QButtonGroup(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("DuePanel"));
    m_ui->dueMessage->hide();
    if (names)
        m_model->setNameLookup([names](const QString &patientId) {
            auto name = names->patientName(patientId);
            return name ? name.value() : tr("(name cannot be shown)");
        });
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DueListModel::SortRole);
    m_proxy->setFilterRole(DueListModel::KindRole);
    m_proxy->setFilterKeyColumn(0);

    QTableView *view = m_ui->dueView;
    view->setModel(m_proxy);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = view->horizontalHeader();
    // The patient takes the slack; the others fit their texts in the user's language (the list
    // holds the due patients only, not every visit).
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DueListModel::PatientColumn, QHeaderView::Stretch);
    view->sortByColumn(DueListModel::DaysLeftColumn, Qt::AscendingOrder);

    const std::pair<int, FilterChip *> chips[] = {
        {kAllKinds, m_ui->allDue},
        {int(DueList::Kind::Titration), m_ui->titrationDue},
        {int(DueList::Kind::Checkin), m_ui->checkinDue},
        {int(DueList::Kind::ProgrammeEnded), m_ui->endedDue}};
    for (const auto &[id, chip] : chips) {
        m_kinds->addButton(chip, id);
        m_chips.insert(id, chip);
    }
    m_ui->allDue->setChecked(true);
    connect(m_kinds, &QButtonGroup::idClicked, this, &DuePanel::showKind);
    // One Tab stop for the chips, on the chosen one (arrows move inside), as on the board.
    auto rovingFocus = [this] {
        for (FilterChip *chip : std::as_const(m_chips))
            chip->setFocusPolicy(chip->isChecked() ? Qt::TabFocus : Qt::ClickFocus);
    };
    rovingFocus();
    connect(m_kinds, &QButtonGroup::idToggled, this, rovingFocus);

    connect(view, &QTableView::activated, this, &DuePanel::openCurrent);
    connect(m_ui->openDueButton, &QPushButton::clicked, this, &DuePanel::openCurrent);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DuePanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DuePanel::updateActions);
    setTabOrder(m_ui->allDue, view);
    setTabOrder(view, m_ui->openDueButton);
    updateCounts();
    updateActions();
}

DuePanel::~DuePanel() = default;

QTableView *DuePanel::view() const
{
    return m_ui->dueView;
}

void DuePanel::reload()
{
    auto due = DueList::compute(m_store, m_clock());
    if (!due) {
        m_ui->dueMessage->announce(
            tr("What is due could not be computed: %1").arg(due.error().message));
        return;
    }
    m_ui->dueMessage->announce({});
    m_counts = due->counts();
    m_model->forgetNames();
    m_model->setItems(due->items());
    m_ui->dueView->sortByColumn(m_ui->dueView->horizontalHeader()->sortIndicatorSection(),
                                m_ui->dueView->horizontalHeader()->sortIndicatorOrder());
    updateCounts();
    updateActions();
    Q_EMIT countsChanged(m_counts);
}

void DuePanel::activate()
{
    QTableView *view = m_ui->dueView;
    if (m_proxy->rowCount() == 0) {
        m_kinds->checkedButton()->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!view->currentIndex().isValid())
        view->selectionModel()->setCurrentIndex(
            m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->setFocus(Qt::OtherFocusReason);
}

void DuePanel::showKind(int kind)
{
    if (QAbstractButton *chip = m_kinds->button(kind); chip && !chip->isChecked())
        chip->setChecked(true);
    m_proxy->setFilterFixedString(kind == kAllKinds ? QString() : QString::number(kind));
    updateCounts();
    updateActions();
}

QString DuePanel::currentVisitId() const
{
    const QModelIndex current = m_ui->dueView->currentIndex();
    return current.isValid() ? current.data(DueListModel::VisitIdRole).toString() : QString();
}

void DuePanel::updateCounts()
{
    const DueList::Counts &c = m_counts;
    m_ui->allDue->setText(tr("All due (%L1)").arg(c.total()));
    m_ui->titrationDue->setText(tr("Next titration (%L1)").arg(c.titration));
    m_ui->checkinDue->setText(tr("Check-in (%L1)").arg(c.checkin));
    m_ui->endedDue->setText(tr("Programme ended (%L1)").arg(c.ended));
    m_ui->dueSummary->setText(
        m_proxy->rowCount() == 0
            ? tr("Nothing is due.")
            : tr("Showing %L1 of %L2").arg(m_proxy->rowCount()).arg(c.total()));
}

void DuePanel::openCurrent()
{
    const QString id = currentVisitId();
    if (!id.isEmpty())
        Q_EMIT openVisitRequested(id);
}

void DuePanel::updateActions()
{
    m_ui->openDueButton->setEnabled(!currentVisitId().isEmpty());
}

} // namespace clinicdesk
