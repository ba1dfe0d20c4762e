using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Rules;

namespace AssetAuction.Service.Rules;

internal static class RulesSetup
{
    public const string FileName = "rulesets.json";

    /// <summary>Adds the shipped rule sets and calendar overrides below the app's other configuration.</summary>
    public static IConfigurationBuilder AddRuleSets(this IConfigurationManager configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var file = new ConfigurationBuilder().AddJsonFile(File.Exists(path) ? path : Path.Combine(contentRoot, FileName), optional: false, reloadOnChange: false).Sources[0];

        // First, so appsettings.*, environment variables and the command line override it.
        sources.Insert(0, file);
        return configuration;
    }

    /// <summary>The rule book and the working-day calendar, checked at start-up so a bad file fails fast.</summary>
    public static IServiceCollection AddAssetAuctionRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(LoadRuleBook(configuration));
        services.AddSingleton(LoadProceedsRuleBook(configuration));
        services.AddSingleton(new WorkingDayCalendar(configuration.GetSection("Calendar").Get<CalendarOverrides>() ?? CalendarOverrides.None));
        return services;
    }

    public static Domain.Proceeds.ProceedsRuleBook LoadProceedsRuleBook(IConfiguration configuration) =>
        new(configuration.GetSection("Proceeds:Sets").Get<List<Domain.Proceeds.ProceedsRules>>() ?? []);

    public static RuleBook LoadRuleBook(IConfiguration configuration) =>
        new(configuration.GetSection("Rules:Sets").Get<List<RuleSet>>() ?? []);
}
