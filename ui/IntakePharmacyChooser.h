#pragma once

#include "provider/ProviderRecords.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace clinicdesk {

class IntakeForm;
class PharmacyPickerDialog;
class ProviderClient;
class QuestionnairePage;

// "Choose pharmacy…" on the intake's pharmacy group: the provider's pharmacy list
// (PharmacyPickerDialog) searched with the pharmacy's ZIP, or else the patient's. A pick fills
// pharmacy.name (name and address), pharmacy.zip and pharmacy.id, which is what createNoPay
// sends as `pharmacyId`; the name and id fields then become read-only and the chosen pharmacy is
// shown beside the button. Typing the pharmacy by hand stays possible until one is chosen.
class IntakePharmacyChooser : public QWidget
{
    Q_OBJECT

public:
    static inline const QString kName = QStringLiteral("pharmacy.name");
    static inline const QString kZip = QStringLiteral("pharmacy.zip");
    static inline const QString kId = QStringLiteral("pharmacy.id");

    // Puts a chooser on `page`'s pharmacy group, when the visit type has one; null otherwise.
    static IntakePharmacyChooser *attach(QuestionnairePage *page, IntakeForm &form,
                                         ProviderClient *client);

    // Opens the picker (modeless, for the keyboard and the tests); it is deleted when closed.
    PharmacyPickerDialog *openPicker();
    void apply(const Pharmacy &pharmacy);

Q_SIGNALS:
    // The answers changed (the wizard reloads the page and saves the draft).
    void picked();

private:
    IntakePharmacyChooser(QuestionnairePage *page, IntakeForm &form, ProviderClient *client,
                          QWidget *parent);
    void showChosen();

    QuestionnairePage *m_page;
    IntakeForm &m_form;
    QPointer<ProviderClient> m_client;
    QPushButton *m_button = nullptr;
    QLabel *m_chosen = nullptr;
};

} // namespace clinicdesk
