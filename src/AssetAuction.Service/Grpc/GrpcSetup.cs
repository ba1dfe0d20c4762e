using AssetAuction.Service.Audit;
using AssetAuction.Service.Events;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Operations;
using AssetAuction.Service.Security;
using AssetAuction.Service.Seizures;
using FluentValidation;

namespace AssetAuction.Service.Grpc;

internal static class GrpcSetup
{
    public static IServiceCollection AddAssetAuctionGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        // Interceptors run in this order: errors are mapped outermost, then the role check, then validation.
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<ExceptionInterceptor>();
            o.Interceptors.Add<AuthorizationInterceptor>();
            o.Interceptors.Add<ValidationInterceptor>();
        });
        services.AddMalformedMessageGuard();
        services.AddGrpcReflection();
        // "" (readiness) includes the database; "liveness" only says the process answers,
        // so an orchestrator does not restart every pod during a database outage.
        services.AddGrpcHealthChecks(o => o.Services.Map("liveness", r => r.Tags.Contains("live")))
            .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<DatabaseHealthCheck>("database");
        // Singletons: their rules are built once; they depend on nothing but the clock.
        services.AddValidatorsFromAssemblyContaining<ValidationInterceptor>(ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<EventSignal>();
        services.AddSingleton<GroupCommit>();
        services.AddScoped<MutationRunner>();
        services.Configure<EventFeedOptions>(configuration.GetSection(EventFeedOptions.Section));

        // Handlers: one class per RPC.
        services.AddScoped<RegisterSeizure>();
        services.AddScoped<GetAsset>();
        services.AddScoped<ListAssets>();
        services.AddScoped<ReleaseSeizure>();
        services.AddScoped<Backlog.ImportAssets>();
        services.AddSingleton<Backlog.ImportActs>();
        services.AddSingleton<Backlog.ImportRecordCheck>();
        services.AddSingleton<Backlog.ImportChunkWriter>();
        services.AddScoped<ListAuditEntries>();
        services.AddScoped<AuditChainVerifier>();
        services.AddAuditCheckpoints(configuration);
        services.AddScoped<StreamEvents>();
        services.AddSingleton<Pipeline.StepContexts>();
        services.AddScoped<Pipeline.AssetSteps>();
        services.AddScoped<Pipeline.RecordValuation>();
        services.AddScoped<Pipeline.RequestRevaluation>();
        services.AddScoped<Pipeline.RecordRevaluation>();
        services.AddScoped<Pipeline.RecordCoOwnerOffer>();
        services.AddScoped<Pipeline.SignAuctionContract>();
        services.AddScoped<Pipeline.ScheduleAuctionRound>();
        services.AddScoped<Pipeline.PostponeAuctionRound>();
        services.AddScoped<Pipeline.SuspendAuctionRound>();
        services.AddScoped<Pipeline.CancelAuctionRound>();
        services.AddScoped<Pipeline.RedeemAsset>();
        services.AddScoped<Pipeline.RecordAuctionResult>();
        services.AddScoped<Pipeline.ReducePrice>();
        services.AddScoped<Pipeline.AcceptCreditorTakeover>();
        services.AddScoped<Pipeline.RecordDebtorKeepsAsset>();
        services.AddScoped<Pipeline.CompleteCreditorTakeover>();
        services.AddScoped<Pipeline.ReturnToDebtor>();
        services.AddScoped<Pipeline.RecordBuyerPayment>();
        services.AddScoped<Pipeline.ExtendBuyerPayment>();
        services.AddScoped<Pipeline.RecordBuyerDefault>();
        services.AddScoped<Pipeline.CancelAuctionResult>();
        services.AddScoped<Pipeline.ScheduleHandover>();
        services.AddScoped<Pipeline.RecordHandover>();
        services.AddScoped<Pipeline.RecordLandDocumentsSent>();
        services.AddScoped<Organizations.CreateAuctionOrganization>();
        services.AddScoped<Organizations.GetAuctionOrganization>();
        services.AddScoped<Organizations.ListAuctionOrganizations>();
        services.AddScoped<Organizations.ListAuctionRounds>();
        services.AddScoped<Organizations.StreamAuctionRounds>();
        services.AddScoped<EventTail>();
        services.AddHostedService<EventWatermark>();
        services.AddScoped<Proceeds.RegisterObligation>();
        services.AddScoped<Proceeds.ListObligations>();
        services.AddScoped<Proceeds.ComputeDistribution>();
        services.AddScoped<Proceeds.PrepareDistributionPlan>();
        services.AddScoped<Proceeds.ApproveDistributionPlan>();
        services.AddScoped<Proceeds.WithdrawDistributionPlan>();
        services.AddScoped<Proceeds.RecordPayout>();
        services.AddScoped<Proceeds.GetDistributionPlan>();
        services.AddScoped<Proceeds.LedgerWriter>();
        services.AddScoped<Proceeds.GetLedgerBalances>();
        services.AddScoped<Proceeds.ListLedgerEntries>();
        services.AddScoped<Proceeds.ReverseLedgerTransaction>();
        services.AddScoped<Proceeds.ImportStatement>();
        services.AddOptions<Proceeds.StatementImportOptions>()
            .Bind(configuration.GetSection(Proceeds.StatementImportOptions.Section))
            .Validate(o => o.ChunkLines is > 0 and <= 50_000, $"{Proceeds.StatementImportOptions.Section}:ChunkLines must be from 1 to 50000.")
            .ValidateOnStart();
        services.AddScoped<Proceeds.RecordLedgerCorrection>();
        services.AddScoped<Proceeds.RecordRemittance>();
        services.AddScoped<Proceeds.GetReconciliationReport>();
        return services;
    }

    public static WebApplication MapAssetAuctionGrpc(this WebApplication app)
    {
        app.MapGrpcService<SeizureGrpcService>();
        app.MapGrpcService<AssetImportGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<EventGrpcService>();
        app.MapGrpcService<PipelineGrpcService>();
        app.MapGrpcService<AuctionOrganizationGrpcService>();
        app.MapGrpcService<DeadlineGrpcService>();
        app.MapGrpcService<ProceedsGrpcService>();
        app.MapGrpcService<StatisticsGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
