// Hostile message templates (issue 17): an admin's subject and body are parsed for {placeholders}
// when saved and when sent. Validation must refuse or accept without crashing or hanging, a
// refusal always says why, and an accepted template renders without leaving anything but its
// own text: with no values every placeholder disappears, so the text can only get shorter.
// Input: the subject, "\n--\n", the body.
#include "domain/PatientNotice.h"
#include "notify/NotificationTemplates.h"

#include <cstdint>
#include <cstdlib>

using namespace clinicdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype cut = bytes.indexOf("\n--\n");
    NotificationTemplates::Template text;
    text.subject = QString::fromUtf8(cut < 0 ? bytes : bytes.left(cut));
    text.body = cut < 0 ? QString() : QString::fromUtf8(bytes.mid(cut + 4));

    const auto checked =
        NotificationTemplates::validate(QStringLiteral("shipped"), QStringLiteral("es"), text);
    if (!checked) {
        if (checked.error().message.isEmpty())
            std::abort(); // a refusal always says why
        return 0;
    }
    for (const QString &part : {text.subject, text.body}) {
        if (NotificationTemplates::render(part, {}).size() > part.size())
            std::abort(); // nothing but the template's own text comes out
        QHash<QString, QString> values;
        for (const QString &name : PatientNotice::safePlaceholders())
            values.insert(name, QStringLiteral("{%1}").arg(name)); // a value is never re-read
        (void)NotificationTemplates::render(part, values);
    }
    return 0;
}
