using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Deadlines;

/// <summary>After each sweep of the deadline watch: what it reported, and the overdue time limits per office.</summary>
public sealed class DeadlineMetrics(AssetAuctionDbContext db, TimeProvider clock)
{
    public async Task RecordSweepAsync(int missed, int approaching, CancellationToken ct)
    {
        AssetAuctionMetrics.DeadlineSweeps.Add(1);
        AssetAuctionMetrics.DeadlinesReported.Add(missed, new KeyValuePair<string, object?>("outcome", "missed"));
        AssetAuctionMetrics.DeadlinesReported.Add(approaching, new KeyValuePair<string, object?>("outcome", "approaching"));

        var today = VietnamTime.DateAt(clock.GetUtcNow());
        var overdue = await db.Deadlines.AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && d.DueDate < today)
            .GroupBy(d => d.Office)
            .Select(g => new { Office = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Office, g => g.Count, ct);
        AssetAuctionMetrics.SetOverdue(overdue);
    }
}
