using AssetAuction.Domain.Assets;

namespace AssetAuction.Service.Assets;

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
