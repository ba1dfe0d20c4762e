using System.Text.RegularExpressions;
using AssetAuction.Service.Events;

namespace AssetAuction.UnitTests.Contract;

/// <summary>
/// Every event type on the feed is declared once, in <see cref="EventTypes"/>, and compared with event-types.txt;
/// the former names still accepted in filters are compared with event-type-renames.txt.
/// </summary>
public sealed partial class EventTypeCatalogTests
{
    [Fact]
    public void The_event_types_are_those_of_the_snapshot() =>
        Snapshot.AssertMatches("event-types.txt", EventTypes.All, "Event types");

    [Fact]
    public void The_catalog_lists_every_constant_but_the_round_prefix() =>
        Assert.Equal(Snapshot.ConstantsOf(typeof(EventTypes)).Where(t => t != EventTypes.RoundPrefix).Order(), EventTypes.All.Order());

    [Fact]
    public void The_former_names_are_those_of_the_snapshot() =>
        Snapshot.AssertMatches("event-type-renames.txt", EventTypes.Renamed.SelectMany(r => r.Value.Select(now => $"{r.Key} -> {now}")), "Renamed event types");

    [Theory]
    [InlineData("event-types.txt")]
    [InlineData("event-type-renames.txt")]
    public void The_snapshots_are_sorted_and_without_repeats(string file)
    {
        var lines = Snapshot.Lines(file);
        Assert.Equal(lines.Order(StringComparer.Ordinal).Distinct(), lines);
    }

    [Fact]
    public void Each_type_is_area_dot_what_happened_and_a_former_name_is_no_current_type()
    {
        Assert.All(EventTypes.All, t => Assert.Matches(TypeName(), t));
        Assert.All(EventTypes.Renamed, r =>
        {
            Assert.DoesNotContain(r.Key, EventTypes.All);
            Assert.All(r.Value, now => Assert.Contains(now, EventTypes.All));
        });
    }

    [Fact]
    public void Postponing_and_suspending_a_round_are_different_events_and_both_come_from_the_old_change() =>
        Assert.Equal([EventTypes.AssetAuctionRoundPostponed, EventTypes.AssetAuctionRoundSuspended, "asset.change_auction_round"], EventTypes.Selected("asset.change_auction_round").Order(StringComparer.Ordinal));

    [Fact]
    public void A_filter_by_a_new_name_also_finds_events_a_former_binary_stored_under_its_one_old_name()
    {
        Assert.Contains("asset.record_winner_payment", EventTypes.Selected(EventTypes.AssetBuyerPaymentRecorded));
        Assert.DoesNotContain("asset.change_auction_round", EventTypes.Selected(EventTypes.AssetAuctionRoundPostponed));
        Assert.True(EventTypes.IsKnown("asset.record_winner_payment"));
        Assert.False(EventTypes.IsKnown("asset.nothing_happened"));
    }

    /// <summary>An event type written as a literal where a change is recorded escapes the catalog and its snapshot.</summary>
    [Fact]
    public void No_event_type_is_written_as_a_literal_where_a_change_is_recorded()
    {
        var strays = Directory.EnumerateFiles(Path.Combine(Snapshot.Root(), "src", "AssetAuction.Service"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => RecordedLiteral().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(strays.Count == 0, "Event types written outside EventTypes:" + Environment.NewLine + string.Join(Environment.NewLine, strays));
    }

    [Fact]
    public void The_scan_finds_a_recorded_literal()
    {
        Assert.Matches(RecordedLiteral(), "log.Record(\"asset.something_done\", asset.Name, office, null, proto);");
        Assert.Matches(RecordedLiteral(), "new Change(\"deadline.missed\", name, office, null, report)");
        Assert.DoesNotMatch(RecordedLiteral(), "log.Record(EventTypes.AssetSeized, asset.Name, office, null, proto);");
    }

    [GeneratedRegex(@"^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"(\.Record|new Change|AuditAsync)\([^,]*""[a-z_]+\.[a-z_]+""")]
    private static partial Regex RecordedLiteral();
}
