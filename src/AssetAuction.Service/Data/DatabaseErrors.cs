using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AssetAuction.Service.Data;

/// <summary>The database's own error inside the wrappers of EF Core, Quartz and the like.</summary>
internal static class DatabaseErrors
{
    /// <summary>The first <see cref="DbException"/> in the chain of inner exceptions, or null.</summary>
    public static DbException? In(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is DbException db)
            {
                return db;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the database says trying again may succeed (SQLite busy or locked past its timeout, a SQL Server
    /// deadlock or timeout): every mutation ran in one transaction that was rolled back, so a retry with the same
    /// request_id is safe.
    /// </summary>
    public static bool IsTransient(Exception error) => In(error) switch
    {
        // Microsoft.Data.Sqlite does not set IsTransient; busy (5) and locked (6) are SQLite's "try again".
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        { IsTransient: true } => true,
        _ => false,
    };

    /// <summary>
    /// True when a unique key (or primary key) refused a row: another write took it first. The write path then
    /// decides again on what is now stored, which turns the race into the rule's own error (for example
    /// ASSET_ALREADY_SEIZED) or a replay of the stored response.
    /// </summary>
    public static bool IsUniqueViolation(Exception error) => In(error) switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is SqlServerDuplicateIndexKey or SqlServerDuplicateConstraintKey,
        _ => false,
    };

    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerDuplicateIndexKey = 2601;
    private const int SqlServerDuplicateConstraintKey = 2627;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
}
