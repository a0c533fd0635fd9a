#include "domain/VisitStateMachine.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <array>

using namespace clinicdesk;
using SM = VisitStateMachine;
using Type = VisitEvent::Type;
using Outcome = VisitEvent::Outcome;

// The visit state rules, and the out-of-order property (issue 5, point 5): for random orderings
// of each visit's event history, with duplicates, the final status and prescription state equal
// those of the history in order; and no single step ever moves either backwards.
class TestVisitStateMachine : public QObject
{
    Q_OBJECT

    struct Step
    {
        Type type;
        Outcome outcome = Outcome::None;
    };

    static SM::State fold(SM::State state, const QList<Step> &steps, bool checkMonotone)
    {
        for (const Step &step : steps) {
            const SM::State next = SM::apply(state, step.type, step.outcome);
            if (checkMonotone) {
                if (int(next.status) < int(state.status) || int(next.rx) < int(state.rx))
                    qFatal("a status moved backwards");
            }
            state = next;
        }
        return state;
    }

    static QList<QList<Step>> histories()
    {
        return {
            // Prescribed and shipped, with chat before and a late chat after the conclusion.
            {{Type::DoctorChat},
             {Type::CsMessage},
             {Type::RxWritten},
             {Type::ConsultConcluded, Outcome::Prescribed},
             {Type::PharmacyInFulfillment},
             {Type::PharmacyShipped},
             {Type::PharmacyDelivered},
             {Type::DoctorChat}},
            {{Type::DoctorChat},
             {Type::NameUpdate},
             {Type::ConsultConcluded, Outcome::Referred},
             {Type::DoctorChat}},
            {{Type::CsMessage}, {Type::ConsultCanceled}, {Type::DoctorChat}},
            {{Type::DoctorChat}, {Type::CsMessage}},
            {{Type::RxWritten}, {Type::PharmacyShipped}},
            {{Type::NameUpdate}},
        };
    }

private Q_SLOTS:
    void inOrderOutcomes()
    {
        const auto all = histories();
        const SM::State start{SM::Status::Submitted, SM::RxStatus::None};
        QCOMPARE(fold(start, all[0], true),
                 (SM::State{SM::Status::Prescribed, SM::RxStatus::Delivered}));
        QCOMPARE(fold(start, all[1], true), (SM::State{SM::Status::Referred, SM::RxStatus::None}));
        QCOMPARE(fold(start, all[2], true), (SM::State{SM::Status::Canceled, SM::RxStatus::None}));
        QCOMPARE(fold(start, all[3], true), (SM::State{SM::Status::NeedsInfo, SM::RxStatus::None}));
        QCOMPARE(fold(start, all[4], true),
                 (SM::State{SM::Status::Prescribed, SM::RxStatus::Shipped}));
        // A provider event proves a queued visit reached the provider.
        QCOMPARE(fold({SM::Status::Queued, SM::RxStatus::None}, all[5], true).status,
                 SM::Status::Submitted);
    }

    void lateChatChangesNothing()
    {
        const SM::State concluded{SM::Status::Prescribed, SM::RxStatus::Written};
        QCOMPARE(SM::apply(concluded, Type::DoctorChat), concluded);
        QCOMPARE(SM::apply(concluded, Type::CsMessage), concluded);
    }

    void needsInfoAndBack()
    {
        SM::State state{SM::Status::Submitted, SM::RxStatus::None};
        state = SM::apply(state, Type::DoctorChat);
        QCOMPARE(state.status, SM::Status::NeedsInfo);
        state = SM::staffReplied(state);
        QCOMPARE(state.status, SM::Status::Submitted);
        state = SM::apply(state, Type::DoctorChat);
        QCOMPARE(state.status, SM::Status::NeedsInfo);
        // Staff replies never reopen a concluded visit.
        QCOMPARE(SM::staffReplied({SM::Status::Referred, SM::RxStatus::None}).status,
                 SM::Status::Referred);
    }

    void rejectedStaysRejected()
    {
        const SM::State rejected{SM::Status::Rejected, SM::RxStatus::None};
        for (Type type : {Type::DoctorChat, Type::ConsultCanceled, Type::CsMessage})
            QCOMPARE(SM::apply(rejected, type).status, SM::Status::Rejected);
    }

    // The console's own moves: each from exactly one status; every other state is kept, so a
    // provider event that arrived first is never undone.
    void localMovesHaveOneStartingStatus()
    {
        struct Move
        {
            SM::State (*rule)(SM::State);
            SM::Status from;
            SM::Status to;
        };
        const Move moves[] = {
            {&SM::accepted, SM::Status::Queued, SM::Status::Submitted},
            {&SM::refused, SM::Status::Queued, SM::Status::Rejected},
            {&SM::resubmitted, SM::Status::Rejected, SM::Status::Queued},
            {&SM::staffReplied, SM::Status::NeedsInfo, SM::Status::Submitted},
        };
        for (const Move &m : moves) {
            for (int i = 0; i <= int(SM::Status::Rejected); ++i) {
                const SM::State state{SM::Status(i), SM::RxStatus::Written};
                const SM::State next = m.rule(state);
                QCOMPARE(next.rx, state.rx);
                QCOMPARE(next.status, SM::Status(i) == m.from ? m.to : SM::Status(i));
            }
        }
    }

