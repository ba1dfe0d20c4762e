using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Organizations;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Requests;
using FluentValidation;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Backlog;

/// <summary>
/// The acts an import replays, each exactly as its own RPC does it: checked by the RPC's validator (so a field
/// path and message are the ones a client of that RPC would get), then applied by the RPC's own Apply function.
/// One switch, so an act added to <see cref="V1.ImportAct"/> without a line here fails loudly, never silently.
/// </summary>
public sealed class ImportActs(IServiceProvider services)
{
    /// <summary>Stands in for the request_id and etag the import does not carry: the act is judged on its other fields.</summary>
    private const string PlaceholderRequestId = "00000000-0000-4000-8000-000000000000";

    /// <summary>The act's request message, or null when the act names none.</summary>
    public static IMessage? MessageOf(V1.ImportAct act)
    {
        ArgumentNullException.ThrowIfNull(act);
        return act.ActCase == V1.ImportAct.ActOneofCase.None ? null : (IMessage)FieldOf(act)!.Accessor.GetValue(act);
    }

    /// <summary>The act's field in <see cref="V1.ImportAct"/> ("record_valuation"), for field paths.</summary>
    public static FieldDescriptor? FieldOf(V1.ImportAct act)
    {
        ArgumentNullException.ThrowIfNull(act);
        return V1.ImportAct.Descriptor.Oneofs[0].Accessor.GetCaseFieldDescriptor(act);
    }

    /// <summary>What the act's RPC validator says of it (paths relative to the act's message), judged on a new asset named <paramref name="assetName"/>.</summary>
    public IReadOnlyList<FieldViolation> Validate(IMessage message, string assetName)
    {
        ArgumentNullException.ThrowIfNull(message);
        var copy = message.Descriptor.Parser.ParseFrom(message.ToByteString());
        // Every act names one asset at an etag (the RPC's validator requires both); the import names the asset itself.
        if (copy is not V1.IVersionedRequest versioned)
        {
            throw new InvalidOperationException($"Import act {copy.Descriptor.Name} is not a request on a versioned resource.");
        }

        versioned.RequestId = PlaceholderRequestId;
        versioned.Name = assetName;
        versioned.Etag = "1";
        // The one lookup by type left: which validator applies is known only from the act the record holds (24 kinds),
        // and taking it from the container makes it the very instance the act's RPC is validated with.
        var validatorType = typeof(IValidator<>).MakeGenericType(copy.GetType());
        if (services.GetService(validatorType) is not IValidator validator)
        {
            return [];
        }

        var result = validator.Validate(new ValidationContext<object>(copy));
        return [.. result.Errors.Select(e => new FieldViolation(ProtoFieldPath.FromPropertyPath(copy.Descriptor, e.PropertyName), e.ErrorMessage))];
    }

