using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Rules;
using AssetAuction.Service.Rules;
using Microsoft.Extensions.Configuration;

namespace AssetAuction.UnitTests.Domain;

/// <summary>The shipped rule sets, the default calendar, and steps at a given instant.</summary>
internal static class DomainFixtures
{
    public static readonly RuleBook Rules = RulesSetup.LoadRuleBook(
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, RulesSetup.FileName)).Build());

    /// <summary>A step at <paramref name="day"/> 10:00 in Vietnam.</summary>
    public static StepContext On(DateOnly day) =>
        new(Rules, new WorkingDayCalendar(CalendarOverrides.None), new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero), "tester", () => Guid.NewGuid().ToString("N"));

    public static Asset Land(DateOnly seized, bool coOwned = false, bool stateBudgetDebt = false)
    {
        var act = new SeizureAct("s" + Guid.NewGuid().ToString("N")[..8], new EnforcementCase { Office = "HN", CaseNumber = "C1", Officer = "officer-1", StateBudgetDebt = stateBudgetDebt }, [new Party { FullName = "Debtor" }], seized, "BB-1", On(seized).Now);
        Owner[] owners = coOwned
            ? [new Owner { Party = new Party { FullName = "Debtor" }, JudgmentDebtor = true, ShareNumerator = 1, ShareDenominator = 2 }, new Owner { Party = new Party { FullName = "Spouse" }, ShareNumerator = 1, ShareDenominator = 2 }]
            : [new Owner { Party = new Party { FullName = "Debtor" }, JudgmentDebtor = true, ShareNumerator = 1, ShareDenominator = 1 }];
        return Asset.Seize("a" + Guid.NewGuid().ToString("N")[..8], act, "land", new AssetDetails(AssetKind.LandUseRight, Land: new LandUseRight { Province = "HN", Commune = "X", MapSheetNumber = "1", ParcelNumber = Guid.NewGuid().ToString("N") }), owners, [], On(seized));
    }

    public static Valuation Appraised(long price, DateOnly on) =>
        new() { Method = ValuationMethod.Appraisal, Price = price, OrganizationName = "Valuer", ContractNumber = "V-1", ContractDate = on.AddDays(-3), DocumentNumber = "CT-1", ResultDate = on, NotifiedDate = on };

    public static AuctionRoundPlan Plan(DateOnly posting, DateOnly auction, long deposit) =>
        new(new DateTimeOffset(auction.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero), auction, "Hall", false, posting, posting, auction.AddDays(-2), deposit, 1_000_000, AuctionMethod.Oral);
}
