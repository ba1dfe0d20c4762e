using System.Linq.Expressions;
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
        var everyOffice = caller.IsSupervisor;

        // A former name selects the events of its new names (see EventTypes.Renamed); stored events carry only current names.
        var types = request.EventTypes.SelectMany(EventTypes.Selected).Distinct().ToList();
        // Four plain filters rather than one with flags in it, so the query stays the one the indexes serve.
        Expression<Func<EventRecord, bool>> filter = (everyOffice, types.Count == 0) switch
        {
            (true, true) => e => true,
            (false, true) => e => e.Office == office,
            (true, false) => e => types.Contains(e.Type),
            (false, false) => e => e.Office == office && types.Contains(e.Type),
        };
        var events = tail.FollowAsync(request.AfterSequence, filter, context.CancellationToken);
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
        public Validator()
        {
            RuleFor(r => r.AfterSequence).GreaterThanOrEqualTo(0);
            RuleForEach(r => r.EventTypes).Must(EventTypes.IsKnown).WithMessage("Must be an event type the feed publishes (the README lists them), or a former name still accepted.");
        }
    }
}
