#include "FieldErrorLabel.h"

#include <QApplication>

namespace clinicdesk {

FieldErrorLabel::FieldErrorLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

void FieldErrorLabel::setField(QWidget *field)
{
    m_field = field;
    if (m_field)
        m_field->setProperty("invalid", hasError());
}

void FieldErrorLabel::setHint(const QString &hint)
{
    m_hint = hint;
    if (m_field && !hasError())
        m_field->setAccessibleDescription(hint);
}

void FieldErrorLabel::applyErrorColour()
{
    // Dark red on light themes, light red on dark ones: both keep a 4.5:1 contrast.
    const bool darkTheme = QApplication::palette().color(QPalette::Window).lightness() < 128;
    QPalette p = palette();
    p.setColor(QPalette::WindowText,
               darkTheme ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
    setPalette(p);
}

void FieldErrorLabel::showError(const QString &message)
{
    if (message.isEmpty()) {
        clearError();
        return;
    }
    applyErrorColour();
    setText(message);
    setVisible(true);
    if (m_field) {
        m_field->setProperty("invalid", true);
        m_field->setAccessibleDescription(message);
    }
}

void FieldErrorLabel::clearError()
{
    clear();
    setVisible(false);
    if (m_field) {
        m_field->setProperty("invalid", false);
        m_field->setAccessibleDescription(m_hint);
    }
}

} // namespace clinicdesk
