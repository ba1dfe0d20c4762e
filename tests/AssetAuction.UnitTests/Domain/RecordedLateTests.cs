using AssetAuction.Domain.Assets;

namespace AssetAuction.UnitTests.Domain;

/// <summary>An act keyed in more than N working days after its legal date is "recorded late" (issue 13); holidays are not counted.</summary>
public sealed class RecordedLateTests
{
    private static readonly DateOnly SeizedBeforeTet = new(2026, 2, 13); // Friday; 16-20 February is Tết by default

    [Theory]
    [InlineData(2026, 2, 27, 5, false)] // the 5th working day after: 14-22 February are weekends and Tết
    [InlineData(2026, 3, 2, 5, true)]   // the 6th working day after
    [InlineData(2026, 2, 23, 1, false)]
    [InlineData(2026, 2, 24, 1, true)]
    [InlineData(2026, 2, 13, 0, false)] // the same day is never late
    public void Lateness_counts_working_days_from_the_legal_date(int year, int month, int day, int allowed, bool late)
    {
        var step = DomainFixtures.On(new DateOnly(year, month, day)) with { RecordedLateAfterWorkingDays = allowed };
        Assert.Equal(late, step.IsRecordedLate(SeizedBeforeTet));
    }

    [Fact]
    public void A_seizure_keyed_in_late_marks_its_history_line_and_the_asset_and_dates_the_stage_from_the_legal_date()
    {
        var asset = DomainFixtures.Land(SeizedBeforeTet);
        Assert.False(asset.RecordedLate);

        var late = Asset.Seize("late", asset.Seizure, "land", new AssetDetails(AssetKind.LandUseRight, Land: new LandUseRight { ParcelNumber = "9" }), asset.Owners, [], DomainFixtures.On(new DateOnly(2026, 11, 23)), "QLA-1");
        Assert.True(late.RecordedLate);
        Assert.Equal((SeizedBeforeTet, true), (late.History[0].LegalDate, late.History[0].RecordedLate));
        Assert.Equal(new DateTimeOffset(2026, 2, 13, 0, 0, 0, TimeSpan.FromHours(7)), late.StateSince);
        Assert.Equal("QLA-1", late.SourceReference);
    }

    [Fact]
    public void A_round_already_held_can_be_scheduled_but_a_notice_too_short_then_is_refused()
    {
        var asset = DomainFixtures.Land(new DateOnly(2026, 3, 2));
        var today = DomainFixtures.On(new DateOnly(2026, 11, 23));
        asset.RecordValuation(DomainFixtures.Appraised(1_000_000_000, new DateOnly(2026, 3, 5)), today);
        asset.SignAuctionContract(new AuctionContract { OrganizationId = "o1", OrganizationName = "Org", ContractNumber = "HD-1", ContractDate = new DateOnly(2026, 3, 10) }, today);

        var refused = Assert.Throws<AssetAuction.Domain.Common.DomainException>(() => asset.ScheduleAuctionRound(DomainFixtures.Plan(new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 1), 100_000_000), today));
        Assert.Equal("NOTICE_PERIOD_TOO_SHORT", refused.Reason);
        var round = asset.ScheduleAuctionRound(DomainFixtures.Plan(new DateOnly(2026, 3, 12), new DateOnly(2026, 4, 1), 100_000_000), today);
        Assert.Equal(new DateOnly(2026, 4, 1), round.AuctionDate);
        Assert.Equal(new DateOnly(2026, 3, 12), asset.History[^1].LegalDate);
    }
}
