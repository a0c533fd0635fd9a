#include "SandboxPdf.h"

#include <QList>

namespace clinicdesk {
namespace {

// A PDF literal string: printable ASCII with \, ( and ) escaped.
QByteArray literal(const QString &text)
{
    QByteArray out = "(";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\\' || u == u'(' || u == u')')
            out += '\\';
        out += (u >= 0x20 && u < 0x7f) ? char(u) : '?';
    }
    return out + ')';
}

} // namespace

QByteArray SandboxPdf::document(const QString &title, const QStringList &lines)
{
    QByteArray content = "BT\n/F1 18 Tf\n72 720 Td\n" + literal(title) + " Tj\n/F1 11 Tf\n";
    content += "0 -30 Td\n";
    for (const QString &line : lines)
        content += literal(line) + " Tj\n0 -16 Td\n";
    content += "ET\n";

    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R "
        ">> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
            "endstream",
    };
    // The header's second line marks the file as binary for transfer programs.
    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace clinicdesk
