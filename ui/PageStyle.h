#pragma once

class QLabel;
class QWidget;

// Shared looks of the full-window pages, sized in font units so they scale with the user's font
// and the screen's DPI rather than in pixels.
namespace clinicdesk::PageStyle {

// A page title: the application font, larger and bold.
void makeTitle(QLabel *title);
// The centred column that holds a page's content, between minChars and maxChars average
// characters wide: wide enough that hints wrap rarely, narrow enough to read at a glance.
void makeColumn(QWidget *column, int minChars = 64, int maxChars = 80);

} // namespace clinicdesk::PageStyle
