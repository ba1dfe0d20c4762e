using AssetAuction.Contracts.V1;
using AssetAuction.Service.Statistics;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class StatisticsGrpcService(IServiceProvider services) : StatisticsService.StatisticsServiceBase
{
    public override Task<GetWorkingYearReportResponse> GetWorkingYearReport(GetWorkingYearReportRequest request, ServerCallContext context) =>
        services.GetRequiredService<Statistics.GetWorkingYearReport>().HandleAsync(request, context.ToRequestContext());

    public override Task<FreezeWorkingYearReportResponse> FreezeWorkingYearReport(FreezeWorkingYearReportRequest request, ServerCallContext context) =>
        services.GetRequiredService<Statistics.FreezeWorkingYearReport>().HandleAsync(request, context.ToRequestContext());

    public override Task<ExportWorkingYearReportResponse> ExportWorkingYearReport(ExportWorkingYearReportRequest request, ServerCallContext context) =>
        services.GetRequiredService<Statistics.ExportWorkingYearReport>().HandleAsync(request, context.ToRequestContext());

    public override Task<ListOfficesResponse> ListOffices(ListOfficesRequest request, ServerCallContext context) =>
        services.GetRequiredService<Statistics.ListOffices>().HandleAsync(request);
}
