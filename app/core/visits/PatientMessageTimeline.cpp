#include "visits/PatientMessageTimeline.h"

#include "domain/PatientNotice.h"
#include "store/NotificationRepository.h"

#include <numeric>
#include <tuple>
#include <vector>

namespace clinicdesk {

QString PatientMessageTimeline::templateName(const QString &key)
{
    if (key == QLatin1String("prescription_written"))
        return tr("prescription written");
    if (key == QLatin1String("more_information_needed"))
        return tr("more information needed");
    if (key == QLatin1String("shipped"))
        return tr("order shipped");
    if (key == QLatin1String("delivered"))
        return tr("order delivered");
    if (key == QLatin1String("referred"))
        return tr("referred");
    if (key == QLatin1String("canceled"))
        return tr("visit canceled");
    if (key == QLatin1String("lab_requisition_ready"))
        return tr("lab form ready");
    return key;
}

Result<QList<VisitRecord::TimelineEntry>>
PatientMessageTimeline::entries(Database &db, const FieldCipher &cipher, const QString &visitId)
{
    NotificationRepository rows(db, cipher);
    auto found = rows.list(visitId);
    if (!found)
        return found.error();
    QList<VisitRecord::TimelineEntry> out;
    for (const auto &r : std::as_const(found.value())) {
        const bool email = r.channel == NotificationRepository::Channel::Email;
        const QString what = email
                                 ? tr("E-mail to the patient (%1)").arg(templateName(r.templateKey))
                                 : tr("Text to the patient (%1)").arg(templateName(r.templateKey));
        QString label;
        QString at = r.updatedAt;
        if (r.state == QLatin1String("sent")) {
            label = tr("%1: sent").arg(what);
            at = r.sentAt;
        } else if (r.state == QLatin1String("blocked")) {
            label = tr("%1: not sent, no consent").arg(what);
        } else if (r.state == QLatin1String("held")) {
            label = tr("%1: held for quiet hours until %2")
                        .arg(what, QDateTime::fromString(r.nextAttemptAt, Qt::ISODateWithMs)
                                       .toLocalTime()
                                       .toString(QStringLiteral("HH:mm")));
        } else if (r.state == QLatin1String("failed")) {
            auto reason = rows.openLastError(r);
            label = tr("%1: failed: %2").arg(what, reason ? reason.value() : tr("(unreadable)"));
        } else if (r.attempts > 0) {
            label = tr("%1: not delivered yet after %n attempt(s)", nullptr, r.attempts).arg(what);
        } else {
            label = tr("%1: queued").arg(what);
        }
        out.append(
            {QDateTime::fromString(at, Qt::ISODateWithMs), VisitRecord::Source::System, {}, label});
    }
    // Oldest first, like the rest of the local history; messages with the same time (written in
    // one batch) by event template, e-mail before text.
    std::vector<qsizetype> order(size_t(out.size()));
    std::iota(order.begin(), order.end(), 0);
    const auto &rowsFound = found.value();
    const auto rank = [&](qsizetype i) {
        return std::tuple(out[i].at,
                          PatientNotice::templateKeys().indexOf(rowsFound[i].templateKey),
                          int(rowsFound[i].channel));
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return rank(a) < rank(b); });
    QList<VisitRecord::TimelineEntry> sorted;
    for (const qsizetype i : order)
        sorted.append(out[i]);
    return sorted;
}

Result<void> PatientMessageTimeline::addTo(QList<VisitRecord::TimelineEntry> &local, Database &db,
                                           const FieldCipher &cipher, const QString &visitId)
{
    auto messages = entries(db, cipher, visitId);
    if (!messages)
        return messages.error();
    local += messages.value();
    std::stable_sort(local.begin(), local.end(),
                     [](const auto &a, const auto &b) { return a.at < b.at; });
    return {};
}

} // namespace clinicdesk
