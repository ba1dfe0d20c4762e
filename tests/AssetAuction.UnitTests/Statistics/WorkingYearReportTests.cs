using AssetAuction.Domain.Statistics;
using Xunit;

namespace AssetAuction.UnitTests.Statistics;

/// <summary>
/// A small office over two working years, every figure computed by hand (the comments show the sums).
/// Working year 2026 is 2025-10-01..2026-09-30; "6 months" ends 2026-03-31.
/// </summary>
public sealed class WorkingYearReportTests
{
    private const string Office = "HN-KV1";

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>
    /// A0 closed before the year (left out); A1 carried over and sold; A2 redeemed and A3 released (one new case);
    /// A4 taken by the creditor after March; A5 a large, old, stuck case; A6 not valued, returned in year 2027;
    /// A7 sold in March, paid in April; A8 seized in October 2026.
    /// </summary>
    private static List<AssetFact> Facts() =>
    [
        AssetFact.Of("A0", Office, "C0", D(2023, 6, 1), D(2024, 1, 1)).Disposed(AssetOutcome.Released, D(2024, 5, 1)),
        AssetFact.Of("A1", Office, "C1", D(2022, 1, 10), D(2025, 6, 1))
            .Valued(D(2025, 7, 1), 1_000_000_000).FirstAuction(D(2025, 9, 15), 1_000_000_000).Failed(D(2025, 9, 15))
            .Reduced(D(2025, 10, 10), 900_000_000).Sold(D(2025, 11, 20), 950_000_000, D(2025, 12, 15))
            .Disposed(AssetOutcome.SoldAndPaid, D(2026, 1, 10), paidOutOn: D(2026, 1, 20)),
        AssetFact.Of("A2", Office, "C2", D(2025, 9, 1), D(2025, 10, 5))
            .Valued(D(2025, 10, 20), 500_000_000).FirstAuction(D(2025, 12, 1), 500_000_000).Failed(D(2025, 12, 1))
            .Reduced(D(2025, 12, 10), 450_000_000).Failed(D(2026, 1, 15))
            .Disposed(AssetOutcome.Redeemed, D(2026, 2, 1), realised: 460_000_000),
        AssetFact.Of("A3", Office, "C2", D(2025, 9, 1), D(2025, 10, 5)).Disposed(AssetOutcome.Released, D(2026, 3, 5)),
        AssetFact.Of("A4", Office, "C3", D(2025, 11, 1), D(2025, 11, 10))
            .Valued(D(2025, 12, 1), 300_000_000).FirstAuction(D(2026, 1, 10), 300_000_000).Failed(D(2026, 1, 10))
            .Disposed(AssetOutcome.TakenByCreditor, D(2026, 4, 15), realised: 300_000_000),
        AssetFact.Of("A5", Office, "C4", D(2021, 5, 1), D(2025, 8, 1)).Valued(D(2025, 8, 20), 25_000_000_000),
        AssetFact.Of("A6", Office, "C5", D(2026, 1, 15), D(2026, 2, 1)).Disposed(AssetOutcome.ReturnedToDebtor, D(2026, 11, 5)),
        AssetFact.Of("A7", Office, "C6", D(2026, 2, 1), D(2026, 3, 1))
            .Valued(D(2026, 3, 10), 200_000_000).FirstAuction(D(2026, 3, 25), 200_000_000).Sold(D(2026, 3, 25), 205_000_000, D(2026, 4, 10))
            .Disposed(AssetOutcome.SoldAndPaid, D(2026, 5, 1)),
        AssetFact.Of("A8", Office, "C7", D(2026, 10, 1), D(2026, 10, 15)),
    ];

