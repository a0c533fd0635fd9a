#include "DemoSeed.h"

#include "DemoCareSeed.h"

#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "intake/Draft.h"
#include "intake/DraftRepository.h"
#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "visits/IntakeSubmission.h"

#include <QCommandLineParser>
#include <QJsonArray>

#include <algorithm>

namespace clinicdesk {
namespace {

constexpr int kDefaultPatients = 6;
constexpr int kDefaultVisits = 8;
// Phones 202-555-0100 to 202-555-0199: 555-01xx numbers are reserved for fiction.
constexpr int kMaxPatients = 100;

// What the demo asks the sandbox's clinician to do with a visit.
enum class Plan
{
    Prescribe,
    Refer,
    Cancel,
    Ask,
    None,      // left open: stays Submitted
    Duplicate, // a second open visit of the same patient and type: the provider refuses it
};

QString planName(Plan plan)
{
    switch (plan) {
    case Plan::Prescribe:
        return QStringLiteral("prescribe");
    case Plan::Refer:
        return QStringLiteral("refer");
    case Plan::Cancel:
        return QStringLiteral("cancel");
    case Plan::Ask:
        return QStringLiteral("ask");
    case Plan::None:
        return QStringLiteral("none");
    case Plan::Duplicate:
        return QStringLiteral("duplicate");
    }
    return {};
}

// The first eight visits give one of each outcome; more visits cycle through the closing ones.
Plan planFor(int index)
{
    static const Plan first[] = {Plan::Prescribe, Plan::Refer,     Plan::Cancel,    Plan::Ask,
                                 Plan::None,      Plan::Duplicate, Plan::Prescribe, Plan::None};
    static const Plan more[] = {Plan::Prescribe, Plan::Refer, Plan::Cancel};
    if (index < int(std::size(first)))
        return first[index];
    return more[(index - int(std::size(first))) % int(std::size(more))];
}

struct Place
{
    const char *city;
    const char *state;
    const char *zip;
};

// Demo patient number `n` (0..99): every field obviously fake.
Patient demoPatient(int n)
{
    static const char *const first[] = {"Ada",  "Ben",  "Carla", "Dev", "Elena", "Farid",
                                        "Gina", "Hiro", "Iris",  "Jon", "Kemi",  "Luca"};
    static const char *const last[] = {"Demo-Rivera", "Demo-Chen",   "Demo-Okafor", "Demo-Novak",
                                       "Demo-Silva",  "Demo-Haddad", "Demo-Larsen"};
    static const Place places[] = {{"Springfield", "IL", "62701"},
                                   {"Austin", "TX", "78701"},
                                   {"Portland", "OR", "97201"},
                                   {"Albany", "NY", "12207"},
                                   {"Tampa", "FL", "33602"}};
    const Place &place = places[n % int(std::size(places))];
    Patient p;
    p.firstName = QString::fromLatin1(first[n % int(std::size(first))]);
    p.lastName = QString::fromLatin1(last[n % int(std::size(last))]);
    p.dob = QDate(1960 + (n * 7) % 40, 1 + n % 12, 1 + (n * 5) % 28);
    p.sex = n % 2 == 0 ? QStringLiteral("Female") : QStringLiteral("Male");
    p.phone = QStringLiteral("20255501%1").arg(n % kMaxPatients, 2, 10, QLatin1Char('0'));
    p.email =
        QStringLiteral("demo.patient%1@example.com").arg(n % kMaxPatients, 2, 10, QLatin1Char('0'));
    p.address = QStringLiteral("100 Demo St");
    p.city = QString::fromLatin1(place.city);
    p.state = QString::fromLatin1(place.state);
    p.zip = QString::fromLatin1(place.zip);
    return p;
}

// The visit types a demo patient of this sex gets, in order; only those the library has.
QStringList visitTypesFor(const QuestionnaireLibrary &library, const QString &sex)
{
    const QStringList preferred =
        sex == QLatin1String("Male")
            ? QStringList{QStringLiteral("ED"), QStringLiteral("PE"), QStringLiteral("hairloss"),
                          QStringLiteral("weightloss"), QStringLiteral("weightlossfollowup")}
            : QStringList{QStringLiteral("hairloss"), QStringLiteral("weightloss"),
                          QStringLiteral("weightlossfollowup")};
    QStringList out;
    for (const QString &type : preferred) {
        if (library.contains(type))
            out << type;
    }
    return out;
}

// A plausible answer to a required question, whatever the questionnaire: consents given, every
// screening question answered "no", the first listed option, believable numbers.
QJsonValue demoAnswer(const QuestionnaireItem &item, const Patient &patient)
{
    using Type = QuestionnaireItem::Type;
    const QString &id = item.linkId;
    switch (item.type) {
    case Type::Boolean:
        return item.itemControl == QLatin1String("check-box") ||
               id.startsWith(QLatin1String("consent")) ||
               id.startsWith(QLatin1String("patient.consent"));
    case Type::Choice:
    case Type::OpenChoice:
        return item.options.isEmpty() ? QJsonValue(QStringLiteral("demo"))
                                      : item.options.first().value;
    case Type::Integer:
    case Type::Decimal: {
        static const QHash<QString, double> usual = {
            {QStringLiteral("weight"), 212},      {QStringLiteral("weight.start"), 231},
            {QStringLiteral("goal"), 180},        {QStringLiteral("height.ft"), 5},
            {QStringLiteral("height.in"), 7},     {QStringLiteral("weeks"), 12},
            {QStringLiteral("alcohol"), 2},       {QStringLiteral("bp.systolic"), 122},
            {QStringLiteral("bp.diastolic"), 78}, {QStringLiteral("missed.count"), 1},
            {QStringLiteral("missed.days"), 3}};
        double v = usual.value(id, 0);
        if (item.minValue.isValid())
            v = std::max(v, item.minValue.toDouble());
        if (item.maxValue.isValid())
            v = std::min(v, item.maxValue.toDouble());
        return item.type == Type::Integer ? QJsonValue(qint64(v)) : QJsonValue(v);
    }
    case Type::Date: {
        QDate d = QDate::currentDate().addYears(-1);
        if (item.minValue.isValid())
            d = std::max(d, item.minValue.toDate());
        if (item.maxValue.isValid())
            d = std::min(d, item.maxValue.toDate());
        return d.toString(Qt::ISODate);
    }
    case Type::String:
    case Type::Text:
        if (id == QLatin1String("pharmacy.name"))
            return QStringLiteral("Demo Pharmacy");
        if (id == QLatin1String("pharmacy.zip"))
            return patient.zip;
        if (id == QLatin1String("allergies"))
            return QStringLiteral("None known (demo)");
        return QStringLiteral("None (demo)");
    case Type::Group:
    case Type::Display:
        break;
    }
    return {};
}

// An intake for `type` filled in for `patient`, passing the intake's and the provider's rules.
// `answeredShare` < 100 leaves the clinical questions after that share unanswered (a draft).
Result<IntakeForm> demoIntake(const QuestionnaireLibrary &library, const QString &type,
                              const Patient &patient, int answeredShare = 100)
{
    IntakeForm form(library.intake(type));
    form.applyInitialValues();
    form.setPatient(patient);
    const Questionnaire &q = form.questionnaire();
    const QStringList ids = q.linkIds();
    const int stopAt = int(ids.size()) * answeredShare / 100;
    // Answers can enable further questions (enableWhen): a few passes reach them all.
    for (int pass = 0; pass < 5; ++pass) {
        for (int i = 0; i < std::min(int(ids.size()), stopAt); ++i) {
            const QuestionnaireItem *item = q.item(ids[i]);
            // The demo's fake patients agree to e-mail and text messages, so the demo shows
            // the messages their visits cause (scripts/run's SMTP sink, the SMS stand-in).
            const bool messageConsent = ids[i].startsWith(QLatin1String("patient.consent"));
            if (!item || !item->isQuestion() || (!item->required && !messageConsent) ||
                item->readOnly || form.isAnswered(ids[i]) || !form.isEnabled(ids[i]))
                continue;
            form.setAnswer(ids[i], demoAnswer(*item, patient));
        }
    }
    if (answeredShare < 100)
        return form;
    const QList<IntakeIssue> issues = form.validate();
    if (!issues.isEmpty()) {
        QStringList which;
        for (const IntakeIssue &issue : issues)
            which << issue.linkId;
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the demo answers for visit type %1 do not pass the "
                                        "intake rules (%2)")
                             .arg(type, which.join(QStringLiteral(", "))));
    }
    return form;
}

