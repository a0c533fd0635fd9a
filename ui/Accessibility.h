#pragma once

#include <QString>

class QWidget;

// What the console adds to Qt's accessibility (Qt 6.4) so that a screen reader hears what the
// screen shows. Qt reports a checkable tool button as a check box, a plain frame as a window
// border and a label only by its name; the console's own widget classes (FilterChip, GroupFrame,
// StatusMessage) get interfaces with the roles they behave as. install() registers them once per
// process; each of those classes calls it when constructed.
//
// Qt 6.4 has neither a "required" nor an "invalid entry" state, nor an announcement event: a
// required field says so in its accessible name, an invalid one carries its message as its
// accessible description (FieldErrorLabel), and announcements are notifications that appear
// (StatusMessage), which Orca speaks.
namespace clinicdesk::Accessibility {

void install();

// "First name, required": the accessible name of a field the form cannot do without.
void setRequiredName(QWidget *field, const QString &name, bool required);

} // namespace clinicdesk::Accessibility