    /// <summary>
    /// Applies the act to <paramref name="asset"/> as its RPC would. <paramref name="organizations"/> holds the
    /// auction organizations the import's contracts name (by resource name).
    /// </summary>
    public static void Apply(Asset asset, V1.ImportAct act, StepContext step, IReadOnlyDictionary<string, AuctionOrganization> organizations)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(act);
        ArgumentNullException.ThrowIfNull(organizations);
        switch (act.ActCase)
        {
            case V1.ImportAct.ActOneofCase.RecordValuation: Pipeline.RecordValuation.Apply(asset, act.RecordValuation, step); break;
            case V1.ImportAct.ActOneofCase.RequestRevaluation: Pipeline.RequestRevaluation.Apply(asset, act.RequestRevaluation, step); break;
            case V1.ImportAct.ActOneofCase.RecordRevaluation: Pipeline.RecordRevaluation.Apply(asset, act.RecordRevaluation, step); break;
            case V1.ImportAct.ActOneofCase.RecordCoOwnerOffer: Pipeline.RecordCoOwnerOffer.Apply(asset, act.RecordCoOwnerOffer, step); break;
            case V1.ImportAct.ActOneofCase.SignAuctionContract:
                var name = act.SignAuctionContract.Organization;
                var organization = organizations.GetValueOrDefault(name) ?? throw DomainException.NotFound(Reasons.OrganizationNotFound, name);
                Pipeline.SignAuctionContract.Apply(asset, act.SignAuctionContract, organization, step);
                break;
            case V1.ImportAct.ActOneofCase.ScheduleAuctionRound: Pipeline.ScheduleAuctionRound.Apply(asset, act.ScheduleAuctionRound, step); break;
            case V1.ImportAct.ActOneofCase.PostponeAuctionRound: Pipeline.PostponeAuctionRound.Apply(asset, act.PostponeAuctionRound, step); break;
            case V1.ImportAct.ActOneofCase.SuspendAuctionRound: Pipeline.SuspendAuctionRound.Apply(asset, act.SuspendAuctionRound, step); break;
            case V1.ImportAct.ActOneofCase.CancelAuctionRound: Pipeline.CancelAuctionRound.Apply(asset, act.CancelAuctionRound, step); break;
            case V1.ImportAct.ActOneofCase.RedeemAsset: Pipeline.RedeemAsset.Apply(asset, act.RedeemAsset, step); break;
            case V1.ImportAct.ActOneofCase.RecordAuctionResult: Pipeline.RecordAuctionResult.Apply(asset, act.RecordAuctionResult, step); break;
            case V1.ImportAct.ActOneofCase.ReducePrice: Pipeline.ReducePrice.Apply(asset, act.ReducePrice, step); break;
            case V1.ImportAct.ActOneofCase.AcceptCreditorTakeover: Pipeline.AcceptCreditorTakeover.Apply(asset, act.AcceptCreditorTakeover, step); break;
            case V1.ImportAct.ActOneofCase.RecordDebtorKeepsAsset: Pipeline.RecordDebtorKeepsAsset.Apply(asset, act.RecordDebtorKeepsAsset, step); break;
            case V1.ImportAct.ActOneofCase.CompleteCreditorTakeover: Pipeline.CompleteCreditorTakeover.Apply(asset, act.CompleteCreditorTakeover, step); break;
            case V1.ImportAct.ActOneofCase.ReturnToDebtor: Pipeline.ReturnToDebtor.Apply(asset, act.ReturnToDebtor, step); break;
            case V1.ImportAct.ActOneofCase.RecordBuyerPayment: Pipeline.RecordBuyerPayment.Apply(asset, act.RecordBuyerPayment, step); break;
            case V1.ImportAct.ActOneofCase.ExtendBuyerPayment: Pipeline.ExtendBuyerPayment.Apply(asset, act.ExtendBuyerPayment, step); break;
            case V1.ImportAct.ActOneofCase.RecordBuyerDefault: Pipeline.RecordBuyerDefault.Apply(asset, act.RecordBuyerDefault, step); break;
            case V1.ImportAct.ActOneofCase.CancelAuctionResult: Pipeline.CancelAuctionResult.Apply(asset, act.CancelAuctionResult, step); break;
            case V1.ImportAct.ActOneofCase.ScheduleHandover: Pipeline.ScheduleHandover.Apply(asset, act.ScheduleHandover, step); break;
            case V1.ImportAct.ActOneofCase.RecordHandover: Pipeline.RecordHandover.Apply(asset, act.RecordHandover, step); break;
            case V1.ImportAct.ActOneofCase.RecordLandDocumentsSent: Pipeline.RecordLandDocumentsSent.Apply(asset, act.RecordLandDocumentsSent, step); break;
            case V1.ImportAct.ActOneofCase.ReleaseSeizure: Seizures.ReleaseSeizure.Apply(asset, act.ReleaseSeizure, step); break;
            default: throw new InvalidOperationException($"The import has no replay for act '{act.ActCase}'.");
        }
    }
}