    private static ReportInputs Inputs() => new(
        Facts(),
        [
            new DeadlineFact(Office, D(2025, 11, 1), D(2025, 10, 30), false, "legacy"),
            new DeadlineFact(Office, D(2025, 12, 1), D(2025, 12, 5), false, "legacy"),
            new DeadlineFact(Office, D(2026, 2, 1), null, false, "legacy"),
            new DeadlineFact(Office, D(2026, 3, 15), D(2026, 3, 1), true, "legacy"),
            new DeadlineFact(Office, D(2026, 3, 20), D(2026, 4, 2), false, "legacy"),
            new DeadlineFact(Office, D(2026, 4, 5), D(2026, 4, 3), false, "legacy"),

            // After 2026-07-01 the same cases' later steps run under the 2026 rule set (Decree 152/2026 art. 115).
            new DeadlineFact(Office, D(2026, 7, 10), D(2026, 7, 9), false, "2026"),
            new DeadlineFact(Office, D(2026, 8, 1), D(2026, 8, 5), false, "2026"),
        ],
        [new CaseDebt(Office, "C0", 100), new CaseDebt(Office, "C1", 1_000_000_000), new CaseDebt(Office, "C2", 500_000_000), new CaseDebt(Office, "C4", 30_000_000_000)],
        [
            new PayoutFact(Office, "C1", D(2026, 1, 20), PayoutKind.Creditor, 900_000_000),
            new PayoutFact(Office, "C1", D(2026, 1, 20), PayoutKind.Fee, 27_000_000),
            new PayoutFact(Office, "C1", D(2026, 1, 20), PayoutKind.Surplus, 23_000_000),
            new PayoutFact(Office, "C2", D(2026, 2, 5), PayoutKind.Creditor, 460_000_000),
            new PayoutFact(Office, "C1", D(2026, 4, 1), PayoutKind.Creditor, 1),
        ],
        new ProblemThresholds());

    private static WorkingYearFigures SixMonths() => WorkingYearCalculator.Compute(new WorkingYear(2026, 6), Inputs());

    [Fact]
    public void Working_year_2026_runs_from_1_October_2025_and_six_months_end_on_31_March()
    {
        var period = new WorkingYear(2026, 6);
        Assert.Equal(D(2025, 10, 1), period.Start);
        Assert.Equal(D(2026, 3, 31), period.End);
        Assert.Equal(D(2026, 9, 30), new WorkingYear(2026, 12).End);
        Assert.Equal(new WorkingYear(2026, 6), WorkingYear.Containing(D(2026, 3, 10)));
        Assert.Equal(new WorkingYear(2027, 1), WorkingYear.Containing(D(2026, 10, 1)));
    }

    [Fact]
    public void Assets_carried_over_new_disposed_by_outcome_and_remaining_by_stage()
    {
        var a = SixMonths().Assets;

        // Carried: A1, A5 (A0 closed in 2024). New: A2, A3, A4, A6, A7.
        Assert.Equal(2, a.CarriedOver);
        Assert.Equal(5, a.NewlySeized);

        // Disposed by 2026-03-31: A1 handed over, A2 redeemed, A3 released (A4 taken only in April).
        Assert.Equal((1, 0, 1, 0, 1), (a.DisposedSoldAndPaid, a.DisposedTakenByCreditor, a.DisposedRedeemed, a.DisposedReturnedToDebtor, a.DisposedReleased));

        // Remaining: A6 awaiting valuation; A4, A5 awaiting sale; A7 sold awaiting payment. 2 + 5 - 3 = 4.
        Assert.Equal((1, 2, 1, 0), (a.RemainingAwaitingValuation, a.RemainingAwaitingSale, a.RemainingAwaitingPayment, a.RemainingAwaitingHandover));
        Assert.Equal(a.CarriedOver + a.NewlySeized - a.Disposed, a.Remaining);
    }

    [Fact]
    public void Rate_by_case_counts_carried_over_cases_in_the_denominator()
    {
        var c = SixMonths().Cases;

        // Carried: C1, C4. New: C2, C3, C5, C6. Completed: C1 (sold, paid out 2026-01-20), C2 (redeemed + released).
        Assert.Equal((2, 4, 6, 2, 4), (c.CarriedOver, c.New, c.ToHandle, c.Completed, c.Remaining));

        // 2 / 6 = 33.33%.
        Assert.Equal(3333, c.RateBasisPoints);
    }

