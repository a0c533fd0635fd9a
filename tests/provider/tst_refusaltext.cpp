#include "IntakeSupport.h"
#include "TestSupport.h"
#include "provider/Outbox.h"
#include "store/Schema.h"
#include "store/VisitRepository.h"
#include "visits/VisitRecord.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;

// A helper's QVERIFY returns from the helper only: stop the test too.
#define CHECK(call)                                                                                \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// The provider's refusal and error text (outbox.last_error, outbox.rejected_reason,
// visits.rejected_reason) is sealed at rest: providers echo patient values in it. Staff still
// read it (the outbox entry, the visit record); a value that does not open is a clear error; and
// text stored in clear by an earlier version is sealed when the store is opened (migration 10).
class TestRefusalText : public QObject
{
    Q_OBJECT

    // The patient's surname, as a provider echoes it: distinctive enough that a stray match on
    // disk is impossible.
    const QString kSurname = QStringLiteral("Quillfeatherstone");
    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    int m_stores = 0;

    QString newDataDir() { return m_dir.filePath(QStringLiteral("store%1").arg(++m_stores)); }

    static QByteArray raw(LocalStore &store, const QString &table, const QString &id,
                          const QString &column)
    {
        auto q = store.db().exec(
            QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(column, table), {id});
        if (!q || !q->next())
            qFatal("no %s row %s", qPrintable(table), qPrintable(id));
        return q->value(0).toByteArray();
    }

    // The raw column holds a value, and the surname is not in it (in UTF-8 nor UTF-16).
    void verifySealed(LocalStore &store, const QString &table, const QString &id,
                      const QString &column)
    {
        const QByteArray value = raw(store, table, id, column);
        const QString where = table + QLatin1Char('.') + column;
        QVERIFY2(!value.isEmpty(), qPrintable(where + QStringLiteral(" is empty")));
        QVERIFY2(FieldCipher::keyIdOf(value).has_value(),
                 qPrintable(where + QStringLiteral(" is not a sealed value")));
        QVERIFY2(!value.contains(kSurname.toUtf8()), qPrintable(where));
        QVERIFY2(!value.contains(QByteArray(reinterpret_cast<const char *>(kSurname.utf16()),
                                            kSurname.size() * 2)),
                 qPrintable(where + QStringLiteral(" (UTF-16)")));
    }

    // SQLite only: the surname is nowhere in the store's files (the database and its WAL).
    void verifyNotInFiles(const QString &dataDir)
    {
        if (test::usePostgres())
            return;
        const QByteArray disk = test::readAllStartingWith(dataDir, QStringLiteral("clinicdesk"));
        QVERIFY(disk.size() > 0);
        QVERIFY2(!disk.contains(kSurname.toUtf8()), "the surname is on disk in clear");
    }

