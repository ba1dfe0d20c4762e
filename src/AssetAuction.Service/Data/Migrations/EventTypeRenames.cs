using Microsoft.EntityFrameworkCore.Migrations;

namespace AssetAuction.Service.Data.Migrations;

/// <summary>
/// Renames the events stored under the feed's former type names (derived from the pipeline's verbs) to the names
/// of what happened (Events/EventTypes.cs), so a consumer reading from sequence 1 meets one vocabulary. The names
/// are written out here, not read from the catalog: a migration is history and must not change when the catalog
/// does. The events are not part of the audit hash chain (the audit entries are), so renaming them leaves the chain whole.
/// </summary>
internal static class EventTypeRenames
{
    private static readonly (string Old, string New)[] OneToOne =
    [
        ("asset.register_seizure", "asset.seized"),
        ("asset.release_seizure", "asset.seizure_released"),
        ("asset.record_valuation", "asset.valued"),
        ("asset.request_revaluation", "asset.revaluation_requested"),
        ("asset.record_revaluation", "asset.revalued"),
        ("asset.record_co_owner_offer", "asset.co_owner_offer_recorded"),
        ("asset.sign_auction_contract", "asset.auction_contract_signed"),
        ("asset.schedule_auction_round", "asset.auction_round_scheduled"),
        ("asset.cancel_auction_round", "asset.auction_round_cancelled"),
        ("asset.redeem_asset", "asset.redeemed"),
        ("asset.record_auction_result", "asset.auction_result_recorded"),
        ("asset.reduce_price", "asset.price_reduced"),
        ("asset.accept_creditor_takeover", "asset.creditor_takeover_accepted"),
        ("asset.debtor_keeps_asset", "asset.kept_by_debtor"),
        ("asset.complete_creditor_takeover", "asset.creditor_takeover_completed"),
        ("asset.return_to_debtor", "asset.returned_to_debtor"),
        ("asset.record_winner_payment", "asset.buyer_payment_recorded"),
        ("asset.extend_winner_payment", "asset.buyer_payment_extended"),
        ("asset.record_winner_default", "asset.buyer_default_recorded"),
        ("asset.cancel_auction_result", "asset.auction_result_cancelled"),
        ("asset.schedule_handover", "asset.handover_scheduled"),
        ("asset.record_handover", "asset.handed_over"),
        ("asset.record_land_documents_sent", "asset.land_documents_sent"),
    ];

    /// <summary>
    /// asset.change_auction_round was a postponement or a suspension; which one, the round's own event of the same
    /// request says (auction_round.postponed or auction_round.suspended, written in the same transaction).
    /// </summary>
    private static readonly (string RoundEvent, string New)[] Split =
    [
        ("auction_round.postponed", "asset.auction_round_postponed"),
        ("auction_round.suspended", "asset.auction_round_suspended"),
    ];

    private const string Changed = "asset.change_auction_round";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (old, now) in OneToOne)
        {
            migrationBuilder.Sql($"UPDATE Events SET Type = '{now}' WHERE Type = '{old}';");
        }

        foreach (var (round, now) in Split)
        {
            migrationBuilder.Sql(
                $"UPDATE Events SET Type = '{now}' WHERE Type = '{Changed}' " +
                $"AND EXISTS (SELECT 1 FROM Events AS r WHERE r.RequestId = Events.RequestId AND r.Type = '{round}');");
        }
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (_, now) in Split)
        {
            migrationBuilder.Sql($"UPDATE Events SET Type = '{Changed}' WHERE Type = '{now}';");
        }

        foreach (var (old, now) in OneToOne)
        {
            migrationBuilder.Sql($"UPDATE Events SET Type = '{old}' WHERE Type = '{now}';");
        }
    }
}
