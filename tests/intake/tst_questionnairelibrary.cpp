#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;

// The shipped questionnaires: every visit type loads, every text has its Spanish translation,
// and a questionnaire directory adds a visit type without code, refusing bad files one by one.
class TestQuestionnaireLibrary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shipsEveryVisitType()
    {
        const auto library = QuestionnaireLibrary::load();
        QVERIFY2(library.errors().isEmpty(), qPrintable(library.errors().join(QLatin1Char('\n'))));
        QCOMPARE(
            library.visitTypes(),
            (QStringList{QStringLiteral("ED"), QStringLiteral("PE"), QStringLiteral("hairloss"),
                         QStringLiteral("weightloss"), QStringLiteral("weightlossfollowup")}));
        QVERIFY(library.patient().item(IntakeForm::kDob));
        for (const QString &type : library.visitTypes()) {
            const Questionnaire q = library.intake(type);
            QCOMPARE(q.name(), type);
            QVERIFY(q.item(IntakeForm::kFirstName));
            QVERIFY2(q.item(QStringLiteral("medication")), qPrintable(type));
            QVERIFY2(q.item(QStringLiteral("consent")), qPrintable(type));
            QVERIFY2(q.item(QStringLiteral("pharmacy.name")), qPrintable(type));
        }
    }

    void everyTextIsTranslated()
    {
        const auto library = QuestionnaireLibrary::load();
        for (const QString &type : library.visitTypes()) {
            const Questionnaire q = library.intake(type);
            QVERIFY(!q.title().translated.value(QStringLiteral("es")).isEmpty());
            for (const QString &linkId : q.linkIds()) {
                const QuestionnaireItem *item = q.item(linkId);
                QVERIFY2(!item->text.text.isEmpty(), qPrintable(type + QLatin1Char('/') + linkId));
                QVERIFY2(item->text.in(QStringLiteral("es")) != item->text.text ||
                             item->text.text == QLatin1String("Diabetes"),
                         qPrintable(type + QLatin1Char('/') + linkId));
                for (const QuestionnaireOption &o : item->options)
                    QVERIFY2(o.display.translated.contains(QStringLiteral("es")),
                             qPrintable(type + QLatin1Char('/') + linkId));
            }
        }
    }

    void screensContraindications()
    {
        const auto library = QuestionnaireLibrary::load();
        const Questionnaire wl = library.intake(QStringLiteral("weightloss"));
        for (const char *id : {"mtc", "men2", "pancreatitis", "pregnancy", "mtc.warning"})
            QVERIFY2(wl.item(QString::fromLatin1(id)), id);
        IntakeForm form(wl);
        QVERIFY(!form.isEnabled(QStringLiteral("mtc.warning")));
        form.setAnswer(QStringLiteral("men2"), true);
        QVERIFY(form.isEnabled(QStringLiteral("mtc.warning")));
        QVERIFY(!form.isEnabled(QStringLiteral("pregnancy")));
        form.setAnswer(IntakeForm::kSex, QStringLiteral("Female"));
        QVERIFY(form.isEnabled(QStringLiteral("pregnancy")));

        IntakeForm ed(library.intake(QStringLiteral("ED")));
        QVERIFY(!ed.isEnabled(QStringLiteral("nitrates.warning")));
        ed.setAnswer(QStringLiteral("nitrates"), true);
        QVERIFY(ed.isEnabled(QStringLiteral("nitrates.warning")));
        QVERIFY(ed.questionnaire().item(QStringLiteral("cardiac")));
    }

    void directoryAddsAndRefuses()
    {
        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &json) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(json);
        };
        write(QStringLiteral("acne.json"),
              R"({"resourceType":"Questionnaire","name":"acne","item":[
                 {"linkId":"severity","type":"choice","required":true,"enableWhen":[
                   {"question":"patient.sex","operator":"exists","answerBoolean":true}],
                  "answerOption":[{"valueString":"mild"},{"valueString":"severe"}]}]})");
        write(QStringLiteral("broken.json"),
              R"({"resourceType":"Questionnaire","name":"broken","item":[
                 {"linkId":"x","type":"choice"}]})");
        write(QStringLiteral("clash.json"),
              R"({"resourceType":"Questionnaire","name":"clash","item":[
                 {"linkId":"patient.dob","type":"string"}]})");
        const auto library = QuestionnaireLibrary::load(dir.path());
        QVERIFY(library.contains(QStringLiteral("acne")));
        QVERIFY(library.contains(QStringLiteral("weightloss")));
        QVERIFY(!library.contains(QStringLiteral("broken")));
        QVERIFY(!library.contains(QStringLiteral("clash")));
        QCOMPARE(library.errors().size(), 2);
        QVERIFY(library.errors()
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("questionnaire broken.json: item 'x': choice without "
                                             "answerOption")));
        QVERIFY(library.errors()
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("item 'patient.dob': duplicate linkId")));
        IntakeForm form(library.intake(QStringLiteral("acne")));
        QVERIFY(!form.isEnabled(QStringLiteral("severity")));
        form.setAnswer(IntakeForm::kSex, QStringLiteral("Male"));
        QVERIFY(form.isEnabled(QStringLiteral("severity")));
    }
};

QTEST_GUILESS_MAIN(TestQuestionnaireLibrary)
#include "tst_questionnairelibrary.moc"
