namespace AssetAuction.Domain.Assets;

/// <summary>Where a seized asset stands. Values are stored and sent as numbers: append, never renumber.</summary>
public enum AssetState
{
    /// <summary>Seized, waiting for valuation.</summary>
    Seized = 1,

    /// <summary>Seizure released; left the pipeline.</summary>
    Released = 2,

    /// <summary>Starting price known; waiting for the auction contract (co-owners may buy now).</summary>
    Valued = 3,

    /// <summary>Auction contract signed (or price reduced, or a sale undone): a round can be scheduled.</summary>
    ReadyForAuction = 4,

    /// <summary>A round is scheduled (possibly postponed or suspended).</summary>
    AuctionScheduled = 5,

    /// <summary>The last round failed: a price reduction (or the creditor taking the asset) comes next.</summary>
    AuctionFailed = 6,

    /// <summary>Sold (at auction or to a co-owner): waiting for the buyer's full payment.</summary>
    Sold = 7,

    /// <summary>Fully paid: waiting for the hand-over.</summary>
    Paid = 8,

    /// <summary>Handed over to the buyer: the sale is closed.</summary>
    HandedOver = 9,

    /// <summary>The debtor paid the obligation and costs and took the asset back; left the pipeline.</summary>
    Redeemed = 10,

    /// <summary>The creditor agreed to take the asset; the debtor's time to pay and keep it runs.</summary>
    CreditorTakeoverPending = 11,

    /// <summary>Handed to the creditor to offset the debt; closed.</summary>
    TakenByCreditor = 12,

    /// <summary>Price at or below the enforcement costs and the creditor refused: back to the debtor, who may not trade it.</summary>
    ReturnedToDebtor = 13,
}

public static class AssetStates
{
    /// <summary>States in which the asset has left the pipeline for good (an array, so database queries can use it).</summary>
    public static IReadOnlyList<AssetState> Closed { get; } =
        [AssetState.Released, AssetState.HandedOver, AssetState.Redeemed, AssetState.TakenByCreditor, AssetState.ReturnedToDebtor];

    /// <summary>Whether the asset has left the pipeline for good.</summary>
    public static bool IsClosed(this AssetState state) => Closed.Contains(state);
}
