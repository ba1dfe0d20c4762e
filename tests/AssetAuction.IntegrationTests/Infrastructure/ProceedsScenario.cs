using AssetAuction.Contracts.V1;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;
using Category = AssetAuction.Contracts.V1.Obligation.Types.Category;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>
/// A parcel with registered creditors, sold at auction on 9 December 2026 and paid in full on 21 December,
/// with the finance clients a distribution needs: a maker and a checker of the asset's office.
/// </summary>
public sealed class ProceedsScenario
{
    public static readonly DateOnly AuctionDay = new(2026, 12, 9);
    public static readonly DateOnly PaidDay = new(2026, 12, 21);

    private ProceedsScenario(ServiceFactory service, PipelineDriver pipeline)
    {
        Service = service;
        Pipeline = pipeline;
        Maker = Finance(service, "finance-maker");
        Checker = Finance(service, "finance-checker");
    }

    public ServiceFactory Service { get; }

    public PipelineDriver Pipeline { get; }

    public ProceedsService.ProceedsServiceClient Maker { get; }

    public ProceedsService.ProceedsServiceClient Checker { get; }

    public string Asset => Pipeline.Asset.Name;

    public static ProceedsService.ProceedsServiceClient Finance(ServiceFactory service, string subject, string office = TestData.Office) =>
        new(service.Channel(service.Token("finance", office, subject: subject)));

    /// <summary>Seizes a parcel, registers <paramref name="creditors"/> (id, owed) on its case, sells it for <paramref name="price"/> and has the buyer pay in full.</summary>
    public static Task<ProceedsScenario> SoldAndPaidAsync(ServiceFactory service, long price, params (string Id, long Owed)[] creditors) =>
        SoldAndPaidAsync(service, TestData.Land(), price, creditors);

    /// <summary>As above, for the asset <paramref name="what"/>.</summary>
    public static async Task<ProceedsScenario> SoldAndPaidAsync(ServiceFactory service, NewAsset what, long price, params (string Id, long Owed)[] creditors)
    {
        var p = await PipelineDriver.SeizeAsync(service, what);
        var registrar = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        foreach (var (id, owed) in creditors)
        {
            await registrar.RegisterObligationAsync(new RegisterObligationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Obligation = new Obligation
                {
                    Office = TestData.Office, CaseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber, CreditorId = id, Creditor = TestData.Person("Creditor " + id), Owed = owed,
                    Category = Category.Other, RequestedOn = D(2026, 9, 1), EnforcementDecision = "123/QĐ-CCTHADS", Judgment = "BA-01", HolderIsJudgmentCreditor = true,
                },
            });
        }

        await SellAndCollectAsync(p, price);
        return new ProceedsScenario(service, p);
    }

    /// <summary>Values the seized asset at <paramref name="price"/>, auctions it on <see cref="AuctionDay"/> for that price and has the buyer pay the rest after the 10% deposit on <see cref="PaidDay"/>.</summary>
    public static async Task SellAndCollectAsync(PipelineDriver p, long price)
    {
        ArgumentNullException.ThrowIfNull(p);
        await p.ValueAsync(price, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), AuctionDay);
        p.Today(PaidDay);
        await p.SellAsync(price, price / 10);
        await p.PayAsync(price - (price / 10), PaidDay);
    }

    public ComputeDistributionRequest Computation(long costs = 0, long housing = 0) =>
        new() { Asset = Asset, EnforcementCosts = costs, HousingAmount = housing, Decision = "45/QĐ-CC", DecisionDate = D(PaidDay), PaymentDate = D(PaidDay) };

    public async Task<StoredDistributionPlan> PrepareAsync(long costs = 0) =>
        (await Maker.PrepareDistributionPlanAsync(new PrepareDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Computation = Computation(costs) })).Plan;

    public async Task<StoredDistributionPlan> ApproveAsync(StoredDistributionPlan prepared) =>
        (await Checker.ApproveDistributionPlanAsync(new ApproveDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = prepared.Name, Etag = prepared.Etag })).Plan;

    public static RecordPayoutRequest Payout(StoredDistributionPlan plan, PayeeKind kind, string creditorId, long amount) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Name = plan.Name, Etag = plan.Etag,
        Payout = new Contracts.V1.Payout { PayeeKind = kind, CreditorId = creditorId, Amount = amount, PaidOn = D(PaidDay), Method = Contracts.V1.Payout.Types.Method.BankTransfer, Reference = $"UNC-{kind}-{creditorId}-{TestData.Unique()}" },
    };

    public async Task<StoredDistributionPlan> PayAsync(StoredDistributionPlan plan, PayeeKind kind, string creditorId, long amount) =>
        (await Maker.RecordPayoutAsync(Payout(plan, kind, creditorId, amount))).Plan;

    /// <summary>The asset's balances per (account, creditor); the books must balance.</summary>
    public async Task<Dictionary<(LedgerAccount Account, string CreditorId), long>> BalancesAsync()
    {
        var balances = await Maker.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = Asset });
        Assert.True(balances.Balanced);
        return balances.Balances.ToDictionary(b => (b.Account, b.CreditorId), b => b.Amount);
    }
}
