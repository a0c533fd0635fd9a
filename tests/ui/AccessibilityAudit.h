#pragma once

#include "FieldErrorLabel.h"
#include "StatusMessage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPointer>
#include <QSet>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>

#include <functional>

// What a screen reader and a keyboard get from a page, checked the way issue 18's run did: the
// QAccessibleInterface tree Qt hands to AT-SPI, and the Tab key. Findings are sentences naming
// the widget (class and object name); an empty list is a pass.
namespace clinicdesk::test {

// Every message announced under `root` so far (StatusMessage): what Orca says of them. Offscreen
// Qt 6.4 sends no accessibility events (QAccessible::isActive() is false without a platform
// bridge), so the tests read the announcing widgets instead; under X11 the same messages reach
// AT-SPI as notifications (docs/ACCESSIBILITY.md).
inline QStringList announcements(QWidget *root)
{
    QStringList said;
    for (StatusMessage *m : root->findChildren<StatusMessage *>()) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(m);
        if (m->announcedCount() > 0 && iface && iface->role() == QAccessible::Notification)
            said << iface->text(QAccessible::Name);
    }
    return said;
}

inline QString describe(const QObject *o)
{
    if (!o)
        return QStringLiteral("(null)");
    QString text;
    if (auto *b = qobject_cast<const QAbstractButton *>(o))
        text = b->text();
    else if (auto *l = qobject_cast<const QLabel *>(o))
        text = l->text().left(40);
    return QStringLiteral("%1 \"%2\"%3")
        .arg(QString::fromLatin1(o->metaObject()->className()), o->objectName(),
             text.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(text));
}

inline QString plainText(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

// The word a required field's name carries in the current language ("required").
inline QString requiredWord()
{
    QString word = QCoreApplication::translate("Accessibility", "%1, required").arg(QString());
    return word.remove(QLatin1Char(',')).trimmed();
}

inline bool isInteractiveRole(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::PageTabList:
    case QAccessible::StaticText:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
        return true;
    default:
        return false;
    }
}

inline QAccessibleInterface *namedGroupAbove(QAccessibleInterface *iface)
{
    for (QAccessibleInterface *p = iface->parent(); p; p = p->parent())
        if (p->role() == QAccessible::Grouping && !p->text(QAccessible::Name).trimmed().isEmpty())
            return p;
    return nullptr;
}

// What a screen reader says a control is: its name, or for a combo box (whose name on Linux is
// its value) the label that names it.
inline QString whatItIs(QAccessibleInterface *iface)
{
    if (iface->role() != QAccessible::ComboBox)
        return iface->text(QAccessible::Name).trimmed();
    QStringList labels;
    for (const auto &[other, relation] : iface->relations(QAccessible::Label))
        labels << other->text(QAccessible::Name);
    return labels.join(QLatin1Char(' ')).trimmed();
}

