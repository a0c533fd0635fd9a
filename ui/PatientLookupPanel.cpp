#include "PatientLookupPanel.h"

#include "base/Logging.h"
#include "crypto/BlindIndex.h"
#include "store/PatientRepository.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace clinicdesk {

PatientLookupPanel::PatientLookupPanel(LocalStore &store, QWidget *parent)
    : QFrame(parent)
    , m_store(store)
    , m_text(new QLabel(this))
    , m_reuse(new QPushButton(tr("&Use this patient's details"), this))
    , m_dismiss(new QPushButton(tr("It is a &different person"), this))
{
    setObjectName(QStringLiteral("patientLookup"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reuse);
    buttons->addWidget(m_dismiss);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_reuse, &QPushButton::clicked, this, [this]() {
        const Patient p = m_match;
        clear();
        Q_EMIT reuseRequested(p);
    });
    connect(m_dismiss, &QPushButton::clicked, this, [this]() {
        m_dismissed.insert(m_match.id);
        clear();
    });
    hide();
}

void PatientLookupPanel::clear()
{
    m_match = {};
    hide();
}

void PatientLookupPanel::lookup(const Patient &typed, const QString &linkedId)
{
    PatientRepository patients(m_store);
    Patient probe = typed;
    probe.id = linkedId;
    auto found = patients.likelyDuplicates(probe);
    if (!found) {
        qCWarning(lcIntake) << "patient lookup failed, error code" << int(found.error().code);
        return;
    }
    for (const Patient &p : found.value()) {
        if (m_dismissed.contains(p.id))
            continue;
        if (p.id == m_match.id && isVisible())
            return;
        m_match = p;
        const bool samePhone =
            !BlindIndex::normalizePhone(p.phone).isEmpty() &&
            BlindIndex::normalizePhone(p.phone) == BlindIndex::normalizePhone(typed.phone);
        m_text->setText(
            (samePhone ? tr("A patient with this phone number is already on file: %1 %2, born "
                            "%3.")
                       : tr("A patient with this name and date of birth is already on file: %1 "
                            "%2, born %3."))
                .arg(p.firstName, p.lastName, p.dob.toString(QStringLiteral("MM/dd/yyyy"))) +
            QLatin1Char(' ') +
            tr("Reuse their details, or say it is a different person to create a new record."));
        setAccessibleDescription(m_text->text());
        show();
        qCInfo(lcIntake) << "likely existing patient" << p.id << "offered";
        return;
    }
    clear();
}

} // namespace clinicdesk
