using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Rules;

namespace AssetAuction.Domain.Assets;

/// <summary>What every pipeline step needs from outside the domain: the law, the calendar, the time, who acts, new ids.</summary>
public sealed record StepContext(RuleBook Rules, WorkingDayCalendar Calendar, DateTimeOffset Now, string Actor, Func<string> NewId)
{
    /// <summary>Today's legal date in Vietnam.</summary>
    public DateOnly Today => VietnamTime.DateAt(Now);

    /// <summary>The rule set that judges an act done on <paramref name="actDate"/>.</summary>
    public RuleSet RulesOn(DateOnly actDate) => Rules.InForceOn(actDate);

    /// <summary>
    /// An act keyed in more than this many working days after its legal date is marked recorded late (configuration:
    /// Deadlines:RecordedLateAfterWorkingDays). Our reading: officers key acts in within a few days; the inspectors set the bar.
    /// </summary>
    public int RecordedLateAfterWorkingDays { get; init; } = 5;

    /// <summary>
    /// The import (imports/{id}) the acts are taken in by, from the office's previous system; null when they are
    /// keyed in here. Its acts' history lines say so, and are never marked recorded late.
    /// </summary>
    public string? Import { get; init; }

    /// <summary>True when an act of <paramref name="legalDate"/>, recorded today, is recorded late (never an imported one).</summary>
    public bool IsRecordedLate(DateOnly legalDate) => Import is null && legalDate < Today && Today > Calendar.AddWorkingDays(legalDate, RecordedLateAfterWorkingDays);

    /// <summary>The last day of <paramref name="period"/> counted from the day after <paramref name="eventDay"/>.</summary>
    public DateOnly Due(Period period, DateOnly eventDay) => period.EndAfter(eventDay, Calendar);
}
