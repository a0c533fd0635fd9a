#include "VisitBoardModel.h"

#include "VisitStatusStyle.h"
#include "base/Logging.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace clinicdesk {

namespace {

using Status = VisitStateMachine::Status;

QString formatTime(qint64 ms)
{
    if (!ms)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toLocalTime(),
                              QLocale::ShortFormat);
}

} // namespace

VisitBoardModel::VisitBoardModel(VisitBoardSource *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    for (const Status status :
         {Status::Draft, Status::Queued, Status::Submitted, Status::NeedsInfo, Status::Prescribed,
          Status::Referred, Status::Canceled, Status::Rejected})
        m_statusIcons.insert(int(status), VisitStatusStyle::icon(status));
    m_attentionIcon = VisitStatusStyle::attentionIcon();
    m_boldFont.setBold(true);
}

VisitBoardModel::~VisitBoardModel() = default;

void VisitBoardModel::setRules(const AttentionRules &rules)
{
    m_rules = rules;
}

void VisitBoardModel::setTypeTitles(const QHash<QString, QString> &titles)
{
    m_typeTitles = titles;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TypeColumn), index(rowCount() - 1, TypeColumn));
}

QString VisitBoardModel::typeTitle(const QString &code) const
{
    return m_typeTitles.value(code, code);
}

void VisitBoardModel::setAttention(VisitBoardRow &row, bool wasUnread, qint64 nowMs,
                                   QStringList *becameUnread)
{
    row.computeAttention(m_rules, nowMs);
    if (row.unread() && !wasUnread)
        becameUnread->append(row.visitId);
}

void VisitBoardModel::setRows(QList<VisitBoardRow> rows, qint64 nowMs)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_index.clear(); // rebuilt on first use (rowOf)
    for (VisitBoardRow &row : m_rows)
        row.computeAttention(m_rules, nowMs);
    endResetModel();
    recount();
}

QStringList VisitBoardModel::upsertRows(const QList<VisitBoardRow> &rows, qint64 nowMs)
{
    QStringList becameUnread;
    QList<VisitBoardRow> added;
    for (const VisitBoardRow &incoming : rows) {
        const int at = rowOf(incoming.visitId);
        if (at < 0 || at >= m_rows.size()) {
            VisitBoardRow row = incoming;
            setAttention(row, false, nowMs, &becameUnread);
            added.append(std::move(row));
            continue;
        }
        VisitBoardRow &row = m_rows[at];
        const bool wasUnread = row.unread();
        row = incoming;
        setAttention(row, wasUnread, nowMs, &becameUnread);
        Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        for (VisitBoardRow &row : added) {
            m_index.insert(row.visitId, int(m_rows.size()));
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }
    recount();
    return becameUnread;
}

QStringList VisitBoardModel::refreshAttention(qint64 nowMs)
{
    QStringList becameUnread;
    bool changed = false;
    for (int i = 0; i < m_rows.size(); ++i) {
        const quint8 before = m_rows[i].attention;
        setAttention(m_rows[i], m_rows[i].unread(), nowMs, &becameUnread);
        if (m_rows[i].attention != before) {
            changed = true;
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
    }
    if (changed)
        recount();
    return becameUnread;
}

void VisitBoardModel::markSeen(const QString &visitId, qint64 atMs)
{
    const int at = rowOf(visitId);
    if (at < 0)
        return;
    m_rows[at].seenAtMs = std::max(atMs, m_rows[at].updatedAtMs);
    Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
    recount();
}

int VisitBoardModel::rowOf(const QString &visitId) const
{
    if (m_index.size() != m_rows.size()) {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_rows.at(i).visitId, i);
    }
    return m_index.value(visitId, -1);
}

void VisitBoardModel::recount()
{
    int counts[int(Status::Rejected) + 1] = {};
    int attention = 0, unread = 0;
    QStringList types, staff;
    // Rows share their (interned) type and staff strings: compare data pointers, not text.
    auto note = [](QStringList &seen, const QString &text) {
        for (const QString &known : std::as_const(seen))
            if (known.isSharedWith(text) || known == text)
                return;
        seen.append(text);
    };
    for (const VisitBoardRow &row : std::as_const(m_rows)) {
        ++counts[int(row.status)];
        attention += row.needsAttention();
        unread += row.unread();
        note(types, row.visitType);
        note(staff, row.createdBy);
    }
    types.sort();
    staff.sort(Qt::CaseInsensitive);
    const bool choicesChanged = types != m_visitTypes || staff != m_staffNames;
    m_visitTypes = types;
    m_staffNames = staff;
    m_counts.clear();
    for (int status = 0; status <= int(Status::Rejected); ++status)
        if (counts[status])
            m_counts.insert(Status(status), counts[status]);
    m_attentionCount = attention;
    m_unreadCount = unread;
    Q_EMIT countsChanged();
    if (choicesChanged)
        Q_EMIT filterChoicesChanged();
}

int VisitBoardModel::attentionCount() const
{
    return m_attentionCount;
}

int VisitBoardModel::unreadCount() const
{
    return m_unreadCount;
}

QHash<Status, int> VisitBoardModel::countsByStatus() const
{
    return m_counts;
}

QStringList VisitBoardModel::visitTypes() const
{
    return m_visitTypes;
}

QStringList VisitBoardModel::staffNames() const
{
    return m_staffNames;
}

QString VisitBoardModel::patientName(int row) const
{
    const QString &id = m_rows.at(row).patientId;
    const auto cached = m_names.constFind(id);
    if (cached != m_names.cend())
        return *cached;
    if (!m_source)
        return id;
    auto name = m_source->patientName(id);
    if (!name) {
        // A value that fails authentication is reported, never shown as garbage.
        qCWarning(lcUi) << "board: the name of patient" << id
                        << "cannot be opened:" << name.error().message;
        return m_names.insert(id, tr("(cannot be read)")).value();
    }
    return m_names.insert(id, name.value()).value();
}

bool VisitBoardModel::loadAllPatientNames(QString *error)
{
    if (m_allNamesLoaded || !m_source)
        return true;
    auto names = m_source->allPatientNames();
    if (!names) {
        if (error)
            *error = names.error().message;
        return false;
    }
    m_names = std::move(names).value();
    m_allNamesLoaded = true;
    return true;
}

void VisitBoardModel::clearPatientNames()
{
    m_names.clear();
    m_names.squeeze();
    m_allNamesLoaded = false;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, PatientColumn), index(rowCount() - 1, PatientColumn));
}

int VisitBoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VisitBoardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VisitBoardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VisitBoardRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (column) {
        case PatientColumn:
            // Unread rows are bold: a screen reader hears "new" instead.
            if (role == Qt::AccessibleTextRole && row.unread())
                return tr("%1, new").arg(patientName(index.row()));
            return patientName(index.row());
        case TypeColumn:
            return typeTitle(row.visitType);
        case StatusColumn:
            if (role == Qt::AccessibleTextRole && row.needsAttention())
                return tr("%1, needs attention: %2")
                    .arg(VisitStatusStyle::text(row.status),
                         VisitStatusStyle::attentionText(row.attention));
            return VisitStatusStyle::text(row.status);
        case RxColumn:
            return VisitStatusStyle::text(row.rx);
        case WaitingColumn:
            return VisitStatusStyle::text(row.waitingFor());
        case SubmittedByColumn:
            return row.createdBy;
        case SubmittedAtColumn:
            return formatTime(row.createdAtMs);
        case UpdatedColumn:
            return formatTime(row.updatedAtMs);
        }
        return {};
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return m_statusIcons.value(int(row.status));
        if (column == PatientColumn && row.needsAttention())
            return m_attentionIcon;
        return {};
    case Qt::ToolTipRole:
        if (row.needsAttention())
            return tr("Needs attention: %1").arg(VisitStatusStyle::attentionText(row.attention));
        return {};
    case Qt::BackgroundRole:
        if (column == StatusColumn)
            return VisitStatusStyle::tint(row.status);
        return {};
    case Qt::FontRole:
        return row.unread() ? QVariant(m_boldFont) : QVariant();
    case VisitIdRole:
        return row.visitId;
    case AttentionRole:
        return int(row.attention);
    case UnreadRole:
        return row.unread();
    case SortRole:
        switch (column) {
        case PatientColumn:
            return patientName(index.row());
        case TypeColumn:
            return typeTitle(row.visitType);
        case StatusColumn:
            return int(row.status);
        case RxColumn:
            return int(row.rx);
        case WaitingColumn:
            return int(row.waitingFor());
        case SubmittedByColumn:
            return row.createdBy;
        case SubmittedAtColumn:
            return row.createdAtMs;
        case UpdatedColumn:
            return row.updatedAtMs;
        }
        return {};
    }
    return {};
}

QVariant VisitBoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PatientColumn:
        return tr("Patient");
    case TypeColumn:
        return tr("Visit type");
    case StatusColumn:
        return tr("Status");
    case RxColumn:
        return tr("Prescription");
    case WaitingColumn:
        return tr("Waiting for");
    case SubmittedByColumn:
        return tr("Submitted by");
    case SubmittedAtColumn:
        return tr("Submitted at");
    case UpdatedColumn:
        return tr("Last update");
    }
    return {};
}

} // namespace clinicdesk
