using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using static AssetAuction.Domain.Assets.AssetState;
using static AssetAuction.Domain.Assets.PipelineAction;

namespace AssetAuction.UnitTests.Domain;

/// <summary>Every state against every action: allowed, or refused with the reason that says what is missing.</summary>
public sealed class TransitionsTableTests
{
    /// <summary>The specification, written out again on purpose: where each action is allowed (LTHADS 98-104, ND62 27).</summary>
    private static readonly Dictionary<PipelineAction, AssetState[]> Expected = new()
    {
        [ReleaseSeizure] = [Seized, Valued, ReadyForAuction, AuctionFailed],
        [RecordValuation] = [Seized],
        [RequestRevaluation] = [Valued, ReadyForAuction],
        [RecordRevaluation] = [Valued, ReadyForAuction],
        [RecordCoOwnerOffer] = [Valued, ReadyForAuction],
        [SignAuctionContract] = [Valued, ReadyForAuction],
        [ScheduleAuctionRound] = [ReadyForAuction],
        [ChangeAuctionRound] = [AuctionScheduled],
        [CancelAuctionRound] = [AuctionScheduled],
        [RedeemAsset] = [Seized, Valued, ReadyForAuction, AuctionScheduled, AuctionFailed],
        [RecordAuctionResult] = [AuctionScheduled],
        [ReducePrice] = [AuctionFailed],
        [AcceptCreditorTakeover] = [AuctionFailed],
        [PipelineAction.DebtorKeepsAsset] = [CreditorTakeoverPending],
        [CompleteCreditorTakeover] = [CreditorTakeoverPending],
        [PipelineAction.ReturnToDebtor] = [AuctionFailed, ReadyForAuction],
        [RecordWinnerPayment] = [Sold],
        [ExtendWinnerPayment] = [Sold],
        [RecordWinnerDefault] = [Sold],
        [CancelAuctionResult] = [Sold, Paid],
        [ScheduleHandover] = [Paid],
        [RecordHandover] = [Paid],
        [RecordLandDocumentsSent] = [HandedOver],
    };

    /// <summary>Refusals whose reason matters most to an officer: what to do first.</summary>
    public static TheoryData<PipelineAction, AssetState, string> KeyRefusals => new()
    {
        { SignAuctionContract, Seized, Reasons.ValuationRequired },
        { SignAuctionContract, AuctionScheduled, Reasons.AuctionRoundScheduled },
        { ScheduleAuctionRound, Seized, Reasons.ValuationRequired },
        { ScheduleAuctionRound, Valued, Reasons.AuctionContractRequired },
        { ScheduleAuctionRound, AuctionScheduled, Reasons.AuctionRoundScheduled },
        { ScheduleAuctionRound, AuctionFailed, Reasons.PriceReductionRequired },
        { ScheduleAuctionRound, Sold, Reasons.AssetAlreadySold },
        { RecordAuctionResult, ReadyForAuction, Reasons.AuctionRoundRequired },
        { RecordAuctionResult, Valued, Reasons.AuctionContractRequired },
        { ReducePrice, ReadyForAuction, Reasons.FailedAuctionRequired },
        { RecordWinnerPayment, ReadyForAuction, Reasons.SaleRequired },
        { RecordWinnerPayment, Paid, Reasons.AlreadyFullyPaid },
        { RecordHandover, Sold, Reasons.FullPaymentRequired },
        { RecordLandDocumentsSent, Paid, Reasons.HandoverRequired },
        { RequestRevaluation, AuctionScheduled, Reasons.AuctionAlreadyAnnounced },
        { RecordCoOwnerOffer, AuctionFailed, Reasons.FirstAuctionAlreadyHeld },
        { RecordValuation, Valued, Reasons.AssetAlreadyValued },
        { ReleaseSeizure, AuctionScheduled, Reasons.AuctionRoundScheduled },
        { RedeemAsset, Sold, Reasons.AssetAlreadySold },
        { RedeemAsset, CreditorTakeoverPending, Reasons.CreditorTakeoverPending },
        { CompleteCreditorTakeover, AuctionFailed, Reasons.CreditorTakeoverRequired },
        { ScheduleAuctionRound, Released, Reasons.AssetClosed },
        { RecordWinnerPayment, HandedOver, Reasons.AssetClosed },
        { ReducePrice, Redeemed, Reasons.AssetClosed },
    };

    public static TheoryData<PipelineAction, AssetState> EveryCell()
    {
        var data = new TheoryData<PipelineAction, AssetState>();
        foreach (var action in Enum.GetValues<PipelineAction>())
        {
            foreach (var state in Enum.GetValues<AssetState>())
            {
                data.Add(action, state);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCell))]
    public void Each_action_is_allowed_exactly_where_the_law_allows_it_and_otherwise_refused_with_a_specific_reason(PipelineAction action, AssetState state)
    {
        var allowed = Expected[action].Contains(state);

        Assert.Equal(allowed, Transitions.IsAllowed(action, state));
        if (allowed)
        {
            Transitions.Ensure(action, state, "assets/x");
            return;
        }

        var error = Assert.Throws<DomainException>(() => Transitions.Ensure(action, state, "assets/x"));
        Assert.Equal(DomainErrorKind.RuleViolated, error.Kind);
        Assert.NotEqual(Reasons.ActionNotAllowed, error.Reason);
        Assert.Equal(state.ToString(), error.Metadata["state"]);
    }

    [Theory]
    [MemberData(nameof(KeyRefusals))]
    public void A_refusal_names_what_is_missing(PipelineAction action, AssetState state, string reason) =>
        Assert.Equal(reason, Assert.Throws<DomainException>(() => Transitions.Ensure(action, state, "assets/x")).Reason);

    [Fact]
    public void The_specification_covers_every_action() => Assert.Equal(Enum.GetValues<PipelineAction>().Order(), Expected.Keys.Order());
}
