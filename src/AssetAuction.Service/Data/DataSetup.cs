using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Data;

internal static class DataSetup
{
    /// <summary>Registers the DbContext of the configured provider as <see cref="AssetAuctionDbContext"/>.</summary>
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
            services.AddDbContext<SqlServerAssetAuctionDbContext>(o => o.UseSqlServer(options.ConnectionString));
            services.AddScoped<AssetAuctionDbContext>(sp => sp.GetRequiredService<SqlServerAssetAuctionDbContext>());
        }
        else
        {
            var connectionString = SqliteConnectionString(options.ConnectionString, contentRoot);
            services.AddDbContext<SqliteAssetAuctionDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()));
            services.AddScoped<AssetAuctionDbContext>(sp => sp.GetRequiredService<SqliteAssetAuctionDbContext>());
        }

        return services;
    }

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
