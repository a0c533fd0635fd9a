#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace clinicdesk {

// A one-page PDF 1.4 document written by hand (Qt's QPdfWriter needs Qt Gui, which no headless
// program links): a catalog, a page tree, one US Letter page, the standard Helvetica font and a
// content stream of text lines, with a correct cross-reference table, so that any reader opens
// it (tests check it with qpdf --check and pdftotext). Text outside printable ASCII becomes '?'.
class SandboxPdf
{
public:
    static QByteArray document(const QString &title, const QStringList &lines);
};

} // namespace clinicdesk
