// BENCH: audit export of 1,000,000 entries with full chain verification (goal < 5 s), and the
// append rate. Prints figures; asserts nothing about speed.
#include "TestSupport.h"
#include "audit/AuditExporter.h"
#include "domain/User.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace clinicdesk;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 entries = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    QTemporaryDir dir;
    KeyFileKeyProvider keys(test::writeKeyFile(dir));
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
    while (timer.elapsed() < 1000) {
        (void)log.append(
            {AuditAction::SignIn, QStringLiteral("ana"), {}, {}, AuditOutcome::Success, {}});
        ++single;
    }
    std::printf("BENCH audit_append_single %.2f ms/entry (each its own commit + anchor update)\n",
                1000.0 / single);

    User admin;
    admin.username = QStringLiteral("ana");
    admin.role = Role::Admin;
    for (auto format : {AuditExporter::Format::Csv, AuditExporter::Format::JsonLines,
                        AuditExporter::Format::FhirBundle}) {
        QFile out(dir.filePath(QStringLiteral("export") + AuditExporter::fileSuffix(format)));
        if (!out.open(QIODevice::WriteOnly))
            qFatal("cannot write export");
        timer.restart();
        auto summary = AuditExporter(log).exportFor(admin, out, format, {});
        const double seconds = timer.elapsed() / 1000.0;
        if (!summary)
            qFatal("export failed: %s", qPrintable(summary.error().message));
        std::printf("BENCH audit_export_%s %.2f s for %lld entries incl. verification, %.0f MB "
                    "(goal < 5 s for 1,000,000)\n",
                    qPrintable(AuditExporter::formatName(format)), seconds, summary->exported,
                    out.size() / 1e6);
    }
    timer.restart();
    auto v = log.verify();
    std::printf("BENCH audit_verify %.2f s for %lld entries (%s)\n", timer.elapsed() / 1000.0,
                v ? v->entries : 0, v && v->intact ? "intact" : "BROKEN");
    return 0;
}