Result<int> optionalCount(const QCommandLineParser &options, const QString &name, int fallback,
                          int min, int max)
{
    if (!options.isSet(name))
        return fallback;
    bool ok = false;
    const int n = options.value(name).toInt(&ok);
    if (!ok || n < min || n > max)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--%1 must be a whole number from %2 to %3")
                             .arg(name)
                             .arg(min)
                             .arg(max));
    return n;
}

struct SeededVisit
{
    QString visitId;
    QString masterId;
    QString patientId;
    QString visitType;
    Plan plan = Plan::None;
};

} // namespace

Result<AdminOutput> demoSeed(AdminContext &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("usage: demo seed [--patients N] [--visits N] "
                                        "[--user USERNAME] [--force] [--due-states]"));
    auto patientCount =
        optionalCount(ctx.options, QStringLiteral("patients"), kDefaultPatients, 1, kMaxPatients);
    if (!patientCount)
        return patientCount.error();
    auto visitCount =
        optionalCount(ctx.options, QStringLiteral("visits"), kDefaultVisits, 0, 5 * kMaxPatients);
    if (!visitCount)
        return visitCount.error();

    LocalStore &store = *ctx.store;
    auto existing = store.db().exec(QStringLiteral("SELECT COUNT(*) FROM patients"));
    if (!existing)
        return existing.error();
    const int existingPatients = existing->next() ? existing->value(0).toInt() : 0;
    if (existingPatients > 0 && !ctx.options.isSet(QStringLiteral("force")))
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("this store already has %1 patient(s): demo seed is for "
                                        "an empty demo store (give --force to add fake demo "
                                        "data anyway)")
                             .arg(existingPatients));

    // The visits and the draft are attributed to a staff account (the one the demo signs in
    // with), or else to the operator running the command.
    QString byUser = ctx.operatorName;
    if (const QString user = ctx.options.value(QStringLiteral("user")); !user.isEmpty()) {
        auto account = UserRepository(store).findByUsername(user);
        if (!account)
            return makeError(account.error().code == ErrorCode::NotFound ? ErrorCode::InvalidInput
                                                                         : account.error().code,
                             QStringLiteral("--user %1: %2").arg(user, account.error().message));
        byUser = account->username;
    }

    const QuestionnaireLibrary library = QuestionnaireLibrary::load();
    QList<Patient> patients;
    for (int i = 0; i < *patientCount; ++i)
        patients << demoPatient((existingPatients + i) % kMaxPatients);

    // Which patient and visit type each visit gets: no patient has two open visits of one type
    // (the provider would refuse the second), except the planned duplicate.
    struct Slot
    {
        int patient;
        QString type;
        Plan plan;
    };
    QList<Slot> assignments;
    int unique = 0;
    for (int i = 0; i < *visitCount; ++i) {
        const Plan plan = planFor(i);
        if (plan == Plan::Duplicate) {
            const auto open = std::find_if(assignments.crbegin(), assignments.crend(),
                                           [](const Slot &s) { return s.plan == Plan::None; });
            if (open != assignments.crend()) {
                assignments << Slot{open->patient, open->type, plan};
                continue;
            }
        }
        const int p = unique % *patientCount;
        const int k = unique / *patientCount;
        const QStringList types = visitTypesFor(library, patients[p].sex);
        if (k >= types.size())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("--visits %1 is more than %2 demo patients can have "
                                            "(each gets each visit type once): raise --patients")
                                 .arg(*visitCount)
                                 .arg(*patientCount));
        assignments << Slot{p, types[(p + k) % types.size()],
                            plan == Plan::Duplicate ? Plan::None : plan};
        ++unique;
    }

    QStringList patientIds;
    QList<SeededVisit> visits;
    QList<DemoDueVisit> dueVisits; // --due-states
    Draft draft;
    auto seeded = store.db().transaction([&]() -> Result<void> {
        PatientRepository repository(store);
        for (const Patient &p : patients) {
            auto id = repository.save(p, byUser);
            if (!id)
                return id.error();
            patientIds << *id;
        }
        for (const Slot &slot : assignments) {
            auto form = demoIntake(library, slot.type, patients[slot.patient]);
            if (!form)
                return form.error();
            Draft from;
            from.patientId = patientIds[slot.patient];
            from.ownerUser = byUser;
            from.visitType = slot.type;
            auto out = IntakeSubmission::submit(store, *form, from, byUser);
            if (!out)
                return out.error();
            visits << SeededVisit{out->visitId, out->masterId, out->patientId, slot.type,
                                  slot.plan};
        }
        if (ctx.options.isSet(QStringLiteral("due-states"))) {
            QList<std::pair<Patient, IntakeForm>> due;
            for (int i = 1; i <= 3; ++i) {
                const Patient p =
                    demoPatient((existingPatients + *patientCount + i) % kMaxPatients);
                auto form = demoIntake(library, QStringLiteral("weightloss"), p);
                if (!form)
                    return form.error();
                due.append({p, std::move(form).value()});
            }
            auto seededDue = seedDueStates(store, due, byUser);
            if (!seededDue)
                return seededDue.error();
            dueVisits = seededDue.value();
        }
        // One intake left half-way, for a new (not yet saved) demo patient.
        const Patient next = demoPatient((existingPatients + *patientCount) % kMaxPatients);
        const QString type = visitTypesFor(library, next.sex).value(0);
        if (type.isEmpty())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("no visit type questionnaire for the demo draft"));
        auto form = demoIntake(library, type, next, 50);
        if (!form)
            return form.error();
        const Questionnaire &q = form->questionnaire();
        draft.visitType = type;
        draft.questionnaire =
            q.url().isEmpty() ? q.name() : q.url() + QLatin1Char('|') + q.version();
        draft.ownerUser = byUser;
        draft.page = 1;
        draft.completion = form->completion();
        draft.answers = form->allAnswers();
        auto id = DraftRepository(store).save(draft);
        if (!id)
            return id.error();
        draft.id = *id;
        return {};
    });
    if (!seeded)
        return seeded.error();

    // Audited like any creation, after the commit (the audit anchor lives outside the store).
    QList<AuditEvent> events;
    const QString note = QStringLiteral("fake demo data (demo seed)");
    for (const QString &id : std::as_const(patientIds))
        events << AuditEvent{AuditAction::Create,       ctx.operatorName,
                             QStringLiteral("patient"), id,
                             AuditOutcome::Success,     note};
    for (const SeededVisit &v : std::as_const(visits))
        events << AuditEvent{
            AuditAction::Submit,
            ctx.operatorName,
            QStringLiteral("visit"),
            v.visitId,
            AuditOutcome::Success,
            QStringLiteral("queued as %1, visit type %2: %3").arg(byUser, v.visitType, note)};
    for (const DemoDueVisit &v : std::as_const(dueVisits))
        events << AuditEvent{AuditAction::Create,
                             ctx.operatorName,
                             QStringLiteral("visit"),
                             v.visitId,
                             AuditOutcome::Success,
                             QStringLiteral("prescribed %1 days ago, due state %2 (patient %3): %4")
                                 .arg(v.daysAgo)
                                 .arg(v.state, v.patientId, note)};
    events << AuditEvent{AuditAction::Create,     ctx.operatorName,
                         QStringLiteral("draft"), draft.id,
                         AuditOutcome::Success,   note};
    events << AuditEvent{AuditAction::Admin,
                         ctx.operatorName,
                         QStringLiteral("store"),
                         store.storeId(),
                         AuditOutcome::Success,
                         QStringLiteral("demo seed: %1 patients, %2 visits, 1 draft")
                             .arg(patientIds.size())
                             .arg(visits.size())};
    if (auto a = ctx.audit->appendBatch(events); !a)
        return a.error();

    AdminOutput out;
    QStringList lines;
    lines << QStringLiteral("seeded %1 demo patient(s), %2 queued visit(s) and 1 unfinished "
                            "intake, attributed to %3 (fake names and contact details)")
                 .arg(patientIds.size())
                 .arg(visits.size())
                 .arg(byUser);
    for (const QString &id : std::as_const(patientIds))
        lines << QStringLiteral("patient %1").arg(id);
    QJsonArray visitArray;
    for (const SeededVisit &v : std::as_const(visits)) {
        visitArray.append(QJsonObject{{QStringLiteral("visitId"), v.visitId},
                                      {QStringLiteral("masterId"), v.masterId},
                                      {QStringLiteral("patientId"), v.patientId},
                                      {QStringLiteral("visitType"), v.visitType},
                                      {QStringLiteral("status"), QStringLiteral("Queued")},
                                      {QStringLiteral("demoDecision"), planName(v.plan)}});
        lines << QStringLiteral("visit %1 %2 Queued demo-decision %3")
                     .arg(v.masterId, v.visitType.leftJustified(18), planName(v.plan));
    }
    for (const DemoDueVisit &v : std::as_const(dueVisits))
        lines << QStringLiteral("due-visit %1 weightloss Prescribed %2 days ago due-state %3")
                     .arg(v.masterId)
                     .arg(v.daysAgo)
                     .arg(v.state);
    lines << QStringLiteral("draft %1 %2 %3% answered")
                 .arg(draft.id, draft.visitType)
                 .arg(draft.completion);
    out.text = lines.join(QLatin1Char('\n'));
    out.json = {
        {QStringLiteral("patients"), QJsonArray::fromStringList(patientIds)},
        {QStringLiteral("visits"), visitArray},
        {QStringLiteral("draft"), QJsonObject{{QStringLiteral("id"), draft.id},
                                              {QStringLiteral("visitType"), draft.visitType},
                                              {QStringLiteral("completion"), draft.completion}}},
        {QStringLiteral("attributedTo"), byUser}};
    QJsonArray dueArray;
    for (const DemoDueVisit &v : std::as_const(dueVisits))
        dueArray.append(QJsonObject{{QStringLiteral("visitId"), v.visitId},
                                    {QStringLiteral("masterId"), v.masterId},
                                    {QStringLiteral("patientId"), v.patientId},
                                    {QStringLiteral("dueState"), v.state},
                                    {QStringLiteral("daysAgo"), v.daysAgo}});
    if (!dueArray.isEmpty())
        out.json.insert(QStringLiteral("dueVisits"), dueArray);
    return out;
}

QList<AdminCommand> demoCommands()
{
    return {
        {QStringLiteral("demo"),
         QStringLiteral("seed"),
         QStringLiteral("[--patients N] [--visits N] [--user USERNAME] [--force] "
                        "[--due-states]: fake demo patients, queued visits and a draft; refuses "
                        "a store with patients unless --force"),
         demoSeed,
         {{QStringLiteral("patients"), QStringLiteral("how many fake patients."),
           QStringLiteral("N")},
          {QStringLiteral("visits"), QStringLiteral("how many queued visits."),
           QStringLiteral("N")},
          {QStringLiteral("user"),
           QStringLiteral("the staff account the demo visits and draft are attributed to."),
           QStringLiteral("USERNAME")},
          {QStringLiteral("force"),
           QStringLiteral("add demo data even though the store has patients.")},
          {QStringLiteral("due-states"),
           QStringLiteral("also a weight-loss patient in each Due state (titration window "
                          "open, check-in due, programme ended), prescribed in the past on this "
                          "console only.")}}},
    };
}

} // namespace clinicdesk
