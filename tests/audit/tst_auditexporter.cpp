#include "TestSupport.h"
#include "audit/AuditExporter.h"
#include "domain/User.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace clinicdesk;

// Export round trips: each format is parsed back and compared with the store, field by field.
class TestAuditExporter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<AuditLog> m_log;
    User m_admin;
    User m_staff;

    QList<AuditEntry> stored(const AuditLog::Filter &filter = {})
    {
        QList<AuditEntry> all;
        (void)m_log->forEach(filter, [&](const AuditEntry &e) {
            all << e;
            return true;
        });
        return all;
    }

    // A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
    static QList<QStringList> parseCsv(const QByteArray &bytes)
    {
        QList<QStringList> records;
        QStringList record;
        QByteArray field;
        bool quoted = false;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const char c = bytes[i];
            if (quoted) {
                if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field += c;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record << QString::fromUtf8(field);
                field.clear();
            } else if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
                record << QString::fromUtf8(field);
                field.clear();
                records << record;
                record.clear();
                ++i;
            } else {
                field += c;
            }
        }
        return records;
    }

private Q_SLOTS:
    void init()
    {
        const QString sub = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_keys = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(sub + QStringLiteral(".key")));
        m_store = test::openStore(m_dir.filePath(sub), *m_keys);
        m_log = std::make_unique<AuditLog>(*m_store, m_keys.get());
        m_admin.username = QStringLiteral("ana");
        m_admin.role = Role::Admin;
        m_staff.username = QStringLiteral("bob");
        m_staff.role = Role::Staff;
        // Awkward details on purpose: commas, quotes, newlines, non-ASCII.
        const QStringList details = {QString(), QStringLiteral("a, b"),
                                     QStringLiteral("say \"hi\""), QStringLiteral("line1\r\nline2"),
                                     QStringLiteral("ñandú ✓")};
        for (int i = 0; i < 25; ++i) {
            QVERIFY(m_log->append({i % 2 ? AuditAction::PhiView : AuditAction::SignIn,
                                   i % 3 ? QStringLiteral("maria") : QStringLiteral("bob"),
                                   QStringLiteral("patient"), QStringLiteral("p-%1").arg(i),
                                   i % 7 ? AuditOutcome::Success : AuditOutcome::Failure,
                                   details[i % details.size()]}));
        }
    }
    void cleanup()
    {
        m_log.reset();
        m_store.reset();
        m_keys.reset();
    }

    void csvRoundTrip()
    {
        const QList<AuditEntry> expected = stored();
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        auto summary =
            AuditExporter(*m_log).exportFor(m_admin, out, AuditExporter::Format::Csv, {});
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
        QCOMPARE(summary->exported, expected.size());
        const QList<QStringList> records = parseCsv(out.data());
        QCOMPARE(records.size(), expected.size() + 1);
        QCOMPARE(records[0], AuditExporter::csvHeader());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QStringList &r = records[i + 1];
            const AuditEntry &e = expected[i];
            QCOMPARE(r.size(), AuditExporter::csvHeader().size());
            QCOMPARE(r[0].toLongLong(), e.seq);
            QCOMPARE(QDateTime::fromString(r[1], Qt::ISODateWithMs), e.at);
            QCOMPARE(r.mid(2, 7), (QStringList{e.user, e.workstation, e.action, e.entityType,
                                               e.entityId, e.outcome, e.detail}));
            QCOMPARE(QByteArray::fromHex(r[9].toLatin1()), e.prevHash);
            QCOMPARE(QByteArray::fromHex(r[10].toLatin1()), e.hash);
            QCOMPARE(r[11].toLongLong(), summary->verifiedHead.seq);
            QCOMPARE(QByteArray::fromHex(r[12].toLatin1()), summary->verifiedHead.hash);
        }
    }

    void jsonLinesRoundTripWithFilter()
    {
        const AuditLog::Filter filter{{}, {}, QStringLiteral("maria")};
        const QList<AuditEntry> expected = stored(filter);
        QVERIFY(expected.size() > 0 && expected.size() < 25);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        auto summary =
            AuditExporter(*m_log).exportFor(m_admin, out, AuditExporter::Format::JsonLines, filter);
        QVERIFY(summary);
        const QList<QByteArray> lines = out.data().split('\n');
        QCOMPARE(lines.size(), expected.size() + 2); // header + entries + trailing empty
        const QJsonObject header = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(header.value(QStringLiteral("verifiedHead"))
                     .toObject()
                     .value(QStringLiteral("seq"))
                     .toInteger(),
                 25);
        QCOMPARE(header.value(QStringLiteral("filter"))
                     .toObject()
                     .value(QStringLiteral("user"))
                     .toString(),
                 QStringLiteral("maria"));
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines[i + 1]).object();
            const AuditEntry &e = expected[i];
            QCOMPARE(o.value(QStringLiteral("seq")).toInteger(), e.seq);
            QCOMPARE(o.value(QStringLiteral("user")).toString(), e.user);
            QCOMPARE(o.value(QStringLiteral("detail")).toString(), e.detail);
            QCOMPARE(o.value(QStringLiteral("action")).toString(), e.action);
            QCOMPARE(QByteArray::fromHex(o.value(QStringLiteral("hash")).toString().toLatin1()),
                     e.hash);
        }
    }

    void fhirBundleRoundTrip()
    {
        const QList<AuditEntry> expected = stored();
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        auto summary =
            AuditExporter(*m_log).exportFor(m_admin, out, AuditExporter::Format::FhirBundle, {});
        QVERIFY(summary);
        QJsonParseError error;
        const QJsonObject bundle = QJsonDocument::fromJson(out.data(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("collection"));
        QCOMPARE(bundle.value(QStringLiteral("identifier"))
                     .toObject()
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("25:") + QString::fromLatin1(summary->verifiedHead.hash.toHex()));
        const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
        QCOMPARE(entries.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject ev =
                entries[i].toObject().value(QStringLiteral("resource")).toObject();
            const AuditEntry &e = expected[i];
            QCOMPARE(ev.value(QStringLiteral("resourceType")).toString(),
                     QStringLiteral("AuditEvent"));
            QCOMPARE(QDateTime::fromString(ev.value(QStringLiteral("recorded")).toString(),
                                           Qt::ISODateWithMs),
                     e.at);
            QCOMPARE(ev.value(QStringLiteral("agent"))
                         .toArray()[0]
                         .toObject()
                         .value(QStringLiteral("who"))
                         .toObject()
                         .value(QStringLiteral("identifier"))
                         .toObject()
                         .value(QStringLiteral("value"))
                         .toString(),
                     e.user);
            QCOMPARE(ev.value(QStringLiteral("entity"))
                         .toArray()[0]
                         .toObject()
                         .value(QStringLiteral("what"))
                         .toObject()
                         .value(QStringLiteral("identifier"))
                         .toObject()
                         .value(QStringLiteral("value"))
                         .toString(),
                     e.entityId);
            QCOMPARE(ev.value(QStringLiteral("outcome")).toString(),
                     e.outcome == QLatin1String("success") ? QStringLiteral("0")
                                                           : QStringLiteral("4"));
            QCOMPARE(ev.value(QStringLiteral("outcomeDesc")).toString(), e.detail);
            const QString code = ev.value(QStringLiteral("type"))
                                     .toObject()
                                     .value(QStringLiteral("code"))
                                     .toString();
            QCOMPARE(code, e.action == QLatin1String("sign-in") ? QStringLiteral("110114")
                                                                : QStringLiteral("110110"));
            const QJsonArray chain = ev.value(QStringLiteral("extension"))
                                         .toArray()[0]
                                         .toObject()
                                         .value(QStringLiteral("extension"))
                                         .toArray();
            QCOMPARE(chain[0].toObject().value(QStringLiteral("valueInteger")).toInteger(), e.seq);
            QCOMPARE(chain[3].toObject().value(QStringLiteral("valueString")).toString(),
                     QString::fromLatin1(e.hash.toHex()));
        }
    }

    void exportIsAudited()
    {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(AuditExporter(*m_log).exportFor(m_admin, out, AuditExporter::Format::Csv, {}));
        const QList<AuditEntry> all = stored();
        QCOMPARE(all.last().action, QStringLiteral("export"));
        QCOMPARE(all.last().user, QStringLiteral("ana"));
        QVERIFY2(all.last().detail.contains(QStringLiteral("entries=25")),
                 qPrintable(all.last().detail));
        QVERIFY(m_log->verify()->intact);
    }

    void staffMayNotExport()
    {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        auto summary =
            AuditExporter(*m_log).exportFor(m_staff, out, AuditExporter::Format::Csv, {});
        QVERIFY(!summary);
        QCOMPARE(summary.error().code, ErrorCode::AccessDenied);
        QVERIFY(out.data().isEmpty());
        const AuditEntry last = stored().last();
        QCOMPARE(last.action, QStringLiteral("access-denied"));
        QCOMPARE(last.user, QStringLiteral("bob"));
        QCOMPARE(last.outcome, QStringLiteral("denied"));
        // A disabled admin is refused too.
        User disabled = m_admin;
        disabled.disabled = true;
        QCOMPARE(AuditExporter(*m_log)
                     .exportFor(disabled, out, AuditExporter::Format::Csv, {})
                     .error()
                     .code,
                 ErrorCode::AccessDenied);
    }

    void brokenChainRefused()
    {
        QVERIFY(
            m_store->db().exec(QStringLiteral("UPDATE audit_log SET detail = 'x' WHERE seq = 9")));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        auto summary =
            AuditExporter(*m_log).exportFor(m_admin, out, AuditExporter::Format::Csv, {});
        QVERIFY(!summary);
        QCOMPARE(summary.error().code, ErrorCode::Integrity);
        QVERIFY2(summary.error().message.contains(QStringLiteral("entry 9")),
                 qPrintable(summary.error().message));
        // Callers write through QSaveFile and cancel it on error (CLI and dialog do).
        QVERIFY2(summary.error().message.contains(QStringLiteral("discard")),
                 qPrintable(summary.error().message));
    }

    void cancelStopsExport()
    {
        QList<AuditEvent> many;
        for (int i = 0; i < 10000; ++i)
            many << AuditEvent{AuditAction::Update,     QStringLiteral("relay"),
                               QStringLiteral("visit"), QString::number(i),
                               AuditOutcome::Success,   {}};
        QVERIFY(m_log->appendBatch(many));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        int calls = 0;
        auto summary =
            AuditExporter(*m_log).exportFor(m_admin, out, AuditExporter::Format::JsonLines, {},
                                            [&](qint64, qint64) { return ++calls < 2; });
        QVERIFY(!summary);
        QCOMPARE(summary.error().code, ErrorCode::Cancelled);
        QCOMPARE(stored().last().action,
                 QStringLiteral("update")); // nothing exported, nothing audited
    }
};

QTEST_GUILESS_MAIN(TestAuditExporter)
#include "tst_auditexporter.moc"
