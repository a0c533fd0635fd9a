#pragma once

#include "provider/ProviderRecords.h"
#include "provider/ProviderReply.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace clinicdesk {

class ProviderClient;
class StatusMessage;

// Picks a pharmacy from the provider's directory (POST /external/pharmacies, at most 100
// results): a ZIP (required) and optionally a name, city and state; Enter in any of them
// searches, the keyboard then goes to the results (name, address, phone); arrows choose,
// Enter picks, Esc cancels. No results, "Invalid search parameters" and a provider that cannot
// be reached each get a calm message and leave the search as typed. Used by the intake wizard
// (IntakePharmacyChooser) and the prescription-change dialog.
class PharmacyPickerDialog : public QDialog
{
    Q_OBJECT

public:
    // `client` may be null (no provider link): the dialog says so and searches nothing.
    explicit PharmacyPickerDialog(ProviderClient *client, QWidget *parent = nullptr);
    ~PharmacyPickerDialog() override;

    void setZip(const QString &zip);
    // Starts a search with the fields as typed; false when nothing was asked (no ZIP, busy).
    bool search();
    bool busy() const { return m_busy; }
    const QList<Pharmacy> &results() const { return m_results; }
    // The pharmacy picked (valid once accepted).
    const Pharmacy &chosen() const { return m_chosen; }

    // One line for a pharmacy: "Name, 1 Main St, Austin, TX 78701 · (512) 555-0101".
    static QString describe(const Pharmacy &pharmacy);
    static QString formatPhone(const QString &digits);

Q_SIGNALS:
    // A search finished (results listed or its message shown).
    void searched();

private:
    void showResults(const ProviderReply<QList<Pharmacy>> &reply);
    void pick();

    QPointer<ProviderClient> m_client;
    QLineEdit *m_zip = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_city = nullptr;
    QLineEdit *m_state = nullptr;
    QPushButton *m_search = nullptr;
    QListWidget *m_list = nullptr;
    StatusMessage *m_message = nullptr;
    QPushButton *m_choose = nullptr;
    QPushButton *m_cancel = nullptr;
    QList<Pharmacy> m_results;
    Pharmacy m_chosen;
    bool m_busy = false;
};

} // namespace clinicdesk
