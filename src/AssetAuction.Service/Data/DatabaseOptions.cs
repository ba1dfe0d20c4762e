namespace AssetAuction.Service.Data;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default, embedded) or "SqlServer".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>For SQLite a relative Data Source is taken from the content root; default data/assetauction.db.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/assetauction.db";

    /// <summary>Apply migrations on start-up. Production may turn it off and run the `migrate` command as a separate step.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The section as configured, or the defaults.</summary>
    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

    public bool IsSqlServer => string.Equals(Provider, "SqlServer", StringComparison.OrdinalIgnoreCase);
}
