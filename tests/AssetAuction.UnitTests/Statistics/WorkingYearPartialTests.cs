using AssetAuction.Domain.Statistics;
using Xunit;

namespace AssetAuction.UnitTests.Statistics;

/// <summary>
/// A report of several offices is the sum of each office's partial: the cached country report rests on this. Two
/// offices here use the same case numbers (cases are per office), their durations overlap so the percentiles of
/// the sum are not those of either office, and one office has money brought back into custody.
/// </summary>
public sealed class WorkingYearPartialTests
{
    private const string Hanoi1 = "HN-KV1";
    private const string Hanoi2 = "HN-KV2";

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static ReportInputs Inputs() => new(
        [
            AssetFact.Of("A1", Hanoi1, "C1", D(2022, 1, 10), D(2025, 6, 1))
                .Valued(D(2025, 7, 1), 1_000_000_000).FirstAuction(D(2025, 9, 15), 1_000_000_000).Failed(D(2025, 9, 15))
                .Reduced(D(2025, 10, 10), 900_000_000).Sold(D(2025, 11, 20), 950_000_000, D(2025, 12, 15))
                .Disposed(AssetOutcome.SoldAndPaid, D(2026, 1, 10), paidOutOn: D(2026, 1, 20)),
            AssetFact.Of("A2", Hanoi1, "C2", D(2025, 9, 1), D(2025, 10, 5)).Valued(D(2025, 10, 20), 500_000_000),
            AssetFact.Of("A3", Hanoi1, "C2", D(2025, 9, 1), D(2025, 10, 5)).Disposed(AssetOutcome.Released, D(2026, 3, 5)),
            AssetFact.Of("A5", Hanoi1, "C4", D(2021, 5, 1), D(2025, 8, 1)).Valued(D(2025, 8, 20), 25_000_000_000),
            AssetFact.Of("B1", Hanoi2, "C1", D(2025, 10, 1), D(2025, 10, 3))
                .Valued(D(2025, 10, 30), 400_000_000).FirstAuction(D(2025, 12, 1), 400_000_000)
                .Sold(D(2025, 12, 1), 420_000_000, D(2025, 12, 20)).Disposed(AssetOutcome.SoldAndPaid, D(2026, 1, 5), paidOutOn: D(2026, 1, 8)),
            AssetFact.Of("B2", Hanoi2, "C2", D(2024, 2, 1), D(2024, 3, 1)).Valued(D(2024, 3, 11), 50_000_000),
            AssetFact.Of("B3", Hanoi2, "C9", D(2025, 12, 1), D(2026, 1, 2)).Valued(D(2026, 1, 9), 21_000_000_000).Disposed(AssetOutcome.TakenByCreditor, D(2026, 3, 1), realised: 21_000_000_000),
        ],
        [
            new DeadlineFact(Hanoi1, D(2025, 11, 1), D(2025, 10, 30), false, "legacy"),
            new DeadlineFact(Hanoi1, D(2026, 2, 1), null, false, "legacy"),
            new DeadlineFact(Hanoi2, D(2025, 12, 1), D(2025, 12, 5), false, "legacy"),
            new DeadlineFact(Hanoi2, D(2026, 3, 15), D(2026, 3, 1), true, "legacy"),
            new DeadlineFact(Hanoi2, D(2026, 7, 10), D(2026, 7, 9), false, "2026"),
        ],
        [new CaseDebt(Hanoi1, "C1", 1_000_000_000), new CaseDebt(Hanoi1, "C4", 30_000_000_000), new CaseDebt(Hanoi2, "C1", 400_000_000), new CaseDebt(Hanoi2, "C2", 70_000_000)],
        [
            new PayoutFact(Hanoi1, "C1", D(2026, 1, 20), PayoutKind.Creditor, 900_000_000),
            new PayoutFact(Hanoi1, "C1", D(2026, 1, 20), PayoutKind.Fee, 27_000_000),
            new PayoutFact(Hanoi2, "C1", D(2026, 1, 8), PayoutKind.Creditor, 400_000_000),
            new PayoutFact(Hanoi2, "C1", D(2026, 1, 8), PayoutKind.Surplus, 20_000_000),
            new PayoutFact(Hanoi2, "C1", D(2026, 2, 10), PayoutKind.Creditor, -400_000_000),
        ],
        new ProblemThresholds());

