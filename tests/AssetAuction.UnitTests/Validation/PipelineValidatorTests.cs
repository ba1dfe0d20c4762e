using AssetAuction.Contracts.V1;
using static AssetAuction.UnitTests.Validation.Given;
using P = AssetAuction.Service.Pipeline;

namespace AssetAuction.UnitTests.Validation;

/// <summary>The pipeline steps' request validators: a complete request passes; each broken rule names its proto field.</summary>
public sealed class PipelineValidatorTests
{
    private static readonly TimeProvider Today = Clock;

    private static Party APerson() => new() { Type = Party.Types.Type.Individual, FullName = "Lê Văn Mua", IdentityNumber = "001090000001", Address = "Hà Nội" };

    private static RoundPlan APlan() => new()
    {
        AuctionTime = At(2026, 12, 20), Place = "Hội trường Tổ chức đấu giá", PostingDate = Day(2026, 11, 25), RegistrationStart = Day(2026, 11, 25),
        RegistrationEnd = Day(2026, 12, 18), Deposit = 100_000_000, BidStep = 10_000_000, Method = RoundPlan.Types.Method.Oral,
    };

    private static Appraisal AnAppraisal() => new()
    {
        OrganizationName = "Công ty Thẩm định giá A", ContractNumber = "TĐG-01", ContractDate = Day(2026, 11, 2), Price = 2_000_000_000, CertificateNumber = "CT-01", CertificateDate = Past,
    };