    void randomOrderingsWithDuplicatesGiveTheSameState()
    {
        using S = SM::Status;
        using Rx = SM::RxStatus;
        // Written out by hand from the rules, not computed: for each history, the final state
        // from Queued and from Submitted (a provider event proves a queued visit was received).
        const QList<std::array<SM::State, 2>> literal = {
            {SM::State{S::Prescribed, Rx::Delivered}, SM::State{S::Prescribed, Rx::Delivered}},
            {SM::State{S::Referred, Rx::None}, SM::State{S::Referred, Rx::None}},
            {SM::State{S::Canceled, Rx::None}, SM::State{S::Canceled, Rx::None}},
            {SM::State{S::NeedsInfo, Rx::None}, SM::State{S::NeedsInfo, Rx::None}},
            {SM::State{S::Prescribed, Rx::Shipped}, SM::State{S::Prescribed, Rx::Shipped}},
            {SM::State{S::Submitted, Rx::None}, SM::State{S::Submitted, Rx::None}},
        };
        const auto describe = [](qsizetype h, S start, const SM::State &state) {
            return QStringLiteral("history %1 from %2: %3/%4")
                .arg(h)
                .arg(SM::name(start), SM::name(state.status), SM::name(state.rx));
        };
        QRandomGenerator random(20261124); // fixed: a failure is reproducible
        const auto all = histories();
        QCOMPARE(all.size(), literal.size());
        QStringList expected;
        QSet<QString> reached; // every final state the rules produced, in order and shuffled
        for (qsizetype h = 0; h < all.size(); ++h) {
            const auto &history = all[h];
            for (int s = 0; s < 2; ++s) {
                const S start = s == 0 ? S::Queued : S::Submitted;
                expected << describe(h, start, literal[h][size_t(s)]);
                reached << describe(h, start, fold({start, Rx::None}, history, true));
                for (int round = 0; round < 2000; ++round) {
                    QList<Step> shuffled;
                    for (const Step &step : history) {
                        const int copies = 1 + int(random.bounded(3)); // duplicates
                        for (int i = 0; i < copies; ++i)
                            shuffled.append(step);
                    }
                    std::shuffle(shuffled.begin(), shuffled.end(), random);
                    reached << describe(h, start, fold({start, Rx::None}, shuffled, true));
                }
            }
        }
        // One final state per history and start, the one written above: any ordering or
        // duplicate that ends elsewhere adds a line here.
        QStringList got(reached.begin(), reached.end());
        got.sort();
        expected.sort();
        QCOMPARE(got, expected);
    }

    void aStatusCheckOnlyConcludesOpenVisits()
    {
        // Every status and prescription state against every check result (issue 13: "resolved"
        // with an empty rxHistory turned Prescribed into Referred).
        using Checked = SM::Checked;
        const QList<SM::Status> statuses = {SM::Status::Queued,    SM::Status::Submitted,
                                            SM::Status::NeedsInfo, SM::Status::Prescribed,
                                            SM::Status::Referred,  SM::Status::Canceled,
                                            SM::Status::Rejected};
        const QList<SM::RxStatus> rxs = {SM::RxStatus::None, SM::RxStatus::Written,
                                         SM::RxStatus::Shipped, SM::RxStatus::Delivered};
        for (SM::Status status : statuses) {
            for (SM::RxStatus rx : rxs) {
                const SM::State before{status, rx};
                for (Checked checked : {Checked::Open, Checked::Canceled, Checked::ResolvedWithRx,
                                        Checked::ResolvedWithoutRx}) {
                    const SM::State after = SM::afterCheck(before, checked);
                    const QByteArray what =
                        (SM::name(status) + QLatin1Char('/') + SM::name(rx)).toLatin1();
                    if (SM::isTerminal(status) || rx != SM::RxStatus::None) {
                        QVERIFY2(after == before, what.constData());
                        continue;
                    }
                    QVERIFY2(int(after.status) >= int(before.status), what.constData());
                    switch (checked) {
                    case Checked::Open:
                        QVERIFY(after == before);
                        break;
                    case Checked::Canceled:
                        QCOMPARE(after.status, SM::Status::Canceled);
                        break;
                    case Checked::ResolvedWithRx:
                        QCOMPARE(after.status, SM::Status::Prescribed);
                        QCOMPARE(after.rx, SM::RxStatus::Written);
                        break;
                    case Checked::ResolvedWithoutRx:
                        QCOMPARE(after.status, SM::Status::Referred);
                        break;
                    }
                }
            }
        }
    }

    void namesRoundTrip()
    {
        for (int i = 0; i <= int(SM::Status::Rejected); ++i) {
            SM::Status parsed{};
            QVERIFY(SM::parse(SM::name(SM::Status(i)), &parsed));
            QCOMPARE(int(parsed), i);
        }
        for (int i = 0; i <= int(SM::RxStatus::Delivered); ++i) {
            SM::RxStatus parsed{};
            QVERIFY(SM::parse(SM::name(SM::RxStatus(i)), &parsed));
            QCOMPARE(int(parsed), i);
        }
        SM::Status unknown{};
        QVERIFY(!SM::parse(QStringLiteral("Submitting"), &unknown));
    }
};

QTEST_GUILESS_MAIN(TestVisitStateMachine)
#include "tst_visitstatemachine.moc"
