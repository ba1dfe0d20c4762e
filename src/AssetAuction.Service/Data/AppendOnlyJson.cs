using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AssetAuction.Domain.Assets;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssetAuction.Service.Data;

/// <summary>
/// An append-only list (an asset's history, a round's postponements) stored as one JSON document in its column, as
/// a plain converted value rather than owned entities. EF Core tracks each element of an owned collection as an
/// entity of its own (identity, snapshot, fix-up), so every write on an asset with a long history paid for all of
/// it again when it was loaded and saved (40% of a write's CPU on an asset with 400 entries, in a profile); a
/// converted value costs one JSON read of plain objects, and a save appends only the new elements' JSON to the
/// document it read. The elements are never changed once added, so the comparer looks only at which elements the
/// list holds, not inside them.
/// </summary>
internal static class AppendOnlyJson
{
    /// <summary>Maps <paramref name="property"/> (a list field) to the JSON document in its column.</summary>
    public static PropertyBuilder<List<T>> AsAppendOnlyJson<T>(this PropertyBuilder<List<T>> property)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasConversion(
            new ValueConverter<List<T>, string>(v => Write(v), s => Read<T>(s)),
            new ValueComparer<List<T>>((a, b) => SameElements(a, b), v => v.Count, v => v.ToList()));
    }

    private static JsonTypeInfo<List<T>> Info<T>() => (JsonTypeInfo<List<T>>)AppendOnlyJsonContext.Default.GetTypeInfo(typeof(List<T>))!;

    /// <summary>The list in <paramref name="json"/>; one that is not an array (a JSON null) reads as empty and is written afresh.</summary>
    private static List<T> Read<T>(string json) => JsonSerializer.Deserialize(json, Info<T>()) is { } elements
        ? new Stored<T>(json, elements)
        : [];

    /// <summary>The document: the one read with the new elements' JSON appended, or the whole list written afresh.</summary>
    private static string Write<T>(List<T> list)
    {
        if (list is not Stored<T> stored || !stored.StillHoldsWhatWasRead())
        {
            return JsonSerializer.Serialize(list, Info<T>());
        }

        if (stored.Count == stored.ReadCount)
        {
            return stored.Json;
        }

        // "[a,b]" and the new [c,d] make "[a,b,c,d]" (or "[c,d]" when nothing was stored).
        var added = JsonSerializer.Serialize(list.GetRange(stored.ReadCount, list.Count - stored.ReadCount), Info<T>());
        // One allocation of the document's length: it is large on a long history (the large object heap).
        return string.Concat(stored.Json.AsSpan().TrimEnd()[..^1], stored.ReadCount == 0 ? "" : ",", added.AsSpan(1));
    }

    private static bool SameElements<T>(List<T>? a, List<T>? b)
        where T : class =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Count == b.Count && a.SequenceEqual(b, ReferenceEqualityComparer.Instance));

    /// <summary>A list as read from its document, which remembers the document and the elements it held.</summary>
    private sealed class Stored<T> : List<T>
    {
        private readonly T[] _read;

        public Stored(string json, List<T> elements)
            : base(elements)
        {
            Json = json;
            _read = [.. elements];
        }

        public string Json { get; }

        public int ReadCount => _read.Length;

        /// <summary>Whether the list still starts with exactly the elements read (so far it has only been appended to).</summary>
        public bool StillHoldsWhatWasRead()
        {
            if (Count < _read.Length)
            {
                return false;
            }

            for (var i = 0; i < _read.Length; i++)
            {
                if (!ReferenceEquals(this[i], _read[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>The lists' JSON: the list part generated at build time, each element by its converter.</summary>
[JsonSourceGenerationOptions(Converters = [typeof(HistoryEntryJsonConverter), typeof(RoundChangeJsonConverter)])]
[JsonSerializable(typeof(List<HistoryEntry>))]
[JsonSerializable(typeof(List<RoundChange>))]
internal sealed partial class AppendOnlyJsonContext : JsonSerializerContext;
