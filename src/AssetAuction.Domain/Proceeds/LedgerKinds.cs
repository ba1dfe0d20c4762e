namespace AssetAuction.Domain.Proceeds;

/// <summary>
/// The kinds of ledger transactions that pipeline steps write, each beside the asset's own record of the same
/// money (the sale's payments, the forfeited deposits, the redemption). Reversing one alone would make the two
/// disagree, so ReverseLedgerTransaction refuses them: the money is corrected through the pipeline step that
/// undoes it (a cancelled result, a default), which writes its own balancing movement.
/// </summary>
public static class LedgerKinds
{
    public const string DepositCounted = "deposit_counted";
    public const string BuyerPayment = "buyer_payment";
    public const string DepositForfeited = "deposit_forfeited";
    public const string BuyerRefundDue = "buyer_refund_due";
    public const string Redemption = "redemption";

    /// <summary>Money already held in custody when an asset was imported; not mirrored in the asset, so it may be reversed.</summary>
    public const string OpeningBalance = "opening_balance";

    public static readonly IReadOnlySet<string> WrittenByPipeline = new HashSet<string>(StringComparer.Ordinal)
    {
        DepositCounted, BuyerPayment, DepositForfeited, BuyerRefundDue, Redemption,
    };
}
