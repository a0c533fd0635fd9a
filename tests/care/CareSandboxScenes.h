#pragma once

#include "SandboxPayloads.h"
#include "SandboxProcess.h"
#include "TestSupport.h"
#include "VisitTestSupport.h"
#include "WindowSupport.h"
#include "keys/KeyFileKeyProvider.h"
#include "provider/ProviderConnection.h"
#include "store/VisitRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

namespace clinicdesk::test {

// The console every care test drives: a real sandbox whose clinician decides by hand, and a
// console's services on a store beside it in `dir`. Empty on success, else what failed.
inline QString startSandboxConsole(const QTemporaryDir &dir,
                                   std::unique_ptr<KeyFileKeyProvider> &keys,
                                   std::unique_ptr<SandboxProcess> &sandbox,
                                   std::unique_ptr<ConsoleServices> &services)
{
    QStandardPaths::setTestModeEnabled(true);
    if (!dir.isValid())
        return QStringLiteral("no temporary directory");
    keys = std::make_unique<KeyFileKeyProvider>(writeKeyFile(dir));
    sandbox = std::make_unique<SandboxProcess>(dir.filePath(QStringLiteral("sandbox")));
    if (!sandbox->start())
        return sandbox->failure();
    if (!sandbox->setClinician({{"decision", "manual"}}))
        return QStringLiteral("the sandbox refused a manual clinician");
    services = openServices(dir.filePath(QStringLiteral("store")), *keys, sandbox->clientConfig());
    if (!services || !services->store() || !services->provider() || !services->provider()->client())
        return QStringLiteral("the console's services did not open");
    return {};
}

// Closes the services before the sandbox they talk to.
inline bool stopSandboxConsole(std::unique_ptr<ConsoleServices> &services,
                               std::unique_ptr<SandboxProcess> &sandbox)
{
    services.reset();
    return !sandbox || sandbox->stop();
}

// A weight-loss programme visit known to the console and to the real sandbox alike: submitted
// (the console's own intake, its createNoPay body the sandbox's canned one asking for
// `medId`), created at the sandbox with that same body, resolved there `daysAgo` days ago with
// `medId` prescribed, and Prescribed on the console as the relay applies the provider's events.
inline visittest::AddedVisit careProgrammeVisit(LocalStore &store, SandboxProcess &sandbox,
                                                const QString &phone, int daysAgo,
                                                const QString &medId = QStringLiteral("sema-0.5"))
{
    QJsonObject body = sandboxtest::createBody({}, phone, QStringLiteral("weightloss"));
    QJsonObject form = body.value(QLatin1String("formObj")).toObject();
    form.insert(QStringLiteral("patientPreference"),
                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Semaglutide")},
                                       {QStringLiteral("strength"), QStringLiteral("0.5 mg")},
                                       {QStringLiteral("quantity"), QStringLiteral("2 mL")},
                                       {QStringLiteral("refills"), QStringLiteral("0")},
                                       {QStringLiteral("daysSupply"), 28},
                                       {QStringLiteral("medId"), medId}}});
    body.insert(QStringLiteral("formObj"), form);
    const visittest::AddedVisit visit =
        visittest::addVisit(store, visittest::samplePatient(phone), body,
                            QStringLiteral("Submitted"), visittest::sampleResponse());
    auto stored = VisitRepository(store).openCreateBody(visit.id);
    if (!stored)
        qFatal("care scene: body not read");
    const auto created = sandbox.request("POST", QStringLiteral("/visit/createNoPay"),
                                         QJsonDocument::fromJson(stored.value()).object());
    if (created.body.value(QLatin1String("status")).toInt() != 200)
        qFatal("care scene: sandbox refused the visit: %s", created.raw.constData());
    if (!sandbox.control(QStringLiteral("/_sandbox/visits/") + visit.masterId +
                             QStringLiteral("/resolve"),
                         {{QStringLiteral("medId"), medId}, {QStringLiteral("daysAgo"), daysAgo}}))
        qFatal("care scene: sandbox did not resolve the visit");
    applyEvents(store, eventsTo(visit.masterId, VisitStateMachine::Status::Prescribed,
                                VisitStateMachine::RxStatus::Written));
    return visit;
}

} // namespace clinicdesk::test