    [Fact]
    public void Money_realised_paid_out_and_rate_by_money()
    {
        var m = SixMonths().Money;

        // Still under seizure on 2026-03-31: A4 300m + A5 25bn + A6 0 + A7 200m.
        Assert.Equal(25_500_000_000, m.ValueUnderSeizure);
        Assert.Equal(950_000_000, m.RealisedSales);
        Assert.Equal(460_000_000, m.RealisedRedemptions);
        Assert.Equal(0, m.RealisedTakeovers);
        Assert.Equal(1_410_000_000, m.Realised);
        Assert.Equal(1_360_000_000, m.PaidToCreditors);
        Assert.Equal(27_000_000, m.Fees);
        Assert.Equal(23_000_000, m.SurplusReturned);

        // C1 + C2 + C4 (C0 is not a case to handle).
        Assert.Equal(31_500_000_000, m.OwedToCreditors);

        // 1,360,000,000 / 31,500,000,000 = 4.3175% -> 432 basis points.
        Assert.Equal(432, m.RateBasisPoints);
    }

    [Fact]
    public void Time_limits_due_in_the_period_met_late_and_missed_and_the_durations()
    {
        var t = SixMonths().Timeliness;

        // Due to 2026-03-31, the one dropped on 2026-03-01 left out: met 1, late 1, missed 2 (one done only on 2026-04-02).
        Assert.Equal((4, 1, 1, 2), (t.Due, t.Met, t.MetLate, t.Missed));
        Assert.Equal([new RuleSetTimeliness("legacy", 4, 1, 1, 2)], t.ByRuleSet);

        Assert.Equal(
        [
            new DurationFigures(DurationKeys.SeizureToValuation, 3, 15, 21),
            new DurationFigures(DurationKeys.ValuationToFirstAuction, 3, 40, 42),
            new DurationFigures(DurationKeys.FirstAuctionToSale, 2, 0, 66),
            new DurationFigures(DurationKeys.SaleToFullPayment, 1, 25, 25),
            new DurationFigures(DurationKeys.FullPaymentToPayout, 1, 36, 36),
        ], t.Durations);
    }

    [Fact]
    public void A_full_year_splits_time_limits_across_the_regime_switch()
    {
        var t = WorkingYearCalculator.Compute(new WorkingYear(2026, 12), Inputs()).Timeliness;

        // Legacy: the six above, the 2026-03-20 one now met late (2026-04-02) and the 2026-04-05 one met.
        Assert.Equal([new RuleSetTimeliness("2026", 2, 1, 1, 0), new RuleSetTimeliness("legacy", 5, 2, 2, 1)], t.ByRuleSet);
        Assert.Equal((7, 3, 3, 1), (t.Due, t.Met, t.MetLate, t.Missed));
    }

    [Fact]
    public void Problem_groups_and_auctions()
    {
        var figures = SixMonths();

        // C4: owed 30bn, worth 25bn, decided 2021 (over three years), A5 at the same stage since 2025-08-20 (223 days).
        Assert.Equal(new ProblemGroup(1, 30_000_000_000, 25_000_000_000), figures.Problems.LargeCases);
        Assert.Equal(new ProblemGroup(1, 30_000_000_000, 25_000_000_000), figures.Problems.OldCases);
        Assert.Equal(new ProblemGroup(1, 0, 25_000_000_000), figures.Problems.StuckAssets);

        // Failed: A2 twice, A4 once (A1's was in September 2025). Reductions: A1, A2.
        // Discounts: A1 (1bn -> 950m) 500, A7 (200m -> 205m) -250: mean 125.
        Assert.Equal(new AuctionFigures(3, 2, 2, 125), figures.Auctions);
    }

    [Fact]
    public void The_next_working_year_carries_over_what_was_open_on_30_September()
    {
        var figures = WorkingYearCalculator.Compute(new WorkingYear(2027, 1), Inputs());

        // Open on 2026-09-30: A5 and A6 (A4 taken in April, A7 handed over in May). New: A8.
        Assert.Equal(2, figures.Assets.CarriedOver);
        Assert.Equal(1, figures.Assets.NewlySeized);

        // Cases open: C4, C5, and C6 (handed over but its proceeds never paid out); new C7; none completed in October.
        Assert.Equal((3, 1, 0), (figures.Cases.CarriedOver, figures.Cases.New, figures.Cases.Completed));
    }

