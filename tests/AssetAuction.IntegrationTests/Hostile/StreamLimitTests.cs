using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Rpc;
using AssetAuction.Service.Limits;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>One caller cannot hold more server streams open than Limits:MaxStreamsPerCaller.</summary>
public sealed class StreamLimitTests : IDisposable
{
    private const int Limit = 3;

    private readonly ServiceFactory _service = new(
        Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
        settings: new Dictionary<string, string> { ["Limits:MaxStreamsPerCaller"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task A_caller_over_its_stream_limit_gets_resource_exhausted_and_its_slot_back_when_a_stream_closes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var feed = _service.Events("supervisor", "");
        var open = new List<AsyncServerStreamingCall<StreamEventsResponse>>();
        for (var i = 0; i < Limit; i++)
        {
            var call = feed.StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token);
            await call.ResponseHeadersAsync;
            open.Add(call);
        }

        var refused = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "TOO_MANY_STREAMS", async () =>
        {
            using var extra = feed.StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token);
            await extra.ResponseStream.MoveNext(cts.Token);
        });
        Assert.Equal(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.GetDetail<ErrorInfo>()!.Metadata["limit"]);

        // Another caller is not affected.
        using (var other = _service.Events("case_management", TestData.Office).StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token))
        {
            await other.ResponseHeadersAsync;
        }

        // Closing one stream frees its slot.
        var quota = _service.Services.GetRequiredService<StreamQuota>();
        open[0].Dispose();
        open.RemoveAt(0);
        AsyncServerStreamingCall<StreamEventsResponse>? again = null;
        while (again is null)
        {
            // Taken before the attempt: a slot given back after it completes this, so a refusal is never waited out.
            var released = quota.NextRelease();
            var attempt = feed.StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token);
            try
            {
                await attempt.ResponseHeadersAsync;
                again = attempt;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                // The server notices the cancellation asynchronously: try again once it has given a slot back.
                attempt.Dispose();
                await released.WaitAsync(cts.Token);
            }
        }

        open.Add(again);
        foreach (var call in open)
        {
            call.Dispose();
        }
    }

    [Fact]
    public async Task Every_slot_is_given_back_when_streams_close_however_they_end()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var quota = _service.Services.GetRequiredService<StreamQuota>();
        var calls = new List<(AsyncServerStreamingCall<StreamEventsResponse> Call, CancellationTokenSource Own)>();
        var channels = new List<Grpc.Net.Client.GrpcChannel>();
        const int callers = 5;
        for (var caller = 0; caller < callers; caller++)
        {
            var channel = _service.Channel(_service.Token("supervisor", subject: $"slot-check-{caller}"));
            channels.Add(channel);
            var feed = new EventService.EventServiceClient(channel);
            for (var i = 0; i < Limit; i++)
            {
                var own = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
                var call = feed.StreamEvents(new StreamEventsRequest(), cancellationToken: own.Token);
                await call.ResponseHeadersAsync;
                calls.Add((call, own));
            }

            await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "TOO_MANY_STREAMS", async () =>
            {
                using var extra = feed.StreamEvents(new StreamEventsRequest(), cancellationToken: cts.Token);
                await extra.ResponseStream.MoveNext(cts.Token);
            });
        }

        // The table holds exactly the open streams, one entry per caller.
        Assert.Equal(callers * Limit, quota.OpenStreams);
        Assert.Equal(callers, quota.Callers);

        // Half end by disposing the call (the client resets the stream), half by cancelling the call's token.
        for (var i = 0; i < calls.Count; i++)
        {
            if (i % 2 == 0)
            {
                calls[i].Call.Dispose();
            }
            else
            {
                await calls[i].Own.CancelAsync();
            }
        }

        // The server notices asynchronously: wait until every slot is back. A slot that leaked keeps this waiting until
        // the test's token gives up, and the test fails.
        await quota.WhenNoneOpenAsync(cts.Token);

        Assert.Equal(0, quota.Callers);
        foreach (var (call, own) in calls)
        {
            call.Dispose();
            own.Dispose();
        }

        channels.ForEach(c => c.Dispose());
    }
}
