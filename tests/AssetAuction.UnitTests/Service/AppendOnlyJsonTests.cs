using System.Text.Json;
using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;

namespace AssetAuction.UnitTests.Service;

/// <summary>The hand-written JSON of history entries and round changes (Data/AppendOnlyJsonConverters.cs).</summary>
public sealed class AppendOnlyJsonTests
{
    private static readonly DateTimeOffset Instant = new DateTimeOffset(2026, 11, 28, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public void Every_field_of_a_history_entry_and_a_round_change_survives_a_round_trip()
    {
        List<HistoryEntry> history =
        [
            new() { Time = Instant, LegalDate = new DateOnly(2026, 11, 27), RecordedLate = true, Action = "RecordValuation", FromState = AssetState.Seized, ToState = AssetState.Valued, Actor = "cán bộ", Note = "Giá \"thẩm định\"", Import = "imports/1" },
            new() { Time = Instant.AddDays(1), Action = "RegisterSeizure", FromState = AssetState.Seized, ToState = AssetState.Seized },
        ];
        List<RoundChange> changes =
        [
            new() { Time = Instant, Kind = "postponed", Reason = "Đương sự khiếu nại", PreviousAuctionTime = Instant.AddDays(20), NewAuctionTime = Instant.AddDays(25) },
            new() { Time = Instant.AddHours(1), Kind = "cancelled", Reason = "hủy" },
        ];

        var readHistory = JsonSerializer.Deserialize(JsonSerializer.Serialize(history, AppendOnlyJsonContext.Default.ListHistoryEntry), AppendOnlyJsonContext.Default.ListHistoryEntry)!;
        var readChanges = JsonSerializer.Deserialize(JsonSerializer.Serialize(changes, AppendOnlyJsonContext.Default.ListRoundChange), AppendOnlyJsonContext.Default.ListRoundChange)!;

        Assert.Equal(history.Select(Fields), readHistory.Select(Fields));
        Assert.Equal(changes.Select(Fields), readChanges.Select(Fields));
    }

    [Fact]
    public void The_documents_ef_core_wrote_read_with_iso_or_tick_instants_in_any_order_and_unknown_properties_skipped()
    {
        const string fromSqlServer = """[{"Action":"RegisterSeizure","Actor":"a","FromState":1,"Import":null,"LegalDate":null,"Note":"n","RecordedLate":false,"Retired":{"x":[1]},"Time":"2026-11-28T12:06:07.1234567+07:00","ToState":1}]""";
        var entry = Assert.Single(JsonSerializer.Deserialize(fromSqlServer, AppendOnlyJsonContext.Default.ListHistoryEntry)!);
        Assert.Equal(Instant, entry.Time);
        Assert.Equal(TimeSpan.Zero, entry.Time.Offset);
        Assert.Null(entry.LegalDate);
        Assert.Equal(("RegisterSeizure", "a", "n", AssetState.Seized), (entry.Action, entry.Actor, entry.Note, entry.ToState));

        var fromSqlite = $$"""[{"Kind":"postponed","NewAuctionTime":null,"PreviousAuctionTime":{{Instant.UtcTicks}},"Reason":"r","Time":{{Instant.UtcTicks}}}]""";
        var change = Assert.Single(JsonSerializer.Deserialize(fromSqlite, AppendOnlyJsonContext.Default.ListRoundChange)!);
        Assert.Equal((Instant, (DateTimeOffset?)Instant, (DateTimeOffset?)null, "r"), (change.Time, change.PreviousAuctionTime, change.NewAuctionTime, change.Reason));
    }

    private static string Fields(HistoryEntry e) => $"{e.Time.UtcTicks}|{e.Time.Offset}|{e.LegalDate}|{e.RecordedLate}|{e.Action}|{e.FromState}|{e.ToState}|{e.Actor}|{e.Note}|{e.Import ?? "null"}";

    private static string Fields(RoundChange c) => $"{c.Time.UtcTicks}|{c.Kind}|{c.Reason}|{c.PreviousAuctionTime?.UtcTicks}|{c.NewAuctionTime?.UtcTicks}";
}
