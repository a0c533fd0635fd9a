#include "ProviderPatientPanel.h"

#include "base/Logging.h"
#include "intake/DemographicRules.h"
#include "provider/ProviderClient.h"
#include "provider/ProviderStatusSync.h"
#include "visits/ProviderPatientLink.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace clinicdesk {
namespace {

QString stageText(ProviderVisitStatus::Stage stage)
{
    using Stage = ProviderVisitStatus::Stage;
    switch (stage) {
    case Stage::Resolved:
        return ProviderPatientPanel::tr("resolved");
    case Stage::Canceled:
        return ProviderPatientPanel::tr("canceled");
    case Stage::Unknown:
        return ProviderPatientPanel::tr("status not given");
    default:
        break;
    }
    return ProviderPatientPanel::tr("open");
}

} // namespace

ProviderPatientPanel::ProviderPatientPanel(LocalStore &store, const QString &username,
                                           QWidget *parent)
    : QFrame(parent)
    , m_store(store)
    , m_username(username)
    , m_text(new QLabel(this))
    , m_visits(new QLabel(this))
    , m_ask(new QPushButton(tr("As&k the provider"), this))
    , m_link(new QPushButton(tr("&Link this patient"), this))
    , m_notThem(new QPushButton(tr("Not this &patient"), this))
{
    setObjectName(QStringLiteral("providerPatient"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Patient at the provider"));
    for (QLabel *l : {m_text, m_visits}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    }
    m_text->setObjectName(QStringLiteral("providerPatientText"));
    m_visits->setObjectName(QStringLiteral("providerPatientVisits"));
    m_ask->setObjectName(QStringLiteral("askProvider"));
    m_link->setObjectName(QStringLiteral("linkProviderPatient"));
    m_notThem->setObjectName(QStringLiteral("notProviderPatient"));
    m_ask->setAccessibleName(tr("Ask the provider about this phone number"));
    m_link->setAccessibleName(tr("Link this provider patient"));
    m_notThem->setAccessibleName(tr("Not this patient"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_visits);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_ask);
    buttons->addWidget(m_link);
    buttons->addWidget(m_notThem);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_ask, &QPushButton::clicked, this, &ProviderPatientPanel::ask);
    connect(m_link, &QPushButton::clicked, this, &ProviderPatientPanel::linkFound);
    connect(m_notThem, &QPushButton::clicked, this, [this]() {
        m_dismissed = m_phone;
        clear();
        Q_EMIT announce(tr("Not linked: the intake goes on as a new patient."));
    });
    hide();
}

void ProviderPatientPanel::clear()
{
    ++m_generation;
    m_found = {};
    m_phone.clear();
    hide();
}

void ProviderPatientPanel::offer(const Patient &typed, bool localMatchShown, bool patientOnFile)
{
    const QString phone = DemographicRules::usPhoneDigits(typed.phone);
    if (!m_client || phone.isEmpty() || localMatchShown || patientOnFile || phone == m_dismissed) {
        clear();
        return;
    }
    if (phone == m_phone && isVisible())
        return; // the same phone: keep what the panel shows (an answer, a question in flight)
    clear();
    m_phone = phone;
    enter(State::Ask, tr("No patient on file has this phone number. The provider may know this "
                         "patient from earlier visits: ask the provider to link their record."));
}

void ProviderPatientPanel::enter(State state, const QString &text)
{
    m_text->setText(text);
    m_visits->setVisible(state == State::Found);
    m_ask->setVisible(state == State::Ask || state == State::Asking || state == State::Message);
    m_ask->setEnabled(state != State::Asking);
    m_ask->setText(state == State::Message ? tr("As&k again") : tr("As&k the provider"));
    m_link->setVisible(state == State::Found);
    m_notThem->setVisible(state == State::Found);
    setAccessibleDescription(text);
    QFrame::show();
}

void ProviderPatientPanel::ask()
{
    if (!m_client || m_phone.isEmpty())
        return;
    const bool hadFocus = m_ask->hasFocus();
    enter(State::Asking, tr("Asking the provider..."));
    const int generation = ++m_generation;
    QPointer<ProviderPatientPanel> self(this);
    m_client->lookupPatient(m_phone, [self, this, generation,
                                      hadFocus](const ProviderReply<ProviderPatient> &reply) {
        if (!self || generation != m_generation)
            return;
        using Outcome = ProviderPatientLink::LookupOutcome;
        const Outcome outcome = reply.ok() ? Outcome::Found
                                : reply.result.outcome == ProviderResult::Outcome::NotFound
                                    ? Outcome::NotFound
                                    : Outcome::Unreachable;
        if (m_audit)
            ProviderPatientLink::auditLookup(
                *m_audit, m_username, outcome,
                outcome == Outcome::Found ? int(reply.value.visits.size()) : 0);
        qCInfo(lcIntake) << "provider patient lookup:" << int(outcome);
        if (outcome != Outcome::Found) {
            enter(State::Message, ProviderPatientLink::explain(outcome));
            Q_EMIT announce(m_text->text());
            if (hadFocus)
                m_ask->setFocus(Qt::OtherFocusReason);
            return;
        }
        m_found = reply.value;
        QStringList lines;
        for (const ProviderPatient::Visit &v : std::as_const(m_found.visits))
            lines << tr("Visit %1: %2, %3")
                         .arg(v.masterId,
                              v.visitType.isEmpty() ? tr("type not given") : v.visitType,
                              stageText(v.stage));
        m_visits->setText(lines.isEmpty() ? tr("No earlier visits listed.") : lines.join(u'\n'));
        m_visits->setAccessibleName(m_visits->text());
        enter(State::Found, foundText());
        Q_EMIT announce(tr("The provider knows a patient with this phone number: check the "
                           "details, then link or say it is not this patient."));
        m_link->setFocus(Qt::OtherFocusReason);
    });
}

QString ProviderPatientPanel::foundText() const
{
    const ProviderPatient &p = m_found;
    const QString where = QStringList{p.city, p.state}.join(QStringLiteral(", "));
    return tr("The provider knows a patient with this phone number: %1 %2, born %3, %4. %n "
              "earlier visit(s). Is this the patient in front of you? Linking makes the patient "
              "record from these details (check them on this page afterwards) and records their "
              "earlier visits here.",
              nullptr, int(p.visits.size()))
        .arg(p.firstName, p.lastName,
             p.dob.isValid() ? p.dob.toString(QStringLiteral("MM/dd/yyyy")) : tr("date unknown"),
             where);
}

void ProviderPatientPanel::linkFound()
{
    if (!m_audit || m_found.firstName.isEmpty())
        return;
    const Patient details = ProviderPatientLink::demographics(m_found);
    auto made = ProviderPatientLink::link(m_store, *m_audit, details, m_found, m_username);
    if (!made) {
        enter(State::Found, foundText() + QLatin1Char(' ') +
                                tr("The link could not be saved: %1").arg(made.error().message));
        Q_EMIT announce(m_text->text());
        return;
    }
    // What each visit is at the provider now (resolved with a prescription, canceled...).
    if (m_client) {
        if (!m_sync)
            m_sync = new ProviderStatusSync(m_store, *m_client, this);
        for (const QString &id : std::as_const(made->visitIds))
            m_sync->refresh(id);
    }
    Patient p = details;
    p.id = made->patientId;
    const int visits = int(made->visitIds.size());
    m_dismissed = m_phone;
    clear();
    Q_EMIT linked(p, visits);
}

} // namespace clinicdesk
