#pragma once

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QString>
#include <QTranslator>

namespace clinicdesk::test {

// The screenshot programs' language: `program OUT_DIR [clinicdesk_es.qm]`. With a .qm they render
// in Spanish as the console does: our messages, Qt's own ("Cancel"), US Spanish formats.
class ScreenshotLanguage
{
public:
    // False when a .qm was named but cannot be loaded.
    bool setUp(const QString &qm)
    {
        if (qm.isEmpty())
            return true;
        if (!m_own.load(qm))
            return false;
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::UnitedStates));
        QCoreApplication::installTranslator(&m_own);
        if (m_qt.load(QLocale(QLocale::Spanish), QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
        m_spanish = true;
        return true;
    }
    bool spanish() const { return m_spanish; }
    // "board-" or "board-es-".
    QString prefix(const QString &name) const
    {
        return name + (m_spanish ? QStringLiteral("-es-") : QStringLiteral("-"));
    }

private:
    QTranslator m_own;
    QTranslator m_qt;
    bool m_spanish = false;
};

} // namespace clinicdesk::test
