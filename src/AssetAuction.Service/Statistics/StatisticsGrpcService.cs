using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using Grpc.Core;

namespace AssetAuction.Service.Statistics;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class StatisticsGrpcService(
    GetWorkingYearReport getWorkingYearReport,
    FreezeWorkingYearReport freezeWorkingYearReport,
    ExportWorkingYearReport exportWorkingYearReport,
    ListOffices listOffices)
    : StatisticsService.StatisticsServiceBase
{
    public override Task<GetWorkingYearReportResponse> GetWorkingYearReport(GetWorkingYearReportRequest request, ServerCallContext context) =>
        getWorkingYearReport.HandleAsync(request, context.ToRequestContext());

    public override Task<FreezeWorkingYearReportResponse> FreezeWorkingYearReport(FreezeWorkingYearReportRequest request, ServerCallContext context) =>
        freezeWorkingYearReport.HandleAsync(request, context.ToRequestContext());

    public override Task<ExportWorkingYearReportResponse> ExportWorkingYearReport(ExportWorkingYearReportRequest request, ServerCallContext context) =>
        exportWorkingYearReport.HandleAsync(request, context.ToRequestContext());

    public override Task<ListOfficesResponse> ListOffices(ListOfficesRequest request, ServerCallContext context) =>
        listOffices.HandleAsync(request);
}
