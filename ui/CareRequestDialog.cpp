#include "CareRequestDialog.h"
#include "ui_CareRequestDialog.h"

#include "PharmacyPickerDialog.h"

#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderClient.h"
#include "visits/CareRequests.h"

#include <QJsonObject>
#include <QPointer>

namespace clinicdesk {

namespace {

QString describe(const MedicationPreference &m)
{
    const QString days =
        m.daysSupply > 0 ? CareRequestDialog::tr("%n day(s)", nullptr, m.daysSupply) : QString();
    QStringList parts{m.name, m.strength, days};
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

// The medications a visit type's questionnaire offers (its options' medication properties).
QList<MedicationPreference> offered(const QString &visitType)
{
    QList<MedicationPreference> out;
    const QuestionnaireLibrary library = QuestionnaireLibrary::load();
    if (!library.contains(visitType))
        return out;
    const Questionnaire q = library.intake(visitType);
    const QuestionnaireItem *item = q.item(QStringLiteral("medication"));
    if (!item)
        return out;
    for (const QuestionnaireOption &o : item->options) {
        const QJsonObject m = o.properties.value(QLatin1String("medication")).toObject();
        if (m.isEmpty())
            continue;
        auto text = [&m](const char *key) {
            const QJsonValue v = m.value(QLatin1String(key));
            return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
        };
        out.append({text("name"), text("strength"), text("quantity"), text("refills"),
                    m.value(QLatin1String("daysSupply")).toInt(),
                    text("medId").isEmpty() ? o.value.toString() : text("medId")});
    }
    return out;
}

} // namespace

CareRequestDialog::CareRequestDialog(Request request, LocalStore &store, AuditLog &audit,
                                     const User &user, ProviderClient *client,
                                     const QString &visitId, const QString &visitType,
                                     const QString &patientName, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CareRequestDialog>())
    , m_request(request)
    , m_store(store)
    , m_audit(audit)
    , m_user(user)
    , m_client(client)
    , m_visitId(visitId)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("careRequestDialog"));
    const bool titration = request == Request::NextTitration;
    // The window title carries no name (PHI stays out of window titles); the text does.
    setWindowTitle(titration ? tr("Next titration") : tr("Change or resend the prescription"));
    m_ui->intro->setText(
        titration ? tr("Ask the provider for %1's next titration prescription: exactly one "
                       "medication, sent to the patient's pharmacy.")
                        .arg(patientName)
                  : tr("Send %1's prescription to another pharmacy, change the medication, or "
                       "leave both as they are to resend it.")
                        .arg(patientName));
    m_ui->send->setText(titration ? tr("&Request the titration") : tr("&Send the change"));
    m_ui->pharmacy->setPlaceholderText(titration ? QString() : tr("empty: the visit's pharmacy"));
    m_ui->outcome->hide();
    m_ui->nextStep->hide();
    fillMedications(visitType);
    if (titration) {
        auto pharmacy = CareRequests::pharmacyOf(store, visitId);
        if (pharmacy)
            m_ui->pharmacy->setText(pharmacy.value());
    }
    m_ui->chosenPharmacy->hide();
    connect(m_ui->choosePharmacy, &QPushButton::clicked, this, [this] { choosePharmacy(); });
    connect(m_ui->pharmacy, &QLineEdit::textEdited, m_ui->chosenPharmacy, &QLabel::hide);
    connect(m_ui->send, &QPushButton::clicked, this, [this] { send(); });
    connect(m_ui->nextStep, &QPushButton::clicked, this, &CareRequestDialog::runNextStep);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    if (!m_client) {
        m_ui->send->setEnabled(false);
        m_ui->outcome->announce(tr("No provider link is running, so nothing can be asked now "
                                   "(clinicdesk-admin provider configure)."));
    }
    m_ui->send->setDefault(true);
    m_ui->medication->setFocus(Qt::OtherFocusReason);
}

CareRequestDialog::~CareRequestDialog() = default;

void CareRequestDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void CareRequestDialog::fillMedications(const QString &visitType)
{
    auto requested = CareRequests::requestedMedication(m_store, m_visitId);
    if (m_request == Request::PrescriptionChange) {
        m_ui->medication->addItem(tr("Keep the current medication"));
        m_choices.append(MedicationPreference{});
    }
    QStringList seen;
    QList<MedicationPreference> all = requested ? requested.value() : QList<MedicationPreference>{};
    all += offered(visitType);
    for (const MedicationPreference &m : std::as_const(all)) {
        if (m.medId.isEmpty() || seen.contains(m.medId))
            continue;
        seen << m.medId;
        m_ui->medication->addItem(describe(m));
        m_choices.append(m);
    }
}

PrescriptionRequest CareRequestDialog::request() const
{
    const int at = m_ui->medication->currentIndex();
    QList<MedicationPreference> preference;
    if (at >= 0 && at < m_choices.size() && !m_choices.at(at).medId.isEmpty())
        preference << m_choices.at(at);
    auto built = m_request == Request::NextTitration
                     ? CareRequests::nextTitration(m_store, m_visitId)
                     : CareRequests::change(m_store, m_visitId, {}, {});
    PrescriptionRequest r = built ? built.value() : PrescriptionRequest{};
    r.pharmacyId = m_ui->pharmacy->text().trimmed();
    if (!preference.isEmpty() || m_request == Request::PrescriptionChange)
        r.preference = preference;
    return r;
}

PharmacyPickerDialog *CareRequestDialog::choosePharmacy()
{
    auto *picker = new PharmacyPickerDialog(m_client, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const Pharmacy &p = picker->chosen();
        m_ui->pharmacy->setText(p.pharmacyId);
        m_ui->chosenPharmacy->setText(PharmacyPickerDialog::describe(p));
        m_ui->chosenPharmacy->setAccessibleName(
            tr("Chosen pharmacy: %1").arg(PharmacyPickerDialog::describe(p)));
        m_ui->chosenPharmacy->show();
    });
    connect(picker, &QDialog::finished, m_ui->send, [this] { m_ui->send->setFocus(); });
    picker->open();
    return picker;
}

