#include "LockHygiene.h"

#include <QClipboard>
#include <QGuiApplication>

namespace clinicdesk::lockhygiene {

void clearOwnedClipboards(QClipboard *clipboard)
{
    if (!clipboard)
        return;
    const QString platform = QGuiApplication::platformName();
    const bool inProcess =
        platform == QLatin1String("offscreen") || platform == QLatin1String("minimal");
    if (clipboard->ownsClipboard() || inProcess)
        clipboard->clear(QClipboard::Clipboard);
    if (clipboard->supportsSelection() && (clipboard->ownsSelection() || inProcess))
        clipboard->clear(QClipboard::Selection);
}

QWidget *focusToRestore(const QPointer<QWidget> &before, const QWidget *page)
{
    QWidget *widget = before.data();
    if (!widget || !page || !page->isAncestorOf(widget) || !widget->isVisibleTo(page) ||
        !widget->isEnabled() || widget->focusPolicy() == Qt::NoFocus)
        return nullptr;
    return widget;
}

} // namespace clinicdesk::lockhygiene
