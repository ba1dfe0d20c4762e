using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AssetAuction.Service.Data;

/// <summary>
/// Open SQLite connections kept for the plain reads made on every call (<see cref="ModelCommand"/>: GetAsset's view,
/// ListAssets' page, the stored answer every mutation looks up, the active seizure of a parcel), each statement
/// prepared once per connection. Through EF Core each such read opened a pooled connection, had SQLite parse and plan
/// its statement, and closed the connection again, which finalizes the statement: preparing was 11% of ListAssets'
/// service CPU at 64 in flight, more than running it (perf). A kept connection holds no lock between reads: in WAL a
/// read takes its snapshot when its statement starts and gives it up when the reader is disposed (the statement is
/// reset), so it sees every commit made before the read, as a fresh connection would. Read-only (query_only), with a
/// small page cache of its own (the operating system caches the file), at most <see cref="MaxConnections"/> open.
/// </summary>
internal sealed class SqliteReadPool(string connectionString) : IDisposable
{
    /// <summary>
    /// Connections open at most, however many reads arrive at once: a read waits for one rather than opening another,
    /// which would parse the schema and prepare its statement anew only to be closed after, and a read takes tens of
    /// microseconds. (Against keeping 32 and opening more on demand, `compare` showed no difference at 64 in flight.)
    /// </summary>
    public const int MaxConnections = 16;

    /// <summary>Statements kept prepared per connection (the stored answer, the view, the pages, the seizure lookups).</summary>
    private const int MaxStatements = 16;

    private readonly ConcurrentBag<Reader> _idle = [];
    private readonly SemaphoreSlim _slots = new(MaxConnections, MaxConnections);
    private volatile bool _disposed;

    /// <summary>Connections kept open now, waiting for the next read (for tests and diagnostics).</summary>
    public int Idle => _idle.Count;

    /// <summary>Runs <paramref name="text"/> with <paramref name="values"/> on a kept connection and reads its rows with <paramref name="read"/>.</summary>
    public async Task<T> ReadAsync<T>(string text, IReadOnlyList<ModelCommand.Parameter> parameters, IReadOnlyList<object> values, Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        Reader? reader = null;
        var healthy = false;
        try
        {
            reader = _idle.TryTake(out var idle) ? idle : await Reader.OpenAsync(connectionString, ct);
            var (command, kept) = reader.Command(text, parameters);
            try
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    var converter = parameters[i].Mapping.Converter;
                    command.Parameters[i].Value = (converter is null ? values[i] : converter.ConvertToProvider(values[i])) ?? DBNull.Value;
                }

                T result;
                await using (var rows = await command.ExecuteReaderAsync(ct))
                {
                    result = await read(rows, ct);
                }

                healthy = true;
                return result;
            }
            finally
            {
                if (!kept)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            // A read that failed or was cancelled midway closes its connection: nothing of it is reused.
            if (reader is not null)
            {
                if (healthy && !_disposed)
                {
                    _idle.Add(reader);
                    if (_disposed)
                    {
                        Dispose(); // disposed meanwhile: close what is kept rather than keep it
                    }
                }
                else
                {
                    reader.Dispose();
                }
            }

            _slots.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    /// <summary>One open connection and its prepared commands, by statement text.</summary>
    private sealed class Reader(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public static async Task<Reader> OpenAsync(string connectionString, CancellationToken ct)
        {
            // Not from Microsoft.Data.Sqlite's pool: query_only and the small cache belong to the native connection,
            // which that pool would hand to EF Core's next open once this one closed (the next start's migrations
            // then failed with "attempt to write a readonly database").
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            try
            {
                await connection.OpenAsync(ct);
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = SqlitePragmas.BusyTimeout + " PRAGMA query_only = 1; PRAGMA cache_size = -512;";
                await pragmas.ExecuteNonQueryAsync(ct);
                return new Reader(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        /// <summary>The command for <paramref name="text"/>, and whether it is kept (prepared for the next read) or to be disposed after this one.</summary>
        public (SqliteCommand Command, bool Kept) Command(string text, IReadOnlyList<ModelCommand.Parameter> parameters)
        {
            if (_commands.TryGetValue(text, out var command))
            {
                return (command, true);
            }

            command = connection.CreateCommand();
            command.CommandText = text;
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter.Mapping.CreateParameter(command, parameter.Name, null, nullable: false));
            }

            var keep = _commands.Count < MaxStatements;
            if (keep)
            {
                _commands.Add(text, command);
            }

            return (command, keep);
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }
}
