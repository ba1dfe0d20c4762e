using AssetAuction.Service.Assets;
using AssetAuction.Service.Audit;
using AssetAuction.Service.Backlog;
using AssetAuction.Service.Data;
using AssetAuction.Service.Deadlines;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Limits;
using AssetAuction.Service.Memory;
using AssetAuction.Service.Operations;
using AssetAuction.Service.Organizations;
using AssetAuction.Service.Pipeline;
using AssetAuction.Service.Proceeds;
using AssetAuction.Service.Rest;
using AssetAuction.Service.Rules;
using AssetAuction.Service.Security;
using AssetAuction.Service.Seizures;
using AssetAuction.Service.Statistics;
using AssetAuction.Service.Telemetry;

// The table of contents of the service; each area registers itself in its Add<Area>() method.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRuleSets(builder.Environment.ContentRootPath);
if (StartupSettings.Problem(builder.Configuration, builder.Environment, args) is { } problem)
{
    await Console.Error.WriteLineAsync($"The service could not start: {problem}");
    return 1;
}

// Every registration is checked when the container is built (a handler whose dependency is missing fails the start,
// not its first call), and no scoped service may be resolved from the root, in every environment.
builder.Host.UseDefaultServiceProvider(o =>
{
    o.ValidateOnBuild = true;
    o.ValidateScopes = true;
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAssetAuctionRules(builder.Configuration);
builder.Services.AddAssetAuctionData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAssetAuctionSecurity(builder.Configuration, builder.Environment, requireSettings: Commands.NeedsAuthSettings(args));
// The REST face first: its AddGrpc() would otherwise bring back the package's method provider that the gRPC
// setup replaces with the malformed-message guard, and every method would be bound twice.
builder.Services.AddAssetAuctionRest();
builder.Services.AddAssetAuctionGrpc();
builder.Services.AddAssetAuctionLimits(builder.Configuration);
builder.Services.AddAssetAuctionMemory(builder.Configuration);
builder.Services.AddOperations();
builder.Services.AddJournal();
builder.Services.AddAudit(builder.Configuration);
builder.Services.AddEvents(builder.Configuration);
builder.Services.AddAssets();
builder.Services.AddSeizures();
builder.Services.AddPipeline();
builder.Services.AddOrganizations();
builder.Services.AddProceeds(builder.Configuration);
builder.AddDeadlines();
builder.Services.AddStatistics(builder.Configuration);
builder.Services.AddBacklog(builder.Configuration);
builder.AddAssetAuctionTelemetry();

var app = builder.Build();

// Operator commands (migrate, verify-audit, mint-token) run and exit without serving.
if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

var database = app.Services.GetRequiredService<DatabaseOptions>();
app.Logger.LogInformation("Database: {Database}", DataSetup.Describe(database, app.Environment.ContentRootPath));
app.Logger.LogInformation("Auth: {Auth}", SecuritySetup.Describe(app.Services.GetRequiredService<AuthOptions>()));
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<SeizureGrpcService>();
app.MapGrpcService<AssetImportGrpcService>();
app.MapGrpcService<AuditGrpcService>();
app.MapGrpcService<EventGrpcService>();
app.MapGrpcService<PipelineGrpcService>();
app.MapGrpcService<AuctionOrganizationGrpcService>();
app.MapGrpcService<DeadlineGrpcService>();
app.MapGrpcService<ProceedsGrpcService>();
app.MapGrpcService<StatisticsGrpcService>();
app.MapAssetAuctionGrpc();
app.MapAssetAuctionRest();
app.MapAssetAuctionTelemetry();
var started = false;
app.Lifetime.ApplicationStarted.Register(() => started = true);
try
{
    if (database.MigrateOnStartup)
    {
        await DatabaseMigrator.MigrateAsync(app.Services);
    }

    await app.RunAsync();
}
catch (Exception e) when (!started)
{
    // An unreachable database (the migration, or Quartz's clustered store validating its tables at start):
    // exit 1 with the cause in the log, for the orchestrator to restart the process, instead of aborting on an
    // unhandled exception. The database's own error first, because Quartz wraps "cannot connect" in a schema message.
    app.Logger.LogCritical(e, "The service could not start: {Reason}", StartupFailure.Reason(e));
    return 1;
}

return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
