using AssetAuction.Domain.Common;
using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Security;
using AssetAuction.Service.Grpc;
using FluentValidation;
using Google.Protobuf;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Statistics;

/// <summary>A report (recomputed, or the frozen copy) as a CSV or .xlsx file.</summary>
public sealed class ExportWorkingYearReport(ReportBuilder builder)
{
    public const string FrozenNotFound = Reasons.FrozenReportNotFound;

    public async Task<V1.ExportWorkingYearReportResponse> HandleAsync(V1.ExportWorkingYearReportRequest request, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var scope = builder.Resolve(request.Scope, context.Caller);
        var period = request.Period.ToWorkingYear();
        return await ExportAsync(builder, scope, period, request.Format, request.Frozen, context.CancellationToken);
    }

    /// <summary>Shared with the `report` command.</summary>
    public static async Task<V1.ExportWorkingYearReportResponse> ExportAsync(ReportBuilder builder, ResolvedScope scope, WorkingYear period, V1.ExportWorkingYearReportRequest.Types.Format format, bool frozen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(scope);
        string csv;
        if (frozen)
        {
            var copy = await builder.FrozenAsync(scope, period, ct) ?? throw Domain.Common.DomainException.NotFound(FrozenNotFound, $"{scope.Name} {period.Key}");
            csv = copy.Csv;
        }
        else
        {
            csv = (await builder.BuildAsync(scope, period, ct)).Csv;
        }

        var digest = ReportLines.Digest(csv);
        return format == V1.ExportWorkingYearReportRequest.Types.Format.Csv
            ? new V1.ExportWorkingYearReportResponse { FileName = ReportWorkbook.FileName(scope.Name, period, "csv"), ContentType = ReportWorkbook.CsvContentType, Content = ByteString.CopyFrom(ReportWorkbook.Csv(csv)), Digest = digest }
            : new V1.ExportWorkingYearReportResponse { FileName = ReportWorkbook.FileName(scope.Name, period, "xlsx"), ContentType = ReportWorkbook.XlsxContentType, Content = ByteString.CopyFrom(ReportWorkbook.Xlsx(scope.Name, period, digest, ReportLines.ParseCsv(csv))), Digest = digest };
    }

    public sealed class Validator : AbstractValidator<V1.ExportWorkingYearReportRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Scope).SetValidator(new ReportScopeValidator()!).When(r => r.Scope is not null);
            RuleFor(r => r.Period).NotNull().WithMessage("Is required.").SetValidator(new ReportPeriodValidator()!);
            RuleFor(r => r.Format).IsDefinedValue().NotEqual(V1.ExportWorkingYearReportRequest.Types.Format.Unspecified).WithMessage("Choose FORMAT_CSV or FORMAT_XLSX.");
        }
    }
}
