using System.Data.Common;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssetAuction.Service.Journal;

/// <summary>
/// Writes a batch's journal rows (audit entries, events, idempotency records), and the rows a large write prepared
/// before the lock (<see cref="PreparedRows"/>), with plain INSERT commands on the batch's connection, one command
/// per table reused for the whole batch. Journal rows are append-only and never read back by the write, so EF
/// Core's change tracking bought nothing for them; its per-row work (attaching the graph, detecting changes,
/// generating the INSERT's SQL anew each time) ran inside the serial commit loop and was about a third of it.
/// Table names, column names and value conversions still come from the EF model (<see cref="InsertPlan"/>), so the
/// mapping (and the migrations that create the tables) stay the single source of truth on both providers.
/// </summary>
internal sealed class JournalRows(DbContext db, IDbContextTransaction transaction) : IAsyncDisposable
{
    private readonly DbConnection _connection = db.Database.GetDbConnection();
    private readonly DbTransaction _transaction = transaction.GetDbTransaction();
    private readonly Dictionary<IRowStatement, DbCommand> _commands = [];

    /// <summary>Commands for the batch whose open connection and transaction <paramref name="db"/> holds.</summary>
    public static JournalRows For(DbContext db, IDbContextTransaction transaction) => new(db, transaction);

    /// <summary>The INSERT that writes rows of <typeparamref name="T"/> on <paramref name="db"/>'s provider (for tests and diagnostics).</summary>
    internal static string InsertText<T>(DbContext db) => InsertPlan.For(db, typeof(T)).Text;

    public Task AddAsync(AuditRecord entry, CancellationToken ct) => InsertAsync(entry, ct);

    public Task AddAsync(EventRecord entry, CancellationToken ct) => InsertAsync(entry, ct);

    public Task AddAsync(IdempotencyRecord record, CancellationToken ct) => InsertAsync(record, ct);

    /// <summary>Runs the INSERTs and UPDATEs of rows prepared before the lock, in their order.</summary>
    public async Task AddAsync(PreparedRows rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var (plan, values) in rows.Rows)
        {
            await ExecuteAsync(plan, values, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }

    private Task InsertAsync(object row, CancellationToken ct)
    {
        var plan = InsertPlan.For(db, row.GetType());
        return ExecuteAsync(plan, plan.Values(row), ct);
    }

    /// <summary>One reusable command per statement: the same text each time (SQLite keeps it prepared), new values per row.</summary>
    private async Task ExecuteAsync(IRowStatement plan, object?[] values, CancellationToken ct)
    {
        if (!_commands.TryGetValue(plan, out var command))
        {
            command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = plan.Text;
            foreach (var column in plan.Parameters)
            {
                // The provider's own parameter for the column (type, size, precision), as EF Core would make it.
                command.Parameters.Add(column.Mapping.CreateParameter(command, column.Parameter, null, column.Nullable));
            }

            _commands.Add(plan, command);
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        var changed = await command.ExecuteNonQueryAsync(ct);
        if (plan.MustChangeOneRow && changed != 1)
        {
            // As EF Core reports it: the row's version changed (or the row went) since it was read; the write is decided again.
            throw new DbUpdateConcurrencyException($"The row was changed or removed by another write since it was read ({changed} rows matched).");
        }
    }
}
