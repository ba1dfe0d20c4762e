using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Telemetry;
using Grpc.Core;

namespace AssetAuction.IntegrationTests;

/// <summary>Traces carry the request_id and office; calls are counted by method and status; readiness reports the database and migrations.</summary>
public sealed class TelemetryTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_call_is_counted_by_method_and_status_and_its_span_carries_request_id_and_office()
    {
        var calls = new ConcurrentBag<(string Method, int Status)>();
        using var meters = CountCalls(calls);

        var spans = new ConcurrentBag<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);

        var request = TestData.Seizure();
        await service.Seizures().RegisterSeizureAsync(request);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => service.Seizures().GetAssetAsync(new GetAssetRequest { Name = "assets/0000000000000000000000000000" }).ResponseAsync);

        Assert.Contains(("/assetauction.v1.SeizureService/RegisterSeizure", 0), calls);
        Assert.Contains(("/assetauction.v1.SeizureService/GetAsset", (int)StatusCode.NotFound), calls);
        var span = Assert.Single(spans, s => (string?)s.GetTagItem("assetauction.request_id") == request.RequestId);
        Assert.Equal(TestData.Office, span.GetTagItem("assetauction.office"));
    }

    [Fact]
    public async Task A_bidirectional_streaming_call_is_counted_too()
    {
        var calls = new ConcurrentBag<(string Method, int Status)>();
        using var meters = CountCalls(calls);

        // A dry run of one record: ImportAssets streams records in and progress out, and answers OK.
        var record = BacklogRecords.Record(1, TestData.Office, "auctionOrganizations/0000000000000000000000000000", "TEL" + TestData.Unique());
        await ImportClient.RunAsync(ImportClient.Client(service), ImportClient.Options(dryRun: true), [record]);

        Assert.Contains(("/assetauction.v1.AssetImportService/ImportAssets", 0), calls);
    }

    [Fact]
    public async Task Readiness_reports_the_database_and_the_migrations()
    {
        using var ready = await service.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("migrations").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_fails_while_migrations_are_pending_and_liveness_does_not()
    {
        var path = Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db");
        using var unmigrated = new ServiceFactory(path, settings: new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });

        using var ready = await unmigrated.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var migrations = report.RootElement.GetProperty("checks").GetProperty("migrations");
        Assert.Equal("Unhealthy", migrations.GetProperty("status").GetString());
        Assert.Contains("pending", migrations.GetProperty("description").GetString(), StringComparison.Ordinal);

        using var live = await unmigrated.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>Listens to the service's call counter: each call's method and final status go into <paramref name="calls"/>.</summary>
    private static MeterListener CountCalls(ConcurrentBag<(string Method, int Status)> calls)
    {
        var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AssetAuctionMetrics.MeterName && instrument.Name == "assetauction.rpc.calls")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            calls.Add(((string)values["rpc.method"]!, (int)values["rpc.grpc.status_code"]!));
        });
        meters.Start();
        return meters;
    }
}
