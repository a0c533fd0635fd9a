// Autosave cost: seal + commit of one intake draft (what the autosave worker does for every
// change), median and p99 over 10,000 saves of a realistic, complete weight-loss intake.
#include "TestSupport.h"
#include "intake/DraftRepository.h"
#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>

using namespace clinicdesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    KeyFileKeyProvider keys(test::writeKeyFile(dir));
    auto store = test::openStore(dir.filePath(QStringLiteral("store")), keys);

    IntakeForm form(QuestionnaireLibrary::load().intake(QStringLiteral("weightloss")));
    for (const QString &linkId : form.questionnaire().linkIds()) {
        const QuestionnaireItem *item = form.questionnaire().item(linkId);
        if (item->hasOptions())
            form.setAnswer(linkId, item->options.first().value);
        else if (item->type == QuestionnaireItem::Type::Boolean)
            form.setAnswer(linkId, false);
        else if (item->isQuestion())
            form.setAnswer(linkId, QStringLiteral("A realistic answer of some length, 1234"));
    }
    Draft draft;
    draft.ownerUser = QStringLiteral("bench");
    draft.visitType = QStringLiteral("weightloss");
    draft.answers = form.allAnswers();
    auto id = DraftRepository::save(store->db(), store->cipher(), draft);
    if (!id)
        qFatal("%s", qPrintable(id.error().message));
    draft.id = *id;

    constexpr int kSaves = 10000;
    QList<qint64> ns;
    ns.reserve(kSaves);
    QElapsedTimer timer;
    for (int i = 0; i < kSaves; ++i) {
        draft.page = i % 5;
        draft.answers.insert(QStringLiteral("notes"),
                             QJsonArray{QStringLiteral("typed so far %1").arg(i)});
        timer.start();
        auto r = DraftRepository::save(store->db(), store->cipher(), draft);
        ns << timer.nsecsElapsed();
        if (!r)
            qFatal("%s", qPrintable(r.error().message));
    }
    std::sort(ns.begin(), ns.end());
    const double median = ns[kSaves / 2] / 1e6;
    const double p99 = ns[kSaves * 99 / 100] / 1e6;
    const qsizetype bytes = QJsonDocument(draft.answers).toJson(QJsonDocument::Compact).size();
    std::printf("BENCH autosave_seal_commit_median %.3f ms (draft %lld bytes, %d saves)\n", median,
                qint64(bytes), kSaves);
    std::printf("BENCH autosave_seal_commit_p99 %.3f ms (goal <= 2 ms)\n", p99);
    std::printf("BENCH autosave_seal_commit_p999 %.3f ms (max %.3f ms)\n",
                ns[kSaves * 999 / 1000] / 1e6, ns.last() / 1e6);
    return 0;
}
