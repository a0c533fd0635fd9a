#include "MediaFixtures.h"
#include "TestSupport.h"
#include "intake/DraftRepository.h"
#include "media/DraftAttachmentRepository.h"
#include "media/ImagePipeline.h"
#include "media/JpegSegments.h"
#include "media/MediaImporter.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace clinicdesk;

// Draft attachments at rest (issue 14 item 1): imported off the GUI thread, sealed like every
// other PHI value, listed and shown back as thumbnails, removable, gone with their draft, and
// never in clear in the database file.
class TestDraftAttachments : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    QString m_dataDir;

    QString newDraft()
    {
        Draft d;
        d.ownerUser = QStringLiteral("frontdesk1");
        d.visitType = QStringLiteral("hairloss");
        auto id = DraftRepository(*m_store).save(d);
        if (!id)
            qFatal("%s", qPrintable(id.error().message));
        return *id;
    }

    // Runs one import through the real MediaImporter and waits for its answer.
    Result<DraftAttachment> import(MediaImporter &importer, const QString &draftId,
                                   const QByteArray &bytes)
    {
        std::optional<Result<DraftAttachment>> answer;
        Qt::HANDLE answeredOn = nullptr;
        importer.add(draftId, QStringLiteral("scalpTop"), QStringLiteral("frontdesk1"), bytes,
                     [&](const Result<DraftAttachment> &r) {
                         answer = r;
                         answeredOn = QThread::currentThreadId();
                     });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
            qFatal("the importer never answered");
        if (answeredOn != QThread::currentThreadId())
            qFatal("the answer came on another thread");
        return *answer;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_dataDir = m_dir.filePath(QStringLiteral("data-%1").arg(QTest::currentTestFunction()));
        m_keys = std::make_unique<KeyFileKeyProvider>(
            test::writeKeyFile(m_dir, QStringLiteral("%1.key").arg(QTest::currentTestFunction())));
        m_store = test::openStore(m_dataDir, *m_keys);
    }

    void cleanup()
    {
        m_store.reset();
        m_keys.reset();
    }

    void importSealsListsShowsAndRemoves()
    {
        const QString draftId = newDraft();
        MediaImporter importer(*m_store);
        const QByteArray photo =
            test::withCameraMetadata(test::encodeJpeg(test::quadrants(2400, 1600)), 6);
        const QByteArray before(photo.constData(), photo.size()); // a deep copy
        auto added = import(importer, draftId, photo);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        // The caller's copy is the caller's: the worker wipes only bytes it alone holds.
        QCOMPARE(photo, before);
        QCOMPARE(added->size, QSize(1000, 1500));
        QCOMPARE(added->draftId, draftId);
        QCOMPARE(importer.pending(), 0);

        DraftAttachmentRepository repo(*m_store);
        auto listed = repo.list(draftId);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().id, added->id);
        QCOMPARE(listed->first().slot, QStringLiteral("scalpTop"));
        QCOMPARE(listed->first().size, QSize(1000, 1500));

        auto jpeg = repo.image(added->id);
        QVERIFY(jpeg);
        QVERIFY(jpeg->startsWith("\xFF\xD8\xFF"));
        QVERIFY(*JpegSegments::isClean(*jpeg));
        QVERIFY(!jpeg->contains(test::kMetadataCanary));
        auto thumb = repo.thumbnail(added->id, 160);
        QVERIFY(thumb);
        QCOMPARE(thumb->height(), 160);
        QVERIFY(qAbs(thumb->width() - 107) <= 1); // 1000 x 1500 in 160 x 160

        QVERIFY(repo.remove(added->id));
        QCOMPARE(repo.list(draftId)->size(), 0);
        QCOMPARE(repo.image(added->id).error().code, ErrorCode::NotFound);
        QCOMPARE(repo.remove(added->id).error().code, ErrorCode::NotFound);
    }

    void noJpegInClearInTheDatabaseFile()
    {
        const QString draftId = newDraft();
        {
            MediaImporter importer(*m_store);
            QVERIFY(import(importer, draftId, test::encodeJpeg(test::quadrants(1200, 900))));
            QVERIFY(import(importer, draftId, test::encodePng(test::quadrants(800, 600))));
        }
        // Raw SQLite, not the repository: the stored column is FieldCipher's envelope.
        {
            auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(LocalStore::databasePath(m_dataDir));
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("SELECT image FROM draft_attachments")));
            int rows = 0;
            while (q.next()) {
                const QByteArray stored = q.value(0).toByteArray();
                QVERIFY(stored.size() > 1000);
                QCOMPARE(stored.at(0), char(0x01)); // FieldCipher version byte
                QVERIFY(!stored.contains("\xFF\xD8\xFF"));
                QVERIFY(!stored.contains("JFIF"));
                ++rows;
            }
            QCOMPARE(rows, 2);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        // And the files themselves (database, WAL), byte for byte.
        const QByteArray files = test::readAllStartingWith(
            m_dataDir, QFileInfo(LocalStore::databasePath(m_dataDir)).fileName());
        QVERIFY(files.size() > 10000);
        QVERIFY(!files.contains("JFIF"));
        QVERIFY(!files.contains("\xFF\xD8\xFF\xE0"));
    }

    void sealedImageIsBoundToItsRow()
    {
        const QString draftId = newDraft();
        auto image = ImagePipeline::process(test::encodeJpeg(test::quadrants(300, 300)));
        QVERIFY(image);
        DraftAttachmentRepository repo(*m_store);
        auto a = repo.add(draftId, QStringLiteral("photoId"), QStringLiteral("frontdesk1"), *image);
        auto b = repo.add(draftId, QStringLiteral("photoId"), QStringLiteral("frontdesk1"), *image);
        QVERIFY(a && b);
        // Copy a's sealed image over b's: b must no longer open.
        QVERIFY(m_store->db().exec(
            QStringLiteral("UPDATE draft_attachments SET image = (SELECT image FROM "
                           "draft_attachments WHERE id = ?) WHERE id = ?"),
            {a->id, b->id}));
        QVERIFY(repo.image(a->id));
        QCOMPARE(repo.image(b->id).error().code, ErrorCode::DecryptFailed);
    }

    void refusalsLoseNothingAlreadySaved()
    {
        const QString draftId = newDraft();
        MediaImporter importer(*m_store);
        QVERIFY(import(importer, draftId, test::encodeJpeg(test::quadrants(400, 300))));

        auto garbage = import(importer, draftId, QByteArray(5000, 'x'));
        QVERIFY(!garbage);
        QVERIFY(garbage.error().message.contains(QStringLiteral("not an image")));
        QImage mono(15000, 15000, QImage::Format_Mono);
        mono.fill(0);
        auto bomb = import(importer, draftId, test::encodePng(mono));
        QVERIFY(!bomb);
        QVERIFY(bomb.error().message.contains(QStringLiteral("megapixels")));
        auto noDraft = import(importer, QStringLiteral("no-such-draft"),
                              test::encodeJpeg(test::quadrants(400, 300)));
        QVERIFY(!noDraft);
        QCOMPARE(noDraft.error().code, ErrorCode::NotFound);

        QCOMPARE(DraftAttachmentRepository(*m_store).list(draftId)->size(), 1);
    }

    void onlyProcessedImagesAreStored()
    {
        const QString draftId = newDraft();
        ImagePipeline::Output raw;
        raw.jpeg = test::withCameraMetadata(test::encodeJpeg(test::quadrants(100, 100)), 1);
        raw.size = QSize(100, 100);
        auto r = DraftAttachmentRepository(*m_store).add(draftId, QStringLiteral("photoId"),
                                                         QStringLiteral("frontdesk1"), raw);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QCOMPARE(DraftAttachmentRepository(*m_store).list(draftId)->size(), 0);
    }

    void removingTheDraftRemovesItsImages()
    {
        const QString draftId = newDraft();
        auto image = ImagePipeline::process(test::encodeJpeg(test::quadrants(300, 300)));
        QVERIFY(image);
        DraftAttachmentRepository repo(*m_store);
        auto a = repo.add(draftId, QStringLiteral("photoId"), QStringLiteral("frontdesk1"), *image);
        QVERIFY(a);
        QVERIFY(DraftRepository(*m_store).remove(draftId));
        QCOMPARE(repo.image(a->id).error().code, ErrorCode::NotFound);
        auto left = m_store->db().exec(QStringLiteral("SELECT count(*) FROM draft_attachments"));
        QVERIFY(left && left->next());
        QCOMPARE(left->value(0).toInt(), 0);
    }

    void keyRotationResealsImages()
    {
        const QString draftId = newDraft();
        auto image = ImagePipeline::process(test::encodeJpeg(test::quadrants(300, 300)));
        QVERIFY(image);
        DraftAttachmentRepository repo(*m_store);
        auto a = repo.add(draftId, QStringLiteral("photoId"), QStringLiteral("frontdesk1"), *image);
        QVERIFY(a);
        auto newKey = m_store->rotateDataKey(*m_keys);
        QVERIFY2(newKey, newKey ? "" : qPrintable(newKey.error().message));
        auto row = m_store->db().exec(
            QStringLiteral("SELECT image FROM draft_attachments WHERE id = ?"), {a->id});
        QVERIFY(row && row->next());
        QCOMPARE(FieldCipher::keyIdOf(row->value(0).toByteArray()),
                 std::optional<quint32>(*newKey));
        auto opened = repo.image(a->id);
        QVERIFY(opened);
        QCOMPARE(*opened, image->jpeg);
    }
};

QTEST_GUILESS_MAIN(TestDraftAttachments)
#include "tst_draftattachments.moc"
