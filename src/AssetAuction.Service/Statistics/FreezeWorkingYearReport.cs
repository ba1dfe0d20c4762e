using AssetAuction.Domain.Common;
using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Statistics;

/// <summary>
/// Freezes a report as submitted: its canonical CSV, the SHA-256 of it, who and when. A report can be frozen
/// once its last month has ended in Vietnam, and only once per scope and period.
/// </summary>
public sealed class FreezeWorkingYearReport(ReportBuilder builder, MutationRunner runner, AssetAuction.Service.Data.AssetAuctionDbContext db, TimeProvider clock, IIdGenerator ids)
{
    public const string PeriodNotEnded = Reasons.ReportPeriodNotEnded;
    public const string AlreadyFrozen = Reasons.ReportAlreadyFrozen;
    public const string EventType = EventTypes.StatisticsReportFrozen;

    public Task<V1.FreezeWorkingYearReportResponse> HandleAsync(V1.FreezeWorkingYearReportRequest request, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var scope = builder.Resolve(request.Scope, context.Caller);
            var period = request.Period.ToWorkingYear();
            var now = clock.GetUtcNow();
            var today = VietnamTime.DateAt(now);
            if (period.End >= today)
            {
                throw DomainException.Precondition(PeriodNotEnded, scope.Name, $"The period ends on {period.End:yyyy-MM-dd}; freeze it from the next day.", new Dictionary<string, string> { ["period_end"] = period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            }

            if (await builder.FrozenAsync(scope, period, context.CancellationToken) is { } earlier)
            {
                throw DomainException.Precondition(AlreadyFrozen, scope.Name, "This report was already frozen; read it with GetWorkingYearReport, which shows any difference since.", new Dictionary<string, string> { ["frozen_report"] = earlier.Name, ["digest"] = earlier.Digest });
            }

            // What is frozen is computed from every fact, never from cached partials.
            var report = await builder.BuildAsync(scope, period, context.CancellationToken, fromScratch: true);
            var frozen = new FrozenReport(ids.NewId(now), scope.Name, period, report.Csv, context.Caller.Subject, now);
            db.Add(frozen);
            var info = frozen.ToProto();
            log.Record(EventType, frozen.Name, scope.Office, null, info);
            return new V1.FreezeWorkingYearReportResponse { Report = report.ToProto(), Frozen = info };
        });
    }

    public sealed class Validator : AbstractValidator<V1.FreezeWorkingYearReportRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Scope).SetValidator(new ReportScopeValidator()!).When(r => r.Scope is not null);
            RuleFor(r => r.Period).NotNull().WithMessage("Is required.").SetValidator(new ReportPeriodValidator()!);
        }
    }
}
