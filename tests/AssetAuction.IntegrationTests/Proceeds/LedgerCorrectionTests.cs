using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests.Proceeds;

/// <summary>Corrections of a settled asset's books, and their reversal: nothing in the ledger is ever edited.</summary>
public sealed class LedgerCorrectionTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_correction_that_does_not_balance_is_refused_saying_by_how_much()
    {
        var arranged = await DistributionCase.SettledAsync(service);

        var unbalanced = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "UNBALANCED_CORRECTION", () => arranged.Finance.RecordLedgerCorrectionAsync(Correction(arranged, 999_999)).ResponseAsync);

        Assert.Contains("1 dong", RpcAssert.Fields(unbalanced).Count == 1 ? unbalanced.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Description : "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_balanced_correction_is_recorded_as_its_own_transaction()
    {
        var arranged = await DistributionCase.SettledAsync(service);

        var correction = await arranged.Finance.RecordLedgerCorrectionAsync(Correction(arranged, 1_000_000));

        Assert.Equal(2, correction.Entries.Count);
        Assert.True((await arranged.Finance.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Office = TestData.Office })).Balanced);
    }

    [Fact]
    public async Task A_mistaken_correction_is_undone_by_a_reversal_once()
    {
        var arranged = await DistributionCase.SettledAsync(service);
        var correction = await arranged.Finance.RecordLedgerCorrectionAsync(Correction(arranged, 1_000_000));
        var correctionId = correction.Entries[0].TransactionId;

        var reversal = await arranged.Finance.ReverseLedgerTransactionAsync(new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = correctionId, Reason = "Invoice was for another asset" });

        Assert.All(reversal.Entries, e => Assert.Equal(correctionId, e.ReversalOf));
        Assert.Empty(await arranged.BalancesAsync());
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "TRANSACTION_ALREADY_REVERSED",
            () => arranged.Finance.ReverseLedgerTransactionAsync(new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = correctionId, Reason = "again" }).ResponseAsync);
        Assert.All((await arranged.EntriesAsync()).GroupBy(e => e.TransactionId), t => Assert.Equal(0, t.Sum(e => e.Amount)));
    }

    /// <summary>Storage costs invoiced late: 1,000,000 to enforcement costs, <paramref name="credit"/> from the housing kept.</summary>
    private static RecordLedgerCorrectionRequest Correction(DistributionCase arranged, long credit) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Asset = arranged.Asset, Reason = "Storage costs invoiced late", ValueDate = D(2026, 12, 21),
        Postings = { new LedgerEntry { Account = LedgerAccount.EnforcementCosts, Amount = 1_000_000 }, new LedgerEntry { Account = LedgerAccount.HousingKept, Amount = -credit } },
    };
}
