using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Telemetry;

/// <summary>After each sweep of the deadline watch: what it reported, and the overdue time limits per office.</summary>
internal static class DeadlineMetrics
{
    public static async Task RecordSweepAsync(IServiceProvider services, int missed, int approaching, CancellationToken ct)
    {
        AssetAuctionMetrics.DeadlineSweeps.Add(1);
        AssetAuctionMetrics.DeadlinesReported.Add(missed, new KeyValuePair<string, object?>("outcome", "missed"));
        AssetAuctionMetrics.DeadlinesReported.Add(approaching, new KeyValuePair<string, object?>("outcome", "approaching"));

        var today = VietnamTime.DateAt(services.GetRequiredService<TimeProvider>().GetUtcNow());
        var overdue = await services.GetRequiredService<AssetAuctionDbContext>().Deadlines.AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && d.DueDate < today)
            .GroupBy(d => d.Office)
            .Select(g => new { Office = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Office, g => g.Count, ct);
        AssetAuctionMetrics.SetOverdue(overdue);
    }
}
