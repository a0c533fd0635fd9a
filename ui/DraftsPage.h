#pragma once

#include "intake/QuestionnaireLibrary.h"

#include <QWidget>

#include <memory>

class QSortFilterProxyModel;
class QTableView;

namespace Ui {
class DraftsPage;
}

namespace clinicdesk {

class AuditLog;
class DraftListModel;
class LocalStore;

// The unfinished intakes: resume one, discard one (after a confirmation), or hand one to a
// colleague; Back (Esc) returns to the home page. Self-contained: it needs the store and the
// signed-in username.
class DraftsPage : public QWidget
{
    Q_OBJECT

public:
    DraftsPage(LocalStore &store, const QString &username, QWidget *parent = nullptr,
               const QuestionnaireLibrary &library = QuestionnaireLibrary::load());
    ~DraftsPage() override;

    // Discards and hand-overs are audited when a log is given (not owned).
    void setAuditLog(AuditLog *log) { m_audit = log; }
    void reload();
    // Focus: the list (or New intake when there is nothing to resume).
    void activate();
    QTableView *view() const;
    QString selectedDraftId() const;
    // The actions behind the buttons (the tests drive these; `confirm` false skips the dialog).
    bool discardSelected(bool confirm = true);
    bool handOverSelected(const QString &toUser);

Q_SIGNALS:
    void resumeRequested(const QString &draftId);
    void newIntakeRequested();
    void closeRequested();

private:
    void updateButtons();
    void askHandOver();

    std::unique_ptr<Ui::DraftsPage> m_ui;
    LocalStore &m_store;
    QString m_username;
    AuditLog *m_audit = nullptr;
    DraftListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace clinicdesk
