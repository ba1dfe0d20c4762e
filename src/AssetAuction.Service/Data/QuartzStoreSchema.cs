using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Quartz.Impl.AdoJobStore;

namespace AssetAuction.Service.Data;

/// <summary>
/// The tables of Quartz's persistent (clustered) job store, as the fresh-install script that Quartz itself
/// ships inside its assembly for each dialect. Our migrations run that script rather than a copy of it, so the
/// tables are exactly the ones the running Quartz validates at start-up.
/// </summary>
/// <remarks>
/// A later Quartz that changes the script changes <see cref="Sha256"/>, and a unit test pins the value this
/// migration was written against: an existing database then needs Quartz's upgrade scripts in a new migration
/// (a fresh one gets the new tables from the script). Every statement in the script is guarded ("create only
/// what is missing"), so running it on a database that already has the tables changes nothing.
/// </remarks>
public sealed partial class QuartzStoreSchema
{
    /// <summary>The table prefix of our Quartz tables, used by the migration and by the store's configuration alike.</summary>
    public const string TablePrefix = "QRTZ_";

    private readonly string script;

    private QuartzStoreSchema(string script) => this.script = script;

    // Each dialect is read on first use, so one dialect's script going missing cannot break the other's migration.
    private static readonly Lazy<QuartzStoreSchema> SqlServerScript = new(() => Load(new SqlServerScriptName().Name));
    private static readonly Lazy<QuartzStoreSchema> SqliteScript = new(() => Load(new SqliteScriptName().Name));

    /// <summary>SQL Server's script: what the SQL Server migration runs.</summary>
    public static QuartzStoreSchema SqlServer => SqlServerScript.Value;

    /// <summary>SQLite's script, read the same way; the tests use it to prove the reading against a real database.</summary>
    public static QuartzStoreSchema Sqlite => SqliteScript.Value;

    /// <summary>SHA-256 of the script as Quartz ships it, hex.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

    /// <summary>
    /// The script's statements in order, with the prefix substituted: '{0}' is the prefix, '{1}' the prefix
    /// without a schema qualifier (for index and constraint names). Statements are separated by a line that
    /// reads exactly '--;;'; chunks that hold only comments are dropped.
    /// </summary>
    public IReadOnlyList<string> Statements(string tablePrefix = TablePrefix)
    {
        var bare = tablePrefix[(tablePrefix.LastIndexOf('.') + 1)..];
        return Separator().Split(script)
            .Where(HasSql)
            .Select(chunk => chunk.Replace("{0}", tablePrefix, StringComparison.Ordinal).Replace("{1}", bare, StringComparison.Ordinal).Trim())
            .ToList();
    }

    /// <summary>Every Quartz table, children before parents, for a migration's Down.</summary>
    public static IReadOnlyList<string> TablesToDrop { get; } =
    [
        AdoConstants.TableJobStatus, AdoConstants.TableMisfireHistory, AdoConstants.TableExecutionHistory,
        AdoConstants.TableSchedulerState, AdoConstants.TableLocks, AdoConstants.TablePausedJobs, AdoConstants.TablePausedTriggers,
        AdoConstants.TableCalendars, AdoConstants.TableFiredTriggers, AdoConstants.TableBlobTriggers, AdoConstants.TableCronTriggers,
        AdoConstants.TableSimplePropertiesTriggers, AdoConstants.TableSimpleTriggers, AdoConstants.TableTriggers, AdoConstants.TableJobDetails,
    ];

    private static QuartzStoreSchema Load(string resourceName)
    {
        using var stream = typeof(StdAdoDelegate).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Quartz no longer ships the schema script '{resourceName}'; see Data/QuartzStoreSchema.cs.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new QuartzStoreSchema(reader.ReadToEnd());
    }

    private static bool HasSql(string chunk) =>
        chunk.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal));

    [GeneratedRegex(@"^--;;\r?$", RegexOptions.Multiline)]
    private static partial Regex Separator();

    // The resource names are Quartz's own (a protected property of each dialect's delegate), read rather than spelled here.
    private sealed class SqlServerScriptName : SqlServerDelegate
    {
        public string Name => SchemaResourceName ?? throw new InvalidOperationException("Quartz's SqlServerDelegate names no schema script.");
    }

    private sealed class SqliteScriptName : SQLiteDelegate
    {
        public string Name => SchemaResourceName ?? throw new InvalidOperationException("Quartz's SQLiteDelegate names no schema script.");
    }
}
