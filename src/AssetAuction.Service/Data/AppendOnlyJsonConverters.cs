using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AssetAuction.Domain.Assets;

namespace AssetAuction.Service.Data;

/// <summary>
/// The JSON of one history entry, read and written by hand: its properties are init-only, which System.Text.Json
/// reads through its parameterised-constructor path (each value boxed into an argument array), half of the cost
/// of loading an asset with a long history in a profile. The names are the properties', as EF Core wrote them.
/// </summary>
internal sealed class HistoryEntryJsonConverter : JsonConverter<HistoryEntry>
{
    public override HistoryEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        AppendOnlyJsonValues.Expect(ref reader, JsonTokenType.StartObject);
        DateTimeOffset time = default;
        DateOnly? legalDate = null;
        var (late, action, from, to, actor, note) = (false, "", default(AssetState), default(AssetState), "", "");
        string? import = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("Time"u8)) time = AppendOnlyJsonValues.Instant(ref reader);
            else if (name.SequenceEqual("LegalDate"u8)) legalDate = reader.TokenType == JsonTokenType.Null ? null : DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            else if (name.SequenceEqual("RecordedLate"u8)) late = reader.GetBoolean();
            else if (name.SequenceEqual("Action"u8)) action = reader.GetString() ?? "";
            else if (name.SequenceEqual("FromState"u8)) from = (AssetState)reader.GetInt32();
            else if (name.SequenceEqual("ToState"u8)) to = (AssetState)reader.GetInt32();
            else if (name.SequenceEqual("Actor"u8)) actor = reader.GetString() ?? "";
            else if (name.SequenceEqual("Note"u8)) note = reader.GetString() ?? "";
            else if (name.SequenceEqual("Import"u8)) import = reader.GetString();
            else reader.Skip();
        }

        return new HistoryEntry { Time = time, LegalDate = legalDate, RecordedLate = late, Action = action, FromState = from, ToState = to, Actor = actor, Note = note, Import = import };
    }

    public override void Write(Utf8JsonWriter writer, HistoryEntry value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("Time"u8, value.Time.UtcTicks);
        if (value.LegalDate is { } date)
        {
            writer.WriteString("LegalDate"u8, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("LegalDate"u8);
        }

        writer.WriteBoolean("RecordedLate"u8, value.RecordedLate);
        writer.WriteString("Action"u8, value.Action);
        writer.WriteNumber("FromState"u8, (int)value.FromState);
        writer.WriteNumber("ToState"u8, (int)value.ToState);
        writer.WriteString("Actor"u8, value.Actor);
        writer.WriteString("Note"u8, value.Note);
        writer.WriteString("Import"u8, value.Import);
        writer.WriteEndObject();
    }
}

/// <summary>The JSON of one change to a round, read and written by hand (see <see cref="HistoryEntryJsonConverter"/>).</summary>
internal sealed class RoundChangeJsonConverter : JsonConverter<RoundChange>
{
    public override RoundChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        AppendOnlyJsonValues.Expect(ref reader, JsonTokenType.StartObject);
        DateTimeOffset time = default;
        DateTimeOffset? previous = null, next = null;
        var (kind, reason) = ("", "");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("Time"u8)) time = AppendOnlyJsonValues.Instant(ref reader);
            else if (name.SequenceEqual("Kind"u8)) kind = reader.GetString() ?? "";
            else if (name.SequenceEqual("Reason"u8)) reason = reader.GetString() ?? "";
            else if (name.SequenceEqual("PreviousAuctionTime"u8)) previous = reader.TokenType == JsonTokenType.Null ? null : AppendOnlyJsonValues.Instant(ref reader);
            else if (name.SequenceEqual("NewAuctionTime"u8)) next = reader.TokenType == JsonTokenType.Null ? null : AppendOnlyJsonValues.Instant(ref reader);
            else reader.Skip();
        }

        return new RoundChange { Time = time, Kind = kind, Reason = reason, PreviousAuctionTime = previous, NewAuctionTime = next };
    }

    public override void Write(Utf8JsonWriter writer, RoundChange value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("Time"u8, value.Time.UtcTicks);
        writer.WriteString("Kind"u8, value.Kind);
        writer.WriteString("Reason"u8, value.Reason);
        AppendOnlyJsonValues.WriteInstant(writer, "PreviousAuctionTime"u8, value.PreviousAuctionTime);
        AppendOnlyJsonValues.WriteInstant(writer, "NewAuctionTime"u8, value.NewAuctionTime);
        writer.WriteEndObject();
    }
}

/// <summary>
/// Instants in the documents: written as their UTC ticks, as EF Core wrote them on SQLite while these lists were
/// owned types (SQLite maps instants to ticks); ISO 8601 text, which EF Core wrote on SQL Server, is read too, so
/// rows stored before read unchanged.
/// </summary>
internal static class AppendOnlyJsonValues
{
    public static DateTimeOffset Instant(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number
            ? new DateTimeOffset(reader.GetInt64(), TimeSpan.Zero)
            : DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();

    public static void WriteInstant(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            writer.WriteNumber(name, instant.UtcTicks);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Expected {token} in a stored list, found {reader.TokenType}.");
        }
    }
}