// Names, visible texts, groups, radio roles, required and invalid fields, under `root`.
inline QStringList auditTree(QWidget *root)
{
    QStringList findings;
    const QString required = requiredWord();
    std::function<void(QAccessibleInterface *)> walk = [&](QAccessibleInterface *iface) {
        auto *w = qobject_cast<QWidget *>(iface->object());
        if (!w || !w->isVisible())
            return;
        const QAccessible::Role role = iface->role();
        const QAccessible::State state = iface->state();
        const QString name = iface->text(QAccessible::Name);
        if (isInteractiveRole(role) && state.focusable && !state.disabled) {
            const QString what = whatItIs(iface);
            if (!what.contains(QRegularExpression(QStringLiteral("\\p{L}"))))
                findings << QStringLiteral("%1: no name says what it is").arg(describe(w));
        }
        if (auto *label = qobject_cast<QLabel *>(w); label && !label->text().isEmpty()) {
            // A trailing "*" is a visual mark: said as "required" (checked below).
            QString shown = plainText(label->text()).remove(QLatin1Char('&')).simplified();
            if (shown.endsWith(QLatin1Char('*')))
                shown = shown.chopped(1).trimmed();
            if (!name.simplified().contains(shown))
                findings << QStringLiteral("%1: shows \"%2\" but is announced as \"%3\"")
                                .arg(describe(w), shown, name);
        }
        if (auto *text = qobject_cast<QTextEdit *>(w); text && !text->toPlainText().isEmpty()) {
            QAccessibleTextInterface *ti = iface->textInterface();
            // Compared on letters and digits: tables and paragraphs separate differently.
            auto words = [](const QString &t) {
                QString kept;
                for (const QChar c : t)
                    if (c.isLetterOrNumber())
                        kept += c;
                return kept;
            };
            if (!ti || !words(ti->text(0, ti->characterCount()))
                            .contains(words(text->toPlainText()).left(60)))
                findings << QStringLiteral("%1: its text is not readable").arg(describe(w));
        }
        auto *button = qobject_cast<QAbstractButton *>(w);
        if (button && button->group() && button->group()->exclusive() &&
            role != QAccessible::RadioButton)
            findings << QStringLiteral(
                            "%1: one of exclusive choices, not exposed as a radio button")
                            .arg(describe(w));
        const bool optionBox =
            qobject_cast<QCheckBox *>(w) && w->parentWidget() &&
            w->parentWidget()
                    ->findChildren<QCheckBox *>(QString(), Qt::FindDirectChildrenOnly)
                    .size() > 1;
        if ((role == QAccessible::RadioButton || optionBox) && !namedGroupAbove(iface))
            findings << QStringLiteral("%1: an option without its question (no named group)")
                            .arg(describe(w));
        if (auto *label = qobject_cast<QLabel *>(w);
            label && label->buddy() && label->text().trimmed().endsWith(QLatin1Char('*'))) {
            QAccessibleInterface *field = QAccessible::queryAccessibleInterface(label->buddy());
            QAccessibleInterface *group = field ? namedGroupAbove(field) : nullptr;
            QString said = (field ? field->text(QAccessible::Name) : QString()) +
                           (group ? group->text(QAccessible::Name) : QString());
            if (field)
                for (const auto &[other, relation] : field->relations(QAccessible::Label))
                    said += other->text(QAccessible::Name);
            if (!said.contains(required, Qt::CaseInsensitive))
                findings << QStringLiteral("%1: marked * on screen, not said to be %2")
                                .arg(describe(label->buddy()), required);
        }
        if (auto *error = qobject_cast<FieldErrorLabel *>(w); error && error->hasError()) {
            QWidget *field = error->field();
            QAccessibleInterface *fi =
                field ? QAccessible::queryAccessibleInterface(field) : nullptr;
            if (!field || !field->property("invalid").toBool())
                findings << QStringLiteral("%1: shows an error but is not marked invalid")
                                .arg(describe(field));
            else if (!fi || fi->text(QAccessible::Description) != error->text())
                findings
                    << QStringLiteral("%1: its error is not its description").arg(describe(field));
            if (!error->hint().isEmpty()) {
                bool shown = false;
                for (QLabel *l : root->findChildren<QLabel *>())
                    shown = shown || (l->isVisible() && l->text() == error->hint());
                if (!shown)
                    findings << QStringLiteral("%1: its format hint is hidden while an error shows")
                                    .arg(describe(field));
            }
        }
        // Items of views are the views' business (the board's own test reads its rows).
        if (role == QAccessible::Table || role == QAccessible::List || role == QAccessible::Tree)
            return;
        for (int i = 0; i < iface->childCount(); ++i)
            if (QAccessibleInterface *child = iface->child(i))
                walk(child);
    };
    walk(QAccessible::queryAccessibleInterface(root));
    return findings;
}

// The group of exclusive buttons `w` belongs to (a QButtonGroup, or the parent of auto-exclusive
// radio buttons), or null: Tab enters such a group once, the arrow keys move inside it (Qt's
// radio button behaviour).
inline QObject *exclusiveGroup(QWidget *w)
{
    auto *b = qobject_cast<QAbstractButton *>(w);
    if (!b || !b->isCheckable())
        return nullptr;
    if (b->group())
        return b->group()->exclusive() ? b->group() : nullptr;
    return b->autoExclusive() ? b->parentWidget() : nullptr;
}

// The widgets the keyboard should reach in `root`, in the window's focus chain order (the members
// of an exclusive group are checked as a group).
inline QList<QWidget *> tabStops(QWidget *root)
{
    QList<QWidget *> stops;
    QWidget *window = root->window();
    QWidget *w = window;
    do {
        w = w->nextInFocusChain();
        const bool inside = root == window || root->isAncestorOf(w);
        const bool internal =
            w->parentWidget() &&
            (qobject_cast<QAbstractSpinBox *>(w->parentWidget()) ||
             qobject_cast<QComboBox *>(w->parentWidget()) ||
             qobject_cast<QAbstractItemView *>(w->parentWidget()->parentWidget()));
        if (inside && !internal && !exclusiveGroup(w) && (w->focusPolicy() & Qt::TabFocus) &&
            !w->focusProxy() && w->isVisibleTo(window) && w->isEnabled() && !stops.contains(w))
            stops << w;
    } while (w != window);
    return stops;
}

