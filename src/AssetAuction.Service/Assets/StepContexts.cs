using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Rules;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Assets;

/// <summary>Builds the domain's <see cref="StepContext"/>: the rule book, the calendar, the clock, the caller, new ids.</summary>
public sealed class StepContexts(RuleBook rules, WorkingDayCalendar calendar, TimeProvider clock, IIdGenerator ids, IOptions<StepOptions> options)
{
    public StepContext For(RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        return new StepContext(rules, calendar, now, request.Caller.Subject, () => ids.NewId(now))
        {
            RecordedLateAfterWorkingDays = Math.Max(0, options.Value.RecordedLateAfterWorkingDays),
        };
    }
}
