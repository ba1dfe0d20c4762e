using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Xunit;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// A recomputed past month sees the asset as it was then: a sale cancelled later is still the sale in force on
/// the days before its cancellation. One parcel of HN-KV1, seized 2026-11-20 (working year 2027), valued at
/// 1 billion on 2026-11-23, sold at the first auction on 2026-12-09 for 1.2 billion, paid in full on 2026-12-21,
/// and the result cancelled on 2027-01-15.
/// </summary>
public sealed class WorkingYearPastSalesTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private static readonly ReportPeriod ToDecember = new() { WorkingYear = 2027, Months = 3 };
    private static readonly ReportPeriod ToJanuary = new() { WorkingYear = 2027, Months = 4 };
    private static readonly ReportScope Office = new() { Office = TestData.Office };

    private StatisticsService.StatisticsServiceClient Supervisor => new(service.Channel(service.Token(Roles.Supervisor, "")));

    [Fact]
    public async Task A_sale_cancelled_later_still_counts_in_the_months_before_its_cancellation()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9));
        p.Today(new DateOnly(2026, 12, 9));
        await p.SellAsync(1_200_000_000, 100_000_000);
        p.Today(new DateOnly(2026, 12, 21));
        await p.PayAsync(1_100_000_000, new DateOnly(2026, 12, 21));

        // December is over: the supervisor freezes the report to the end of December.
        p.Today(new DateOnly(2027, 1, 10));
        var frozen = await Supervisor.FreezeWorkingYearReportAsync(new FreezeWorkingYearReportRequest { RequestId = Guid.NewGuid().ToString(), Scope = Office, Period = ToDecember });
        AssertSoldAndPaidAtTheEndOfDecember(frozen.Report);

        p.Today(new DateOnly(2027, 1, 15));
        await p.Step(new CancelAuctionResultRequest { Grounds = "Bản án 12/2027/DS-PT hủy kết quả đấu giá", CancellationDate = D(2027, 1, 15) }, async r => (await p.Client.CancelAuctionResultAsync(r)).Asset);

        // Recomputed after the cancellation, December is what it was: same figures, same digest, no difference.
        var december = await Supervisor.GetWorkingYearReportAsync(new GetWorkingYearReportRequest { Scope = Office, Period = ToDecember });
        AssertSoldAndPaidAtTheEndOfDecember(december.Report);
        Assert.Equal(frozen.Frozen.Digest, december.Report.Digest);
        Assert.Empty(december.DifferencesFromFrozen);

        // To the end of January the sale no longer stands: the parcel awaits a new auction, nothing is realised.
        var january = (await Supervisor.GetWorkingYearReportAsync(new GetWorkingYearReportRequest { Scope = Office, Period = ToJanuary })).Report;
        Assert.Equal((1L, 0L, 0L), (january.Assets.RemainingAwaitingSale, january.Assets.RemainingAwaitingPayment, january.Assets.RemainingAwaitingHandover));
        Assert.Equal(0, january.Money.RealisedSales);
        Assert.Equal(0, january.Auctions.SalesWithFirstPrice);
        Assert.Equal(0, january.Timeliness.Durations.Single(d => d.Key == "first_auction_to_sale").Count);
    }

    private static void AssertSoldAndPaidAtTheEndOfDecember(WorkingYearReport report)
    {
        Assert.Equal(1, report.Assets.NewlySeized);
        Assert.Equal((0L, 0L, 1L), (report.Assets.RemainingAwaitingSale, report.Assets.RemainingAwaitingPayment, report.Assets.RemainingAwaitingHandover));
        Assert.Equal(1_200_000_000, report.Money.RealisedSales);
        Assert.Equal(1_000_000_000, report.Money.ValueUnderSeizure);

        // One sale at the first auction: (1,000,000,000 − 1,200,000,000) × 10,000 / 1,000,000,000 = −2,000 basis points.
        Assert.Equal((1L, -2000L), (report.Auctions.SalesWithFirstPrice, report.Auctions.AverageDiscountBasisPoints));
        var toSale = report.Timeliness.Durations.Single(d => d.Key == "first_auction_to_sale");
        Assert.Equal((1L, 0L), (toSale.Count, toSale.MedianDays));
        var toPayment = report.Timeliness.Durations.Single(d => d.Key == "sale_to_full_payment");
        Assert.Equal((1L, 12L), (toPayment.Count, toPayment.MedianDays)); // 9 to 21 December
    }
}
