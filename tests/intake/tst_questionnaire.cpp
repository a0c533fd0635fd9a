#include "intake/Questionnaire.h"

#include <QJsonDocument>
#include <QTest>

using namespace clinicdesk;

// moc 6.4 reads "//" inside a raw string literal as a comment, so the JSON below spells the
// FHIR StructureDefinition base as "SD:" and this puts it back.
static QByteArray expand(QByteArray json)
{
    return json.replace("SD:", "http://hl7.org/fhir/StructureDefinition/");
}

// The loader: the supported subset parsed faithfully, and every invalid file refused with a
// message that names the item and the problem.
class TestQuestionnaire : public QObject
{
    Q_OBJECT

    static QByteArray wrap(const QJsonArray &items)
    {
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Questionnaire")},
                               {QStringLiteral("name"), QStringLiteral("test")},
                               {QStringLiteral("item"), items}})
            .toJson();
    }
    static QJsonObject parse(const char *json)
    {
        return QJsonDocument::fromJson(QByteArray(json)).object();
    }

private Q_SLOTS:
    void parsesTheSubset()
    {
        const QByteArray json = R"({
          "resourceType": "Questionnaire", "name": "demo", "url": "urn:x:q", "version": "3",
          "title": "Demo", "_title": {"extension": [{"url": "SD:translation",
              "extension": [{"url": "lang", "valueCode": "es"}, {"url": "content", "valueString": "Prueba"}]}]},
          "item": [{"linkId": "g", "type": "group", "text": "Group", "item": [
            {"linkId": "smoker", "type": "boolean", "text": "Smoker?", "required": true},
            {"linkId": "packs", "type": "integer", "text": "Packs", "enableWhen": [
                {"question": "smoker", "operator": "=", "answerBoolean": true}],
             "extension": [{"url": "SD:minValue", "valueInteger": 1},
                           {"url": "SD:maxValue", "valueInteger": 10}]},
            {"linkId": "code", "type": "string", "maxLength": 6, "readOnly": true,
             "extension": [{"url": "SD:regex", "valueString": "[A-Z]+"},
                           {"url": "SD:minLength", "valueInteger": 2}]},
            {"linkId": "colour", "type": "choice", "repeats": true, "answerOption": [
                {"valueCoding": {"code": "r", "display": "Red", "_display": {"extension": [{"url": "SD:translation",
                  "extension": [{"url": "lang", "valueCode": "es"}, {"url": "content", "valueString": "Rojo"}]}]}},
                 "initialSelected": true},
                {"valueString": "blue"}, {"valueInteger": 3}]},
            {"linkId": "when", "type": "date", "initial": [{"valueDate": "2020-02-29"}],
             "enableWhen": [{"question": "packs", "operator": ">=", "answerInteger": 2},
                            {"question": "colour", "operator": "exists", "answerBoolean": true}],
             "enableBehavior": "any"},
            {"linkId": "note", "type": "display", "text": "Note"},
            {"linkId": "other", "type": "open-choice", "answerOption": [{"valueString": "a"}]},
            {"linkId": "free", "type": "text"},
            {"linkId": "weight", "type": "decimal"}
          ]}]})";
        auto q = Questionnaire::fromJson(expand(json), QStringLiteral("demo.json"));
        QVERIFY2(q, q ? "" : qPrintable(q.error().message));
        QCOMPARE(q->name(), QStringLiteral("demo"));
        QCOMPARE(q->title().in(QStringLiteral("es_MX")), QStringLiteral("Prueba"));
        QCOMPARE(q->title().in(QStringLiteral("fr")), QStringLiteral("Demo"));
        QCOMPARE(q->linkIds().size(), 10);
        QCOMPARE(q->parentOf(QStringLiteral("packs")), QStringLiteral("g"));
        const QuestionnaireItem *packs = q->item(QStringLiteral("packs"));
        QVERIFY(packs);
        QCOMPARE(packs->type, QuestionnaireItem::Type::Integer);
        QCOMPARE(packs->minValue.toInt(), 1);
        QCOMPARE(packs->maxValue.toInt(), 10);
        QCOMPARE(packs->enableWhen.size(), 1);
        const QuestionnaireItem *code = q->item(QStringLiteral("code"));
        QCOMPARE(code->regex, QStringLiteral("[A-Z]+"));
        QCOMPARE(*code->maxLength, 6);
        QCOMPARE(*code->minLength, 2);
        QVERIFY(code->readOnly);
        const QuestionnaireItem *colour = q->item(QStringLiteral("colour"));
        QCOMPARE(colour->options.size(), 3);
        QCOMPARE(colour->options[0].display.in(QStringLiteral("es")), QStringLiteral("Rojo"));
        QCOMPARE(colour->initial, QJsonArray{QStringLiteral("r")});
        QVERIFY(colour->repeats);
        const QuestionnaireItem *when = q->item(QStringLiteral("when"));
        QVERIFY(!when->enableAll);
        QCOMPARE(when->initial, QJsonArray{QStringLiteral("2020-02-29")});
        QCOMPARE(when->enableWhen[1].op, EnableWhen::Operator::Exists);
    }

    void refusesInvalidFiles_data()
    {
        QTest::addColumn<QByteArray>("items");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const char *items, const char *expected) {
            QTest::newRow(name) << QByteArray(items) << QString::fromUtf8(expected);
        };
        row("duplicate", R"([{"linkId":"a","type":"string"},{"linkId":"a","type":"integer"}])",
            "item 'a': duplicate linkId");
        row("unknown type", R"([{"linkId":"a","type":"quantity"}])",
            "item 'a': unknown or unsupported type 'quantity'");
        row("no type", R"([{"linkId":"a"}])", "item 'a': no type");
        row("no linkId", R"([{"type":"string"}])", "an item has no linkId");
        row("missing question",
            R"([{"linkId":"a","type":"string","enableWhen":[{"question":"zz","operator":"exists","answerBoolean":true}]}])",
            "item 'a': enableWhen refers to missing item 'zz'");
        row("bad regex",
            R"([{"linkId":"a","type":"string","extension":[{"url":"SD:regex","valueString":"*a"}]}])",
            "item 'a': bad regex");
        row("choice without options", R"([{"linkId":"c","type":"choice"}])",
            "item 'c': choice without answerOption");
        row("options on string",
            R"([{"linkId":"s","type":"string","answerOption":[{"valueString":"x"}]}])",
            "item 's': answerOption on an item of type string");
        row("bad operator",
            R"([{"linkId":"a","type":"string"},{"linkId":"b","type":"string","enableWhen":[{"question":"a","operator":"~","answerString":"x"}]}])",
            "item 'b': unknown enableWhen operator");
        row("ordered boolean",
            R"([{"linkId":"a","type":"boolean"},{"linkId":"b","type":"string","enableWhen":[{"question":"a","operator":">","answerBoolean":true}]}])",
            "item 'b': enableWhen on 'a' (boolean) cannot use answerBoolean");
        row("exists needs boolean",
            R"([{"linkId":"a","type":"string"},{"linkId":"b","type":"string","enableWhen":[{"question":"a","operator":"exists","answerString":"x"}]}])",
            "item 'b': enableWhen 'exists' needs answerBoolean");
        row("not an option",
            R"([{"linkId":"a","type":"choice","answerOption":[{"valueString":"x"}]},{"linkId":"b","type":"string","enableWhen":[{"question":"a","operator":"=","answerString":"y"}]}])",
            "item 'b': enableWhen on 'a' compares with a value that is not one of its options");
        row("cycle",
            R"([{"linkId":"a","type":"boolean","enableWhen":[{"question":"b","operator":"exists","answerBoolean":true}]},{"linkId":"b","type":"boolean","enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}]}])",
            "enableWhen conditions form a cycle");
        row("self",
            R"([{"linkId":"a","type":"boolean","enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}]}])",
            "item 'a': enableWhen refers to the item itself");
        row("min above max",
            R"([{"linkId":"n","type":"integer","extension":[{"url":"SD:minValue","valueInteger":5},{"url":"SD:maxValue","valueInteger":1}]}])",
            "item 'n': minValue is greater than maxValue");
        row("min wrong type",
            R"([{"linkId":"n","type":"integer","extension":[{"url":"SD:minValue","valueDate":"2020-01-01"}]}])",
            "item 'n': minValue valueDate does not fit an item of type integer");
        row("empty group", R"([{"linkId":"g","type":"group"}])", "item 'g': a group without items");
        row("repeating group",
            R"([{"linkId":"g","type":"group","repeats":true,"item":[{"linkId":"x","type":"string"}]}])",
            "item 'g': repeating groups are not supported");
        row("bad maxLength", R"([{"linkId":"s","type":"string","maxLength":0}])",
            "item 's': maxLength must be a positive integer");
        row("bad initial", R"([{"linkId":"i","type":"integer","initial":[{"valueString":"x"}]}])",
            "item 'i': initial valueString does not fit an item of type integer");
        row("two behaviors missing",
            R"([{"linkId":"a","type":"boolean"},{"linkId":"b","type":"string","enableWhen":[{"question":"a","operator":"=","answerBoolean":true},{"question":"a","operator":"=","answerBoolean":false}]}])",
            "item 'b': several enableWhen conditions need an enableBehavior");
        row("bad behavior",
            R"([{"linkId":"a","type":"boolean"},{"linkId":"b","type":"string","enableBehavior":"some","enableWhen":[{"question":"a","operator":"=","answerBoolean":true}]}])",
            "item 'b': enableBehavior must be 'all' or 'any'");
        row("on display",
            R"([{"linkId":"d","type":"display"},{"linkId":"b","type":"string","enableWhen":[{"question":"d","operator":"exists","answerBoolean":true}]}])",
            "item 'b': enableWhen refers to 'd', which is a display item");
        row("duplicate option",
            R"([{"linkId":"c","type":"choice","answerOption":[{"valueString":"x"},{"valueString":"x"}]}])",
            "item 'c': duplicate answerOption 'x'");
        row("nested duplicate",
            R"([{"linkId":"g","type":"group","item":[{"linkId":"g","type":"string"}]}])",
            "item 'g': duplicate linkId");
    }

    void refusesInvalidFiles()
    {
        QFETCH(QByteArray, items);
        QFETCH(QString, expected);
        const QJsonDocument doc = QJsonDocument::fromJson(expand(items));
        QVERIFY2(doc.isArray(), items.constData());
        auto q = Questionnaire::fromJson(wrap(doc.array()), QStringLiteral("bad.json"));
        QVERIFY(!q);
        QCOMPARE(q.error().code, ErrorCode::InvalidInput);
        QVERIFY2(q.error().message.startsWith(QStringLiteral("questionnaire bad.json: ")),
                 qPrintable(q.error().message));
        QVERIFY2(q.error().message.contains(expected), qPrintable(q.error().message));
    }

    void refusesBadDocuments()
    {
        QVERIFY(!Questionnaire::fromJson("{not json", QStringLiteral("x")));
        QVERIFY(!Questionnaire::fromJson(R"({"resourceType":"Patient"})", QStringLiteral("x")));
        auto noName = Questionnaire::fromJson(
            R"({"resourceType":"Questionnaire","item":[{"linkId":"a","type":"string"}]})",
            QStringLiteral("x"));
        QVERIFY(!noName);
        QVERIFY(noName.error().message.contains(QStringLiteral("'name'")));
        QVERIFY(!Questionnaire::fromJson(R"({"resourceType":"Questionnaire","name":"x","item":[]})",
                                         QStringLiteral("x")));
    }

    void refusesDeepNesting()
    {
        QJsonObject leaf{{QStringLiteral("linkId"), QStringLiteral("leaf")},
                         {QStringLiteral("type"), QStringLiteral("string")}};
        for (int i = 0; i < Questionnaire::kMaxDepth + 2; ++i)
            leaf = QJsonObject{{QStringLiteral("linkId"), QStringLiteral("g%1").arg(i)},
                               {QStringLiteral("type"), QStringLiteral("group")},
                               {QStringLiteral("item"), QJsonArray{leaf}}};
        auto q = Questionnaire::fromJson(wrap(QJsonArray{leaf}), QStringLiteral("deep.json"));
        QVERIFY(!q);
        QVERIFY2(q.error().message.contains(QStringLiteral("nested deeper")),
                 qPrintable(q.error().message));
    }

    void contextAndCombine()
    {
        auto patient = Questionnaire::fromJson(
            wrap(QJsonArray{
                parse(R"({"linkId":"sex","type":"choice","answerOption":[{"valueString":"F"}]})")}),
            QStringLiteral("p"));
        QVERIFY(patient);
        const QByteArray clinical = wrap(QJsonArray{parse(
            R"({"linkId":"preg","type":"boolean","enableWhen":[{"question":"sex","operator":"=","answerString":"F"}]})")});
        QVERIFY(!Questionnaire::fromJson(clinical, QStringLiteral("c")));
        auto withContext = Questionnaire::fromJson(clinical, QStringLiteral("c"), *patient);
        QVERIFY2(withContext, withContext ? "" : qPrintable(withContext.error().message));
        auto combined = Questionnaire::combine(*patient, *withContext);
        QVERIFY(combined);
        QCOMPARE(combined->linkIds(), (QStringList{QStringLiteral("sex"), QStringLiteral("preg")}));
        // A copy shares the items and stays valid after the original is gone.
        Questionnaire copy;
        {
            Questionnaire original = *combined;
            copy = original;
        }
        QVERIFY(copy.item(QStringLiteral("preg")));
        auto clash = Questionnaire::combine(*patient, *patient);
        QVERIFY(!clash);
        QVERIFY(clash.error().message.contains(QStringLiteral("item 'sex': duplicate linkId")));
    }
};

QTEST_GUILESS_MAIN(TestQuestionnaire)
#include "tst_questionnaire.moc"
