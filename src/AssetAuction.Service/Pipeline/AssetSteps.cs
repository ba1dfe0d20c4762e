using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Seizures;
using Google.Protobuf;
using Proto = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>
/// What every pipeline RPC does around its domain step: load the asset the caller may act on, check the
/// etag, run the step, and record the change (audit entry and event) for the asset and for each round it
/// touched, so auction organizations see their rounds change. All inside the mutation's transaction.
/// </summary>
public sealed class AssetSteps(AssetAuctionDbContext db, MutationRunner runner, StepContexts steps, Proceeds.LedgerWriter ledger)
{
    public Task<TResponse> RunAsync<TRequest, TResponse>(
        TRequest request,
        RequestContext context,
        PipelineAction action,
        Action<Asset, StepContext> step,
        Func<Proto.Asset, TResponse> respond,
        Func<Asset, bool>? mayAct = null,
        Func<Asset, CancellationToken, Task>? guard = null)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(respond);
        var fields = request.Descriptor.Fields;
        string Field(string name) => (string)fields[name].Accessor.GetValue(request);
        return runner.RunAsync(context, request, Field("request_id"), async log =>
        {
            var asset = await GetAsset.LoadAsync(db, Field("name"), context.Caller, context.CancellationToken, visible: mayAct);
            if (mayAct is null)
            {
                context.Caller.EnsureCanChange(asset.Office, asset.Name);
            }

            asset.CheckEtag(Field("etag"));
            if (guard is not null)
            {
                await guard(asset, context.CancellationToken);
            }

            var before = asset.ToProto();
            var roundsBefore = asset.Rounds.ToDictionary(r => r.Id, r => r.ToProto(asset.Description));

            step(asset, steps.For(context));
            foreach (var movement in asset.TakeMovements())
            {
                ledger.Write(movement, asset.Office, asset.Id, asset.CaseNumber);
            }

            var after = asset.ToProto();
            log.Record("asset." + EventNames.Of(action), asset.Name, asset.Office, before, after);
            foreach (var round in asset.Rounds)
            {
                var now = round.ToProto(asset.Description);
                var old = roundsBefore.GetValueOrDefault(round.Id);
                if (!now.Equals(old))
                {
                    log.Record(EventNames.OfRound(round, isNew: old is null), now.Name, asset.Office, old, now, round.OrganizationId);
                }
            }

            return respond(after);
        });
    }
}

/// <summary>Event type names on the feed: "asset.valuation_recorded", "auction_round.postponed", ...</summary>
public static class EventNames
{
    public static string Of(PipelineAction action) => System.Text.RegularExpressions.Regex.Replace(action.ToString(), "(?<!^)([A-Z])", "_$1").ToLowerInvariant();

    public static string OfRound(AuctionRound round, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(round);
        return "auction_round." + (isNew ? "scheduled" : round.State switch
        {
            AuctionRoundState.Scheduled => "postponed",
            AuctionRoundState.Suspended => "suspended",
            AuctionRoundState.Cancelled => "cancelled",
            AuctionRoundState.Sold => "sold",
            _ => "failed",
        });
    }
}
