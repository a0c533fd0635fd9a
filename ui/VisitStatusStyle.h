#pragma once

#include "domain/VisitStateMachine.h"
#include "visits/VisitBoard.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace clinicdesk {

// How a visit's states look everywhere in the console: a word, an icon with its own glyph, and a
// tint. The colour never carries meaning alone (the word and the glyph say the same), and the
// icons are drawn at several sizes so they stay sharp on high-DPI screens.
class VisitStatusStyle
{
    Q_DECLARE_TR_FUNCTIONS(VisitStatusStyle)

public:
    static QString text(VisitStateMachine::Status status);
    static QString text(VisitStateMachine::RxStatus rx);
    static QString text(WaitingFor waiting);
    // The same for a state as stored ("NeedsInfo"); unknown names are shown as they are.
    static QString statusText(const QString &storedName);
    static QString rxText(const QString &storedName);
    // "Needs info, rejected" for a row's attention flags; empty when none.
    static QString attentionText(quint8 attention);

    // Drawn on each call: callers that paint often keep their own copies.
    static QIcon icon(VisitStateMachine::Status status);
    static QIcon attentionIcon();
    // A light tint for a row or badge background, readable with the palette's text colour.
    static QColor tint(VisitStateMachine::Status status);
    // The status's own colour (icons, badge borders).
    static QColor colour(VisitStateMachine::Status status);
};

} // namespace clinicdesk
