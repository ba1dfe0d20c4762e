namespace AssetAuction.Domain.Statistics;

/// <summary>How an asset left the office's hands. Stored as numbers: append, never renumber.</summary>
public enum AssetOutcome
{
    /// <summary>Still in the pipeline.</summary>
    None = 0,

    /// <summary>Sold (at auction or to a co-owner), paid in full and handed over to the buyer (ND62 27.3).</summary>
    SoldAndPaid = 1,

    /// <summary>Handed to the creditor to offset the debt (LTHADS 104.2).</summary>
    TakenByCreditor = 2,

    /// <summary>The debtor paid the obligation and costs and took it back (LTHADS 101.5; or during a takeover).</summary>
    Redeemed = 3,

    /// <summary>Returned to the debtor: the price fell to the costs and the creditor refused it (LTHADS 104.3).</summary>
    ReturnedToDebtor = 4,

    /// <summary>The seizure was released (giải tỏa kê biên).</summary>
    Released = 5,
}

/// <summary>Where an asset still in the office's hands stands at a day, by the legal dates of its acts.</summary>
public enum AssetStage
{
    /// <summary>Seized, price not yet known.</summary>
    AwaitingValuation = 1,

    /// <summary>Priced: auction contract, rounds, reductions, or a creditor takeover under way.</summary>
    AwaitingSale = 2,

    /// <summary>Sold: the buyer's payment is awaited.</summary>
    AwaitingPayment = 3,

    /// <summary>Paid in full: the hand-over is awaited.</summary>
    AwaitingHandover = 4,
}
