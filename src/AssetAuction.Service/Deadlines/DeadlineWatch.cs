using System.Runtime.ExceptionServices;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Deadlines;

/// <summary>
/// Notices time limits that are near or passed and reports each once. A report claims its row with one
/// conditional update (set "reported at" where it is still unset and the limit still open); only the
/// process whose update changed the row appends the event and the audit entry, in the same transaction.
/// So a late, repeated or concurrent sweep, in this process or another on the same database, never
/// reports the same thing twice. It only reports: the domain enforces limits when actions happen.
/// </summary>
public sealed class DeadlineWatch(
    AssetAuctionDbContext db,
    GroupCommit commits,
    WorkingDayCalendar calendar,
    TimeProvider clock,
    IOptions<DeadlineWatchOptions> options,
    ILogger<DeadlineWatch> logger)
{
    public const string Approaching = EventTypes.DeadlineApproaching;
    public const string Missed = EventTypes.DeadlineMissed;
    private const string JobName = "job:DeadlineWatch";
    private static readonly Actor System = new("system:deadline-watch", "system", "");

    /// <summary>One sweep: what is overdue, then what is due within the lead time (in working days).</summary>
    public async Task<(int Missed, int Approaching)> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.DateAt(now);
        var leadEnd = calendar.AddWorkingDays(today, options.Value.ReminderLeadWorkingDays);
        var batch = options.Value.BatchSize;

        var overdue = await db.Deadlines.AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && d.DueDate < today && d.OverdueReportedAt == null)
            .OrderBy(d => d.DueDate).ThenBy(d => d.Id).Select(d => d.Id).Take(batch).ToListAsync(ct);
        var missed = 0;
        foreach (var id in overdue)
        {
            missed += await ReportAsync(id, overdueReport: true, today, now, ct) ? 1 : 0;
        }

        var near = await db.Deadlines.AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && d.DueDate >= today && d.DueDate <= leadEnd && d.ReminderReportedAt == null)
            .OrderBy(d => d.DueDate).ThenBy(d => d.Id).Select(d => d.Id).Take(batch).ToListAsync(ct);
        var approaching = 0;
        foreach (var id in near)
        {
            approaching += await ReportAsync(id, overdueReport: false, today, now, ct) ? 1 : 0;
        }

        if (missed + approaching > 0)
        {
            logger.LogInformation("Deadline sweep for {Today}: {Missed} missed, {Approaching} approaching reported", today, missed, approaching);
        }

        return (missed, approaching);
    }

    /// <summary>
    /// One report, written like any mutation: decided inside a write batch (the claim must see every commit before
    /// it), with its audit entry and event, in its own savepoint. A claim that finds the row already reported
    /// writes nothing.
    /// </summary>
    private async Task<bool> ReportAsync(string id, bool overdueReport, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = false;
        db.ChangeTracker.Clear();
        var result = await commits.CommitAsync(new PendingWrite
        {
            Db = db,
            Actor = System,
            Rpc = JobName,
            RequestId = $"{(overdueReport ? "missed" : "approaching")}:{id}",
            CancellationToken = ct,
            DecideInBatch = async token =>
            {
                // The claim: exactly one process changes this row; the others see 0 rows and move on.
                var open = db.Deadlines.Where(d => d.Id == id && d.State == DeadlineState.Open);
                var changed = overdueReport
                    ? await open.Where(d => d.OverdueReportedAt == null && d.DueDate < today).ExecuteUpdateAsync(s => s.SetProperty(d => d.OverdueReportedAt, now), token)
                    : await open.Where(d => d.ReminderReportedAt == null).ExecuteUpdateAsync(s => s.SetProperty(d => d.ReminderReportedAt, now), token);
                if (changed == 0)
                {
                    return new Decision([], null);
                }

                claimed = true;
                var deadline = await db.Deadlines.AsNoTracking().SingleAsync(d => d.Id == id, token);

                // The asset's view shows the time limit's report time: the claim changed the row without the asset.
                await AssetViews.RemakeAsync(db, deadline.AssetId, token);
                var report = deadline.ToProto();
                return new Decision([JournalWriter.Format(new Change(overdueReport ? Missed : Approaching, report.Name, deadline.Office, null, report))], null);
            },
        });
        if (result.Outcome != WriteOutcome.Committed)
        {
            ExceptionDispatchInfo.Throw(result.Error ?? new InvalidOperationException($"Reporting time limit {id} ended {result.Outcome}."));
        }

        return claimed;
    }
}
