#include "DraftListModel.h"
#include "DraftsPage.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "intake/DraftRepository.h"
#include "intake/IntakeForm.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

using namespace clinicdesk;

// The drafts list: what it shows, resume, discard and hand-over.
class TestDraftsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;

    QString addDraft(const QString &first, const QString &owner, int completion)
    {
        Draft d;
        d.ownerUser = owner;
        d.visitType = QStringLiteral("ED");
        d.completion = completion;
        d.answers.insert(IntakeForm::kFirstName, QJsonArray{first});
        d.answers.insert(IntakeForm::kLastName, QJsonArray{QStringLiteral("Doe")});
        return *DraftRepository(*m_store).save(d);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
        m_store = test::openStore(m_dir.filePath(QStringLiteral("store")), *m_keys);
    }

    void modelIsSound()
    {
        DraftListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Draft d;
        d.visitType = QStringLiteral("ED");
        d.completion = 40;
        model.setDrafts({d, d});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, DraftListModel::PatientColumn).data().toString(),
                 QStringLiteral("(no name yet)"));
        QCOMPARE(model.index(0, DraftListModel::CompletionColumn).data().toString(),
                 QStringLiteral("40%"));
    }

    void listsResumesDiscardsAndHandsOver()
    {
        const QString a = addDraft(QStringLiteral("Ann"), QStringLiteral("alice"), 30);
        addDraft(QStringLiteral("Ben"), QStringLiteral("bob"), 70);
        DraftsPage page(*m_store, QStringLiteral("alice"));
        AuditLog audit(*m_store, nullptr);
        page.setAuditLog(&audit);
        page.resize(1366, 768);
        page.show();
        QTableView *view = page.view();
        QCOMPARE(view->model()->rowCount(), 2);
        // Newest first; two saves within the same millisecond may tie, so find Ben's row.
        const int ben =
            view->model()->index(0, 0).data().toString() == QLatin1String("Ben Doe") ? 0 : 1;
        const int ann = 1 - ben;
        QCOMPARE(view->model()->index(ben, DraftListModel::PatientColumn).data().toString(),
                 QStringLiteral("Ben Doe"));
        QCOMPARE(view->model()->index(ben, DraftListModel::VisitTypeColumn).data().toString(),
                 QStringLiteral("Erectile dysfunction"));
        QCOMPARE(view->model()->index(ben, DraftListModel::StaffColumn).data().toString(),
                 QStringLiteral("bob"));
        QCOMPARE(view->model()->index(ben, DraftListModel::CompletionColumn).data().toString(),
                 QStringLiteral("70%"));

        QSignalSpy resume(&page, &DraftsPage::resumeRequested);
        view->setFocus();
        view->selectRow(ann);
        QCOMPARE(page.selectedDraftId(), a);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(resume.count(), 1);
        QCOMPARE(resume.first().first().toString(), a);

        QVERIFY(page.handOverSelected(QStringLiteral("carol")));
        QCOMPARE(DraftRepository(*m_store).get(a)->ownerUser, QStringLiteral("carol"));
        // The answers survive the hand-over.
        QCOMPARE(DraftRepository(*m_store).get(a)->answers.value(IntakeForm::kFirstName),
                 QJsonValue(QJsonArray{QStringLiteral("Ann")}));

        view->selectRow(
            view->model()->index(0, 0).data().toString() == QLatin1String("Ben Doe") ? 0 : 1);
        const QString gone = page.selectedDraftId();
        QVERIFY(page.discardSelected(false));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(DraftRepository(*m_store).get(gone).error().code, ErrorCode::NotFound);
        // Hand-over and discard are audited, by id and never by name.
        QList<AuditEntry> entries;
        QVERIFY(audit.forEach({}, [&](const AuditEntry &e) {
            entries << e;
            return true;
        }));
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].entityId, a);
        QCOMPARE(entries[0].detail, QStringLiteral("handed to carol"));
        QCOMPARE(entries[1].entityId, gone);
        QCOMPARE(entries[1].detail, QStringLiteral("discarded"));
        QCOMPARE(entries[1].user, QStringLiteral("alice"));
    }
    void discardAsksFirst()
    {
        const QString id = addDraft(QStringLiteral("Cy"), QStringLiteral("alice"), 10);
        DraftsPage page(*m_store, QStringLiteral("alice"));
        page.show();
        for (int row = 0; row < page.view()->model()->rowCount(); ++row)
            if (page.view()->model()->index(row, 0).data(DraftListModel::DraftIdRole) == id)
                page.view()->selectRow(row);
        QCOMPARE(page.selectedDraftId(), id);
        // Escape (the default, Cancel) keeps the draft.
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QTest::keyClick(QApplication::activeModalWidget(), Qt::Key_Escape);
        });
        QVERIFY(!page.discardSelected(true));
        QVERIFY(DraftRepository(*m_store).get(id));
        // The Discard button removes it.
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(QMessageBox::Discard)->click();
        });
        QVERIFY(page.discardSelected(true));
        QCOMPARE(DraftRepository(*m_store).get(id).error().code, ErrorCode::NotFound);
    }
};

QTEST_MAIN(TestDraftsPage)
#include "tst_draftspage.moc"
