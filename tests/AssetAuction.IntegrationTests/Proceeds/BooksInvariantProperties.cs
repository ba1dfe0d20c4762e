using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using CsCheck;
using Grpc.Core;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests.Proceeds;

/// <summary>
/// Random sequences of pipeline and proceeds RPCs on a sold parcel, through the real host: sales, payments,
/// defaults, cancellations, resales, corrections (some of absurd size), reversals, plans, withdrawals, payouts,
/// remittances. After every step the books must hold: each transaction balances, all balances add up to zero,
/// custody holds exactly what came in less what went out, no payee gets more than the plan gives it, and the
/// asset's own record of the money agrees with the ledger. Refusals are fine; INTERNAL or UNKNOWN never is.
/// </summary>
public sealed class BooksInvariantProperties : IDisposable
{
    private readonly ServiceFactory _service = new();

    public void Dispose() => _service.Dispose();

    // Weighted toward the money's own paths (plans, undone sales, resales), so that "prepare, undo the sale and sell
    // again, approve" comes up in most runs; amounts are mostly ordinary, sometimes absurd (up to long.MaxValue).
    private static readonly Gen<Act> Acts = Gen.Frequency(
        (1, Gen.Const(Act.Pay)), (3, Gen.Const(Act.PayInFull)), (1, Gen.Const(Act.Default)), (1, Gen.Const(Act.CancelResult)), (4, Gen.Const(Act.UndoAndResell)),
        (4, Gen.Const(Act.Prepare)), (4, Gen.Const(Act.Approve)), (1, Gen.Const(Act.Withdraw)), (3, Gen.Const(Act.Payout)), (4, Gen.Const(Act.Correction)),
        (2, Gen.Const(Act.Reverse)), (1, Gen.Const(Act.Remit)));

    private static readonly Gen<long> Amounts = Gen.Frequency(
        (7, Gen.Long[1, 1_500_000_000]),
        (2, Gen.Const(long.MaxValue)),
        (1, from digits in Gen.Int[10, 18] from leading in Gen.Long[1, 9] select leading * (long)Math.Pow(10, digits)));

    private static readonly Gen<(Act Act, long Amount, int Pick)> AnAct =
        from act in Acts
        from amount in Amounts
        from pick in Gen.Int[0, 1_000]
        select (act, amount, pick);

    [Fact]
    public async Task The_books_hold_after_every_step_of_any_sequence()
    {
        await AnAct.Array[4, 14].SampleAsync(
            async acts =>
            {
                var world = await BooksWorld.StartAsync(_service);
                foreach (var act in acts)
                {
                    await world.ApplyAsync(act.Act, act.Amount, act.Pick);
                    await world.CheckAsync($"after {act.Act}({act.Amount}, {act.Pick})");
                }
            },
            iter: 30,
            threads: 1,
            print: acts => string.Join(", ", acts.Select(a => $"{a.Act}({a.Amount}, {a.Pick})")));
    }
}

/// <summary>What the property does next.</summary>
internal enum Act { Pay, PayInFull, Default, CancelResult, UndoAndResell, Prepare, Approve, Withdraw, Payout, Correction, Reverse, Remit }

/// <summary>One sold parcel and what the test knows of the money it moved.</summary>
internal sealed class BooksWorld
{
    private static readonly LedgerAccount[] CorrectionAccounts =
        [LedgerAccount.Custody, LedgerAccount.EnforcementCosts, LedgerAccount.HousingKept, LedgerAccount.DebtorSurplus, LedgerAccount.StateBudget];

    private readonly ServiceFactory _service;
    private readonly PipelineDriver _p;
    private readonly ProceedsService.ProceedsServiceClient _maker;
    private readonly ProceedsService.ProceedsServiceClient _checker;
    private readonly List<string> _plans = [];

    /// <summary>Money into custody less money out of it, as the test moved it.</summary>
    private Int128 _custody;

    private BooksWorld(ServiceFactory service, PipelineDriver p)
    {
        _service = service;
        _p = p;
        _maker = ProceedsScenario.Finance(service, "finance-maker");
        _checker = ProceedsScenario.Finance(service, "finance-checker");
    }

    private DateOnly Today => Day(_service);

    public static async Task<BooksWorld> StartAsync(ServiceFactory service)
    {
        var p = await PipelineDriver.SeizeAsync(service, adjust: r => r.SeizureDate = D(Day(service)));
        var world = new BooksWorld(service, p);
        var registrar = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        foreach (var (id, owed) in new[] { ("A", 700_000_000L), ("B", 300_000_000L) })
        {
            await registrar.RegisterObligationAsync(new RegisterObligationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Obligation = new Obligation
                {
                    Office = TestData.Office, CaseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber, CreditorId = id, Creditor = TestData.Person(id), Owed = owed,
                    Category = Obligation.Types.Category.Other, RequestedOn = D(2026, 9, 1), EnforcementDecision = "123/QĐ-CCTHADS", Judgment = "BA-01", HolderIsJudgmentCreditor = true,
                },
            });
        }

