using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AssetAuction.Service.Events;

/// <summary>The event feed for other enforcement systems, scoped by office (supervisors: every office).</summary>
public sealed class StreamEvents(EventTail tail)
{
    public async Task HandleAsync(StreamEventsRequest request, IServerStreamWriter<StreamEventsResponse> stream, RequestContext context)
    {
        var caller = context.Caller;
        var office = caller.Office;
        var events = caller.IsSupervisor
            ? tail.FollowAsync(request.AfterSequence, e => true, context.CancellationToken)
            : tail.FollowAsync(request.AfterSequence, e => e.Office == office, context.CancellationToken);
        try
        {
            await foreach (var record in events)
            {
                await stream.WriteAsync(new StreamEventsResponse { Event = ToProto(record) }, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client left.
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
