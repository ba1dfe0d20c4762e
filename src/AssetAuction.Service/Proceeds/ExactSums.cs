using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Requests;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Proceeds;

/// <summary>
/// Sums of ledger amounts that cannot overflow, in the database and in memory. The database adds each amount's
/// high and low halves separately (amount / 2^32 and amount % 2^32, both truncating toward zero on SQLite and
/// SQL Server, so high * 2^32 + low == amount exactly); each half's sum stays inside int64 for billions of rows,
/// and the two are joined in Int128. A plain SUM would fail with an integer overflow once a scope's postings add
/// up past 9.2 x 10^18, and then every later report of that scope would fail too.
/// </summary>
internal static class ExactSums
{
    public const long Split = 1L << 32;

    public const string BalanceOutOfRange = ServiceReasons.BalanceOutOfRange;

    public static Int128 Join(long high, long low) => ((Int128)high * Split) + low;

    /// <summary>The exact sum of the entries' amounts, added up in the database.</summary>
    public static async Task<Int128> SumExactAsync(this IQueryable<LedgerEntry> entries, CancellationToken ct)
    {
        var parts = await entries.GroupBy(e => 1)
            .Select(g => new { High = g.Sum(e => e.Amount / Split), Low = g.Sum(e => e.Amount % Split) })
            .FirstOrDefaultAsync(ct);
        return parts is null ? Int128.Zero : Join(parts.High, parts.Low);
    }

    /// <summary>The exact balance of each account (and creditor) of the entries, added up in the database.</summary>
    public static async Task<Dictionary<(LedgerAccount Account, string CreditorId), Int128>> BalancesExactAsync(this IQueryable<LedgerEntry> entries, CancellationToken ct)
    {
        var rows = await entries.GroupBy(e => new { e.Account, e.CreditorId })
            .Select(g => new { g.Key.Account, g.Key.CreditorId, High = g.Sum(e => e.Amount / Split), Low = g.Sum(e => e.Amount % Split) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.Account, r.CreditorId), r => Join(r.High, r.Low));
    }

    public static Int128 Of(IEnumerable<long> amounts) => amounts.Aggregate(Int128.Zero, (sum, amount) => sum + amount);

    /// <summary>
    /// An exact sum as an int64 field of the API. Bounded postings and balances keep every real scope far inside
    /// int64; a sum beyond it would need thousands of assets each holding 10^15 dong, and is refused clearly.
    /// </summary>
    public static long ToDong(Int128 value, string what) =>
        value >= long.MinValue && value <= long.MaxValue
            ? (long)value
            : throw DomainException.Precondition(BalanceOutOfRange, what, $"{what} is {value} dong, beyond what the API can carry; ask for a narrower scope (an asset or a case).");
}
