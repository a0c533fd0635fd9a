#pragma once

#include "domain/Patient.h"

#include <QFrame>
#include <QSet>

class QLabel;
class QPushButton;

namespace clinicdesk {

class LocalStore;

// Finds patients already on file while the demographics are typed, through the blind index
// (phone, or name + date of birth: nothing is decrypted but the matches), and offers to reuse
// one's details. A match the user says is someone else is not offered again; one that is
// neither reused nor dismissed is a likely duplicate, and hasUnresolvedMatch() says so before
// a second record would be made.
class PatientLookupPanel : public QFrame
{
    Q_OBJECT

public:
    explicit PatientLookupPanel(LocalStore &store, QWidget *parent = nullptr);

    // Looks for `typed` (what the form holds now); `linkedId`: the patient the intake already
    // reuses, never offered.
    void lookup(const Patient &typed, const QString &linkedId);
    bool hasUnresolvedMatch() const { return !m_match.id.isEmpty(); }
    void clear();

Q_SIGNALS:
    void reuseRequested(const Patient &patient);

private:
    LocalStore &m_store;
    Patient m_match;
    QSet<QString> m_dismissed;
    QLabel *m_text = nullptr;
    QPushButton *m_reuse = nullptr;
    QPushButton *m_dismiss = nullptr;
};

} // namespace clinicdesk
