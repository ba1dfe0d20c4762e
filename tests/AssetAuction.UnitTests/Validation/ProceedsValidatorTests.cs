using AssetAuction.Contracts.V1;
using static AssetAuction.UnitTests.Validation.Given;
using Pr = AssetAuction.Service.Proceeds;

namespace AssetAuction.UnitTests.Validation;

/// <summary>The proceeds service's request validators: obligations, distribution plans, payouts, the ledger, statements.</summary>
public sealed class ProceedsValidatorTests
{
    private static readonly TimeProvider Today = Clock;

    private static Obligation AnObligation() => new()
    {
        Office = "HN-KV1", CaseNumber = "THA-1", CreditorId = "BANK", Creditor = new Party { Type = Party.Types.Type.Organization, FullName = "Ngân hàng TMCP X" },
        Owed = 800_000_000, Category = Obligation.Types.Category.Other, SecuredByAsset = AnAsset, CollateralRank = 1, RequestedOn = Past,
        EnforcementDecision = "123/QĐ-CCTHADS", Judgment = "BA-01", ReceivedBefore = 0, FeeChargedBefore = 0,
    };

    private static ComputeDistributionRequest AComputation() => new()
    {
        Asset = AnAsset, EnforcementCosts = 50_000_000, HousingAmount = 0, Decision = "45/QĐ-CC", DecisionDate = Past, PaymentDate = Past,
    };

    private static LedgerEntry Posting(LedgerAccount account, long amount) => new() { Account = account, Amount = amount };

