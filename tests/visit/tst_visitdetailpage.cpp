#include "FieldErrorLabel.h"
#include "SandboxProcess.h"
#include "TestSupport.h"
#include "VisitDetailPage.h"
#include "VisitFixDialog.h"
#include "VisitTestSupport.h"
#include "WindowSupport.h"
#include "audit/AuditLog.h"
#include "intake/IntakeForm.h"
#include "provider/Outbox.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderConnection.h"
#include "relay/ConsoleNotifier.h"
#include "relay/VisitEventApplier.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFrame>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;
using namespace visittest;

// The visit detail page under QT_QPA_PLATFORM=offscreen: it follows a relay-applied event, a
// reply typed and sent reaches the real sandbox and moves the visit back to Submitted once
// delivered, and a refused visit shows the reason and is fixed and resubmitted from the dialog.
class TestVisitDetailPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ConsoleServices> m_services;
    LocalStore *m_store = nullptr;
    AuditLog *m_audit = nullptr;
    ProviderConnection *m_provider = nullptr;
    User m_user;
    qint64 m_cursor = 0;
    int m_phones = 0;

    QString nextPhone() { return QStringLiteral("51255502%1").arg(10 + ++m_phones); }
    QString status(const QString &id)
    {
        return column(*m_store, QStringLiteral("visits"), id, QStringLiteral("status"));
    }
    void applyChat(const QString &masterId, const QString &text)
    {
        auto r = VisitEventApplier(*m_store).applyBatch(
            {inboxEvent(++m_cursor, QDateTime::currentDateTimeUtc(), masterId,
                        QStringLiteral("DOCTOR_CHAT"), {{QStringLiteral("content"), text}})});
        QVERIFY(r && r->applied == 1);
    }
    QJsonObject sandboxVisit(const QString &masterId) const
    {
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray()) {
            if (v.toObject().value("masterId").toString() == masterId)
                return v.toObject();
        }
        return {};
    }
    static QString statusText(const VisitDetailPage &page)
    {
        return page.findChild<QLabel *>(QStringLiteral("status"))->text();
    }
    static QString messagesText(const VisitDetailPage &page)
    {
        QStringList all;
        auto *list = page.findChild<QListWidget *>(QStringLiteral("messages"));
        for (int i = 0; i < list->count(); ++i)
            all << list->item(i)->text();
        return all.join(QLatin1Char('\n'));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath(QStringLiteral("sandbox")));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
        // The console's own services, with the provider link to the sandbox.
        m_services = test::openServices(m_dir.filePath(QStringLiteral("store")), *m_keys,
                                        m_sandbox->clientConfig());
        m_store = m_services->store();
        m_audit = m_services->audit();
        m_provider = m_services->provider();
        QVERIFY(m_provider);
        addUser(*m_store, QStringLiteral("alice"), QStringLiteral("Alice Front"));
        m_user.username = QStringLiteral("alice");
        m_user.displayName = QStringLiteral("Alice Front");
    }

    void cleanupTestCase()
    {
        m_services.reset();
        if (m_sandbox)
            QVERIFY(m_sandbox->stop());
    }

    // (a) The relay applies an event and notifies the console: the open page shows it.
    void followsARelayAppliedEvent()
    {
        const AddedVisit visit =
            addVisit(*m_store, samplePatient(nextPhone()), sandboxtest::createBody({}),
                     QStringLiteral("Submitted"), sampleResponse());
        const QString id = visit.id;
        const QString masterId = visit.masterId;
        const qint64 auditBefore = *m_audit->count({});
        VisitDetailPage page(*m_store, *m_audit, m_user, nullptr, id);
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(*m_audit->count({}), auditBefore + 1); // one PHI view per open
        QCOMPARE(page.visitId(), id);
        QCOMPARE(statusText(page), QStringLiteral("Submitted"));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("patientName"))->text(),
                 QStringLiteral("Testy McTestface"));
        QVERIFY(!page.findChild<QFrame *>(QStringLiteral("rejectedBanner"))->isVisible());
        // No provider: the check is off and says why.
        auto *check = page.findChild<QPushButton *>(QStringLiteral("checkWithProvider"));
        QVERIFY(!check->isEnabled());
        QVERIFY(check->toolTip().contains(QLatin1String("No provider is configured")));
        auto *timeline = page.findChild<QTableWidget *>(QStringLiteral("timeline"));
        const int rowsBefore = timeline->rowCount();

        // The relay's path: apply the event to the store, then tell the console over its local
        // socket; the console's services say which visits changed, and the open page re-reads.
        QVERIFY(m_services->notifier());
        connect(m_services.get(), &ConsoleServices::visitsChanged, &page,
                &VisitDetailPage::visitsChanged);
        auto applied = VisitEventApplier(*m_store).applyBatch({inboxEvent(
            ++m_cursor, QDateTime::currentDateTimeUtc(), masterId, QStringLiteral("DOCTOR_CHAT"),
            {{QStringLiteral("content"), QStringLiteral("Any chest pain?")}})});
        QVERIFY(applied && applied->changedVisits == QStringList{id});
        QCOMPARE(statusText(page), QStringLiteral("Submitted")); // not until notified
        ConsoleNotifierClient relay(m_store->dataDir());
        relay.notifyVisitsChanged(applied->changedVisits);
        QTRY_COMPARE_WITH_TIMEOUT(statusText(page), QStringLiteral("Needs information"), 5000);
        QCOMPARE(statusText(page), QStringLiteral("Needs information"));
        QVERIFY(messagesText(page).contains(QLatin1String("Any chest pain?")));
        // The chat, and the two messages to the patient it caused (e-mail, text; this patient
        // gave no consent, so both are blocked: docs/notifications.md).
        QCOMPARE(timeline->rowCount(), rowsBefore + 3);
        QStringList added;
        for (int row = rowsBefore; row < timeline->rowCount(); ++row)
            added << timeline->item(row, 1)->text() + QStringLiteral(": ") +
                         timeline->item(row, 2)->text();
        QVERIFY2(added.contains(QStringLiteral("Provider: Message from the clinician")),
                 qPrintable(added.join(u'\n')));
        QVERIFY2(added.contains(QStringLiteral("System: E-mail to the patient (more information "
                                               "needed): not sent, no consent")),
                 qPrintable(added.join(u'\n')));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("waitingFor"))
                    ->text()
                    .contains(QLatin1String("clinic staff")));
        QCOMPARE(*m_audit->count({}), auditBefore + 1); // a reload is not a new view

        // Esc closes.
        QSignalSpy closed(&page, &VisitDetailPage::closeRequested);
        QTest::keyClick(page.findChild<QTabWidget *>(QStringLiteral("sections")), Qt::Key_Escape);
        QCOMPARE(closed.size(), 1);
    }

    // (b) A reply typed and sent with Ctrl+Return reaches the sandbox; Submitted once delivered.
    void replyReachesTheProvider()
    {
        const AddedVisit visit =
            addVisit(*m_store, samplePatient(nextPhone()), sandboxtest::createBody({}));
        const QString id = visit.id;
        const QString masterId = visit.masterId;
        QVERIFY(Outbox(*m_store).enqueueVisit(id, QStringLiteral("alice")));
        m_provider->kick();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("Submitted"), 15000);
        applyChat(masterId, QStringLiteral("Which dose did you take?"));
        QCOMPARE(status(id), QStringLiteral("NeedsInfo"));

        VisitDetailPage page(*m_store, *m_audit, m_user, m_provider, id);
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy changed(&page, &VisitDetailPage::visitChanged);
        auto *reply = page.findChild<QPlainTextEdit *>(QStringLiteral("reply"));
        QVERIFY(reply->isVisible());
        QTRY_VERIFY(reply->hasFocus()); // NeedsInfo: the reply box is where typing goes
        QTest::keyClicks(reply, QStringLiteral("50 mg, once."));
        QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(reply->toPlainText().isEmpty());
        QVERIFY(!changed.isEmpty());
        // Queued is not answered: still NeedsInfo until the provider has it (the reply goes
        // out through the event loop, which has not run since the key press).
        QCOMPARE(status(id), QStringLiteral("NeedsInfo"));
        QVERIFY2(messagesText(page).contains(QLatin1String("50 mg, once.")),
                 qPrintable(messagesText(page)));
        QVERIFY(messagesText(page).contains(QStringLiteral("sending…")));
        QTRY_COMPARE_WITH_TIMEOUT(sandboxVisit(masterId).value("staffMessages").toInt(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(statusText(page), QStringLiteral("Submitted"), 15000);
        QCOMPARE(status(id), QStringLiteral("Submitted"));
        QVERIFY(messagesText(page).contains(QLatin1String("delivered")));
        QCOMPARE(page.record().messages.last().delivery, VisitRecord::Message::Delivery::Delivered);

        // "Check with provider" asks the sandbox and says what it found.
        auto *check = page.findChild<QPushButton *>(QStringLiteral("checkWithProvider"));
        QVERIFY(check->isEnabled());
        QTest::mouseClick(check, Qt::LeftButton);
        auto *result = page.findChild<QLabel *>(QStringLiteral("checkResult"));
        QTRY_VERIFY_WITH_TIMEOUT(
            result->text().contains(QLatin1String("Checked with the provider")), 15000);
        QVERIFY(page.record().providerCheckedAt.isValid());
    }

    // (c) A refused visit shows the provider's reason; the dialog fixes it and it lands once.
    void rejectedVisitIsFixedAndResubmitted()
    {
        Patient p = samplePatient(nextPhone());
        p.state = QStringLiteral("ZZ");
        QJsonObject body = sandboxtest::createBody({}, p.phone);
        QJsonObject form = body.value(QLatin1String("formObj")).toObject();
        form.insert(QStringLiteral("state"), QStringLiteral("ZZ"));
        body.insert(QStringLiteral("formObj"), form);
        const AddedVisit visit = addVisit(*m_store, p, body);
        const QString id = visit.id;
        const QString masterId = visit.masterId;
        QVERIFY(Outbox(*m_store).enqueueVisit(id, QStringLiteral("alice")));
        m_provider->kick();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("Rejected"), 15000);

        VisitDetailPage page(*m_store, *m_audit, m_user, m_provider, id);
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(statusText(page), QStringLiteral("Rejected"));
        QVERIFY(page.findChild<QFrame *>(QStringLiteral("rejectedBanner"))->isVisible());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("rejectedReason"))
                    ->text()
                    .contains(QLatin1String("State not valid")));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("send"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("checkWithProvider"))->isEnabled());

        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("fixAndResubmit")),
                          Qt::LeftButton);
        VisitFixDialog *dialog = page.findChild<VisitFixDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *state = dialog->findChild<QLineEdit *>(IntakeForm::kState);
        QVERIFY(state);
        QCOMPARE(state->text(), QStringLiteral("ZZ"));
        // The refused field is flagged before anything is typed.
        bool flagged = false;
        for (FieldErrorLabel *error : dialog->findChildren<FieldErrorLabel *>())
            flagged = flagged || error->text().contains(QLatin1String("state code"));
        QVERIFY(flagged);
        state->clear();
        QTest::keyClicks(state, QStringLiteral("TX"));
        QSignalSpy changed(&page, &VisitDetailPage::visitChanged);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("resubmit")),
                          Qt::LeftButton);
        QTRY_COMPARE(changed.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("Submitted"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(statusText(page), QStringLiteral("Submitted"), 15000);
        QVERIFY(!page.findChild<QFrame *>(QStringLiteral("rejectedBanner"))->isVisible());
        int landed = 0;
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray())
            landed += v.toObject().value("masterId").toString() == masterId;
        QCOMPARE(landed, 1);
    }

    // A sealed value that fails authentication is a clear message on the page, not garbage.
    void tamperedPatientShowsAClearError()
    {
        const QString id =
            addVisit(*m_store, samplePatient(nextPhone()), sandboxtest::createBody({}),
                     QStringLiteral("Submitted"), sampleResponse());
        const QString patientId =
            column(*m_store, QStringLiteral("visits"), id, QStringLiteral("patient_id"));
        auto q = m_store->db().exec(QStringLiteral("SELECT last_name FROM patients WHERE id = ?"),
                                    {patientId});
        QVERIFY(q && q->next());
        QByteArray sealed = q->value(0).toByteArray();
        sealed[sealed.size() - 3] = char(sealed[sealed.size() - 3] ^ 0x01);
        QVERIFY(exec(*m_store, QStringLiteral("UPDATE patients SET last_name = ? WHERE id = ?"),
                     {sealed, patientId}));
        VisitDetailPage page(*m_store, *m_audit, m_user, nullptr, id);
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *problems = page.findChild<QLabel *>(QStringLiteral("problems"));
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(QLatin1String("failed authentication")),
                 qPrintable(problems->text()));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("patientName"))->text(),
                 QStringLiteral("Visit"));
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("patientName"))
                     ->text()
                     .contains(QLatin1String("Testy")));
        // Everything else still works.
        QCOMPARE(statusText(page), QStringLiteral("Submitted"));
        QCOMPARE(page.findChild<QTableWidget *>(QStringLiteral("answers"))->rowCount(), 2);
    }

    // Every control a keyboard can reach has a name a screen reader can say, and Tab walks
    // from Back through the page without getting stuck.
    void controlsAreNamedAndReachable()
    {
        const QString id =
            addVisit(*m_store, samplePatient(nextPhone()), sandboxtest::createBody({}),
                     QStringLiteral("Submitted"), sampleResponse());
        VisitDetailPage page(*m_store, *m_audit, m_user, m_provider, id);
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const auto widgets = page.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!(w->focusPolicy() & Qt::TabFocus) || !w->isVisibleTo(&page) ||
                w->inherits("QTabBar") || w->inherits("QScrollBar"))
                continue;
            if (w->parentWidget() && w->parentWidget()->inherits("QAbstractScrollArea") &&
                !w->inherits("QAbstractScrollArea"))
                continue; // a view's viewport
            QString name = w->accessibleName();
            if (auto *button = qobject_cast<QAbstractButton *>(w); name.isEmpty() && button)
                name = button->text();
            QVERIFY2(!name.isEmpty(),
                     qPrintable(QStringLiteral("%1 %2 has no accessible name")
                                    .arg(QString::fromLatin1(w->metaObject()->className()),
                                         w->objectName())));
        }
        auto *back = page.findChild<QPushButton *>(QStringLiteral("back"));
        back->setFocus();
        QSet<QWidget *> seen;
        for (int i = 0; i < 30; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            seen.insert(QApplication::focusWidget());
        }
        QVERIFY(seen.contains(page.findChild<QPushButton *>(QStringLiteral("checkWithProvider"))));
        QVERIFY(seen.contains(page.findChild<QPlainTextEdit *>(QStringLiteral("reply"))));
        QVERIFY(seen.contains(page.findChild<QListWidget *>(QStringLiteral("messages"))));
        QVERIFY(seen.contains(back)); // and round again
    }
};

QTEST_MAIN(TestVisitDetailPage)
#include "tst_visitdetailpage.moc"
