using AssetAuction.Contracts.V1;
using AssetAuction.Service.Events;
using AssetAuction.Service.Security;
using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AssetAuction.Service.Organizations;

/// <summary>Pushes each new, postponed, suspended, cancelled or decided round of the caller's organization.</summary>
public sealed class StreamAuctionRounds(EventTail tail)
{
    public async Task HandleAsync(StreamAuctionRoundsRequest request, IServerStreamWriter<StreamAuctionRoundsResponse> stream, RequestContext context)
    {
        var organization = context.Caller.Organization;
        try
        {
            await foreach (var record in tail.FollowAsync(request.AfterSequence, e => e.Organization == organization && e.Type.StartsWith(EventTypes.RoundPrefix), context.CancellationToken))
            {
                var round = Any.Parser.ParseFrom(record.Payload).Unpack<AuctionRound>();
                await stream.WriteAsync(new StreamAuctionRoundsResponse { Sequence = record.Sequence, Type = record.Type, Round = round }, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client left.
        }
    }

    public sealed class Validator : AbstractValidator<StreamAuctionRoundsRequest>
    {
        public Validator() => RuleFor(r => r.AfterSequence).GreaterThanOrEqualTo(0);
    }
}
