#include "NotificationTemplatesDialog.h"

#include "StatusMessage.h"
#include "VisitText.h"
#include "access/AccountAdmin.h"
#include "audit/AuditLog.h"
#include "domain/PatientNotice.h"
#include "notify/NotificationSettings.h"
#include "store/LocalStore.h"
#include "visits/PatientMessageTimeline.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace clinicdesk {
namespace {

enum Column
{
    MessageColumn,
    LanguageColumn,
    WordingColumn,
};

QString placeholderList()
{
    return QLatin1Char('{') + PatientNotice::safePlaceholders().join(QStringLiteral("}, {")) +
           QLatin1Char('}');
}

QLabel *labelFor(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

} // namespace

NotificationTemplatesDialog::NotificationTemplatesDialog(LocalStore &store, AccountAdmin &admin,
                                                         AuditLog &audit, User user,
                                                         QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_admin(admin)
    , m_audit(audit)
    , m_user(std::move(user))
{
    setWindowTitle(tr("Messages to patients"));
    setObjectName(QStringLiteral("notificationTemplatesDialog"));
    const NotificationSettings settings = NotificationSettings::load(store.dataDir());
    m_samples = NotificationTemplates::sampleValues(settings.clinicName, settings.clinicPhone,
                                                    QDate::currentDate());

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("What patients receive by e-mail and text message for each event, in English and "
           "Spanish. Only the minimum: never a diagnosis, a medication or an answer."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *columns = new QHBoxLayout;
    layout->addLayout(columns, 1);
    m_table = new QTableWidget(0, 3);
    m_table->setObjectName(QStringLiteral("templates"));
    m_table->setHorizontalHeaderLabels({tr("Message"), tr("Language"), tr("Wording")});
    m_table->setAccessibleName(tr("Messages to patients"));
    m_table->setAccessibleDescription(
        tr("One row per event and language: the message, its language and whether the clinic "
           "changed its wording"));
    VisitText::setUpTable(m_table);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumWidth(430);
    columns->addWidget(m_table, 2);

    auto *editor = new QVBoxLayout;
    columns->addLayout(editor, 3);
    m_subject = new QLineEdit;
    m_subject->setObjectName(QStringLiteral("subject"));
    m_subject->setAccessibleName(tr("Subject (e-mail only)"));
    m_subject->setMaxLength(200);
    editor->addWidget(labelFor(tr("S&ubject (e-mail only):"), m_subject));
    editor->addWidget(m_subject);
    m_body = new QPlainTextEdit;
    m_body->setObjectName(QStringLiteral("body"));
    m_body->setAccessibleName(tr("Text of the message"));
    m_body->setTabChangesFocus(true);
    editor->addWidget(labelFor(tr("&Text:"), m_body));
    editor->addWidget(m_body, 2);
    m_placeholders =
        new QLabel(tr("Placeholders you may use: %1. Anything else is refused when saved.")
                       .arg(placeholderList()));
    m_placeholders->setObjectName(QStringLiteral("placeholders"));
    m_placeholders->setWordWrap(true);
    m_placeholders->setTextFormat(Qt::PlainText);
    editor->addWidget(m_placeholders);
    m_preview = new QPlainTextEdit;
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_preview->setTabChangesFocus(true);
    m_preview->setAccessibleName(tr("Preview: the exact text the patient receives"));
    editor->addWidget(labelFor(tr("Pre&view with sample values (a text message carries the text "
                                  "only):"),
                               m_preview));
    editor->addWidget(m_preview, 2);

    m_status = new StatusMessage;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_save = new QPushButton(tr("&Save"));
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setAccessibleName(tr("Save the message"));
    m_reset = new QPushButton(tr("&Reset to built-in text"));
    m_reset->setObjectName(QStringLiteral("reset"));
    m_reset->setAccessibleName(tr("Reset the message to the built-in text"));
    m_close = new QPushButton(tr("&Close"));
    m_close->setObjectName(QStringLiteral("close"));
    m_close->setAccessibleName(tr("Close"));
    for (QPushButton *b : {m_save, m_reset, m_close}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showRow(row); });
    connect(m_subject, &QLineEdit::textEdited, this, &NotificationTemplatesDialog::edited);
    connect(m_body, &QPlainTextEdit::textChanged, this, &NotificationTemplatesDialog::edited);
    connect(m_save, &QPushButton::clicked, this, [this] { (void)saveCurrent(); });
    connect(m_reset, &QPushButton::clicked, this, [this] { (void)resetCurrent(); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    resize(1180, 640);
    reload();
}

NotificationTemplatesDialog::~NotificationTemplatesDialog() = default;

void NotificationTemplatesDialog::reload()
{
    m_rows.clear();
    m_table->setRowCount(0);
    for (const QString &key : PatientNotice::templateKeys()) {
        for (const QString &language : NotificationTemplates::languages()) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_rows.append({key, language});
            QString name = PatientMessageTimeline::templateName(key);
            if (!name.isEmpty())
                name[0] = name[0].toUpper(); // a list entry, not the middle of a sentence
            m_table->setItem(row, MessageColumn, VisitText::cell(name));
            m_table->setItem(
                row, LanguageColumn,
                VisitText::cell(language == QLatin1String("es") ? tr("Spanish") : tr("English")));
            m_table->setItem(row, WordingColumn, VisitText::cell({}));
            updateRowState(row);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setCurrentCell(0, 0);
}

void NotificationTemplatesDialog::updateRowState(int row)
{
    const Row &r = m_rows.at(row);
    QString state;
    if (m_drafts.contains(row)) {
        state = tr("Changed, not saved");
    } else {
        auto custom = NotificationTemplates(m_store.db()).isCustom(r.key, r.language);
        state = !custom          ? tr("(unreadable)")
                : custom.value() ? tr("The clinic's wording")
                                 : tr("Built-in");
    }
    m_table->item(row, WordingColumn)->setText(state);
    m_table->item(row, WordingColumn)->setToolTip(state);
}

bool NotificationTemplatesDialog::select(const QString &templateKey, const QString &language)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].key == templateKey && m_rows[row].language == language) {
            m_table->setCurrentCell(row, 0);
            return true;
        }
    }
    return false;
}

void NotificationTemplatesDialog::showRow(int row)
{
    m_current = row;
    const bool valid = row >= 0 && row < m_rows.size();
    for (QWidget *w : {static_cast<QWidget *>(m_subject), static_cast<QWidget *>(m_body),
                       static_cast<QWidget *>(m_save), static_cast<QWidget *>(m_reset)})
        w->setEnabled(valid);
    m_status->setText({});
    if (!valid)
        return;
    NotificationTemplates::Template text;
    if (m_drafts.contains(row)) {
        text = m_drafts.value(row);
    } else {
        auto stored =
            NotificationTemplates(m_store.db()).get(m_rows[row].key, m_rows[row].language);
        if (!stored) {
            m_status->announce(tr("The message cannot be read: %1").arg(stored.error().message));
            return;
        }
        text = stored.value();
    }
    m_loading = true;
    m_subject->setText(text.subject);
    m_body->setPlainText(text.body);
    m_loading = false;
    updatePreview();
}

void NotificationTemplatesDialog::edited()
{
    if (m_loading || m_current < 0)
        return;
    m_drafts.insert(m_current, {m_subject->text(), m_body->toPlainText()});
    updateRowState(m_current);
    updatePreview();
}

void NotificationTemplatesDialog::updatePreview()
{
    const NotificationTemplates::Template text{m_subject->text(), m_body->toPlainText()};
    m_preview->setPlainText(
        tr("Subject: %1").arg(NotificationTemplates::render(text.subject, m_samples)) +
        QStringLiteral("\n\n") + NotificationTemplates::render(text.body, m_samples));
    // Said quietly while typing; Save announces it.
    if (m_current >= 0) {
        const auto problem =
            NotificationTemplates::check(m_rows[m_current].key, m_rows[m_current].language, text);
        m_status->setText(problem ? problemText(*problem) : QString());
        m_status->setVisible(problem.has_value());
    }
}

QString NotificationTemplatesDialog::previewText() const
{
    return m_preview->toPlainText();
}

QString NotificationTemplatesDialog::statusText() const
{
    return m_status->text();
}

QString
NotificationTemplatesDialog::problemText(const NotificationTemplates::Problem &problem) const
{
    using Kind = NotificationTemplates::Problem::Kind;
    switch (problem.kind) {
    case Kind::UnsafePlaceholder:
        return tr("The placeholder {%1} is not allowed: a message may use only %2.")
            .arg(problem.name, placeholderList());
    case Kind::UnbalancedBrace:
        return tr("A { or } has no partner: placeholders are written {name}.");
    case Kind::EmptyBody:
        return tr("The text is empty.");
    case Kind::TooLong:
        return tr("Too long: the subject may have at most 200 characters, the text 1000.");
    case Kind::UnknownTemplate:
    case Kind::UnknownLanguage:
        break;
    }
    return tr("Unknown message or language.");
}

bool NotificationTemplatesDialog::allowed(const QString &id)
{
    // The stored account, not the one the window was opened with (AccessControl audits a refusal).
    auto actor = m_admin.accessControl().require(m_user, AccessControl::Permission::ManageAccounts,
                                                 QStringLiteral("notification_template"), id);
    if (!actor)
        m_status->announce(
            tr("Not saved: only an administrator may change the messages to patients."));
    return actor.ok();
}

void NotificationTemplatesDialog::record(const QString &id, const QString &detail)
{
    (void)m_audit.append({AuditAction::Admin, m_user.username,
                          QStringLiteral("notification_template"), id, AuditOutcome::Success,
                          detail});
}

bool NotificationTemplatesDialog::saveCurrent()
{
    if (m_current < 0)
        return false;
    const Row row = m_rows.at(m_current);
    const QString id = row.key + QLatin1Char('/') + row.language;
    const NotificationTemplates::Template text{m_subject->text(), m_body->toPlainText()};
    if (const auto problem = NotificationTemplates::check(row.key, row.language, text)) {
        m_status->announce(tr("Not saved. %1").arg(problemText(*problem)));
        return false;
    }
    if (!allowed(id))
        return false;
    if (auto saved =
            NotificationTemplates(m_store.db()).save(row.key, row.language, text, m_user.username);
        !saved) {
        m_status->announce(tr("Not saved: %1").arg(saved.error().message));
        return false;
    }
    record(id, QStringLiteral("template changed"));
    m_drafts.remove(m_current);
    updateRowState(m_current);
    m_status->announce(tr("Saved: the next messages use this text."));
    return true;
}

bool NotificationTemplatesDialog::resetCurrent()
{
    if (m_current < 0)
        return false;
    const Row row = m_rows.at(m_current);
    const QString id = row.key + QLatin1Char('/') + row.language;
    if (!allowed(id))
        return false;
    if (auto reset = NotificationTemplates(m_store.db()).reset(row.key, row.language); !reset) {
        m_status->announce(tr("Not reset: %1").arg(reset.error().message));
        return false;
    }
    record(id, QStringLiteral("template reset to the built-in text"));
    m_drafts.remove(m_current);
    showRow(m_current);
    updateRowState(m_current);
    m_status->announce(tr("Back to the built-in text."));
    return true;
}

} // namespace clinicdesk
