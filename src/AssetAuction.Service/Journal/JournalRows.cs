using System.Data.Common;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssetAuction.Service.Journal;

/// <summary>
/// Writes a batch's journal rows (audit entries, events, idempotency records) with plain INSERT commands on the
/// batch's connection, one command per table reused for the whole batch. These rows are append-only and never
/// read back by the write, so EF Core's change tracking bought nothing for them; its per-row work (attaching the
/// graph, detecting changes, generating the INSERT's SQL anew each time) ran inside the serial commit loop and was
/// about a third of it. Table names, column names and value conversions still come from the EF model, so the
/// mapping (and the migrations that create the tables) stay the single source of truth on both providers.
/// </summary>
internal sealed class JournalRows : IAsyncDisposable
{
    private readonly RowInsert<AuditRecord> _audit;
    private readonly RowInsert<EventRecord> _events;
    private readonly RowInsert<IdempotencyRecord> _idempotency;

    private JournalRows(DbContext db, IDbContextTransaction transaction)
    {
        var connection = db.Database.GetDbConnection();
        var shared = transaction.GetDbTransaction();
        var statements = Statements.GetValue(db.Model, model => new InsertStatements(model, db.GetService<ISqlGenerationHelper>()));
        _audit = new RowInsert<AuditRecord>(statements.Audit, connection, shared);
        _events = new RowInsert<EventRecord>(statements.Events, connection, shared);
        _idempotency = new RowInsert<IdempotencyRecord>(statements.Idempotency, connection, shared);
    }

    // One set of statements per model (one model per provider context type).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, InsertStatements> Statements = [];

    /// <summary>Commands for the batch whose open connection and transaction <paramref name="db"/> holds.</summary>
    public static JournalRows For(DbContext db, IDbContextTransaction transaction) => new(db, transaction);

    /// <summary>The INSERT that writes rows of <typeparamref name="T"/> on <paramref name="db"/>'s provider (for tests and diagnostics).</summary>
    internal static string InsertText<T>(DbContext db) => Statements.GetValue(db.Model, _ => new InsertStatements(db.Model, db.GetService<ISqlGenerationHelper>())) switch
    {
        var s when typeof(T) == typeof(AuditRecord) => s.Audit.Text,
        var s when typeof(T) == typeof(EventRecord) => s.Events.Text,
        var s when typeof(T) == typeof(IdempotencyRecord) => s.Idempotency.Text,
        _ => throw new ArgumentException($"{typeof(T).Name} is not a journal row."),
    };

    public Task AddAsync(AuditRecord entry, CancellationToken ct) => _audit.ExecuteAsync(entry, ct);

    public Task AddAsync(EventRecord entry, CancellationToken ct) => _events.ExecuteAsync(entry, ct);

    public Task AddAsync(IdempotencyRecord record, CancellationToken ct) => _idempotency.ExecuteAsync(record, ct);

    public async ValueTask DisposeAsync()
    {
        await _audit.DisposeAsync();
        await _events.DisposeAsync();
        await _idempotency.DisposeAsync();
    }

    private sealed class InsertStatements(IModel model, ISqlGenerationHelper sql)
    {
        public InsertStatement Audit { get; } = InsertStatement.For<AuditRecord>(model, sql);

        public InsertStatement Events { get; } = InsertStatement.For<EventRecord>(model, sql);

        public InsertStatement Idempotency { get; } = InsertStatement.For<IdempotencyRecord>(model, sql);
    }

    /// <summary>The INSERT of every mapped column of an entity type, and how to read and convert each value.</summary>
    private sealed class InsertStatement
    {
        private InsertStatement(string text, IReadOnlyList<IProperty> properties, IReadOnlyList<string> parameterNames)
        {
            Text = text;
            Properties = properties;
            ParameterNames = parameterNames;
            Getters = [.. properties.Select(p => p.GetGetter())];
            Mappings = [.. properties.Select(p => p.GetRelationalTypeMapping())];
        }

        public string Text { get; }

        public IReadOnlyList<IProperty> Properties { get; }

        public IReadOnlyList<string> ParameterNames { get; }

        public IClrPropertyGetter[] Getters { get; }

        public RelationalTypeMapping[] Mappings { get; }

        public static InsertStatement For<T>(IModel model, ISqlGenerationHelper sql)
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().ToList();
            var names = properties.Select((_, i) => sql.GenerateParameterName($"p{i}")).ToList();
            var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            return new InsertStatement($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({string.Join(", ", names)})", properties, names);
        }
    }

    /// <summary>One reusable command: the same text each time (SQLite keeps it prepared), new values per row.</summary>
    private sealed class RowInsert<T>(InsertStatement statement, DbConnection connection, DbTransaction transaction) : IAsyncDisposable
        where T : class
    {
        private DbCommand? _command;

        public async Task ExecuteAsync(T row, CancellationToken ct)
        {
            var command = _command ??= Create();
            for (var i = 0; i < statement.Getters.Length; i++)
            {
                var value = statement.Getters[i].GetClrValue(row);
                var converter = statement.Mappings[i].Converter;
                command.Parameters[i].Value = (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (_command is not null)
            {
                await _command.DisposeAsync();
            }
        }

        private DbCommand Create()
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Text;
            for (var i = 0; i < statement.Properties.Count; i++)
            {
                // The provider's own parameter for the column (type, size, precision), as EF Core would make it.
                command.Parameters.Add(statement.Mappings[i].CreateParameter(command, statement.ParameterNames[i], null, statement.Properties[i].IsNullable));
            }

            return command;
        }
    }
}
