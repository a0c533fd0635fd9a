#pragma once

class QStackedWidget;
class QWidget;

namespace clinicdesk::PageSwitch {

// Shows `page` in `stack` without Qt's own focus move. When the keyboard is in the page being
// hidden, QStackedWidget hands it to some control of the new page (the sign-in page's password
// went to "New intake" on the home page), and the page's activate() then moves it again: two
// focus events a screen reader announces one after the other. Here the old page just lets go;
// the caller puts the keyboard where it belongs once the page is shown (one focus event, on a
// control that is showing).
void show(QStackedWidget *stack, QWidget *page);

} // namespace clinicdesk::PageSwitch
