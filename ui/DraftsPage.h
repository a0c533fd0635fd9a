#pragma once

#include "intake/QuestionnaireLibrary.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace clinicdesk {

class AuditLog;
class DraftListModel;
class LocalStore;

// The unfinished intakes: resume one, discard one (after a confirmation), or hand one to a
// colleague. Self-contained: it needs the store and the signed-in username.
class DraftsPage : public QWidget
{
    Q_OBJECT

public:
    DraftsPage(LocalStore &store, const QString &username, QWidget *parent = nullptr,
               const QuestionnaireLibrary &library = QuestionnaireLibrary::load());

    // Discards and hand-overs are audited when a log is given (not owned).
    void setAuditLog(AuditLog *log) { m_audit = log; }
    void reload();
    QTableView *view() const { return m_view; }
    QString selectedDraftId() const;
    // The actions behind the buttons (the tests drive these; `confirm` false skips the dialog).
    bool discardSelected(bool confirm = true);
    bool handOverSelected(const QString &toUser);

Q_SIGNALS:
    void resumeRequested(const QString &draftId);
    void newIntakeRequested();

private:
    void updateButtons();
    void askHandOver();

    LocalStore &m_store;
    QString m_username;
    AuditLog *m_audit = nullptr;
    DraftListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_handOver = nullptr;
};

} // namespace clinicdesk
