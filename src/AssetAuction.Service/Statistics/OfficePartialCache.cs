using System.Collections.Concurrent;
using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Data;

namespace AssetAuction.Service.Statistics;

/// <summary>
/// Each office's figures for a period, kept between reports and recomputed only for the offices that changed.
///
/// Why (measured, README "Statistics: measured speed"): computing a country's year from its facts costs 4-5 s of
/// CPU however the rows are read, while one office costs about 40 ms. A report of many offices is exactly the sum
/// of their partials (<see cref="WorkingYearPartial"/>), so a country's report only has to recompute the offices
/// whose data changed since their partial was computed. Chosen over counters kept up to date by each write:
/// counters cannot follow a back-dated act into a past month, and they would add work to every write.
///
/// When an office has changed: every change to what the report reads is journalled with an event naming its office
/// in the same transaction (<see cref="JournalWatermarks"/>). A partial is stored with the latest event sequence
/// read before its facts were read; it is used only while the office has no later event. So a cached report is
/// always the from-scratch computation of the same data (the test WorkingYearReportCacheTests compares them,
/// including after a back-dated act). Frozen reports are computed from scratch and stored, never taken from here.
///
/// Facts written without an event (the `rebuild-statistics` verb, in its own process) are not seen by a running
/// service: run it before starting the service, or restart it afterwards (the cache lives in the process).
/// </summary>
public sealed class OfficePartialCache
{
    /// <summary>Periods kept (each about 40 KB per office with its durations); the least recently used goes first.</summary>
    private const int MaxPeriods = 24;

    /// <summary>Past this many events since the last country report, recomputing everything is the cheaper way.</summary>
    private const long FullAfterEvents = 100_000;

    private readonly ConcurrentDictionary<(int Year, int Months, ProblemThresholds Thresholds), Entry> _periods = new();
    private long _tick;

    /// <summary>
    /// The partials of <paramref name="offices"/> (null: the country, every office with anything to count), each
    /// as the from-scratch computation would give it now.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, WorkingYearPartial>> GetAsync(AssetAuctionDbContext db, IReadOnlyList<string>? offices, WorkingYear period, ProblemThresholds thresholds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(thresholds);
        var entry = _periods.GetOrAdd((period.Year, period.Months, thresholds), _ => new Entry());
        entry.LastUsed = Interlocked.Increment(ref _tick);
        Evict();

        // Read before any fact: whatever is journalled after this is seen by the next report.
        var head = await JournalWatermarks.LatestAsync(db, ct);
        if (offices is not null)
        {
            return await RefreshAsync(db, entry, [.. offices.Distinct(StringComparer.Ordinal)], period, thresholds, head, country: false, ct);
        }

        // One country refresh at a time per period: a second request waits and then finds the partials fresh.
        await entry.Gate.WaitAsync(ct);
        try
        {
            var mark = entry.CountryMark;
            if (mark < 0 || head - mark > FullAfterEvents)
            {
                var all = await ReadAllAsync(db, entry, period, thresholds, head, ct);
                entry.CountryMark = head;
                return all;
            }

            // The offices known at the last country report, and any named by an event since (a new office).
            var known = entry.Offices.Keys.Union(await JournalWatermarks.OfficesAfterAsync(db, mark, ct), StringComparer.Ordinal).ToList();
            var parts = await RefreshAsync(db, entry, known, period, thresholds, head, country: true, ct);
            entry.CountryMark = head;
            return parts;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Whether the country's partials of <paramref name="period"/> are held (a country report has been computed).</summary>
    public bool HoldsCountry(WorkingYear period, ProblemThresholds thresholds) =>
        _periods.TryGetValue((period.Year, period.Months, thresholds), out var entry) && entry.CountryMark >= 0;

    /// <summary>Forgets every partial (after facts were written without an event, as `rebuild-statistics` does).</summary>
    public void Clear() => _periods.Clear();

    private static async Task<IReadOnlyDictionary<string, WorkingYearPartial>> RefreshAsync(AssetAuctionDbContext db, Entry entry, List<string> offices, WorkingYear period, ProblemThresholds thresholds, long head, bool country, CancellationToken ct)
    {
        var latest = await JournalWatermarks.LatestByOfficeAsync(db, offices, ct);
        var parts = new Dictionary<string, WorkingYearPartial>(StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var office in offices)
        {
            if (entry.Offices.TryGetValue(office, out var stored) && latest.GetValueOrDefault(office) <= stored.Mark)
            {
                parts[office] = stored.Partial;
            }
            else
            {
                stale.Add(office);
            }
        }

        if (stale.Count > 0)
        {
            // Many offices changed: one scan of the whole table beats an index walk per office.
            if (country && stale.Count * 4 > offices.Count)
            {
                return await ReadAllAsync(db, entry, period, thresholds, head, ct);
            }

            foreach (var (office, partial) in await OfficePartialReader.ReadAsync(db, stale, period, thresholds, ct))
            {
                parts[office] = partial;
                Store(entry, office, new Stored(Math.Max(head, latest.GetValueOrDefault(office)), partial));
            }
        }

        return parts;
    }

    private static async Task<IReadOnlyDictionary<string, WorkingYearPartial>> ReadAllAsync(AssetAuctionDbContext db, Entry entry, WorkingYear period, ProblemThresholds thresholds, long head, CancellationToken ct)
    {
        var all = await OfficePartialReader.ReadAsync(db, null, period, thresholds, ct);
        foreach (var (office, partial) in all)
        {
            Store(entry, office, new Stored(head, partial));
        }

        // An office with nothing left to count is not part of the country any more (its partial would add zero).
        foreach (var gone in entry.Offices.Keys.Where(o => !all.ContainsKey(o)).ToList())
        {
            entry.Offices.TryRemove(gone, out _);
        }

        return all;
    }

    /// <summary>Keeps the partial computed at the later watermark (two requests may refresh one office at once).</summary>
    private static void Store(Entry entry, string office, Stored fresh) =>
        entry.Offices.AddOrUpdate(office, fresh, (_, old) => old.Mark > fresh.Mark ? old : fresh);

    private void Evict()
    {
        while (_periods.Count > MaxPeriods)
        {
            var oldest = _periods.MinBy(p => p.Value.LastUsed);
            _periods.TryRemove(oldest.Key, out _);
        }
    }

    private sealed record Stored(long Mark, WorkingYearPartial Partial);

    private sealed class Entry
    {
        public ConcurrentDictionary<string, Stored> Offices { get; } = new(StringComparer.Ordinal);

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>The watermark at which the set of offices was last complete (-1: never).</summary>
        public long CountryMark { get; set; } = -1;

        public long LastUsed { get; set; }
    }
}
