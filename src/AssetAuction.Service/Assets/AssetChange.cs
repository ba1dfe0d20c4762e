using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Security;
using Proto = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Assets;

/// <summary>
/// One change to one asset, as a pipeline RPC tells it: <see cref="LoadAsync"/> the asset the caller may act on
/// (at the etag the client read), let the domain decide on it with <see cref="Step"/>, then <see cref="Record"/>
/// what happened: its money movements on the ledger, and an audit entry and event for the asset and for each
/// round it touched (so auction organizations see their rounds change). The response is built from what Record returns.
/// </summary>
public sealed class AssetChange
{
    private readonly AssetAuctionDbContext _db;
    private readonly LedgerWriter _ledger;
    private readonly ChangeLog _log;
    private readonly RequestContext _context;
    private readonly Proto.IVersionedRequest _request;
    private readonly Func<Asset, bool>? _mayAct;
    private Proto.Asset? _before;
    private Dictionary<string, Proto.AuctionRound> _roundsBefore = [];

    internal AssetChange(AssetAuctionDbContext db, LedgerWriter ledger, ChangeLog log, RequestContext context, Proto.IVersionedRequest request, StepContext step, Func<Asset, bool>? mayAct)
    {
        _db = db;
        _ledger = ledger;
        _log = log;
        _context = context;
        _request = request;
        _mayAct = mayAct;
        Step = step;
    }

    /// <summary>The rule book, calendar, clock and caller the domain decides with.</summary>
    public StepContext Step { get; }

    public CancellationToken CancellationToken => _context.CancellationToken;

    /// <summary>
    /// The asset named by the request, tracked: NOT_FOUND when the caller may not see it (or, with a custom
    /// rule, may not act on it), PERMISSION_DENIED when it may see but not change it, ABORTED ETAG_MISMATCH when
    /// it moved on since the client read it.
    /// </summary>
    public async Task<Asset> LoadAsync()
    {
        var asset = await AssetReads.LoadAsync(_db, _request.Name, _context.Caller, CancellationToken, visible: _mayAct);
        if (_mayAct is null)
        {
            _context.Caller.EnsureCanChange(asset.Office, asset.Name);
        }

        ConcurrentChangeException.EnsureEtag(
            asset.Etag,
            _request.Etag,
            "The asset changed since you read it; read it again and retry with the new etag.",
            new Dictionary<string, string> { ["asset"] = asset.Name, ["current_etag"] = asset.Etag });
        await AssetDerivedRows.PreloadAsync(_db, asset.Id, CancellationToken);
        _before = asset.ToProto();
        _roundsBefore = asset.Rounds.ToDictionary(r => r.Id, r => r.ToProto(asset.Description));
        return asset;
    }

    /// <summary>Records what happened to <paramref name="asset"/> (<paramref name="eventType"/>, one of <see cref="EventTypes"/>); returns the asset as the response shows it.</summary>
    public Proto.Asset Record(Asset asset, string eventType)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (_before is null)
        {
            throw new InvalidOperationException("Record a change only to an asset read with LoadAsync.");
        }

        foreach (var movement in asset.TakeMovements())
        {
            _ledger.Write(movement, asset.Office, asset.Id, asset.CaseNumber);
        }

        var after = asset.ToProto();
        _log.Serialized(asset, asset.Version, after); // serialised once, for the view and the response
        _log.Record(eventType, asset.Name, asset.Office, _before, after);
        foreach (var round in asset.Rounds)
        {
            var now = round.ToProto(asset.Description);
            var old = _roundsBefore.GetValueOrDefault(round.Id);
            if (!now.Equals(old))
            {
                _log.Record(EventTypes.OfRound(round, isNew: old is null), now.Name, asset.Office, old, now, round.OrganizationId);
            }
        }

        return after;
    }
}