    internal static readonly IRuleSet[] Sets =
    [
        new RuleSet<RegisterObligationRequest>("RegisterObligation", new Pr.RegisterObligation.Validator(Today), () => new() { RequestId = Uuid, Obligation = AnObligation() })
            .RequestId()
            .Break("obligation", "missing", r => r.Obligation = null)
            .Break("obligation.office", "blank", r => r.Obligation.Office = "")
            .Break("obligation.office", "longer than 64", r => r.Obligation.Office = new string('x', 65))
            .Break("obligation.case_number", "blank", r => r.Obligation.CaseNumber = "")
            .Break("obligation.creditor_id", "blank", r => r.Obligation.CreditorId = "")
            .Break("obligation.creditor", "missing", r => r.Obligation.Creditor = null)
            .Break("obligation.creditor.type", "unspecified", r => r.Obligation.Creditor.Type = Party.Types.Type.Unspecified)
            .Break("obligation.owed", "zero", r => r.Obligation.Owed = 0)
            .Break("obligation.category", "unspecified", r => r.Obligation.Category = Obligation.Types.Category.Unspecified)
            .Break("obligation.secured_by_asset", "not an asset name", r => r.Obligation.SecuredByAsset = "seizures/1")
            .Break("obligation.collateral_rank", "over 100", r => r.Obligation.CollateralRank = 101)
            .Break("obligation.collateral_rank", "negative", r => r.Obligation.CollateralRank = -1)
            .Break("obligation.requested_on", "in the future", r => r.Obligation.RequestedOn = Future)
            .Break("obligation.requested_on", "missing", r => r.Obligation.RequestedOn = null)
            .Break("obligation.enforcement_decision", "longer than 128", r => r.Obligation.EnforcementDecision = new string('x', 129))
            .Break("obligation.judgment", "longer than 128", r => r.Obligation.Judgment = new string('x', 129))
            .Break("obligation.received_before", "negative", r => r.Obligation.ReceivedBefore = -1)
            .Break("obligation.fee_charged_before", "negative", r => r.Obligation.FeeChargedBefore = -1),
        new RuleSet<RegisterObligationRequest>("RegisterObligation (unsecured)", new Pr.RegisterObligation.Validator(Today), () => new()
            {
                RequestId = Uuid, Obligation = new Obligation(AnObligation()) { SecuredByAsset = "", CollateralRank = 0 },
            }),
        new RuleSet<ListObligationsRequest>("ListObligations", new Pr.ListObligations.Validator(), () => new() { Office = "HN-KV1", CaseNumber = "THA-1", PageSize = 50 })
            .Optional("office", 64).Optional("case_number", 128).PageSize(),
        new RuleSet<ComputeDistributionRequest>("ComputeDistribution", new Pr.ComputeDistribution.Validator(), AComputation)
            .AssetName("asset").MoneyOrZero("enforcement_costs").MoneyOrZero("housing_amount").Required("decision", 128).Date("decision_date").OptionalDate("payment_date"),
        new RuleSet<PrepareDistributionPlanRequest>("PrepareDistributionPlan", new Pr.PrepareDistributionPlan.Validator(), () => new() { RequestId = Uuid, Computation = AComputation() })
            .RequestId()
            .Break("computation", "missing", r => r.Computation = null)
            .Break("computation.asset", "not an asset name", r => r.Computation.Asset = "assets/")
            .Break("computation.enforcement_costs", "negative", r => r.Computation.EnforcementCosts = -1)
            .Break("computation.decision_date", "not a calendar day", r => r.Computation.DecisionDate = NotADay),
        new RuleSet<ApproveDistributionPlanRequest>("ApproveDistributionPlan", new Pr.ApproveDistributionPlan.Validator(), () => new() { RequestId = Uuid, Name = Plan, Etag = "1" })
            .RequestId().Etag()
            .Break("name", "an asset, not a plan", r => r.Name = AnAsset),
        new RuleSet<GetDistributionPlanRequest>("GetDistributionPlan", new Pr.GetDistributionPlan.Validator(), () => new() { Name = Plan })
            .Break("name", "a plan name with no plan id", r => r.Name = AnAsset + "/distributionPlans/"),
        new RuleSet<WithdrawDistributionPlanRequest>("WithdrawDistributionPlan", new Pr.WithdrawDistributionPlan.Validator(), () => new() { RequestId = Uuid, Name = Plan, Etag = "1", Reason = "Sai số liệu" })
            .RequestId().Etag().Required("reason", 1000)
            .Break("name", "an asset, not a plan", r => r.Name = AnAsset),
        new RuleSet<RecordPayoutRequest>("RecordPayout", new Pr.RecordPayout.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = Plan, Etag = "2",
                Payout = new Payout { PayeeKind = PayeeKind.Creditor, CreditorId = "X", Amount = 1_000_000, PaidOn = Past, Method = Payout.Types.Method.BankTransfer, Reference = "UNC-X" },
            })
            .RequestId().Etag()
            .Break("name", "an asset, not a plan", r => r.Name = AnAsset)
            .Break("payout", "missing", r => r.Payout = null)
            .Break("payout.payee_kind", "not a known kind", r => r.Payout.PayeeKind = (PayeeKind)99)
            .Break("payout.creditor_id", "blank for a creditor", r => r.Payout.CreditorId = "")
            .Break("payout.creditor_id", "blank with no kind", r => (r.Payout.PayeeKind, r.Payout.CreditorId) = (PayeeKind.Unspecified, ""))
            .Break("payout.creditor_id", "longer than 64", r => r.Payout.CreditorId = new string('x', 65))
            .Break("payout.amount", "zero", r => r.Payout.Amount = 0)
            .Break("payout.paid_on", "in the future", r => r.Payout.PaidOn = Future)
            .Break("payout.method", "unspecified", r => r.Payout.Method = Payout.Types.Method.Unspecified)
            .Break("payout.reference", "blank", r => r.Payout.Reference = ""),
        new RuleSet<RecordPayoutRequest>("RecordPayout (to the office's fees, no creditor id)", new Pr.RecordPayout.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = Plan, Etag = "2",
                Payout = new Payout { PayeeKind = PayeeKind.EnforcementFee, Amount = 1_000_000, PaidOn = Past, Method = Payout.Types.Method.Treasury, Reference = "KB-01" },
            })
            .Break("payout.creditor_id", "longer than 64", r => r.Payout.CreditorId = new string('x', 65)),
        new RuleSet<RecordRemittanceRequest>("RecordRemittance", new Pr.RecordRemittance.Validator(Today), () => new()
            {
                RequestId = Uuid, Asset = AnAsset, Account = LedgerAccount.StateBudget, Amount = 20_000_000, PaidOn = Past, Reference = "KB-02",
            })
            .RequestId().AssetName("asset").Money("amount").PastDate("paid_on").Required("reference", 128)
            .Break("account", "not remitted here", r => r.Account = LedgerAccount.Custody),
        new RuleSet<RecordLedgerCorrectionRequest>("RecordLedgerCorrection", new Pr.RecordLedgerCorrection.Validator(Today), () => new()
            {
                RequestId = Uuid, Asset = AnAsset, Reason = "Storage costs invoiced late", ValueDate = Past,
                Postings = { Posting(LedgerAccount.EnforcementCosts, 1_000_000), Posting(LedgerAccount.HousingKept, -1_000_000) },
            })
            .RequestId().AssetName("asset").Required("reason", 1000).PastDate("value_date")
            .Break("postings", "only one", r => r.Postings.RemoveAt(1))
            .Break("postings", "more than 50", r => r.Postings.Add(Enumerable.Range(0, 49).Select(_ => Posting(LedgerAccount.EnforcementCosts, 1))))
            .Break("postings[1].account", "unspecified", r => r.Postings[1].Account = LedgerAccount.Unspecified)
            .Break("postings[0].amount", "zero", r => r.Postings[0].Amount = 0)
            .Break("postings[0].amount", "over 10^15", r => r.Postings[0].Amount = 1_000_000_000_000_001)
            .Break("postings[0].creditor_id", "longer than 64", r => r.Postings[0].CreditorId = new string('x', 65)),
        new RuleSet<ReverseLedgerTransactionRequest>("ReverseLedgerTransaction", new Pr.ReverseLedgerTransaction.Validator(), () => new()
            {
                RequestId = Uuid, TransactionId = "01JD7K5ZQ4X9M2N3P4Q5R6S7TB", Reason = "Invoice was for another asset",
            })
            .RequestId().Required("transaction_id", 32).Required("reason", 1000),
        new RuleSet<GetLedgerBalancesRequest>("GetLedgerBalances", new Pr.GetLedgerBalances.Validator(), () => new() { Office = "HN-KV1", Asset = AnAsset, CaseNumber = "THA-1" })
            .Optional("office", 64).Optional("case_number", 128)
            .Break("asset", "not an asset name", r => r.Asset = "seizures/1"),
        new RuleSet<GetLedgerBalancesRequest>("GetLedgerBalances (all of the caller's)", new Pr.GetLedgerBalances.Validator(), () => new()),
        new RuleSet<ListLedgerEntriesRequest>("ListLedgerEntries", new Pr.ListLedgerEntries.Validator(), () => new() { Office = "HN-KV1", Asset = AnAsset, CaseNumber = "THA-1", PageSize = 500 })
            .Optional("office", 64).Optional("case_number", 128).PageSize()
            .Break("asset", "not an asset name", r => r.Asset = "assets/a/b"),
        new RuleSet<ImportStatementRequest>("ImportStatement", new Pr.ImportStatement.Validator(), () => new()
            {
                RequestId = Uuid, Office = "HN-KV1", StatementId = "SK-2026-12", CsvContent = "date,amount,reference,counterparty\n2026-12-21,777,\"Late receipt\",Debtor\n",
            })
            .RequestId().Required("office", 64).Required("statement_id", 64)
            .Break("csv_content", "empty", r => r.CsvContent = ""),
        new RuleSet<GetReconciliationReportRequest>("GetReconciliationReport", new Pr.GetReconciliationReport.Validator(), () => new()
            {
                Office = "HN-KV1", FromDate = Day(2026, 12, 1), ToDate = Day(2026, 12, 31),
            })
            .Optional("office", 64).Date("from_date").Date("to_date")
            .Break("to_date", "before from_date", r => r.ToDate = Day(2026, 11, 30)),
    ];

    public static TheoryData<string> Rpcs => RuleSets.Rpcs(Sets);

    public static TheoryData<string, string, string> Broken => RuleSets.Breaks(Sets);

    [Theory]
    [MemberData(nameof(Rpcs))]
    public void A_complete_request_passes(string rpc) => RuleSets.Of(Sets, rpc).AssertValid();

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_rule_names_its_proto_field_and_no_other(string rpc, string field, string how) => RuleSets.Of(Sets, rpc).AssertBroken(field, how);
}