bool CareRequestDialog::send()
{
    if (!m_client || m_busy)
        return false;
    const PrescriptionRequest sent = request();
    if (sent.masterId.isEmpty()) {
        m_ui->outcome->announce(tr("This visit cannot be read, so nothing was sent."));
        return false;
    }
    if (m_request == Request::NextTitration && sent.pharmacyId.isEmpty()) {
        // The provider would refuse it as a bad field: said here, before asking.
        m_ui->outcome->announce(tr("Choose the patient's pharmacy, or type its pharmacy id: the "
                                   "titration is sent to it."));
        m_ui->pharmacy->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (m_sender)
        return queue(sent);
    m_busy = true;
    for (QWidget *w : {static_cast<QWidget *>(m_ui->send), static_cast<QWidget *>(m_ui->nextStep),
                       static_cast<QWidget *>(m_ui->closeButton)})
        w->setEnabled(false);
    m_ui->nextStep->hide();
    m_ui->outcome->announce(tr("Asking the provider…"));
    QPointer<CareRequestDialog> self(this);
    auto done = [self, sent](const ProviderReply<CareReply> &reply) {
        if (self)
            self->showAnswer(sent, reply.value);
    };
    if (m_request == Request::NextTitration)
        m_client->requestNextTitration(sent, done);
    else
        m_client->updateVisit(sent, done);
    return true;
}

void CareRequestDialog::setOutbox(OutboxSender *sender)
{
    m_sender = sender;
    if (!sender)
        return;
    connect(sender, &OutboxSender::careAnswered, this,
            [this](const QString &entryId, const QString &, const QString &, const QJsonObject &,
                   const CareReply &reply) {
                if (entryId.isEmpty() || entryId != m_entryId)
                    return;
                m_entryId.clear();
                showAnswer({}, reply, true);
            });
    connect(sender, &OutboxSender::entryRetrying, this, [this](const QString &entryId, int n) {
        if (entryId == m_entryId)
            m_ui->outcome->announce(tr("The provider did not answer (attempt %1). The console "
                                       "keeps trying; you may close this window.")
                                        .arg(n));
    });
}

bool CareRequestDialog::queue(const PrescriptionRequest &sent)
{
    auto entry = CareRequests::queue(m_store, m_audit, m_sender->outbox(), m_visitId, sent,
                                     m_request == Request::NextTitration, m_user.username);
    if (!entry) {
        m_ui->outcome->announce(
            tr("The request could not be queued: %1").arg(entry.error().message));
        return false;
    }
    m_entryId = entry.value();
    m_ui->send->setEnabled(false); // one request in effect
    m_ui->nextStep->hide();
    m_ui->outcome->announce(tr("Sending to the provider… The console tries again until the "
                               "provider answers: you may close this window, the answer goes "
                               "on the visit's timeline."));
    m_sender->kick();
    return true;
}

void CareRequestDialog::showAnswer(const PrescriptionRequest &sent, const CareReply &reply,
                                   bool recorded)
{
    m_busy = false;
    m_ui->send->setEnabled(true);
    m_ui->closeButton->setEnabled(true);
    m_advice = CareGuidance::advise(m_request, reply);
    QString message = m_advice.message;
    if (reply.status == CareStatus::NewRxSent && recorded) {
        Q_EMIT prescribed(); // by the console's services (ConsoleServices), from the outbox
        m_ui->send->setEnabled(false);
    } else if (reply.status == CareStatus::NewRxSent) {
        auto saved = CareRequests::recordNewPrescription(m_store, m_audit, m_visitId, sent, reply,
                                                         m_request == Request::NextTitration,
                                                         m_user.username);
        if (!saved)
            message +=
                QLatin1Char(' ') +
                tr("It could not be recorded on this computer: %1").arg(saved.error().message);
        else
            Q_EMIT prescribed();
        m_ui->send->setEnabled(false); // done: another request would be a second prescription
    }
    qCInfo(lcUi) << "care request for visit" << m_visitId << "answered" << reply.providerStatus;
    m_ui->outcome->announce(message);
    const CareNextStep step = m_advice.step;
    const bool offered =
        step == CareNextStep::StartCheckin || step == CareNextStep::StartFollowup ||
        step == CareNextStep::StartNewVisit || step == CareNextStep::Retry ||
        step == CareNextStep::ChoosePharmacy || step == CareNextStep::ChooseMedication;
    m_ui->nextStep->setText(CareGuidance::actionLabel(step));
    m_ui->nextStep->setVisible(offered);
    m_ui->nextStep->setEnabled(offered);
    adjustSize(); // the message takes lines the dialog did not have
    if (offered)
        m_ui->nextStep->setFocus(Qt::OtherFocusReason);
    else
        m_ui->closeButton->setFocus(Qt::OtherFocusReason);
    Q_EMIT answered(reply);
}

void CareRequestDialog::runNextStep()
{
    switch (m_advice.step) {
    case CareNextStep::StartCheckin:
        Q_EMIT checkinRequested();
        accept();
        break;
    case CareNextStep::StartFollowup:
        Q_EMIT followupRequested();
        accept();
        break;
    case CareNextStep::StartNewVisit:
        Q_EMIT newVisitRequested();
        accept();
        break;
    case CareNextStep::Retry:
        send();
        break;
    case CareNextStep::ChoosePharmacy:
        m_ui->pharmacy->setFocus(Qt::OtherFocusReason);
        m_ui->pharmacy->selectAll();
        break;
    case CareNextStep::ChooseMedication:
        m_ui->medication->setFocus(Qt::OtherFocusReason);
        break;
    default:
        break;
    }
}

} // namespace clinicdesk
