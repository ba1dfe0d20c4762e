using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Proto = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Assets;

/// <summary>
/// Runs a pipeline RPC's change to one asset through the write path (<see cref="MutationRunner"/>). A step
/// decides on the asset alone, whose version is checked at commit, so it is decided before the write lock; a
/// step that also reads other rows (the plans on the asset's money) says so with <c>readsBeyondAsset</c> and is
/// decided inside the write batch, in turn.
/// </summary>
public sealed class AssetSteps(AssetAuctionDbContext db, MutationRunner runner, StepContexts steps, LedgerWriter ledger)
{
    public Task<TResponse> ChangeAsync<TRequest, TResponse>(
        TRequest request,
        RequestContext context,
        Func<AssetChange, Task<TResponse>> change,
        Func<Asset, bool>? mayAct = null,
        bool readsBeyondAsset = false)
        where TRequest : IMessage<TRequest>, Proto.IVersionedRequest
        where TResponse : IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(change);
        Task<TResponse> Decide(ChangeLog log) => change(new AssetChange(db, ledger, log, context, request, steps.For(context), mayAct));
        return readsBeyondAsset
            ? runner.RunAsync(context, request, request.RequestId, Decide)
            : runner.RunOptimisticallyAsync(context, request, Decide);
    }
}