    [Fact]
    public void A_back_dated_act_changes_the_recomputation_and_the_difference_names_it()
    {
        var before = ReportLines.Of(SixMonths());
        var facts = Facts();
        facts[5].Disposed(AssetOutcome.Released, D(2026, 3, 30));
        var after = ReportLines.Of(WorkingYearCalculator.Compute(new WorkingYear(2026, 6), Inputs() with { Assets = facts }));

        var differences = ReportLines.Differences(before, after);
        Assert.Contains(("assets", "disposed_released", 1L, 2L), differences);
        Assert.Contains(("cases", "completed", 2L, 3L), differences);
        Assert.DoesNotContain(differences, d => d.Key == "newly_seized");
    }

    [Fact]
    public void Money_brought_back_into_custody_reopens_a_completed_case_until_it_is_paid_out_again()
    {
        // C1 was completed on 2026-01-20 (A1 handed over 2026-01-10, proceeds paid out 2026-01-20). On 2026-03-10 the
        // bank returns 100 million of the creditor's transfer: a correction brings it back into custody.
        var back = Inputs() with { Payouts = [.. Inputs().Payouts, new PayoutFact(Office, "C1", D(2026, 3, 10), PayoutKind.Creditor, -100_000_000)] };
        var figures = WorkingYearCalculator.Compute(new WorkingYear(2026, 6), back);

        // Completed: C2 only; 1 / 6 = 16.67%.
        var c = figures.Cases;
        Assert.Equal((2, 4, 6, 1, 5), (c.CarriedOver, c.New, c.ToHandle, c.Completed, c.Remaining));
        Assert.Equal(1667, c.RateBasisPoints);

        // Paid to creditors: 1,360m - 100m = 1,260m; 1,260,000,000 / 31,500,000,000 = 4.00%.
        Assert.Equal(1_260_000_000, figures.Money.PaidToCreditors);
        Assert.Equal(400, figures.Money.RateBasisPoints);

        // C1 is open again, and its decision (2022-01-10) is more than three years before 2026-03-31: old cases are
        // C1 (owed 1bn, nothing left under seizure) and C4 (owed 30bn, worth 25bn).
        Assert.Equal(new ProblemGroup(2, 31_000_000_000, 25_000_000_000), figures.Problems.OldCases);

        // To the end of February the money had not come back: C1 completed (C2 not yet: A3 released on 2026-03-05).
        Assert.Equal(1, WorkingYearCalculator.Compute(new WorkingYear(2026, 5), back).Cases.Completed);

        // Paid out again on 2026-03-20: C1 is completed again (C1 and C2).
        var again = back with { Payouts = [.. back.Payouts, new PayoutFact(Office, "C1", D(2026, 3, 20), PayoutKind.Creditor, 100_000_000)] };
        Assert.Equal(2, WorkingYearCalculator.Compute(new WorkingYear(2026, 6), again).Cases.Completed);

        // A payout returned on its own day leaves the money waiting: a day's payouts count before its returns.
        var sameDay = again with { Payouts = [.. again.Payouts, new PayoutFact(Office, "C1", D(2026, 3, 25), PayoutKind.Fee, 5_000_000), new PayoutFact(Office, "C1", D(2026, 3, 25), PayoutKind.Fee, -5_000_000)] };
        Assert.Equal(1, WorkingYearCalculator.Compute(new WorkingYear(2026, 6), sameDay).Cases.Completed);
    }

    [Fact]
    public void The_canonical_csv_round_trips_and_its_digest_is_stable()
    {
        var lines = ReportLines.Of(SixMonths());
        var csv = ReportLines.Csv(lines);
        Assert.Equal(lines, ReportLines.ParseCsv(csv));
        Assert.Equal(ReportLines.Digest(csv), ReportLines.Digest(ReportLines.Csv(ReportLines.Of(SixMonths()))));
        Assert.StartsWith("group,key,label,value\nassets,carried_over,\"Tài sản kỳ trước chuyển sang\",2\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Rates_round_half_up_in_basis_points()
    {
        Assert.Equal(4849, WorkingYearCalculator.BasisPoints(26_515, 54_681));
        Assert.Equal(0, WorkingYearCalculator.BasisPoints(5, 0));
        Assert.Equal(6667, WorkingYearCalculator.BasisPoints(2, 3));
    }
}
