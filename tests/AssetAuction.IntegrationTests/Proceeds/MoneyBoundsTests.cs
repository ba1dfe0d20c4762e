using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests.Proceeds;

/// <summary>Every amount is bounded (10^15 dong); balances and reports are always computable; a reversal always works.</summary>
public sealed class MoneyBoundsTests : IDisposable
{
    // A host per test: each scenario walks the fake clock forward from 23 November 2026.
    private readonly ServiceFactory service = new();

    public void Dispose() => service.Dispose();

    private const long Max = 1_000_000_000_000_000;

    [Fact]
    public async Task Amounts_beyond_the_bound_are_invalid_at_the_edge()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        var books = ProceedsScenario.Finance(service, "finance-bounds");
        var tooLarge = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => books.RecordLedgerCorrectionAsync(Correction(p.Asset.Name, (LedgerAccount.Custody, Max + 1), (LedgerAccount.EnforcementCosts, -(Max + 1)))).ResponseAsync);
        Assert.Contains("postings[0].amount", RpcAssert.Fields(tooLarge));
        Assert.Contains("postings[1].amount", RpcAssert.Fields(tooLarge));

        var valuation = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => p.ValueAsync(Max + 1, new DateOnly(2026, 11, 23)));
        Assert.Contains("appraisal.price", RpcAssert.Fields(valuation));

        var registrar = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        var owed = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => registrar.RegisterObligationAsync(new RegisterObligationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Obligation = new Obligation
            {
                Office = TestData.Office, CaseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber, CreditorId = "BIG", Creditor = TestData.Person("Big"), Owed = long.MaxValue,
                Category = Obligation.Types.Category.Other, RequestedOn = D(2026, 9, 1), HolderIsJudgmentCreditor = true,
            },
        }).ResponseAsync);
        Assert.Contains("obligation.owed", RpcAssert.Fields(owed));
    }

    [Fact]
    public async Task Large_corrections_cannot_push_a_balance_out_of_range_and_every_accepted_one_can_be_reversed()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        var books = ProceedsScenario.Finance(service, "finance-bounds");
        async Task<string> CorrectAsync(long custody, LedgerAccount other) =>
            (await books.RecordLedgerCorrectionAsync(Correction(p.Asset.Name, (LedgerAccount.Custody, custody), (other, -custody)))).Entries[0].TransactionId;

        var first = await CorrectAsync(-Max, LedgerAccount.EnforcementCosts);
        await CorrectAsync(Max, LedgerAccount.HousingKept);
        await CorrectAsync(Max, LedgerAccount.DebtorSurplus);
        var beyond = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "BALANCE_OUT_OF_RANGE", () => CorrectAsync(1, LedgerAccount.EnforcementFees));
        Assert.Equal("Custody", beyond.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["account"]);

        // Undoing the first correction takes custody to twice the bound: a reversal only undoes, so it always works.
        await books.ReverseLedgerTransactionAsync(new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = first, Reason = "entered with the wrong sign" });
        var balances = await books.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = p.Asset.Name });
        Assert.True(balances.Balanced);
        Assert.Equal(2 * Max, balances.Balances.Single(b => b.Account == LedgerAccount.Custody).Amount);
        Assert.True((await books.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Office = TestData.Office })).Balanced);
        var report = await books.GetReconciliationReportAsync(new GetReconciliationReportRequest { Office = TestData.Office, FromDate = D(2026, 11, 1), ToDate = D(2026, 11, 30) });
        Assert.Equal(report.Receipts - report.Payouts, report.HeldBalance);
    }

    private static RecordLedgerCorrectionRequest Correction(string asset, params (LedgerAccount Account, long Amount)[] postings)
    {
        var request = new RecordLedgerCorrectionRequest { RequestId = Guid.NewGuid().ToString(), Asset = asset, Reason = "Correction", ValueDate = D(2026, 11, 23) };
        request.Postings.Add(postings.Select(x => new LedgerEntry { Account = x.Account, Amount = x.Amount }));
        return request;
    }
}
