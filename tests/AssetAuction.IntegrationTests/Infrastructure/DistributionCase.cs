using AssetAuction.Contracts.V1;
using Google.Protobuf.Collections;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;
using Category = AssetAuction.Contracts.V1.Obligation.Types.Category;
using CreditorPayout = AssetAuction.Contracts.V1.DistributionPlan.Types.CreditorPayout;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>
/// The case of the distribution tests, arranged up to the stage a test starts from: a parcel seized for a case with
/// five creditors (a bank secured by the parcel, a worker's wages, the court fee owed to the state budget, and two
/// ordinary creditors X and Y owed 7:5); then sold for 2,000,000,000 dong and paid in full; previewed with 50,000,000
/// of enforcement costs; prepared by one finance officer; approved by another; paid out to every creditor; and the
/// office's own lines (costs, fees) paid out too, which leaves nothing in custody.
/// </summary>
public sealed class DistributionCase
{
    public const long Price = 2_000_000_000;

    private DistributionCase(ServiceFactory service, PipelineDriver pipeline)
    {
        Pipeline = pipeline;
        Registrar = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        Finance = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office)));
        Maker = ProceedsScenario.Finance(service, "finance-maker");
        Checker = ProceedsScenario.Finance(service, "finance-checker");
    }

    public PipelineDriver Pipeline { get; }

    public string Asset => Pipeline.Asset.Name;

    public string CaseNumber => Pipeline.Asset.Seizure.EnforcementCase.CaseNumber;

    /// <summary>Case management: registers the case's obligations.</summary>
    public ProceedsService.ProceedsServiceClient Registrar { get; }

    /// <summary>A finance officer of the office who neither prepares nor approves: previews, reads the books, imports statements.</summary>
    public ProceedsService.ProceedsServiceClient Finance { get; }

    public ProceedsService.ProceedsServiceClient Maker { get; }

    public ProceedsService.ProceedsServiceClient Checker { get; }

    /// <summary>The previewed plan (from <see cref="SoldAndPaidAsync"/>'s later stages on).</summary>
    public DistributionPlan Plan { get; private set; } = new();

    public IReadOnlyDictionary<string, CreditorPayout> ById => Plan.Creditors.ToDictionary(c => c.CreditorId);

    public StoredDistributionPlan Prepared { get; private set; } = new();

    public StoredDistributionPlan Approved { get; private set; } = new();

    /// <summary>The stored plan as the last payout left it.</summary>
    public StoredDistributionPlan Current { get; private set; } = new();

    /// <summary>The parcel seized and the case's five obligations registered; nothing sold yet.</summary>
    public static async Task<DistributionCase> WithCreditorsAsync(ServiceFactory service)
    {
        var arranged = new DistributionCase(service, await PipelineDriver.SeizeAsync(service));
        await arranged.OweAsync("BANK", 800_000_000, Category.Other, securedByThisAsset: true);
        await arranged.OweAsync("WORKER", 100_000_000, Category.Wages);
        await arranged.OweAsync("COURT", 20_000_000, Category.CourtFee, stateBudget: true);
        await arranged.OweAsync("X", 700_000_000, Category.Other);
        await arranged.OweAsync("Y", 500_000_000, Category.Other);
        return arranged;
    }

    /// <summary>Sold for <see cref="Price"/> with a 10% deposit; the buyer paid the rest.</summary>
    public static async Task<DistributionCase> SoldAndPaidAsync(ServiceFactory service)
    {
        var arranged = await WithCreditorsAsync(service);
        await ProceedsScenario.SellAndCollectAsync(arranged.Pipeline, Price);
        return arranged;
    }

    /// <summary>Previewed, then prepared by the maker.</summary>
    public static async Task<DistributionCase> PreparedAsync(ServiceFactory service)
    {
        var arranged = await SoldAndPaidAsync(service);
        arranged.Plan = (await arranged.Finance.ComputeDistributionAsync(arranged.Preview())).Plan;
        arranged.Prepared = (await arranged.Maker.PrepareDistributionPlanAsync(new PrepareDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Computation = arranged.Preview() })).Plan;
        return arranged;
    }

    /// <summary>Approved by the checker.</summary>
    public static async Task<DistributionCase> ApprovedAsync(ServiceFactory service)
    {
        var arranged = await PreparedAsync(service);
        arranged.Approved = (await arranged.Checker.ApproveDistributionPlanAsync(Approval(arranged.Prepared))).Plan;
        arranged.Current = arranged.Approved;
        return arranged;
    }

    /// <summary>Every creditor paid their net payout.</summary>
    public static async Task<DistributionCase> CreditorsPaidAsync(ServiceFactory service)
    {
        var arranged = await ApprovedAsync(service);
        foreach (var creditor in arranged.Plan.Creditors)
        {
            await arranged.PayAsync(creditor.CreditorId, creditor.NetPayout);
        }

        return arranged;
    }

    /// <summary>The office's own lines paid out as well (enforcement costs, then the fees withheld): custody is empty.</summary>
    public static async Task<DistributionCase> SettledAsync(ServiceFactory service)
    {
        var arranged = await CreditorsPaidAsync(service);
        await arranged.PayAsync("costs", arranged.Plan.EnforcementCostsPaid);
        await arranged.PayAsync("fees", arranged.Plan.Creditors.Sum(c => c.FeeWithheld));
        return arranged;
    }

    public Task OweAsync(string id, long owed, Category category, bool securedByThisAsset = false, bool stateBudget = false) =>
        Registrar.RegisterObligationAsync(new RegisterObligationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Obligation = new Obligation
            {
                Office = TestData.Office, CaseNumber = CaseNumber, CreditorId = id, Creditor = TestData.Person("Creditor " + id), Owed = owed, Category = category,
                StateBudget = stateBudget, SecuredByAsset = securedByThisAsset ? Asset : "", CollateralRank = securedByThisAsset ? 1 : 0, HolderIsJudgmentCreditor = true,
                RequestedOn = D(2026, 9, 1), EnforcementDecision = "123/QĐ-CCTHADS", Judgment = "BA-01",
            },
        }).ResponseAsync;

    public ComputeDistributionRequest Preview() =>
        new() { Asset = Asset, EnforcementCosts = 50_000_000, Decision = "45/QĐ-CC", DecisionDate = D(2026, 10, 1), PaymentDate = D(2026, 12, 21) };

    public static ApproveDistributionPlanRequest Approval(StoredDistributionPlan prepared) =>
        new() { RequestId = Guid.NewGuid().ToString(), Name = prepared.Name, Etag = prepared.Etag };

    /// <summary>A payout from <paramref name="current"/> to <paramref name="creditor"/> (or the office's "costs" and "fees" lines), by bank transfer on 21 December.</summary>
    public static RecordPayoutRequest Payout(StoredDistributionPlan current, string creditor, long amount) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Name = current.Name, Etag = current.Etag,
        Payout = new Contracts.V1.Payout { CreditorId = creditor, Amount = amount, PaidOn = D(2026, 12, 21), Method = Contracts.V1.Payout.Types.Method.BankTransfer, Reference = $"UNC-{creditor}-{TestData.Unique()}" },
    };

    /// <summary>Records a payout from the current plan and keeps the plan it returns.</summary>
    public async Task PayAsync(string creditor, long amount) =>
        Current = (await Maker.RecordPayoutAsync(Payout(Current, creditor, amount))).Plan;

    /// <summary>The asset's balances per (account, creditor); the books must balance.</summary>
    public async Task<Dictionary<(LedgerAccount Account, string CreditorId), long>> BalancesAsync()
    {
        var balances = await Finance.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = Asset });
        Assert.True(balances.Balanced);
        return balances.Balances.ToDictionary(b => (b.Account, b.CreditorId), b => b.Amount);
    }

    public async Task<RepeatedField<LedgerEntry>> EntriesAsync() =>
        (await Finance.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { Asset = Asset, PageSize = 500 })).Entries;
}
