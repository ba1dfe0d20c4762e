using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.Json;

namespace AssetAuction.Service.Data;

/// <summary>
/// The INSERT of an entity type's row, made from the EF Core model, and the row's values read from an entity:
/// every column of its table, each value converted as EF Core converts it, the table-split owned types' columns,
/// and the JSON documents of the owned types mapped with ToJson, written the way EF Core's update pipeline writes
/// them (Microsoft.EntityFrameworkCore.Update.ModificationCommand.WriteJson: non-key properties in model order with
/// their JSON reader-writers, then owned navigations, a null navigation as null, compact, default encoder).
/// It lets a large write (an import's chunk) compute its rows before the write lock and run only prepared INSERTs
/// under it, where EF Core's SaveChanges would generate the SQL and the documents inside the serial section.
/// The mapping stays the model's: a table, column or conversion changed there changes here too, and
/// PreparedRowsTests compares the rows with what SaveChanges writes.
/// </summary>
internal sealed class InsertPlan : IRowStatement
{
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, InsertPlan>> Plans = [];

    private readonly Func<object, object?>[] _values;
    private readonly Dictionary<IProperty, int> _columnOf;
    private readonly Dictionary<INavigation, int> _documentOf;

    private InsertPlan(string text, IReadOnlyList<Column> columns, Dictionary<IProperty, int> columnOf, Dictionary<INavigation, int> documentOf, IReadOnlyList<Dependents> dependents)
    {
        _documentOf = documentOf;
        Text = text;
        Columns = columns;
        _columnOf = columnOf;
        _values = [.. columns.Select(c => c.Value)];
        DependentRows = dependents;
    }

    /// <summary>One column: its name, its parameter and provider type mapping, and how its value is read from the entity.</summary>
    internal sealed record Column(string Name, string Parameter, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> Value);

    /// <summary>A non-owned collection or reference whose entities are inserted after their principal, with its key as their foreign key.</summary>
    internal sealed record Dependents(INavigation Navigation, IReadOnlyList<(IProperty Dependent, IProperty Principal)> ForeignKey);

    public string Text { get; }

    public IReadOnlyList<Column> Columns { get; }

    IReadOnlyList<Column> IRowStatement.Parameters => Columns;

    bool IRowStatement.MustChangeOneRow => false;

    public IReadOnlyList<Dependents> DependentRows { get; }

