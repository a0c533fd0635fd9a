#include "PdfSavePath.h"

#include <QFileDialog>
#include <QStandardPaths>

namespace clinicdesk {

QString askPdfSavePath(QWidget *parent, const QString &title, const QString &filter)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(parent, title, dir, filter);
    if (path.isEmpty() || path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return path;
    return path + QStringLiteral(".pdf");
}

} // namespace clinicdesk
