using System.Net.Http.Headers;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Security;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>
/// The real service host in memory, on its own real SQLite file, with a fake clock.
/// One per test class (xunit class fixture), so every class has its own database.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    public const string TestSigningKey = "integration-test-signing-key-0123456789abcdef";
    public const string Issuer = "assetauction-test";
    public const string Audience = "assetauction";

    /// <summary>Monday 2026-11-23 10:00 in Vietnam, plus sub-millisecond ticks: instants must survive storage to the tick.</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public ServiceFactory()
        : this(Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"))
    {
    }

    /// <summary>A host on a given database file: a second process on the same database, or a restart.</summary>
    internal ServiceFactory(string databasePath, DateTimeOffset? start = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        DatabasePath = databasePath;
        Clock = new FakeTimeProvider(start ?? Start);
        _settings = settings ?? new Dictionary<string, string>();
    }

    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly TestOutputLogs _logs = new();

    /// <summary>Leave the database file behind on dispose (another host still uses it).</summary>
    public bool KeepDatabase { get; init; }

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; }

    public AuthOptions Auth { get; } = new() { Issuer = Issuer, Audience = Audience, SigningKey = TestSigningKey };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Auth:Issuer", Issuer);
        builder.UseSetting("Auth:Audience", Audience);
        builder.UseSetting("Auth:SigningKey", TestSigningKey);

        // Test tokens live a year, so a test may move the fake clock by months without minting new ones.
        builder.UseSetting("Auth:MaxTokenLifetime", "400.00:00:00");
        builder.UseSetting("Events:PollInterval", "00:00:00.200");

        // Only the start-up sweep runs by itself; tests call the deadline watch when they want a sweep.
        builder.UseSetting("Deadlines:SweepInterval", "1.00:00:00");

        // Tests move the fake clock by days after a few calls, which the idle trim would take for a load followed by
        // idleness, and run a full collection each time; IdleMemoryTrimTests turns it on.
        builder.UseSetting("Memory:TrimWhenIdle", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(_logs));
    }

    /// <summary>Sends the host's log lines to <paramref name="output"/> (the running test's) until another test attaches.</summary>
    public TestLog LogTo(ITestOutputHelper output) => _logs.Attach(output);

    public string Token(string role, string office = "", string organization = "", string? subject = null) =>
        TokenMinter.Mint(Auth, subject ?? $"test-{role}-{office}{organization}", role, office, organization, Clock.GetUtcNow(), TimeSpan.FromDays(365));

    /// <summary>A gRPC channel over the in-memory server; with a token, every call carries it as a bearer header.</summary>
    public GrpcChannel Channel(string? token) => ChannelTo(this, token);

    /// <summary>A channel to any in-memory host (this one, or one derived with WithWebHostBuilder).</summary>
    public static GrpcChannel ChannelTo(WebApplicationFactory<Program> host, string? token)
    {
        ArgumentNullException.ThrowIfNull(host);
        var handler = new BearerHandler(token) { InnerHandler = host.Server.CreateHandler() };
        return GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public SeizureService.SeizureServiceClient Seizures(string role = Roles.CaseManagement, string office = TestData.Office) =>
        new(Channel(Token(role, office)));

    public AuditService.AuditServiceClient Audit(string role = Roles.Supervisor, string office = "") =>
        new(Channel(Token(role, office)));

    public EventService.EventServiceClient Events(string role, string office) =>
        new(Channel(Token(role, office)));

    /// <summary>Runs one sweep of the deadline watch now, as the Quartz job would.</summary>
    public async Task<(int Missed, int Approaching)> SweepDeadlinesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AssetAuction.Service.Deadlines.DeadlineWatch>().SweepAsync(CancellationToken.None);
    }

    /// <summary>Direct database access for assertions (what was written) and tampering tests.</summary>
    public async Task<T> WithDbAsync<T>(Func<AssetAuctionDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (KeepDatabase)
        {
            return;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(DatabasePath + suffix);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS temp cleaner.
            }
        }
    }

    internal sealed class BearerHandler(string? token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
