using System.Text.Json.Serialization;
using AssetAuction.Domain.Assets;

namespace AssetAuction.Service.Data;

/// <summary>
/// The JSON of a history entry and of a round change, as their rows store them (see AppendOnlyRows), each by its
/// hand-written converter; the lists are for the documents the asset's and the round's rows held before
/// (migration AppendOnlyListsAsRows) and for tests.
/// </summary>
[JsonSourceGenerationOptions(Converters = [typeof(HistoryEntryJsonConverter), typeof(RoundChangeJsonConverter)])]
[JsonSerializable(typeof(HistoryEntry))]
[JsonSerializable(typeof(RoundChange))]
[JsonSerializable(typeof(List<HistoryEntry>))]
[JsonSerializable(typeof(List<RoundChange>))]
internal sealed partial class AppendOnlyJsonContext : JsonSerializerContext;
