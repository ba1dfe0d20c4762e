using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests.Proceeds;

/// <summary>A plan distributes exactly the money held for its asset; receipts a pipeline step wrote are not reversed behind the asset's back.</summary>
public sealed class PlanBoundToMoneyTests : IDisposable
{
    // A host per test: each scenario walks the fake clock forward from 23 November 2026.
    private readonly ServiceFactory service = new();

    public void Dispose() => service.Dispose();

    [Fact]
    public async Task A_plan_prepared_before_the_result_was_cancelled_cannot_be_approved_after_the_asset_is_sold_again()
    {
        var s = await ProceedsScenario.SoldAndPaidAsync(service, 900_000_000, ("A", 600_000_000), ("B", 400_000_000));
        var stale = await s.PrepareAsync(costs: 10_000_000);
        Assert.Equal(900_000_000, stale.Collected);
        Assert.Equal("sale 1 (auction round 1)", stale.CollectedSource);

        // The result is cancelled (a court), the buyer's money is owed back, and the asset is sold again at the same price.
        var p = s.Pipeline;
        await p.Step(new CancelAuctionResultRequest { Grounds = "Court judgment 12/2026", CancellationDate = D(ProceedsScenario.PaidDay) }, async r => (await p.Client.CancelAuctionResultAsync(r)).Asset);
        var posting = ProceedsScenario.PaidDay;
        await p.ScheduleAsync(posting, posting.AddDays(16));
        p.Today(posting.AddDays(16));
        await p.SellAsync(900_000_000, 90_000_000);
        await p.PayAsync(810_000_000, posting.AddDays(16));
        var books = await s.BalancesAsync();

        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PLAN_NOT_ON_MONEY_HELD", () => s.Checker.ApproveDistributionPlanAsync(
            new ApproveDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = stale.Name, Etag = stale.Etag }).ResponseAsync);
        var info = refused.GetDetail<ErrorInfo>()!;
        Assert.Equal(("sale 1 (auction round 1)", "sale 2 (auction round 2)"), (info.Metadata["plan_source"], info.Metadata["held_source"]));
        Assert.Equal(books, await s.BalancesAsync()); // nothing was allocated

        // A plan computed on the money held now is approved, and allocates exactly that.
        var current = await s.ApproveAsync(await s.PrepareAsync(costs: 10_000_000));
        Assert.Equal(StoredDistributionPlan.Types.State.Approved, current.State);
        Assert.Equal("sale 2 (auction round 2)", current.CollectedSource);
        var allocated = await s.BalancesAsync();
        Assert.False(allocated.ContainsKey((LedgerAccount.SaleProceeds, "")));
        Assert.Equal(-900_000_000, allocated[(LedgerAccount.BuyerRefunds, "")]); // the first buyer is still owed the money back
    }

    [Fact]
    public async Task Receipts_recorded_by_pipeline_steps_cannot_be_reversed_alone()
    {
        var s = await ProceedsScenario.SoldAndPaidAsync(service, 500_000_000, ("A", 600_000_000));
        var entries = (await s.Maker.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { Asset = s.Asset, PageSize = 500 })).Entries;
        foreach (var kind in new[] { "deposit_counted", "buyer_payment" })
        {
            var transaction = entries.First(e => e.Kind == kind).TransactionId;
            var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "TRANSACTION_NOT_REVERSIBLE", () => s.Maker.ReverseLedgerTransactionAsync(
                new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = transaction, Reason = "typo" }).ResponseAsync);
            Assert.Equal(kind, refused.GetDetail<ErrorInfo>()!.Metadata["kind"]);
            Assert.Contains("pipeline", refused.Message, StringComparison.Ordinal);
        }

        // The asset's record of the money and the books still agree.
        var asset = await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = s.Asset });
        Assert.Equal(asset.Asset.Sale.Paid, -(await s.BalancesAsync())[(LedgerAccount.SaleProceeds, "")]);
    }
}
