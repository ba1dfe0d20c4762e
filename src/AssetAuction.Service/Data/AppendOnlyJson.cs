using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssetAuction.Service.Data;

/// <summary>
/// An append-only list (an asset's history, a round's postponements) stored as one JSON document in its column, as
/// a plain converted value rather than owned entities. EF Core tracks each element of an owned collection as an
/// entity of its own (identity, snapshot, fix-up), so every write on an asset with a long history paid for all of
/// it again when it was loaded and saved (40% of a write's CPU on an asset with 400 entries, in a profile); a
/// converted value costs one JSON read and one JSON write of plain objects. The elements are never changed once
/// added, so the comparer looks only at which elements the list holds, not inside them.
/// </summary>
internal static class AppendOnlyJson
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new InstantConverter() } };

    /// <summary>Maps <paramref name="property"/> (a list field) to the JSON document in its column.</summary>
    public static PropertyBuilder<List<T>> AsAppendOnlyJson<T>(this PropertyBuilder<List<T>> property)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasConversion(
            new ValueConverter<List<T>, string>(v => Write(v), s => Read<T>(s)),
            new ValueComparer<List<T>>((a, b) => SameElements(a, b), v => v.Count, v => v.ToList()));
    }

    private static string Write<T>(List<T> list) => JsonSerializer.Serialize(list, Options);

    private static List<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];

    private static bool SameElements<T>(List<T>? a, List<T>? b)
        where T : class =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Count == b.Count && a.SequenceEqual(b, ReferenceEqualityComparer.Instance));

    /// <summary>
    /// An instant in a document: written as ISO 8601 in UTC with every tick; read from that or from the UTC ticks that
    /// EF Core wrote on SQLite while these lists were owned types (SQLite maps instants to ticks), so rows stored
    /// before read unchanged, and each is rewritten in this form with the asset's next change.
    /// </summary>
    private sealed class InstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number
                ? new DateTimeOffset(reader.GetInt64(), TimeSpan.Zero)
                : DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
    }
}
