#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// Turns CI red when a user-visible string is untranslated: every message of every shipped .ts
// file is finished and non-empty with the same placeholders as its source, and lupdate run over
// the sources now finds no string that the shipped files lack (or that they keep but the sources
// dropped). Fix by building the `clinicdesk_lupdate` target and translating in Qt Linguist.
class TestTranslations : public QObject
{
    Q_OBJECT

    struct Message
    {
        QString context;
        QString source;
        QString comment;
        QString type; // "", "unfinished", "vanished", "obsolete"
        QStringList translations;
        QString key() const
        {
            return context + QLatin1String(" | ") + source + QLatin1String(" | ") + comment;
        }
    };

    static QList<Message> parse(const QString &path, QString *error)
    {
        QList<Message> out;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.errorString();
            return out;
        }
        QXmlStreamReader xml(&file);
        QString context;
        Message current;
        bool inMessage = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                const auto name = xml.name();
                if (name == QLatin1String("name") && !inMessage) {
                    context = xml.readElementText();
                } else if (name == QLatin1String("message")) {
                    inMessage = true;
                    current = Message{context, {}, {}, {}, {}};
                } else if (inMessage && name == QLatin1String("source")) {
                    current.source = xml.readElementText();
                } else if (inMessage && name == QLatin1String("comment")) {
                    current.comment = xml.readElementText();
                } else if (inMessage && name == QLatin1String("translation")) {
                    current.type = xml.attributes().value(QLatin1String("type")).toString();
                    // Either plain text or <numerusform> children.
                    QString text;
                    while (!xml.atEnd()) {
                        xml.readNext();
                        if (xml.isCharacters())
                            text += xml.text();
                        else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                            current.translations << xml.readElementText();
                        else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                            break;
                    }
                    if (current.translations.isEmpty())
                        current.translations << text;
                }
            } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                inMessage = false;
                out << current;
            }
        }
        if (xml.hasError())
            *error = xml.errorString();
        return out;
    }

    static QStringList shippedFiles()
    {
        return QString::fromUtf8(CLINICDESK_TS_FILES).split(QLatin1Char('|'), Qt::SkipEmptyParts);
    }

    static QSet<QString> placeholders(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("%(?:L?[1-9]|n)"));
        QSet<QString> found;
        for (auto it = re.globalMatch(text); it.hasNext();)
            found.insert(it.next().captured().remove(QLatin1Char('L')));
        return found;
    }

private Q_SLOTS:
    void shippedFilesComplete_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : shippedFiles())
            QTest::newRow(qPrintable(path.section(QLatin1Char('/'), -1))) << path;
        QVERIFY(shippedFiles().size() >= 2);
    }

    void shippedFilesComplete()
    {
        QFETCH(QString, path);
        QString error;
        const QList<Message> messages = parse(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!messages.isEmpty(), "no messages: the file is empty or unreadable");
        QStringList problems;
        for (const Message &m : messages) {
            if (!m.type.isEmpty())
                problems << QStringLiteral("%1: %2").arg(m.type, m.key());
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << QStringLiteral("empty: %1").arg(m.key());
                else if (placeholders(t) != placeholders(m.source))
                    problems << QStringLiteral("placeholders differ: %1").arg(m.key());
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void sourcesMatchShippedFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(CLINICDESK_LUPDATE),
                      {QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("@") + QStringLiteral(CLINICDESK_TR_SOURCE_LIST),
                       QStringLiteral("-ts"), fresh});
        QVERIFY2(lupdate.waitForFinished(60000), "lupdate did not finish");
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 lupdate.readAll().constData());
        QString error;
        const QList<Message> found = parse(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(found.size() > 10, "lupdate found almost no strings: is the source list right?");
        QSet<QString> foundKeys;
        for (const Message &m : found)
            foundKeys.insert(m.key());

        for (const QString &path : shippedFiles()) {
            QSet<QString> shippedKeys;
            for (const Message &m : parse(path, &error))
                shippedKeys.insert(m.key());
            QStringList problems;
            for (const QString &key : foundKeys)
                if (!shippedKeys.contains(key))
                    problems << QStringLiteral("missing from %1: %2").arg(path, key);
            for (const QString &key : shippedKeys)
                if (!foundKeys.contains(key))
                    problems << QStringLiteral("no longer in the sources, remove from %1: %2")
                                    .arg(path, key);
            problems.sort();
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
