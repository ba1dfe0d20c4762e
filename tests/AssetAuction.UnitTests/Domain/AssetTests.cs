using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;

namespace AssetAuction.UnitTests.Domain;

public sealed class AssetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_seized_parcel_holds_its_identity_until_released()
    {
        var asset = Seize(new LandUseRight { Province = "Hà Nội", Commune = "Láng", MapSheetNumber = "12", ParcelNumber = "45" });
        Assert.Equal(AssetState.Seized, asset.State);
        Assert.Equal("land:HÀ NỘI|LÁNG|12|45", asset.ActiveIdentityKey);

        asset.ReleaseSeizure("paid", DomainFixtures.On(new DateOnly(2026, 11, 24)));

        Assert.Equal(AssetState.Released, asset.State);
        Assert.Null(asset.ActiveIdentityKey);
        Assert.Equal("land:HÀ NỘI|LÁNG|12|45", asset.IdentityKey);
        Assert.Equal(2, asset.Version);
        Assert.Equal(DomainFixtures.On(new DateOnly(2026, 11, 24)).Now, asset.UpdateTime);
    }

    [Fact]
    public void Releasing_twice_is_refused_with_a_stable_reason()
    {
        var asset = Seize(new LandUseRight { ParcelNumber = "1" });
        asset.ReleaseSeizure("paid", DomainFixtures.On(new DateOnly(2026, 11, 23)));

        var error = Assert.Throws<DomainException>(() => asset.ReleaseSeizure("again", DomainFixtures.On(new DateOnly(2026, 11, 23))));

        Assert.Equal(Reasons.AssetClosed, error.Reason);
        Assert.Equal(DomainErrorKind.RuleViolated, error.Kind);
    }

    [Theory]
    [InlineData(" ha noi ", "lang", "land:HA NOI|LANG|12|45")]
    [InlineData("HA   NOI", "LANG  ", "land:HA NOI|LANG|12|45")]
    public void Parcel_identity_ignores_case_and_spacing(string province, string commune, string expected) =>
        Assert.Equal(expected, AssetIdentity.Parcel(province, commune, "12", " 45"));

    [Fact]
    public void Parcel_identity_is_the_same_for_precomposed_and_decomposed_Vietnamese() =>
        Assert.Equal(
            AssetIdentity.Parcel("Hà Nội", "Phường Láng", "12", "45"),
            AssetIdentity.Parcel("Hà Nội".Normalize(System.Text.NormalizationForm.FormD), "Phường Láng".Normalize(System.Text.NormalizationForm.FormD), "12", "45"));

    [Fact]
    public void Vehicles_are_identified_by_chassis_and_other_movables_have_no_identity()
    {
        Assert.Equal("vehicle:RL4ABC", AssetIdentity.KeyOf(null, new RoadVehicle { ChassisNumber = " rl4abc" }));
        Assert.Null(AssetIdentity.KeyOf(null, null));
    }

    [Theory]
    [InlineData("assets/abc", "abc")]
    [InlineData("assets/", null)]
    [InlineData("assets/a/b", null)]
    [InlineData("seizures/abc", null)]
    public void Asset_names_parse_to_their_id(string name, string? id) => Assert.Equal(id, ResourceNames.AssetId(name));

    [Fact]
    public void Legal_dates_are_read_in_Vietnam_time()
    {
        Assert.Equal(new DateOnly(2026, 11, 24), VietnamTime.DateAt(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 23), VietnamTime.DateAt(new DateTimeOffset(2026, 11, 23, 16, 59, 59, TimeSpan.Zero)));
    }

    private static Asset Seize(LandUseRight land)
    {
        var act = new SeizureAct("s1", new EnforcementCase { Office = "HN", CaseNumber = "C1" }, [new Party { FullName = "A" }], new DateOnly(2026, 11, 20), "BB-1", Now);
        return Asset.Seize("a1", act, "land", new AssetDetails(AssetKind.LandUseRight, Land: land), [new Owner { Party = new Party { FullName = "A" }, JudgmentDebtor = true, ShareNumerator = 1, ShareDenominator = 1 }], [], DomainFixtures.On(new DateOnly(2026, 11, 23)));
    }
}
