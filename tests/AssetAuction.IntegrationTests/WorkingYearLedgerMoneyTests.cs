using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Xunit;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// The money figures of the working-year report count what stands on the ledger by value date: a payout later
/// brought back into custody by a balanced correction no longer counts from the correction's value date on.
/// One parcel of HN-KV1 (seized 2026-11-20, working year 2027), sold for 1 billion and paid on 2026-12-21;
/// creditor A is owed 5 billion.
/// </summary>
public sealed class WorkingYearLedgerMoneyTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private static readonly ReportPeriod ToDecember = new() { WorkingYear = 2027, Months = 3 };
    private static readonly ReportPeriod ToJanuary = new() { WorkingYear = 2027, Months = 4 };

    private async Task<WorkingYearReport> ReportAsync(ReportPeriod period) =>
        (await new StatisticsService.StatisticsServiceClient(service.Channel(service.Token(Roles.Supervisor, "")))
            .GetWorkingYearReportAsync(new GetWorkingYearReportRequest { Scope = new ReportScope { Office = TestData.Office }, Period = period })).Report;

    private static RecordLedgerCorrectionRequest MoneyBack(ProceedsScenario s, LedgerAccount payee, string creditorId, long amount, DateOnly on) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Asset = s.Asset, Reason = "Ngân hàng hoàn trả lệnh chi", ValueDate = D(on),
        Postings = { new LedgerEntry { Account = LedgerAccount.Custody, Amount = amount }, new LedgerEntry { Account = payee, CreditorId = creditorId, Amount = -amount } },
    };

    [Fact]
    public async Task Money_brought_back_into_custody_is_no_longer_counted_as_paid_from_its_value_date()
    {
        var s = await ProceedsScenario.SoldAndPaidAsync(service, 1_000_000_000, ("A", 5_000_000_000));
        var plan = await s.ApproveAsync(await s.PrepareAsync());
        var feeLine = plan.Payees.Single(p => p.Kind == PayeeKind.EnforcementFee).Amount;
        Assert.True(feeLine > 0);

        // 21 December: 300 million paid to A and the whole fee line paid; the bank returns 100 million of A's
        // transfer and the fee transfer the same day (two balanced corrections back into custody).
        plan = await s.PayAsync(plan, PayeeKind.Creditor, "A", 300_000_000);
        await s.PayAsync(plan, PayeeKind.EnforcementFee, "", feeLine);
        await s.Maker.RecordLedgerCorrectionAsync(MoneyBack(s, LedgerAccount.CreditorsPayable, "A", 100_000_000, ProceedsScenario.PaidDay));
        await s.Maker.RecordLedgerCorrectionAsync(MoneyBack(s, LedgerAccount.EnforcementFees, "", feeLine, ProceedsScenario.PaidDay));

        var december = await ReportAsync(ToDecember);
        Assert.Equal(200_000_000, december.Money.PaidToCreditors);
        Assert.Equal(0, december.Money.Fees);
        Assert.Equal(0, december.Money.SurplusReturned);
        Assert.Equal(5_000_000_000, december.Money.OwedToCreditors);
        Assert.Equal(400, december.Money.RateBasisPoints); // 200 million / 5 billion = 4.00%

        // 10 January 2027: another 50 million of A's comes back. December stays as it was (value dates); the
        // cumulative report to January counts 300 − 100 − 50 = 150 million.
        s.Pipeline.Today(new DateOnly(2027, 1, 10));
        await s.Maker.RecordLedgerCorrectionAsync(MoneyBack(s, LedgerAccount.CreditorsPayable, "A", 50_000_000, new DateOnly(2027, 1, 10)));
        Assert.Equal(200_000_000, (await ReportAsync(ToDecember)).Money.PaidToCreditors);
        var january = await ReportAsync(ToJanuary);
        Assert.Equal(150_000_000, january.Money.PaidToCreditors);
        Assert.Equal(300, january.Money.RateBasisPoints);
        Assert.Equal(0, january.Money.Fees);
    }
}
