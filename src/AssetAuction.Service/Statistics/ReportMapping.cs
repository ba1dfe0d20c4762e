using System.Globalization;
using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Grpc;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Statistics;

internal static class ReportMapping
{
    public static WorkingYear ToWorkingYear(this V1.ReportPeriod period) => new(period.WorkingYear, period.Months);

    public static V1.WorkingYearReport ToProto(this BuiltReport report)
    {
        var f = report.Figures;
        var proto = new V1.WorkingYearReport
        {
            Scope = report.Scope.Name,
            Period = new V1.ReportPeriod { WorkingYear = report.Period.Year, Months = report.Period.Months },
            PeriodStart = Iso(report.Period.Start),
            PeriodEnd = Iso(report.Period.End),
            Digest = report.Digest,
            Assets = new V1.AssetFigures
            {
                CarriedOver = f.Assets.CarriedOver,
                NewlySeized = f.Assets.NewlySeized,
                DisposedSoldAndPaid = f.Assets.DisposedSoldAndPaid,
                DisposedTakenByCreditor = f.Assets.DisposedTakenByCreditor,
                DisposedRedeemed = f.Assets.DisposedRedeemed,
                DisposedReturnedToDebtor = f.Assets.DisposedReturnedToDebtor,
                DisposedReleased = f.Assets.DisposedReleased,
                DisposedTotal = f.Assets.Disposed,
                RemainingAwaitingValuation = f.Assets.RemainingAwaitingValuation,
                RemainingAwaitingSale = f.Assets.RemainingAwaitingSale,
                RemainingAwaitingPayment = f.Assets.RemainingAwaitingPayment,
                RemainingAwaitingHandover = f.Assets.RemainingAwaitingHandover,
                RemainingTotal = f.Assets.Remaining,
            },
            Cases = new V1.CaseFigures
            {
                CarriedOver = f.Cases.CarriedOver,
                New = f.Cases.New,
                ToHandle = f.Cases.ToHandle,
                Completed = f.Cases.Completed,
                Remaining = f.Cases.Remaining,
                RateBasisPoints = f.Cases.RateBasisPoints,
            },
            Money = new V1.MoneyFigures
            {
                ValueUnderSeizure = f.Money.ValueUnderSeizure,
                RealisedSales = f.Money.RealisedSales,
                RealisedRedemptions = f.Money.RealisedRedemptions,
                RealisedTakeovers = f.Money.RealisedTakeovers,
                RealisedTotal = f.Money.Realised,
                PaidToCreditors = f.Money.PaidToCreditors,
                Fees = f.Money.Fees,
                SurplusReturned = f.Money.SurplusReturned,
                OwedToCreditors = f.Money.OwedToCreditors,
                RateBasisPoints = f.Money.RateBasisPoints,
            },
            Timeliness = new V1.TimelinessFigures { Due = f.Timeliness.Due, Met = f.Timeliness.Met, MetLate = f.Timeliness.MetLate, Missed = f.Timeliness.Missed },
            Problems = new V1.ProblemFigures
            {
                LargeCases = Group(f.Problems.LargeCases),
                OldCases = Group(f.Problems.OldCases),
                StuckAssets = Group(f.Problems.StuckAssets),
            },
            Auctions = new V1.AuctionFigures
            {
                FailedRounds = f.Auctions.FailedRounds,
                PriceReductions = f.Auctions.PriceReductions,
                SalesWithFirstPrice = f.Auctions.SalesWithFirstPrice,
                AverageDiscountBasisPoints = f.Auctions.AverageDiscountBasisPoints,
            },
        };
        proto.Offices.Add(report.Offices);
        proto.Timeliness.ByRuleSet.Add(f.Timeliness.ByRuleSet.Select(r => new V1.RuleSetTimeliness { RuleSet = r.RuleSet, Due = r.Due, Met = r.Met, MetLate = r.MetLate, Missed = r.Missed }));
        proto.Timeliness.Durations.Add(f.Timeliness.Durations.Select(d => new V1.DurationFigures { Key = d.Key, Count = d.Count, MedianDays = d.MedianDays, P90Days = d.P90Days }));
        proto.Lines.Add(report.Lines.Select(l => new V1.ReportLine { Group = l.Group, Key = l.Key, Label = l.Label, Value = l.Value }));
        return proto;
    }

    public static V1.FrozenReportInfo ToProto(this FrozenReport frozen) => new()
    {
        Name = frozen.Name,
        Digest = frozen.Digest,
        FrozenBy = frozen.FrozenBy,
        FreezeTime = frozen.FrozenTime.ToProto(),
    };

    private static V1.ProblemGroup Group(ProblemGroup group) => new() { Count = group.Count, Owed = group.Owed, Value = group.Value };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The shape of a report's period.</summary>
internal sealed class ReportPeriodValidator : AbstractValidator<V1.ReportPeriod>
{
    public ReportPeriodValidator()
    {
        RuleFor(p => p.WorkingYear).InclusiveBetween(WorkingYear.FirstYear, WorkingYear.LastYear)
            .WithMessage("A working year is named after the year it ends in (2026 is 2025-10-01 to 2026-09-30).");
        RuleFor(p => p.Months).InclusiveBetween(1, 12).WithMessage("Cumulative months from 1 October: 1 to 12.");
    }
}

/// <summary>The shape of a report's scope (an empty scope is the caller's own office).</summary>
internal sealed class ReportScopeValidator : AbstractValidator<V1.ReportScope>
{
    public ReportScopeValidator()
    {
        RuleFor(s => s.Office).Must(o => o.Trim().Length is > 0 and <= 64).When(s => s.ScopeCase == V1.ReportScope.ScopeOneofCase.Office)
            .WithMessage("An office code of 1 to 64 characters.");
        RuleFor(s => s.Province).Must(p => p.Trim().Length is > 0 and <= 128).When(s => s.ScopeCase == V1.ReportScope.ScopeOneofCase.Province)
            .WithMessage("A province name of 1 to 128 characters.");
        RuleFor(s => s.Country).Equal(true).When(s => s.ScopeCase == V1.ReportScope.ScopeOneofCase.Country)
            .WithMessage("Set country to true, or choose an office or a province.");
    }
}
