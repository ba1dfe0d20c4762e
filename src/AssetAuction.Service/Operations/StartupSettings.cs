using AssetAuction.Domain.Calendar;
using AssetAuction.Service.Data;
using AssetAuction.Service.Rules;
using AssetAuction.Service.Security;

namespace AssetAuction.Service.Operations;

/// <summary>
/// The settings read while the host is built, checked before it is: a mistake here used to end as an unhandled
/// exception (or, for an unknown provider, silently as SQLite). Each problem names its setting; Program exits 1
/// with it. Limits are checked here too, because Kestrel reads them while the app is built; Audit keys are validated on start.
/// </summary>
internal static class StartupSettings
{
    private static readonly string[] Providers = ["Sqlite", "SqlServer"];

    public static string? Problem(IConfiguration configuration, IHostEnvironment environment, string[] args) =>
        Guard("Database", () => DatabaseProblem(DatabaseOptions.From(configuration)))
        ?? (Commands.NeedsAuthSettings(args)
            ? Guard("Auth", () => (configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions()).Problem(environment.IsDevelopment()))
            : null)
        ?? Guard("Rules:Sets", () => Strict(configuration.GetSection("Rules:Sets"), typeof(List<Domain.Rules.RuleSet>)) ?? Loads(() => RulesSetup.LoadRuleBook(configuration)))
        ?? Guard("Proceeds:Sets", () => Strict(configuration.GetSection("Proceeds:Sets"), typeof(List<Domain.Proceeds.ProceedsRules>)) ?? Loads(() => RulesSetup.LoadProceedsRuleBook(configuration)))
        ?? Guard(Limits.ServerLimitsOptions.Section, () => (configuration.GetSection(Limits.ServerLimitsOptions.Section).Get<Limits.ServerLimitsOptions>() ?? new Limits.ServerLimitsOptions()).Problem())
        ?? Guard(Memory.MemoryTrimOptions.Section, () => (configuration.GetSection(Memory.MemoryTrimOptions.Section).Get<Memory.MemoryTrimOptions>() ?? new Memory.MemoryTrimOptions()).Problem())
        ?? Guard("Calendar:Years", () => Strict(configuration.GetSection("Calendar"), typeof(CalendarOverrides)) ?? Loads(() => new WorkingDayCalendar(configuration.GetSection("Calendar").Get<CalendarOverrides>() ?? CalendarOverrides.None)));

    /// <summary>Every value of the section converts to its type: the binder would drop a list element that does not, silently.</summary>
    private static string? Strict(IConfigurationSection section, Type type)
    {
        StrictConfiguration.Check(section, type);
        return null;
    }

    private static string? DatabaseProblem(DatabaseOptions database)
    {
        if (!Providers.Contains(database.Provider, StringComparer.OrdinalIgnoreCase))
        {
            return $"Database:Provider must be one of {string.Join(", ", Providers)} (is '{database.Provider}').";
        }

        try
        {
            var valid = database.IsSqlServer
                ? !string.IsNullOrWhiteSpace(new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(database.ConnectionString).DataSource)
                : !string.IsNullOrWhiteSpace(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            return valid ? null : $"Database:ConnectionString names no data source for {database.Provider}.";
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // The type only: the message could quote a password from the string.
            return $"Database:ConnectionString is not a valid {database.Provider} connection string ({e.GetType().Name}).";
        }
    }

    private static string? Loads(Func<object> load)
    {
        load();
        return null;
    }

    /// <summary>A value that does not bind (a date that is not one, a word for a number) is a problem of that section.</summary>
    private static string? Guard(string section, Func<string?> check)
    {
        try
        {
            return check();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return $"{section}: {(e.InnerException is { } inner && e is InvalidOperationException ? e.Message + " " + inner.Message : e.Message)}";
        }
    }
}
