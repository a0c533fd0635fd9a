#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QString>

// The one place that talks to the OS keychain (QtKeychain; the Secret Service on Linux): a
// blocking read, write or removal of one entry, with a 30 s limit, one retry while the Secret
// Service is starting (as the Nextcloud client does), and QtKeychain's insecure plaintext
// fallback never enabled. `what` names the operation in error messages ("reading the data key").
namespace clinicdesk::keychain {

// KeyNotFound when the entry does not exist.
Result<QByteArray> read(const QString &service, const QString &entry, const QString &what);
Result<void> write(const QString &service, const QString &entry, const QByteArray &bytes,
                   const QString &what);
// Removing an entry that does not exist succeeds.
Result<void> remove(const QString &service, const QString &entry, const QString &what);

} // namespace clinicdesk::keychain
