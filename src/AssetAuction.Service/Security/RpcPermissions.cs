using AssetAuction.Contracts.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace AssetAuction.Service.Security;

/// <summary>
/// Which roles may call which RPC: the one table of it. An RPC missing here is refused to
/// everyone (a unit test checks every RPC of every service is listed). Office scoping is
/// checked by each handler against the resource it touches.
/// </summary>
public static class RpcPermissions
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [Path(SeizureService.Descriptor, "RegisterSeizure")] = [Roles.CaseManagement],
        [Path(SeizureService.Descriptor, "GetAsset")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor],
        [Path(SeizureService.Descriptor, "ListAssets")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor],
        [Path(SeizureService.Descriptor, "ReleaseSeizure")] = [Roles.CaseManagement],
        [Path(AssetImportService.Descriptor, "ImportAssets")] = [Roles.CaseManagement],
        [Path(AuditService.Descriptor, "ListAuditEntries")] = [Roles.Supervisor],
        [Path(AuditService.Descriptor, "VerifyAuditChain")] = [Roles.Supervisor],
        [Path(AuditService.Descriptor, "ExportAuditCheckpoint")] = [Roles.Supervisor],
        [Path(EventService.Descriptor, "StreamEvents")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor],

        // The pipeline: the office's case management system acts; an auction organization records its own rounds' results.
        [Path(PipelineService.Descriptor, "RecordValuation")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RequestRevaluation")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RecordRevaluation")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RecordCoOwnerOffer")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "SignAuctionContract")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "ScheduleAuctionRound")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "PostponeAuctionRound")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "SuspendAuctionRound")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "CancelAuctionRound")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RedeemAsset")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RecordAuctionResult")] = [Roles.CaseManagement, Roles.AuctionOrganization],
        [Path(PipelineService.Descriptor, "ReducePrice")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "AcceptCreditorTakeover")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RecordDebtorKeepsAsset")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "CompleteCreditorTakeover")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "ReturnToDebtor")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RecordBuyerPayment")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "ExtendBuyerPayment")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RecordBuyerDefault")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "CancelAuctionResult")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "ScheduleHandover")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RecordHandover")] = [Roles.CaseManagement],
        [Path(PipelineService.Descriptor, "RecordLandDocumentsSent")] = [Roles.CaseManagement],

        [Path(AuctionOrganizationService.Descriptor, "CreateAuctionOrganization")] = [Roles.CaseManagement, Roles.Supervisor],
        [Path(AuctionOrganizationService.Descriptor, "GetAuctionOrganization")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor, Roles.AuctionOrganization],
        [Path(AuctionOrganizationService.Descriptor, "ListAuctionOrganizations")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor],
        [Path(AuctionOrganizationService.Descriptor, "ListAuctionRounds")] = [Roles.AuctionOrganization, Roles.Supervisor],
        [Path(AuctionOrganizationService.Descriptor, "StreamAuctionRounds")] = [Roles.AuctionOrganization],

        [Path(DeadlineService.Descriptor, "ListDeadlines")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor],
        [Path(DeadlineService.Descriptor, "ListBacklog")] = [Roles.CaseManagement, Roles.Supervisor],

        [Path(ProceedsService.Descriptor, "RegisterObligation")] = [Roles.CaseManagement],
        [Path(ProceedsService.Descriptor, "ListObligations")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor],
        [Path(ProceedsService.Descriptor, "ComputeDistribution")] = [Roles.Finance, Roles.CaseManagement, Roles.Supervisor],
        [Path(ProceedsService.Descriptor, "PrepareDistributionPlan")] = [Roles.Finance],
        [Path(ProceedsService.Descriptor, "ApproveDistributionPlan")] = [Roles.Finance],
        [Path(ProceedsService.Descriptor, "WithdrawDistributionPlan")] = [Roles.Finance],
        [Path(ProceedsService.Descriptor, "RecordPayout")] = [Roles.Finance],
        [Path(ProceedsService.Descriptor, "GetDistributionPlan")] = [Roles.Finance, Roles.CaseManagement, Roles.Supervisor],
        [Path(ProceedsService.Descriptor, "GetLedgerBalances")] = [Roles.Finance, Roles.Supervisor],
        [Path(ProceedsService.Descriptor, "ListLedgerEntries")] = [Roles.Finance, Roles.Supervisor],
        [Path(ProceedsService.Descriptor, "ReverseLedgerTransaction")] = [Roles.Finance],
        [Path(ProceedsService.Descriptor, "ImportStatement")] = [Roles.Finance],
        [Path(ProceedsService.Descriptor, "RecordLedgerCorrection")] = [Roles.Finance],
        [Path(ProceedsService.Descriptor, "RecordRemittance")] = [Roles.Finance],
        [Path(ProceedsService.Descriptor, "GetReconciliationReport")] = [Roles.Finance, Roles.Supervisor],

        // Working-year statistics: an office's staff read their own office; supervisors read any scope and freeze.
        [Path(StatisticsService.Descriptor, "GetWorkingYearReport")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor],
        [Path(StatisticsService.Descriptor, "ExportWorkingYearReport")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor],
        [Path(StatisticsService.Descriptor, "FreezeWorkingYearReport")] = [Roles.Supervisor],
        [Path(StatisticsService.Descriptor, "ListOffices")] = [Roles.CaseManagement, Roles.Finance, Roles.Supervisor],
    };

    /// <summary>The services whose RPCs this table governs.</summary>
    public static readonly IReadOnlyList<ServiceDescriptor> Services = [SeizureService.Descriptor, AssetImportService.Descriptor, AuditService.Descriptor, EventService.Descriptor, PipelineService.Descriptor, AuctionOrganizationService.Descriptor, DeadlineService.Descriptor, ProceedsService.Descriptor, StatisticsService.Descriptor];

    public static IReadOnlyCollection<string> RolesFor(string method) =>
        Allowed.TryGetValue(method, out var roles) ? roles : [];

    public static bool IsListed(string method) => Allowed.ContainsKey(method);

    /// <summary>The gRPC method path, "/package.Service/Method", as ServerCallContext.Method gives it.</summary>
    public static string Path(ServiceDescriptor service, string method)
    {
        ArgumentNullException.ThrowIfNull(service);
        return $"/{service.FullName}/{service.FindMethodByName(method)?.Name ?? throw new ArgumentException($"{service.FullName} has no RPC {method}", nameof(method))}";
    }
}
