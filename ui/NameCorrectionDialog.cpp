#include "NameCorrectionDialog.h"

#include "StatusMessage.h"
#include "base/Logging.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace clinicdesk {

NameCorrectionDialog::NameCorrectionDialog(LocalStore &store, AuditLog &audit, const User &user,
                                           ProviderClient *client, const QString &patientId,
                                           const QString &firstName, const QString &lastName,
                                           QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_audit(audit)
    , m_user(user)
    , m_client(client)
    , m_patientId(patientId)
    , m_oldFirst(firstName)
    , m_oldLast(lastName)
{
    setWindowTitle(tr("Correct the patient's name")); // no PHI in the title
    setObjectName(QStringLiteral("nameCorrectionDialog"));
    auto targets = NameCorrection::openVisits(store, patientId);
    if (targets)
        m_targets = targets.value();
    else
        qCWarning(lcVisits) << "name correction: open visits not read, error code"
                            << int(targets.error().code);

    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(
        m_targets.isEmpty()
            ? tr("The patient has no open visit with the provider: the name is corrected here "
                 "only.")
            : tr("The corrected name is sent to the provider for each of the patient's open "
                 "visits (%n visit(s)). Once the provider has approved the patient's ID it no "
                 "longer accepts a name change.",
                 nullptr, int(m_targets.size())),
        this);
    m_intro->setWordWrap(true);
    m_intro->setObjectName(QStringLiteral("intro"));
    layout->addWidget(m_intro);

    auto *form = new QFormLayout;
    m_first = new QLineEdit(firstName, this);
    m_first->setObjectName(QStringLiteral("firstName"));
    m_first->setAccessibleName(tr("First name"));
    m_last = new QLineEdit(lastName, this);
    m_last->setObjectName(QStringLiteral("lastName"));
    m_last->setAccessibleName(tr("Last name"));
    form->addRow(tr("&First name:"), m_first);
    form->addRow(tr("&Last name:"), m_last);
    layout->addLayout(form);

    m_outcome = new StatusMessage(this);
    m_outcome->setObjectName(QStringLiteral("outcome"));
    m_outcome->setWordWrap(true);
    m_outcome->hide();
    layout->addWidget(m_outcome);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_send = m_buttons->addButton(tr("&Send correction"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setAccessibleName(tr("Send the name correction"));
    m_send->setDefault(true);
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    layout->addWidget(m_buttons);
    connect(m_send, &QPushButton::clicked, this, [this] { send(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_first, m_last);
    setTabOrder(m_last, m_send);
    setMinimumWidth(560);
    adjustSize();
}

void NameCorrectionDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_last->setFocus(); // the surname is what is usually misspelt
    m_last->selectAll();
}

bool NameCorrectionDialog::send()
{
    const QString first = m_first->text().trimmed();
    const QString last = m_last->text().trimmed();
    if (first.isEmpty() || last.isEmpty()) {
        m_outcome->announce(tr("Type both the first and the last name."));
        (first.isEmpty() ? m_first : m_last)->setFocus();
        return false;
    }
    if (first == m_oldFirst && last == m_oldLast) {
        m_outcome->announce(tr("The name is unchanged: nothing to send."));
        m_last->setFocus();
        return false;
    }
    if (!m_targets.isEmpty() && !m_client) {
        m_outcome->announce(tr("No provider link is running, so the correction cannot be sent "
                               "now. Try again when the console is connected."));
        return false;
    }
    m_send->setEnabled(false);
    m_first->setEnabled(false);
    m_last->setEnabled(false);
    if (m_targets.isEmpty()) {
        finish({});
        return true;
    }
    m_outcome->announce(tr("Sending the correction to the provider…"));
    QPointer<NameCorrectionDialog> self(this);
    NameCorrection::send(*m_client, m_targets, first, last,
                         [self](const QList<NameCorrection::Outcome> &outcomes) {
                             if (self)
                                 self->finish(outcomes);
                         });
    return true;
}

void NameCorrectionDialog::finish(const QList<NameCorrection::Outcome> &outcomes)
{
    const QString first = m_first->text().trimmed();
    const QString last = m_last->text().trimmed();
    QStringList lines;
    if (auto r = NameCorrection::record(m_store, m_audit, m_patientId, first, last, outcomes,
                                        m_user.username);
        !r) {
        lines << tr("The corrected name could not be saved here: %1").arg(r.error().message);
    } else {
        lines << tr("The corrected name is saved here; each visit's timeline shows both names.");
    }
    for (qsizetype i = 0; i < outcomes.size(); ++i)
        lines << tr("Visit %1 of %2: %3")
                     .arg(i + 1)
                     .arg(outcomes.size())
                     .arg(NameCorrection::explain(outcomes.at(i).status));
    m_outcome->announce(lines.join(QLatin1Char('\n')));
    adjustSize(); // the answers are read in full, not cut off
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
    Q_EMIT corrected(outcomes);
}

} // namespace clinicdesk
