namespace AssetAuction.Domain.Proceeds;

/// <summary>Stable reason codes for the distribution of proceeds. Never rename one: clients switch on them.</summary>
public static class ProceedsReasons
{
    public const string AssetIdRequired = "PROCEEDS_ASSET_ID_REQUIRED";
    public const string AmountNegative = "PROCEEDS_AMOUNT_NEGATIVE";
    public const string AmountTooLarge = "PROCEEDS_AMOUNT_TOO_LARGE";
    public const string DateRequired = "PROCEEDS_DATE_REQUIRED";
    public const string DecisionAfterPayment = "DECISION_AFTER_PAYMENT_DATE";
    public const string CreditorIdRequired = "CREDITOR_ID_REQUIRED";
    public const string DuplicateCreditorId = "DUPLICATE_CREDITOR_ID";
    public const string OwedNotPositive = "OBLIGATION_AMOUNT_NOT_POSITIVE";
    public const string UnknownCategory = "OBLIGATION_CATEGORY_UNKNOWN";
    public const string RequestAfterPayment = "REQUEST_AFTER_PAYMENT_DATE";
    public const string CollateralInvalid = "COLLATERAL_INVALID";
    public const string ThirdPartySecurityElsewhere = "THIRD_PARTY_SECURITY_NOT_ON_THIS_ASSET";
    public const string SecuredRanksConflict = "SECURED_RANKS_CONFLICT";
    public const string HousingNotOnlyResidence = "HOUSING_AMOUNT_NOT_ONLY_RESIDENCE";
}