    internal static readonly IRuleSet[] Sets =
    [
        new RuleSet<RecordValuationRequest>("RecordValuation (agreed price)", new P.RecordValuation.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", AgreedPrice = new AgreedPrice { Price = 2_000_000_000, AgreementNumber = "TT-01", AgreementDate = Past }, NotifiedDate = Past,
            })
            .Step()
            .Break("method", "none given", r => r.ClearMethod())
            .Break("agreed_price.price", "zero", r => r.AgreedPrice.Price = 0)
            .Break("agreed_price.agreement_number", "blank", r => r.AgreedPrice.AgreementNumber = "")
            .Break("agreed_price.agreement_date", "in the future", r => r.AgreedPrice.AgreementDate = Future)
            .OptionalPastDate("notified_date"),
        new RuleSet<RecordValuationRequest>("RecordValuation (appraisal)", new P.RecordValuation.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Appraisal = AnAppraisal(),
            })
            .Break("appraisal.organization_name", "blank", r => r.Appraisal.OrganizationName = "")
            .Break("appraisal.price", "zero", r => r.Appraisal.Price = 0)
            .Break("appraisal.certificate_date", "before the contract", r => r.Appraisal.CertificateDate = Day(2026, 11, 1)),
        new RuleSet<RecordValuationRequest>("RecordValuation (officer decision)", new P.RecordValuation.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3",
                OfficerDecision = new OfficerDecision { Price = 2_000_000_000, DecisionNumber = "QĐ-01", DecisionDate = Past, Reason = "Không thỏa thuận được, không thuê được thẩm định giá" },
            })
            .Break("officer_decision.price", "zero", r => r.OfficerDecision.Price = 0)
            .Break("officer_decision.decision_number", "blank", r => r.OfficerDecision.DecisionNumber = "")
            .Break("officer_decision.decision_date", "in the future", r => r.OfficerDecision.DecisionDate = Future)
            .Break("officer_decision.reason", "blank", r => r.OfficerDecision.Reason = ""),
        new RuleSet<RecordRevaluationRequest>("RecordRevaluation", new P.RecordRevaluation.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Appraisal = AnAppraisal(), NotifiedDate = Past,
            })
            .Step()
            .Break("appraisal", "missing", r => r.Appraisal = null)
            .Break("appraisal.organization_name", "blank", r => r.Appraisal.OrganizationName = " ")
            .Break("appraisal.contract_number", "longer than 128", r => r.Appraisal.ContractNumber = new string('x', 129))
            .Break("appraisal.contract_date", "not a calendar day", r => r.Appraisal.ContractDate = NotADay)
            .Break("appraisal.price", "over 10^15", r => r.Appraisal.Price = 1_000_000_000_000_001)
            .Break("appraisal.certificate_number", "blank", r => r.Appraisal.CertificateNumber = "")
            .Break("appraisal.certificate_date", "in the future", r => r.Appraisal.CertificateDate = Future)
            .Break("appraisal.certificate_date", "before the contract", r => r.Appraisal.CertificateDate = Day(2026, 11, 1))
            .OptionalPastDate("notified_date"),
        new RuleSet<RequestRevaluationRequest>("RequestRevaluation", new P.RequestRevaluation.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", RequestedBy = "Nguyễn Văn A", RequestDate = Past,
            })
            .Step().Required("requested_by", 256).PastDate("request_date"),
        new RuleSet<SignAuctionContractRequest>("SignAuctionContract", new P.SignAuctionContract.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Organization = "auctionOrganizations/01JD7K5ZQ4X9M2N3P4Q5R6S7TA", ContractNumber = "HĐĐG-01", ContractDate = Past,
            })
            .Step()
            .Break("organization", "not an organization name", r => r.Organization = "organizations/1")
            .Required("contract_number", 128).PastDate("contract_date"),
        new RuleSet<RecordCoOwnerOfferRequest>("RecordCoOwnerOffer", new P.RecordCoOwnerOffer.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", SaleDate = Past, BuyerName = "",
                Answers = { new CoOwnerAnswer { CoOwnerName = "Trần Thị B", Accepted = false, AnswerDate = Past } },
            })
            .Step()
            .Break("answers", "none", r => r.Answers.Clear())
            .Break("answers", "more than 50", r => r.Answers.Add(Enumerable.Range(0, 50).Select(i => new CoOwnerAnswer { CoOwnerName = "C" + i, AnswerDate = Past })))
            .Break("answers[0].co_owner_name", "blank", r => r.Answers[0].CoOwnerName = "")
            .Break("answers[0].answer_date", "in the future", r => r.Answers[0].AnswerDate = Future)
            .Optional("buyer_name", 256).PastDate("sale_date"),
        new RuleSet<ScheduleAuctionRoundRequest>("ScheduleAuctionRound", new P.ScheduleAuctionRound.Validator(), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Plan = APlan(),
            })
            .Step()
            .Break("plan", "missing", r => r.Plan = null)
            .Break("plan.auction_time", "missing", r => r.Plan.AuctionTime = null)
            .Break("plan.auction_time", "after 2100", r => r.Plan.AuctionTime = At(2101, 1, 1))
            .Break("plan.place", "blank and not online", r => r.Plan.Place = "")
            .Break("plan.place", "longer than 512", r => r.Plan.Place = new string('x', 513))
            .Break("plan.posting_date", "not a calendar day", r => r.Plan.PostingDate = NotADay)
            .Break("plan.posting_date", "on the auction day", r => r.Plan.PostingDate = Day(2026, 12, 20))
            .Break("plan.registration_start", "missing", r => r.Plan.RegistrationStart = null)
            .Break("plan.registration_end", "not a calendar day", r => r.Plan.RegistrationEnd = NotADay)
            .Break("plan.registration_end", "before registration starts", r => r.Plan.RegistrationEnd = Day(2026, 11, 24))
            .Break("plan.registration_end", "after the auction day", r => r.Plan.RegistrationEnd = Day(2026, 12, 21))
            .Break("plan.deposit", "zero", r => r.Plan.Deposit = 0)
            .Break("plan.bid_step", "zero", r => r.Plan.BidStep = 0)
            .Break("plan.method", "unspecified", r => r.Plan.Method = RoundPlan.Types.Method.Unspecified),
        new RuleSet<ScheduleAuctionRoundRequest>("ScheduleAuctionRound (online)", new P.ScheduleAuctionRound.Validator(), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Plan = new RoundPlan(APlan()) { Place = "", Online = true },
            }),
        new RuleSet<PostponeAuctionRoundRequest>("PostponeAuctionRound", new P.PostponeAuctionRound.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", DecisionDate = Past, Reason = "Đương sự đề nghị hoãn", Plan = APlan(),
            })
            .Step().OptionalPastDate("decision_date").Required("reason", 1000)
            .Break("plan", "missing", r => r.Plan = null)
            .Break("plan.deposit", "zero", r => r.Plan.Deposit = 0),
        new RuleSet<SuspendAuctionRoundRequest>("SuspendAuctionRound", new P.SuspendAuctionRound.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", DecisionDate = Past, Reason = "Quyết định tạm dừng",
            })
            .Step().OptionalPastDate("decision_date").Required("reason", 1000),
        new RuleSet<CancelAuctionRoundRequest>("CancelAuctionRound", new P.CancelAuctionRound.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", DecisionDate = Past, Reason = "Quyết định hủy",
            })
            .Step().OptionalPastDate("decision_date").Required("reason", 1000),
        new RuleSet<RecordAuctionResultRequest>("RecordAuctionResult (sold)", new P.RecordAuctionResult.Validator(), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Note = "Biên bản đấu giá thành",
                Sold = new SoldResult { Winner = APerson(), WinningPrice = 1_000_000_000, DepositPaid = 100_000_000 },
            })
            .Step()
            .Break("result", "none given", r => r.ClearResult())
            .Optional("note", 2000)
            .Break("sold.winner", "missing", r => r.Sold.Winner = null)
            .Break("sold.winner.type", "unspecified", r => r.Sold.Winner.Type = Party.Types.Type.Unspecified)
            .Break("sold.winner.full_name", "blank", r => r.Sold.Winner.FullName = "")
            .Break("sold.winner.identity_number", "longer than 64", r => r.Sold.Winner.IdentityNumber = new string('1', 65))
            .Break("sold.winner.address", "longer than 512", r => r.Sold.Winner.Address = new string('x', 513))
            .Break("sold.winning_price", "zero", r => (r.Sold.WinningPrice, r.Sold.DepositPaid) = (0, 0))
            .Break("sold.deposit_paid", "negative", r => r.Sold.DepositPaid = -1)
            .Break("sold.deposit_paid", "above the winning price", r => r.Sold.DepositPaid = 1_000_000_001),
        new RuleSet<RecordAuctionResultRequest>("RecordAuctionResult (failed)", new P.RecordAuctionResult.Validator(), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Failed = new FailedResult { Reason = AuctionRound.Types.FailureReason.NoBids, PartiesNotifiedOn = Past },
            })
            .Break("failed.reason", "unspecified", r => r.Failed.Reason = AuctionRound.Types.FailureReason.Unspecified)
            .Break("failed.parties_notified_on", "not a calendar day", r => r.Failed.PartiesNotifiedOn = NotADay),
        new RuleSet<CancelAuctionResultRequest>("CancelAuctionResult", new P.CancelAuctionResult.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Grounds = "Bản án hủy kết quả đấu giá", CancellationDate = Past,
            })
            .Step().Required("grounds", 1000).PastDate("cancellation_date"),
        new RuleSet<ReducePriceRequest>("ReducePrice", new P.ReducePrice.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", AgreedByParties = true, NewStartingPrice = 900_000_000, DecisionNumber = "QĐ-GG-01", DecisionDate = Past,
            })
            .Step().Money("new_starting_price").Required("decision_number", 128).PastDate("decision_date"),
        new RuleSet<RecordBuyerPaymentRequest>("RecordBuyerPayment", new P.RecordBuyerPayment.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Amount = 900_000_000, PaidOn = Past, Reference = "UNC-01",
            })
            .Step().Money("amount").PastDate("paid_on").Required("reference", 128),
        new RuleSet<ExtendBuyerPaymentRequest>("ExtendBuyerPayment", new P.ExtendBuyerPayment.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", NewDueDate = Day(2026, 12, 30), Agreement = "Thỏa thuận gia hạn", AgreementDate = Past,
            })
            .Step().Date("new_due_date").Required("agreement", 512).OptionalPastDate("agreement_date"),
        new RuleSet<RecordBuyerDefaultRequest>("RecordBuyerDefault", new P.RecordBuyerDefault.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", DefaultDate = Past, Reason = "Quá hạn thanh toán",
            })
            .Step().PastDate("default_date").Required("reason", 1000),
        new RuleSet<ScheduleHandoverRequest>("ScheduleHandover", new P.ScheduleHandover.Validator(), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", HandoverDate = Day(2026, 12, 30), ForceMajeure = "",
            })
            .Step().Date("handover_date").Optional("force_majeure", 1000),
        new RuleSet<RecordHandoverRequest>("RecordHandover", new P.RecordHandover.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", HandoverDate = Past, MinutesNumber = "BB-BG-01",
            })
            .Step().PastDate("handover_date").Required("minutes_number", 128),
        new RuleSet<RecordLandDocumentsSentRequest>("RecordLandDocumentsSent", new P.RecordLandDocumentsSent.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", SentOn = Past, LandRegistrationOffice = "Văn phòng đăng ký đất đai Hà Nội",
            })
            .Step().PastDate("sent_on").Required("land_registration_office", 256),
        new RuleSet<AcceptCreditorTakeoverRequest>("AcceptCreditorTakeover", new P.AcceptCreditorTakeover.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", Creditor = APerson(), AcceptedOn = Past, DebtorNotifiedOn = Past,
            })
            .Step()
            .Break("creditor", "missing", r => r.Creditor = null)
            .Break("creditor.full_name", "blank", r => r.Creditor.FullName = "")
            .PastDate("accepted_on").PastDate("debtor_notified_on"),
        new RuleSet<CompleteCreditorTakeoverRequest>("CompleteCreditorTakeover", new P.CompleteCreditorTakeover.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", HandedOverOn = Past, MinutesNumber = "BB-01",
            })
            .Step().PastDate("handed_over_on").Required("minutes_number", 128),
        new RuleSet<RedeemAssetRequest>("RedeemAsset", new P.RedeemAsset.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", PaidOn = Past, ObligationAndCosts = 500_000_000, BidderCostsReimbursed = 0, Reference = "UNC-02",
            })
            .Step().PastDate("paid_on").Money("obligation_and_costs").MoneyOrZero("bidder_costs_reimbursed").Required("reference", 128),
        new RuleSet<RecordDebtorKeepsAssetRequest>("RecordDebtorKeepsAsset", new P.RecordDebtorKeepsAsset.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", PaidOn = Past, ObligationAndCosts = 500_000_000, Reference = "UNC-03",
            })
            .Step().PastDate("paid_on").Money("obligation_and_costs").Required("reference", 128),
        new RuleSet<ReturnToDebtorRequest>("ReturnToDebtor", new P.ReturnToDebtor.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", ReturnedOn = Past, EnforcementCosts = 5_000_000, Reason = "Đấu giá không thành, người được thi hành án không nhận",
            })
            .Step().PastDate("returned_on").Money("enforcement_costs").Required("reason", 1000),
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
