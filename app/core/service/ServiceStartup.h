#pragma once

#include "base/Result.h"
#include "keys/KeyProvider.h"
#include "service/TlsIdentity.h"

#include <memory>
#include <optional>

namespace clinicdesk {

struct ServiceOptions;
class UnixSignalWatcher;

// The start-up every headless service shares once its options are parsed.
namespace serviceStartup {

// SIGTERM and SIGINT quit the application cleanly; SIGHUP is logged and ignored.
void quitOnSignals(UnixSignalWatcher &watcher);
// The data dir (0700) and <data dir>/<program>.log.
Result<void> prepare(const ServiceOptions &options, const QString &program);
// Unless --plain-http: the given pair or one generated into the data dir; prints the
// "TLS certificate SHA-256 fingerprint: …" line on stdout.
Result<std::optional<TlsIdentity>> tls(const ServiceOptions &options);
// --key-file, or the OS keychain.
std::unique_ptr<KeyProvider> keyProvider(const ServiceOptions &options);
// One line on stdout, flushed at once (scripts wait for these).
void announce(const QString &line);
// "<program>: <message>" as one line on stderr (a start-up failure; never PHI, never a secret);
// returns `exitCode` for main() to return.
int fail(const QString &program, const QString &message, int exitCode = 1);

} // namespace serviceStartup
} // namespace clinicdesk
