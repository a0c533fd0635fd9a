#include "IntakeWizard.h"
#include "QuestionnaireItemWidget.h"
#include "QuestionnairePage.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "intake/DraftAutosaver.h"
#include "intake/DraftRepository.h"
#include "intake/QuestionnaireLibrary.h"
#include "store/PatientRepository.h"

#include <QAbstractButton>
#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTimer>

using namespace clinicdesk;

// The wizard driven from the keyboard under offscreen: focus order, enableWhen live, the
// validation messages next to the fields, Back never clearing, autosave timing and restore.
class TestIntakeWizard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;

    static QWidget *focused() { return QApplication::focusWidget(); }
    static QString focusedName() { return focused() ? focused()->objectName() : QString(); }
    static void type(const QString &text) { QTest::keyClicks(focused(), text); }
    static void tab() { QTest::keyClick(focused(), Qt::Key_Tab); }
    static void next() { QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier); }

    std::unique_ptr<IntakeWizard> makeWizard()
    {
        auto w = std::make_unique<IntakeWizard>(*m_store, QStringLiteral("alice"));
        w->resize(1366, 768);
        w->show();
        QApplication::setActiveWindow(w.get());
        if (!QTest::qWaitForWindowActive(w.get()))
            qFatal("window not active");
        w->goToStep(0);
        return w;
    }
    template<typename T = QWidget> static T *find(QWidget *w, const QString &name)
    {
        return w->findChild<T *>(name);
    }
    static QString error(IntakeWizard &w, const QString &linkId)
    {
        auto *label = find<QLabel>(&w, QStringLiteral("error:") + linkId);
        return label && label->isVisible() ? label->text() : QString();
    }
    static void fillPatient(IntakeWizard &w)
    {
        const QList<std::pair<const char *, const char *>> fields = {
            {"patient.firstName", "Ana"},
            {"patient.lastName", "Garcia"},
            {"patient.dob", "04/09/1980"},
            {"patient.phone", "(512) 555-0123"},
            {"patient.email", "ana@example.org"},
            {"patient.address", "1 Main St"},
            {"patient.city", "Austin"},
            {"patient.state", "TX"},
            {"patient.zip", "78701"}};
        for (const auto &[id, text] : fields) {
            auto *edit = find<QLineEdit>(&w, QStringLiteral("edit:") + QLatin1String(id));
            edit->clear();
            QTest::keyClicks(edit, QString::fromUtf8(text));
        }
        QTest::keyClick(find(&w, QStringLiteral("edit:patient.sex")), Qt::Key_Space);
    }

    static QJsonObject completeHairLossAnswers()
    {
        IntakeForm form(QuestionnaireLibrary::load().intake(QStringLiteral("hairloss")));
        Patient p;
        p.firstName = QStringLiteral("Luis");
        p.lastName = QStringLiteral("Perez");
        p.dob = QDate(1990, 1, 31);
        p.sex = QStringLiteral("Male");
        p.phone = QStringLiteral("2145550188");
        p.email = QStringLiteral("luis@example.org");
        p.address = QStringLiteral("9 Elm St");
        p.city = QStringLiteral("Dallas");
        p.state = QStringLiteral("TX");
        p.zip = QStringLiteral("75201");
        form.setPatient(p);
        for (const char *id :
             {"family", "scalp", "fatherchild", "prostate", "depression", "heart", "liver",
              "consent.telehealth", "consent.truthful", "consent.privacy", "consent.hair"})
            form.setAnswer(QString::fromLatin1(id), QString::fromLatin1(id).startsWith(u"consent"));
        const QList<std::pair<const char *, const char *>> text = {
            {"medication", "fin-1"}, {"pharmacy.name", "Elm Pharmacy"}, {"pharmacy.zip", "75201"},
            {"conditions", "None"},  {"medications", "None"},           {"allergies", "None"},
            {"duration", "gt2y"}};
        for (const auto &[id, value] : text)
            form.setAnswer(QString::fromLatin1(id), QString::fromUtf8(value));
        form.setAnswers(QStringLiteral("pattern"), {QStringLiteral("crown")});
        return form.allAnswers();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
        m_store = test::openStore(m_dir.filePath(QStringLiteral("store")), *m_keys);
    }

    void keyboardOnlyPatientAndVisit()
    {
        auto w = makeWizard();
        QCOMPARE(w->currentStep(), 0);
        QCOMPARE(focusedName(), QStringLiteral("edit:patient.firstName"));
        type(QStringLiteral("Ana"));
        tab();
        QCOMPARE(focusedName(), QStringLiteral("edit:patient.lastName"));
        type(QStringLiteral("Garcia"));
        tab();
        type(QStringLiteral("04/09/1980"));
        tab();
        QCOMPARE(focusedName(), QStringLiteral("edit:patient.sex")); // "Female"
        QTest::keyClick(focused(), Qt::Key_Space);
        tab();
        type(QStringLiteral("5125550123"));
        tab();
        type(QStringLiteral("ana@example.org"));
        tab();
        type(QStringLiteral("1 Main St"));
        tab();
        type(QStringLiteral("Austin"));
        tab();
        type(QStringLiteral("TX"));
        tab();
        QCOMPARE(focusedName(), QStringLiteral("edit:patient.zip"));
        type(QStringLiteral("78701"));
        QCOMPARE(w->form().patient().firstName, QStringLiteral("Ana"));
        QCOMPARE(w->form().patient().dob, QDate(1980, 4, 9));
        QCOMPARE(w->form().patient().sex, QStringLiteral("Female"));

        next(); // Ctrl+Return
        QCOMPARE(w->currentStep(), 1);
        QCOMPARE(focusedName(), QStringLiteral("visitType"));
        // Next without a visit type: the message sits under the selector.
        next();
        QCOMPARE(w->currentStep(), 1);
        QVERIFY(find<QComboBox>(w.get(), QStringLiteral("visitType"))->hasFocus());
        while (find<QComboBox>(w.get(), QStringLiteral("visitType"))->currentData() !=
               QStringLiteral("weightloss"))
            QTest::keyClick(focused(), Qt::Key_Down);
        QCOMPARE(w->form().questionnaire().name(), QStringLiteral("weightloss"));
        QCOMPARE(w->stepTitle(w->stepCount() - 1), QStringLiteral("Review and consent"));
        tab();
        QCOMPARE(focusedName(), QStringLiteral("edit:medication"));
        QTest::keyClick(focused(), Qt::Key_Space);
        QCOMPARE(w->form().answer(QStringLiteral("medication")).toString(),
                 QStringLiteral("sema-0.25"));
        tab(); // "Choose pharmacy…" first (tst_pharmacypicker), then typing it by hand
        QCOMPARE(focusedName(), QStringLiteral("choosePharmacy"));
        tab();
        type(QStringLiteral("Main St Pharmacy"));
        tab();
        type(QStringLiteral("78701"));
        next();
        QCOMPARE(w->currentStep(), 2);
        // Back (Ctrl+PgUp) twice: nothing cleared.
        QTest::keyClick(focused(), Qt::Key_PageUp, Qt::ControlModifier);
        QTest::keyClick(focused(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(w->currentStep(), 0);
        QCOMPARE(find<QLineEdit>(w.get(), QStringLiteral("edit:patient.lastName"))->text(),
                 QStringLiteral("Garcia"));
        QCOMPARE(find<QLineEdit>(w.get(), QStringLiteral("edit:patient.dob"))->text(),
                 QStringLiteral("04/09/1980"));
        next();
        next();
        QCOMPARE(w->currentStep(), 2);
    }

    void validationMessagesNextToFields()
    {
        auto w = makeWizard();
        QVERIFY(!w->goNext());
        QCOMPARE(w->currentStep(), 0);
        QCOMPARE(error(*w, QStringLiteral("patient.firstName")),
                 QStringLiteral("This question needs an answer."));
        QCOMPARE(focusedName(), QStringLiteral("edit:patient.firstName"));
        fillPatient(*w);
        auto *zip = find<QLineEdit>(w.get(), QStringLiteral("edit:patient.zip"));
        zip->clear();
        QTest::keyClicks(zip, QStringLiteral("787"));
        auto *state = find<QLineEdit>(w.get(), QStringLiteral("edit:patient.state"));
        state->clear();
        QTest::keyClicks(state, QStringLiteral("XX"));
        auto *dob = find<QLineEdit>(w.get(), QStringLiteral("edit:patient.dob"));
        dob->clear();
        QTest::keyClicks(dob, QStringLiteral("02/30/1980"));
        QVERIFY(!w->goNext());
        QCOMPARE(error(*w, QStringLiteral("patient.firstName")), QString());
        QCOMPARE(error(*w, QStringLiteral("patient.zip")),
                 QStringLiteral("Expected format: 5 digits"));
        QCOMPARE(error(*w, QStringLiteral("patient.state")),
                 QStringLiteral("XX is not a US state. Enter a two-letter US state code, e.g. "
                                "TX."));
        QCOMPARE(error(*w, QStringLiteral("patient.dob")),
                 QStringLiteral("Enter a real date as MM/DD/YYYY."));
        QCOMPARE(focusedName(), QStringLiteral("edit:patient.dob")); // the first problem
        QCOMPARE(dob->accessibleDescription(), QStringLiteral("Enter a real date as MM/DD/YYYY."));
        // Fixing a field clears its message as you type.
        QTest::keyClick(dob, Qt::Key_Backspace);
        QTest::keyClick(dob, Qt::Key_Backspace);
        QTest::keyClick(dob, Qt::Key_Backspace);
        QTest::keyClick(dob, Qt::Key_Backspace);
        QTest::keyClicks(dob, QStringLiteral("1980"));
        QCOMPARE(error(*w, QStringLiteral("patient.dob")),
                 QStringLiteral("Enter a real date as MM/DD/YYYY."));
        dob->clear();
        QTest::keyClicks(dob, QStringLiteral("02/28/2999"));
        QCOMPARE(error(*w, QStringLiteral("patient.dob")),
                 QStringLiteral("The date of birth must be in the past."));
        dob->clear();
        QTest::keyClicks(dob, QStringLiteral("02/28/1980"));
        QCOMPARE(error(*w, QStringLiteral("patient.dob")), QString());
        zip->clear();
        QTest::keyClicks(zip, QStringLiteral("78701"));
        state->clear();
        QTest::keyClicks(state, QStringLiteral("tx"));
        QVERIFY(w->goNext());
    }

    void enableWhenLive()
    {
        auto w = makeWizard();
        fillPatient(*w); // Female
        QVERIFY(w->goNext());
        auto *type = find<QComboBox>(w.get(), QStringLiteral("visitType"));
        type->setCurrentIndex(type->findData(QStringLiteral("weightloss")));
        QTest::keyClick(find(w.get(), QStringLiteral("edit:medication")), Qt::Key_Space);
        QTest::keyClicks(find(w.get(), QStringLiteral("edit:pharmacy.name")),
                         QStringLiteral("CVS"));
        QTest::keyClicks(find(w.get(), QStringLiteral("edit:pharmacy.zip")),
                         QStringLiteral("78701"));
        QVERIFY(w->goNext());
        QVERIFY(w->goNext() == false); // history empty
        w->goToStep(3);
        QCOMPARE(w->page(3)->objectName(), QStringLiteral("page:screening"));
        auto *pregnancy = w->page(3)->itemWidget(QStringLiteral("pregnancy"));
        auto *date = w->page(3)->itemWidget(QStringLiteral("bariatric.date"));
        auto *warning = w->page(3)->itemWidget(QStringLiteral("mtc.warning"));
        QVERIFY(pregnancy->isVisible()); // the patient is female
        QVERIFY(!date->isVisible());
        QVERIFY(!warning->isVisible());
        // "Yes" on bariatric surgery shows its date, live; "No" hides it and its message.
        QTest::keyClick(find(w.get(), QStringLiteral("edit:bariatric")), Qt::Key_Space);
        QVERIFY(date->isVisible());
        QVERIFY(!w->goNext());
        QCOMPARE(error(*w, QStringLiteral("bariatric.date")),
                 QStringLiteral("This question needs an answer."));
        auto *no =
            w->findChild<QAbstractButton *>(QStringLiteral("edit:bariatric"))->group()->button(0);
        QTest::keyClick(no, Qt::Key_Space);
        QVERIFY(!date->isVisible());
        QCOMPARE(error(*w, QStringLiteral("bariatric.date")), QString());
        QTest::keyClick(find(w.get(), QStringLiteral("edit:men2")), Qt::Key_Space);
        QVERIFY(warning->isVisible());
        // Changing the patient's sex on step 1 hides the pregnancy question on step 4.
        w->goToStep(0);
        auto *male =
            find<QAbstractButton>(w.get(), QStringLiteral("edit:patient.sex"))->group()->button(1);
        QTest::keyClick(male, Qt::Key_Space);
        QCOMPARE(w->form().patient().sex, QStringLiteral("Male"));
        QVERIFY(!w->form().isEnabled(QStringLiteral("pregnancy")));
        w->goToStep(3);
        QVERIFY(!pregnancy->isVisible());
    }

    // Autosave happens by itself, and during continuous typing, not only once it stops. How
    // fast (at most 250 ms after a keystroke) is bench_autosave's figure, not this test's.
    void autosaveWhileTyping()
    {
        auto w = makeWizard();
        QSignalSpy saved(&w->autosaver(), &DraftAutosaver::saved);
        auto *first = find<QLineEdit>(w.get(), QStringLiteral("edit:patient.firstName"));
        QTest::keyClick(first, Qt::Key_A);
        QVERIFY(saved.wait(15000));

        // A typist who never pauses: a save must still come while the typing goes on (an
        // autosave that waited for a pause would never save here).
        saved.clear();
        QTimer typist;
        typist.setInterval(30);
        // Every key changes the text (a letter, then Backspace: the field's length limit never
        // stops the changes).
        bool letter = true;
        connect(&typist, &QTimer::timeout, first, [first, &letter]() {
            QTest::keyClick(first, letter ? Qt::Key_B : Qt::Key_Backspace);
            letter = !letter;
        });
        typist.start();
        QVERIFY(saved.wait(15000));
        typist.stop();
        w->flushDraft();
        auto draft = DraftRepository(*m_store).get(w->draftId());
        QVERIFY(draft);
        QCOMPARE(
            draft->answers.value(QStringLiteral("patient.firstName")).toArray().first().toString(),
            first->text());
        QCOMPARE(draft->ownerUser, QStringLiteral("alice"));
    }

    void restoresEveryAnswerAndTheStep()
    {
        QString id;
        QJsonObject answers;
        {
            auto w = makeWizard();
            fillPatient(*w);
            QVERIFY(w->goNext());
            auto *type = find<QComboBox>(w.get(), QStringLiteral("visitType"));
            type->setCurrentIndex(type->findData(QStringLiteral("ED")));
            QTest::keyClick(find(w.get(), QStringLiteral("edit:medication")), Qt::Key_Space);
            QTest::keyClicks(find(w.get(), QStringLiteral("edit:pharmacy.name")),
                             QStringLiteral("CVS"));
            QTest::keyClicks(find(w.get(), QStringLiteral("edit:pharmacy.zip")),
                             QStringLiteral("7870"));
            QVERIFY(!w->goNext()); // the ZIP is short: stays on step 2
            QTest::keyClicks(find(w.get(), QStringLiteral("edit:pharmacy.zip")),
                             QStringLiteral("1"));
            QVERIFY(w->goNext());
            QTest::keyClicks(find(w.get(), QStringLiteral("edit:conditions")),
                             QStringLiteral("Asthma"));
            QTest::keyClicks(find(w.get(), QStringLiteral("edit:bp.systolic")),
                             QStringLiteral("12"));
            w->flushDraft();
            id = w->draftId();
            answers = w->form().allAnswers();
            QCOMPARE(w->currentStep(), 2);
            QSignalSpy closed(w.get(), &IntakeWizard::closed);
            QTest::keyClick(focused(), Qt::Key_S, Qt::ControlModifier);
            QCOMPARE(closed.count(), 1);
        }
        auto w = makeWizard();
        QVERIFY(w->resume(id));
        QCOMPARE(w->currentStep(), 2);
        QCOMPARE(w->form().allAnswers(), answers);
        QCOMPARE(find<QComboBox>(w.get(), QStringLiteral("visitType"))->currentData().toString(),
                 QStringLiteral("ED"));
        QCOMPARE(find<QPlainTextEdit>(w.get(), QStringLiteral("edit:conditions"))->toPlainText(),
                 QStringLiteral("Asthma"));
        QCOMPARE(find<QLineEdit>(w.get(), QStringLiteral("edit:bp.systolic"))->text(),
                 QStringLiteral("12"));
        QCOMPARE(find<QLineEdit>(w.get(), QStringLiteral("edit:patient.dob"))->text(),
                 QStringLiteral("04/09/1980"));
        QVERIFY(w->page(2)->itemWidget(QStringLiteral("bp.diastolic"))->isVisible()); // enableWhen
    }

    void patientLookupOffersReuse()
    {
        Patient known;
        known.firstName = QStringLiteral("Maria");
        known.lastName = QStringLiteral("Lopez");
        known.dob = QDate(1970, 3, 3);
        known.sex = QStringLiteral("Female");
        known.phone = QStringLiteral("9725550111");
        known.city = QStringLiteral("Plano");
        auto knownId = PatientRepository(*m_store).save(known);
        QVERIFY(knownId);
        auto w = makeWizard();
        auto *panel = find(w.get(), QStringLiteral("patientLookup"));
        QVERIFY(!panel->isVisible());
        QTest::keyClicks(find(w.get(), QStringLiteral("edit:patient.phone")),
                         QStringLiteral("(972) 555-0111"));
        QVERIFY(panel->isVisible());
        auto *reuse = panel->findChildren<QPushButton *>().first();
        reuse->setFocus();
        QTest::keyClick(reuse, Qt::Key_Space);
        QVERIFY(!panel->isVisible());
        QCOMPARE(find<QLineEdit>(w.get(), QStringLiteral("edit:patient.lastName"))->text(),
                 QStringLiteral("Lopez"));
        QCOMPARE(find<QLineEdit>(w.get(), QStringLiteral("edit:patient.city"))->text(),
                 QStringLiteral("Plano"));
        QCOMPARE(w->form().patient().dob, QDate(1970, 3, 3));
        w->flushDraft();
        QCOMPARE(DraftRepository(*m_store).get(w->draftId())->patientId, *knownId);
    }

    void duplicateFlaggedThenSubmitted()
    {
        Patient twin;
        twin.firstName = QStringLiteral("Luis");
        twin.lastName = QStringLiteral("Perez");
        twin.dob = QDate(1990, 1, 31);
        QVERIFY(PatientRepository(*m_store).save(twin));
        Draft draft;
        draft.ownerUser = QStringLiteral("alice");
        draft.visitType = QStringLiteral("hairloss");
        draft.answers = completeHairLossAnswers();
        draft.page = 4;
        auto id = DraftRepository(*m_store).save(draft);
        QVERIFY(id);
        auto w = makeWizard();
        AuditLog audit(*m_store, nullptr);
        w->setAuditLog(&audit);
        QVERIFY(w->resume(*id));
        QCOMPARE(w->currentStep(), 4);
        QCOMPARE(w->currentStep(), w->stepCount() - 1);
        QVERIFY(find<QTextBrowser>(w.get(), QStringLiteral("reviewSummary"))
                    ->toPlainText()
                    .contains(QStringLiteral("Elm Pharmacy")));
        QSignalSpy submitted(w.get(), &IntakeWizard::submitted);
        next(); // Submit: the same-name patient on file is flagged first
        QCOMPARE(submitted.count(), 0);
        QCOMPARE(w->currentStep(), 0);
        auto *panel = find(w.get(), QStringLiteral("patientLookup"));
        QVERIFY(panel->isVisible());
        auto *different = panel->findChildren<QPushButton *>().at(1);
        QTest::keyClick(different, Qt::Key_Space);
        QVERIFY(!panel->isVisible());
        w->goToStep(w->stepCount() - 1);
        next();
        QCOMPARE(submitted.count(), 1);
        next(); // a second Submit does nothing
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(DraftRepository(*m_store).get(*id).error().code, ErrorCode::NotFound);
        auto visits = m_store->db().exec(QStringLiteral("SELECT status FROM visits WHERE id = ?"),
                                         {submitted.first().first()});
        QVERIFY(visits && visits->next());
        QCOMPARE(visits->value(0).toString(), QStringLiteral("Queued"));
        QStringList actions;
        QVERIFY(audit.forEach({}, [&](const AuditEntry &e) {
            actions << e.action + QLatin1Char(':') + e.entityType + QLatin1Char(':') + e.detail;
            return true;
        }));
        QVERIFY(actions.first().startsWith(auditActionName(AuditAction::PhiView) +
                                           QStringLiteral(":draft:resumed")));
        QVERIFY(actions.last().startsWith(auditActionName(AuditAction::Submit) +
                                          QStringLiteral(":visit:queued from draft")));
        QVERIFY(!actions.join(QLatin1Char('\n')).contains(QStringLiteral("Perez"))); // no PHI
    }
};

QTEST_MAIN(TestIntakeWizard)
#include "tst_intakewizard.moc"