// Where `w` sits for the reading order against `other`: a control in a scrolling page that does
// not hold `other` counts where the page is (below the fold is still inside the page).
inline QRect placeOf(QWidget *w, QWidget *other)
{
    QWidget *at = w;
    for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<QAbstractScrollArea *>(p) && !p->isAncestorOf(other))
            at = p;
    return QRect(at->mapTo(w->window(), QPoint()), at->size());
}

inline bool before(QWidget *a, QWidget *b)
{
    // Reading order: b lower down, or on the same line further right.
    const QRect ra = placeOf(a, b);
    const QRect rb = placeOf(b, a);
    const int tolerance = 4;
    if (rb.top() >= ra.bottom() - tolerance)
        return true;
    const int overlap = std::min(ra.bottom(), rb.bottom()) - std::max(ra.top(), rb.top());
    return overlap > std::min(ra.height(), rb.height()) / 2 && rb.left() >= ra.left() - tolerance;
}

// Tab from the first stop goes through every stop of `root` and back to the first, in reading
// order; Shift+Tab goes the same way backwards. Leaves the focus on the first stop.
inline QStringList auditTabCycle(QWidget *root)
{
    QStringList findings;
    const QList<QWidget *> stops = tabStops(root);
    if (stops.isEmpty())
        return {QStringLiteral("%1: nothing takes the keyboard").arg(describe(root))};
    QWidget *first = stops.first();
    QWidget *window = root->window();
    // Every button of an exclusive group may be a stop of its own while none is checked.
    const qsizetype limit = (stops.size() + root->findChildren<QAbstractButton *>().size()) * 2 + 4;
    if (QApplication::activeWindow() != window) {
        window->activateWindow();
        if (!QTest::qWaitFor([window] { return QApplication::activeWindow() == window; }))
            return {QStringLiteral("%1: its window does not become active").arg(describe(root))};
    }
    auto walk = [&](bool forward) {
        first->setFocus(Qt::TabFocusReason);
        QList<QWidget *> visited{first};
        if (QApplication::focusWidget() != first) {
            findings << QStringLiteral("%1 does not take the keyboard (%2 has it, in %3)")
                            .arg(describe(first), describe(QApplication::focusWidget()),
                                 describe(QApplication::activeWindow()));
            return visited;
        }
        for (int i = 0; i < limit; ++i) {
            QWidget *before = QApplication::focusWidget();
            QTest::keyClick(before, forward ? Qt::Key_Tab : Qt::Key_Backtab);
            QWidget *now = QApplication::focusWidget();
            if (now == before) {
                findings << QStringLiteral("%1 keeps the keyboard on %2")
                                .arg(forward ? QStringLiteral("Tab") : QStringLiteral("Shift+Tab"),
                                     describe(now));
                break;
            }
            if (now == first)
                return visited;
            visited << now;
        }
        findings << QStringLiteral("%1 never comes back to %2")
                        .arg(forward ? QStringLiteral("Tab") : QStringLiteral("Shift+Tab"),
                             describe(first));
        return visited;
    };
    const QList<QWidget *> forward = walk(true);
    for (QWidget *w : stops)
        if (!forward.contains(w))
            findings << QStringLiteral("%1: Tab never reaches it").arg(describe(w));
    QSet<QObject *> groupsReached;
    for (QWidget *w : forward)
        groupsReached << exclusiveGroup(w);
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>()) {
        QObject *group = exclusiveGroup(b);
        if (group && b->isVisibleTo(window) && b->isEnabled() && !groupsReached.contains(group)) {
            findings << QStringLiteral("%1: Tab never reaches its group").arg(describe(b));
            groupsReached << group;
        }
    }
    // The cycle read from its top-left stop: each step must go on in reading order.
    QList<QWidget *> cycle = forward;
    auto topLeft = [window](QWidget *w) {
        const QPoint p = w->mapTo(window, QPoint());
        return std::pair(p.y(), p.x());
    };
    const auto start = std::min_element(cycle.begin(), cycle.end(), [&](QWidget *a, QWidget *b) {
        return topLeft(a) < topLeft(b);
    });
    std::rotate(cycle.begin(), start, cycle.end());
    for (int i = 1; i < cycle.size(); ++i)
        if (!before(cycle[i - 1], cycle[i]))
            findings << QStringLiteral("Tab goes from %1 to %2, against the reading order")
                            .arg(describe(cycle[i - 1]), describe(cycle[i]));
    QList<QWidget *> backward = walk(false);
    std::reverse(backward.begin() + 1, backward.end());
    if (findings.isEmpty() && backward != forward)
        findings << QStringLiteral("Shift+Tab does not retrace Tab's way");
    first->setFocus(Qt::TabFocusReason);
    return findings;
}

} // namespace clinicdesk::test
