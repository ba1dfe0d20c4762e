using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Statistics;

/// <summary>Computes a working-year report for a scope; if it was frozen, shows what changed since.</summary>
public sealed class GetWorkingYearReport(ReportBuilder builder)
{
    public async Task<V1.GetWorkingYearReportResponse> HandleAsync(V1.GetWorkingYearReportRequest request, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var scope = builder.Resolve(request.Scope, context.Caller);
        var period = request.Period.ToWorkingYear();
        var report = await builder.BuildAsync(scope, period, context.CancellationToken);
        var response = new V1.GetWorkingYearReportResponse { Report = report.ToProto() };
        if (await builder.FrozenAsync(scope, period, context.CancellationToken) is { } frozen)
        {
            response.Frozen = frozen.ToProto();
            response.DifferencesFromFrozen.Add(ReportLines.Differences(ReportLines.ParseCsv(frozen.Csv), report.Lines)
                .Select(d => new V1.FigureDifference { Group = d.Group, Key = d.Key, FrozenValue = d.Frozen, CurrentValue = d.Current }));
        }

        return response;
    }

    public sealed class Validator : AbstractValidator<V1.GetWorkingYearReportRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Scope).SetValidator(new ReportScopeValidator()!).When(r => r.Scope is not null);
            RuleFor(r => r.Period).NotNull().WithMessage("Is required.").SetValidator(new ReportPeriodValidator()!);
        }
    }
}
