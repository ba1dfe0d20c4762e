using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;
using Category = AssetAuction.Contracts.V1.Obligation.Types.Category;
using LineKind = AssetAuction.Contracts.V1.DistributionPlan.Types.LineKind;

namespace AssetAuction.IntegrationTests;

/// <summary>The case's obligations and the statutory distribution of a sold asset's proceeds, previewed through the real client.</summary>
public sealed class ProceedsDistributionTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task A_sold_parcels_proceeds_are_distributed_costs_first_then_the_secured_bank_then_the_tiers_to_the_last_dong()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        var caseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber;
        var proceeds = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        async Task Owe(string id, long owed, Category category, bool securedByThisAsset = false, bool stateBudget = false) =>
            await proceeds.RegisterObligationAsync(new RegisterObligationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Obligation = new Obligation
                {
                    Office = TestData.Office, CaseNumber = caseNumber, CreditorId = id, Creditor = TestData.Person("Creditor " + id), Owed = owed, Category = category,
                    StateBudget = stateBudget, SecuredByAsset = securedByThisAsset ? p.Asset.Name : "", CollateralRank = securedByThisAsset ? 1 : 0, HolderIsJudgmentCreditor = true,
                    RequestedOn = D(2026, 9, 1), EnforcementDecision = "123/QĐ-CCTHADS", Judgment = "BA-01",
                },
            });
        await Owe("BANK", 800_000_000, Category.Other, securedByThisAsset: true);
        await Owe("WORKER", 100_000_000, Category.Wages);
        await Owe("COURT", 20_000_000, Category.CourtFee, stateBudget: true);
        await Owe("X", 700_000_000, Category.Other);
        await Owe("Y", 500_000_000, Category.Other);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "CREDITOR_ALREADY_REGISTERED", () => Owe("X", 1, Category.Other));

        var finance = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office)));
        ComputeDistributionRequest Preview() => new() { Asset = p.Asset.Name, EnforcementCosts = 50_000_000, Decision = "45/QĐ-CC", DecisionDate = D(2026, 10, 1), PaymentDate = D(2026, 12, 21) };
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PROCEEDS_NOT_COLLECTED", () => finance.ComputeDistributionAsync(Preview()).ResponseAsync);

        await p.ValueAsync(2_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9));
        p.Today(new DateOnly(2026, 12, 21));
        await p.SellAsync(2_000_000_000, 200_000_000);
        await p.PayAsync(1_800_000_000, new DateOnly(2026, 12, 21));
        var eventsBefore = await service.WithDbAsync(db => db.Events.CountAsync());
        var books = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office)));
        async Task<Dictionary<(LedgerAccount, string), long>> BalancesAsync()
        {
            var balances = await books.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = p.Asset.Name });
            Assert.True(balances.Balanced);
            return balances.Balances.ToDictionary(b => (b.Account, b.CreditorId), b => b.Amount);
        }

        // Deposit and payments are in custody, credited to the sale's proceeds.
        var received = await BalancesAsync();
        Assert.Equal(2_000_000_000, received[(LedgerAccount.Custody, "")]);
        Assert.Equal(-2_000_000_000, received[(LedgerAccount.SaleProceeds, "")]);

        var plan = (await finance.ComputeDistributionAsync(Preview())).Plan;

        Assert.Equal(2_000_000_000, plan.Collected);
        Assert.Equal(plan.Collected, plan.Lines.Sum(l => l.Amount));
        Assert.Equal(50_000_000, plan.EnforcementCostsPaid);
        var byId = plan.Creditors.ToDictionary(c => c.CreditorId);
        Assert.Equal(800_000_000, byId["BANK"].Share);                      // secured by this asset, after costs and the court fee
        Assert.Equal(100_000_000, byId["WORKER"].Share);                    // tier (a) in full
        Assert.Equal(20_000_000, byId["COURT"].Share);                      // tier (b)
        Assert.Equal(1_030_000_000, byId["X"].Share + byId["Y"].Share);     // tier (c) shares what is left: 2,000 - 50 - 800 - 100 - 20
        Assert.InRange(byId["X"].Share - (1_030_000_000L * 700 / 1200), -1, 1); // pro rata 7:5, within one dong
        Assert.Equal(0, plan.Surplus);
        Assert.All(plan.Creditors, c => Assert.Equal(c.Share - c.FeeWithheld, c.NetPayout));
        Assert.Equal(0, byId["WORKER"].FeeWithheld); // no enforcement fee on tier (a) money
        Assert.True(byId["X"].FeeWithheld > 0);
        Assert.Contains(plan.Lines, l => l.Kind == LineKind.EnforcementFee);
        Assert.NotEmpty(plan.Steps);
        Assert.Equal(eventsBefore, await service.WithDbAsync(db => db.Events.CountAsync())); // a preview writes nothing

        var listed = await finance.ListObligationsAsync(new ListObligationsRequest { CaseNumber = caseNumber });
        Assert.Equal(5, listed.Obligations.Count);
        var otherOffice = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.OtherOffice)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => otherOffice.ComputeDistributionAsync(Preview()).ResponseAsync);

        // Maker and checker: one finance officer prepares, another approves; payouts never exceed the plan.
        var maker = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office, subject: "finance-maker")));
        var checker = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office, subject: "finance-checker")));
        var prepared = (await maker.PrepareDistributionPlanAsync(new PrepareDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Computation = Preview() })).Plan;
        Assert.Equal(StoredDistributionPlan.Types.State.Prepared, prepared.State);
        Assert.Equal(plan, prepared.Plan);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PREPARER_CANNOT_APPROVE", () => maker.ApproveDistributionPlanAsync(new ApproveDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = prepared.Name, Etag = prepared.Etag }).ResponseAsync);
        RecordPayoutRequest Pay(StoredDistributionPlan current, string creditor, long amount) => new()
        {
            RequestId = Guid.NewGuid().ToString(), Name = current.Name, Etag = current.Etag,
            Payout = new Payout { CreditorId = creditor, Amount = amount, PaidOn = D(2026, 12, 21), Method = Payout.Types.Method.BankTransfer, Reference = "UNC-" + creditor },
        };
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PLAN_NOT_APPROVED", () => maker.RecordPayoutAsync(Pay(prepared, "WORKER", 1)).ResponseAsync);
        var approved = (await checker.ApproveDistributionPlanAsync(new ApproveDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = prepared.Name, Etag = prepared.Etag })).Plan;
        Assert.Equal(("finance-maker", "finance-checker"), (approved.PreparedBy, approved.ApprovedBy));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_HAS_APPROVED_PLAN",
            () => p.Step(new CancelAuctionResultRequest { Grounds = "court", CancellationDate = D(2026, 12, 21) }, async r => (await p.Client.CancelAuctionResultAsync(r)).Asset));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_HAS_APPROVED_PLAN",
            () => maker.PrepareDistributionPlanAsync(new PrepareDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Computation = Preview() }).ResponseAsync);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PAYOUT_EXCEEDS_PLAN", () => maker.RecordPayoutAsync(Pay(approved, "X", byId["X"].NetPayout + 1)).ResponseAsync);
        var current = approved;
        foreach (var creditor in plan.Creditors)
        {
            current = (await maker.RecordPayoutAsync(Pay(current, creditor.CreditorId, creditor.NetPayout))).Plan;
        }

        Assert.Equal(plan.Creditors.Sum(c => c.NetPayout), current.Payouts.Sum(x => x.Amount));

        // The approved plan allocated the proceeds; the payouts cleared what was owed to each creditor.
        var paid = await BalancesAsync();
        Assert.False(paid.ContainsKey((LedgerAccount.SaleProceeds, "")));
        Assert.DoesNotContain(paid.Keys, k => k.Item1 == LedgerAccount.CreditorsPayable);
        Assert.Equal(-plan.EnforcementCostsPaid, paid[(LedgerAccount.EnforcementCosts, "")]);
        Assert.Equal(-plan.Creditors.Sum(c => c.FeeWithheld), paid.Where(b => b.Key.Item1 == LedgerAccount.EnforcementFees).Sum(b => b.Value)); // per creditor it was withheld from
        Assert.Equal(plan.Collected - plan.Creditors.Sum(c => c.NetPayout), paid[(LedgerAccount.Custody, "")]);

        // The office's other lines are paid out as well (costs, fees): custody is then empty.
        current = (await maker.RecordPayoutAsync(Pay(current, "costs", plan.EnforcementCostsPaid))).Plan;
        current = (await maker.RecordPayoutAsync(Pay(current, "fees", plan.Creditors.Sum(c => c.FeeWithheld)))).Plan;
        var settled = await BalancesAsync();
        Assert.Empty(settled);

        // A plan's payouts are bound to it: not reversed on their own.
        var entries = (await books.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { Asset = p.Asset.Name, PageSize = 500 })).Entries;
        var payoutX = entries.First(e => e.Kind == "payout" && e.CreditorId == "X").TransactionId;
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "TRANSACTION_NOT_REVERSIBLE",
            () => books.ReverseLedgerTransactionAsync(new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = payoutX, Reason = "wrong account" }).ResponseAsync);

        // Reconciliation: the bank statement against the ledger's custody movements.
        var custody = (await books.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { Asset = p.Asset.Name, PageSize = 500 })).Entries
            .Where(e => e.Account == LedgerAccount.Custody && e.ReversalOf.Length == 0).ToList();
        var omitted = custody.Last(e => e.Kind == "payout");
        var statement = new System.Text.StringBuilder("date,amount,reference,counterparty\n");
        foreach (var e in custody.Where(e => e.TransactionId != omitted.TransactionId))
        {
            statement.Append(System.Globalization.CultureInfo.InvariantCulture, $"{e.ValueDate.Year:D4}-{e.ValueDate.Month:D2}-{e.ValueDate.Day:D2},{e.Amount},\"{e.Reference}\",Counterparty\n");
        }

        statement.Append("2026-12-21,123456,\"UNKNOWN-REF\",\"Nobody, Ltd.\"\n");
        ImportStatementRequest Import() => new() { RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = "SK-2026-12", CsvContent = statement.ToString() };
        var imported = await books.ImportStatementAsync(Import());
        Assert.Equal(custody.Count, imported.LinesRead); // every custody movement but one, plus the unknown line
        Assert.Equal(custody.Count - 1, imported.LinesMatched);
        Assert.Equal("UNKNOWN-REF", imported.UnmatchedLines.Single().Reference);
        var again = await books.ImportStatementAsync(Import());
        Assert.Equal((imported.LinesRead, 0), (again.LinesAlreadyImported, again.LinesMatched));

        var report = await books.GetReconciliationReportAsync(new GetReconciliationReportRequest { Office = TestData.Office, FromDate = D(2026, 12, 1), ToDate = D(2026, 12, 31) });
        Assert.Equal(custody.Count - 1, report.MatchedLines);
        Assert.Equal("UNKNOWN-REF", report.UnknownStatementLines.Single().Reference);
        Assert.Contains(report.MissingFromStatement, e => e.TransactionId == omitted.TransactionId);
        Assert.Contains("unknown_statement_line,2026-12-21,123456,UNKNOWN-REF", report.Csv, StringComparison.Ordinal);
        Assert.Contains("missing_from_statement", report.Csv, StringComparison.Ordinal);

        // The next statement brings the missing movements: everything matches, only the unknown line differs.
        var rest = new System.Text.StringBuilder("date,amount,reference,counterparty\n");
        foreach (var e in report.MissingFromStatement)
        {
            rest.Append(System.Globalization.CultureInfo.InvariantCulture, $"{e.ValueDate.Year:D4}-{e.ValueDate.Month:D2}-{e.ValueDate.Day:D2},{e.Amount},\"{e.Reference}\",Counterparty\n");
        }

        var second = await books.ImportStatementAsync(new ImportStatementRequest { RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = "SK-2026-12B", CsvContent = rest.ToString() });
        Assert.Equal(report.MissingFromStatement.Count, second.LinesMatched);
        var reconciled = await books.GetReconciliationReportAsync(new GetReconciliationReportRequest { Office = TestData.Office, FromDate = D(2026, 12, 1), ToDate = D(2026, 12, 31) });
        Assert.Empty(reconciled.MissingFromStatement);
        Assert.Equal(123_456, reconciled.Difference);
        Assert.Equal(reconciled.Receipts - reconciled.Payouts, reconciled.HeldBalance);

        // A correction must balance; a balanced one is recorded as its own transaction.
        RecordLedgerCorrectionRequest Correction(long credit) => new()
        {
            RequestId = Guid.NewGuid().ToString(), Asset = p.Asset.Name, Reason = "Storage costs invoiced late", ValueDate = D(2026, 12, 21),
            Postings = { new LedgerEntry { Account = LedgerAccount.EnforcementCosts, Amount = 1_000_000 }, new LedgerEntry { Account = LedgerAccount.HousingKept, Amount = -credit } },
        };
        var unbalanced = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "UNBALANCED_CORRECTION", () => books.RecordLedgerCorrectionAsync(Correction(999_999)).ResponseAsync);
        Assert.Contains("1 dong", RpcAssert.Fields(unbalanced).Count == 1 ? unbalanced.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Description : "", StringComparison.Ordinal);
        var correction = await books.RecordLedgerCorrectionAsync(Correction(1_000_000));
        Assert.Equal(2, correction.Entries.Count);
        Assert.True((await books.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Office = TestData.Office })).Balanced);

        // A mistaken correction is undone by a reversal, once; nothing is edited.
        var correctionId = correction.Entries[0].TransactionId;
        var reversal = await books.ReverseLedgerTransactionAsync(new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = correctionId, Reason = "Invoice was for another asset" });
        Assert.All(reversal.Entries, e => Assert.Equal(correctionId, e.ReversalOf));
        Assert.Empty(await BalancesAsync());
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "TRANSACTION_ALREADY_REVERSED",
            () => books.ReverseLedgerTransactionAsync(new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = correctionId, Reason = "again" }).ResponseAsync);
        Assert.All((await books.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { Asset = p.Asset.Name, PageSize = 500 })).Entries.GroupBy(e => e.TransactionId), t => Assert.Equal(0, t.Sum(e => e.Amount)));

        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => books.ImportStatementAsync(new ImportStatementRequest
        {
            RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = "SK-BAD", CsvContent = "date,amount,reference,counterparty\n2026-13-01,12.5,,x\n",
        }).ResponseAsync);
        Assert.Contains("Line 2", bad.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Single().Description, StringComparison.Ordinal);
        foreach (var broken in new[] { "2026-12-01,5,ab\"c,x\n", "2026-12-01,5,\"abc,x\n", "2026-12-01,5,abc,x,extra\n" })
        {
            await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => books.ImportStatementAsync(new ImportStatementRequest
            {
                RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = "SK-BROKEN", CsvContent = "date,amount,reference,counterparty\n" + broken,
            }).ResponseAsync);
        }

        // A statement line that arrives before its movement is matched at a later import.
        var early = await books.ImportStatementAsync(new ImportStatementRequest
        {
            RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = "SK-2026-12C", CsvContent = "date,amount,reference,counterparty\n2026-12-21,777,\"Late receipt\",Debtor\n",
        });
        Assert.Equal(0, early.LinesMatched);
        await books.RecordLedgerCorrectionAsync(new RecordLedgerCorrectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), Asset = p.Asset.Name, Reason = "Late receipt", ValueDate = D(2026, 12, 21),
            Postings = { new LedgerEntry { Account = LedgerAccount.Custody, Amount = 777 }, new LedgerEntry { Account = LedgerAccount.RedemptionReceipts, Amount = -777 } },
        });
        var later = await books.ImportStatementAsync(new ImportStatementRequest
        {
            RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = "SK-2026-12C", CsvContent = "date,amount,reference,counterparty\n2026-12-21,777,\"Late receipt\",Debtor\n",
        });
        Assert.Equal((1, 1), (later.LinesAlreadyImported, later.LinesMatched));
    }
}
