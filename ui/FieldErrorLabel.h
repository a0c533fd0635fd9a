#pragma once

#include <QLabel>
#include <QPointer>

namespace clinicdesk {

// An inline error shown under one form field: hidden while there is nothing to say, in the
// theme's error colour when there is, and mirrored into the field's accessible description so
// a screen reader announces it with the field.
class FieldErrorLabel : public QLabel
{
    Q_OBJECT

public:
    explicit FieldErrorLabel(QWidget *parent = nullptr);

    void setField(QWidget *field) { m_field = field; }
    void showError(const QString &message);
    void clearError();
    bool hasError() const { return !text().isEmpty(); }

private:
    void applyErrorColour();

    QPointer<QWidget> m_field;
};

} // namespace clinicdesk
