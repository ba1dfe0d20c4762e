using AssetAuction.Domain.Calendar;
using Microsoft.Extensions.Configuration;

namespace AssetAuction.UnitTests.Calendar;

public class CalendarOverridesBindingTests
{
    [Fact]
    public void Overrides_bind_from_configuration_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Calendar:Years:0:Year"] = "2026",
            ["Calendar:Years:0:LunarNewYearDays:0"] = "2026-02-16",
            ["Calendar:Years:0:LunarNewYearDays:1"] = "2026-02-17",
            ["Calendar:Years:0:NationalDayAdjacentDay"] = "2026-09-03",
            ["Calendar:Years:0:ExtraDaysOff:0:Date"] = "2026-01-02",
            ["Calendar:Years:0:ExtraDaysOff:0:Name"] = "Bridge day",
            ["Calendar:Years:0:WorkingWeekendDays:0"] = "2026-01-10",
        }).Build();

        var overrides = configuration.GetSection("Calendar").Get<CalendarOverrides>();

        var year = Assert.Single(Assert.IsType<CalendarOverrides>(overrides).Years);
        Assert.Equal(2026, year.Year);
        Assert.Equal([new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 17)], year.LunarNewYearDays);
        Assert.Equal(new DateOnly(2026, 9, 3), year.NationalDayAdjacentDay);
        Assert.Null(year.CompensatoryDays);
        Assert.Equal(new DayOff { Date = new DateOnly(2026, 1, 2), Name = "Bridge day" }, Assert.Single(year.ExtraDaysOff));
        Assert.Equal([new DateOnly(2026, 1, 10)], year.WorkingWeekendDays);
        Assert.True(new WorkingDayCalendar(overrides).IsWorkingDay(new DateOnly(2026, 1, 10)));
    }
}
