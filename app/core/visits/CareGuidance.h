#pragma once

#include "provider/ProviderCare.h"

#include <QCoreApplication>
#include <QString>

namespace clinicdesk {

// What staff read after a prescription change (/external/updateVisit) or a next-titration
// request (issue 15, items 2 and 4): every status the provider can answer becomes one translated
// sentence saying what happened and what to do next, and the machine next step the console
// offers as its button (CareReply::nextStep, the one mapping of status to step: this class only
// words it). The same status can mean different things for the two requests (TOO_LONG_AGO: the
// prescription is over 7 days old for a change, the visit over 180 days for a titration), so
// the request is part of the question. The provider's own info text is shown where ours cannot
// be specific (GENERIC, RX_ERROR, a status this build does not know).
class CareGuidance
{
    Q_DECLARE_TR_FUNCTIONS(CareGuidance)

public:
    enum class Request
    {
        PrescriptionChange, // updateVisit
        NextTitration,
    };

    struct Advice
    {
        CareNextStep step = CareNextStep::ContactProvider;
        QString message; // translated, ends with what to do next
    };

    static Advice advise(Request request, const CareReply &reply);
    // The staff message alone (`info`: the provider's text, for the statuses that show it).
    static QString message(Request request, CareStatus status, const QString &info = {});
    // The button that carries the step out ("Start the check-in"); empty for None.
    static QString actionLabel(CareNextStep step);
};

} // namespace clinicdesk
