// BENCH: audit export of 1,000,000 entries with full chain verification (goal < 5 s), and the
// append rate. The export is timed as an administrator runs it: the real `clinicdesk-admin audit
// export` (store opened with the key file, chain verified, file written through the same
// QSaveFile commit, owner-only, that the console's export dialog uses), from start to exit.
// Only appends that succeeded are counted. Prints figures; asserts nothing about speed, but
// exits non-zero (printing no figure for it) when an append or an export fails.
#include "BenchSupport.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <cstdio>

using namespace clinicdesk;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 entries = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    QTemporaryDir dir(bench::storageTemplate());
    bench::noteStorage(dir.path());
    const QString keyFile = test::writeKeyFile(dir);
    KeyFileKeyProvider keys(keyFile);
    auto store = test::openStore(dir.filePath(QStringLiteral("d")), keys);
    AuditLog log(*store, &keys);

    QElapsedTimer timer;
    timer.start();
    const int batchSize = 10'000;
    for (qint64 done = 0; done < entries; done += batchSize) {
        QList<AuditEvent> batch;
        batch.reserve(batchSize);
        for (int i = 0; i < batchSize && done + i < entries; ++i)
            batch << AuditEvent{i % 5 ? AuditAction::PhiView : AuditAction::Update,
                                QStringLiteral("staff%1").arg(i % 20),
                                QStringLiteral("patient"),
                                QStringLiteral("3f2b6c1e-0000-4000-8000-%1")
                                    .arg(done + i, 12, 10, QLatin1Char('0')),
                                AuditOutcome::Success,
                                QString()};
        if (!log.appendBatch(batch))
            qFatal("append failed");
    }
    const double appendSeconds = timer.elapsed() / 1000.0;
    std::printf("BENCH audit_append_batched %.0f entries/s (%lld entries in %.2f s)\n",
                entries / appendSeconds, entries, appendSeconds);

    timer.restart();
    int single = 0;
    int failed = 0;
    while (timer.elapsed() < 1000) {
        if (log.append(
                {AuditAction::SignIn, QStringLiteral("ana"), {}, {}, AuditOutcome::Success, {}}))
            ++single;
        else
            ++failed;
    }
    const double singleMs = double(timer.nsecsElapsed()) / 1e6;
    if (failed > 0 || single == 0) {
        std::printf("audit: %d single appends failed, %d succeeded\n", failed, single);
        return 1;
    }
    std::printf("BENCH audit_append_single %.2f ms/entry (each its own commit + anchor update, "
                "%d appends)\n",
                singleMs / single, single);

    const QString admin =
        qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin");
    for (const char *format : {"csv", "jsonl", "fhir"}) {
        const QString path = dir.filePath(QStringLiteral("export.") + QLatin1String(format));
        QProcess cli;
        cli.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        timer.restart();
        cli.start(admin,
                  {QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d")),
                   QStringLiteral("--key-file"), keyFile, QStringLiteral("--json"),
                   QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                   QLatin1String(format), QStringLiteral("--output"), path});
        const bool finished = cli.waitForFinished(600000);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const QJsonObject out = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        const qint64 exported = out.value(QStringLiteral("entries")).toInteger();
        if (!finished || cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0 ||
            exported < entries + single || !QFile::exists(path)) {
            std::printf("audit export %s failed (%s): %lld entries\n", format, qPrintable(admin),
                        exported);
            return 1;
        }
        std::printf("BENCH audit_export_%s %.2f s for %lld entries incl. verification, %.0f MB, "
                    "clinicdesk-admin start to exit (goal < 5 s for 1,000,000)\n",
                    format, seconds, exported, QFileInfo(path).size() / 1e6);
    }
    timer.restart();
    auto v = log.verify();
    if (!v || !v->intact) {
        std::printf("audit verify failed: %s\n", v ? qPrintable(v->problem) : "error");
        return 1;
    }
    std::printf("BENCH audit_verify %.2f s for %lld entries (intact)\n", timer.elapsed() / 1000.0,
                v->entries);
    return 0;
}
