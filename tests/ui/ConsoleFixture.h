#pragma once

#include "HomePage.h"
#include "IntakeWizard.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "VisitScenes.h"
#include "WindowSupport.h"
#include "accounts/UserRepository.h"
#include "intake/DraftRepository.h"
#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"

#include <QApplication>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// A console with a store to work in, for the accessibility tests: an administrator "ana", the
// three visit scenes (prescribed, waiting for staff, refused) and the window signed in.
namespace clinicdesk::test {

inline const QString kFixturePassword = QStringLiteral("tangerine ladder oboe");

class ConsoleFixture
{
    // First: the window (declared after) goes before the key provider it uses.
    QString m_dataDir;
    KeyFileKeyProvider m_keys;

public:
    // A new store in `dir` (each call its own).
    explicit ConsoleFixture(const QTemporaryDir &dir)
        : m_dataDir(dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces)))
        , m_keys(m_dataDir + QStringLiteral(".key"))
    {
        auto store = openStore(m_dataDir, m_keys);
        UserRepository users(*store, PasswordHasher(PasswordHasher::testing()));
        if (!users.createUser(QStringLiteral("ana"), QStringLiteral("Ana Admin"), Role::Admin,
                              kFixturePassword))
            qFatal("fixture: no administrator");
        scenes = visittest::seedVisitScenes(*store);
        // A colleague with a long name, who submitted one visit ("Submitted by" must show it).
        visittest::addUser(*store, QStringLiteral("maxi"),
                           QStringLiteral("Maximiliana Fernández-Ocampo de la Vega"));
        visittest::addVisit(*store, visittest::samplePatient(QStringLiteral("5125550140")),
                            sandboxtest::createBody({}, QStringLiteral("5125550140")),
                            QStringLiteral("Submitted"), visittest::sampleResponse(),
                            QStringLiteral("maxi"));
    }

    // The window, shown at 1366x768 and signed in as ana (false if that failed).
    bool openSignedIn()
    {
        window = std::make_unique<MainWindow>(
            [this] {
                return LocalStore::open({m_dataDir, &m_keys, false});
            },
            PasswordHasher(PasswordHasher::testing()));
        window->resize(1366, 768);
        window->show();
        if (!QTest::qWaitForWindowActive(window.get()))
            return false;
        window->start();
        if (!typeSignIn(*window, QStringLiteral("ana"), kFixturePassword))
            return false;
        return QTest::qWaitFor([this] { return qobject_cast<HomePage *>(window->currentPage()); });
    }

    template<typename Page> Page *current() const
    {
        return qobject_cast<Page *>(window->currentPage());
    }

    // A new intake from the window, its patient step filled in from the keyboard.
    IntakeWizard *newIntakeWithPatient()
    {
        window->openIntake();
        auto *wizard = current<IntakeWizard>();
        if (!wizard)
            return nullptr;
        const QList<std::pair<const char *, const char *>> fields = {
            {"patient.firstName", "Dana"},
            {"patient.lastName", "Keyboard"},
            {"patient.dob", "04/09/1980"},
            {"patient.phone", "(512) 555-0177"},
            {"patient.email", "dana@example.org"},
            {"patient.address", "1 Main St"},
            {"patient.city", "Austin"},
            {"patient.state", "TX"},
            {"patient.zip", "78701"}};
        for (const auto &[id, text] : fields) {
            auto *edit =
                wizard->findChild<QLineEdit *>(QStringLiteral("edit:") + QLatin1String(id));
            edit->clear();
            QTest::keyClicks(edit, QString::fromUtf8(text));
        }
        QTest::keyClick(wizard->findChild<QWidget *>(QStringLiteral("edit:patient.sex")),
                        Qt::Key_Space);
        return wizard;
    }

    // An unfinished hair-loss intake of ana's with every answer given, on its review step.
    QString saveCompleteDraft()
    {
        IntakeForm form(QuestionnaireLibrary::load().intake(QStringLiteral("hairloss")));
        Patient p;
        p.firstName = QStringLiteral("Luis");
        p.lastName = QStringLiteral("Submitted");
        p.dob = QDate(1990, 1, 31);
        p.sex = QStringLiteral("Male");
        p.phone = QStringLiteral("2145550199");
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
        Draft draft;
        draft.ownerUser = QStringLiteral("ana");
        draft.visitType = QStringLiteral("hairloss");
        draft.answers = form.allAnswers();
        draft.page = 4;
        auto id = DraftRepository(*window->services().store()).save(draft);
        if (!id)
            qFatal("fixture: draft not saved");
        return id.value();
    }

    QString dataDir() const { return m_dataDir; }
    KeyProvider &keys() { return m_keys; }

    visittest::VisitScenes scenes;
    std::unique_ptr<MainWindow> window;
};

} // namespace clinicdesk::test
