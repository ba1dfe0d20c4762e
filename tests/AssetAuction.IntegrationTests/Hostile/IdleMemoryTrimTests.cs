using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Limits;
using AssetAuction.Service.Memory;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>
/// After a load of streams, the idle service gives memory back once (Memory:TrimWhenIdle). What is measured here is
/// that the trim runs, on the fake clock, and only once per load; how much memory it returns is measured by the
/// benchmarks' streams probe, never in a test.
/// </summary>
public sealed class IdleMemoryTrimTests : IDisposable
{
    private static readonly TimeSpan IdleBeforeTrim = TimeSpan.FromSeconds(20);

    private readonly ServiceFactory _service = new(
        Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
        settings: new Dictionary<string, string>
        {
            ["Limits:MaxStreamsPerCaller"] = "2",
            ["Memory:TrimWhenIdle"] = "true",
            ["Memory:IdleBeforeTrim"] = IdleBeforeTrim.ToString(),
            // Any request is load, and any memory is worth giving back: the test decides when the service is busy.
            ["Memory:IdleRequestsPerMinute"] = "0",
            ["Memory:TrimMinimumGrowthBytes"] = "0",
            ["Memory:MinTimeBetweenTrims"] = "00:00:00",
        });

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task The_service_trims_once_when_idle_after_its_streams_closed_and_not_again_while_idle()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var trim = _service.Services.GetRequiredService<IdleMemoryTrim>();
        var quota = _service.Services.GetRequiredService<StreamQuota>();
        Assert.Equal(0, trim.Trims);
        // A BackgroundService starts in the background: a move of the clock before its timer exists would be lost.
        await trim.TimerStarted.WaitAsync(cts.Token);

        // The load: streams of several callers, one more than the limit refused.
        var channels = new List<Grpc.Net.Client.GrpcChannel>();
        var calls = new List<AsyncServerStreamingCall<StreamEventsResponse>>();
        for (var caller = 0; caller < 3; caller++)
        {
            var channel = _service.Channel(_service.Token("supervisor", subject: $"trim-{caller}"));
            channels.Add(channel);
            var feed = new EventService.EventServiceClient(channel);
            for (var i = 0; i < 2; i++)
            {
                var call = feed.StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token);
                await call.ResponseHeadersAsync;
                calls.Add(call);
            }

            await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, StreamQuota.Reason, async () =>
            {
                using var extra = feed.StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token);
                await extra.ResponseStream.MoveNext(cts.Token);
            });
        }

        // While the streams are open and requests keep coming, time passes without a trim.
        for (var i = 0; i < 10; i++)
        {
            using (var more = new EventService.EventServiceClient(channels[0]).StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token))
            {
                await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, StreamQuota.Reason, () => more.ResponseStream.MoveNext(cts.Token));
            }

            await AdvanceOneCheckAsync(trim, cts.Token);
        }

        Assert.Equal(0, trim.Trims);

        calls.ForEach(c => c.Dispose());
        channels.ForEach(c => c.Dispose());

        // The server gives a slot back when it notices its stream ended, asynchronously.
        await quota.WhenNoneOpenAsync(cts.Token);

        // Idle: the trim comes after IdleBeforeTrim (a stream's end is counted when its request has finished, a
        // moment after its slot is given back, so the idle period may start one check later: no count of checks
        // is asserted). If it never came, the test's token would end the loop and the test would fail.
        while (trim.Trims == 0)
        {
            await AdvanceOneCheckAsync(trim, cts.Token);
        }

        Assert.Equal(1, trim.Trims);

        // Idle on for an hour of checks: nothing more to give back until another load.
        for (var i = 0; i < 3600 / IdleMemoryTrim.CheckInterval.TotalSeconds; i++)
        {
            await AdvanceOneCheckAsync(trim, cts.Token);
        }

        Assert.Equal(1, trim.Trims);
    }

    /// <summary>Moves the fake clock by one check interval and waits (no time asserted) until the trim service has checked.</summary>
    private async Task AdvanceOneCheckAsync(IdleMemoryTrim trim, CancellationToken ct)
    {
        var checks = trim.Checks;
        _service.Clock.Advance(IdleMemoryTrim.CheckInterval);
        await trim.WhenCheckedAsync(checks, ct);
    }
}
