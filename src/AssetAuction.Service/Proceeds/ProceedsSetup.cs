using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Limits;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Proceeds;

internal static class ProceedsSetup
{
    /// <summary>The proceeds of a sale: obligations, distribution plans, the ledger, bank statements and reconciliation.</summary>
    public static IServiceCollection AddProceeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<LedgerWriter>();
        services.AddSingleton<IDataConversion, LegacyPlans>();
        services.AddScoped<RegisterObligation>();
        services.AddScoped<ListObligations>();
        services.AddScoped<ComputeDistribution>();
        services.AddScoped<PrepareDistributionPlan>();
        services.AddScoped<ApproveDistributionPlan>();
        services.AddScoped<WithdrawDistributionPlan>();
        services.AddScoped<RecordPayout>();
        services.AddScoped<GetDistributionPlan>();
        services.AddScoped<GetLedgerBalances>();
        services.AddScoped<ListLedgerEntries>();
        services.AddScoped<ReverseLedgerTransaction>();
        services.AddScoped<RecordLedgerCorrection>();
        services.AddScoped<RecordRemittance>();
        services.AddScoped<ImportStatement>();
        services.AddScoped<GetReconciliationReport>();
        services.AddOptions<StatementImportOptions>()
            .Bind(configuration.GetSection(StatementImportOptions.Section))
            .Validate(o => o.ChunkLines is > 0 and <= 50_000, $"{StatementImportOptions.Section}:ChunkLines must be from 1 to 50000.")
            .ValidateOnStart();
        services.AddScoped<ProceedsGrpcService>();

        // A bank statement travels in one ImportStatement message; the other services keep the general limit.
        services.AddOptions<GrpcServiceOptions<ProceedsGrpcService>>().Configure<IOptions<ServerLimitsOptions>>((grpc, limits) =>
            grpc.MaxReceiveMessageSize = Math.Max(limits.Value.MaxStatementMessageBytes, limits.Value.MaxRequestMessageBytes));
        return services;
    }
}
