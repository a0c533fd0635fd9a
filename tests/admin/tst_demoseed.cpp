#include "SandboxValidation.h"
#include "TestSupport.h"
#include "intake/DraftRepository.h"
#include "store/PatientRepository.h"
#include "visits/DueList.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace clinicdesk;

// `clinicdesk-admin demo seed`, driven as scripts/run drives it: fake patients, queued visits
// made through the real intake path, one draft; refusal on a store with patients; ids and states
// only in its output; audited.
class TestDemoSeed : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    QTemporaryDir m_dir;
    QStringList m_base;

    Run admin(const QStringList &args) const
    {
        QProcess p;
        p.start(qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin"),
                m_base + args);
        if (!p.waitForFinished(60'000))
            qFatal("clinicdesk-admin did not finish");
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    std::unique_ptr<KeyFileKeyProvider> m_keys;

    std::unique_ptr<LocalStore> openStore()
    {
        m_keys = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("k")));
        return test::openStore(m_dir.filePath(QStringLiteral("d")), *m_keys);
    }

    static int count(LocalStore &store, const QString &sql)
    {
        auto q = store.db().exec(sql);
        if (!q || !q->next())
            return -1;
        return q->value(0).toInt();
    }

    qint64 auditEntries() const
    {
        const Run r =
            admin({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
        if (r.exitCode != 0)
            return -1;
        const QJsonObject v = QJsonDocument::fromJson(r.out).object();
        return v.value(QLatin1String("intact")).toBool()
                   ? v.value(QLatin1String("entries")).toInteger()
                   : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("d")),
                  QStringLiteral("--key-file"), m_dir.filePath(QStringLiteral("k"))};
        QCOMPARE(admin({QStringLiteral("store"), QStringLiteral("init")}).exitCode, 0);
        const Run user = admin({QStringLiteral("users"), QStringLiteral("add"),
                                QStringLiteral("admin"), QStringLiteral("--role"),
                                QStringLiteral("admin"), QStringLiteral("--generate-password")});
        QCOMPARE(user.exitCode, 0);
    }

    void refusesBadOptions()
    {
        const QList<std::pair<QStringList, const char *>> cases = {
            {{QStringLiteral("--patients"), QStringLiteral("0")}, "--patients must be"},
            {{QStringLiteral("--visits"), QStringLiteral("x")}, "--visits must be"},
            {{QStringLiteral("--patients"), QStringLiteral("1"), QStringLiteral("--visits"),
              QStringLiteral("9")},
             "raise --patients"},
            {{QStringLiteral("--user"), QStringLiteral("nobody")}, "--user nobody"},
        };
        for (const auto &[args, message] : cases) {
            const Run r = admin(QStringList{QStringLiteral("demo"), QStringLiteral("seed")} + args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(message), r.err.constData());
            QCOMPARE(r.err.count('\n'), 1);
        }
        auto store = openStore();
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM patients")), 0);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM visits")), 0);
    }

    void seedsAnEmptyStore()
    {
        const qint64 entriesBefore = auditEntries();
        QVERIFY(entriesBefore > 0);
        const Run r = admin({QStringLiteral("demo"), QStringLiteral("seed"),
                             QStringLiteral("--user"), QStringLiteral("admin")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.isEmpty());

        // Ids and states only: every line is one of these shapes.
        const QString uuid = QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                                            "[0-9a-f]{12}");
        const QRegularExpression shapes(
            QStringLiteral("^(seeded 6 demo patient\\(s\\), 8 queued visit\\(s\\) and 1 unfinished "
                           "intake, attributed to admin \\(fake names and contact details\\)"
                           "|patient %1"
                           "|visit (%1) [A-Za-z]+ +Queued demo-decision ([a-z]+)"
                           "|draft %1 [A-Za-z]+ [0-9]+% answered)$")
                .arg(uuid));
        const QStringList lines = QString::fromUtf8(r.out).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1 + 6 + 8 + 1);
        QMap<QString, int> decisions;
        QMap<QString, QString> decisionOf;
        for (const QString &line : lines) {
            const auto m = shapes.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            if (!m.captured(2).isEmpty()) {
                ++decisions[m.captured(3)];
                decisionOf.insert(m.captured(2), m.captured(3));
            }
        }
        const QMap<QString, int> expected = {
            {QStringLiteral("prescribe"), 2}, {QStringLiteral("refer"), 1},
            {QStringLiteral("cancel"), 1},    {QStringLiteral("ask"), 1},
            {QStringLiteral("none"), 2},      {QStringLiteral("duplicate"), 1}};
        QCOMPARE(decisions, expected);

        auto store = openStore();
        PatientRepository patients(*store);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM patients")), 6);
        auto rows = store->db().exec(QStringLiteral("SELECT id FROM patients"));
        QVERIFY(rows);
        QStringList phones;
        while (rows->next()) {
            auto p = patients.get(rows->value(0).toString());
            QVERIFY(p);
            // Obviously fake, and none of it in the command's output.
            QVERIFY2(p->lastName.startsWith(QLatin1String("Demo-")), qPrintable(p->lastName));
            QVERIFY(QRegularExpression(QStringLiteral("^20255501[0-9]{2}$"))
                        .match(p->phone)
                        .hasMatch());
            QCOMPARE(p->address, QStringLiteral("100 Demo St"));
            QVERIFY(p->email.endsWith(QLatin1String("@example.com")));
            for (const QString &phi : {p->firstName, p->lastName, p->phone, p->email, p->address})
                QVERIFY2(!r.out.contains(phi.toUtf8()), qPrintable(phi));
            phones << p->phone;
        }
        phones.removeDuplicates();
        QCOMPARE(phones.size(), 6);

        // Queued visits through the real path: sealed createNoPay bodies the provider accepts,
        // attributed to the demo account; the planned duplicate repeats an open visit's patient
        // and type (the provider's "Patient not eligible for new visit").
        auto visits = store->db().exec(
            QStringLiteral("SELECT id, master_id, patient_id, visit_type, status, created_by, "
                           "form_obj, questionnaire_response FROM visits"));
        QVERIFY(visits);
        int n = 0;
        QSet<QString> openPairs;
        QString duplicatePair;
        while (visits->next()) {
            ++n;
            const QString master = visits->value(1).toString();
            QVERIFY2(decisionOf.contains(master), qPrintable(master));
            QCOMPARE(visits->value(4).toString(), QStringLiteral("Queued"));
            QCOMPARE(visits->value(5).toString(), QStringLiteral("admin"));
            QVERIFY(!visits->value(7).isNull());
            auto body =
                store->cipher().open(QStringLiteral("visits"), visits->value(0).toString(),
                                     QStringLiteral("form_obj"), visits->value(6).toByteArray());
            QVERIFY(body);
            const QJsonObject request = QJsonDocument::fromJson(*body).object();
            QCOMPARE(request.value(QLatin1String("masterId")).toString(), master);
            QCOMPARE(SandboxValidation::createVisitError(request), QString());
            const QString pair =
                visits->value(2).toString() + QLatin1Char('/') + visits->value(3).toString();
            if (decisionOf.value(master) == QLatin1String("duplicate"))
                duplicatePair = pair;
            else
                QVERIFY2(!openPairs.contains(pair), "two visits of one type for one patient");
            if (decisionOf.value(master) == QLatin1String("none"))
                openPairs.insert(pair);
        }
        QCOMPARE(n, 8);
        QVERIFY(openPairs.contains(duplicatePair));

        auto drafts = DraftRepository(*store).list();
        QVERIFY(drafts);
        QCOMPARE(drafts->size(), 1);
        QCOMPARE(drafts->first().ownerUser, QStringLiteral("admin"));
        QVERIFY(drafts->first().completion > 0 && drafts->first().completion < 100);

        // Audited like any creation: 6 patients, 8 visits, the draft and a summary; still intact.
        QCOMPARE(auditEntries(), entriesBefore + 6 + 8 + 1 + 1);
    }

    void refusesAStoreWithPatients()
    {
        const qint64 entriesBefore = auditEntries();
        Run r = admin({QStringLiteral("demo"), QStringLiteral("seed")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already has 6 patient(s)") && r.err.contains("--force"),
                 r.err.constData());
        {
            auto store = openStore();
            QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM patients")), 6);
            QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM visits")), 8);
        }
        QCOMPARE(auditEntries(), entriesBefore);

        r = admin({QStringLiteral("--json"), QStringLiteral("demo"), QStringLiteral("seed"),
                   QStringLiteral("--force"), QStringLiteral("--patients"), QStringLiteral("2"),
                   QStringLiteral("--visits"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QLatin1String("patients")).toArray().size(), 2);
        QCOMPARE(json.value(QLatin1String("visits")).toArray().size(), 3);
        QCOMPARE(json.value(QLatin1String("attributedTo")).toString().left(3),
                 QStringLiteral("os:"));
        auto store = openStore();
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM patients")), 8);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM visits")), 11);
        // The new demo patients do not reuse the earlier ones' phone numbers.
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(DISTINCT phone_bidx) FROM patients")),
                 8);
        QCOMPARE(auditEntries(), entriesBefore + 2 + 3 + 1 + 1);
    }

    // --due-states: a weight-loss patient in each state the Due view lists, on this console only.
    void seedsAPatientInEachDueState()
    {
        const Run r = admin(
            {QStringLiteral("--json"), QStringLiteral("demo"), QStringLiteral("seed"),
             QStringLiteral("--force"), QStringLiteral("--patients"), QStringLiteral("1"),
             QStringLiteral("--visits"), QStringLiteral("0"), QStringLiteral("--due-states")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray due =
            QJsonDocument::fromJson(r.out).object().value(QLatin1String("dueVisits")).toArray();
        QCOMPARE(due.size(), 3);
        QMap<QString, QString> stateOf; // visit id -> due state
        for (const QJsonValue &v : due)
            stateOf.insert(v.toObject().value(QLatin1String("visitId")).toString(),
                           v.toObject().value(QLatin1String("dueState")).toString());
        auto store = openStore();
        auto list = DueList::compute(*store, QDateTime::currentMSecsSinceEpoch());
        QVERIFY(list);
        QMap<QString, DueList::Kind> kindOf;
        for (const DueList::Item &i : list->items())
            if (stateOf.contains(i.visitId))
                kindOf.insert(i.visitId, i.kind);
        QCOMPARE(kindOf.size(), 3);
        for (auto it = stateOf.cbegin(); it != stateOf.cend(); ++it) {
            const DueList::Kind expected =
                it.value() == QLatin1String("titration") ? DueList::Kind::Titration
                : it.value() == QLatin1String("checkin") ? DueList::Kind::Checkin
                                                         : DueList::Kind::ProgrammeEnded;
            QVERIFY2(kindOf.value(it.key()) == expected, qPrintable(it.value()));
            // Never queued for the provider.
            QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE visit_id = "
                                                  "'%1'")
                                       .arg(it.key())),
                     0);
        }
        const auto counts = list->counts();
        QVERIFY(counts.titration >= 1 && counts.checkin >= 1 && counts.ended >= 1);
    }
};

QTEST_GUILESS_MAIN(TestDemoSeed)
#include "tst_demoseed.moc"
