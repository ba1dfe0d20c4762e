using AssetAuction.IntegrationTests.Infrastructure;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>A configuration mistake stops the real process at start, with exit code 1 and one line naming the setting.</summary>
public sealed class StartupSettingsTests
{
    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "unknown provider", "Database__Provider", "Postgres", "Database:Provider" },
        { "malformed connection string", "Database__ConnectionString", "Data Source=x.db;Colour=blue", "Database:ConnectionString" },
        { "weak signing key", "Auth__SigningKey", "short", "Auth:SigningKey" },
        { "two rule sets on one day", "Rules__Sets__1__EffectiveFrom", "2015-07-01", "Rules:Sets" },
        { "calendar year out of range", "Calendar__Years__0__Year", "1800", "Calendar:Years" },
        // The configuration binder drops a list element that does not bind, silently: the legacy rule set would vanish.
        { "a rule set's date that is not a date", "Rules__Sets__0__EffectiveFrom", "someday", "Rules:Sets:0:EffectiveFrom" },
        { "a period unit that does not exist", "Rules__Sets__1__Handover__Unit", "Weeks", "Rules:Sets:1:Handover:Unit" },
        { "a proceeds rule set's date that is not a date", "Proceeds__Sets__1__EffectiveFrom", "2026-13-01", "Proceeds:Sets:1:EffectiveFrom" },
        { "a government day off that is not a date", "Calendar__Years__0__ExtraDaysOff__0__Date", "2027-02-30", "Calendar:Years:0:ExtraDaysOff:0:Date" },
        { "stream limit out of range", "Limits__MaxStreamsPerCaller", "0", "Limits:MaxStreamsPerCaller" },
        { "idle trim period out of range", "Memory__IdleBeforeTrim", "00:00:00", "Memory:IdleBeforeTrim" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_configuration_mistake_exits_1_naming_the_setting(string mistake, string key, string value, string named)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db")}",
            ["Auth__Issuer"] = ServiceFactory.Issuer,
            ["Auth__Audience"] = ServiceFactory.Audience,
            ["Auth__SigningKey"] = ServiceFactory.TestSigningKey,
            ["Kestrel__Endpoints__Http__Url"] = "http://127.0.0.1:0",
            ["Kestrel__Endpoints__Http__Protocols"] = "Http2",
        };
        settings[key] = value;

        var start = await ServiceProcess.RunAsync(settings);

        Assert.True(start.ExitCode == 1, $"{mistake}: exit code {start.ExitCode}\n{start.Output}");
        Assert.Contains(named, start.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", start.Output, StringComparison.Ordinal);
    }
}
