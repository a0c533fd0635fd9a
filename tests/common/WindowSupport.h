#pragma once

#include "MainWindow.h"

#include <QLineEdit>
#include <QTest>

namespace clinicdesk::test {

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
