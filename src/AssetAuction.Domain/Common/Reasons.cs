namespace AssetAuction.Domain.Common;

/// <summary>
/// The catalog of the domain's reason codes: every reason a rule of the domain gives, carried to clients in
/// google.rpc.ErrorInfo (and in an import's record outcomes). Each is declared here once and nowhere else; the
/// reasons of the transport and of the service's own operation (request ids, page tokens, etags, roles, limits,
/// the audit chain) are in AssetAuction.Service.Requests.ServiceReasons. Never rename or remove one: clients
/// switch on them, and the unit test ReasonCatalogTests compares both catalogs with a checked-in snapshot.
/// </summary>
public static class Reasons
{
    /// <summary>
    /// The input is wrong: a request's shape (the service's validators), or its content against the thing it is
    /// about (a co-owner the asset does not have). The wire string is the generic one clients already know.
    /// </summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>A date, or a time limit counted from one, falls outside the years the working-day calendar covers.</summary>
    public const string DateBeyondCalendar = "DATE_BEYOND_CALENDAR";

    public const string AssetNotFound = "ASSET_NOT_FOUND";
    public const string AssetAlreadySeized = "ASSET_ALREADY_SEIZED";

    // Pipeline: what is missing or in the way (see Transitions).
    public const string ActionNotAllowed = "ACTION_NOT_ALLOWED";
    public const string AssetClosed = "ASSET_CLOSED";
    public const string ValuationRequired = "VALUATION_REQUIRED";
    public const string AssetAlreadyValued = "ASSET_ALREADY_VALUED";
    public const string AuctionContractRequired = "AUCTION_CONTRACT_REQUIRED";
    public const string AuctionContractAlreadySigned = "AUCTION_CONTRACT_ALREADY_SIGNED";
    public const string AuctionRoundRequired = "AUCTION_ROUND_REQUIRED";
    public const string AuctionRoundScheduled = "AUCTION_ROUND_SCHEDULED";
    public const string PriceReductionRequired = "PRICE_REDUCTION_REQUIRED";
    public const string FailedAuctionRequired = "FAILED_AUCTION_REQUIRED";
    public const string SaleRequired = "SALE_REQUIRED";
    public const string FullPaymentRequired = "FULL_PAYMENT_REQUIRED";
    public const string AlreadyFullyPaid = "ALREADY_FULLY_PAID";
    public const string AssetAlreadySold = "ASSET_ALREADY_SOLD";
    public const string AuctionAlreadyAnnounced = "AUCTION_ALREADY_ANNOUNCED";
    public const string FirstAuctionAlreadyHeld = "FIRST_AUCTION_ALREADY_HELD";
    public const string CreditorTakeoverRequired = "CREDITOR_TAKEOVER_REQUIRED";
    public const string CreditorTakeoverPending = "CREDITOR_TAKEOVER_PENDING";
    public const string HandoverRequired = "HANDOVER_REQUIRED";

    // Pipeline: the law's own limits.
    public const string NoticePeriodTooShort = "NOTICE_PERIOD_TOO_SHORT";
    public const string AuctionWindowExceeded = "AUCTION_WINDOW_EXCEEDED";
    public const string DepositOutOfRange = "DEPOSIT_OUT_OF_RANGE";
    public const string AuctionDateInPast = "AUCTION_DATE_IN_PAST";
    public const string RevaluationNotAllowed = "REVALUATION_NOT_ALLOWED";
    public const string RevaluationWindowClosed = "REVALUATION_WINDOW_CLOSED";
    public const string RevaluationNotRequested = "REVALUATION_NOT_REQUESTED";
    public const string NotCoOwned = "NOT_CO_OWNED";
    public const string RedemptionTooLate = "REDEMPTION_TOO_LATE";
    public const string PriceBelowStartingPrice = "PRICE_BELOW_STARTING_PRICE";
    public const string ReductionTooLarge = "REDUCTION_TOO_LARGE";
    public const string ReductionNotAReduction = "REDUCTION_NOT_A_REDUCTION";
    public const string PartiesStillDeciding = "PARTIES_STILL_DECIDING";
    public const string CreditorTakeoverTooEarly = "CREDITOR_TAKEOVER_TOO_EARLY";
    public const string DebtorPeriodRunning = "DEBTOR_PERIOD_RUNNING";
    public const string DebtorPeriodOver = "DEBTOR_PERIOD_OVER";
    public const string PriceAboveEnforcementCosts = "PRICE_ABOVE_ENFORCEMENT_COSTS";
    public const string PaymentExceedsBalance = "PAYMENT_EXCEEDS_BALANCE";
    public const string ExtensionNotAllowed = "EXTENSION_NOT_ALLOWED";
    public const string PaymentNotYetDue = "PAYMENT_NOT_YET_DUE";
    public const string HandoverBeyondTimeLimit = "HANDOVER_BEYOND_TIME_LIMIT";
    public const string NotLandUseRight = "NOT_LAND_USE_RIGHT";
    public const string OrganizationNotFound = "AUCTION_ORGANIZATION_NOT_FOUND";
    public const string LicenceAlreadyRegistered = "LICENCE_ALREADY_REGISTERED";
    public const string DateBeforePreviousStep = "DATE_BEFORE_PREVIOUS_STEP";
    public const string PaymentPeriodOver = "PAYMENT_PERIOD_OVER";
    public const string DepositNotAsScheduled = "DEPOSIT_NOT_AS_SCHEDULED";
    public const string ReturnTooEarly = "RETURN_TO_DEBTOR_TOO_EARLY";
    public const string NoRuleSetInForce = "NO_RULE_SET_IN_FORCE";
    public const string CoOwnerPriorityPending = "CO_OWNER_PRIORITY_PENDING";

