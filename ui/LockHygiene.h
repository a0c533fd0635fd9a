#pragma once

#include <QPointer>
#include <QWidget>

class QClipboard;

namespace clinicdesk::lockhygiene {

// What locking does besides covering the window, kept apart from MainWindow so the lock page
// and the window can change without touching it.
//
// Clears what this console put on the clipboard and on the X11 PRIMARY selection (selecting
// text in a field owns PRIMARY: a locked console still served a patient's surname to a middle
// click). Only what the console owns is cleared, never another program's; on platforms whose
// clipboard lives inside this process (offscreen, minimal) everything on it is the console's.
void clearOwnedClipboards(QClipboard *clipboard);

// The widget that had the focus when the console was locked, if it is still inside `page`,
// visible and able to take focus again after the unlock; otherwise null (the page's default).
QWidget *focusToRestore(const QPointer<QWidget> &before, const QWidget *page);

} // namespace clinicdesk::lockhygiene