    private static WorkingYearPartial OfficeAlone(WorkingYear period, ReportInputs all, string office)
    {
        var tally = new WorkingYearTally(period, all.Thresholds);
        foreach (var fact in all.Assets.Where(a => a.Office == office))
        {
            tally.Add(fact);
        }

        return tally.FinishPartial(
            [.. all.Deadlines.Where(d => d.Office == office)],
            [.. all.Debts.Where(d => d.Office == office)],
            [.. all.Payouts.Where(p => p.Office == office)]);
    }

    private static string Csv(WorkingYearFigures figures) => ReportLines.Csv(ReportLines.Of(figures));

    [Theory]
    [InlineData(2026, 3)]
    [InlineData(2026, 6)]
    [InlineData(2026, 12)]
    [InlineData(2027, 12)]
    public void The_sum_of_each_office_s_partial_is_the_report_of_both_offices(int year, int months)
    {
        var period = new WorkingYear(year, months);
        var inputs = Inputs();
        var both = WorkingYearCalculator.Compute(period, inputs);

        var first = OfficeAlone(period, inputs, Hanoi1);
        var second = OfficeAlone(period, inputs, Hanoi2);
        var summed = WorkingYearPartial.Sum([first, second]).ToFigures();

        Assert.Equal(Csv(both), Csv(summed));

        // Not trivially so: each office alone differs from the two together.
        Assert.NotEqual(Csv(both), Csv(first.ToFigures()));
        Assert.NotEqual(Csv(both), Csv(second.ToFigures()));

        // Summing leaves the parts as they were (a cached partial is summed into many reports).
        Assert.Equal(Csv(OfficeAlone(period, inputs, Hanoi1).ToFigures()), Csv(first.ToFigures()));
    }

    [Fact]
    public void Six_months_of_both_offices_by_hand()
    {
        var figures = WorkingYearPartial.Sum([OfficeAlone(new WorkingYear(2026, 6), Inputs(), Hanoi1), OfficeAlone(new WorkingYear(2026, 6), Inputs(), Hanoi2)]).ToFigures();

        // Cases: HN-KV1 C1 and C4 carried over, C2 new; HN-KV2 C2 carried over, C1 and C9 new. Completed: HN-KV1 C1 (paid
        // out 2026-01-20), HN-KV2 C9 (taken over 2026-03-01); HN-KV2 C1's payout came back on 2026-02-10, so open.
        Assert.Equal((3L, 3L, 2L), (figures.Cases.CarriedOver, figures.Cases.New, figures.Cases.Completed));
        Assert.Equal(3333, figures.Cases.RateBasisPoints);

        // Paid to creditors: 900,000,000 + 400,000,000 − 400,000,000; owed by the cases to handle: all four debts.
        Assert.Equal(900_000_000, figures.Money.PaidToCreditors);
        Assert.Equal(31_470_000_000, figures.Money.OwedToCreditors);
        Assert.Equal((27_000_000L, 20_000_000L), (figures.Money.Fees, figures.Money.SurplusReturned));

        // Seizure to valuation in the period: A2 15 days, B1 27 days, B3 7 days -> median 15, p90 27.
        var valuation = figures.Timeliness.Durations.Single(d => d.Key == DurationKeys.SeizureToValuation);
        Assert.Equal((3L, 15L, 27L), (valuation.Count, valuation.MedianDays, valuation.P90Days));

        // Time limits due by 31 March: HN-KV1 met, missed; HN-KV2 met late; the cancelled one is dropped.
        Assert.Equal((3L, 1L, 1L, 1L), (figures.Timeliness.Due, figures.Timeliness.Met, figures.Timeliness.MetLate, figures.Timeliness.Missed));
    }
}
