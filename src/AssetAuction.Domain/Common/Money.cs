namespace AssetAuction.Domain.Common;

/// <summary>
/// Bounds on amounts of dong. Every money field of the API and every ledger posting is at most
/// <see cref="Max"/> in size: 10^15 dong (a thousand trillion, about 40 billion US dollars), far above any
/// asset or claim the agencies report, and far enough inside int64 (9.2 x 10^18) that sums over thousands of
/// postings cannot overflow. A balance of one account of one asset is kept within the same bound by every
/// write except a reversal (which only undoes an accepted transaction and must always be possible).
/// </summary>
public static class Money
{
    public const long Max = 1_000_000_000_000_000;

    public static bool IsWithinBounds(long amount) => amount is >= -Max and <= Max;
}
