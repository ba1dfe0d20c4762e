using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests;

public sealed class EventFeedTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Events_arrive_in_order_then_live_and_a_reconnect_misses_nothing_and_repeats_nothing()
    {
        var client = service.Seizures();
        var before = (await client.RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var feed = service.Events(Roles.Supervisor, "");

        // First connection: everything so far, then a live event.
        var received = new List<Event>();
        using (var cts = new CancellationTokenSource(Patience))
        using (var call = feed.StreamEvents(new StreamEventsRequest { AfterSequence = 0 }, cancellationToken: cts.Token))
        {
            await ReadUntilAsync(call, received, e => e.Resource == before.Name, cts.Token);
            var live = (await client.RegisterSeizureAsync(TestData.Seizure())).Assets[0];
            await ReadUntilAsync(call, received, e => e.Resource == live.Name, cts.Token);
        }

        // Changes while disconnected, then a reconnect after the last sequence received.
        var missed = (await client.RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        await client.ReleaseSeizureAsync(new ReleaseSeizureRequest { RequestId = Guid.NewGuid().ToString(), Name = missed.Name, Etag = missed.Etag, Reason = "paid" });
        using (var cts = new CancellationTokenSource(Patience))
        using (var call = feed.StreamEvents(new StreamEventsRequest { AfterSequence = received[^1].Sequence }, cancellationToken: cts.Token))
        {
            await ReadUntilAsync(call, received, e => e.Type == "asset.seizure_released" && e.Resource == missed.Name, cts.Token);
        }

        var sequences = received.Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        var registered = received.First(e => e.Resource == before.Name);
        Assert.Equal("asset.seized", registered.Type);
        Assert.Equal(before, registered.Payload.Unpack<Asset>());
        Assert.Equal(TestData.Office, registered.Office);
    }

    [Fact]
    public async Task An_office_sees_only_its_own_events()
    {
        var mine = (await service.Seizures().RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var theirs = (await service.Seizures(Roles.CaseManagement, TestData.OtherOffice).RegisterSeizureAsync(TestData.Seizure(office: TestData.OtherOffice))).Assets[0];

        var received = new List<Event>();
        using var cts = new CancellationTokenSource(Patience);
        using var call = service.Events(Roles.CaseManagement, TestData.OtherOffice).StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token);
        await ReadUntilAsync(call, received, e => e.Resource == theirs.Name, cts.Token);

        Assert.DoesNotContain(received, e => e.Resource == mine.Name);
        Assert.All(received, e => Assert.Equal(TestData.OtherOffice, e.Office));
    }

    private static async Task ReadUntilAsync(AsyncServerStreamingCall<StreamEventsResponse> call, List<Event> into, Func<Event, bool> done, CancellationToken ct)
    {
        while (await call.ResponseStream.MoveNext(ct))
        {
            var e = call.ResponseStream.Current.Event;
            into.Add(e);
            if (done(e))
            {
                return;
            }
        }

        Assert.Fail("The stream ended before the expected event arrived.");
    }
}

/// <summary>Stops its host, so it has a class (and host) of its own.</summary>
public sealed class EventFeedShutdownTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task An_open_stream_ends_unavailable_with_where_to_resume_when_the_service_stops()
    {
        await service.Seizures().RegisterSeizureAsync(TestData.Seizure());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = service.Events(Roles.Supervisor, "").StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));

        service.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("after_sequence = 1", error.Status.Detail, StringComparison.Ordinal);
    }
}
