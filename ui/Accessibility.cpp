#include "Accessibility.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QLabel>
#include <QTextDocument>
#include <QWidget>

namespace clinicdesk::Accessibility {
namespace {

QString plainText(const QLabel *label)
{
    if (label->textFormat() == Qt::PlainText ||
        (label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(label->text())))
        return label->text();
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText();
}

// One of an exclusive set: a radio button, checked or not, that presses like one.
class RadioChipInterface : public QAccessibleWidget
{
public:
    explicit RadioChipInterface(QWidget *widget)
        : QAccessibleWidget(widget, QAccessible::RadioButton)
    {}

    QString text(QAccessible::Text t) const override
    {
        QString text = QAccessibleWidget::text(t);
        if (t == QAccessible::Name && text.isEmpty())
            text = button()->text().remove(QLatin1Char('&'));
        return text;
    }
    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        s.checkable = true;
        s.checked = button()->isChecked();
        return s;
    }
    QStringList actionNames() const override
    {
        return QStringList{pressAction()} + QAccessibleWidget::actionNames();
    }
    void doAction(const QString &action) override
    {
        if (action == pressAction() && button()->isEnabled())
            button()->click();
        else
            QAccessibleWidget::doAction(action);
    }

private:
    QAbstractButton *button() const { return static_cast<QAbstractButton *>(widget()); }
};

// A line of status text that is announced: a notification, named by what it says.
class NotificationInterface : public QAccessibleWidget
{
public:
    explicit NotificationInterface(QWidget *widget)
        : QAccessibleWidget(widget, QAccessible::Notification)
    {}

    QString text(QAccessible::Text t) const override
    {
        QString text = QAccessibleWidget::text(t);
        if (t == QAccessible::Name && text.isEmpty())
            text = plainText(static_cast<QLabel *>(widget()));
        return text;
    }
};

QAccessibleInterface *factory(const QString &className, QObject *object)
{
    if (!object || !object->isWidgetType())
        return nullptr;
    auto *widget = static_cast<QWidget *>(object);
    if (className == QLatin1String("clinicdesk::FilterChip"))
        return new RadioChipInterface(widget);
    if (className == QLatin1String("clinicdesk::GroupFrame"))
        return new QAccessibleWidget(widget, QAccessible::Grouping);
    if (className == QLatin1String("clinicdesk::StatusMessage"))
        return new NotificationInterface(widget);
    return nullptr;
}

} // namespace

void install()
{
    static const bool installed = [] {
        QAccessible::installFactory(&factory);
        return true;
    }();
    Q_UNUSED(installed);
}

void setRequiredName(QWidget *field, const QString &name, bool required)
{
    // A statement ending in a full stop (a consent) drops it before ", required".
    const QString base = required && name.endsWith(QLatin1Char('.')) ? name.chopped(1) : name;
    field->setAccessibleName(
        required ? QCoreApplication::translate("Accessibility", "%1, required").arg(base) : name);
}

} // namespace clinicdesk::Accessibility
