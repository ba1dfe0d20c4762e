using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using FluentValidation;

namespace AssetAuction.Service.Seizures;

/// <summary>Releases a seizure (giải tỏa kê biên): the asset leaves the pipeline and may be seized again later.</summary>
public sealed class ReleaseSeizure(AssetAuctionDbContext db, MutationRunner runner, TimeProvider clock)
{
    public const string SeizureReleased = "asset.seizure_released";

    public Task<ReleaseSeizureResponse> HandleAsync(ReleaseSeizureRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var asset = await GetAsset.LoadAsync(db, request.Name, context.Caller, context.CancellationToken);
            context.Caller.EnsureCanChange(asset.Office, asset.Name);
            asset.CheckEtag(request.Etag);
            var before = asset.ToProto();
            asset.ReleaseSeizure(request.Reason.Trim(), clock.GetUtcNow());
            var after = asset.ToProto();
            log.Record(SeizureReleased, asset.Name, asset.Office, before, after);
            return new ReleaseSeizureResponse { Asset = after };
        });

    public sealed class Validator : AbstractValidator<ReleaseSeizureRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).Required(32);
            RuleFor(r => r.Reason).Required(2000);
        }
    }
}
