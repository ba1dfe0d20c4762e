using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Events;

/// <summary>The "Events" configuration section.</summary>
public sealed class EventFeedOptions
{
    public const string Section = "Events";

    /// <summary>How often a live stream looks for changes made by other processes on the same database.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows read per query while catching up.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Delivers the events after a sequence, then stays open and delivers new ones as they commit.
/// Sequences are assigned under the journal lock at commit, so reading "greater than the last
/// one sent" never skips an event that commits later.
/// </summary>
public sealed class StreamEvents(AssetAuctionDbContext db, EventSignal signal, IOptions<EventFeedOptions> options, IHostApplicationLifetime lifetime, TimeProvider clock)
{
    public async Task HandleAsync(StreamEventsRequest request, IServerStreamWriter<StreamEventsResponse> stream, RequestContext context)
    {
        // Ends on the client's cancellation and on server shutdown, so shutdown is not held up by open streams.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var ct = stop.Token;
        var caller = context.Caller;
        var last = request.AfterSequence;
        var batchSize = options.Value.BatchSize;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var wake = signal.NextAsync();
                var query = db.Events.AsNoTracking().Where(e => e.Sequence > last);
                if (!caller.IsSupervisor)
                {
                    query = query.Where(e => e.Office == caller.Office);
                }

                var batch = await query.OrderBy(e => e.Sequence).Take(batchSize).ToListAsync(ct);
                foreach (var record in batch)
                {
                    await stream.WriteAsync(new StreamEventsResponse { Event = ToProto(record) }, ct);
                    last = record.Sequence;
                }

                if (batch.Count < batchSize)
                {
                    await Task.WhenAny(wake, Task.Delay(options.Value.PollInterval, clock, ct));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client left: nothing more to say. The service stopping is said below.
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The service is shutting down; reconnect with after_sequence = {last}."));
        }
    }

    private static Event ToProto(EventRecord record) => new()
    {
        Sequence = record.Sequence,
        Type = record.Type,
        Resource = record.Resource,
        Office = record.Office,
        Time = record.Time.ToProto(),
        RequestId = record.RequestId,
        Payload = Any.Parser.ParseFrom(record.Payload),
    };

    public sealed class Validator : AbstractValidator<StreamEventsRequest>
    {
        public Validator() => RuleFor(r => r.AfterSequence).GreaterThanOrEqualTo(0);
    }
}
