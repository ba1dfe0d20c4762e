using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;

namespace AssetAuction.UnitTests.Service;

public sealed class AuditHasherTests
{
    private static AuditRecord Entry() => new()
    {
        Sequence = 7,
        Time = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero),
        Subject = "officer",
        Role = "case_management",
        Office = "HN",
        Rpc = "/assetauction.v1.SeizureService/ReleaseSeizure",
        Resource = "assets/1",
        RequestId = "r",
        BeforeJson = "{}",
        AfterJson = "{\"state\":\"STATE_RELEASED\"}",
        PreviousHash = AuditHasher.GenesisHash,
    };

    [Fact]
    public void The_hash_is_stable_for_the_same_content() => Assert.Equal(AuditHasher.Compute(Entry()), AuditHasher.Compute(Entry()));

    [Fact]
    public void Changing_any_field_changes_the_hash()
    {
        var original = AuditHasher.Compute(Entry());
        var edits = new Action<AuditRecord>[]
        {
            e => e.Sequence = 8,
            e => e.Time = e.Time.AddTicks(1),
            e => e.Subject = "someone else",
            e => e.Role = "supervisor",
            e => e.Office = "HCM",
            e => e.Rpc = "/x",
            e => e.Resource = "assets/2",
            e => e.RequestId = "s",
            e => e.BeforeJson = "",
            e => e.AfterJson = "{}",
            e => e.PreviousHash = new string('1', 64),
        };

        Assert.All(edits, edit =>
        {
            var entry = Entry();
            edit(entry);
            Assert.NotEqual(original, AuditHasher.Compute(entry));
        });
    }

    [Fact]
    public void Moving_text_between_fields_changes_the_hash()
    {
        var a = Entry();
        a.Subject = "ab";
        a.Role = "c";
        var b = Entry();
        b.Subject = "a";
        b.Role = "bc";

        Assert.NotEqual(AuditHasher.Compute(a), AuditHasher.Compute(b));
    }
}
