#include "SandboxPayloads.h"
#include "SandboxValidation.h"

#include <QTest>

using namespace clinicdesk;

// The sandbox refuses createNoPay bodies the way the provider does, with the provider's texts.
class TestSandboxValidation : public QObject
{
    Q_OBJECT

private slots:
    void validBodyPasses()
    {
        QCOMPARE(SandboxValidation::createVisitError(sandboxtest::createBody("m-1")), QString());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        const QString bad = QStringLiteral("Payload contains bad fields: ");
        QTest::newRow("state") << "state" << QJsonValue("ZZ") << "State not valid";
        QTest::newRow("state lower") << "state" << QJsonValue("tx") << "State not valid";
        QTest::newRow("missing first name") << "firstName" << QJsonValue() << bad + "firstName";
        QTest::newRow("empty last name") << "lastName" << QJsonValue("  ") << bad + "lastName";
        QTest::newRow("long name")
            << "firstName" << QJsonValue(QString(101, u'a')) << bad + "firstName";
        QTest::newRow("dob format") << "dob" << QJsonValue("1985-04-23") << bad + "dob";
        QTest::newRow("dob future") << "dob" << QJsonValue("01/01/2999") << bad + "dob";
        QTest::newRow("phone") << "phone" << QJsonValue("555-0100") << bad + "phone";
        QTest::newRow("zip") << "zip" << QJsonValue("7870") << bad + "zip";
        QTest::newRow("sex") << "sex" << QJsonValue("male") << bad + "sex";
        QTest::newRow("email") << "email" << QJsonValue("nobody") << bad + "email";
        QTest::newRow("consent") << "consentsSigned" << QJsonValue(false) << bad + "consentsSigned";
        QTest::newRow("unknown field")
            << "favouriteColour" << QJsonValue("blue") << bad + "favouriteColour";
        QTest::newRow("null field")
            << "allergies" << QJsonValue(QJsonValue::Null) << bad + "allergies";
        QTest::newRow("question without answer")
            << "A1" << QJsonValue(QJsonValue::Undefined) << bad + "Q1";
    }
    void refusals()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject body = sandboxtest::createBody("m-1");
        QJsonObject form = body.value("formObj").toObject();
        if (value.isUndefined())
            form.remove(field);
        else
            form.insert(field, value);
        body.insert("formObj", form);
        QCOMPARE(SandboxValidation::createVisitError(body), error);
    }

    void bodyFields()
    {
        QJsonObject body = sandboxtest::createBody("m-1");
        body.insert("visitType", "astrology");
        body.remove("masterId");
        QCOMPARE(SandboxValidation::createVisitError(body),
                 QStringLiteral("Payload contains bad fields: masterId, visitType"));
        QCOMPARE(SandboxValidation::createVisitError({}),
                 QStringLiteral("Payload contains bad fields: masterId, visitType, formObj"));
    }

    void severalBadFieldsAreListed()
    {
        QJsonObject body = sandboxtest::createBody("m-1");
        QJsonObject form = body.value("formObj").toObject();
        form.insert("zip", "x");
        form.remove("email");
        body.insert("formObj", form);
        QCOMPARE(SandboxValidation::createVisitError(body),
                 QStringLiteral("Payload contains bad fields: email, zip"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxValidation)
#include "tst_sandboxvalidation.moc"
