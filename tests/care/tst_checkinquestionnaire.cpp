// The weight-loss check-in questionnaire (issue 15, item 1): it ships embedded, loads with the
// patient's questions in front, is complete in English and Spanish, is not offered as a new
// visit (it continues a weightloss visit), asks weight, height, the computed BMI (read-only),
// the titration choice with the provider's three values, side effects and safety; and the BMI
// rule: computed as the provider reads it (digits, rounded down), refused below 19 before
// submitting with the provider's reason, word for word.
#include "intake/CheckinRules.h"
#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"

#include <QTest>

using namespace clinicdesk;

class TestCheckinQuestionnaire : public QObject
{
    Q_OBJECT

    static inline const QString kType = QStringLiteral("weightlossCheckin");

    static IntakeForm form() { return IntakeForm(QuestionnaireLibrary::load().intake(kType)); }
    static void measure(IntakeForm &f, double pounds, int feet, int inches)
    {
        f.setAnswer(CheckinRules::kWeight, pounds);
        f.setAnswer(CheckinRules::kHeightFeet, feet);
        f.setAnswer(CheckinRules::kHeightInches, inches);
    }

private Q_SLOTS:
    void loadsAsAContinuation()
    {
        const auto library = QuestionnaireLibrary::load();
        QVERIFY2(library.errors().isEmpty(), qPrintable(library.errors().join(QLatin1Char('\n'))));
        QVERIFY(library.contains(kType));
        QCOMPARE(library.continues(kType), QStringLiteral("weightloss"));
        QVERIFY(!library.visitTypes().contains(kType)); // the wizard never offers it
        QVERIFY(library.visitTypes().contains(QStringLiteral("weightloss")));
        QCOMPARE(library.visitTypeTitles().value(kType).isEmpty(), false);

        const Questionnaire q = library.intake(kType);
        QCOMPARE(q.name(), kType);
        QVERIFY(q.item(IntakeForm::kFirstName)); // the patient's questions come first
        for (const char *id : {"weight", "height.ft", "height.in", "bmi", "titration", "nausea",
                               "vomiting", "abdominalpain", "abdominalpain.warning", "pregnancy",
                               "mood", "thyroid", "newmeds", "consent.truthful"})
            QVERIFY2(q.item(QString::fromLatin1(id)), id);
        QVERIFY(!q.item(QStringLiteral("medication"))); // a check-in sends no patientPreference
        QVERIFY(q.item(CheckinRules::kBmi)->readOnly);
        QStringList codes;
        for (const QuestionnaireOption &o : q.item(CheckinRules::kTitration)->options)
            codes << o.value.toString();
        QCOMPARE(codes, (QStringList{"Increase", "Decrease", "Stay the same"}));
    }

    void everyTextIsTranslated()
    {
        const Questionnaire q = QuestionnaireLibrary::load().intake(kType);
        QVERIFY(!q.title().translated.value(QStringLiteral("es")).isEmpty());
        for (const QString &linkId : q.linkIds()) {
            const QuestionnaireItem *item = q.item(linkId);
            QVERIFY2(item->text.in(QStringLiteral("es")) != item->text.text, qPrintable(linkId));
            for (const QuestionnaireOption &o : item->options)
                QVERIFY2(o.display.translated.contains(QStringLiteral("es")), qPrintable(linkId));
        }
        QCOMPARE(q.item(CheckinRules::kTitration)->text.in(QStringLiteral("es")),
                 QStringLiteral("Dosis para la próxima receta"));
    }

    void warningsFollowTheAnswers()
    {
        IntakeForm f = form();
        QVERIFY(!f.isEnabled(QStringLiteral("abdominalpain.warning")));
        f.setAnswer(QStringLiteral("abdominalpain"), true);
        QVERIFY(f.isEnabled(QStringLiteral("abdominalpain.warning")));
        QVERIFY(!f.isEnabled(QStringLiteral("titration.decrease.note")));
        f.setAnswer(CheckinRules::kTitration, QStringLiteral("Decrease")); // a Coding's code
        QVERIFY(f.isEnabled(QStringLiteral("titration.decrease.note")));
    }

    void bmiIsComputed()
    {
        // 703 x 150 / 65^2 = 24.958...: shown 24.9, sent as 24.
        const auto value = CheckinRules::bmi(150, 5, 5);
        QVERIFY(value);
        QVERIFY(qAbs(*value - 24.9585) < 0.001);
        QCOMPARE(CheckinRules::display(*value), QStringLiteral("24.9"));
        QCOMPARE(CheckinRules::providerDigits(*value), 24);
        QVERIFY(!CheckinRules::bmi(150, 0, 0));
        IntakeForm f = form();
        QVERIFY(!CheckinRules::bmi(f));
        f.setAnswer(CheckinRules::kWeight, 150);
        QVERIFY(!CheckinRules::bmi(f)); // no height yet
        measure(f, 150, 5, 5);
        QCOMPARE(CheckinRules::providerDigits(*CheckinRules::bmi(f)), 24);
    }

    // 5 ft 10 in (70 in): 132.5 lb is BMI 19.01, 132.4 lb is 18.99.
    void bmiBelow19IsRefusedBeforeSubmitting()
    {
        IntakeForm f = form();
        measure(f, 132.5, 5, 10);
        QVERIFY(*CheckinRules::bmi(f) >= 19.0);
        QCOMPARE(CheckinRules::providerDigits(*CheckinRules::bmi(f)), 19);
        QCOMPARE(f.validateItem(CheckinRules::kWeight), QString());

        measure(f, 132.4, 5, 10);
        QVERIFY(*CheckinRules::bmi(f) < 19.0);
        QCOMPARE(CheckinRules::providerDigits(*CheckinRules::bmi(f)), 18);
        const QString issue = f.validateItem(CheckinRules::kWeight);
        QVERIFY(issue.startsWith(QStringLiteral("BMI below eligibility level")));
        QVERIFY(issue.contains(QStringLiteral("18.9")));
        bool listed = false;
        for (const IntakeIssue &i : f.validate())
            listed = listed || (i.linkId == CheckinRules::kWeight && i.message == issue);
        QVERIFY(listed);

        // The same weight on the first weight-loss visit (no BMI item) is not the check-in's
        // business: only the questionnaire's own bounds apply there.
        IntakeForm first(QuestionnaireLibrary::load().intake(QStringLiteral("weightloss")));
        first.setAnswer(CheckinRules::kWeight, 132.4);
        first.setAnswer(CheckinRules::kHeightFeet, 5);
        first.setAnswer(CheckinRules::kHeightInches, 10);
        QCOMPARE(first.validateItem(CheckinRules::kWeight), QString());
    }
};

QTEST_GUILESS_MAIN(TestCheckinQuestionnaire)
#include "tst_checkinquestionnaire.moc"
