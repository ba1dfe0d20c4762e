using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AssetAuction.Service.Data;

/// <summary>
/// Per-connection SQLite settings: wait for a busy writer instead of failing at once (several
/// service processes may share the file), enforce foreign keys, and synchronous=FULL: in WAL mode,
/// NORMAL may lose the last acknowledged commits on power loss, and these commits move money, so a
/// write is acknowledged only once it is on disk. temp_store=MEMORY keeps the statement journal in memory: group
/// commit runs each mutation in its own savepoint, and SQLite copies every page a savepoint changes into that
/// journal, which otherwise is a temporary file written with two calls per page (a RegisterSeizure batch wrote
/// 165 KB and made 78 write calls per write with it in a file, 41 KB and 17 in memory; 10-15% less service CPU).
/// It is emptied when the savepoint is released, so it holds one mutation's pages at a time.
///
/// The settings belong to the physical connection, which the pool keeps open across EF Core's many short
/// opens (one per query outside a transaction); so they are set once per physical connection, not on every
/// open, where the three statements were a tenth of a read's time (measured with dotnet-trace).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>How long a connection waits for a busy writer; the kept read connections (SqliteReadPool) wait as long.</summary>
    internal const string BusyTimeout = "PRAGMA busy_timeout = 10000;";

    private const string Pragmas = BusyTimeout + " PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;";

    // The native handles already set up. Weak: a handle the pool closes for good is forgotten with it.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    private static bool NeedsPragmas(DbConnection connection) => connection is not SqliteConnection { Handle: { } handle } || !Configured.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, handle);
        }
    }
}
