using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Statistics;

/// <summary>
/// Where the event feed stands, overall and per office. Every change that moves a figure of a report (an asset's
/// fact, a time limit, a debt, a ledger posting) is written with an event naming the office, in the same
/// transaction, and event sequences are taken under the journal's write lock, so they are gap-free and in commit
/// order. So an office whose latest event is at or before a sequence read earlier has not changed since.
/// </summary>
internal static class JournalWatermarks
{
    /// <summary>The latest event's sequence (0 before the first).</summary>
    public static async Task<long> LatestAsync(AssetAuctionDbContext db, CancellationToken ct) =>
        await db.Events.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;

    /// <summary>The offices named by events after <paramref name="after"/> (a range of the primary key).</summary>
    public static Task<List<string>> OfficesAfterAsync(AssetAuctionDbContext db, long after, CancellationToken ct) =>
        db.Events.Where(e => e.Sequence > after).Select(e => e.Office).Distinct().ToListAsync(ct);

    /// <summary>
    /// Each office's latest event sequence (0 if it has none): one seek per office on the (Office, Sequence) index,
    /// in one statement.
    /// </summary>
    public static async Task<Dictionary<string, long>> LatestByOfficeAsync(AssetAuctionDbContext db, IReadOnlyCollection<string> offices, CancellationToken ct)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(offices);
        var sql = db.Database.IsSqlite()
            ? "SELECT o.value AS Office, (SELECT MAX(e.Sequence) FROM Events e WHERE e.Office = o.value) AS Sequence FROM json_each({0}) AS o"
            : "SELECT o.[value] AS Office, (SELECT MAX(e.Sequence) FROM Events e WHERE e.Office = o.[value]) AS Sequence FROM OPENJSON({0}) AS o";
        var rows = await db.Database.SqlQueryRaw<OfficeSequence>(sql, json).ToListAsync(ct);
        var latest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            latest[row.Office] = row.Sequence ?? 0;
        }

        return latest;
    }

    internal sealed class OfficeSequence
    {
        public string Office { get; set; } = "";

        public long? Sequence { get; set; }
    }
}
