#pragma once

#include "ConsoleServices.h"
#include "MainWindow.h"
#include "keys/KeyProvider.h"
#include "store/LocalStore.h"

#include <QLineEdit>
#include <QTest>

#include <memory>

namespace clinicdesk::test {

// The console's services on the store in `dataDir` (created when missing), as the window builds
// them: tests of pages and dialogs use these instead of assembling store, accounts, audit and
// provider link themselves. `keys` also keeps the audit anchor. Fails the test program when the
// store does not open.
inline std::unique_ptr<ConsoleServices>
openServices(const QString &dataDir, KeyProvider &keys,
             const std::optional<ProviderClient::Config> &provider = std::nullopt,
             PasswordHasher hasher = PasswordHasher(PasswordHasher::testing()))
{
    auto services = std::make_unique<ConsoleServices>(
        [&keys, dataDir] {
            return LocalStore::open({dataDir, &keys, false});
        },
        hasher, &keys);
    if (provider)
        services->setProviderConfig(*provider);
    if (auto opened = services->open(); !opened)
        qFatal("cannot open the console's services: %s", qPrintable(opened.error().message));
    return services;
}

// Signs in on the window's sign-in page as a person would: types the username and password into
// its fields and presses Return. The caller checks where the window went.
inline bool typeSignIn(MainWindow &window, const QString &username, const QString &password)
{
    QWidget *page = window.currentPage();
    auto *user = page ? page->findChild<QLineEdit *>(QStringLiteral("usernameEdit")) : nullptr;
    auto *secret = page ? page->findChild<QLineEdit *>(QStringLiteral("passwordEdit")) : nullptr;
    if (!user || !secret)
        return false;
    QTest::keyClicks(user, username);
    QTest::keyClicks(secret, password);
    QTest::keyClick(secret, Qt::Key_Return);
    return true;
}

} // namespace clinicdesk::test
