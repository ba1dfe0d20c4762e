namespace AssetAuction.Domain.Common;

/// <summary>Stable reason codes carried in google.rpc.ErrorInfo. Never rename one: clients switch on them.</summary>
public static class Reasons
{
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";
    public const string EtagMismatch = "ETAG_MISMATCH";
    public const string ConcurrentModification = "CONCURRENT_MODIFICATION";
    public const string RoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string OfficeNotAllowed = "OFFICE_NOT_ALLOWED";
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
}