    /// <summary>Another asset of the office already has this source system reference.</summary>
    public const string SourceReferenceExists = "SOURCE_REFERENCE_EXISTS";

    // Proceeds: the input of a distribution (ProceedsValidation).
    public const string ProceedsAssetIdRequired = "PROCEEDS_ASSET_ID_REQUIRED";
    public const string ProceedsAmountNegative = "PROCEEDS_AMOUNT_NEGATIVE";
    public const string ProceedsAmountTooLarge = "PROCEEDS_AMOUNT_TOO_LARGE";
    public const string ProceedsDateRequired = "PROCEEDS_DATE_REQUIRED";
    public const string DecisionAfterPaymentDate = "DECISION_AFTER_PAYMENT_DATE";
    public const string CreditorIdRequired = "CREDITOR_ID_REQUIRED";
    public const string DuplicateCreditorId = "DUPLICATE_CREDITOR_ID";
    public const string ObligationAmountNotPositive = "OBLIGATION_AMOUNT_NOT_POSITIVE";
    public const string ObligationCategoryUnknown = "OBLIGATION_CATEGORY_UNKNOWN";
    public const string RequestAfterPaymentDate = "REQUEST_AFTER_PAYMENT_DATE";
    public const string CollateralInvalid = "COLLATERAL_INVALID";
    public const string ThirdPartySecurityNotOnThisAsset = "THIRD_PARTY_SECURITY_NOT_ON_THIS_ASSET";
    public const string SecuredRanksConflict = "SECURED_RANKS_CONFLICT";
    public const string HousingAmountNotOnlyResidence = "HOUSING_AMOUNT_NOT_ONLY_RESIDENCE";

    // Proceeds: obligations, the money collected, and distribution plans under maker and checker.
    public const string CreditorAlreadyRegistered = "CREDITOR_ALREADY_REGISTERED";
    public const string ProceedsNotCollected = "PROCEEDS_NOT_COLLECTED";
    public const string DistributionPlanNotFound = "DISTRIBUTION_PLAN_NOT_FOUND";
    public const string AssetHasApprovedPlan = "ASSET_HAS_APPROVED_PLAN";
    public const string PreparerCannotApprove = "PREPARER_CANNOT_APPROVE";
    public const string PlanAlreadyApproved = "PLAN_ALREADY_APPROVED";
    public const string PlanNotApproved = "PLAN_NOT_APPROVED";
    public const string PayoutExceedsPlan = "PAYOUT_EXCEEDS_PLAN";
    public const string CreditorNotInPlan = "CREDITOR_NOT_IN_PLAN";
    public const string PayeeAmbiguous = "PAYEE_AMBIGUOUS";
    public const string PlanNotOnMoneyHeld = "PLAN_NOT_ON_MONEY_HELD";
    public const string PlanWithdrawn = "PLAN_WITHDRAWN";
    public const string PlanHasPayouts = "PLAN_HAS_PAYOUTS";

    // Proceeds: the ledger.
    public const string LedgerTransactionNotFound = "LEDGER_TRANSACTION_NOT_FOUND";
    public const string TransactionAlreadyReversed = "TRANSACTION_ALREADY_REVERSED";
    public const string TransactionNotReversible = "TRANSACTION_NOT_REVERSIBLE";
    public const string UnbalancedCorrection = "UNBALANCED_CORRECTION";
    public const string RemittanceExceedsBalance = "REMITTANCE_EXCEEDS_BALANCE";

    // Statistics: the working-year report.
    public const string ProvinceNotFound = "PROVINCE_NOT_FOUND";
    public const string FrozenReportNotFound = "FROZEN_REPORT_NOT_FOUND";
    public const string ReportPeriodNotEnded = "REPORT_PERIOD_NOT_ENDED";
    public const string ReportAlreadyFrozen = "REPORT_ALREADY_FROZEN";
}
