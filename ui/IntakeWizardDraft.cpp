// IntakeWizard, continued: saving the draft as staff type, its lease at this workstation and the
// audit entries the wizard writes (the rest is IntakeWizard.cpp).
#include "EditLease.h"
#include "IntakeWizard.h"
#include "StatusMessage.h"
#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "intake/DraftAutosaver.h"

namespace clinicdesk {

void IntakeWizard::scheduleSave()
{
    if (m_done)
        return;
    m_draft.answers = m_form.allAnswers();
    m_draft.page = std::max(0, currentStep());
    m_draft.completion = m_form.completion();
    const bool isNew = m_draft.id.isEmpty();
    m_draft.id = m_autosaver->update(m_draft);
    if (isNew && !leaseDraft(m_draft.id))
        qCWarning(lcIntake) << "draft" << m_draft.id << "not leased";
    if (isNew)
        audit(int(AuditAction::Create), QStringLiteral("draft"), m_draft.id,
              QStringLiteral("intake started"));
    m_status->setText(tr("Saving draft..."));
}

Result<void> IntakeWizard::leaseDraft(const QString &draftId)
{
    if (!m_leaseOwner)
        return {};
    delete m_lease;
    auto keeper = EditLease::take(m_store, Leases::draft(draftId), *m_leaseOwner, this);
    if (keeper)
        connect(m_lease = keeper.value(), &LeaseKeeper::lost, this,
                [this] { m_status->announce(EditLease::lostMessage()); });
    return keeper ? Result<void>() : Result<void>(keeper.error());
}

void IntakeWizard::flushDraft()
{
    if (!m_done)
        m_autosaver->flush();
}

void IntakeWizard::audit(int action, const QString &entityType, const QString &id,
                         const QString &detail)
{
    if (!m_audit)
        return;
    if (auto r = m_audit->append(
            {AuditAction(action), m_username, entityType, id, AuditOutcome::Success, detail});
        !r)
        qCWarning(lcIntake) << "audit entry failed, error code" << int(r.error().code);
}

} // namespace clinicdesk
