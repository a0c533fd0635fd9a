#include "intake/IntakeForm.h"

#include <QJsonDocument>
#include <QTest>

using namespace clinicdesk;

// Answers against a questionnaire: enableWhen, validation, completion, QuestionnaireResponse.
class TestIntakeForm : public QObject
{
    Q_OBJECT

    static Questionnaire load(const char *items)
    {
        const QByteArray json =
            QByteArray(
                R"({"resourceType":"Questionnaire","name":"t","url":"urn:x:t","version":"1","item":)") +
            items + '}';
        // moc 6.4 reads "//" inside a raw string literal as a comment: the JSON here spells the
        // FHIR StructureDefinition base as "SD:".
        auto q = Questionnaire::fromJson(
            QByteArray(json).replace("SD:", "http://hl7.org/fhir/StructureDefinition/"),
            QStringLiteral("t"));
        if (!q)
            qFatal("%s", qPrintable(q.error().message));
        return *q;
    }

private Q_SLOTS:
    void enableWhenOperators_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<int>("target");
        QTest::addColumn<QList<int>>("answers");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("= yes") << "=" << 3 << QList<int>{3} << true;
        QTest::newRow("= no") << "=" << 3 << QList<int>{4} << false;
        QTest::newRow("= none") << "=" << 3 << QList<int>{} << false;
        QTest::newRow("!= yes") << "!=" << 3 << QList<int>{4} << true;
        QTest::newRow("!= no") << "!=" << 3 << QList<int>{3} << false;
        QTest::newRow("!= none") << "!=" << 3 << QList<int>{} << false;
        QTest::newRow("> yes") << ">" << 3 << QList<int>{4} << true;
        QTest::newRow("> no") << ">" << 3 << QList<int>{3} << false;
        QTest::newRow("< yes") << "<" << 3 << QList<int>{2} << true;
        QTest::newRow("< no") << "<" << 3 << QList<int>{3} << false;
        QTest::newRow(">= yes") << ">=" << 3 << QList<int>{3} << true;
        QTest::newRow(">= no") << ">=" << 3 << QList<int>{2} << false;
        QTest::newRow("<= yes") << "<=" << 3 << QList<int>{3} << true;
        QTest::newRow("<= no") << "<=" << 3 << QList<int>{4} << false;
    }

    void enableWhenOperators()
    {
        QFETCH(QString, op);
        QFETCH(int, target);
        QFETCH(QList<int>, answers);
        QFETCH(bool, enabled);
        const QByteArray items =
            QStringLiteral(R"([{"linkId":"n","type":"integer"},{"linkId":"x","type":"string",
              "enableWhen":[{"question":"n","operator":"%1","answerInteger":%2}]}])")
                .arg(op)
                .arg(target)
                .toUtf8();
        IntakeForm form(load(items.constData()));
        QJsonArray values;
        for (int a : answers)
            values.append(a);
        form.setAnswers(QStringLiteral("n"), values);
        QCOMPARE(form.isEnabled(QStringLiteral("x")), enabled);
    }

    void existsBehaviorAndNesting()
    {
        IntakeForm form(load(R"([
          {"linkId":"a","type":"boolean"},
          {"linkId":"b","type":"date"},
          {"linkId":"any","type":"string","enableBehavior":"any","enableWhen":[
            {"question":"a","operator":"=","answerBoolean":true},
            {"question":"b","operator":"exists","answerBoolean":true}]},
          {"linkId":"all","type":"string","enableBehavior":"all","enableWhen":[
            {"question":"a","operator":"=","answerBoolean":true},
            {"question":"b","operator":">","answerDate":"2000-01-01"}]},
          {"linkId":"none","type":"string","enableWhen":[
            {"question":"b","operator":"exists","answerBoolean":false}]},
          {"linkId":"g","type":"group","enableWhen":[{"question":"a","operator":"=","answerBoolean":true}],
           "item":[{"linkId":"child","type":"boolean","required":true},
                   {"linkId":"grandchild","type":"string","enableWhen":[
                     {"question":"child","operator":"=","answerBoolean":true}]}]}])"));
        QVERIFY(!form.isEnabled(QStringLiteral("any")));
        QVERIFY(form.isEnabled(QStringLiteral("none")));
        QVERIFY(!form.isEnabled(QStringLiteral("child")));
        form.setAnswer(QStringLiteral("b"), QStringLiteral("2010-05-05"));
        QVERIFY(form.isEnabled(QStringLiteral("any")));
        QVERIFY(!form.isEnabled(QStringLiteral("all")));
        QVERIFY(!form.isEnabled(QStringLiteral("none")));
        form.setAnswer(QStringLiteral("a"), true);
        QVERIFY(form.isEnabled(QStringLiteral("all")));
        QVERIFY(form.isEnabled(QStringLiteral("child")));
        form.setAnswer(QStringLiteral("child"), true);
        QVERIFY(form.isEnabled(QStringLiteral("grandchild")));
        form.setAnswer(QStringLiteral("grandchild"), QStringLiteral("kept"));
        // Hiding the group hides everything under it; the answers stay for when it returns,
        // and the hidden answer no longer enables anything.
        form.setAnswer(QStringLiteral("a"), false);
        QVERIFY(!form.isEnabled(QStringLiteral("child")));
        QVERIFY(!form.isEnabled(QStringLiteral("grandchild")));
        QCOMPARE(form.text(QStringLiteral("grandchild")), QStringLiteral("kept"));
        form.setAnswer(QStringLiteral("a"), true);
        QVERIFY(form.isEnabled(QStringLiteral("grandchild")));
    }

    void hiddenItemsNeverRequiredNorExported()
    {
        IntakeForm form(load(R"([
          {"linkId":"smoker","type":"boolean","required":true},
          {"linkId":"packs","type":"integer","required":true,"enableWhen":[
            {"question":"smoker","operator":"=","answerBoolean":true}]}])"));
        QCOMPARE(form.validate().size(), 1);
        QCOMPARE(form.validate().first().linkId, QStringLiteral("smoker"));
        form.setAnswer(QStringLiteral("smoker"), true);
        QCOMPARE(form.validate().size(), 1);
        QCOMPARE(form.validate().first().linkId, QStringLiteral("packs"));
        QCOMPARE(form.completion(), 50);
        form.setAnswer(QStringLiteral("packs"), 2);
        QVERIFY(form.validate().isEmpty());
        QCOMPARE(form.completion(), 100);
        form.setAnswer(QStringLiteral("smoker"), false);
        QVERIFY(form.validate().isEmpty());
        QCOMPARE(form.completion(), 100);
        const QByteArray response = QJsonDocument(form.questionnaireResponse()).toJson();
        QVERIFY(!response.contains("packs"));
        QVERIFY(form.allAnswers().contains(QStringLiteral("packs"))); // kept in the draft
    }

    void validationMessages_data()
    {
        QTest::addColumn<QByteArray>("item");
        QTest::addColumn<QJsonValue>("answer");
        QTest::addColumn<QString>("message");
        auto row = [](const char *name, const char *item, QJsonValue answer, const char *message) {
            QTest::newRow(name) << QByteArray(item) << answer << QString::fromUtf8(message);
        };
        const char *integer = R"({"linkId":"q","type":"integer","extension":[
            {"url":"SD:minValue","valueInteger":1},
            {"url":"SD:maxValue","valueInteger":10}]})";
        row("int ok", integer, 5, "");
        row("int low", integer, 0, "Enter 1 or more.");
        row("int high", integer, 11, "Enter 10 or less.");
        row("int text", integer, QStringLiteral("5x"), "Enter a whole number.");
        row("int fraction", integer, 2.5, "Enter a whole number.");
        const char *decimal = R"({"linkId":"q","type":"decimal","extension":[
            {"url":"SD:minValue","valueDecimal":70.5}]})";
        row("decimal ok", decimal, 70.5, "");
        row("decimal low", decimal, 70.4, "Enter 70.5 or more.");
        row("decimal text", decimal, QStringLiteral("seventy"), "Enter a number.");
        const char *date = R"({"linkId":"q","type":"date","extension":[
            {"url":"SD:minValue","valueDate":"2000-01-01"}]})";
        row("date ok", date, QStringLiteral("2001-02-03"), "");
        row("date early", date, QStringLiteral("1999-12-31"),
            "Enter a date on or after 01/01/2000.");
        row("date half typed", date, QStringLiteral("02/3"), "Enter a real date as MM/DD/YYYY.");
        row("date impossible", date, QStringLiteral("2001-02-30"),
            "Enter a real date as MM/DD/YYYY.");
        const char *text = R"({"linkId":"q","type":"string","maxLength":5,"extension":[
            {"url":"SD:minLength","valueInteger":2},
            {"url":"SD:regex","valueString":"[a-z]+"}]})";
        row("text ok", text, QStringLiteral("abc"), "");
        row("text short", text, QStringLiteral("a"), "Enter at least 2 character(s).");
        row("text long", text, QStringLiteral("abcdef"), "Enter at most 5 character(s).");
        row("text regex", text, QStringLiteral("ab1"),
            "This answer is not in the expected format.");
        const char *hinted = R"({"linkId":"q","type":"string","extension":[
            {"url":"SD:regex","valueString":"[0-9]{5}"},
            {"url":"SD:entryFormat","valueString":"5 digits"}]})";
        row("regex is anchored", hinted, QStringLiteral("123456"), "Expected format: 5 digits");
        const char *choice =
            R"({"linkId":"q","type":"choice","answerOption":[{"valueCoding":{"code":"a"}}]})";
        row("choice ok", choice, QStringLiteral("a"), "");
        row("choice other", choice, QStringLiteral("b"), "Choose one of the listed answers.");
        const char *open =
            R"({"linkId":"q","type":"open-choice","answerOption":[{"valueCoding":{"code":"a"}}]})";
        row("open-choice free text", open, QStringLiteral("anything"), "");
        const char *consent = R"({"linkId":"q","type":"boolean","required":true,"extension":[
            {"url":"SD:questionnaire-itemControl",
             "valueCodeableConcept":{"coding":[{"code":"check-box"}]}}]})";
        row("consent given", consent, true, "");
        row("consent refused", consent, false, "Tick this box to continue.");
        row("consent missing", consent, QJsonValue(), "Tick this box to continue.");
        row("required", R"({"linkId":"q","type":"string","required":true})", QStringLiteral("   "),
            "This question needs an answer.");
        row("readOnly skipped",
            R"({"linkId":"q","type":"integer","readOnly":true,"required":true})",
            QStringLiteral("x"), "");
    }

    void validationMessages()
    {
        QFETCH(QByteArray, item);
        QFETCH(QJsonValue, answer);
        QFETCH(QString, message);
        IntakeForm form(load(("[" + item + "]").constData()));
        form.setAnswer(QStringLiteral("q"), answer);
        QCOMPARE(form.validateItem(QStringLiteral("q")), message);
        QCOMPARE(form.validate().isEmpty(), message.isEmpty());
    }

    void repeatsAndSingleAnswers()
    {
        IntakeForm form(load(R"([
          {"linkId":"one","type":"choice","answerOption":[{"valueString":"a"},{"valueString":"b"}]},
          {"linkId":"many","type":"choice","repeats":true,"answerOption":[{"valueString":"a"},{"valueString":"b"}]}])"));
        form.setAnswers(QStringLiteral("one"), {QStringLiteral("a"), QStringLiteral("b")});
        form.setAnswers(QStringLiteral("many"), {QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(form.validateItem(QStringLiteral("one")), QStringLiteral("Give one answer only."));
        QCOMPARE(form.validateItem(QStringLiteral("many")), QString());
        form.setAnswers(QStringLiteral("many"), {QStringLiteral(""), QStringLiteral("  ")});
        QVERIFY(!form.isAnswered(QStringLiteral("many")));
    }

    void initialValues()
    {
        IntakeForm form(load(R"([
          {"linkId":"c","type":"choice","answerOption":[{"valueString":"a"},{"valueString":"b","initialSelected":true}]},
          {"linkId":"n","type":"integer","initial":[{"valueInteger":4}]}])"));
        form.setAnswer(QStringLiteral("n"), 7);
        form.applyInitialValues();
        QCOMPARE(form.answer(QStringLiteral("c")), QJsonValue(QStringLiteral("b")));
        QCOMPARE(form.answer(QStringLiteral("n")).toInt(), 7); // never overwrites an answer
    }

    void dates()
    {
        QCOMPARE(IntakeForm::dateAnswer(QStringLiteral("02/29/2000")),
                 QJsonValue(QStringLiteral("2000-02-29")));
        QCOMPARE(IntakeForm::dateAnswer(QStringLiteral("2/3/1999")),
                 QJsonValue(QStringLiteral("1999-02-03")));
        QCOMPARE(IntakeForm::dateAnswer(QStringLiteral("1999-02-03")),
                 QJsonValue(QStringLiteral("1999-02-03")));
        QCOMPARE(IntakeForm::dateAnswer(QStringLiteral("02/30/2000")),
                 QJsonValue(QStringLiteral("02/30/2000")));
        QCOMPARE(IntakeForm::dateText(QStringLiteral("1999-02-03")), QStringLiteral("02/03/1999"));
        QCOMPARE(IntakeForm::dateText(QStringLiteral("02/3")), QStringLiteral("02/3"));
    }

    void questionnaireResponse()
    {
        IntakeForm form(load(R"([
          {"linkId":"g","type":"group","text":"G","item":[
            {"linkId":"b","type":"boolean","text":"B"},
            {"linkId":"c","type":"choice","text":"C","repeats":true,"answerOption":[
              {"valueCoding":{"system":"urn:s","code":"x","display":"Ex"}},{"valueInteger":2}]},
            {"linkId":"d","type":"date"},{"linkId":"n","type":"decimal"},
            {"linkId":"o","type":"open-choice","answerOption":[{"valueString":"k"}]},
            {"linkId":"empty","type":"string"},
            {"linkId":"info","type":"display","text":"Info"}]}])"));
        form.setAnswer(QStringLiteral("b"), true);
        form.setAnswers(QStringLiteral("c"), {QStringLiteral("x"), 2});
        form.setAnswer(QStringLiteral("d"), QStringLiteral("2001-02-03"));
        form.setAnswer(QStringLiteral("n"), 1.5);
        form.setAnswer(QStringLiteral("o"), QStringLiteral("free"));
        const QJsonObject qr =
            form.questionnaireResponse(QStringLiteral("completed"), QStringLiteral("abc"));
        QCOMPARE(qr.value(QLatin1String("resourceType")).toString(),
                 QStringLiteral("QuestionnaireResponse"));
        QCOMPARE(qr.value(QLatin1String("questionnaire")).toString(), QStringLiteral("urn:x:t|1"));
        QCOMPARE(qr.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(qr[QLatin1String("identifier")][QLatin1String("value")].toString(),
                 QStringLiteral("urn:uuid:abc"));
        const QJsonArray items = qr[QLatin1String("item")][0][QLatin1String("item")].toArray();
        QCOMPARE(items.size(), 5); // no empty answer, no display
        QCOMPARE(items[0][QLatin1String("answer")][0][QLatin1String("valueBoolean")].toBool(),
                 true);
        QCOMPARE(items[1][QLatin1String("answer")][0][QLatin1String("valueCoding")]
                      [QLatin1String("system")]
                          .toString(),
                 QStringLiteral("urn:s"));
        QCOMPARE(items[1][QLatin1String("answer")][1][QLatin1String("valueInteger")].toInt(), 2);
        QCOMPARE(items[2][QLatin1String("answer")][0][QLatin1String("valueDate")].toString(),
                 QStringLiteral("2001-02-03"));
        QCOMPARE(items[3][QLatin1String("answer")][0][QLatin1String("valueDecimal")].toDouble(),
                 1.5);
        QCOMPARE(items[4][QLatin1String("answer")][0][QLatin1String("valueString")].toString(),
                 QStringLiteral("free"));
    }

    void draftRoundTrip()
    {
        IntakeForm form(
            load(R"([{"linkId":"a","type":"string"},{"linkId":"b","type":"integer"}])"));
        form.setAnswer(QStringLiteral("a"), QStringLiteral("x"));
        form.setAnswer(QStringLiteral("b"), QStringLiteral("12a")); // kept as typed
        IntakeForm restored(form.questionnaire());
        restored.setAllAnswers(form.allAnswers());
        QCOMPARE(restored.allAnswers(), form.allAnswers());
        QCOMPARE(restored.text(QStringLiteral("b")), QStringLiteral("12a"));
    }

    // submissionView(): the one value the provider adapter gets. Only enabled items, each with its
    // answers read as the clinician reads them, its groups and its listed options.
    void submissionView()
    {
        IntakeForm form(load(R"([
          {"linkId":"g","type":"group","text":"  History  ","item":[
            {"linkId":"smoke","type":"boolean","text":"Do you   smoke?"},
            {"linkId":"since","type":"date","enableWhen":[
              {"question":"smoke","operator":"=","answerBoolean":true}]},
            {"linkId":"hidden","type":"string","enableWhen":[
              {"question":"smoke","operator":"=","answerBoolean":false}]}]},
          {"linkId":"color","type":"choice","text":"Colour","repeats":true,"answerOption":[
            {"valueCoding":{"code":"r","display":"Red"}},
            {"valueCoding":{"code":"b","display":"Blue"}}]},
          {"linkId":"n","type":"decimal"},
          {"linkId":"note","type":"text"}])"));
        form.setAnswer(QStringLiteral("smoke"), true);
        form.setAnswer(QStringLiteral("since"), QStringLiteral("2001-02-03"));
        form.setAnswer(QStringLiteral("hidden"), QStringLiteral("kept but hidden"));
        form.setAnswers(QStringLiteral("color"), {QStringLiteral("b"), QStringLiteral("r")});
        form.setAnswer(QStringLiteral("n"), 1.5);
        form.setAnswer(QStringLiteral("note"), QStringLiteral("  two   words "));

        const IntakeAnswers view = form.submissionView();
        QCOMPARE(view.visitType, QStringLiteral("t"));
        QStringList ids;
        for (const IntakeAnswers::Item &item : view.items)
            ids << item.linkId;
        QCOMPARE(ids, (QStringList{"g", "smoke", "since", "color", "n", "note"}));
        QVERIFY(!view.item(QStringLiteral("hidden"))); // hidden: not submitted

        const IntakeAnswers::Item *smoke = view.item(QStringLiteral("smoke"));
        QVERIFY(smoke);
        QCOMPARE(smoke->question, QStringLiteral("Do you smoke?"));
        QCOMPARE(smoke->texts, QStringList{QStringLiteral("Yes")});
        QCOMPARE(smoke->values, QJsonArray{true});
        QCOMPARE(smoke->groups, QStringList{QStringLiteral("g")});
        QVERIFY(smoke->isWithin(QStringLiteral("g")) && !smoke->isWithin(QStringLiteral("x")));
        QCOMPARE(view.item(QStringLiteral("since"))->texts, QStringList{"02/03/2001"});
        QCOMPARE(view.item(QStringLiteral("since"))->firstText, QStringLiteral("2001-02-03"));

        const IntakeAnswers::Item *color = view.item(QStringLiteral("color"));
        QCOMPARE(color->texts, (QStringList{"Blue", "Red"}));
        QCOMPARE(color->optionTexts, (QStringList{"Red", "Blue"}));
        QCOMPARE(color->chosen.size(), 2);
        QCOMPARE(color->chosen[0].value.toString(), QStringLiteral("b"));

        QCOMPARE(view.item(QStringLiteral("n"))->texts, QStringList{"1.5"});
        QCOMPARE(view.item(QStringLiteral("n"))->question, QStringLiteral("n")); // no text
        QCOMPARE(view.item(QStringLiteral("note"))->texts, QStringList{"two words"});
        QVERIFY(!view.item(QStringLiteral("g"))->isQuestion());
    }
};

QTEST_GUILESS_MAIN(TestIntakeForm)
#include "tst_intakeform.moc"