    static bool timelineHas(const VisitRecord &r, const QString &text)
    {
        for (const VisitRecord::TimelineEntry &e : r.timeline) {
            if (e.label.contains(text))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
    }

    // A retryable failure, then a refusal, both echoing the surname: sealed in every column,
    // shown to staff in the outbox entry and the visit record.
    void retryAndRefusalAreSealed()
    {
        const QString dataDir = newDataDir();
        auto store = test::openStore(dataDir, *m_keys);
        const auto visit = test::submitIntake(
            *store, test::hairLossIntake(test::intakePatient(QStringLiteral("5125550170"),
                                                             QStringLiteral("Luis"), kSurname)));
        Outbox outbox(*store);
        const QString entryId = *outbox.enqueueVisit(visit.visitId, QStringLiteral("alice"));
        const QString messageId = *outbox.enqueueSupportMessage(
            visit.visitId, QStringLiteral("Any news?"), QStringLiteral("alice"));

        const QString timeout =
            QStringLiteral("Timed out creating the visit of %1, Luis (DOB 01/31/1990)")
                .arg(kSurname);
        QVERIFY(outbox.markRetry(**outbox.entry(entryId), timeout, 503,
                                 QDateTime::currentDateTimeUtc().addSecs(60)));
        CHECK(
            verifySealed(*store, QStringLiteral("outbox"), entryId, QStringLiteral("last_error")));
        CHECK(verifyNotInFiles(dataDir));
        auto retried = outbox.entry(entryId);
        QVERIFY2(retried && retried->has_value(),
                 qPrintable(retried ? QString() : retried.error().message));
        QCOMPARE(retried->value().lastError, timeout);
        {
            auto r = VisitRecordReader(*store).read(visit.visitId);
            QVERIFY(r);
            QVERIFY2(r->problems.isEmpty(), qPrintable(r->problems.join(QLatin1Char('\n'))));
            QVERIFY(timelineHas(*r, timeout));
        }

        const QString refusal =
            QStringLiteral("Patient %1 is not eligible for a new visit").arg(kSurname);
        QVERIFY(outbox.markRejected(**outbox.entry(entryId), refusal, 422));
        CHECK(verifySealed(*store, QStringLiteral("outbox"), entryId,
                           QStringLiteral("rejected_reason")));
        CHECK(
            verifySealed(*store, QStringLiteral("outbox"), entryId, QStringLiteral("last_error")));
        CHECK(verifySealed(*store, QStringLiteral("visits"), visit.visitId,
                           QStringLiteral("rejected_reason")));
        // The message waiting for the visit is refused with it, its reason sealed to its row.
        CHECK(verifySealed(*store, QStringLiteral("outbox"), messageId,
                           QStringLiteral("rejected_reason")));
        CHECK(verifyNotInFiles(dataDir));

        auto refused = outbox.entry(entryId);
        QVERIFY2(refused && refused->has_value(),
                 qPrintable(refused ? QString() : refused.error().message));
        const Outbox::Entry entry = refused->value();
        QCOMPARE(entry.state, QStringLiteral("rejected"));
        QCOMPARE(entry.rejectedReason, refusal);
        QCOMPARE(entry.lastError, refusal);
        auto messageRead = outbox.entry(messageId);
        QVERIFY2(messageRead && messageRead->has_value(),
                 qPrintable(messageRead ? QString() : messageRead.error().message));
        const Outbox::Entry message = messageRead->value();
        QCOMPARE(message.state, QStringLiteral("rejected"));
        QCOMPARE(message.rejectedReason, QStringLiteral("the visit was refused by the provider"));
        auto visitReason = VisitRepository(*store).openRejectedReason(visit.visitId);
        QVERIFY2(visitReason, qPrintable(visitReason ? QString() : visitReason.error().message));
        QCOMPARE(visitReason.value(), refusal);
        auto r = VisitRecordReader(*store).read(visit.visitId);
        QVERIFY(r);
        QVERIFY2(r->problems.isEmpty(), qPrintable(r->problems.join(QLatin1Char('\n'))));
        QCOMPARE(r->status, VisitStateMachine::Status::Rejected);
        QCOMPARE(r->rejectedReason, refusal);
        QVERIFY(timelineHas(*r, refusal));
        QCOMPARE(r->messages.size(), 1);
        QCOMPARE(r->messages[0].rejectedReason,
                 QStringLiteral("the visit was refused by the provider"));
    }

    // A sealed text moved to another row or column, or text written in clear (by a program from
    // before migration 10 still running), is a clear error where it is read, never a crash,
    // garbage or an empty text passed off as none.
    void aValueThatDoesNotOpenIsAClearError()
    {
        auto store = test::openStore(newDataDir(), *m_keys);
        const auto visit = test::submitIntake(
            *store, test::hairLossIntake(test::intakePatient(QStringLiteral("5125550171"),
                                                             QStringLiteral("Luis"), kSurname)));
        Outbox outbox(*store);
        const QString entryId = *outbox.enqueueVisit(visit.visitId, QStringLiteral("alice"));
        QVERIFY(
            outbox.markRejected(**outbox.entry(entryId), QStringLiteral("State not valid"), 422));

        // The entry's reason moved to its last_error, the visit's to another column's place.
        const QByteArray entryReason =
            raw(*store, QStringLiteral("outbox"), entryId, QStringLiteral("rejected_reason"));
        QVERIFY(store->db().exec(QStringLiteral("UPDATE outbox SET last_error = ? WHERE id = ?"),
                                 {entryReason, entryId}));
        auto entry = outbox.entry(entryId);
        QVERIFY(!entry);
        QCOMPARE(entry.error().code, ErrorCode::DecryptFailed);
        QVERIFY2(entry.error().message.contains(QStringLiteral("outbox.last_error")),
                 qPrintable(entry.error().message));
        auto all = outbox.entries();
        QVERIFY(!all);
        QCOMPARE(all.error().code, ErrorCode::DecryptFailed);

        QVERIFY(
            store->db().exec(QStringLiteral("UPDATE visits SET rejected_reason = ? WHERE id = ?"),
                             {QByteArray("Patient Quillfeatherstone in clear"), visit.visitId}));
        auto reason = VisitRepository(*store).openRejectedReason(visit.visitId);
        QVERIFY(!reason);
        QCOMPARE(reason.error().code, ErrorCode::DecryptFailed);
        QVERIFY2(reason.error().message.contains(QStringLiteral("visits.rejected_reason")),
                 qPrintable(reason.error().message));

        // The visit record still opens, with both failures named in place of the texts.
        auto r = VisitRecordReader(*store).read(visit.visitId);
        QVERIFY(r);
        QVERIFY(
            r->rejectedReason.startsWith(QStringLiteral("The provider's reason cannot be shown")));
        QVERIFY(!r->rejectedReason.contains(kSurname));
        QVERIFY(timelineHas(*r, QStringLiteral("The provider's answer cannot be shown")) ||
                r->problems.join(QLatin1Char('\n')).contains(QStringLiteral("provider's answer")));
        QCOMPARE(r->problems.size(), 2);
    }

    // A store from before migration 10, its refusal texts in clear: sealed when it is opened,
    // and still shown.
    void textInClearFromBeforeIsSealedOnOpen()
    {
        const QString dataDir = newDataDir();
        QVERIFY(QDir().mkpath(dataDir));
        const StoreLocation location = test::storeLocation(dataDir);
        {
            auto db = location.postgres
                          ? Database::openPostgres(*location.postgres, location.password, {})
                          : Database::openSqlite(LocalStore::databasePath(dataDir));
            QVERIFY(db);
            QList<Migration> before;
            for (const Migration &m : schema::migrations()) {
                if (m.version < 10)
                    before << m;
            }
            QCOMPARE(before.size(), 9);
            QVERIFY(db.value()->migrate(before));
            const QString now = QStringLiteral("2026-03-01T10:00:00.000Z");
            auto exec = [&](const QString &sql, const QVariantList &values) {
                auto r = db.value()->exec(sql, values);
                if (!r)
                    qFatal("%s", qPrintable(r.error().message));
            };
            exec(QStringLiteral("INSERT INTO patients (id, created_at, updated_at) VALUES "
                                "('p1', ?, ?)"),
                 {now, now});
            exec(QStringLiteral("INSERT INTO visits (id, master_id, patient_id, visit_type, status,"
                                " form_obj, created_by, created_at, updated_at, rejected_reason)"
                                " VALUES ('v1', 'm1', 'p1', 'hairloss', 'Rejected', ?, 'alice', ?,"
                                " ?, ?)"),
                 {QByteArray("not read here"), now, now,
                  QStringLiteral("Patient %1 is not eligible").arg(kSurname)});
            exec(QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, state,"
                                " attempts, next_attempt_at, last_error, last_http_status,"
                                " rejected_reason, created_by, created_at, updated_at) VALUES"
                                " ('o1', 'visit', 'v1', 'm1', 'rejected', 2, ?, ?, 422, ?,"
                                " 'alice', ?, ?)"),
                 {now, QStringLiteral("Timed out for %1").arg(kSurname),
                  QStringLiteral("Patient %1 is not eligible").arg(kSurname), now, now});
            exec(QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, state,"
                                " next_attempt_at, created_by, created_at, updated_at) VALUES"
                                " ('o2', 'support', 'v1', 'm1', 'pending', ?, 'alice', ?, ?)"),
                 {now, now, now});
        }
        {
            auto store = test::openStore(dataDir, *m_keys);
            QCOMPARE(store->db().schemaVersion(), schema::latestVersion());
            CHECK(verifySealed(*store, QStringLiteral("visits"), QStringLiteral("v1"),
                               QStringLiteral("rejected_reason")));
            CHECK(verifySealed(*store, QStringLiteral("outbox"), QStringLiteral("o1"),
                               QStringLiteral("last_error")));
            CHECK(verifySealed(*store, QStringLiteral("outbox"), QStringLiteral("o1"),
                               QStringLiteral("rejected_reason")));
            // Nothing was made up for the entry that had no text.
            QVERIFY(raw(*store, QStringLiteral("outbox"), QStringLiteral("o2"),
                        QStringLiteral("rejected_reason"))
                        .isNull());
            auto left =
                store->db().exec(QStringLiteral("SELECT COUNT(*) FROM refusal_text_unsealed"));
            QVERIFY(left && left->next());
            QCOMPARE(left->value(0).toInt(), 0);

            auto o1 = Outbox(*store).entry(QStringLiteral("o1"));
            QVERIFY2(o1 && o1->has_value(), qPrintable(o1 ? QString() : o1.error().message));
            QCOMPARE(o1->value().lastError, QStringLiteral("Timed out for %1").arg(kSurname));
            QCOMPARE(o1->value().rejectedReason,
                     QStringLiteral("Patient %1 is not eligible").arg(kSurname));
            auto o2 = Outbox(*store).entry(QStringLiteral("o2"));
            QVERIFY(o2 && o2->has_value());
            QVERIFY(o2->value().rejectedReason.isNull());
            auto v1 = VisitRepository(*store).openRejectedReason(QStringLiteral("v1"));
            QVERIFY2(v1, qPrintable(v1 ? QString() : v1.error().message));
            QCOMPARE(v1.value(), QStringLiteral("Patient %1 is not eligible").arg(kSurname));
        }
        // Opened again: nothing left to seal, everything still opens.
        auto store = test::openStore(dataDir, *m_keys);
        auto again = VisitRepository(*store).openRejectedReason(QStringLiteral("v1"));
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(again.value(), QStringLiteral("Patient %1 is not eligible").arg(kSurname));
        CHECK(verifyNotInFiles(dataDir));
    }
};

QTEST_GUILESS_MAIN(TestRefusalText)
#include "tst_refusaltext.moc"
