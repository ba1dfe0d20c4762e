using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Data;

internal static class DataSetup
{
    /// <summary>
    /// Registers the DbContext of the configured provider as <see cref="AssetAuctionDbContext"/>, pooled: a context
    /// is reset and reused rather than built for every request, whose EF Core services (resolved anew for each new
    /// context) were a tenth of a GetAsset's CPU in a profile.
    /// </summary>
    public static IServiceCollection AddAssetAuctionData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = DatabaseOptions.From(configuration);
        services.AddSingleton(options);
        if (options.IsSqlServer)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString) || options.ConnectionString.Contains("Data Source=data/", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("Database:Provider is SqlServer but Database:ConnectionString is not a SQL Server connection string.");
            }

            // No retrying execution strategy: MutationRunner opens its own transaction, which such a
            // strategy refuses. Transient failures surface as errors and clients retry safely with the same request_id.
            services.AddDbContextPool<SqlServerAssetAuctionDbContext>(o => Guarded(o.UseSqlServer(options.ConnectionString)));
            services.AddScoped<AssetAuctionDbContext>(sp => sp.GetRequiredService<SqlServerAssetAuctionDbContext>());
        }
        else
        {
            var connectionString = SqliteConnectionString(options.ConnectionString, contentRoot);
            services.AddDbContextPool<SqliteAssetAuctionDbContext>(o => Guarded(o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas())));
            services.AddSingleton(_ => new SqliteReadPool(connectionString));
            services.AddScoped<AssetAuctionDbContext>(sp => sp.GetRequiredService<SqliteAssetAuctionDbContext>());
        }

        return services;
    }

    /// <summary>
    /// One object held by two owned navigations (a round's winner that is also its sale's buyer) is tracked as two
    /// entities: a change to one would be written twice, or lost. The domain gives each owner its own copy, and a
    /// shared one fails the write here rather than slipping through as a log line. The options are built once, for the pool.
    /// </summary>
    private static DbContextOptionsBuilder Guarded(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.DuplicateDependentEntityTypeInstanceWarning));

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created.</summary>
    public static string SqliteConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource != ":memory:" && !string.IsNullOrEmpty(builder.DataSource))
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }

    /// <summary>Where the data lives, for the start-up log line (no password).</summary>
    public static string Describe(DatabaseOptions options, string contentRoot) =>
        options.IsSqlServer
            ? $"SqlServer ({new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(options.ConnectionString).DataSource}/{new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(options.ConnectionString).InitialCatalog})"
            : $"Sqlite ({new SqliteConnectionStringBuilder(SqliteConnectionString(options.ConnectionString, contentRoot)).DataSource})";
}
