#pragma once

#include <QString>

class QWidget;

namespace clinicdesk {

// Asks where to save a PDF (starting in Documents) and returns the path with a .pdf suffix, or
// an empty string when cancelled. The caller words the title and the filter in its own context.
QString askPdfSavePath(QWidget *parent, const QString &title, const QString &filter);

} // namespace clinicdesk