        await p.ValueAsync(800_000_000, world.Today);
        await p.ContractAsync(await p.RegisterOrganizationAsync(), world.Today);
        await world.SellAsync(800_000_000);
        return world;
    }

    private static DateOnly Day(ServiceFactory service) => DateOnly.FromDateTime(service.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private async Task SellAsync(long price)
    {
        var posting = Today;
        await _p.ScheduleAsync(posting, posting.AddDays(16));
        _p.Today(posting.AddDays(16));
        await _p.SellAsync(price, _p.Asset.StartingPrice / 10);
        _custody += _p.Asset.StartingPrice / 10;
    }

    public async Task ApplyAsync(Act act, long amount, int pick)
    {
        try
        {
            await RunAsync(act, amount, pick);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.InvalidArgument or StatusCode.Aborted)
        {
            // A refusal changes nothing; the invariants below say whether that is true.
        }
    }

    private async Task RunAsync(Act act, long amount, int pick)
    {
        var asset = _p.Asset;
        switch (act)
        {
            case Act.Pay when asset.Sale is { Balance: > 0 } sale:
                var part = (amount % sale.Balance) + 1;
                await _p.PayAsync(part, Today);
                _custody += part;
                break;
            case Act.PayInFull when asset.Sale is { Balance: > 0 } sale:
                var rest = sale.Balance;
                await _p.PayAsync(rest, Today);
                _custody += rest;
                break;
            case Act.Default:
                await _p.Step(new RecordBuyerDefaultRequest { DefaultDate = D(Today), RefusedInWriting = true, Reason = "refused in writing" }, async r => (await _p.Client.RecordBuyerDefaultAsync(r)).Asset);
                break;
            case Act.CancelResult:
                await _p.Step(new CancelAuctionResultRequest { Grounds = "court", CancellationDate = D(Today) }, async r => (await _p.Client.CancelAuctionResultAsync(r)).Asset);
                break;
            case Act.UndoAndResell when asset.State is Asset.Types.State.Sold or Asset.Types.State.Paid:
                // The sale is undone (a cancelled result, or a written refusal while unpaid), then the asset is sold
                // again (at another price unless pick is 0) and paid in full.
                await (pick % 2 == 0 || asset.State == Asset.Types.State.Paid ? RunAsync(Act.CancelResult, amount, pick) : RunAsync(Act.Default, amount, pick));
                await SellAsync(_p.Asset.StartingPrice + (pick * 1_000_000L));
                var balance = _p.Asset.Sale.Balance;
                await _p.PayAsync(balance, Today);
                _custody += balance;
                break;
            case Act.Prepare:
                var prepared = await _maker.PrepareDistributionPlanAsync(new PrepareDistributionPlanRequest
                {
                    RequestId = Guid.NewGuid().ToString(),
                    Computation = new ComputeDistributionRequest { Asset = asset.Name, EnforcementCosts = amount % 100_000_000, Decision = "QĐ-CC", DecisionDate = D(Today), PaymentDate = D(Today) },
                });
                _plans.Add(prepared.Plan.Name);
                break;
            case Act.Approve when _plans.Count > 0:
                var toApprove = await PlanAsync(_plans[pick % 3 == 0 ? _plans.Count - 1 : 0]);
                await _checker.ApproveDistributionPlanAsync(new ApproveDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = toApprove.Name, Etag = toApprove.Etag });
                break;
            case Act.Withdraw when _plans.Count > 0:
                var toWithdraw = await PlanAsync(_plans[pick % _plans.Count]);
                await _maker.WithdrawDistributionPlanAsync(new WithdrawDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = toWithdraw.Name, Etag = toWithdraw.Etag, Reason = "wrong" });
                break;
            case Act.Payout when _plans.Count > 0:
                var plan = await PlanAsync(_plans[pick % _plans.Count]);
                if (plan.Payees.Count == 0)
                {
                    return;
                }

                var payee = plan.Payees[pick % plan.Payees.Count];
                var paid = pick % 3 == 0 ? amount : Math.Max(1, Math.Min(payee.Remaining, amount));
                await _maker.RecordPayoutAsync(ProceedsScenario.Payout(plan, payee.Kind, payee.CreditorId, paid));
                _custody -= paid;
                break;
            case Act.Correction:
                var debit = pick % 2 == 0 ? LedgerAccount.Custody : CorrectionAccounts[pick % CorrectionAccounts.Length];
                var credit = CorrectionAccounts[pick / 7 % CorrectionAccounts.Length];
                if (debit == credit)
                {
                    return;
                }

                var correction = await _maker.RecordLedgerCorrectionAsync(new RecordLedgerCorrectionRequest
                {
                    RequestId = Guid.NewGuid().ToString(), Asset = asset.Name, Reason = "property", ValueDate = D(Today),
                    Postings = { new LedgerEntry { Account = debit, Amount = amount }, new LedgerEntry { Account = credit, Amount = -amount } },
                });
                _custody += correction.Entries.Where(e => e.Account == LedgerAccount.Custody).Aggregate(Int128.Zero, (s, e) => s + e.Amount);
                break;
            case Act.Reverse:
                var entries = await EntriesAsync();
                if (entries.Count == 0)
                {
                    return;
                }

                var reversal = await _maker.ReverseLedgerTransactionAsync(new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = entries[pick % entries.Count].TransactionId, Reason = "property" });
                _custody += reversal.Entries.Where(e => e.Account == LedgerAccount.Custody).Aggregate(Int128.Zero, (s, e) => s + e.Amount);
                break;
            case Act.Remit:
                var remitted = Math.Max(1, amount % 900_000_000);
                await _maker.RecordRemittanceAsync(new RecordRemittanceRequest { RequestId = Guid.NewGuid().ToString(), Asset = asset.Name, Account = LedgerAccount.BuyerRefunds, Amount = remitted, PaidOn = D(Today), Reference = "UNC-R" + TestData.Unique() });
                _custody -= remitted;
                break;
        }
    }

    public async Task CheckAsync(string when)
    {
        var entries = await EntriesAsync();
        Assert.All(entries.GroupBy(e => e.TransactionId), t => Assert.True(t.Aggregate(Int128.Zero, (s, e) => s + e.Amount) == 0, $"transaction {t.Key} unbalanced {when}"));

        var office = await _maker.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Office = TestData.Office });
        Assert.True(office.Balanced && office.Total == 0, $"office books do not add up to zero {when}");
        var balances = (await _maker.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = _p.Asset.Name })).Balances;
        long Balance(LedgerAccount account) => balances.Where(b => b.Account == account).Sum(b => b.Amount);
        Assert.True(Balance(LedgerAccount.Custody) == _custody, $"custody {Balance(LedgerAccount.Custody)} but {_custody} came in less went out {when}");

        var plans = await Task.WhenAll(_plans.Select(PlanAsync));
        foreach (var plan in plans)
        {
            Assert.All(plan.Payees, p => Assert.True(p.Paid <= p.Amount && p.Paid == plan.Payouts.Where(x => x.PayeeKind == p.Kind && (p.Kind != PayeeKind.Creditor || x.CreditorId == p.CreditorId)).Sum(x => x.Amount), $"payee {p.Kind} {p.CreditorId} paid {p.Paid} of {p.Amount} {when}"));
        }

        // The asset's own record of the money against the books: the sale's payments sit in sale proceeds until an
        // approved plan allocates exactly them.
        var asset = (await _service.Seizures().GetAssetAsync(new GetAssetRequest { Name = _p.Asset.Name })).Asset;
        var approved = plans.Where(p => p.State == StoredDistributionPlan.Types.State.Approved).ToList();
        Assert.True(approved.Count <= 1, $"{approved.Count} approved plans {when}");
        if (approved.Count == 1)
        {
            Assert.True(asset.Sale is not null && approved[0].Plan.Collected == asset.Sale.Paid, $"the approved plan distributes {approved[0].Plan.Collected} but the sale holds {asset.Sale?.Paid} {when}");
            Assert.True(Balance(LedgerAccount.SaleProceeds) == 0, $"sale proceeds {Balance(LedgerAccount.SaleProceeds)} after the allocation {when}");
        }
        else
        {
            Assert.True(-Balance(LedgerAccount.SaleProceeds) == (asset.Sale?.Paid ?? 0), $"the sale records {asset.Sale?.Paid} paid, the ledger {-Balance(LedgerAccount.SaleProceeds)} {when}");
        }
    }

    private async Task<StoredDistributionPlan> PlanAsync(string name) => (await _maker.GetDistributionPlanAsync(new GetDistributionPlanRequest { Name = name })).Plan;

    private async Task<List<LedgerEntry>> EntriesAsync()
    {
        var all = new List<LedgerEntry>();
        var token = "";
        do
        {
            var page = await _maker.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { Asset = _p.Asset.Name, PageSize = 500, PageToken = token });
            all.AddRange(page.Entries);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }
}
