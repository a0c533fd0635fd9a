#pragma once

#include <QLabel>
#include <QPointer>

namespace clinicdesk {

// An inline error shown under one form field: hidden while there is nothing to say, in the
// theme's error colour when there is, and mirrored into the field's accessible description so a
// screen reader announces it with the field (Qt 6.4 has no "invalid entry" state: the field also
// gets the dynamic property `invalid`, which the accessibility test reads). While there is no
// error, the field's description is its format hint (setHint), so a screen reader says that
// instead; the hint itself stays visible in its own label either way.
class FieldErrorLabel : public QLabel
{
    Q_OBJECT

public:
    explicit FieldErrorLabel(QWidget *parent = nullptr);

    void setField(QWidget *field);
    // The field's format hint ("MM/DD/YYYY"), its description while it has no error.
    void setHint(const QString &hint);
    void showError(const QString &message);
    void clearError();
    bool hasError() const { return !text().isEmpty(); }
    QWidget *field() const { return m_field; }
    QString hint() const { return m_hint; }

private:
    void applyErrorColour();

    QPointer<QWidget> m_field;
    QString m_hint;
};

} // namespace clinicdesk
