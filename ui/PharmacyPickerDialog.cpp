#include "PharmacyPickerDialog.h"

#include "StatusMessage.h"
#include "base/Logging.h"
#include "provider/ProviderClient.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace clinicdesk {

namespace {

// A label and its field at (row, column pair) of `grid`.
QLineEdit *addField(QGridLayout *grid, int row, int column, const QString &label,
                    const QString &name, const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(name);
    auto *caption = new QLabel(label, parent);
    caption->setBuddy(edit);
    grid->addWidget(caption, row, column * 2);
    grid->addWidget(edit, row, column * 2 + 1);
    return edit;
}

} // namespace

PharmacyPickerDialog::PharmacyPickerDialog(ProviderClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("pharmacyPicker"));
    setWindowTitle(tr("Choose a pharmacy"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Search the provider's pharmacy list by ZIP code; a name, city "
                                "or state narrows it. Enter searches, the arrows choose, Enter "
                                "picks, Esc cancels."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    // Read row by row: ZIP and name, then city and state (the Tab order too).
    auto *fields = new QGridLayout;
    m_zip = addField(fields, 0, 0, tr("&ZIP code *:"), tr("ZIP code, required"),
                     QStringLiteral("zip"), this);
    m_zip->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,5}")), m_zip));
    m_zip->setPlaceholderText(tr("5 digits"));
    m_name =
        addField(fields, 0, 1, tr("&Name:"), tr("Pharmacy name"), QStringLiteral("name"), this);
    m_city = addField(fields, 1, 0, tr("C&ity:"), tr("City"), QStringLiteral("city"), this);
    m_state = addField(fields, 1, 1, tr("S&tate:"), tr("State"), QStringLiteral("state"), this);
    m_state->setMaxLength(2);
    m_state->setPlaceholderText(tr("e.g. TX"));
    fields->setColumnStretch(1, 1);
    fields->setColumnStretch(3, 1);
    layout->addLayout(fields);

    m_search = new QPushButton(tr("&Search"), this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setAutoDefault(false);
    layout->addWidget(m_search, 0, Qt::AlignLeft);

    auto *listLabel = new QLabel(tr("&Pharmacies found:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("pharmacies"));
    m_list->setAccessibleName(tr("Pharmacies found"));
    m_list->setMinimumHeight(fontMetrics().height() * 10);
    listLabel->setBuddy(m_list);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);

    m_message = new StatusMessage(this);
    m_message->setObjectName(QStringLiteral("pharmacyMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_choose = buttons->addButton(tr("C&hoose"), QDialogButtonBox::AcceptRole);
    m_choose->setObjectName(QStringLiteral("choose"));
    m_cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    // Enter belongs to the field it is typed in: it searches there and picks in the list.
    for (QPushButton *b : {m_choose, m_cancel}) {
        b->setAutoDefault(false);
        b->setDefault(false);
    }
    m_choose->setEnabled(false);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_zip, m_name, m_city, m_state})
        connect(edit, &QLineEdit::returnPressed, this, [this] { search(); });
    connect(m_search, &QPushButton::clicked, this, [this] { search(); });
    connect(m_list, &QListWidget::activated, this, [this] { pick(); });
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this](int row) { m_choose->setEnabled(row >= 0); });
    connect(m_choose, &QPushButton::clicked, this, &PharmacyPickerDialog::pick);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    setTabOrder(m_zip, m_name);
    setTabOrder(m_name, m_city);
    setTabOrder(m_city, m_state);
    setTabOrder(m_state, m_search);
    setTabOrder(m_search, m_list);
    setTabOrder(m_list, m_choose);
    setTabOrder(m_choose, m_cancel);
    if (!m_client)
        m_message->announce(tr("No provider link is running, so the pharmacy list cannot be "
                               "searched now. Type the pharmacy by hand instead."));
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 30);
    m_zip->setFocus(Qt::OtherFocusReason);
}

PharmacyPickerDialog::~PharmacyPickerDialog() = default;

void PharmacyPickerDialog::setZip(const QString &zip)
{
    m_zip->setText(zip.trimmed().left(5));
}

bool PharmacyPickerDialog::search()
{
    if (!m_client || m_busy)
        return false;
    static const QRegularExpression fiveDigits(QStringLiteral("^[0-9]{5}$"));
    PharmacySearch s{m_zip->text().trimmed(), m_name->text().trimmed(), m_city->text().trimmed(),
                     m_state->text().trimmed().toUpper()};
    if (!fiveDigits.match(s.zip).hasMatch()) {
        m_message->announce(tr("Type the pharmacy's 5-digit ZIP code to search."));
        m_zip->setFocus(Qt::OtherFocusReason);
        return false;
    }
    m_busy = true;
    m_search->setEnabled(false);
    m_message->announce(tr("Searching the provider's pharmacy list…"));
    QPointer<PharmacyPickerDialog> self(this);
    m_client->findPharmacies(s, [self](const ProviderReply<QList<Pharmacy>> &reply) {
        if (self)
            self->showResults(reply);
    });
    return true;
}

void PharmacyPickerDialog::showResults(const ProviderReply<QList<Pharmacy>> &reply)
{
    m_busy = false;
    m_search->setEnabled(true);
    m_list->clear();
    m_results.clear();
    if (!reply.ok()) {
        qCInfo(lcUi) << "pharmacy search not answered:" << reply.result.message;
        if (reply.result.outcome == ProviderResult::Outcome::Refused)
            m_message->announce(tr("The provider could not search with these details (%1). "
                                   "Check the ZIP code and the state.")
                                    .arg(reply.result.message));
        else
            m_message->announce(tr("The provider's pharmacy list cannot be reached right now. "
                                   "Try again in a moment, or type the pharmacy by hand."));
        m_zip->setFocus(Qt::OtherFocusReason);
        Q_EMIT searched();
        return;
    }
    m_results = reply.value;
    for (const Pharmacy &p : std::as_const(m_results)) {
        auto *item = new QListWidgetItem(describe(p), m_list);
        item->setData(Qt::AccessibleTextRole, describe(p));
    }
    if (m_results.isEmpty()) {
        m_message->announce(tr("No pharmacy found for this search. Try a nearby ZIP code or "
                               "fewer details."));
        m_zip->setFocus(Qt::OtherFocusReason);
    } else {
        m_message->announce(
            tr("%n pharmacy(s) found, nearest first.", nullptr, int(m_results.size())));
        m_list->setCurrentRow(0);
        m_list->setFocus(Qt::OtherFocusReason);
    }
    Q_EMIT searched();
}

void PharmacyPickerDialog::pick()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_results.size())
        return;
    m_chosen = m_results.at(row);
    accept();
}

QString PharmacyPickerDialog::formatPhone(const QString &digits)
{
    QString d = digits;
    d.remove(QRegularExpression(QStringLiteral("[^0-9]")));
    if (d.size() == 11 && d.startsWith(QLatin1Char('1')))
        d = d.mid(1);
    if (d.size() != 10)
        return digits;
    return QStringLiteral("(%1) %2-%3").arg(d.left(3), d.mid(3, 3), d.mid(6));
}

QString PharmacyPickerDialog::describe(const Pharmacy &p)
{
    QString text =
        QStringLiteral("%1, %2, %3, %4 %5").arg(p.name, p.address, p.city, p.state, p.zip);
    if (!p.phone.isEmpty())
        text += QStringLiteral(" · ") + formatPhone(p.phone);
    return text;
}

} // namespace clinicdesk
