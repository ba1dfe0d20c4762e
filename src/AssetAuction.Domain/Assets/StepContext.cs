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

    /// <summary>The last day of <paramref name="period"/> counted from the day after <paramref name="eventDay"/>.</summary>
    public DateOnly Due(Period period, DateOnly eventDay) => period.EndAfter(eventDay, Calendar);
}
