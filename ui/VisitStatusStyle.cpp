#include "VisitStatusStyle.h"

#include <QPainter>
#include <QPixmap>

namespace clinicdesk {

namespace {

using Status = VisitStateMachine::Status;
using RxStatus = VisitStateMachine::RxStatus;

struct Look
{
    QColor colour;
    QChar glyph;
};

Look lookOf(Status status)
{
    switch (status) {
    case Status::Draft:
        return {QColor(0x75, 0x75, 0x75), QChar(0x270E)}; // pencil
    case Status::Queued:
        return {QColor(0x5c, 0x6b, 0xc0), QChar(0x2191)}; // up arrow: on its way
    case Status::Submitted:
        return {QColor(0x19, 0x76, 0xd2), QChar(0x2026)}; // ellipsis: in review
    case Status::NeedsInfo:
        return {QColor(0xe6, 0x51, 0x00), QLatin1Char('?')};
    case Status::Prescribed:
        return {QColor(0x2e, 0x7d, 0x32), QChar(0x2713)}; // check mark
    case Status::Referred:
        return {QColor(0x6a, 0x1b, 0x9a), QChar(0x2192)}; // right arrow
    case Status::Canceled:
        return {QColor(0x61, 0x61, 0x61), QChar(0x2715)}; // cross
    case Status::Rejected:
        return {QColor(0xc6, 0x28, 0x28), QLatin1Char('!')};
    }
    return {QColor(Qt::gray), QLatin1Char(' ')};
}

QIcon drawIcon(const QColor &colour, QChar glyph)
{
    QIcon icon;
    for (const int size : {16, 20, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(qMax(9, int(size * 0.66)));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, QString(glyph));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

QString VisitStatusStyle::text(Status status)
{
    switch (status) {
    case Status::Draft:
        return tr("Draft");
    case Status::Queued:
        return tr("Queued");
    case Status::Submitted:
        return tr("Submitted");
    case Status::NeedsInfo:
        return tr("Needs information");
    case Status::Prescribed:
        return tr("Prescribed");
    case Status::Referred:
        return tr("Referred");
    case Status::Canceled:
        return tr("Canceled");
    case Status::Rejected:
        return tr("Rejected");
    }
    return {};
}

QString VisitStatusStyle::text(RxStatus rx)
{
    switch (rx) {
    case RxStatus::None:
        return tr("None");
    case RxStatus::Written:
        return tr("Written");
    case RxStatus::InFulfillment:
        return tr("In fulfillment");
    case RxStatus::Shipped:
        return tr("Shipped");
    case RxStatus::Delivered:
        return tr("Delivered");
    }
    return {};
}

QString VisitStatusStyle::text(WaitingFor waiting)
{
    switch (waiting) {
    case WaitingFor::Nobody:
        return tr("Nobody");
    case WaitingFor::Provider:
        return tr("Provider");
    case WaitingFor::Clinic:
        return tr("Clinic");
    case WaitingFor::Patient:
        return tr("Patient");
    case WaitingFor::Pharmacy:
        return tr("Pharmacy");
    }
    return {};
}

QString VisitStatusStyle::attentionText(quint8 attention)
{
    QStringList parts;
    if (attention & VisitBoardRow::NeedsInfo)
        parts << tr("the clinician asked a question");
    if (attention & VisitBoardRow::Rejected)
        parts << tr("refused by the provider");
    if (attention & VisitBoardRow::Stuck)
        parts << tr("not delivered to the provider");
    if (attention & VisitBoardRow::Silent)
        parts << tr("no news for a long time");
    return parts.join(QStringLiteral("; "));
}

QString VisitStatusStyle::statusText(const QString &storedName)
{
    Status status;
    return VisitStateMachine::parse(storedName, &status) ? text(status) : storedName;
}

QString VisitStatusStyle::rxText(const QString &storedName)
{
    RxStatus rx;
    return VisitStateMachine::parse(storedName, &rx) ? text(rx) : storedName;
}

QIcon VisitStatusStyle::icon(Status status)
{
    const Look look = lookOf(status);
    return drawIcon(look.colour, look.glyph);
}

QIcon VisitStatusStyle::attentionIcon()
{
    return drawIcon(QColor(0xe6, 0x51, 0x00), QLatin1Char('!'));
}

QColor VisitStatusStyle::colour(Status status)
{
    return lookOf(status).colour;
}

QColor VisitStatusStyle::tint(Status status)
{
    QColor colour = lookOf(status).colour;
    colour.setAlpha(40);
    return colour;
}

} // namespace clinicdesk
