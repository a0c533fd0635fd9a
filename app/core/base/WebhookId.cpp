#include "base/WebhookId.h"

namespace clinicdesk {

bool isValidWebhookId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > kMaxWebhookIdLength)
        return false;
    for (char c : id) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

bool isValidWebhookId(const QString &id)
{
    if (id.isEmpty() || id.size() > kMaxWebhookIdLength)
        return false;
    for (QChar c : id) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

} // namespace clinicdesk
