// A child for tst_intakecrash: opens the store, starts an intake and types into it, one key
// every few milliseconds, printing "typed <count>" after each key and "saved <count>" each time
// the autosave reports a draft committed (<count>: the characters of the address that draft
// holds, read back from the store), until it is killed. The command line carries only paths.
#include "IntakeWizard.h"
#include "intake/DraftAutosaver.h"
#include "intake/DraftRepository.h"
#include "keys/KeyFileKeyProvider.h"
#include "store/LocalStore.h"

#include <QApplication>
#include <QJsonArray>
#include <QLineEdit>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace clinicdesk;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: intake_crash_child DATA_DIR KEY_FILE TEXT_FILE\n");
        return 2;
    }
    KeyFileKeyProvider keys(args[2]);
    auto store = LocalStore::open({args[1], &keys, false});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    QFile textFile(args[3]);
    if (!textFile.open(QIODevice::ReadOnly))
        return 1;
    const QString text = QString::fromUtf8(textFile.readAll());
    IntakeWizard wizard(**store, QStringLiteral("alice"));
    wizard.resize(1366, 768);
    wizard.show();
    auto *field = wizard.findChild<QLineEdit *>(QStringLiteral("edit:patient.address"));
    // Read back what was committed: the parent may rely on every reported save.
    QObject::connect(&wizard.autosaver(), &DraftAutosaver::saved, &app, [&](const QString &id) {
        auto draft = DraftRepository(**store).get(id);
        if (!draft) {
            std::fprintf(stderr, "saved draft not readable: %s\n",
                         qPrintable(draft.error().message));
            return;
        }
        const QString address =
            draft->answers.value(QStringLiteral("patient.address")).toArray().first().toString();
        std::printf("saved %lld\n", qlonglong(address.size()));
        std::fflush(stdout);
    });
    int typed = 0;
    QTimer typist;
    typist.setInterval(7);
    QObject::connect(&typist, &QTimer::timeout, &app, [&]() {
        if (typed == text.size()) {
            typist.stop();
            return;
        }
        QTest::keyClicks(field, text.mid(typed, 1));
        ++typed;
        std::printf("typed %d\n", typed);
        std::fflush(stdout);
    });
    typist.start();
    return app.exec();
}