    /// <summary>The plan for <paramref name="clrType"/> in <paramref name="db"/>'s model (made once per model and type).</summary>
    public static InsertPlan For(DbContext db, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plans = Plans.GetValue(db.Model, _ => new ConcurrentDictionary<Type, InsertPlan>());
        if (plans.TryGetValue(clrType, out var plan))
        {
            return plan;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        return plans.GetOrAdd(clrType, type => Build(db.Model, sql, type));
    }

    /// <summary>The row's values, in <see cref="Columns"/> order, as the provider takes them.</summary>
    public object?[] Values(object entity)
    {
        var values = new object?[_values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _values[i](entity);
        }

        return values;
    }

    /// <summary>One column's value, as the provider takes it (see <see cref="Values"/>).</summary>
    public object? Value(object entity, int column) => _values[column](entity);

    /// <summary>The column a root property of the entity is written to.</summary>
    public int ColumnOf(IProperty property) => _columnOf[property];

    /// <summary>The column holding the JSON document of a root owned navigation, if it has one of its own.</summary>
    public int? DocumentOf(INavigation navigation) => _documentOf.TryGetValue(navigation, out var column) ? column : null;

    private static InsertPlan Build(IModel model, ISqlGenerationHelper sql, Type clrType)
    {
        var entityType = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var tableName = entityType.GetTableName() ?? throw new NotSupportedException($"{clrType.Name} is not mapped to a table.");
        var table = model.GetRelationalModel().FindTable(tableName, entityType.GetSchema())!;
        var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var columns = new List<Column>();
        var columnOf = new Dictionary<IProperty, int>();
        var documentOf = new Dictionary<INavigation, int>();
        var dependents = new List<Dependents>();

        void AddColumn(string name, RelationalTypeMapping mapping, bool nullable, Func<object, object?> value) =>
            columns.Add(new Column(name, sql.GenerateParameterName($"p{columns.Count}"), mapping, nullable, value));

        void Walk(IEntityType type, Func<object, object?> reach, bool root)
        {
            foreach (var property in type.GetProperties())
            {
                var name = property.GetColumnName(store)!;
                if (columns.Any(c => c.Name == name))
                {
                    // A table-split owned type's key: the owner's key column, written once.
                    continue;
                }

                if (property.IsShadowProperty() || property.GetBeforeSaveBehavior() != PropertySaveBehavior.Save)
                {
                    throw new NotSupportedException($"{type.DisplayName()}.{property.Name} has no value on the entity (shadow or store-generated); write it with SaveChanges.");
                }

                var getter = property.GetGetter();
                var mapping = property.GetRelationalTypeMapping();
                var converter = mapping.Converter;
                if (root)
                {
                    columnOf[property] = columns.Count;
                }

                AddColumn(name, mapping, property.IsNullable || !root, entity => reach(entity) is { } owner && getter.GetClrValue(owner) is { } v
                    ? converter is null ? v : converter.ConvertToProvider(v)
                    : null);
            }

            foreach (var navigation in type.GetNavigations())
            {
                if (navigation.IsOnDependent)
                {
                    continue;
                }

                var target = navigation.TargetEntityType;
                var get = navigation.GetGetter();
                if (!target.IsOwned())
                {
                    if (!root)
                    {
                        throw new NotSupportedException($"{type.DisplayName()}.{navigation.Name} leads to other rows from an owned type.");
                    }

                    var key = navigation.ForeignKey;
                    dependents.Add(new Dependents(navigation, [.. key.Properties.Zip(key.PrincipalKey.Properties)]));
                }
                else if (target.IsMappedToJson())
                {
                    var column = table.FindColumn(target.GetContainerColumnName()!)!;
                    if (root)
                    {
                        documentOf[navigation] = columns.Count;
                    }

                    var document = JsonDocumentWriter.For(target, navigation.IsCollection);
                    AddColumn(column.Name, column.StoreTypeMapping, true, entity => reach(entity) is { } owner ? document.Write(get.GetClrValue(owner)) : null);
                }
                else if (!navigation.IsCollection && target.GetTableName() == tableName)
                {
                    Walk(target, entity => reach(entity) is { } owner ? get.GetClrValue(owner) : null, root: false);
                }
                else
                {
                    throw new NotSupportedException($"{type.DisplayName()}.{navigation.Name} is owned in a table of its own.");
                }
            }

            if (type.GetSkipNavigations().Any() || type.GetComplexProperties().Any())
            {
                throw new NotSupportedException($"{type.DisplayName()} has many-to-many navigations or complex properties, which InsertPlan does not write.");
            }
        }

        Walk(entityType, entity => entity, root: true);
        var text = $"INSERT INTO {sql.DelimitIdentifier(tableName, entityType.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ({string.Join(", ", columns.Select(c => c.Parameter))})";
        return new InsertPlan(text, columns, columnOf, documentOf, dependents);
    }

    /// <summary>An owned type's JSON document, as EF Core's update pipeline writes it.</summary>
    private sealed class JsonDocumentWriter
    {
        private static readonly ConcurrentDictionary<(IEntityType, bool), JsonDocumentWriter> Writers = new();
        private readonly bool _collection;
        private readonly List<(string Name, IClrPropertyGetter Get, JsonValueReaderWriter Json)> _properties = [];
        private readonly List<(string Name, IClrPropertyGetter Get, JsonDocumentWriter Document)> _navigations = [];

        private JsonDocumentWriter(bool collection) => _collection = collection;

        public static JsonDocumentWriter For(IEntityType type, bool collection)
        {
            if (Writers.TryGetValue((type, collection), out var known))
            {
                return known;
            }

            var writer = new JsonDocumentWriter(collection);
            foreach (var property in type.GetProperties().Where(p => !p.IsKey()))
            {
                if (property.IsShadowProperty())
                {
                    throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is a shadow property inside a JSON document.");
                }

                var json = property.GetJsonValueReaderWriter() ?? property.GetTypeMapping().JsonValueReaderWriter
                    ?? throw new NotSupportedException($"{type.DisplayName()}.{property.Name} has no JSON reader-writer.");
                writer._properties.Add((property.GetJsonPropertyName()!, property.GetGetter(), json));
            }

            foreach (var navigation in type.GetNavigations().Where(n => !n.IsOnDependent))
            {
                writer._navigations.Add((navigation.TargetEntityType.GetJsonPropertyName()!, navigation.GetGetter(), For(navigation.TargetEntityType, navigation.IsCollection)));
            }

            if (type.GetComplexProperties().Any())
            {
                throw new NotSupportedException($"{type.DisplayName()} has complex properties inside a JSON document.");
            }

            return Writers.GetOrAdd((type, collection), writer);
        }

        /// <summary>The column's value: the document, or null for a null navigation (as EF Core leaves the column).</summary>
        public string? Write(object? value)
        {
            if (value is null)
            {
                return null;
            }

            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
            {
                WriteValue(writer, value);
            }

            return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        }

        private void WriteValue(Utf8JsonWriter writer, object? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else if (_collection)
            {
                writer.WriteStartArray();
                foreach (var element in (IEnumerable)value)
                {
                    WriteObject(writer, element);
                }

                writer.WriteEndArray();
            }
            else
            {
                WriteObject(writer, value);
            }
        }

        private void WriteObject(Utf8JsonWriter writer, object? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartObject();
            foreach (var (name, get, json) in _properties)
            {
                writer.WritePropertyName(name);
                if (get.GetClrValue(value) is { } v)
                {
                    json.ToJson(writer, v);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            foreach (var (name, get, document) in _navigations)
            {
                writer.WritePropertyName(name);
                document.WriteValue(writer, get.GetClrValue(value));
            }

            writer.WriteEndObject();
        }
    }
}
